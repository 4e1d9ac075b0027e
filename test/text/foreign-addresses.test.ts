/**
 * Street addresses written in other countries' forms, with the postcode and city after them, in running text (after
 * an address cue word and without one), and the clinical text that looks like them and must stay.
 */
import { describe, expect, it } from 'vitest';
import { scorePhrasings, scoreUnchanged } from './score-phrasings.js';

const POLISH = [
  { text: 'adres ul. 3 Maja 17/4, 35-030 Rzeszów, tel. domowy brak', phi: ['Maja 17', '35-030', 'Rzeszów'], keep: ['adres', 'domowy', 'brak'] },
  { text: 'Adres: ul. Hoża 41/7, 00-681 Warszawa. Skierowanie z poradni.', phi: ['Hoża 41', '00-681', 'Warszawa'], keep: ['Adres', 'Skierowanie', 'poradni'] },
  { text: 'mieszka ul. Józefa Piłsudskiego 12 m. 4, 31-110 Kraków; kontrola za 3 mies.', phi: ['Piłsudskiego 12', 'm. 4', '31-110', 'Kraków'], keep: ['mieszka', 'kontrola'] },
  { text: 'adres zamieszkania al. Jerozolimskie 65/79 - bez zmian', phi: ['Jerozolimskie 65'], keep: ['zamieszkania', 'zmian'] },
  { text: 'Pacjent z os. Tysiąclecia 8, Katowice', phi: ['Tysiąclecia 8', 'Katowice'], keep: ['Pacjent'] },
];

const DUTCH = [
  { text: 'Oude Gracht 4, Leiden; controle 6 wk', phi: ['Gracht 4', 'Leiden'], keep: ['controle'] },
  { text: 'Woonachtig Van Speijkstraat 31 te Haarlem', phi: ['Speijkstraat 31', 'Haarlem'], keep: ['Woonachtig'] },
  { text: 'adres: Prinsengracht 263-II, 1016 GV Amsterdam', phi: ['Prinsengracht 263', '1016 GV', 'Amsterdam'], keep: ['adres'] },
  { text: 'Woont Laan van Meerdervoort 112, Den Haag. Verwijzing huisarts.', phi: ['Meerdervoort 112', 'Den Haag'], keep: ['Woont', 'Verwijzing', 'huisarts'] },
  { text: 'pt woont Zonnebloemhof 7 te Utrecht', phi: ['Zonnebloemhof 7'], keep: ['woont'] },
  { text: 'Correspondentie naar Kerkplein 3a, 3811 AB Amersfoort', phi: ['Kerkplein 3a', '3811 AB', 'Amersfoort'], keep: ['Correspondentie'] },
  { text: 'Nieuwe Binnenweg 88B 3015 BE Rotterdam', phi: ['Binnenweg 88B', '3015 BE'], keep: [] },
  { text: 'thuisadres Wilhelminalaan 14', phi: ['Wilhelminalaan 14'], keep: ['thuisadres'] },
];

const NORDIC = [
  { text: 'bor på Sveavägen 12 Stockholm', phi: ['Sveavägen 12', 'Stockholm'], keep: ['bor'] },
  { text: 'Nørrebrogade 41, 2200 København N; henvist', phi: ['Nørrebrogade 41', '2200', 'København'], keep: ['henvist'] },
  { text: 'Adress: Kungsgatan 18B, 411 19 Göteborg', phi: ['Kungsgatan 18B', '411 19', 'Göteborg'], keep: ['Adress'] },
  { text: 'bor på Birkagatan 4 tr 2, Stockholm', phi: ['Birkagatan 4', 'Stockholm'], keep: ['bor'] },
  { text: 'Remiss; adress Lidingövägen 75, 115 41 Stockholm; återbesök', phi: ['Lidingövägen 75', '115 41'], keep: ['Remiss', 'återbesök'] },
  { text: 'Adresse: Vestergade 22, 2. th., 8000 Aarhus C', phi: ['Vestergade 22', '8000', 'Aarhus'], keep: ['Adresse'] },
  { text: 'Adresse: Thorvald Meyers gate 49, 0555 Oslo. Henvisning fra fastlege', phi: ['Meyers gate 49', '0555', 'Oslo'], keep: ['Adresse', 'Henvisning', 'fastlege'] },
  { text: 'bor Strandvejen 130, 2900 Hellerup', phi: ['Strandvejen 130', '2900', 'Hellerup'], keep: ['bor'] },
  { text: 'osoite Mannerheimintie 20 A 5, 00100 Helsinki', phi: ['Mannerheimintie 20', '00100', 'Helsinki'], keep: ['osoite'] },
  { text: 'asuu Pispalan valtatie 33, Tampere', phi: ['valtatie 33', 'Tampere'], keep: ['asuu'] },
  { text: 'Lakcím: Andrássy út 60, 1062 Budapest', phi: ['Andrássy út 60', '1062', 'Budapest'], keep: ['Lakcím'] },
  { text: 'lakik Kossuth Lajos utca 9., Szeged', phi: ['utca 9', 'Szeged'], keep: ['lakik'] },
];

