/**
 * The lint's view of the source, built on the shared Python analysis
 * (src/python): its tokenizer (`tokenize`), its statements (`statementsOf`,
 * with block depth and compound headers) and its import bindings
 * (`importBindings`, so every import style the hover resolves resolves here); a cell
 * whose cell magic runs another language (`%%bash`) is skipped, as the hover skips it.
 * Tokens carry their cell; a header gets back its `:` (zero-width) so the
 * lint's expression reader sees the block it opens. Comments are kept for
 * suppression. Pure: no `vscode`. Never throws on bad input.
 */
import { importBindings, type ImportTable } from '../imports';
import { statementsOf } from '../statements';
import { tokenizeCell, type Token } from '../tokens';

export type { Token };

export interface Comment {
  cell: number;
  line: number;
  text: string;
}

/** One logical statement: its significant tokens (the shared tokenizer's), its block depth (0 at the top level) and cell. */
export interface Statement {
  tokens: readonly Token[];
  indent: number;
  cell: number;
}

export interface Tokenized {
  statements: Statement[];
  comments: Comment[];
  /** The names every import binds (later cells win, as when run in order) and the star-imported modules. */
  imports: ImportTable;
}

/** Every code cell's statements, comments and imports (cells in order). */
export function tokenizeCells(cells: readonly string[]): Tokenized {
  const statements: Statement[] = [];
  const comments: Comment[] = [];
  const names = new Map<string, string>();
  const stars: string[] = [];
  cells.forEach((src, cell) => {
    const toks = tokenizeCell(typeof src === 'string' ? src : '');
    for (const t of toks) if (t.kind === 'comment') comments.push({ cell, line: t.line, text: t.text });
    for (const st of statementsOf(toks, cell)) {
      const bound = importBindings(st);
      if (bound) {
        for (const b of bound) {
          if (b.star) stars.push(b.target);
          else names.set(b.local, b.target);
        }
      }
      if (!st.tokens.length) continue;
      let tokens = st.tokens;
      if (st.header) {
        const last = tokens[tokens.length - 1];
        const colon: Token = { kind: 'op', text: ':', start: last.end, end: last.end, line: last.endLine, col: last.endCol, endLine: last.endLine, endCol: last.endCol };
        tokens = [...tokens, colon];
      }
      statements.push({ tokens, indent: st.depth, cell });
    }
  });
  return { statements, comments, imports: { names, stars } };
}

/** The value of a plain string literal token (prefixes r/u/b only; f-strings give undefined). */
export function stringValue(t: Token): string | undefined {
  if (t.kind !== 'string') return undefined;
  const m = /^([A-Za-z]*)('''|"""|'|")([\s\S]*)\2$/.exec(t.text);
  if (!m) return undefined;
  if (/f/i.test(m[1])) return undefined;
  return m[3];
}
