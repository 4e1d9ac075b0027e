/**
 * Error for pixel data the kit cannot read, decode, render or re-encode.
 * Callers fail the file closed on it: a file whose pixels cannot be checked is not released.
 */
export class PixelDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`[pixels] ${message}`, options);
    this.name = 'PixelDataError';
  }
}
