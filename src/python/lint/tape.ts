/**
 * The lint's reading of a cell: its significant tokens (no comments, line breaks or
 * indentation) one after another in typed arrays, a token tape, with each name and operator
 * as a number into a table of their texts shared by readings (Symbols). No object is made per token; a statement
 * is a run of the tape [from, to). TapeReader groups the tokens into statements as they are read,
 * as statementsOf (../statements.ts) groups Token objects: split at `;`, a compound header
 * apart from the body on its line, with its block depth. Pure: no `vscode`; never throws.
 */
import { COMPOUND, groupLine, type LineEmit } from '../statements';
import { mayBeSuppression } from './suppress';
import { grown } from './typed-arrays';
import type { Comment } from './tokens';
import {
  K_COMMENT, K_DEDENT, K_END, K_INDENT, K_MAGIC, K_NAME, K_NEWLINE, K_NL, K_OP, K_STRING, TOKEN_KINDS,
  type Token, type TokenKind, type TokenSink,
} from '../tokens';

/** A tape's arrays, one per field of a token. */
const COLUMNS = ['kinds', 'syms', 'starts', 'ends', 'lines', 'cols', 'endLines', 'endCols', 'bodyStarts', 'bodyEnds'] as const;
type Column = (typeof COLUMNS)[number];
type Columns = Pick<TokenTape, Column>;

function columns(n: number, from?: Columns): Columns {
  const c = {} as Record<Column, Uint8Array | Int32Array>;
  for (const key of COLUMNS) {
    c[key] = key === 'kinds' ? new Uint8Array(n) : new Int32Array(n);
    if (from) c[key].set(from[key]);
  }
  return c as Columns;
}

/** The power of two at or above `n`. */
function capacityFor(n: number): number {
  return 2 ** Math.ceil(Math.log2(n));
}

/**
 * The arrays of tapes read to the end (`release`), for the next reading: the lint runs on every
 * edit, and making and zeroing megabytes of arrays each time cost a good part of its time. At most
 * SPARE_TOKENS tokens' worth are kept (about 4 MB).
 */
const spares: Columns[] = [];
const SPARE_TOKENS = 1 << 17;

/**
 * The texts of names and operators, each once, numbered (one table for every cell of a program,
 * shared by readings: see sharedSymbols). A text is found from its place in the source, by a hash
 * of its characters, without cutting it out: most names are already known, and a lint looks up
 * every name token.
 */
export class Symbols {
  readonly texts: string[] = [];
  readonly ids = new Map<string, number>();
  /** One-character names and operators: their number by character code (-1 until seen). */
  private readonly single = new Int32Array(128).fill(-1);
  /** Per number: the hash of its text. */
  private hashes = new Int32Array(1024);
  /** Open addressing by hash: a number, or -1 for an empty slot; at most half full. */
  private slots = new Int32Array(2048).fill(-1);

  /** The number of the text src[start, end). */
  intern(src: string, start: number, end: number): number {
    const c = src.charCodeAt(start);
    if (end - start === 1 && c < 128) {
      const known = this.single[c];
      return known >= 0 ? known : (this.single[c] = this.add(src[start]));
    }
    const h = hashOf(src, start, end);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id < 0) return this.add(src.slice(start, end));
      if (this.hashes[id] === h) {
        const text = this.texts[id];
        if (text.length === end - start && sameText(text, src, start)) return id;
      }
    }
  }

  private add(text: string): number {
    const id = this.texts.length;
    // A copy of its own: a slice may point into the whole source, which the table would keep alive.
    const own = text.length >= 13 ? (JSON.parse(JSON.stringify(text)) as string) : text;
    this.texts.push(own);
    this.ids.set(own, id);
    if (id === this.hashes.length) this.hashes = grown(this.hashes, id * 2, 0);
    this.hashes[id] = hashOf(own, 0, own.length);
    if (2 * (id + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.texts.length; id++) this.place(id);
  }
}

/** Whether `text` is written at `start` of `src` (a loop the JIT inlines: `startsWith` is a call into the runtime per name). */
function sameText(text: string, src: string, start: number): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== src.charCodeAt(start + k)) return false;
  return true;
}

/** FNV-1a over the UTF-16 code units of src[start, end). */
function hashOf(src: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ src.charCodeAt(i), 0x01000193);
  return h;
}

/** Beyond this many names the shared table is started afresh (names of closed files go with it). */
const SHARED_SYMBOLS_LIMIT = 1 << 16;
let shared: Symbols | undefined;

/**
 * The table of names and operators that readings share: the names of a file are mostly the same
 * from one version to the next, so a lint only looks them up. Numbers stay valid for as long as a
 * program lives: a new table is started only here, before a reading.
 */
export function sharedSymbols(): Symbols {
  if (!shared || shared.texts.length > SHARED_SYMBOLS_LIMIT) shared = new Symbols();
  return shared;
}

/** The significant tokens of one cell. */
export class TokenTape {
  kinds!: Uint8Array;
  /** Names and operators: the number of the text in `symbols`; other kinds: -1. */
  syms!: Int32Array;
  starts!: Int32Array;
  ends!: Int32Array;
  lines!: Int32Array;
  cols!: Int32Array;
  endLines!: Int32Array;
  endCols!: Int32Array;
  /** Strings: the offsets of the body between the quotes. */
  bodyStarts!: Int32Array;
  bodyEnds!: Int32Array;
  length = 0;

