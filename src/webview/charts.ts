/**
 * uPlot charts in the colours of the current VS Code theme: the loss curve
 * (with the current points drawn as markers) and the per-element bar chart.
 */
import uPlot from 'uplot';
import type { PlotData } from './engine';
import { fmt } from './parse';

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export function palette(): string[] {
  return [
    cssVar('--vscode-charts-blue', '#3794ff'),
    cssVar('--vscode-charts-orange', '#d18616'),
    cssVar('--vscode-charts-green', '#89d185'),
    cssVar('--vscode-charts-purple', '#b180d7'),
    cssVar('--vscode-charts-red', '#f14c4c'),
    cssVar('--vscode-charts-yellow', '#cca700'),
    cssVar('--vscode-terminal-ansiCyan', '#11a8cd'),
    cssVar('--vscode-terminal-ansiMagenta', '#bc3fbc'),
  ];
}

function axes(xLabel: string, yLabel: string): uPlot.Axis[] {
  const fg = cssVar('--vscode-foreground', '#cccccc');
  const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)');
  const font = `11px ${cssVar('--vscode-font-family', 'sans-serif')}`;
  const ax = (label: string): uPlot.Axis => ({
    label,
    stroke: fg,
    font,
    labelFont: font,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    // compact numbers at any scale (contributions of 10,000 elements are ~1e-4 each)
    values: (_u, splits) => splits.map((v) => fmt(v, 4)),
    size: 56,
  });
  return [ax(xLabel), ax(yLabel)];
}

/** resize/destroy shared by both charts. */
function sizing(height: number, get: () => uPlot | undefined, forget: () => void): { resize(width: number): void; destroy(): void } {
  return {
    resize(width) {
      get()?.setSize({ width: Math.max(280, width), height });
    },
    destroy() {
      get()?.destroy();
      forget();
    },
  };
}

export interface CurveChart {
  update(plot: PlotData, labels: string[], xLabel: string, yLabel: string): void;
  resize(width: number): void;
  destroy(): void;
}

/** The loss against the prediction/residual/logit with the current points marked. */
export function curveChart(host: HTMLElement, height = 260): CurveChart {
  let chart: uPlot | undefined;
  let key = '';
  let marks: Float64Array = new Float64Array(0);
  let markColor = '#fff';
  const drawMarks = (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = markColor;
    ctx.strokeStyle = cssVar('--vscode-editor-background', '#1e1e1e');
    ctx.lineWidth = 1;
    const r = Math.max(2, 3 * devicePixelRatio);
    const { left, top, width, height } = u.bbox;
    const many = marks.length > 1000;
    for (let i = 0; i + 1 < marks.length; i += 2) {
      const x = u.valToPos(marks[i], 'x', true);
      const y = u.valToPos(marks[i + 1], 'y', true);
      if (!Number.isFinite(x) || !Number.isFinite(y) || x < left || x > left + width || y < top || y > top + height) continue;
      if (many) {
        // hundreds of points: small squares, no path per point
        ctx.fillRect(x - r / 2, y - r / 2, r, r);
        continue;
      }
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
  };
  return {
    update(plot, labels, xLabel, yLabel) {
      marks = plot.marks;
      const colors = palette();
      markColor = cssVar('--vscode-charts-red', '#f14c4c');
      const newKey = `${labels.join('|')}§${xLabel}§${yLabel}`;
      const data: uPlot.AlignedData = [plot.x, ...plot.curves.map((c) => c.y)];
      // y range from the curves where the marks are visible, clipped so one steep loss does not flatten the rest
      if (chart && newKey === key) {
        chart.setData(data);
        return;
      }
      chart?.destroy();
      key = newKey;
      const width = Math.max(280, host.clientWidth || 600);
      chart = new uPlot(
        {
          width,
          height,
          legend: { show: true, live: true },
          cursor: { points: { show: true } },
          scales: { x: { time: false } },
          axes: axes(xLabel, yLabel),
          series: [
            { label: xLabel },
            ...labels.map((label, i) => ({
              label,
              stroke: colors[i % colors.length],
              width: i === 0 ? 2.5 : 1.75,
              dash: i === 0 ? undefined : [6, 3],
              points: { show: false },
            })),
          ],
          hooks: { draw: [drawMarks] },
        },
        data,
        host,
      );
    },
    ...sizing(height, () => chart, () => {
      chart = undefined;
      key = '';
    }),
  };
}

export interface BarChart {
  update(values: Float64Array, label: string, xLabel: string): void;
  resize(width: number): void;
  destroy(): void;
}

/** At most this many bars; beyond it each bar shows the value of largest magnitude in its run of elements. */
export const MAX_BARS = 800;

/** Buckets `values` into at most `max` bars (x = first index of each bucket), keeping the extreme of each. */
export function bucketBars(values: Float64Array, max = MAX_BARS): { xs: Float64Array; ys: Float64Array; per: number } {
  const n = values.length;
  const per = Math.max(1, Math.ceil(n / max));
  const m = Math.ceil(n / per);
  const xs = new Float64Array(m);
  const ys = per === 1 ? values : new Float64Array(m);
  for (let b = 0; b < m; b++) {
    xs[b] = b * per;
    if (per === 1) continue;
    let best = 0;
    for (let i = b * per, end = Math.min(n, i + per); i < end; i++) if (Math.abs(values[i]) > Math.abs(best)) best = values[i];
    ys[b] = best;
  }
  return { xs, ys, per };
}

/** One bar per element (contributions or gradient); bucketed for large inputs. */
export function barChart(host: HTMLElement, height = 180): BarChart {
  let chart: uPlot | undefined;
  let key = '';
  return {
    update(values, label, xLabel) {
      const { xs, ys, per } = bucketBars(values);
      if (per > 1) xLabel = `${xLabel} (each bar: largest |value| of ${per})`;
      const data: uPlot.AlignedData = [xs, ys];
      const newKey = `${label}§${xLabel}`;
      if (chart && key === newKey) {
        chart.setData(data);
        return;
      }
      chart?.destroy();
      key = newKey;
      const color = palette()[0];
      chart = new uPlot(
        {
          width: Math.max(280, host.clientWidth || 600),
          height,
          legend: { show: true, live: true },
          scales: {
            x: { time: false, range: (_u, lo, hi) => [lo - 0.5 * per, hi + 0.5 * per] },
            // bars grow from zero
            y: { range: (_u, lo, hi) => [Math.min(0, lo), Math.max(0, hi) || 1] },
          },
          axes: ((a) => {
            // element indices: whole-number ticks
            a[0].incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 1e6];
            return a;
          })(axes(xLabel, label)),
          series: [
            { label: xLabel },
            { label, stroke: color, fill: color, width: 0, paths: uPlot.paths.bars!({ size: [0.8, 40], align: 0 }), points: { show: false } },
          ],
        },
        data,
        host,
      );
    },
    ...sizing(height, () => chart, () => {
      chart = undefined;
      key = '';
    }),
  };
}
