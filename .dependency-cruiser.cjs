/**
 * Structure check (`npm run structure`, run by `npm test`): no import circles, and no folder of
 * lib/ imports a folder above it. The floors, lowest first (a module may import its own floor and
 * any floor below, never one above):
 *
 *   message.ts, safe-harbor.ts, image/   what everything shares: messages, Safe Harbor categories, boxes,
 *   linear-regex.ts, safe-files.ts       rule patterns on RE2, exclusive atomic local writes,
 *   bounded-memo.ts, regex-matches.ts    answers remembered by key, bounded; a regex's matches without a copy
 *   dicom/, text/                        the dcmjs adapter, elements, dictionary, transfer syntaxes; text patterns and vocabulary
 *   rules/, state/                       the rules vocabulary and loader; the secret and identity maps
 *   engines/                             text and PHI detectors (types, local/, aws/)
 *   storage/                             object storage (local, S3; shares the AWS client loader)
 *   metadata/, pixels/, evaluate/        domain functions: pure over a dataset, never see a DicomFile
 *   samples/                             synthetic DICOM generator
 *   file.ts                              DicomFile, the object every step gets
 *   steps/                               thin steps over the domain functions
 *   reports/, learn/                     TSV reports and audit records; rules learned from them
 *   pipeline/                            the recipe and the runners
 *   queue/                               many workers on a Redis queue (BullMQ): the job, the worker, the coordinator
 *   deploy/                              serverless entry points (the AWS Lambda handler)
 *   notebook/, cli/                      the two front ends
 *   index.ts                             the public API (re-exports only)
 */
const floors = [
  ['^lib/(message|safe-harbor|linear-regex|safe-files|bounded-memo|regex-matches)\\.ts$', '^lib/image/'],
  ['^lib/dicom/', '^lib/text/'],
  ['^lib/(rules|state)/'],
  ['^lib/engines/'],
  ['^lib/storage/'],
  ['^lib/metadata/'],
  ['^lib/pixels/'],
  ['^lib/evaluate/'],
  ['^lib/samples/'],
  ['^lib/file\\.ts$'],
  ['^lib/steps/'],
  ['^lib/reports/'],
  ['^lib/learn/'],
  ['^lib/pipeline/'],
  ['^lib/queue/'],
  ['^lib/deploy/'],
  ['^lib/(notebook|cli)/'],
  ['^lib/index\\.ts$'],
];

const join = (patterns) => patterns.join('|');
const upward = floors.slice(0, -1).map((floor, i) => ({
  name: `no-upward-from-${floor[0].replace(/^\^lib\//, '').replace(/[^a-z-]+/g, '-').replace(/^-|-$/g, '')}`,
  comment: 'a folder imports only its own floor and those below it (see the floors in .dependency-cruiser.cjs)',
  severity: 'error',
  from: { path: join(floor) },
  to: { path: join(floors.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no module reaches itself through its imports',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-knows-no-dicom-file',
      comment: 'domain folders are pure over datasets; steps record their results on the DicomFile',
      severity: 'error',
      from: { path: '^lib/(dicom|rules|state|engines|storage|metadata|pixels|evaluate|samples|image)/' },
      to: { path: '^lib/file\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
    // Packages that export only `import` and `require` conditions (dicom-character-set) resolve too.
    enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default'], exportsFields: ['exports'] },
  },
};
