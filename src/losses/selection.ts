/**
 * Parses numbers people select in an editor into typed tensors: Python lists and
 * nested lists, numpy / torch / TensorFlow / JAX reprs, JSON, CSV/TSV and plain
 * whitespace- or comma-separated numbers, with `name = ...` lines giving named arrays.
 *
 * A hand-written scanner (no regular expression per number, no recursion), so a
 * million numbers parse in about the time of `JSON.parse`, and hostile input
 * (deep brackets, NUL bytes, lone surrogates) gives an error, never a crash.
 * Pure: no `vscode`, no DOM.
 */
import type { TypedTensor } from './types';

export interface ParsedArray {
  /** The name the selection gave it (`pred = [...]`, a JSON key, a CSV header). */
  name?: string;
  tensor: TypedTensor;
  /** Written as integers (or with an integer dtype): usable as class indices. */
  integer: boolean;
  /** 1-based line of the selection where the array starts. */
  line: number;
}

export type SelectionParse =
  | { ok: true; arrays: ParsedArray[] }
  | { ok: false; error: string; line: number; column: number };

export interface SelectionOptions {
  /** Refuse selections with more numbers than this (default: no limit). */
  maxNumbers?: number;
}

/** Deepest bracket nesting accepted (tensors people select are at most a few levels deep). */
export const MAX_SELECTION_DEPTH = 32;

// Character codes.
const TAB = 9, LF = 10, CR = 13, SPACE = 32, QUOTE2 = 34, HASH = 35, QUOTE1 = 39, LPAREN = 40, RPAREN = 41;
const PLUS = 43, COMMA = 44, MINUS = 45, DOT = 46, D0 = 48, D9 = 57, COLON = 58, SEMI = 59, LT = 60, EQ = 61;
const GT = 62, LBRACK = 91, RBRACK = 93, UNDERSCORE = 95, LBRACE = 123, RBRACE = 125;

/** Largest chunk of the number buffer (1 MB). */
const MAX_CHUNK = 1 << 17;

const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

function isDigit(c: number): boolean {
  return c >= D0 && c <= D9;
}
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Where a failure message puts its position. A control character, which no text
 * taken from the selection can hold once escaped by `showToken`.
 */
const AT = '\u0001';