  constructor(
    readonly src: string,
    readonly cell: number,
    readonly symbols: Symbols,
  ) {
    // About one significant token per 4 characters of code; grown when there are more. Sizes are
    // powers of two, so that the next version of a file (a few characters longer as the user types)
    // fits in the arrays this one releases.
    const n = capacityFor(Math.max(64, src.length >> 2));
    let best = -1;
    for (let k = 0; k < spares.length; k++) {
      const len = spares[k].kinds.length;
      if (len >= n && (best < 0 || len < spares[best].kinds.length)) best = k;
    }
    Object.assign(this, best >= 0 ? spares.splice(best, 1)[0] : columns(n));
  }

  /**
   * Gives the tape's arrays to the next reading: the tape must not be read after this (lintCells
   * releases its program's tapes once the diagnostics are made).
   */
  release(): void {
    if (this.kinds.length <= SPARE_TOKENS) {
      const c = {} as Record<Column, Uint8Array | Int32Array>;
      for (const key of COLUMNS) c[key] = this[key];
      // The newest arrays are kept; the oldest go when the spares would hold too much.
      spares.push(c as Columns);
      let kept = spares.reduce((sum, x) => sum + x.kinds.length, 0);
      while (kept > SPARE_TOKENS) kept -= spares.shift()!.kinds.length;
    }
    this.length = 0;
  }

  push(kind: number, start: number, end: number, line: number, col: number, endLine: number, endCol: number): number {
    if (this.length === this.kinds.length) Object.assign(this, columns(this.length * 2, this));
    const i = this.length++;
    this.kinds[i] = kind;
    this.syms[i] = kind === K_NAME || kind === K_OP ? this.symbols.intern(this.src, start, end) : -1;
    this.starts[i] = start;
    this.ends[i] = end;
    this.lines[i] = line;
    this.cols[i] = col;
    this.endLines[i] = endLine;
    this.endCols[i] = endCol;
    return i;
  }

  kind(i: number): TokenKind {
    return TOKEN_KINDS[this.kinds[i]];
  }

  /** The token's source text (names and operators without a copy); i must be below `length`. */
  text(i: number): string {
    const sym = this.syms[i];
    return sym >= 0 ? this.symbols.texts[sym] : this.src.slice(this.starts[i], this.ends[i]);
  }

  /** The token as the shared tokenizer's Token (made on demand: for positions, literals and imports). */
  token(i: number): Token {
    const text = this.text(i);
    const base: Token = { kind: this.kind(i), text, start: this.starts[i], end: this.ends[i], line: this.lines[i], col: this.cols[i], endLine: this.endLines[i], endCol: this.endCols[i] };
    if (this.kinds[i] !== K_STRING) return base;
    // The prefix is the letters before the opening quote.
    let q = 0;
    while (q < text.length && text.charCodeAt(q) !== 34 && text.charCodeAt(q) !== 39) q++;
    return Object.assign(base, { prefix: text.slice(0, q).toLowerCase(), bodyStart: this.bodyStarts[i], bodyEnd: this.bodyEnds[i] });
  }
}

/** A statement as TapeReader finds it: a run [from, to) of the tape. */
export type OnStatement = (tape: TokenTape, from: number, to: number, depth: number, header: boolean) => void;

/**
 * Writes a cell's significant tokens to a tape and hands each statement to `onStatement` as soon
 * as its logical line is read (grouped as statementsOf groups them: `groupLine`); comments go
 * to `comments`. A header's run ends with its `:`.
 */
export class TapeReader implements TokenSink {
  private depth = 0;
  /** Where the current logical line starts on the tape; whether it has a `;`. */
  private lineFrom = 0;
  private semicolon = false;

  constructor(
    readonly tape: TokenTape,
    private readonly onStatement: OnStatement,
    private readonly comments: Comment[],
  ) {}

  token(kind: number, start: number, end: number, line: number, col: number): void {
    switch (kind) {
      case K_COMMENT:
        // Only a comment that names loss-atlas can suppress a diagnostic: the others are not kept.
        if (mayBeSuppression(this.tape.src, start, end)) this.comments.push({ cell: this.tape.cell, line, text: this.tape.src.slice(start, end) });
        return;
      case K_INDENT:
        this.depth++;
        return;
      case K_DEDENT:
        this.depth = Math.max(0, this.depth - 1);
        return;
      case K_NEWLINE:
      case K_END:
        this.flush();
        return;
      case K_NL:
      case K_MAGIC:
        return;
      default:
        if (kind === K_OP && end - start === 1 && this.tape.src.charCodeAt(start) === 59 /* ; */) this.semicolon = true;
        this.tape.push(kind, start, end, line, col, line, col + end - start);
    }
  }

  string(start: number, end: number, line: number, col: number, endLine: number, endCol: number, _prefix: string, bodyStart: number, bodyEnd: number): void {
    const i = this.tape.push(K_STRING, start, end, line, col, endLine, endCol);
    this.tape.bodyStarts[i] = bodyStart;
    this.tape.bodyEnds[i] = bodyEnd;
  }

  private flush(): void {
    const from = this.lineFrom;
    const to = this.tape.length;
    this.lineFrom = to;
    if (from === to) return;
    const { tape } = this;
    // Most lines are one simple statement: no `;` to split at and no compound keyword first.
    if (!this.semicolon && !(tape.kinds[from] === K_NAME && COMPOUND.has(tape.text(from)))) this.onStatement(tape, from, to, this.depth, false);
    else groupLine(tape, from, to, this.part);
    this.semicolon = false;
  }

  /** A statement of the line (made once: a closure per line was a good part of the reading's garbage). */
  private readonly part: LineEmit = (from, to, deeper, header, colon) => {
    if (header) this.onStatement(this.tape, from, colon + 1, this.depth, true);
    else this.onStatement(this.tape, from, to, deeper ? this.depth + 1 : this.depth, false);
  };
}
