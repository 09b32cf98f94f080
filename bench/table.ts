/**
 * The one table `npm run bench` prints: every suite returns rows of named cells, and the
 * printer aligns them under the union of the suites' columns (missing cells print as "—").
 * The suites share COLUMNS, so the table stays narrow: our figure, the references (PyTorch,
 * then TensorFlow.js or another reference such as JSON.parse), our figure divided by each
 * reference (below 1 = we are faster), the target and whether this run met it.
 */

export type Cell = string | number | undefined;

export interface Row {
  suite: string;
  cells: Record<string, Cell>;
}

export interface Suite {
  name: string;
  /** The columns this suite fills, in display order (after "suite"). */
  columns: readonly string[];
  run(): Promise<Row[]>;
  /** Lines printed under the table (definitions, skipped comparisons). */
  notes: string[];
}

/** The columns every suite uses. */
export const COLUMNS = ['case', 'ours', 'torch', 'tfjs / reference', 'ours ÷ torch', 'ours ÷ ref', 'target', 'met'] as const;
export type Column = (typeof COLUMNS)[number];
export type Cells = Partial<Record<Column, Cell>>;

/** Milliseconds with sensible precision ("0.012 ms", "3.4 ms", "812 ms"). */
export function fmtMs(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return `${x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms`;
}

/** The `p`th percentile of `xs` (the value at that rank of the sorted times; p99 of 100 is the slowest). */
export function pct(xs: readonly number[], p: number): number {
  return [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
}

/** A ratio as "1.23×". */
export function fmtRatio(x: number | undefined): string | undefined {
  return x === undefined || !Number.isFinite(x) ? undefined : `${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}×`;
}

/** "yes" / "NO" for a target (a benchmark never fails on it; the table just says). */
export function met(ok: boolean | undefined): string | undefined {
  return ok === undefined ? undefined : ok ? 'yes' : 'NO';
}

function show(c: Cell): string {
  if (c === undefined) return '—';
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return String(c);
    const a = Math.abs(c);
    return a >= 100 ? c.toFixed(0) : a >= 10 ? c.toFixed(1) : c.toFixed(2);
  }
  return c;
}

/** A Markdown table (readable in a terminal, pasteable into the README). */
export function formatTable(rows: readonly Row[], suites: readonly Suite[]): string {
  const columns = ['suite'];
  for (const s of suites) for (const c of s.columns) if (!columns.includes(c)) columns.push(c);
  const body = rows.map((r) => columns.map((c) => (c === 'suite' ? r.suite : show(r.cells[c]).replace(/\|/g, '\\|'))));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((x, i) => (i === 0 || isNaN(Number(x)) ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ')} |`;
  return [line(columns), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/**
 * Whether the suite file `name` (`editor.ts`) is the script node was started with (`npx tsx
 * bench/editor.ts`): in `npm run bench`'s bundle every suite shares one module, so
 * `require.main === module` would hold for all of them.
 */
export function runAlone(name: string): boolean {
  return (process.argv[1] ?? '').replace(/\\/g, '/').endsWith(`/bench/${name}`);
}
