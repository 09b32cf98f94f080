/**
 * A Python tokenizer (no Python process): names, numbers, strings (every prefix, triple-quoted,
 * f-strings with nested quotes in their replacement fields), operators, comments, logical and
 * non-logical newlines, indentation, bracket nesting and backslash continuations. IPython lines
 * (`%magic`, `!shell`) become `magic` tokens. It never throws: bad input gives `error` tokens.
 * Pure: no `vscode` import.
 */

export type TokenKind =
  | 'name'
  | 'number'
  | 'string'
  | 'op'
  | 'comment'
  | 'magic'
  /** The end of a logical line. */
  | 'newline'
  /** A line break inside brackets or after a blank/comment-only line. */
  | 'nl'
  | 'indent'
  | 'dedent'
  | 'error'
  | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token (empty for indent/dedent/end). */
  readonly text: string;
  /** Offsets into the source, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** 0-based line and UTF-16 column of the start, as in VS Code. */
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  /** Strings: the lower-cased prefix (`''`, `'f'`, `'rb'`, …). */
  readonly prefix?: string;
  /** Strings: offsets of the body between the quotes. */
  readonly bodyStart?: number;
  readonly bodyEnd?: number;
}

/** Token kinds by number, as a TokenSink receives them (`TOKEN_KINDS[K_NAME] === 'name'`). */
export const TOKEN_KINDS: readonly TokenKind[] = ['name', 'number', 'string', 'op', 'comment', 'magic', 'newline', 'nl', 'indent', 'dedent', 'error', 'end'];
export const K_NAME = 0;
export const K_NUMBER = 1;
export const K_STRING = 2;
export const K_OP = 3;
export const K_COMMENT = 4;
export const K_MAGIC = 5;
export const K_NEWLINE = 6;
export const K_NL = 7;
export const K_INDENT = 8;
export const K_DEDENT = 9;
export const K_ERROR = 10;
export const K_END = 11;

/**
 * Where the tokenizer puts what it reads (`lex`): each token as its kind's number and its
 * position, with no object made for it; `tokenize` turns them into Token objects.
 */
export interface TokenSink {
  /** A token on one line: [start, end) of the source, its line and the column of its start. */
  token(kind: number, start: number, end: number, line: number, col: number): void;
  /** A string token (it may span lines), with its lower-cased prefix and the offsets of its body. */
  string(start: number, end: number, line: number, col: number, endLine: number, endCol: number, prefix: string, bodyStart: number, bodyEnd: number): void;
}

const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);

/** One shape for every token but strings (fast to allocate, few shapes to read). */
class Tok implements Token {
  constructor(
    readonly kind: TokenKind,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly line: number,
    readonly col: number,
    readonly endLine: number,
    readonly endCol: number,
  ) {}
}

/** A string token: a Tok with its prefix and body (a subclass, so other tokens do without the three fields). */
class StrTok extends Tok {
  constructor(
    text: string,
    start: number,
    end: number,
    line: number,
    col: number,
    endLine: number,
    endCol: number,
    readonly prefix: string,
    readonly bodyStart: number,
    readonly bodyEnd: number,
  ) {
    super('string', text, start, end, line, col, endLine, endCol);
  }
}

/** The length of the operator at `pos` (1 to 3 characters). */
function opLength(src: string, pos: number): number {
  const c = src.charCodeAt(pos);
  const d = src.charCodeAt(pos + 1);
  const e = src.charCodeAt(pos + 2);
  switch (c) {
    case 42 /* * */:
    case 47 /* / */:
    case 62 /* > */:
    case 60 /* < */:
      if (d === c) return e === 61 ? 3 : 2;
      if (d === 61 || (c === 60 && d === 62)) return 2;
      return 1;
    case 46 /* . */:
      return d === 46 && e === 46 ? 3 : 1;
    case 45 /* - */:
      return d === 62 || d === 61 ? 2 : 1;
    case 61 /* = */:
    case 33 /* ! */:
    case 43 /* + */:
    case 37 /* % */:
    case 38 /* & */:
    case 124 /* | */:
    case 94 /* ^ */:
    case 64 /* @ */:
    case 58 /* : */:
      return d === 61 ? 2 : 1;
    default:
      return 1;
  }
}

/** Per ASCII code: 1 for a letter or `_`, 2 for a digit (one load per character where the lexer scans a name). */
const ASCII_IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_IDENT[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 ? 1 : c >= 48 && c <= 57 ? 2 : 0;

function isIdentStart(c: number): boolean {
  return c < 128 ? ASCII_IDENT[c] === 1 : true;
}
export function isIdentChar(c: number): boolean {
  // NaN (past the end) is not below 128 and must not count: charCodeAt gives NaN there.
  return c < 128 ? ASCII_IDENT[c] !== 0 : c > 127;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Cell magics whose cell body is still Python. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'python', 'python3', 'memit']);

