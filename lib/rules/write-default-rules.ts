/**
 * Writes the default rules file: `npx tsx lib/rules/write-default-rules.ts [path]`
 * (default: configs/de-id/de_id_rules_auto.yaml). Refuses to overwrite unless `--force`:
 * the YAML is the file users edit.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDefaultRulesYaml } from './default-rules.js';
import { parseRules } from './parse.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const target = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../configs/de-id/de_id_rules_auto.yaml', import.meta.url));
const text = renderDefaultRulesYaml();
parseRules(text, target); // never write a file we cannot read back
if (existsSync(target) && !force) {
  console.error(`${target} exists; pass --force to overwrite it`);
  process.exitCode = 1;
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
