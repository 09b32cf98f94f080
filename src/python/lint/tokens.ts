/**
 * The lint's view of the source, built on the shared Python analysis
 * (src/python): its tokenizer (`tokenize`), its statements (`statementsOf`,
 * with block depth and compound headers) and its import bindings
 * (`importBindings`, so every import style the hover resolves resolves here); a cell
 * whose cell magic runs another language (`%%bash`) is skipped, as the hover skips it.
 * Cells are read as a stream (`readCells`), and a statement's tokens can be read again
 * from its span (`rereadTokens`), so the lint need not hold every token of a file.
 * Tokens carry their cell; a header gets back its `:` (zero-width) so the
 * lint's expression reader sees the block it opens. Comments are kept for
 * suppression. Pure: no `vscode`. Never throws on bad input.
 */
import { importBindings, type ImportTable } from '../imports';
import { isStatementToken, StatementReader } from '../statements';
import { TokenPool, tokenize, tokenizeCell, type Token, type TokenSpan } from '../tokens';

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
  /** A compound header (`def f(x)`, `for a in b`): its tokens end with a zero-width `:`. */
  header?: boolean;
}

/** A header's tokens with its `:` given back (zero-width, after the last token) for the expression reader. */
function withColon(tokens: readonly Token[]): Token[] {
  const last = tokens[tokens.length - 1];
  const colon: Token = { kind: 'op', text: ':', start: last.end, end: last.end, line: last.endLine, col: last.endCol, endLine: last.endLine, endCol: last.endCol };
  return [...tokens, colon];
}

export interface CellsRead {
  comments: Comment[];
  /** The names every import binds (later cells win, as when run in order) and the star-imported modules. */
  imports: ImportTable;
}

/**
 * Reads every code cell, in order, statement by statement: `onStatement` gets each one with its
 * cell's source while the cell is tokenized. When `pooled`, it must keep no token (nor the
 * statement's token list): token objects are used again for the next logical line; read a
 * statement again with `rereadTokens` to keep its tokens.
 */
export function readCells(cells: readonly string[], options: { pooled: boolean }, onStatement: (st: Statement, src: string) => void): CellsRead {
  const comments: Comment[] = [];
  const names = new Map<string, string>();
  const stars: string[] = [];
  cells.forEach((raw, cell) => {
    const src = typeof raw === 'string' ? raw : '';
    const reader = new StatementReader(cell, (st) => {
      const bound = importBindings(st);
      if (bound) {
        for (const b of bound) {
          if (b.star) stars.push(b.target);
          else names.set(b.local, b.target);
        }
      }
      if (!st.tokens.length) return;
      const header = st.header !== undefined;
      onStatement({ tokens: header ? withColon(st.tokens) : st.tokens, indent: st.depth, cell, header }, src);
    });
    // Token objects are used again once their logical line is read: `onStatement` keeps no token.
    const pool = options.pooled ? new TokenPool() : undefined;
    tokenizeCell(src, (t) => {
      if (t.kind === 'comment') comments.push({ cell, line: t.line, text: t.text });
      reader.push(t);
      if (t.kind === 'newline') pool?.reset();
    }, pool);
    reader.finish();
  });
  return { comments, imports: { names, stars } };
}

/**
 * The tokens of a statement read again from its span of the cell's source (a header's span ends
 * before its `:`): the same tokens `readCells` gave for it.
 */
export function rereadTokens(src: string, span: TokenSpan, header: boolean): Token[] {
  const out: Token[] = [];
  tokenize(src, (t) => {
    if (isStatementToken(t)) out.push(t);
  }, span);
  return header && out.length ? withColon(out) : out;
}

/** The value of a plain string literal token (prefixes r/u/b only; f-strings give undefined). */
export function stringValue(t: Token): string | undefined {
  if (t.kind !== 'string') return undefined;
  const m = /^([A-Za-z]*)('''|"""|'|")([\s\S]*)\2$/.exec(t.text);
  if (!m) return undefined;
  if (/f/i.test(m[1])) return undefined;
  return m[3];
}
