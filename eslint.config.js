// Lint (`npm run lint`, run by `npm test`): typescript-eslint's strict, type-aware set over every
// TypeScript file of the project. It is here to catch bugs the compiler lets through: promises left
// floating or passed where a callback's result is ignored, `any` flowing into typed code, conditions
// that are always true or false, awaits of non-promises. Tune a rule here only with a reason; in code,
// disable a rule for one line only, with a reason after `--`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'output/',
    'images/',
    '.deid-state/',
    'scratch/',
    'tmp/',
    // a link to lib/, linted there
    'notebooks/',
  ]),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // tsconfig.json's program; the root config files are outside it and get a default one
        projectService: { allowDefaultProject: ['*.js', '*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `() => doSomething()` as a callback and `return doSomething()` inside a void function are
      // shorthands for "do it and stop"; a void value used anywhere else (assigned, passed on, in a
      // condition, returned from a function that returns a value) is still reported.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // Numbers and booleans read well in messages; objects, arrays and undefined ("[object Object]",
      // "undefined") are still reported.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // A DICOM dataset is a plain record keyed by tag (the DICOM JSON model dcmjs reads and writes), so
      // removing an element is `delete dict[tag]`; a Map would not be that model.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // `_`-prefixed names mark what a signature or a destructuring must name but does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Tests and benchmarks assert what they read: a missing value fails the test either way.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain JavaScript (bin/, kernel launcher, s3rver child): no types to check against.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
