import { createRequire } from 'node:module';

/** MIME types the notebook helpers emit. */
export type DisplayMime = 'text/html' | 'image/png' | 'text/plain' | 'text/markdown';

/** A display entry that can be replaced in place (progress bars). */
export interface DisplayHandle {
  /** Shows `data` in this entry, replacing what it showed before. */
  show(mime: DisplayMime, data: string | Uint8Array): void;
}

interface TslabDisplay {
  raw(contentType: string, data: string | Uint8Array): void;
}
interface TslabModule {
  display: TslabDisplay;
  newDisplay(): TslabDisplay;
}

const require = createRequire(import.meta.url);
let tslab: TslabModule | null | undefined;

/**
 * The tslab module when this process is a tslab kernel, else `null`.
 * Outside a kernel tslab is never loaded (it pulls in a TypeScript compiler), so
 * tests and scripts can call every helper and inspect what it returns.
 */
function kernelTslab(): TslabModule | null {
  if (tslab !== undefined) return tslab;
  const inKernel = Object.keys(require.cache).some((file) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file));
  tslab = inKernel ? (require('tslab') as TslabModule) : null;
  return tslab;
}

/** True when running inside a tslab Jupyter kernel, where helpers display their output inline. */
export function inNotebook(): boolean {
  return kernelTslab() !== null;
}

/**
 * Displays `data` inline when running in tslab; does nothing elsewhere.
 * @returns whether it was displayed.
 */
export function display(mime: DisplayMime, data: string | Uint8Array): boolean {
  const t = kernelTslab();
  if (!t) return false;
  t.display.raw(mime, data);
  return true;
}

/** A display entry whose content can be replaced (in tslab), or a no-op handle elsewhere. */
export function newDisplayHandle(): DisplayHandle {
  const t = kernelTslab();
  if (!t) return { show() {} };
  const d = t.newDisplay();
  return { show: (mime, data) => d.raw(mime, data) };
}
