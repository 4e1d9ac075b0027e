/**
 * Free text in other languages: ages over 89 with the units, words and labels of age of many locales, in any script's
 * digits, and dates written with month names or date words of many locales; clinical English that looks like them
 * stays. Phrasings are my own, several per language.
 */
import { describe, expect, it } from 'vitest';
import { makeTextCleaner } from '../../lib/metadata/clean-text.js';
import { asciiDigits, monthWords, yearUnitWords } from '../../lib/text/locale-data.js';
import { findShapes } from '../../lib/text/shapes.js';

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
  ];
  it.each(found)('finds the date in %s', (text, date) => {
    expect(dateTexts(text)).toContain(date);
  });

  const kept = ['Juni-Studie', 'Marz', 'mars', 'luty', 'May', '10 out of 12', '3 set of images', 'Series 2 set 3', '8 mag', 'mag 2 lip', '5 ago', '2021 protocol', '3 mars'];
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
