/** Text spans with word offsets, shared by the PHI engines to map findings back to word boxes. */
import { unionBoxes } from '../image/boxes.js';
import type { Box, DetectedText, TextSpan } from './types.js';


/** A span's text with the character range of each OCR word in it. */
export interface SpanText {
  text: string;
  /** Char ranges of the words in `text`. */
  words: Array<{ begin: number; end: number; word: DetectedText }>;
  box?: Box;
  location?: string;
}

/** The text of a span: its words joined by single spaces when it has words, else its own text. */
export function spanText(span: TextSpan): SpanText {
  if (!span.words || span.words.length === 0) return { text: span.text ?? '', words: [], box: span.box, location: span.location };
  let text = '';
  const words: SpanText['words'] = [];
  for (const word of span.words) {
    if (text !== '') text += ' ';
    words.push({ begin: text.length, end: text.length + word.text.length, word });
    text += word.text;
  }
  return { text, words, box: span.box, location: span.location };
}

/** Box and location of the text `begin..end` of a span: the union of the words it touches, or the span's box. */
export function findingPlace(st: SpanText, begin: number, end: number): { box?: Box; location?: string } {
  const place: { box?: Box; location?: string } = {};
  if (st.words.length > 0) {
    const boxes = st.words.filter((w) => w.begin < end && w.end > begin).map((w) => w.word.box);
    if (boxes.length > 0) place.box = unionBoxes(boxes);
  } else if (st.box) place.box = { ...st.box };
  if (st.location !== undefined) place.location = st.location;
  return place;
}

