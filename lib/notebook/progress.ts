import { escapeHtml } from './html.js';
import { newDisplayHandle } from './display.js';

/** A progress display for a long step (one entry updated in place in tslab). */
export interface Progress {
  /** Counts `n` more items done (default 1), with an optional note such as the current file. */
  tick(note?: string, n?: number): void;
  /** Marks the step finished. */
  done(note?: string): void;
  /** Items done so far. */
  readonly count: number;
  /** The HTML currently shown. */
  html(): string;
}

/** Options of {@link progress}. */
export interface ProgressOptions {
  /** Minimum time between two inline updates (default: 250 ms); the last update is always shown. */
  intervalMs?: number;
  /** Clock, for tests (default: `Date.now`). */
  now?: () => number;
}

/**
 * Shows a progress bar for `total` items and returns a handle to advance it.
 * @example const p = progress('OCR', files.length); for (const f of files) { await step(f); p.tick(f) } p.done()
 */
export function progress(label: string, total: number, options: ProgressOptions = {}): Progress {
  if (!Number.isFinite(total) || total < 0) throw new RangeError(`[notebook] progress: total must be a number ≥ 0, got ${total}`);
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 250;
  const handle = newDisplayHandle();
  const started = now();
  let count = 0;
  let note = '';
  let finished = false;
  let lastShown = -Infinity;

  const render = (): string => {
    const pct = total === 0 ? 100 : Math.min(100, Math.round((count / total) * 100));
    const secs = ((now() - started) / 1000).toFixed(1);
    const state = finished ? 'done' : `${pct}%`;
    return (
      `<div class="deid-progress" style="font:13px sans-serif;margin:4px 0">` +
      `<div><b>${escapeHtml(label)}</b> — ${count}/${total} (${state}, ${secs} s)${note ? ` · ${escapeHtml(note)}` : ''}</div>` +
      `<div style="width:360px;height:10px;background:#e6e6e6;border-radius:5px;overflow:hidden">` +
      `<div style="width:${finished ? 100 : pct}%;height:100%;background:${finished ? '#2e9d4f' : '#3a72c4'}"></div></div></div>`
    );
  };
  const show = (force: boolean) => {
    const t = now();
    if (!force && t - lastShown < interval) return;
    lastShown = t;
    handle.show('text/html', render());
  };

  show(true);
  return {
    tick(n?: string, step = 1) {
      count += step;
      if (n !== undefined) note = n;
      show(count >= total);
    },
    done(n?: string) {
      finished = true;
      if (n !== undefined) note = n;
      show(true);
    },
    get count() {
      return count;
    },
    html: render,
  };
}
