import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JUPYTER_DATA_DIR, KERNEL_NAME, findJupyterPython, inCI } from '../../scripts/notebook-env.ts';
import { listNotebooks } from '../../scripts/notebook-run.ts';
import { projectRoot } from '../support/paths.js';
import { freePort } from '../support/free-port.js';

const ui = findJupyterPython(['notebook']) ?? findJupyterPython(['jupyterlab']);
if (!ui && !inCI()) console.warn('[test/notebooks] SKIPPING the `npm run notebook` check: no Jupyter Notebook or JupyterLab (npm run setup installs jupyter-notebook). Set CI=true to make this a failure.');

describe.skipIf(!ui && !inCI())('npm run notebook', () => {
  let server: ChildProcess | undefined;
  const runtime = mkdtempSync(path.join(tmpdir(), 'deid-jupyter-runtime-'));
  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    rmSync(runtime, { recursive: true, force: true });
  });

  it('starts Jupyter on notebooks/ with the kit kernel listed and chosen for new notebooks, and stops', async () => {
    const port = await freePort();
    const token = `t${Math.random().toString(36).slice(2)}`;
    let log = '';
    // As `npm run notebook -- --no-browser …` runs it; its own process group, so the test stops all of it.
    server = spawn(path.join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/notebook.ts', '--no-browser', `--port=${port}`, '--ip=127.0.0.1'], {
      cwd: projectRoot,
      detached: true,
      env: { ...process.env, JUPYTER_TOKEN: token, JUPYTER_RUNTIME_DIR: runtime, BROWSER: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const api = (route: string, auth = true) => fetch(`http://127.0.0.1:${port}${route}`, auth ? { headers: { Authorization: `token ${token}` } } : {});

    let specs: { default: string; kernelspecs: Record<string, { spec: { display_name: string; argv: string[] } }> } | undefined;
    for (let waited = 0; waited < 120_000 && !specs; waited += 1000) {
      expect(server.exitCode, `the server stopped early:\n${log}`).toBeNull();
      const r = await api('/api/kernelspecs').catch(() => undefined);
      if (r?.ok) specs = (await r.json()) as typeof specs;
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(specs, `no answer on port ${port} within 2 minutes:\n${log}`).toBeDefined();
    const ours = JSON.parse(readFileSync(path.join(JUPYTER_DATA_DIR, 'kernels', KERNEL_NAME, 'kernel.json'), 'utf8')) as { display_name: string };
    expect(specs!.kernelspecs[KERNEL_NAME]?.spec.display_name).toBe(ours.display_name);
    expect(specs!.kernelspecs[KERNEL_NAME].spec.argv.join(' ')).toContain('launch.mjs');
    expect(specs!.default).toBe(KERNEL_NAME);

    const contents = (await (await api('/api/contents')).json()) as { content: Array<{ name: string; type: string }> };
    expect(contents.content.filter((c) => c.type === 'notebook').map((c) => c.name).sort()).toEqual(listNotebooks().map((n) => path.basename(n)));
    // The token is required.
    expect((await api('/api/kernelspecs', false)).status).toBe(403);

    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    process.kill(-server.pid!, 'SIGTERM');
    await exited;
    await expect(api('/api/kernelspecs')).rejects.toThrow();
  }, 180_000);
});
