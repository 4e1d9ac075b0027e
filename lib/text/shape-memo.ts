/**
 * {@link findShapes} with a memory of recent texts. Headers repeat their free text from file to
 * file (every image of a series has the same descriptions and protocol), and finding shapes is a
 * pure function of the text, so a text seen again gets the spans found the first time: the same
 * answer, without running the patterns again. Bounded: short texts only, the most recent kept.
 */
import { findShapes as findShapesUncached, TEXT_SHAPES, type ShapeSpan, type TextShape } from './shapes.js';

/** Texts remembered per set of shapes. */
const MAX_TEXTS = 2048;
/** Longer texts are searched every time (they rarely repeat, and would hold memory). */
const MAX_TEXT_LENGTH = 512;

/** Remembered answers, per shape list (module constants) or per single shape (a one-shape list literal). */
const memories = new WeakMap<object, Map<string, readonly ShapeSpan[]>>();

/**
 * Every span of identifying text the shapes find, as {@link findShapes} gives it (the same spans,
 * frozen: do not change them).
 */
export function findShapes(text: string, shapes: readonly TextShape[] = TEXT_SHAPES): readonly ShapeSpan[] {
  if (text.length > MAX_TEXT_LENGTH) return findShapesUncached(text, shapes);
  // A list literal is new at each call: a one-shape list is known by its shape.
  const key: object = shapes.length === 1 ? shapes[0] : shapes;
  let memory = memories.get(key);
  if (!memory) memories.set(key, (memory = new Map<string, readonly ShapeSpan[]>()));
  const known = memory.get(text);
  if (known) {
    // Most recent last: the oldest goes first when the memory is full.
    memory.delete(text);
    memory.set(text, known);
    return known;
  }
  const spans = Object.freeze(findShapesUncached(text, shapes).map((s) => Object.freeze(s)));
  if (memory.size >= MAX_TEXTS) memory.delete(memory.keys().next().value as string);
  memory.set(text, spans);
  return spans;
}
