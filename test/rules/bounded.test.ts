/**
 * A rules file cannot exhaust the machine: its regexes run on a linear-time engine (a catastrophic
 * pattern such as `(a+)+$` cannot hang a run), YAML aliases and size are limited, and error
 * messages that quote the file are short.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRules, RulesError } from '../../lib/rules/index.js';
import { projectRoot } from '../support/paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const errorOf = (fn: () => unknown): RulesError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RulesError) return error;
    throw error;
  }
  throw new Error('expected a RulesError');
};

describe('rule regexes', () => {
  it('a catastrophic pattern (a+)+$ cleans free text and checks OCR text without hanging', () => {
    // In a child process with a deadline: a backtracking engine would hang it, not the test runner.
    const script = path.join(work, 'catastrophic.mts');
    writeFileSync(
      script,
      [
        `import { parseRules } from ${JSON.stringify(path.join(projectRoot, 'lib/rules/index.ts'))};`,
        `import { makeTextCleaner } from ${JSON.stringify(path.join(projectRoot, 'lib/metadata/clean-text.ts'))};`,
        `import { createLocalPhiDetector } from ${JSON.stringify(path.join(projectRoot, 'lib/engines/local/phi.ts'))};`,
        `const rules = parseRules('rules:\\n  regex: ["(a+)+$"]\\n');`,
        `const cleaned = makeTextCleaner({ values: [] } as never, rules.regex)('a'.repeat(40) + '! and ' + 'a'.repeat(5000));`,
        `const detector = createLocalPhiDetector({ regex: rules.regex, patterns: false });`,
        `const findings = await detector.detect([{ text: 'a'.repeat(40) + '!' }], { values: [] } as never);`,
        `console.log(JSON.stringify({ removed: cleaned.removed, findings: findings.length }));`,
      ].join('\n'),
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
    expect(child.signal, 'the pattern hung the process').toBeNull();
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ removed: 1, findings: 0 });
  }, 90_000);

  it('a pattern the linear-time engine cannot run (lookaround, backreference) is refused at load, saying why', () => {
    const error = errorOf(() => parseRules('rules:\n  regex: ["(?<=MRN )\\\\d+", "(\\\\w)\\\\1"]\n', 'r.yaml'));
    expect(error.keyPath).toBe('rules.regex[0]');
    expect(error.message).toMatch(/linear-time engine \(RE2\) cannot run it/);
  });
});

describe('YAML limits', () => {
  it('an alias bomb fails fast with a short message', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = `${levels.join('\n')}\nrules:\n  keywords: *i\n`;
    const error = errorOf(() => parseRules(bomb, 'bomb.yaml'));
    expect(error.message).toMatch(/alias|expand to more than/i);
    expect(error.message.length).toBeLessThan(500);
  });

  it('quotes a huge value in a few characters, and refuses a file over the size limit', () => {
    const huge = `rules:\n  keywords: "${'x'.repeat(1_000_000)}"\n`;
    const error = errorOf(() => parseRules(huge, 'huge.yaml'));
    expect(error.keyPath).toBe('rules.keywords');
    expect(error.message.length).toBeLessThan(300);
    expect(errorOf(() => parseRules(`rules: {}\n#${'x'.repeat(5 * 1024 * 1024)}\n`, 'big.yaml')).message).toMatch(/over \d+ bytes/);
  });
});