class ParseFailure {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

/** An array written whole: brackets, a call, a TF repr, a scalar under a key, or a named row. */
interface ArrayItem {
  kind: 'block' | 'row';
  name?: string;
  pos: number;
  shape: number[];
  start: number;
  end: number;
  integer: boolean;
}

/**
 * Unnamed rows of numbers, one per line, optionally under a header line of names: one
 * item however many rows (a million lines allocate nothing per line). The rows' numbers
 * are contiguous in the scanner's buffer, `start` to `end`.
 */
interface TableItem {
  kind: 'table';
  /** The header's column names (undefined: no header). */
  names?: string[];
  /** The header's position, or the first row's. */
  pos: number;
  start: number;
  end: number;
  rows: number;
  /** Numbers each row must hold: the header's column count, or the first row's length (-1 before it). */
  width: number;
  /** Whether every number of every row was written as an integer. */
  integer: boolean;
  /** Under a header: 1 for each column whose numbers were all written as integers. */
  colInt?: Uint8Array;
  /** The first two rows (a table of at most two rows gives one array per row). */
  pos0: number;
  pos1: number;
  int0: boolean;
  int1: boolean;
  /** The first row whose length differs from `width` (-1: none), and its length. */
  badPos: number;
  badWidth: number;
}

type Item = ArrayItem | TableItem;

function newTable(pos: number, names?: string[]): TableItem {
  return {
    kind: 'table',
    names,
    pos,
    start: 0,
    end: 0,
    rows: 0,
    width: names ? names.length : -1,
    integer: true,
    colInt: names ? new Uint8Array(names.length).fill(1) : undefined,
    pos0: -1,
    pos1: -1,
    int0: true,
    int1: true,
    badPos: -1,
    badWidth: 0,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Shows a token in a message: control characters and lone surrogates escaped. */
function showToken(t: string): string {
  let out = '';
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    const hi = c >= 0xd800 && c <= 0xdbff;
    const lo = c >= 0xdc00 && c <= 0xdfff;
    if (hi && k + 1 < t.length) {
      const c2 = t.charCodeAt(k + 1);
      if (c2 >= 0xdc00 && c2 <= 0xdfff) {
        out += t[k] + t[k + 1];
        k++;
        continue;
      }
    }
    if (c < 0x20 || c === 0x7f || hi || lo) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += t[k];
  }
  return out;
}

class Scanner {
  private i = 0;
  private readonly n: number;
  /**
   * The numbers read: full chunks in `chunks`, then `buf`, being filled (`base` numbers
   * precede it). Chunks double up to `MAX_CHUNK` and are never copied while scanning.
   */
  private buf = new Float64Array(1024);
  private readonly chunks: Float64Array[] = [];
  private base = 0;
  private count = 0;
  /** Whether every number since `markInt()` was written as an integer literal. */
  private allInt = true;
  private lastInt = true;
  // Per-level bracket state, reused by every array (many small arrays allocate nothing here).
  private readonly counts = new Int32Array(MAX_SELECTION_DEPTH + 2);
  private readonly shapeAt = new Int32Array(MAX_SELECTION_DEPTH + 2);
  private readonly openers = new Int32Array(MAX_SELECTION_DEPTH + 2);
  private readonly openPos = new Int32Array(MAX_SELECTION_DEPTH + 2);

  constructor(
    private readonly s: string,
    private readonly max: number,
  ) {
    this.n = s.length;
  }

  // ---- errors ---------------------------------------------------------------

  private found(): string {
    return `found ${plural(this.count, 'number')}`;
  }

  private tokenAt(p: number): string {
    const s = this.s;
    const c = s.charCodeAt(p);
    let e = p + 1;
    if (isIdentChar(c)) {
      while (e < this.n && e - p < 30 && isIdentChar(s.charCodeAt(e))) e++;
    } else if (c >= 0xd800 && c <= 0xdbff && e < this.n) {
      const c2 = s.charCodeAt(e);
      if (c2 >= 0xdc00 && c2 <= 0xdfff) e++;
    }
    return showToken(s.slice(p, e));
  }

  unexpected(p: number): ParseFailure {
    if (p >= this.n) return new ParseFailure(`${this.found()} and then the selection ended unexpectedly`, p);
    if (this.s.startsWith('...', p) || this.s.charCodeAt(p) === 0x2026) {
      return new ParseFailure(
        `${this.found()} and '...' at ${AT}: the array was printed abbreviated; print it in full ` +
          `(np.set_printoptions(threshold=sys.maxsize) or torch.set_printoptions(profile="full")) and select it again`,
        p,
      );
    }
    return new ParseFailure(`${this.found()} and the token '${this.tokenAt(p)}' at ${AT}`, p);
  }

  // ---- scanning helpers -----------------------------------------------------

  private skipInline(): void {
    const s = this.s;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === SPACE || c === TAB || c === 0xa0) this.i++;
      else break;
    }
  }

  private skipComment(): void {
    const s = this.s;
    while (this.i < this.n && s.charCodeAt(this.i) !== LF) this.i++;
  }

