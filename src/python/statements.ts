/**
 * Groups a cell's tokens into statements: one per simple statement (split at `;`) and one per
 * compound-statement header (`def f(x):`, `for a in b:`), each with its block depth, so that the
 * scope and binding analysis can walk a file statement by statement. A header's inline body
 * (`if x: y = 1`) becomes statements one level deeper. Pure: no `vscode` import.
 */
import type { Token, TokenKind } from './tokens';

export interface Statement {
  /** The cell (0 for a plain file) the statement is in. */
  readonly cell: number;
  /** Block nesting: 0 at the top level, 1 inside one `def`/`if`/…, and so on. */
  readonly depth: number;
  /** Significant tokens (no comments, line breaks or indentation), without a header's final `:`. */
  readonly tokens: readonly Token[];
  /** The compound keyword of a header (`def`, `class`, `for`, `with`, `except`, `if`, …); undefined for a simple statement. */
  readonly header?: string;
}

/** The words a compound statement's header can start with. */
export const COMPOUND = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'def', 'class', 'async', 'match', 'case']);

/** One logical line's tokens by index, for grouping: their kinds and texts (undefined past the end). */
export interface LineTokens {
  kind(i: number): TokenKind | undefined;
  text(i: number): string | undefined;
}

/** The compound keyword of a header starting at `from` (`match`/`case` only when used as keywords), or undefined. */
function headerWord(t: LineTokens, from: number, to: number): string | undefined {
  if (t.kind(from) !== 'name') return undefined;
  const k = t.text(from)!;
  if (!COMPOUND.has(k)) return undefined;
  if (k === 'async') {
    const w = from + 1 < to && t.kind(from + 1) === 'name' ? t.text(from + 1)! : '';
    return w === 'def' || w === 'for' || w === 'with' ? w : undefined;
  }
  // `match`/`case` are soft keywords: `match = re.match(...)` is an assignment.
  if (k === 'match' || k === 'case') {
    if (to - from < 2) return undefined;
    const x = t.kind(from + 1) === 'op' ? t.text(from + 1) : undefined;
    if (x !== undefined && x !== '(' && x !== '[' && x !== '-' && x !== '{') return undefined;
  }
  return k;
}

/** Index of the `:` ending a compound header at bracket depth 0 (lambdas take their own colon), or -1. */
function headerColon(t: LineTokens, from: number, to: number): number {
  let depth = 0;
  let lambdas = 0;
  for (let i = from; i < to; i++) {
    const kind = t.kind(i);
    if (kind === 'op') {
      const x = t.text(i);
      if (x === '(' || x === '[' || x === '{') depth++;
      else if (x === ')' || x === ']' || x === '}') depth = Math.max(0, depth - 1);
      else if (x === ':' && depth === 0) {
        if (lambdas > 0) lambdas--;
        else return i;
      }
    } else if (kind === 'name' && depth === 0 && t.text(i) === 'lambda') lambdas++;
  }
  return -1;
}

/** Hands each simple statement of [from, to) to `emit`: split at `;` outside brackets. */
function splitSimple(t: LineTokens, from: number, to: number, deeper: boolean, emit: LineEmit): void {
  let start = from;
  let brackets = 0;
  for (let i = from; i < to; i++) {
    if (t.kind(i) !== 'op') continue;
    const x = t.text(i);
    if (x === '(' || x === '[' || x === '{') brackets++;
    else if (x === ')' || x === ']' || x === '}') brackets = Math.max(0, brackets - 1);
    else if (x === ';' && brackets === 0) {
      if (i > start) emit(start, i, deeper, undefined, -1);
      start = i + 1;
    }
  }
  if (to > start) emit(start, to, deeper, undefined, -1);
}

/**
 * Where groupLine hands a statement: its run [from, to); `deeper` for the inline body of a header
 * (one level deeper); for a header, its compound keyword and the index of its `:` (`to` is then the colon).
 */
export type LineEmit = (from: number, to: number, deeper: boolean, header: string | undefined, colon: number) => void;

/**
 * The statements of one logical line [from, to): a compound header (its run ends before its `:`,
 * at `colon`) and the simple statements of its inline body one level deeper, or the line's
 * simple statements split at `;`. statementsOf and the lint's token tape both group so.
 */
export function groupLine(t: LineTokens, from: number, to: number, emit: LineEmit): void {
  const word = headerWord(t, from, to);
  const colon = word ? headerColon(t, from, to) : -1;
  if (word && colon >= 0) {
    emit(from, colon, false, word, colon);
    splitSimple(t, colon + 1, to, true, emit);
  } else splitSimple(t, from, to, false, emit);
}

/**
 * The statements of one cell's tokens, in source order: each logical line's significant tokens
 * (no indentation, line breaks, comments or magics) grouped by `groupLine`, with the block depth
 * that indent and dedent tokens give.
 */
export function statementsOf(tokens: readonly Token[], cell = 0): Statement[] {
  const out: Statement[] = [];
  let depth = 0;
  let ts: Token[] = [];
  const line: LineTokens = { kind: (i) => ts[i]?.kind, text: (i) => ts[i]?.text };
  const part: LineEmit = (from, to, deeper, header) => {
    const tokens = from === 0 && to === ts.length ? ts : ts.slice(from, to);
    out.push(header ? { cell, depth, tokens, header } : { cell, depth: deeper ? depth + 1 : depth, tokens });
  };
  const flush = (): void => {
    if (!ts.length) return;
    groupLine(line, 0, ts.length, part);
    ts = [];
  };
  for (const t of tokens) {
    switch (t.kind) {
      case 'indent':
        depth++;
        break;
      case 'dedent':
        depth = Math.max(0, depth - 1);
        break;
      case 'newline':
      case 'end':
        flush();
        break;
      case 'nl':
      case 'comment':
      case 'magic':
        // non-logical line breaks, comments and magics belong to no statement
        break;
      default:
        ts.push(t);
    }
  }
  flush();
  return out;
}
