// tslab runs each cell as a module and reaches the variables of earlier cells as `exports.<name>`,
// but it misses a shorthand property naming one (`{ rules }` after `const rules = …` in an earlier
// cell), which then fails with "rules is not defined". Writing every shorthand property out
// (`{ rules: rules }`) before tslab converts a cell means notebooks never meet that quirk.

/**
 * The cell's source with each shorthand property of an object literal written out
 * (`{ a, b = 1 }` → `{ a: a, b: b = 1 }`); everything else is left byte for byte.
 * @param {typeof import('typescript')} ts the TypeScript compiler tslab uses
 * @param {string} source a cell's source
 * @returns {string}
 */
export function expandShorthandProperties(ts, source) {
  const file = ts.createSourceFile('cell.tsx', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const inserts = [];
  const visit = (node) => {
    if (ts.isShorthandPropertyAssignment(node)) inserts.push({ at: node.name.end, text: `: ${node.name.text}` });
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/**
 * Makes tslab's converters expand shorthand properties before converting a cell
 * (`converter.createConverter` is looked up when tslab starts a kernel, so this runs before it).
 * @param {NodeJS.Require} require a require that resolves tslab
 */
export function patchTslabConverter(require) {
  const converter = require('tslab/dist/converter.js');
  const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [require.resolve('tslab/package.json')] }));
  const create = converter.createConverter;
  converter.createConverter = (options) => {
    const made = create(options);
    const convert = made.convert;
    made.convert = (prevDecl, src) => convert(prevDecl, expandShorthandProperties(ts, src));
    return made;
  };
}
