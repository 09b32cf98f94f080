/**
 * Which statements have each name, in typed arrays: per name, a list (oldest first) of the
 * statements that mention it, each marked when the name is called there (followed by `(`) or may
 * be bound there. Names are the program's symbols (./tape.ts, one table for every cell), so
 * recording a name token is a few array writes, with no object and no string. Pure: no `vscode`.
 */
import { grown } from './typed-arrays';

export const CALLED = 1;
export const BINDER = 2;
/** The name has a token not followed by `(` (a use as a value: `loss_fn = F.cross_entropy`). */
export const UNCALLED = 4;

/** A released index, for the next program: its arrays are as large as the shared table's numbers. */
let spare: NameIndex | undefined;

export class NameIndex {
  /** Per symbol: its first and last entry (-1 for none). */
  private heads = new Int32Array(256).fill(-1);
  private tails = new Int32Array(256).fill(-1);
  /** The symbols with entries, to clear them at release. */
  private named = new Int32Array(256);
  private namedCount = 0;
  /** Per entry: the statement, CALLED | BINDER, the next entry of the same name (-1 at the end). */
  private stmts = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private nexts = new Int32Array(1024);
  private count = 0;
  /**
   * The BINDER entries of each name in a chain of their own (per symbol its first and last, per
   * entry the next), with each entry's scope: a name used in every function of a file is looked up
   * once per function, and each lookup walks the name's binders only, comparing numbers.
   */
  private binderHeads = new Int32Array(256).fill(-1);
  private binderTails = new Int32Array(256).fill(-1);
  private binderNexts = new Int32Array(1024);
  private scopes = new Int32Array(1024);

  /** An empty index: the one released last, or a new one. */
  static take(): NameIndex {
    const index = spare ?? new NameIndex();
    spare = undefined;
    return index;
  }

  /** Empties the index for the next program (take): nothing may read it after this. */
  release(): void {
    for (let k = 0; k < this.namedCount; k++) {
      const sym = this.named[k];
      this.heads[sym] = this.tails[sym] = this.binderHeads[sym] = this.binderTails[sym] = -1;
    }
    this.namedCount = 0;
    this.count = 0;
    keepSpare(this);
  }

  /**
   * Records that statement `stmt`, of function scope `scope`, has name `sym` (once per statement:
   * flags of later tokens are added). Statements come in order.
   */
  add(sym: number, stmt: number, flag: number, scope: number): void {
    if (sym >= this.heads.length) this.growNames(sym);
    const tail = this.tails[sym];
    if (tail >= 0 && this.stmts[tail] === stmt) {
      if (flag & BINDER && !(this.flags[tail] & BINDER)) this.linkBinder(sym, tail);
      this.flags[tail] |= flag;
      return;
    }
    if (this.count === this.stmts.length) this.growEntries();
    const e = this.count++;
    this.stmts[e] = stmt;
    this.flags[e] = flag;
    this.nexts[e] = -1;
    this.scopes[e] = scope;
    if (flag & BINDER) this.linkBinder(sym, e);
    if (tail >= 0) this.nexts[tail] = e;
    else {
      this.heads[sym] = e;
      if (this.namedCount === this.named.length) this.named = grown(this.named, this.named.length * 2, 0);
      this.named[this.namedCount++] = sym;
    }
    this.tails[sym] = e;
  }

  private linkBinder(sym: number, e: number): void {
    this.binderNexts[e] = -1;
    const last = this.binderTails[sym];
    if (last >= 0) this.binderNexts[last] = e;
    else this.binderHeads[sym] = e;
    this.binderTails[sym] = e;
  }

  /**
   * A cursor over the BINDER entries of name `sym`, oldest first (-1: none); `nextBinder`,
   * `stmtAt` and `scopeAt` read it. It walks the chain without making an array.
   */
  firstBinder(sym: number | undefined): number {
    return sym === undefined || sym >= this.binderHeads.length ? -1 : this.binderHeads[sym];
  }

  nextBinder(entry: number): number {
    return this.binderNexts[entry];
  }

  stmtAt(entry: number): number {
    return this.stmts[entry];
  }

  scopeAt(entry: number): number {
    return this.scopes[entry];
  }

  /** The statements (ascending) that have name `sym` with every bit of `flag` (0: every statement that has it). */
  statements(sym: number | undefined, flag: number): number[] {
    const out: number[] = [];
    if (sym === undefined || sym >= this.heads.length) return out;
    for (let e = this.heads[sym]; e >= 0; e = this.nexts[e]) if ((this.flags[e] & flag) === flag) out.push(this.stmts[e]);
    return out;
  }

  private growNames(sym: number): void {
    let n = this.heads.length;
    while (n <= sym) n *= 2;
    this.heads = grown(this.heads, n, -1);
    this.tails = grown(this.tails, n, -1);
    this.binderHeads = grown(this.binderHeads, n, -1);
    this.binderTails = grown(this.binderTails, n, -1);
  }

  private growEntries(): void {
    const n = this.stmts.length * 2;
    this.stmts = grown(this.stmts, n, 0);
    this.flags = grown(this.flags, n, 0);
    this.nexts = grown(this.nexts, n, 0);
    this.binderNexts = grown(this.binderNexts, n, 0);
    this.scopes = grown(this.scopes, n, 0);
  }
}

function keepSpare(index: NameIndex): void {
  spare = index;
}
