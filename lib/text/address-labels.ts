/**
 * An address after its label, in any language (`Adrese: Dzirnavu iela 12-3, Rīga`, `Indirizzo: Via dei Mille 4`,
 * `Адрес: ул. Ленина 5`, `Alamat: Jl. Merdeka No. 4`, `முகவரி: 12 காந்தி தெரு`): whatever the street's kind, the value
 * after the label and its colon is the address, up to the end of its clause. The labels are data (the rules'
 * `address_labels`; default: the curated list below, since no maintained list of them ships offline: CLDR has no
 * word for `address`, and libpostal's dictionaries are not on npm).
 */
import { englishWords } from './lexicons.js';

/**
 * Words and short phrases that label a person's address, lower case, one to three words each: English and the
 * languages of Europe, the Americas, Africa and Asia. The default of the rules' `address_labels`.
 */
export const DEFAULT_ADDRESS_LABELS: readonly string[] = [
  'address', 'addr', 'home address', 'street address', 'postal address', 'mailing address', 'residence', 'residential address',
  'domicile', 'lives at', 'resides at',
  // Germanic and Nordic.
  'adresse', 'anschrift', 'wohnadresse', 'wohnort', 'wohnanschrift', 'wohnhaft', 'adres', 'woonadres', 'huisadres', 'postadres',
  'adress', 'bostadsadress', 'hemadress', 'postadress', 'bopæl', 'bosted', 'bostad', 'heimilisfang', 'heimili', 'lögheimili',
  // Romance.
  'adresse postale', 'domicilié', 'domiciliée', 'indirizzo', 'residenza', 'domicilio', 'dirección', 'direccion', 'domicilio actual',
  'endereço', 'endereco', 'morada', 'residência', 'adreça', 'domicili', 'enderezo', 'adresă', 'domiciliul', 'indirizz',
  // Slavic, Baltic, Finno-Ugric, Greek, Albanian, Maltese.
  'adresa', 'adresa bydliště', 'bydliště', 'bydlisko', 'trvalé bydliště', 'trvalý pobyt', 'sídlo', 'miejsce zamieszkania',
  'adres zamieszkania', 'zamieszkały', 'zamieszkała', 'prebivalište', 'prebivališče', 'адрес', 'адреса', 'адрас',
  'место жительства', 'місце проживання', 'адрес на живеене', 'адреса становања', 'adrese', 'dzīvesvieta', 'adresas',
  'gyvenamoji vieta', 'aadress', 'elukoht', 'osoite', 'kotiosoite', 'lähiosoite', 'cím', 'lakcím', 'lakóhely', 'διεύθυνση',
  'διεύθυνση κατοικίας', 'adresa e banimit', 'vendbanimi',
  // Turkish, Middle East, Caucasus, Central Asia.
  'adresi', 'adres bilgisi', 'ikametgah', 'ikamet', 'عنوان', 'العنوان', 'آدرس', 'نشانی', 'כתובת', 'מען', 'მისამართი', 'հասցե',
  'manzil', 'мекенжай', 'мекен-жай', 'дарек',
  // South and Southeast Asia, East Asia, Africa.
  'पता', 'ठेगाना', 'পতা', 'ঠিকানা', 'முகவரி', 'చిరునామా', 'ವಿಳಾಸ', 'വിലാസം', 'પતું', 'ਪਤਾ', 'ලිපිනය', 'پتہ', 'alamat',
  'alamat rumah', 'địa chỉ', 'tirahan', 'ที่อยู่', 'ທີ່ຢູ່', 'អាសយដ្ឋាន', 'လိပ်စာ', '住所', '住址', '地址', '居住地', '주소', '거주지',
  'anwani', 'adirẹsi', 'ikheli', 'idilesi', 'አድራሻ',
];

