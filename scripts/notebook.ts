// `npm run notebook`: start Jupyter (Lab, else Notebook) on notebooks/ with the project's tslab
// kernel registered project-locally (JUPYTER_PATH=scripts/kernel; nothing is installed globally).
// `npm run notebook -- --env` prints the environment to use the kernel from a Jupyter you start yourself.
// Other arguments go to Jupyter, e.g. `npm run notebook -- --no-browser --port=8890`; JUPYTER_TOKEN sets the token.
import { spawn } from 'node:child_process';
import { INSTALL_HINT, JUPYTER_DATA_DIR, KERNEL_NAME, NOTEBOOKS_DIR, findJupyterPython, jupyterEnv, kernelRegistered } from './notebook-env.ts';

function main(): number | Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--env')) {
    console.log(`export JUPYTER_PATH=${jupyterEnv().JUPYTER_PATH}`);
    return 0;
  }
  const base = findJupyterPython(['jupyter_client']);
  if (!base) {
    console.error(`notebook: no Python with Jupyter found.\n${INSTALL_HINT}`);
    return 1;
  }
  if (!kernelRegistered(base)) {
    console.error(`notebook: Jupyter (${base}) does not pick up ${JUPYTER_DATA_DIR}/kernels/${KERNEL_NAME}; is another kernel named ${KERNEL_NAME} first on JUPYTER_PATH?`);
    return 1;
  }
  const ui = (['jupyterlab', 'notebook'] as const)
    .map((mod) => ({ mod, python: findJupyterPython([mod]) }))
    .find((c) => c.python !== null);
  if (!ui || !ui.python) {
    console.error(
      `notebook: the kernel "${KERNEL_NAME}" is registered (JUPYTER_PATH=${JUPYTER_DATA_DIR}), but neither JupyterLab nor Jupyter Notebook is installed.\n` +
        `${INSTALL_HINT}\n` +
        'Headless runs need only nbconvert/nbclient: npm run test:notebooks',
    );
    return 1;
  }
  console.log(`notebook: starting ${ui.mod} (${ui.python}) in notebooks/ with kernel "${KERNEL_NAME}"; stop with Ctrl+C.`);
  // Containers often run as root, which Jupyter refuses without this flag.
  const root = process.getuid?.() === 0 && !args.includes('--allow-root') ? ['--allow-root'] : [];
  // New notebooks get the kit's kernel too, not Python.
  const kernel = `--MultiKernelManager.default_kernel_name=${KERNEL_NAME}`;
  const child = spawn(ui.python, ['-m', ui.mod, `--notebook-dir=${NOTEBOOKS_DIR}`, kernel, ...root, ...args], { env: jupyterEnv(), stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', (err) => {
      console.error(`notebook: could not start ${ui.mod}: ${err.message}`);
      resolve(1);
    });
  });
}

process.exitCode = await main();
