/**
 * Free text in other languages: ages over 89 with the units, words and labels of age of many locales, in any script's
 * digits, and dates written with month names or date words of many locales; clinical English that looks like them
 * stays. Phrasings are my own, several per language.
 */
import { describe, expect, it } from 'vitest';
import { makeTextCleaner } from '../../lib/metadata/clean-text.js';
import { findAgesOver89 } from '../../lib/text/ages.js';
import { asciiDigits, monthWords, yearUnitWords } from '../../lib/text/locale-data.js';
import { findShapes } from '../../lib/text/shapes.js';

const ageTexts = (text: string) => findAgesOver89(text).map((a) => text.slice(a.begin, a.end));
const dateTexts = (text: string) => findShapes(text).filter((s) => s.kind === 'date').map((s) => text.slice(s.begin, s.end));

describe('locale data', () => {
  it('reads month names of many languages, with the genitive forms used with a day', () => {
    const months = monthWords();
    expect(months.get('czerwca')).toBe(6); // Polish, with a day
    expect(months.get('czerwiec')).toBe(6); // Polish, alone
    expect(months.get('июня')).toBe(6);
    expect(months.get('haziran')).toBe(6);
    expect(months.get('junho')).toBe(6);
    expect(months.get('srpna')).toBe(8);
    expect(months.get('มิถุนายน')).toBe(6);
    expect(months.get('ιουνιου')).toBe(6);
  });

  it('reads the unit year in every plural form', () => {
    const units = yearUnitWords();
    for (const word of ['lat', 'let', 'года', 'лет', 'anos', 'jahre', 'vuotta', 'ปี']) expect(units.has(word), word).toBe(true);
  });

  it('reads digits of other scripts as numbers', () => {
    expect(asciiDigits('٩٢ ۹۲ ९२ ๙๒ ９２')).toBe('92 92 92 92 92');
  });
});

describe('ages over 89 in other languages', () => {
  const found: Array<[string, string]> = [
    ['Hasta 93 yaşında, düşme sonrası', '93'],
    ['93 yaşındaki kadın hasta', '93'],
    ['Yaş: 91', '91'],
    ['Pacjentka, 94 lat, po upadku', '94'],
    ['Wiek 96 lat', '96'],
    ['Pacient 92 let, pád doma', '92'],
    ['92letý muž s dušností', '92'],
    ['Věk: 97', '97'],
    ['96-jarige vrouw met heupfractuur', '96'],
    ['Patiënt, 93 jaar oud', '93'],
    ['Paciente de 95 a., caída', '95'],
    ['Mujer de 91 años', '91'],
    ['Edad 98', '98'],
    ['Idade: 94 anos', '94'],
    ['อายุ 97 ปี', '97'],
    ['ผู้ป่วยหญิง 93 ปี', '93'],
    ['患者 91岁 女', '91'],
    ['年龄 93 岁', '93'],
    ['患者年龄93岁', '93'],
    ['92歳 女性', '92'],
    ['만 94세 여자', '94'],
    ['나이: 95', '95'],
    ['Bệnh nhân nữ 95 tuổi', '95'],
    ['आयु 91 वर्ष', '91'],
    ['91 वर्षीय महिला', '91'],
    ['პაციენტი 92 წლის', '92'],
    ['Больная 93 лет', '93'],
    ['Пациентка, 93 года', '93'],
    ['Возраст 95', '95'],
    ['Ασθενής 94 ετών', '94'],
    ['مريضة ٩٢ سنة', '٩٢'],
    ['العمر 96 عاما', '96'],
    ['בן 95, נפל בבית', '95'],
    ['95-vuotias nainen', '95'],
    ['93 éves nő', '93'],
    ['94-årig kvinna', '94'],
    ['Frau, 91 Jahre alt', '91'],
    ['Alter: 99', '99'],
  ];
  it.each(found)('finds the age in %s', (text, age) => {
    expect(ageTexts(text)).toContain(age);
  });

  const kept = [
    'lat 90°',
    'projection 95 lat',
    'XR knee 2 views AP and 90 lat',
    'L5 lat',
    '90 lat view',
    'b-values 95 a 97',
    'series 92 let through',
    '2021 protocol',
    'ETA 95 min',
    '95 г сахара',
    '94 l saline',
    '95年入院',
    'Wiek 88 lat',
    '89 yaşında',
    'T2 95 a',
  ];
  it.each(kept)('finds no age in %s', (text) => {
    expect(ageTexts(text)).toEqual([]);
  });

  it('writes the age as 90 or older and keeps the unit', () => {
    const clean = makeTextCleaner({ values: [] }, []);
    expect(clean('Pacjentka, 94 lat, upadek').text).toBe('Pacjentka, 90+ lat, upadek');
    expect(clean('患者 91岁').text).toBe('患者 90+岁');
  });
});

