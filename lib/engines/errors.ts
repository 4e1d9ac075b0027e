/** An error raised by a detection engine; its message starts with `[deid] [<engine>]`. */
export class EngineError extends Error {
  readonly engine: string;
  constructor(engine: string, message: string, options?: { cause?: unknown }) {
    super(`[deid] [${engine}] ${message}`, options);
    this.name = 'EngineError';
    this.engine = engine;
  }
}

/** Wraps `cause` in an {@link EngineError} naming the engine, keeping the cause. */
export function engineError(engine: string, message: string, cause?: unknown): EngineError {
  const detail = cause instanceof Error ? `: ${cause.message}` : cause !== undefined ? `: ${String(cause)}` : '';
  return new EngineError(engine, `${message}${detail}`, { cause });
}