const IBERIAN = [
  { text: 'Travessa da Queimada 9, 1200-365 Lisboa; dor lombar', phi: ['Queimada 9', '1200-365', 'Lisboa'], keep: ['dor', 'lombar'] },
  { text: 'Rua Marquês de Pombal 301, Curitiba - retorno', phi: ['Pombal 301', 'Curitiba'], keep: ['retorno'] },
  { text: 'Morada: Rua Augusta 27, 2º Dto, 1100-048 Lisboa', phi: ['Augusta 27', '1100-048', 'Lisboa'], keep: ['Morada'] },
  { text: 'reside na Avenida dos Aliados 88, Porto', phi: ['Aliados 88', 'Porto'], keep: ['reside'] },
  { text: 'Rua Almirante Cândido dos Reis 14 - contacto familiar', phi: ['Almirante', 'Cândido', 'Reis 14'], keep: ['contacto', 'familiar'] },
  { text: 'Domicilio: Calle de Serrano 61, 3ºA, 28006 Madrid', phi: ['Serrano 61', '28006', 'Madrid'], keep: ['Domicilio'] },
  { text: 'vive en Avda. del Puerto 14, Valencia', phi: ['Puerto 14', 'Valencia'], keep: ['vive'] },
  { text: 'domicili Carrer de Balmes 129, 08008 Barcelona', phi: ['Balmes 129', '08008', 'Barcelona'], keep: ['domicili'] },
  { text: 'Paseo de la Castellana 200 - remitido por urgencias', phi: ['Castellana 200'], keep: ['remitido', 'urgencias'] },
  { text: 'Endereço: Av. Brigadeiro Faria Lima, 3477, 04538-133 São Paulo', phi: ['Faria Lima', '3477', '04538-133', 'São Paulo'], keep: ['Endereço'] },
  { text: 'Calle 16 de Septiembre 45, Col. Juárez, Ciudad de México', phi: ['Septiembre 45', 'Juárez'], keep: [] },
];

const TURKISH = [
  { text: 'Barbaros Bulvarı No: 101 Beşiktaş, kontrol', phi: ['Barbaros', 'No: 101'], keep: ['kontrol'] },
  { text: 'Adres: Cumhuriyet Caddesi No: 44/3, 34367 Şişli', phi: ['Cumhuriyet', 'No: 44', '34367', 'Şişli'], keep: ['Adres'] },
  { text: 'ikamet Bahariye Cad. 12/5 Kadıköy', phi: ['Bahariye', '12/5'], keep: ['ikamet'] },
  { text: 'Gül Sokak No 7 Daire 3, Ankara', phi: ['Gül Sokak', 'No 7'], keep: [] },
];