/** What ends a label: a colon, or a dash between spaces (`Adresse - Bahnhofweg 3`). */
const MARK = /\s{0,2}[:：]|\s[-–—](?=\s)/gu;
/** The longest value taken after a label (a clause of an address is short; a runaway match would eat a note). */
const MAX_VALUE = 160;
/** Words whose stop is no end of a clause (`ul.`, `Jl.`, `No.`, `просп.`, `str.`): short, or lower case. */
const ABBREVIATION = /(?:^|[^\p{L}\p{N}])(?:\p{L}{1,3}|\p{Ll}{1,6})$/u;

/** A compiled finder of labelled addresses for one list of labels. */
export interface AddressLabelFinder {
  (text: string): Array<{ begin: number; end: number }>;
}

/**
 * A finder of the values after address labels: a label (any case, as a whole word or phrase), a colon (`:`, `：`) or
 * a dash, then the value up to the end of its clause: a semicolon, a line break, a bar, the next label (`Tel:`), a
 * full stop after a word that is no abbreviation, or {@link MAX_VALUE} characters. A value needs a digit, a capital
 * or a capitalised or uncased word that is no English word ({@link namesAPlace}: `Address: unknown`, `Address:
 * Nursing home`, `Indirizzo: non noto` stay).
 * @param labels the rules' `address_labels` (lower case)
 * @example makeAddressLabelFinder(['adrese'])('Adrese: Dzirnavu iela 12-3, Rīga; tel. 2') // one span: `Dzirnavu iela 12-3, Rīga`
 */
export function makeAddressLabelFinder(labels: readonly string[]): AddressLabelFinder {
  const words = [...new Set(labels.map((l) => l.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return () => [];
  const source = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s{1,2}')).join('|');
  // Looked for only right before a colon or a dash (a few per text at most), not at every position of the text.
  const labelBefore = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${source})\\s{0,2}$`, 'iu');
  const longest = Math.max(...words.map((w) => w.length)) + 4;
  return (text) => {
    const spans: Array<{ begin: number; end: number }> = [];
    let from = 0;
    for (const m of text.matchAll(MARK)) {
      if (m.index < from) continue;
      if (!labelBefore.test(text.slice(Math.max(0, m.index - longest), m.index))) continue;
      let begin = m.index + m[0].length;
      while (begin < text.length && /\s/.test(text[begin])) begin++;
      const end = clauseEnd(text, begin);
      if (end > begin && namesAPlace(text.slice(begin, end))) spans.push({ begin, end });
      from = Math.max(end, begin);
    }
    return spans;
  };
}

/**
 * A value that names a place: a number, or a capitalised word or a word of a script without case that is no English
 * word (`Rīga`, `Kettleby`, `東京`; not `Nursing home`, `Unknown`, `see chart`).
 */
function namesAPlace(value: string): boolean {
  if (/\p{N}/u.test(value)) return true;
  return (value.match(/[\p{Lu}\p{Lo}][\p{L}\p{M}'’-]*/gu) ?? []).some((w) => /^\p{Lo}/u.test(w) || !englishWords().has(w));
}

/** Where the clause that begins at `begin` ends (trailing spaces and commas left out). */
function clauseEnd(text: string, begin: number): number {
  const stop = Math.min(text.length, begin + MAX_VALUE);
  let end = stop;
  for (let i = begin; i < stop; i++) {
    const c = text[i];
    if (c === ';' || c === '\n' || c === '\r' || c === '|' || c === '；') {
      end = i;
      break;
    }
    // The next label: a word and its colon (`Tel:`, `Phone:`), not a time (`12:30`).
    if ((c === ':' || c === '：') && i > begin && /\p{L}/u.test(text[i - 1])) {
      end = text.slice(begin, i).search(/\s*\S+$/u) + begin;
      break;
    }
    if (c === '.' && (i + 1 === text.length || /\s/.test(text[i + 1])) && !ABBREVIATION.test(text.slice(Math.max(begin, i - 8), i))) {
      end = i;
      break;
    }
  }
  while (end > begin && /[\s,.]/.test(text[end - 1])) end--;
  return end;
}
