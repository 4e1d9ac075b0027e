/**
 * Whether native tesseract is there, apart from the reader (`tesseract-native.ts`), so that choosing
 * the OCR program does not load the OCR engines (a run without pixels never does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Python that has tesserocr: Debian's (`python3-tesserocr` installs there), unless `DEID_PYTHON` names another. */
export function python(): string {
  return process.env.DEID_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
}

let availability: boolean | undefined;

/**
 * True when native tesseract can be used: a Python with tesserocr (Debian: python3-tesserocr) that
 * starts and reports a tesseract version. Checked once per process.
 */
export function nativeTesseractAvailable(): boolean {
  if (availability === undefined) {
    const probe = spawnSync(python(), ['-c', 'import tesserocr; print(tesserocr.tesseract_version().split()[1])'], { encoding: 'utf8', timeout: 20_000 });
    availability = probe.status === 0 && /^\d+\./.test(probe.stdout.trim());
  }
  return availability;
}
