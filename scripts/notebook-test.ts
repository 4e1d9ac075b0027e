// `npm run test:notebooks [-- notebooks/02_x.ipynb …]`: execute every notebook headless with the
// project's tslab kernel, fail on any cell error, check the outputs, export to HTML and check a
// headless Chromium screenshot. Executed copies go to output/notebooks/; sources are untouched.
import { relative } from 'node:path';
import { INSTALL_HINT, PROJECT_ROOT, findJupyterPython, inCI, kernelRegistered } from './notebook-env.ts';
import {
  analyzeScreenshot, checkExecuted, checkRendering, chromiumPath, executeNotebook, expectationsOf, exportHtml,
  listNotebooks, readNotebook, screenshot, summarizeOutputs, EXPECT_TAGS,
} from './notebook-run.ts';

async function main(): Promise<number> {
  const python = findJupyterPython();
  if (!python) {
    const msg = `test:notebooks: no Python with nbclient/nbconvert found.\n${INSTALL_HINT}`;
    if (inCI()) {
      console.error(`${msg}\nCI is set: failing.`);
      return 1;
    }
    console.warn(`${msg}\nSKIPPED (set CI=true to make this an error).`);
    return 0;
  }
  if (!kernelRegistered(python)) {
    console.error(`test:notebooks: Jupyter (${python}) does not see the project kernel in scripts/kernel/kernels/deid-tslab.`);
    return 1;
  }
  const chromium = chromiumPath();
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const notebooks = args.length ? args : listNotebooks();
  if (notebooks.length === 0) {
    console.error('test:notebooks: no notebooks/*.ipynb found');
    return 1;
  }
  let failed = 0;
  for (const nbPath of notebooks) {
    const name = relative(PROJECT_ROOT, nbPath);
    const run = await executeNotebook(python, nbPath);
    if (!run.ok) {
      failed += 1;
      console.error(`✗ ${name}: cell ${run.cell} failed after ${run.seconds.toFixed(0)} s\n--- cell source ---\n${run.source ?? ''}\n--- error ---\n${run.error}\n(executed copy: ${relative(PROJECT_ROOT, run.output)})`);
      continue;
    }
    const executed = readNotebook(run.output);
    const problems = checkExecuted(executed);
    const summary = summarizeOutputs(executed);
    const expects = expectationsOf(executed);
    const wantsImage = expects.has(EXPECT_TAGS.png);
    const charts = expects.has(EXPECT_TAGS.plotly) ? summary.plotlyCharts : 0;
    await exportHtml(python, run.output);
    if (problems.length === 0 && (wantsImage || charts > 0)) {
      if (!chromium) {
        problems.push('chromium is not installed (sudo apt-get install chromium): cannot check the HTML export renders');
      } else {
        const page = await exportHtml(python, run.output, { noInput: true });
        const png = page.replace(/\.html$/, '.png');
        const { dom } = await screenshot(chromium, page, png);
        const stats = await analyzeScreenshot(png);
        problems.push(...checkRendering(stats, dom, { image: wantsImage, charts }).map((p) => `HTML export screenshot (${relative(PROJECT_ROOT, png)}): ${p}`));
      }
    }
    if (problems.length) {
      failed += 1;
      console.error(`✗ ${name}:\n  - ${problems.join('\n  - ')}`);
    } else {
      console.log(`✓ ${name} (${run.seconds.toFixed(0)} s): ${summary.png} images, ${summary.htmlTables} tables, ${summary.plotlyCharts} charts`);
    }
  }
  console.log(`${notebooks.length - failed}/${notebooks.length} notebooks passed; outputs in output/notebooks/`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
