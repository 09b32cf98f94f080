/**
 * Groups a cell's tokens into statements: one per simple statement (split at `;`) and one per
 * compound-statement header (`def f(x):`, `for a in b:`), each with its block depth, so that the
 * scope and binding analysis can walk a file statement by statement. A header's inline body
 * (`if x: y = 1`) becomes statements one level deeper. Pure: no `vscode` import.
 */
import type { Token } from './tokens';

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

const COMPOUND = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'def', 'class', 'async', 'match', 'case']);

/** Index of the `:` ending a compound header at bracket depth 0 (lambdas take their own colon), or -1. */
function headerColon(ts: readonly Token[]): number {
  let depth = 0;
  let lambdas = 0;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    if (t.kind === 'op') {
      const x = t.text;
      if (x === '(' || x === '[' || x === '{') depth++;
      else if (x === ')' || x === ']' || x === '}') depth = Math.max(0, depth - 1);
      else if (x === ':' && depth === 0) {
        if (lambdas > 0) lambdas--;
        else return i;
      }
    } else if (t.kind === 'name' && t.text === 'lambda' && depth === 0) lambdas++;
  }
  return -1;
}

/** Splits at `;` outside brackets (the same list when there is none). */
function splitSimple(ts: readonly Token[]): (readonly Token[])[] {
  if (!ts.some((t) => t.kind === 'op' && t.text === ';')) return ts.length ? [ts] : [];
  const parts: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const t of ts) {
    if (t.kind === 'op') {
      const x = t.text;
      if (x === '(' || x === '[' || x === '{') depth++;
      else if (x === ')' || x === ']' || x === '}') depth = Math.max(0, depth - 1);
      else if (x === ';' && depth === 0) {
        if (cur.length) parts.push(cur);
        cur = [];
        continue;
      }
    }
    cur.push(t);
  }
  if (cur.length) parts.push(cur);
  return parts;
}

function isHeader(ts: readonly Token[]): string | undefined {
  const first = ts[0];
  if (first.kind !== 'name' || !COMPOUND.has(first.text)) return undefined;
  const k = first.text;
  if (k === 'async') return ts[1]?.kind === 'name' && ['def', 'for', 'with'].includes(ts[1].text) ? ts[1].text : undefined;
  // `match`/`case` are soft keywords: `match = re.match(...)` is an assignment.
  if ((k === 'match' || k === 'case') && (ts.length < 2 || (ts[1].kind === 'op' && ts[1].text !== '(' && ts[1].text !== '[' && ts[1].text !== '-' && ts[1].text !== '{'))) return undefined;
  return k;
}

/** Whether a token is part of a statement: not indentation, a line break, a comment, a magic or the end. */
export function isStatementToken(t: Token): boolean {
  switch (t.kind) {
    case 'indent':
    case 'dedent':
    case 'newline':
    case 'nl':
    case 'end':
    case 'comment':
    case 'magic':
      return false;
    default:
      return true;
  }
}

/**
 * Groups tokens into statements as they come (`push` each token, then `finish`), handing each
 * statement to `emit`: a caller can read a cell while it is tokenized, without holding every token.
 */
export class StatementReader {
  private depth = 0;
  private line: Token[] = [];

  constructor(
    private readonly cell: number,
    private readonly emit: (st: Statement) => void,
  ) {}

  push(t: Token): void {
    if (isStatementToken(t)) this.line.push(t);
    else if (t.kind === 'indent') this.depth++;
    else if (t.kind === 'dedent') this.depth = Math.max(0, this.depth - 1);
    else if (t.kind === 'newline' || t.kind === 'end') this.flush();
    // comments, non-logical line breaks and magics belong to no statement
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (!this.line.length) return;
    const ts = this.line;
    this.line = [];
    const { cell, depth } = this;
    const header = isHeader(ts);
    const colon = header ? headerColon(ts) : -1;
    if (header && colon >= 0) {
      this.emit({ cell, depth, tokens: ts.slice(0, colon), header });
      for (const part of splitSimple(ts.slice(colon + 1))) this.emit({ cell, depth: depth + 1, tokens: part });
      return;
    }
    for (const part of splitSimple(ts)) this.emit({ cell, depth, tokens: part });
  }
}

/** The statements of one cell's tokens, in source order. */
export function statementsOf(tokens: readonly Token[], cell = 0): Statement[] {
  const out: Statement[] = [];
  const reader = new StatementReader(cell, (st) => out.push(st));
  for (const t of tokens) reader.push(t);
  reader.finish();
  return out;
}
