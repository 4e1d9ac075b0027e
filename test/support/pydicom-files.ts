/**
 * pydicom's public test files, as Debian's python3-pydicom installs them (`npm run setup` installs
 * the package): test_files, charset_files and palettes, read in place, never copied into the project.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { run } from './tools.js';

/** The package's data folder (…/pydicom/data). */
export function pydicomDataDir(): string {
  const listed = run('dpkg', ['-L', 'python3-pydicom']);
  const dir = listed.status === 0 ? listed.output.split('\n').find((line) => /\/pydicom\/data$/.test(line.trim()))?.trim() : undefined;
  if (!dir || !existsSync(path.join(dir, 'test_files'))) {
    throw new Error('python3-pydicom is not installed (its test files are read in place): run `npm run setup` or `apt-get install python3-pydicom`');
  }
  return dir;
}

/** Every file of the test, charset and palette folders, sorted. */
export function pydicomFiles(dataDir = pydicomDataDir()): string[] {
  return ['test_files', 'charset_files', 'palettes']
    .map((name) => path.join(dataDir, name))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)))
    .sort();
}

/** The files dcmtk reads: `dcmdump` exits 0 on them (four at a time). */
export async function readableByDcmtk(files: string[]): Promise<string[]> {
  const readable = new Array<boolean>(files.length).fill(false);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      readable[index] = await new Promise<boolean>((resolve) => execFile('dcmdump', ['-q', files[index]], { maxBuffer: 64 * 1024 * 1024 }, (error) => resolve(!error)));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return files.filter((_, index) => readable[index]);
}