/** The source a cell's tokens come from: empty for a cell whose cell magic runs another language (`%%bash`, `%%writefile`, `%%html`), whose body is not Python. */
export function cellSource(src: string): string {
  // /^\s*%%(\w+)/, read from the start only (a regular expression would be tried along the whole source).
  let p = 0;
  while (p < src.length && /\s/.test(src[p])) p++;
  if (src.charCodeAt(p) !== 37 || src.charCodeAt(p + 1) !== 37) return src;
  let e = p + 2;
  while (e < src.length && /\w/.test(src[e])) e++;
  return e > p + 2 && !PYTHON_CELL_MAGICS.has(src.slice(p + 2, e)) ? '' : src;
}

/** The tokens of one cell (or file): none for a cell whose body is not Python (see cellSource). */
export function tokenizeCell(src: string): Token[] {
  return tokenize(cellSource(src));
}

/** Tokenizes Python source. Lines may end with \n, \r\n or \r (each counts as one line, as in VS Code). */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  lex(src, new TokenObjects(src, out));
  return out;
}

/** Reads `src` into `sink`, token by token. */
export function lex(src: string, sink: TokenSink): void {
  const n = src.length;
  let pos = 0;
  let line = 0;
  let lineStart = 0;
  let depth = 0;
  const indents = [0];
  let atLineStart = true;
  /** A significant token was seen on the current logical line. */
  let logical = false;

  const push = (kind: number, start: number, end: number): void => sink.token(kind, start, end, line, start - lineStart);
  const mark = (kind: number, p: number): void => sink.token(kind, p, p, line, p - lineStart);
  /** Skips a line break at `p` (\r\n, \n or \r); returns the offset after it. */
  const lineBreak = (p: number): number => (src.charCodeAt(p) === 13 && src.charCodeAt(p + 1) === 10 ? p + 2 : p + 1);

  /**
   * Scans a string whose opening quote is at `q` (prefix already consumed). Returns the end offset
   * and counts the lines it spans into `lines`/`lastLineStart`.
   */
  let spanLines = 0;
  let spanLineStart = 0;
  const scanString = (q: number, fstring: boolean): { end: number; bodyStart: number; bodyEnd: number } => {
    const quote = src.charCodeAt(q);
    const triple = src.charCodeAt(q + 1) === quote && src.charCodeAt(q + 2) === quote;
    const open = triple ? 3 : 1;
    let p = q + open;
    let braces = 0;
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === 92 /* \ */) {
        const d = src.charCodeAt(p + 1);
        if (d === 13 || d === 10) {
          p = lineBreak(p + 1);
          spanLines++;
          spanLineStart = p;
        } else p += 2;
        continue;
      }
      if (c === 10 || c === 13) {
        if (!triple && braces === 0) return { end: p, bodyStart: q + open, bodyEnd: p }; // unterminated
        p = lineBreak(p);
        spanLines++;
        spanLineStart = p;
        continue;
      }
      if (fstring) {
        if (c === 123 /* { */) {
          if (braces === 0 && src.charCodeAt(p + 1) === 123) p += 2;
          else {
            braces++;
            p++;
          }
          continue;
        }
        if (c === 125 /* } */) {
          if (braces > 0) braces--;
          p++;
          continue;
        }
        if (braces > 0 && (c === 34 || c === 39)) {
          // A string inside a replacement field (Python 3.12 allows the same quote).
          let k = p;
          while (k > 0 && isIdentChar(src.charCodeAt(k - 1))) k--;
          const pre = src.slice(k, p).toLowerCase();
          const inner = scanString(p, STRING_PREFIXES.has(pre) && pre.includes('f'));
          p = inner.end;
          continue;
        }
      }
      if (c === quote && (!triple || (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote))) {
        return { end: p + open, bodyStart: q + open, bodyEnd: p };
      }
      p++;
    }
    return { end: n, bodyStart: q + open, bodyEnd: n };
  };

  const string = (start: number, q: number, prefix: string): void => {
    spanLines = 0;
    spanLineStart = lineStart;
    const s = scanString(q, prefix.includes('f') || prefix.includes('t'));
    const startLine = line;
    const startCol = start - lineStart;
    line += spanLines;
    lineStart = spanLineStart;
    sink.string(start, s.end, startLine, startCol, line, s.end - lineStart, prefix, s.bodyStart, s.bodyEnd);
    pos = s.end;
    logical = true;
  };

  while (pos < n) {
    if (atLineStart && depth === 0) {
      atLineStart = false;
      let col = 0;
      let p = pos;
      for (;;) {
        const c = src.charCodeAt(p);
        if (c === 32) col++;
        else if (c === 9) col = (Math.floor(col / 8) + 1) * 8;
        else if (c === 12) col = 0;
        else break;
        p++;
      }
      const c = src.charCodeAt(p);
      pos = p;
      if (p >= n || c === 10 || c === 13 || c === 35 /* # */ || (c === 92 && (src.charCodeAt(p + 1) === 10 || src.charCodeAt(p + 1) === 13))) {
        // blank, comment-only or continuation-only line: indentation does not count
      } else {
        if (col > indents[indents.length - 1]) {
          indents.push(col);
          mark(K_INDENT, p);
        } else {
          while (col < indents[indents.length - 1]) {
            indents.pop();
            mark(K_DEDENT, p);
          }
        }
        if (c === 37 /* % */ || c === 33 /* ! */) {
          let e = p;
          while (e < n && src.charCodeAt(e) !== 10 && src.charCodeAt(e) !== 13) e++;
          push(K_MAGIC, p, e);
          pos = e;
          logical = true;
          continue;
        }
      }
      continue;
    }
    const c = src.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 12) {
      pos++;
      continue;
    }
    if (c === 10 || c === 13) {
      const e = lineBreak(pos);
      push(depth === 0 && logical ? K_NEWLINE : K_NL, pos, e);
      if (depth === 0) logical = false;
      line++;
      lineStart = e;
      pos = e;
      // Indentation counts only where a logical line starts, never inside brackets.
      atLineStart = depth === 0;
      continue;
    }
    if (c === 35 /* # */) {
      let e = pos;
      while (e < n && src.charCodeAt(e) !== 10 && src.charCodeAt(e) !== 13) e++;
      push(K_COMMENT, pos, e);
      pos = e;
      continue;
    }
    if (c === 92 /* \ */) {
      const d = src.charCodeAt(pos + 1);
      if (d === 10 || d === 13) {
        pos = lineBreak(pos + 1);
        line++;
        lineStart = pos;
        continue;
      }
      push(K_ERROR, pos, pos + 1);
      pos++;
      continue;
    }
    if (isIdentStart(c)) {
      let e = pos + 1;
      while (e < n && isIdentChar(src.charCodeAt(e))) e++;
      const q = src.charCodeAt(e);
      if ((q === 34 || q === 39) && e - pos <= 2) {
        const prefix = src.slice(pos, e).toLowerCase();
        if (STRING_PREFIXES.has(prefix)) {
          string(pos, e, prefix);
          continue;
        }
      }
      push(K_NAME, pos, e);
      pos = e;
      logical = true;
      continue;
    }
    if (c === 34 || c === 39) {
      string(pos, pos, '');
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(pos + 1)))) {
      let e = pos + 1;
      while (e < n) {
        const d = src.charCodeAt(e);
        if (isIdentChar(d) || d === 46) e++;
        else if ((d === 43 || d === 45) && (src.charCodeAt(e - 1) | 32) === 101 && !/^0[xX]/.test(src.slice(pos, e))) e++;
        else break;
      }
      push(K_NUMBER, pos, e);
      pos = e;
      logical = true;
      continue;
    }
    // operators
    const len = opLength(src, pos);
    if (len === 1) {
      if (c === 40 || c === 91 || c === 123) depth++;
      else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    }
    push(c > 127 || c < 33 ? K_ERROR : K_OP, pos, pos + len);
    pos += len;
    logical = true;
  }
  if (logical) push(K_NEWLINE, n, n);
  while (indents.length > 1) {
    indents.pop();
    mark(K_DEDENT, n);
  }
  mark(K_END, n);
}


/** The sink of `tokenize`: a Token object per token, into `out`. */
class TokenObjects implements TokenSink {
  constructor(
    private readonly src: string,
    private readonly out: Token[],
  ) {}

  token(kind: number, start: number, end: number, line: number, col: number): void {
    this.out.push(new Tok(TOKEN_KINDS[kind], start === end ? '' : this.src.slice(start, end), start, end, line, col, line, col + end - start));
  }

  string(start: number, end: number, line: number, col: number, endLine: number, endCol: number, prefix: string, bodyStart: number, bodyEnd: number): void {
    this.out.push(new StrTok(this.src.slice(start, end), start, end, line, col, endLine, endCol, prefix, bodyStart, bodyEnd));
  }
}

/** The body of a string token (between the quotes, escapes kept as written). */
export function stringBody(src: string, t: Token): string {
  return t.bodyStart === undefined ? '' : src.slice(t.bodyStart, t.bodyEnd);
}