  /** Whitespace, newlines and `#` comments. */
  private skipAll(): void {
    const s = this.s;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === SPACE || c === TAB || c === LF || c === CR || c === 0xa0) this.i++;
      else if (c === HASH) this.skipComment();
      else break;
    }
  }

  /** Stores a number that ends at `end` (where the limit message points). */
  private push(v: number, end: number): void {
    if (this.count >= this.max) {
      throw new ParseFailure(
        `the selection holds more than ${this.max} numbers (the limit); select fewer numbers or raise the limit (stopped at ${AT})`,
        end,
      );
    }
    let k = this.count - this.base;
    if (k === this.buf.length) {
      this.chunks.push(this.buf);
      this.base = this.count;
      this.buf = new Float64Array(Math.min(this.buf.length * 2, MAX_CHUNK));
      k = 0;
    }
    this.buf[k] = v;
    this.count++;
  }

  /** Whether a number starts at `p` (digits, sign, dot, nan, inf). */
  private numberStarts(p: number): boolean {
    const s = this.s;
    let c = s.charCodeAt(p);
    if (c === MINUS || c === PLUS) c = s.charCodeAt(++p);
    if (isDigit(c)) return true;
    if (c === DOT) return isDigit(s.charCodeAt(p + 1));
    const l = lower(c);
    if (l === 110 /* n */) return this.wordAt(p, 'nan');
    if (l === 105 /* i */) return this.wordAt(p, 'inf');
    return false;
  }

  /** Case-insensitive `word` at `p`, not followed by an identifier character (`inf` also matches `infinity`). */
  private wordAt(p: number, word: string): boolean {
    const s = this.s;
    for (let k = 0; k < word.length; k++) if (lower(s.charCodeAt(p + k)) !== word.charCodeAt(k)) return false;
    let e = p + word.length;
    if (word === 'inf' && this.wordAtPlain(e, 'inity')) e += 5;
    return !isIdentChar(s.charCodeAt(e));
  }
  private wordAtPlain(p: number, word: string): boolean {
    for (let k = 0; k < word.length; k++) if (lower(this.s.charCodeAt(p + k)) !== word.charCodeAt(k)) return false;
    return true;
  }

  /**
   * Reads one number at `start` (the caller checked `numberStarts`), pushes it, and
   * returns where it ends. Small enough for V8 to inline into the scanning loops:
   * `nan`/`inf`, exponents and long mantissas go to `numberRest`.
   */
  private number(start: number): number {
    const s = this.s;
    let p = start;
    let c = s.charCodeAt(p);
    const neg = c === MINUS;
    if (neg || c === PLUS) c = s.charCodeAt(++p);
    if (c > D9) return this.nanOrInf(c, p, neg);
    // The digits as one integer (exact while below 2^53: every step is then exact too).
    let m = 0;
    let frac = -1;
    while (c >= D0 && c <= D9) {
      m = m * 10 + (c - D0);
      c = s.charCodeAt(++p);
    }
    if (c === DOT) {
      frac = 0;
      c = s.charCodeAt(++p);
      while (c >= D0 && c <= D9) {
        m = m * 10 + (c - D0);
        frac++;
        c = s.charCodeAt(++p);
      }
    }
    // An exponent, a letter, digit, `_` or `.` right after, or operands a double may not hold exactly.
    if (m > Number.MAX_SAFE_INTEGER || frac > 22 || (c >= DOT && (c === DOT || isIdentChar(c)))) {
      return this.numberRest(start, p, c, m, frac, neg);
    }
    // Exact operands, one correctly rounded operation (Clinger's fast path).
    const v = frac <= 0 ? m : m / POW10[frac];
    this.store(neg ? -v : v, frac === -1, p);
    return p;
  }

  /** `nan`, `inf`, `infinity` (any case) after an optional sign; `c` is the letter at `p`. */
  private nanOrInf(c: number, p: number, neg: boolean): number {
    const l = lower(c);
    p += 3;
    if (l === 105 && this.wordAtPlain(p, 'inity')) p += 5;
    this.store(l === 110 ? NaN : neg ? -Infinity : Infinity, false, p);
    return p;
  }

  /**
   * The rest of a number whose mantissa `number` read up to `p` (`c` there; `m` its digits,
   * `frac` of them after the point, -1 without a point): the exponent, what may follow, the conversion.
   */
  private numberRest(start: number, p: number, c: number, m: number, frac: number, neg: boolean): number {
    const s = this.s;
    let integer = frac === -1;
    if (frac === -1) frac = 0;
    let exp = 0;
    if (c === 101 || c === 69) {
      // e / E
      let q = p + 1;
      let ec = s.charCodeAt(q);
      let eneg = false;
      if (ec === MINUS || ec === PLUS) {
        eneg = ec === MINUS;
        ec = s.charCodeAt(++q);
      }
      if (isDigit(ec)) {
        integer = false;
        while (isDigit(ec)) {
          if (exp < 100000) exp = exp * 10 + (ec - D0);
          ec = s.charCodeAt(++q);
        }
        if (eneg) exp = -exp;
        p = q;
        c = ec;
      }
    }
    if (isIdentChar(c) || c === DOT) throw this.unexpected(c === DOT ? p : start);
    let v: number;
    const e10 = exp - frac;
    if (m <= Number.MAX_SAFE_INTEGER && e10 >= -22 && e10 <= 22) {
      v = e10 < 0 ? m / POW10[-e10] : m * POW10[e10];
    } else {
      v = Number(s.slice(neg || s.charCodeAt(start) === PLUS ? start + 1 : start, p));
    }
    this.store(neg ? -v : v, integer, p);
    return p;
  }

  /** Stores a number that ends at `end`, written as an integer literal or not. */
  private store(v: number, integer: boolean, end: number): void {
    this.lastInt = integer;
    if (!integer) this.allInt = false;
    const k = this.count - this.base;
    if (k < this.buf.length && this.count < this.max) {
      this.buf[k] = v;
      this.count++;
    } else this.push(v, end);
  }

  private identifier(): string {
    const s = this.s;
    const st = this.i;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (isIdentChar(c) || (c === DOT && isIdentStart(s.charCodeAt(this.i + 1)))) this.i++;
      else break;
    }
    return s.slice(st, this.i);
  }

  private quoted(): string {
    const s = this.s;
    const q = s.charCodeAt(this.i);
    const st = this.i;
    this.i++;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === q) {
        this.i++;
        return s.slice(st + 1, this.i - 1);
      }
      if (c === LF) break;
      if (c === 92 /* \ */) this.i++;
      this.i++;
    }
    throw new ParseFailure(`${this.found()} and an unterminated string starting at ${AT}`, st);
  }

  // ---- values ---------------------------------------------------------------

  /** `[...]` or `(...)`, nested, iteratively. Returns the shape. */
  private brackets(): number[] {
    const s = this.s;
    const { counts, shapeAt, openers, openPos } = this;
    shapeAt.fill(-1);
    let level = 0;
    let leaf = -1;
    let deepest = 0;
    let afterComma = false;
    for (;;) {
      this.skipAll();
      if (this.i >= this.n) {
        throw new ParseFailure(`${this.found()} and an unclosed '${String.fromCharCode(openers[level])}' opened at ${AT}`, openPos[level]);
      }
      const c = s.charCodeAt(this.i);
      if (c === LBRACK || c === LPAREN) {
        if (level === MAX_SELECTION_DEPTH) {
          throw new ParseFailure(`${this.found()} and brackets nested deeper than ${MAX_SELECTION_DEPTH} levels at ${AT}`, this.i);
        }
        if (level > 0) {
          counts[level]++;
          if (leaf !== -1 && level + 1 > leaf) {
            throw new ParseFailure(`${this.found()} and a nested list at ${AT} where numbers were expected (the array is ragged)`, this.i);
          }
        }
        level++;
        if (level > deepest) deepest = level;
        counts[level] = 0;
        openers[level] = c;
        openPos[level] = this.i;
        this.i++;
        afterComma = false;
      } else if (c === RBRACK || c === RPAREN) {
        if (level === 0) throw this.unexpected(this.i);
        const want = openers[level] === LBRACK ? RBRACK : RPAREN;
        if (c !== want) {
          const p = this.i;
          throw new ParseFailure(
            `${this.found()} and '${String.fromCharCode(c)}' at ${AT}, but the '${String.fromCharCode(openers[level])}' opened at ${this.where(openPos[level])} is still open`,
            p,
          );
        }
        if (shapeAt[level] === -1) shapeAt[level] = counts[level];
        else if (shapeAt[level] !== counts[level]) {
          throw new ParseFailure(
            `${this.found()}; the array is ragged: the list closing at ${AT} has ${plural(counts[level], 'element')}, an earlier list at the same depth had ${shapeAt[level]}`,
            this.i,
          );
        }
        this.i++;
        level--;
        afterComma = false;
        if (level === 0) break;
      } else if (c === COMMA) {
        if (afterComma) throw this.unexpected(this.i);
        afterComma = true;
        this.i++;
      } else if (this.numberStarts(this.i)) {
        if (leaf === -1) {
          // An (empty) list deeper than this number was seen before it: `[[], 1]`.
          if (deepest > level) {
            throw new ParseFailure(`${this.found()} and a number at ${AT} where a nested list was expected (the array is ragged)`, this.i);
          }
          leaf = level;
        } else if (leaf !== level) {
          throw new ParseFailure(`${this.found()} and a number at ${AT} where a nested list was expected (the array is ragged)`, this.i);
        }
        this.i = this.number(this.i);
        counts[level]++;
        afterComma = false;
      } else {
        throw this.unexpected(this.i);
      }
    }
    const depth = leaf === -1 ? deepest : leaf;
    const shape: number[] = [];
    for (let l = 1; l <= depth; l++) shape.push(shapeAt[l]);
    return shape;
  }

  /** Skips to the `)` closing a call, balancing brackets and strings; returns the skipped text. */
  private skipArguments(openAt: number): string {
    const s = this.s;
    const st = this.i;
    let depth = 1;
    while (this.i < this.n) {
      const c = s.charCodeAt(this.i);
      if (c === QUOTE1 || c === QUOTE2) {
        this.quoted();
        continue;
      }
      if (c === LPAREN || c === LBRACK || c === LBRACE || c === LT) depth++;
      else if (c === RPAREN || c === RBRACK || c === RBRACE || c === GT) {
        depth--;
        if (depth === 0) {
          this.i++;
          return s.slice(st, this.i - 1);
        }
      }
      this.i++;
    }
    throw new ParseFailure(`${this.found()} and an unclosed '(' opened at ${AT}`, openAt);
  }

  /** `array(...)`, `tensor(...)`, `np.array(...)`: the identifier was read, `this.i` is at `(`. */
  private call(namePos: number): { shape: number[]; dtype?: string } {
    const open = this.i;
    this.i++;
    this.skipAll();
    const c = this.s.charCodeAt(this.i);
    let shape: number[];
    if (c === LBRACK || c === LPAREN) shape = this.brackets();
    else if (this.numberStarts(this.i)) {
      this.i = this.number(this.i);
      shape = [];
    } else throw this.unexpected(this.i === open + 1 ? namePos : this.i);
    const rest = this.skipArguments(open);
    return { shape, dtype: dtypeIn(rest) };
  }

  /** `<tf.Tensor: shape=(2,), dtype=float32, numpy=array([...])>`; `this.i` is at `<`. */
  private tfTensor(): { shape: number[]; dtype?: string } {
    const s = this.s;
    const open = this.i;
    const at = s.indexOf('numpy=', open);
    const close = s.indexOf('>', open);
    if (at < 0 || (close >= 0 && close < at)) throw this.unexpected(open);
    const head = s.slice(open, at);
    this.i = at + 6;
    this.skipAll();
    let shape: number[];
    let dtype = dtypeIn(head);
    const c = s.charCodeAt(this.i);
    if (c === LBRACK || c === LPAREN) shape = this.brackets();
    else if (this.numberStarts(this.i)) {
      this.i = this.number(this.i);
      shape = [];
    } else if (isIdentStart(c)) {
      const np = this.i;
      this.identifier();
      if (s.charCodeAt(this.i) !== LPAREN) throw this.unexpected(np);
      const r = this.call(np);
      shape = r.shape;
      dtype = dtype ?? r.dtype;
    } else throw this.unexpected(this.i);
    this.skipAll();
    if (s.charCodeAt(this.i) !== GT) throw this.unexpected(this.i);
    this.i++;
    return { shape, dtype };
  }

  /** A value after a name (or alone): brackets, a call, a TF repr, or a row of numbers. */
  private value(name: string | undefined, pos: number, items: Item[]): void {
    const s = this.s;
    const c = s.charCodeAt(this.i);
    const start = this.count;
    this.allInt = true;
    let shape: number[];
    let dtype: string | undefined;
    if (c === LBRACK || c === LPAREN) shape = this.brackets();
    else if (c === LT) ({ shape, dtype } = this.tfTensor());
    else if (isIdentStart(c)) {
      const np = this.i;
      const id = this.identifier();
      if (id === 'Parameter' && s.startsWith(' containing:', this.i)) {
        this.i += 12;
        this.skipAll();
        this.identifier();
      }
      if (s.charCodeAt(this.i) !== LPAREN) throw this.unexpected(np);
      ({ shape, dtype } = this.call(np));
    } else if (this.numberStarts(this.i)) {
      this.row(name, pos, items);
      return;
    } else throw this.unexpected(this.i);
    const integer = dtype !== undefined ? isIntDtype(dtype) : this.allInt;
    items.push({ kind: 'block', name, pos, shape, start, end: this.count, integer });
  }

  /**
   * Numbers to the end of the line, separated by spaces, tabs, commas or semicolons;
   * returns how many. Clears `colInt[k]` when the k-th number is not an integer literal.
   */
  private rowNumbers(colInt: Uint8Array | undefined): number {
    const s = this.s;
    const start = this.count;
    let i = this.i;
    this.allInt = true;
    let needNumber = true;
    for (;;) {
      let c = s.charCodeAt(i);
      while (c === SPACE || c === TAB || c === 0xa0) c = s.charCodeAt(++i);
      if (i >= this.n || c === LF || c === CR || c === HASH) break;
      if (c === COMMA || c === SEMI) {
        if (needNumber) throw this.unexpected(i);
        needNumber = true;
        i++;
        continue;
      }
      if (!(c >= D0 && c <= D9) && !this.numberStarts(i)) throw this.unexpected(i);
      const k = this.count - start;
      i = this.number(i);
      if (colInt !== undefined && !this.lastInt && k < colInt.length) colInt[k] = 0;
      needNumber = false;
    }
    this.i = i;
    return this.count - start;
  }

  /** A named row: `pred = 1 2 3`, `pred, 1, 2, 3`. */
  private row(name: string | undefined, pos: number, items: Item[]): void {
    const start = this.count;
    const n = this.rowNumbers(undefined);
    items.push({ kind: 'row', name, pos, shape: [n], start, end: this.count, integer: this.allInt });
  }

  /**
   * Unnamed rows, at `this.i` and on the lines after it while they start with a number:
   * rows of the table the previous item is, or of a new one. One loop for all of them,
   * so that a million rows run in one optimised function whatever else was parsed before.
   */
  private tableRows(items: Item[]): void {
    const last = items.length > 0 ? items[items.length - 1] : undefined;
    let t: TableItem;
    if (last !== undefined && last.kind === 'table') t = last;
    else items.push((t = newTable(this.i)));
    for (;;) {
      const pos = this.i;
      const start = this.count;
      const n = this.rowNumbers(t.colInt);
      if (t.rows === 0) {
        t.start = start;
        t.pos0 = pos;
        t.int0 = this.allInt;
        if (t.width === -1) t.width = n;
      } else if (t.rows === 1) {
        t.pos1 = pos;
        t.int1 = this.allInt;
      }
      if (n !== t.width && t.badPos === -1) {
        t.badPos = pos;
        t.badWidth = n;
      }
      if (!this.allInt) t.integer = false;
      t.rows++;
      t.end = this.count;
      this.skipBetween();
      const c = this.s.charCodeAt(this.i);
      if (!(c >= D0 && c <= D9) && !(this.i < this.n && this.numberStarts(this.i))) break;
    }
  }

  /** Between items: whitespace, newlines, comments, commas and semicolons. */
  private skipBetween(): void {
    const s = this.s;
    for (;;) {
      this.skipAll();
      const c = s.charCodeAt(this.i);
      if (c === COMMA || c === SEMI) this.i++;
      else break;
    }
  }

  /** A line of two or more names (a CSV header); returns undefined (position restored) if it is not one. */
  private header(): string[] | undefined {
    const s = this.s;
    const st = this.i;
    const names: string[] = [];
    for (;;) {
      this.skipInline();
      if (this.i >= this.n) break;
      const c = s.charCodeAt(this.i);
      if (c === LF || c === CR) break;
      if (c === COMMA || c === SEMI) {
        this.i++;
        continue;
      }
      if (c === QUOTE1 || c === QUOTE2) names.push(this.quoted());
      else if (isIdentStart(c)) names.push(this.identifier());
      else {
        this.i = st;
        return undefined;
      }
    }
    if (names.length < 2) {
      this.i = st;
      return undefined;
    }
    return names;
  }

  /** `{ "pred": [...], "target": [...] }` (JSON or a Python dict). */
  private object(items: Item[]): void {
    const s = this.s;
    const open = this.i;
    this.i++;
    for (;;) {
      this.skipAll();
      if (this.i >= this.n) throw new ParseFailure(`${this.found()} and an unclosed '{' opened at ${AT}`, open);
      const c = s.charCodeAt(this.i);
      if (c === RBRACE) {
        this.i++;
        return;
      }
      if (c === COMMA) {
        this.i++;
        continue;
      }
      const kp = this.i;
      let key: string;
      if (c === QUOTE1 || c === QUOTE2) key = this.quoted();
      else if (isIdentStart(c)) key = this.identifier();
      else throw this.unexpected(this.i);
      this.skipAll();
      if (s.charCodeAt(this.i) !== COLON) throw this.unexpected(this.i);
      this.i++;
      this.skipAll();
      if (this.numberStarts(this.i)) {
        const start = this.count;
        this.allInt = true;
        this.i = this.number(this.i);
        items.push({ kind: 'block', name: key, pos: kp, shape: [], start, end: this.count, integer: this.allInt });
      } else this.value(key, kp, items);
    }
  }

  // ---- top level ------------------------------------------------------------

  run(): Item[] {
    const s = this.s;
    const items: Item[] = [];
    for (;;) {
      this.skipBetween();
      if (this.i >= this.n) break;
      const pos = this.i;
      const c = s.charCodeAt(this.i);
      if (c === LBRACE) {
        this.object(items);
      } else if (c === LBRACK || c === LPAREN || c === LT) {
        this.value(undefined, pos, items);
      } else if (this.numberStarts(this.i)) {
        this.tableRows(items);
      } else if (isIdentStart(c) || c === QUOTE1 || c === QUOTE2) {
        const name = c === QUOTE1 || c === QUOTE2 ? this.quoted() : this.identifier();
        const afterName = this.i;
        this.skipInline();
        const d = s.charCodeAt(this.i);
        if (d === LPAREN && afterName === this.i && c !== QUOTE1 && c !== QUOTE2) {
          this.i = pos;
          this.value(undefined, pos, items);
        } else if (name === 'Parameter' && s.startsWith('containing:', this.i)) {
          this.i = pos;
          this.value(undefined, pos, items);
        } else if ((d === EQ && s.charCodeAt(this.i + 1) !== EQ) || d === COLON) {
          this.i++;
          this.skipAll();
          this.value(name, pos, items);
        } else if ((d === COMMA || d === SEMI || afterName !== this.i) && this.rowFollows()) {
          if (d === COMMA || d === SEMI) this.i++;
          this.row(name, pos, items);
        } else {
          this.i = pos;
          const names = this.header();
          if (!names) throw this.unexpected(pos);
          items.push(newTable(pos, names));
        }
      } else {
        throw this.unexpected(this.i);
      }
    }
    return items;
  }

  /** After a name and a separator: does a number follow on the same line? */
  private rowFollows(): boolean {
    const s = this.s;
    let p = this.i;
    const c = s.charCodeAt(p);
    if (c === COMMA || c === SEMI) p++;
    while (p < this.n && (s.charCodeAt(p) === SPACE || s.charCodeAt(p) === TAB)) p++;
    return this.numberStarts(p);
  }

  where(pos: number): string {
    const { line, column } = lineColumn(this.s, pos);
    return `line ${line}, column ${column}`;
  }

  /** Every number read, in one exact-size array. */
  numbers(): Float64Array {
    const out = new Float64Array(this.count);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    out.set(this.buf.subarray(0, this.count - this.base), o);
    return out;
  }
  get total(): number {
    return this.count;
  }
}

