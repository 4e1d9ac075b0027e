import { describe, expect, it } from 'vitest';
import { englishWords, medicalTerms } from '../../lib/text/lexicons.js';

describe('word lists', () => {
  it('knows English words in any case, and not strings that are no word', () => {
    const english = englishWords();
    for (const word of ['aardvark', 'john', 'Brown', 'HELLO', 'zebra']) expect(english.has(word), word).toBe(true);
    for (const word of ['zzqxv', 'aardvarkx', 'qwertyuiop', '']) expect(english.has(word), word).toBe(false);
  });

  it('tells medical common nouns from brands and eponyms', () => {
    const medical = medicalTerms();
    expect(medical.common('clivus')).toBe(true);
    expect(medical.common('urethrogram')).toBe(true);
    expect(medical.common('mitraclip')).toBe(false);
    expect(medical.proper('MitraClip')).toBe(true);
    expect(medical.proper('Kinevac')).toBe(true);
    expect(medical.proper('clivus')).toBe(false);
    expect(medical.common('notaword')).toBe(false);
  });
});
