/**
 * The numbers an age over 89 is written with (90 to 130), spelled in words of other languages by `n2words` (MIT, no
 * dependencies: 71 languages of Europe, Asia, the Middle East and Africa): `novantacinque`, `noventa y cuatro`,
 * `quatre-vingt-quinze`, `fünfundneunzig`, `vierennegentig`, `yhdeksänkymmentäkaksi`, `dziewięćdziesiąt sześć`,
 * `девяносто пять`. English is left to `lib/text/ages.ts`, which reads its words itself. Read once per build into the
 * locale snapshot (`lib/text/locale-data.ts`), as the month names are: loading the languages takes some hundreds of
 * milliseconds.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The languages of n2words asked for: all but English (`lib/text/ages.ts`). */
export const SPELLED_LOCALES: readonly string[] = (
  'am-Latn-ET ar-SA az-AZ bn-BD cs-CZ da-DK de-DE el-GR es-ES fa-IR fi-FI fil-PH fr-BE fr-FR gu-IN ha-NG he-IL hi-IN ' +
  'hr-HR hu-HU id-ID it-IT ja-JP ka-GE kn-IN ko-KR lt-LT lv-LV mr-IN ms-MY nb-NO nl-NL pa-IN pl-PL pt-PT ro-RO ru-RU ' +
  'sr-Cyrl-RS sr-Latn-RS sv-SE sw-KE ta-IN te-IN th-TH tr-TR uk-UA ur-PK vi-VN yo-NG zh-Hans-CN zh-Hant-TW'
).split(' ');

/** The least and greatest number spelled: every age Safe Harbor aggregates, up to the oldest a person may be. */
export const SPELLED_MIN = 90;
export const SPELLED_MAX = 130;

type Cardinal = (value: number) => string;

/** The version of n2words the forms come from (a snapshot of another version is read again), or '' when it is missing. */
export function spelledNumbersVersion(): string {
  try {
    return `n2words ${(require('n2words/package.json') as { version: string }).version}`;
  } catch {
    return '';
  }
}

/**
 * Every spelling of 90 to 130 in {@link SPELLED_LOCALES}, as n2words writes it, with its value; a hundred and more also
 * without a first word that is the language's `one` (`hundre og to` beside `en hundre og to`). Empty when n2words is
 * not installed.
 * @example new Map(readSpelledNumbers()).get('novantacinque') // 95
 */
export function readSpelledNumbers(): Array<[string, number]> {
  const out = new Map<string, number>();
  for (const locale of SPELLED_LOCALES) {
    let cardinal: Cardinal;
    try {
      cardinal = (require(`n2words/${locale}`) as { toCardinal: Cardinal }).toCardinal;
    } catch {
      continue; // n2words missing, or a release without this language
    }
    const one = cardinal(1).toLowerCase();
    for (let n = SPELLED_MIN; n <= SPELLED_MAX; n++) {
      const form = cardinal(n).toLowerCase();
      if (!out.has(form)) out.set(form, n);
      const [first, ...rest] = form.split(' ');
      if (n >= 100 && first === one && rest.length > 0 && !out.has(rest.join(' '))) out.set(rest.join(' '), n);
    }
  }
  return [...out];
}