describe('ages over 89 with the unit or label first, or an abbreviated unit after a title', () => {
  const found: Array<[string, string]> = [
    ['Pacjentka lat 95, po upadku', '95'],
    ['pacjent, l. 94', '94'],
    ['Wiek (lat): 96', '96'],
    ['Edad (años) 92', '92'],
    ['Sr. Gómez, 97 a., caída en domicilio', '97'],
    ['Sra. 93 a.', '93'],
    ['Pani Zielińska 93 l.; upadek ze schodów', '93'],
    ['Pan Dvořák, 95 r., pád doma', '95'],
    ['Mevr. Bakker, 91 jr.', '91'],
    ['Sig.ra Esposito 94 aa., caduta', '94'],
    ['Hr. Lindner 92 J., Sturz', '92'],
    ['Mme Lefèvre, 96 a.', '96'],
    ['Szabó úr, 93 évesen elesett', '93'],
  ];
  it.each(found)('finds the age in %s', (text, age) => {
    expect(ageTexts(text)).toContain(age);
  });

  // The same weak units where no person is named, or a number that is no age beside a title.
  const kept = [
    'XR knee lat 93',
    'AP and lat 95, repeat',
    'Pt positioned: AP, lat 95 degrees',
    'lat 93 view',
    'Sr. tech: shock 120 J delivered x2',
    'Sra. Núñez: flujo 95 l/min',
    'Herr Roth, Defibrillation mit 3 Schocks zu je 120 J',
    'Sr. Ortega 10:30, 97 a.m. reading',
    'Pani Wrona 88 l.; upadek',
    'Sr. Pardo, 89 a.',
    'paciente com saturação 93 é baixa',
    'paciente con saturación 93 a las 10 h',
    'Mr. Lee HR 95 a minute',
  ];
  it.each(kept)('finds no age in %s', (text) => {
    expect(ageTexts(text)).toEqual([]);
  });
});

describe('dates in other languages', () => {
  const found: Array<[string, string]> = [
    ['Exame em 14 de junho de 2021', '14 de junho de 2021'],
    ['visto el 3 de marzo de 2020.', '3 de marzo de 2020'],
    ['Vizsgálat: 2021. június 14. reggel', '2021. június 14.'],
    ['Khám ngày 14 tháng 6 năm 2021', 'ngày 14 tháng 6 năm 2021'],
    ['检查日期 2021年6月14日', '2021年6月14日'],
    ['2021년 6월 14일 검사', '2021년 6월 14일'],
    ['badanie 14 czerwca 2021', '14 czerwca 2021'],
    ['14 Haziran 2021 tarihinde', '14 Haziran 2021'],
    ['vyšetření 14. srpna 2021', '14. srpna 2021'],
    ['onderzoek 14 juni 2021', '14 juni 2021'],
    ['ตรวจเมื่อ 14 มิถุนายน 2564', '14 มิถุนายน 2564'],
    ['Studie vom 3. März 2019', '3. März 2019'],
    ['14-VI-2021', '14-VI-2021'],
    ['2021 m. birželio 14 d.', '2021 m. birželio 14 d.'],
    ['14 июня 2021 г.', '14 июня 2021 г.'],
    ['١٤ يونيو ٢٠٢١', '١٤ يونيو ٢٠٢١'],
    ['14 Ιουνίου 2021', '14 Ιουνίου 2021'],
    ['14 ביוני 2021', '14 ביוני 2021'],
    ['controllo del 12 gennaio', '12 gennaio'],
    ['RDV le 5 janvier', '5 janvier'],
    ['6月14日に撮影', '6月14日'],
    ['Haziran 2021', 'Haziran 2021'],
    ['10 out 2021', '10 out 2021'],
    ['Termin am 12. Mai', '12. Mai'],
    ['14 sie 2021', '14 sie 2021'],
  ];
  it.each(found)('finds the date in %s', (text, date) => {
    expect(dateTexts(text)).toContain(date);
  });

  const kept = ['XR ELB 2 VIEWS', 'R ELB 3 views', 'KOL 3', 'Juni-Studie', 'Marz', 'mars', 'luty', 'May', '10 out of 12', '3 set of images', 'Series 2 set 3', '8 mag', 'mag 2 lip', '5 ago', '2021 protocol', '3 mars'];
  it.each(kept)('finds no date in %s', (text) => {
    expect(dateTexts(text)).toEqual([]);
  });

  it('removes the whole date when cleaning', () => {
    const clean = makeTextCleaner({ values: [] }, []);
    const out = clean('Consulta em 14 de junho de 2021 com dor').text;
    expect(out).not.toMatch(/junho|14|2021/);
    expect(out).toMatch(/^Consulta em\b.*\bcom dor$/);
  });
});
