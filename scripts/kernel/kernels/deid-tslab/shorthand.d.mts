import type * as ts from 'typescript';

/** The cell's source with each shorthand property of an object literal written out (`{ a }` → `{ a: a }`). */
export function expandShorthandProperties(typescript: typeof ts, source: string): string;
/** Makes tslab's converters expand shorthand properties before converting a cell. */
export function patchTslabConverter(require: NodeJS.Require): void;
