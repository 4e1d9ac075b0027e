// Where the project's Jupyter pieces are, and which Python has Jupyter installed.
// Shared by `npm run notebook`, `npm run test:notebooks` and test/notebooks/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file lives in `<root>/scripts/`). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Committed notebooks. */
export const NOTEBOOKS_DIR = join(PROJECT_ROOT, 'notebooks');
/** Executed copies, HTML exports and screenshots (git-ignored). */
export const OUTPUT_DIR = join(PROJECT_ROOT, 'output', 'notebooks');
/** A Jupyter data directory holding `kernels/deid-tslab/`, put first on JUPYTER_PATH. */
export const JUPYTER_DATA_DIR = join(PROJECT_ROOT, 'scripts', 'kernel');
/** The project's kernel name, as written in every notebook's metadata. */
export const KERNEL_NAME = 'deid-tslab';
/** The nbclient runner. */
export const EXECUTE_SCRIPT = join(JUPYTER_DATA_DIR, 'execute.py');

/** The advice printed wherever Jupyter is missing. */
export const INSTALL_HINT = [
  'Install Jupyter with Debian/Ubuntu packages:',
  '  sudo apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel   # headless runs (npm run test:notebooks)',
  '  sudo apt-get install jupyter-notebook                                                      # the browser UI (npm run notebook); npm run setup installs both',
  'or with pip in a Python of your choice, then point the scripts at it:',
  '  pip install notebook nbclient nbconvert && export JUPYTER_PYTHON=$(which python3)',
].join('\n');

/** The environment for Jupyter processes: the project's kernelspec first on JUPYTER_PATH, node on PATH. */
export function jupyterEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const jupyterPath = [JUPYTER_DATA_DIR, base.JUPYTER_PATH].filter(Boolean).join(delimiter);
  const path = [dirname(process.execPath), base.PATH].filter(Boolean).join(delimiter);
  return { ...base, JUPYTER_PATH: jupyterPath, PATH: path };
}

/** True when `python` can import every module in `modules`. */
export function pythonHas(python: string, modules: string[]): boolean {
  const r = spawnSync(python, ['-c', modules.map((m) => `import ${m}`).join('; ')], { stdio: 'ignore' });
  return r.status === 0;
}

/**
 * A Python interpreter that has the given Jupyter modules: `$JUPYTER_PYTHON`, then Debian's
 * `/usr/bin/python3` (a pyenv `python3` first on PATH often lacks Jupyter), then `python3`.
 * @returns its path, or `null` when none has them.
 */
export function findJupyterPython(modules: string[] = ['nbclient', 'nbformat', 'nbconvert', 'jupyter_client']): string | null {
  const candidates = [process.env.JUPYTER_PYTHON, '/usr/bin/python3', 'python3', 'python'].filter((p): p is string => !!p);
  for (const python of candidates) {
    if (python.includes('/') && !existsSync(python)) continue;
    if (pythonHas(python, modules)) return python;
  }
  return null;
}

/** True when the project's kernelspec is what Jupyter (run by `python`) finds under {@link KERNEL_NAME}. */
export function kernelRegistered(python: string): boolean {
  const r = spawnSync(python, ['-m', 'jupyter_client.kernelspecapp', 'list', '--json'], { env: jupyterEnv(), encoding: 'utf8' });
  if (r.status !== 0) return false;
  try {
    const specs = JSON.parse(r.stdout) as { kernelspecs: Record<string, { resource_dir: string }> };
    return resolve(specs.kernelspecs[KERNEL_NAME]?.resource_dir ?? '/nonexistent') === join(JUPYTER_DATA_DIR, 'kernels', KERNEL_NAME);
  } catch {
    return false;
  }
}

/** True in CI (`CI=true` or `CI=1`), where a missing Jupyter is an error rather than a skip. */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.CI ?? '');
}