function dtypeIn(text: string): string | undefined {
  const k = text.indexOf('dtype=');
  if (k < 0) return undefined;
  let e = k + 6;
  while (e < text.length && /[\w.']/.test(text[e])) e++;
  return text.slice(k + 6, e).replace(/'/g, '');
}

function isIntDtype(dtype: string): boolean {
  const d = dtype.replace(/^(torch|tf|np|numpy|jnp)\./, '');
  return /^(u?int\d*|long|short|int|bool)$/.test(d);
}

/** 1-based line and column (UTF-16 code units) of `pos` in `s`. */
export function lineColumn(s: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(pos, s.length);
  for (let k = s.indexOf('\n'); k >= 0 && k < end; k = s.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: pos - lineStart + 1 };
}

/** Line numbers of increasing positions in one pass (positions asked out of order restart the count). */
function lineCounter(s: string): (pos: number) => number {
  let at = 0;
  let line = 1;
  return (pos: number) => {
    if (pos < at) {
      at = 0;
      line = 1;
    }
    for (let k = s.indexOf('\n', at); k >= 0 && k < pos; k = s.indexOf('\n', k + 1)) {
      line++;
      at = k + 1;
    }
    return line;
  };
}

/** The arrays of the items; `buf` holds every number read (every array is a view into it or a copy). */
function build(s: string, items: Item[], buf: Float64Array): ParsedArray[] {
  const out: ParsedArray[] = [];
  // A view (the constructor is much cheaper than `subarray` in V8).
  const view = (start: number, end: number) => new Float64Array(buf.buffer, start * 8, end - start);
  const lineOf = lineCounter(s);
  const arr = (pos: number, shape: number[], data: Float64Array, integer: boolean, name: string | undefined): ParsedArray => ({
    ...(name !== undefined ? { name } : {}),
    tensor: { shape, data },
    integer,
    line: lineOf(pos),
  });
  for (const it of items) {
    if (it.kind !== 'table') {
      out.push(arr(it.pos, it.shape, view(it.start, it.end), it.integer, it.name));
      continue;
    }
    const { names: cols, rows, width } = it;
    if (cols) {
      if (rows === 0) {
        throw new ParseFailure(`found the header ${cols.map((c) => `'${showToken(c)}'`).join(', ')} at ${AT} but no rows of numbers under it`, it.pos);
      }
      if (it.badPos !== -1) {
        throw new ParseFailure(`the row at ${AT} has ${plural(it.badWidth, 'number')} but the header names ${plural(width, 'column')}`, it.badPos);
      }
      // Every row holds `width` numbers, one after another: column c is every width-th number.
      for (let c = 0; c < width; c++) {
        const data = new Float64Array(rows);
        for (let j = 0, p = it.start + c; j < rows; j++, p += width) data[j] = buf[p];
        out.push(arr(it.pos, [rows], data, it.colInt![c] === 1, cols[c]));
      }
      continue;
    }
    if (it.badPos !== -1) {
      throw new ParseFailure(
        `the row at ${AT} has ${plural(it.badWidth, 'number')} but the row at line ${lineOf(it.pos0)} has ${width}`,
        it.badPos,
      );
    }
    if (rows <= 2) {
      out.push(arr(it.pos0, [width], view(it.start, it.start + width), it.int0, undefined));
      if (rows === 2) out.push(arr(it.pos1, [width], view(it.start + width, it.end), it.int1, undefined));
    } else {
      out.push(arr(it.pos0, width === 1 ? [rows] : [rows, width], view(it.start, it.end), it.integer, undefined));
    }
  }
  return out;
}

/**
 * Parses a selection into arrays. Never throws: bad input gives `ok: false` with a
 * message that says what was found and where (1-based line and column).
 */
export function parseSelection(text: string, options: SelectionOptions = {}): SelectionParse {
  const max = options.maxNumbers ?? Infinity;
  const sc = new Scanner(text, max);
  try {
    const items = sc.run();
    if (sc.total === 0 && !items.some((it) => it.kind === 'block')) {
      return { ok: false, error: 'found no numbers in the selection', line: 1, column: 1 };
    }
    return { ok: true, arrays: build(text, items, sc.numbers()) };
  } catch (e) {
    if (e instanceof ParseFailure) {
      const { line, column } = lineColumn(text, e.pos);
      return { ok: false, error: e.message.replace(AT, `line ${line}, column ${column}`), line, column };
    }
    /* c8 ignore next 2 */
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `could not read the selection: ${msg}`, line: 1, column: 1 };
  }
}

/** Total number of values in parsed arrays. */
export function countNumbers(arrays: readonly ParsedArray[]): number {
  let n = 0;
  for (const a of arrays) n += a.tensor.data.length;
  return n;
}