const ASIA = [
  { text: '주소 부산광역시 해운대구 센텀중앙로 79, 48058 부산', phi: ['센텀중앙로 79', '48058'], keep: ['주소'] },
  { text: '〒530-0001 大阪府大阪市北区梅田 3-1-3; 紹介状', phi: ['530-0001', '3-1-3'], keep: ['紹介状'] },
  { text: 'Pt resides 44, Nehru Marg, Jaipur 302004 with son', phi: ['Nehru Marg', '302004'], keep: ['resides', 'son'] },
  { text: 'Pt lives at 27, 2nd Main, Jayanagar, Bengaluru 560041; known diabetic', phi: ['27, 2nd Main', 'Jayanagar', 'Bengaluru', '560041'], keep: ['Pt', 'known', 'diabetic'] },
  { text: 'Address: 8, 5th Cross Road, Malleswaram. Referred by GP', phi: ['5th Cross', 'Malleswaram'], keep: ['Referred', 'GP'] },
  { text: '주소: 서울특별시 종로구 율곡로 75', phi: ['율곡로 75'], keep: ['주소'] },
  { text: '환자 주소 강남구 논현로 508 3층', phi: ['논현로 508'], keep: ['환자'] },
  { text: '住所：上海市黄浦区汉口路 120号', phi: ['汉口路 120号'], keep: ['住所'] },
  { text: '住址 北京市朝阳区建国路 88号', phi: ['建国路 88号'], keep: [] },
  { text: '住所: 東京都新宿区西新宿2丁目8番1号', phi: ['2丁目8番1号'], keep: ['住所'] },
  { text: '〒160-0023 東京都新宿区西新宿 1-26-2', phi: ['160-0023', '1-26-2'], keep: [] },
];

const GERMAN = [
  { text: 'Wohnort: Hauptstraße 5, 69117 Heidelberg', phi: ['Hauptstraße 5', '69117', 'Heidelberg'], keep: ['Wohnort'] },
  { text: 'Adresa: Vinohradská 12, 120 00 Praha 2', phi: ['Vinohradská 12', '120 00', 'Praha'], keep: ['Adresa'] },
];

/** Headers written in capitals, and the postcode and city written before the street. */
const CAPITALS_AND_ORDER = [
  { text: 'ADRES: UL. KRUCZA 16/22, 00-526 WARSZAWA; SKIEROWANIE', phi: ['KRUCZA 16', '00-526', 'WARSZAWA'], keep: ['SKIEROWANIE'] },
  { text: 'HERENGRACHT 502, 1017 CB AMSTERDAM', phi: ['HERENGRACHT 502', '1017 CB', 'AMSTERDAM'], keep: [] },
  { text: 'ADRESS: HORNSGATAN 31, 118 49 STOCKHOLM; REMISS', phi: ['HORNSGATAN 31', '118 49', 'STOCKHOLM'], keep: ['REMISS'] },
  { text: 'MORADA: RUA DO OURO 88, 1100-063 LISBOA', phi: ['OURO 88', '1100-063', 'LISBOA'], keep: ['MORADA'] },
  { text: 'İSTİKLAL CADDESI NO: 120, 34430 BEYOĞLU', phi: ['İSTİKLAL', 'NO: 120', '34430', 'BEYOĞLU'], keep: [] },
  { text: 'Adres: 31-042 Kraków, ul. Floriańska 15; kontrola', phi: ['31-042', 'Kraków', 'Floriańska 15'], keep: ['Adres', 'kontrola'] },
  { text: 'Domicilio: 41001 Sevilla, Calle Sierpes 48', phi: ['41001', 'Sevilla', 'Sierpes 48'], keep: ['Domicilio'] },
];

/**
 * Street names joined to their kind by a hyphen or written as one word after a person's or a place's name (Dutch,
 * Flemish, German, Scandinavian), and the postcode and town after such a street or alone after a mark: scored before
 * the change.
 */
const JOINED_KINDS = [
  { text: 'Adres: Willem de Zwijger-kade 14, 1013 AB Amsterdam', phi: ['Willem', 'Zwijger-kade 14', '1013 AB', 'Amsterdam'], keep: ['Adres'] },
  { text: 'Woont Pieter Bothstraat 21 te Leiden', phi: ['Pieter', 'Bothstraat 21', 'Leiden'], keep: ['Woont'] },
  { text: 'Wohnhaft Am Kaiser-Platz 7, D-52062 Aachen; Sturz', phi: ['Kaiser-Platz 7', '52062', 'Aachen'], keep: ['Wohnhaft', 'Sturz'] },
  { text: 'Anschrift: Theodor-Heuss-Straße 40, 70174 Stuttgart', phi: ['Theodor-Heuss-Straße 40', '70174', 'Stuttgart'], keep: ['Anschrift'] },
  { text: 'bor på Drottning Kristinas-väg 9, SE-114 28 Stockholm', phi: ['Kristinas-väg 9', '114 28', 'Stockholm'], keep: ['bor'] },
  { text: 'Adresse: Dronning Louises-vej 3, DK-2100 København Ø', phi: ['Louises-vej 3', '2100', 'København'], keep: ['Adresse'] },
  { text: 'Koning Albert-laan 12 · 2600 Berchem', phi: ['Albert-laan 12', '2600', 'Berchem'], keep: [] },
  { text: 'Patiënt woont Sint-Jansvliet 5 - 2000 Antwerpen, alleen', phi: ['Jansvliet 5', '2000', 'Antwerpen'], keep: ['Patiënt', 'woont', 'alleen'] },
  { text: 'Via Garibaldi 21 - 20121 Milano', phi: ['Garibaldi 21', '20121', 'Milano'], keep: [] },
  { text: 'Morada desconhecida; 4150-021 Porto', phi: ['4150-021', 'Porto'], keep: ['Morada', 'desconhecida'] },
  { text: 'Wohnort 80331 München, ledig', phi: ['80331', 'München'], keep: ['Wohnort', 'ledig'] },
  { text: 'Hoofdweg 12 / 1058 BA Amsterdam', phi: ['Hoofdweg 12', '1058 BA', 'Amsterdam'], keep: [] },
];

