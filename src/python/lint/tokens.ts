/**
 * The lint's view of the source, built on the shared Python analysis
 * (src/python): its tokenizer (`lex`), its way of grouping statements (as
 * `statementsOf`, with block depth and compound headers; see ./tape.ts) and its
 * import bindings (`importBindings`, so every import style the hover resolves
 * resolves here); a cell whose cell magic runs another language (`%%bash`) is
 * skipped, as the hover skips it. Cells are read as a stream (`readCells`) into
 * token tapes: no object per token. Comments are kept for suppression. Pure: no
 * `vscode`. Never throws on bad input.
 */
import { importBindings, type ImportTable } from '../imports';
import { cellSource, K_NAME, lex, type Token } from '../tokens';
import { sharedSymbols, TapeReader, TokenTape, type Symbols } from './tape';

export type { Token };

export interface Comment {
  cell: number;
  line: number;
  text: string;
}

export interface CellsRead {
  /** The comments that name loss-atlas (in any case): the only ones that can suppress a diagnostic. */
  comments: Comment[];
  /** The names every import binds (later cells win, as when run in order) and the star-imported modules. */
  imports: ImportTable;
  /** Each cell's token tape. */
  tapes: TokenTape[];
  /** The names and operators of every cell. */
  symbols: Symbols;
}

/**
 * Reads every code cell, in order, statement by statement: `onStatement` gets each one, a run
 * [from, to) of its cell's token tape, with its block depth, as soon as its logical line is read.
 * A header's run ends with its `:`.
 */
export function readCells(cells: readonly string[], onStatement: (tape: TokenTape, from: number, to: number, depth: number, header: boolean) => void): CellsRead {
  const comments: Comment[] = [];
  const names = new Map<string, string>();
  const stars: string[] = [];
  const tapes: TokenTape[] = [];
  const symbols = sharedSymbols();
  cells.forEach((raw, cell) => {
    const src = cellSource(typeof raw === 'string' ? raw : '');
    const tape = new TokenTape(src, cell, symbols);
    tapes.push(tape);
    lex(src, new TapeReader(tape, (t, from, to, depth, header) => {
      const word = t.kinds[from] === K_NAME ? t.text(from) : '';
      if (!header && (word === 'import' || word === 'from')) {
        const tokens: Token[] = [];
        for (let i = from; i < to; i++) tokens.push(t.token(i));
        for (const b of importBindings({ cell, depth, tokens }) ?? []) {
          if (b.star) stars.push(b.target);
          else names.set(b.local, b.target);
        }
      }
      onStatement(t, from, to, depth, header);
    }, comments));
  });
  return { comments, imports: { names, stars }, tapes, symbols };
}

/** The value of a plain string literal token (prefixes r/u/b only; f-strings give undefined). */
export function stringValue(t: Pick<Token, 'kind' | 'text'>): string | undefined {
  if (t.kind !== 'string') return undefined;
  const m = /^([A-Za-z]*)('''|"""|'|")([\s\S]*)\2$/.exec(t.text);
  if (!m) return undefined;
  if (/f/i.test(m[1])) return undefined;
  return m[3];
}
