import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { escapeHtml, jsonForScript, uniqueId } from './html.js';
import { display } from './display.js';

/** A plotly trace (`{ type: 'bar', x, y, … }`), passed to `Plotly.newPlot` as is. */
export type PlotlyTrace = Record<string, unknown>;
/** Plotly layout and config objects, passed through as is. */
export type PlotlyLayout = Record<string, unknown>;
export type PlotlyConfig = Record<string, unknown>;

const require = createRequire(import.meta.url);
let scriptText: string | undefined;
let embedded = false;

/**
 * The plotly.js bundle from node_modules (minified build when installed), read once.
 * `</script` is escaped so the text can sit in an inline `<script>`.
 */
export function plotlyLibrary(): string {
  if (scriptText === undefined) {
    let file: string;
    try {
      file = require.resolve('plotly.js-dist-min');
    } catch {
      try {
        file = require.resolve('plotly.js-dist');
      } catch (cause) {
        throw new Error('[notebook] plotly: neither plotly.js-dist-min nor plotly.js-dist is installed; run `npm install`', { cause });
      }
    }
    scriptText = readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
  }
  return scriptText;
}

/** Options of {@link plotlyChartHtml}. */
export interface PlotlyChartOptions {
  layout?: PlotlyLayout;
  config?: PlotlyConfig;
}

/** A chart as data: traces and options (see `safeHarborChart`, `countsChart`). */
export interface ChartSpec {
  traces: PlotlyTrace[];
  options: PlotlyChartOptions;
}

function toSpec(chart: PlotlyTrace[] | ChartSpec, options: PlotlyChartOptions): ChartSpec {
  if (Array.isArray(chart)) return { traces: chart, options };
  return { traces: chart.traces, options: { layout: { ...chart.options.layout, ...options.layout }, config: { ...chart.options.config, ...options.config } } };
}

/**
 * HTML for an interactive plotly chart. With `includeLibrary` (default: true) the plotly.js
 * library is inlined, so the HTML works on its own and offline.
 */
export function plotlyChartHtml(chart: PlotlyTrace[] | ChartSpec, extra: PlotlyChartOptions & { includeLibrary?: boolean } = {}): string {
  const { traces, options } = toSpec(chart, extra);
  const id = uniqueId('deid-plot');
  const layout = { height: 420, margin: { t: 48, l: 64, r: 24, b: 96 }, ...options.layout };
  const config = { responsive: true, displaylogo: false, ...options.config };
  const library = extra.includeLibrary === false ? '' : `<script type="text/javascript">${plotlyLibrary()}</script>`;
  const missing = 'Plotly library not loaded: run the notebook from the top (its first chart embeds the library).';
  const draw =
    `<script type="text/javascript">(function(){var el=document.getElementById(${jsonForScript(id)});` +
    `if(!el)return;if(!window.Plotly){el.setAttribute('data-plotly-missing','true');el.textContent=${jsonForScript(missing)};return;}` +
    `window.Plotly.newPlot(el,${jsonForScript(traces)},${jsonForScript(layout)},${jsonForScript(config)});})();</script>`;
  return `${library}<div id="${escapeHtml(id)}" class="deid-plotly" style="width:100%;min-height:${Number(layout.height) || 420}px"></div>${draw}`;
}

/**
 * Shows an interactive plotly chart inline. The first chart shown in the kernel (one kernel
 * runs one notebook) embeds the plotly.js library, so the notebook and its HTML export work
 * offline; later charts reuse it.
 * @example showPlotly(safeHarborChart(counts)) // or showPlotly([{ type: 'bar', x: ['A', 'B'], y: [3, 1] }], { layout: { title: { text: 'Findings' } } })
 */
export function showPlotly(chart: PlotlyTrace[] | ChartSpec, options: PlotlyChartOptions = {}): void {
  const shown = display('text/html', plotlyChartHtml(chart, { ...options, includeLibrary: !embedded }));
  if (shown) embedded = true;
}

/** Forgets that the library was embedded, so the next chart shown embeds it again (e.g. after clearing outputs). */
export function resetPlotlyEmbedding(): void {
  embedded = false;
}