/** Clinical text with numbers, abbreviations and capitalised words in the same shapes: every word stays. */
const CLINICAL = [
  'MRI L-spine: disc bulge L4-5, C5-C6 foraminal narrowing',
  'Col. transverso sin lesiones',
  'Cad. sag T2 FLAIR 3 mm',
  'No: 15 series acquired',
  'Mayo Clinic protocol 4',
  '1-2-3 fractionation, 2 Gy x 30',
  'Segment 7 lesion 12 mm, Couinaud 4a',
  'Rua de contraste 10 ml',
  'Grade 2 of 4, Stage 3',
  'Avenida protocol arm B 3',
  'Hof 2 Befund unauffällig',
  'Dose 100 mg, then 50 mg',
  'Contrast Omnipaque 350, 80 ml',
  'T1 post Gd 3D 1 mm',
  'Gleason 3+4, PSA 8',
  'Circle of Willis 3D TOF',
  'BI-RADS 4A, ACR C',
  'Follow-up in 12 weeks',
  'Clinic 4 room 12',
  'Weg 3 cm distal',
  'Respiratory gate 3, Aggregate 4 of 6',
  'Investigate 2 lesions; Conjugate 5 mg',
  'Smith et al. Radiology 2019',
  'Av. HR 72 bpm',
  'Partie 2 of 3 reviewed',
  'Kolon transversum 3 cm, Col. transverso 2 cm',
  'Stockholm protocol 2019, DWI b 1000',
  'CT로 3회 추적',
  '追加 1-2-3 分割',
  'MG 2 views, Road traffic accident 3 days ago',
  '30° oblique, 2 mm',
  'CT ROAD TRAFFIC ACCIDENT 3 DAYS',
  'NO: 15 SERIES, 2019 Report',
  'CAD. SAG 3 MM',
  'PARTIE 2 DE 3',
  // hyphenated eponyms and words, marks between values
  'Chiari-Frommel 2', 'Brown-Sequard 3 · 4 weeks', 'Series 2 - 1024 slices', 'CT 3 / 2019 Siemens',
  'Tumor board: Graves-Basedow 2, Hashimoto 1', 'Level 3 - 1200 Sharp kernel', 'Grade 2 · 3000 Units Heparin',
];

describe('addresses in other countries forms', () => {
  it.each([
    ['Polish', POLISH],
    ['Dutch', DUTCH],
    ['Nordic and Hungarian', NORDIC],
    ['Portuguese, Spanish, Catalan, Brazilian, Mexican', IBERIAN],
    ['Turkish', TURKISH],
    ['Indian, Korean, Chinese, Japanese', ASIA],
    ['German and Czech', GERMAN],
    ['capitals and the postcode first', CAPITALS_AND_ORDER],
    ['kinds joined by a hyphen or in one word, postcodes after a mark', JOINED_KINDS],
  ] as const)('%s streets go whole, with the postcode and city after them', (_, cases) => {
    expect(scorePhrasings(cases).problems).toEqual([]);
  });

  it('leave clinical text with numbers and abbreviations alone', () => {
    expect(scoreUnchanged(CLINICAL).problems).toEqual([]);
  });
});
