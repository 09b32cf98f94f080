/**
 * The one table `npm run bench` prints: every suite returns rows of named cells, and the
 * printer aligns them under the union of the suites' columns (missing cells print as "—").
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
  const body = rows.map((r) => columns.map((c) => (c === 'suite' ? r.suite : show(r.cells[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((x, i) => (i === 0 || isNaN(Number(x)) ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ')} |`;
  return [line(columns), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}
