/**
 * A small Python expression reader for the lint: names, attribute chains,
 * calls with their positional and keyword arguments, subscripts, literals and
 * brackets; everything else (operators, lambdas, comprehensions) becomes a
 * generic node that keeps its parts, so calls nested anywhere are still seen.
 * Also splits a statement into its kind (assignment, def, class, …), targets
 * and expressions. Pure: no `vscode`; never throws.
 */
import { COMPOUND } from '../statements';
import type { Token, TokenKind } from '../tokens';

interface Span {
  /** First token (inclusive) and last token (exclusive), indexes into the statement's tokens. */
  t0: number;
  t1: number;
}

export type Expr =
  | (Span & { k: 'name'; name: string })
  | (Span & { k: 'lit'; kind: 'number' | 'string'; text: string })
  | (Span & { k: 'attr'; obj: Expr; name: string; nameToken: number })
  | (Span & { k: 'call'; fn: Expr; args: Arg[]; open: number; close: number })
  | (Span & { k: 'sub'; obj: Expr; items: Expr[] })
  /** A bracketed list, tuple, dict or set (`bracket` its opening bracket), or `,` for a bare tuple `a, b` that a `return` gives. */
  | (Span & { k: 'group'; bracket: string; items: Expr[] })
  | (Span & { k: 'other'; items: Expr[] });

/** A call node. */
export type CallExpr = Extract<Expr, { k: 'call' }>;

export interface Arg extends Span {
  /** Keyword name; undefined for a positional argument (`*a`, `**k` have `star`). */
  name?: string;
  star?: '*' | '**';
  value: Expr;
}

/*
 * Pretenuring. A lint's nodes and the records that point into them (bindings and their lists,
 * calls: program.ts; parsed statements below; diagnostics: report.ts) are made by `new`, their
 * lists by builtins (Array.of, slice, concat), not as object or array literals. V8 follows where
 * literals are made and, in a large heap such as an extension host's, allocates a literal site's
 * objects straight into the old generation once nearly all of them survive a scavenge, as these do
 * until the lint returns. Each dead record there kept the young trees it points to alive through
 * every scavenge until the next full collection. Measured in the bench's process with
 * `%InYoungGeneration`: 95-99% of those records were made old; once none were, a scavenge promoted
 * 0.65 MB instead of 2 MB and paused 3.4 ms instead of 7.5, and the worst-case file's first lint
 * took 13 ms at p50 instead of 19-23. lint-pretenuring.test.ts checks that they are made young.
 */
class NameNode {
  readonly k = 'name';
  constructor(public name: string, public t0: number, public t1: number) {}
}
/** A number, or a string (several adjacent strings: `text` is the first one's). No Token object: a file has thousands. */
class LitNode {
  readonly k = 'lit';
  constructor(public kind: 'number' | 'string', public text: string, public t0: number, public t1: number) {}
}
class AttrNode {
  readonly k = 'attr';
  constructor(public obj: Expr, public name: string, public nameToken: number, public t0: number, public t1: number) {}
}
class CallNode {
  readonly k = 'call';
  constructor(public fn: Expr, public args: Arg[], public open: number, public close: number, public t0: number, public t1: number) {}
}
class SubNode {
  readonly k = 'sub';
  constructor(public obj: Expr, public items: Expr[], public t0: number, public t1: number) {}
}
class GroupNode {
  readonly k = 'group';
  constructor(public bracket: string, public items: Expr[], public t0: number, public t1: number) {}
}
class OtherNode {
  readonly k = 'other';
  constructor(public items: Expr[], public t0: number, public t1: number) {}
}
class ArgNode implements Arg {
  constructor(public name: string | undefined, public star: '*' | '**' | undefined, public value: Expr, public t0: number, public t1: number) {}
}

/** The tokens of one statement as the reader sees them, by index: undefined past either end. */
export interface TokenSeq {
  readonly length: number;
  kind(i: number): TokenKind | undefined;
  /** The token's text (undefined past either end). */
  text(i: number): string | undefined;
  /** The token itself (for literals). */
  tok(i: number): Token;
}

const ASSIGN_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '>>=', '<<=', '&=', '|=', '^=', '@=']);
/** Where an expression ends; an augmented assignment's operator too (`p += b`: the target is `p`). */
const STOP = new Set([',', ')', ']', '}', ':', '=', '->', ...ASSIGN_OPS]);
const KEYWORD_OPS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'async', 'await', 'yield', 'from']);

/**
 * The parts of the lists being read, a stack shared by nested readers: each list is copied out at
 * its exact length when done (a list grown by push keeps room for 17, and a file has thousands).
 */
const partStack: Expr[] = [];
let partTop = 0;
const argStack: Arg[] = [];
let argTop = 0;
/** Where each `=`-separated group of a simple statement starts on the part stack. */
const groupStarts: number[] = [];

function takeParts(base: number): Expr[] {
  const out = partStack.slice(base, partTop);
  partTop = base;
  return out;
}

function takeArgs(base: number): Arg[] {
  const out = argStack.slice(base, argTop);
  argTop = base;
  return out;
}

class Reader {
  constructor(
    readonly toks: TokenSeq,
    public i = 0,
    readonly end = toks.length,
  ) {}

  /** The kind of the token `o` ahead (undefined at the end). */
  kindAt(o = 0): TokenKind | undefined {
    return this.i + o < this.end ? this.toks.kind(this.i + o) : undefined;
  }

  isOp(text: string, o = 0): boolean {
    return this.kindAt(o) === 'op' && this.toks.text(this.i + o) === text;
  }

  /** An expression up to a top-level `,`, closing bracket, `:`, `=` (not `==`) or the end. */
  expr(): Expr | undefined {
    const t0 = this.i;
    // Most expressions are one primary: the list of parts is made only once a second part comes.
    let first: Expr | undefined;
    const base = partTop;
    let guard = 0;
    while (this.i < this.end && guard++ < 100000) {
      const kind = this.toks.kind(this.i);
      const text = kind === 'op' || kind === 'name' ? this.toks.text(this.i)! : '';
      if (kind === 'op' && STOP.has(text)) break;
      // `as` ends an expression (`with open(p) as f`, `except E as e`): it is never part of one.
      if (kind === 'name' && text === 'as') break;
      let part: Expr | undefined;
      if (kind === 'name' && text === 'lambda') {
        // lambda params: body — skip the parameters, read the body.
        this.i++;
        while (this.i < this.end && !this.isOp(':')) this.i++;
        this.i++;
        part = this.expr();
      } else if (kind === 'op' || (kind === 'name' && KEYWORD_OPS.has(text))) {
        if (kind === 'op' && (text === '(' || text === '[' || text === '{')) part = this.primary();
        else this.i++;
      } else {
        part = this.primary();
        if (!part) this.i++;
      }
      if (part) {
        if (!first) first = part;
        else {
          if (partTop === base) partStack[partTop++] = first;
          partStack[partTop++] = part;
        }
      }
    }
    if (this.i === t0) return undefined;
    if (partTop > base) return new OtherNode(takeParts(base), t0, this.i);
    if (first && first.t0 === t0 && first.t1 === this.i) return first;
    return new OtherNode(first ? Array.of(first) : Array.of(), t0, this.i);
  }

  /** An atom and its trailers (`.name`, `(args)`, `[items]`). */
  primary(): Expr | undefined {
    const kind = this.kindAt();
    if (!kind) return undefined;
    const t0 = this.i;
    let e: Expr;
    if (kind === 'name') {
      this.i++;
      e = new NameNode(this.toks.text(t0)!, t0, this.i);
    } else if (kind === 'number') {
      this.i++;
      e = new LitNode('number', this.toks.text(t0)!, t0, this.i);
    } else if (kind === 'string') {
      this.i++;
      while (this.kindAt() === 'string') this.i++;
      e = new LitNode('string', this.toks.text(t0)!, t0, this.i);
    } else if (kind === 'op' && (this.isOp('(') || this.isOp('[') || this.isOp('{'))) {
      const bracket = this.toks.text(t0)!;
      const close = bracket === '(' ? ')' : bracket === '[' ? ']' : '}';
      this.i++;
      const items = this.list(close);
      e = new GroupNode(bracket, items, t0, this.i);
    } else return undefined;
    for (;;) {
      if (this.isOp('.') && this.kindAt(1) === 'name') {
        const nameToken = this.i + 1;
        this.i += 2;
        e = new AttrNode(e, this.toks.text(nameToken)!, nameToken, t0, this.i);
      } else if (this.isOp('(')) {
        const open = this.i;
        this.i++;
        const args = this.args();
        const close = this.i - 1;
        e = new CallNode(e, args, open, close, t0, this.i);
      } else if (this.isOp('[')) {
        this.i++;
        const items = this.list(']');
        e = new SubNode(e, items, t0, this.i);
      } else break;
    }
    return e;
  }

  /** Items up to the closing bracket (consumed), split at `,` and `:` (dicts, slices). */
  list(close: string): Expr[] {
    const base = partTop;
    let guard = 0;
    while (this.i < this.end && guard++ < 100000) {
      if (this.toks.kind(this.i) === 'op') {
        const x = this.toks.text(this.i);
        if (x === close) {
          this.i++;
          return takeParts(base);
        }
        if (x === ',' || x === ':' || x === '=' || x === '**' || x === '*') {
          this.i++;
          continue;
        }
        if (x === ')' || x === ']' || x === '}') {
          // A stray closing bracket: stop here.
          this.i++;
          return takeParts(base);
        }
      }
      const before = this.i;
      const e = this.expr();
      if (e) partStack[partTop++] = e;
      if (this.i === before) this.i++;
    }
    return takeParts(base);
  }

  /** Call arguments up to the closing `)` (consumed). */
  args(): Arg[] {
    const base = argTop;
    let guard = 0;
    while (this.i < this.end && guard++ < 100000) {
      const kind = this.toks.kind(this.i);
      const x = kind === 'op' || kind === 'name' ? this.toks.text(this.i)! : '';
      if (kind === 'op') {
        if (x === ')') {
          this.i++;
          return takeArgs(base);
        }
        if (x === ',') {
          this.i++;
          continue;
        }
        if (x === ']' || x === '}') {
          this.i++;
          return takeArgs(base);
        }
      }
      const t0 = this.i;
      let name: string | undefined;
      let star: '*' | '**' | undefined;
      if (kind === 'name' && this.isOp('=', 1)) {
        name = x;
        this.i += 2;
      } else if (kind === 'op' && (x === '*' || x === '**')) {
        star = x;
        this.i++;
      }
      const value = this.expr();
      // Skip anything the expression reader stopped at (`:` in a stray slice, …).
      while (this.i < this.end && !this.isOp(',') && !this.isOp(')')) {
        const before = this.i;
        this.expr();
        if (this.i === before) this.i++;
      }
      if (value) argStack[argTop++] = new ArgNode(name, star, value, t0, this.i);
    }
    return takeArgs(base);
  }
}

export type StatementKind = 'assign' | 'augassign' | 'annassign' | 'def' | 'class' | 'import' | 'for' | 'with' | 'return' | 'other';

/** A statement read into its parts. */
export interface ParsedStatement {
  kind: StatementKind;
  /** Assignment targets (`a = b = v`: both), the `for` target, `with … as` targets. */
  targets: Expr[];
  /** The assigned value, the returned value. */
  value?: Expr;
  /** Every expression of the statement (the value, call arguments, conditions, …). */
  exprs: Expr[];
  /** For `def`: its name and parameter names; for `class`: its name. */
  name?: string;
  params?: string[];
  /** True when the statement is a compound header that opens a block (`def f():`, `if x:`). */
  opensBlock: boolean;
}

/** A statement as parseTokens builds it (made by `new`, its lists by Array.of: see the note on pretenuring above). */
class Parsed implements ParsedStatement {
  kind: StatementKind = 'other';
  targets: Expr[] = Array.of();
  value?: Expr = undefined;
  exprs: Expr[] = Array.of();
  name?: string = undefined;
  params?: string[] = undefined;
  opensBlock = false;
}

/** Keywords that start a simple statement whose rest is expressions. */
const SIMPLE_KEYWORDS = new Set(['del', 'global', 'nonlocal', 'pass', 'break', 'continue', 'raise', 'assert']);


/** What a def, a class or another compound header declares and whether it opens a block. */
export interface HeaderShape {
  kind: 'def' | 'class' | 'other';
  /** The def's or class's name; the def's parameter names. */
  name?: string;
  params?: string[];
  opensBlock: boolean;
}

/**
 * The kind, name, parameters and opensBlock that parseStatement gives a statement, read without
 * parsing its expressions; undefined when the statement is no compound header (a `def` or `class`
 * with its body on the same line is one, though it opens no block).
 */
export function headerShape(toks: TokenSeq): HeaderShape | undefined {
  if (toks.kind(0) !== 'name') return undefined;
  let word = toks.text(0)!;
  let at = 0;
  if (word === 'async' && toks.kind(1) === 'name') {
    word = toks.text(1)!;
    at = 1;
  }
  if (!COMPOUND.has(word)) return undefined;
  const colon = headerColon(toks, 0, toks.length);
  if (colon < 0) return undefined;
  const opensBlock = colon === toks.length - 1;
  if (word === 'def') return { kind: 'def', name: toks.text(at + 1), params: paramNames(toks, at + 2, colon), opensBlock };
  if (word === 'class') return { kind: 'class', name: toks.text(at + 1), opensBlock };
  return opensBlock ? { kind: 'other', opensBlock } : undefined;
}

/** The same fields of a parsed statement (the exhaustive reading's source of them). */
export function parsedShape(p: ParsedStatement): HeaderShape | undefined {
  if (p.kind === 'def') return { kind: 'def', name: p.name, params: p.params, opensBlock: p.opensBlock };
  if (p.kind === 'class') return { kind: 'class', name: p.name, opensBlock: p.opensBlock };
  return p.opensBlock ? { kind: 'other', opensBlock: true } : undefined;
}

/** Reads one statement (a header's tokens end with its `:`). */
export function parseStatement(toks: TokenSeq): ParsedStatement {
  partTop = 0;
  argTop = 0;
  return parseTokens(toks, 0, toks.length);
}

function parseTokens(toks: TokenSeq, from: number, to: number): ParsedStatement {
  const r = new Reader(toks, from, to);
  const out: ParsedStatement = new Parsed();
  if (from >= to || toks.kind(from) === undefined) return out;
  let word = toks.kind(from) === 'name' ? toks.text(from)! : '';
  if (word === 'async' && toks.kind(from + 1) === 'name') {
    word = toks.text(from + 1)!;
    r.i++;
  }
  if (word === 'import' || (word === 'from' && from === 0)) {
    out.kind = 'import';
    return out;
  }
  if (COMPOUND.has(word) && (word !== 'match' && word !== 'case' ? true : headerColon(toks, from, to) >= 0)) {
    const colon = headerColon(toks, from, to);
    if (colon >= 0) {
      out.opensBlock = colon === to - 1;
      const head = new Reader(toks, r.i + 1, colon);
      if (word === 'def') {
        out.kind = 'def';
        out.name = toks.text(r.i + 1);
        out.params = paramNames(toks, r.i + 2, colon);
        // Defaults in the parameter list are expressions too.
        head.i = r.i + 2;
        while (head.i < colon) {
          const before = head.i;
          const e = head.expr();
          if (e) out.exprs.push(e);
          if (head.i === before) head.i++;
        }
      } else if (word === 'class') {
        out.kind = 'class';
        out.name = toks.text(r.i + 1);
      } else {
        if (word === 'for') out.kind = 'for';
        if (word === 'with') out.kind = 'with';
        while (head.i < colon) {
          const before = head.i;
          const e = head.expr();
          if (e) {
            if ((word === 'with' || word === 'except' || word === 'case') && toks.text(before - 1) === 'as') out.targets.push(e);
            else out.exprs.push(e);
          }
          if (head.i === before) head.i++;
        }
        if (word === 'for') {
          // `for a, b in it:` — the target is everything before `in`.
          let inAt = -1;
          for (let k = from + 1; k < colon; k++) {
            if (toks.kind(k) === 'name' && toks.text(k) === 'in') {
              inAt = k;
              break;
            }
          }
          if (inAt > 0) {
            const tr = new Reader(toks, r.i + 1, inAt);
            while (tr.i < inAt) {
              const before = tr.i;
              const e = tr.expr();
              if (e) out.targets.push(e);
              if (tr.i === before) tr.i++;
            }
          }
        }
      }
      if (!out.opensBlock) {
        // `if x: y = 1` — the body on the same line.
        const body = parseTokens(toks, colon + 1, to);
        out.exprs.push(...body.exprs);
        if (out.kind === 'other' || out.kind === 'for' || out.kind === 'with') {
          out.targets.push(...body.targets);
          if (body.kind === 'assign' || body.kind === 'augassign' || body.kind === 'annassign') {
            out.value = body.value;
            if (out.kind === 'other') out.kind = body.kind;
          }
        }
      }
      return out;
    }
  }
  if (word === 'return' || word === 'yield') {
    out.kind = word === 'return' ? 'return' : 'other';
    r.i++;
    const e = r.expr();
    if (e) {
      out.value = e;
      out.exprs.push(e);
    }
    // `return a, b`: the value is the tuple (a `,` group), not its first item.
    const tuple = e !== undefined && r.isOp(',');
    while (r.i < to) {
      const before = r.i;
      const e2 = r.expr();
      if (e2) out.exprs.push(e2);
      if (r.i === before) r.i++;
    }
    if (tuple) out.value = new GroupNode(',', out.exprs.slice(), e.t0, out.exprs[out.exprs.length - 1].t1);
    return out;
  }
  if (SIMPLE_KEYWORDS.has(word)) r.i++;
  // Simple statement: expressions separated by `=` (assignment), `,`, or an augmented operator. The
  // expressions go on the part stack, each group's start in groupStarts; lists are copied out at their size.
  const base = partTop;
  let groups = 0;
  groupStarts[0] = base;
  let annots: Expr[] | undefined;
  let aug = false;
  let ann = false;
  while (r.i < to) {
    const x = toks.kind(r.i) === 'op' ? toks.text(r.i)! : '';
    if (x === '=' || (x && ASSIGN_OPS.has(x))) {
      if (x !== '=') aug = true;
      groupStarts[++groups] = partTop;
      r.i++;
      continue;
    }
    if (x === ':' && groups === 0) {
      // `x: int = 3` — an annotation.
      ann = true;
      r.i++;
      const annot = r.expr();
      if (annot) (annots ??= []).push(annot);
      continue;
    }
    const before = r.i;
    const e = r.expr();
    if (e) partStack[partTop++] = e;
    if (r.i === before) r.i++;
  }
  const lastStart = groupStarts[groups];
  const last = partStack.slice(lastStart, partTop);
  if (groups > 0) {
    out.kind = aug ? 'augassign' : ann ? 'annassign' : 'assign';
    out.value = last.length === 1 ? last[0] : undefined;
    for (let g = 0; g < groups; g++) {
      const from = groupStarts[g];
      const end = groupStarts[g + 1];
      // `a, b = …` gives each name as a target (with an unknown value).
      if (end - from === 1) out.targets.push(partStack[from]);
      else if (end > from) out.targets.push(new OtherNode(partStack.slice(from, end), partStack[from].t0, partStack[end - 1].t1));
    }
    // Targets such as `a[i]` or `self.x` hold expressions too (never values of interest).
  } else if (ann && last.length) out.targets.push(last[0]);
  out.exprs = annots ? annots.concat(last) : last;
  partTop = base;
  return out;
}

/** The `:` that ends a compound statement's header (at bracket depth 0, not in a lambda), or -1. */
function headerColon(toks: TokenSeq, from: number, to: number): number {
  let depth = 0;
  let lambdas = 0;
  for (let k = from; k < to; k++) {
    const kind = toks.kind(k);
    if (kind === 'name' && toks.text(k) === 'lambda') lambdas++;
    if (kind !== 'op') continue;
    const x = toks.text(k);
    if (x === '(' || x === '[' || x === '{') depth++;
    else if (x === ')' || x === ']' || x === '}') depth--;
    else if (x === ':' && depth === 0) {
      if (lambdas > 0) lambdas--;
      else return k;
    }
  }
  return -1;
}

/** Parameter names of `def f(a, b=1, *args, c: int = 2, **kw)`; `from` is the `(`. */
function paramNames(toks: TokenSeq, from: number, to: number): string[] {
  const names: string[] = [];
  let depth = 0;
  let expectName = true;
  for (let k = from; k < to; k++) {
    const kind = toks.kind(k);
    if (kind === 'op') {
      const x = toks.text(k);
      if (x === '(' || x === '[' || x === '{') {
        depth++;
        if (depth === 1 && x === '(') expectName = true;
      } else if (x === ')' || x === ']' || x === '}') depth--;
      else if (x === ',' && depth === 1) expectName = true;
      else if ((x === '=' || x === ':') && depth === 1) expectName = false;
      continue;
    }
    if (depth === 1 && expectName && kind === 'name') {
      names.push(toks.text(k)!);
      expectName = false;
    }
  }
  return names;
}

/**
 * Where parameter `name` of a `def` header stands among the positional parameters: its index, or
 * undefined when it comes after `*`/`*args` (keyword-only); null when it is no plain parameter
 * (`*args`, `**kwargs`, or not a parameter at all).
 */
export function parameterPosition(header: TokenSeq & { isOp(i: number, op: string): boolean }, name: string): number | undefined | null {
  let open = -1;
  for (let i = 0; i < header.length; i++) {
    if (header.isOp(i, '(')) {
      open = i;
      break;
    }
  }
  if (open < 0) return null;
  let depth = 0;
  let index = 0;
  let keywordOnly = false;
  let expectName = true;
  let star = '';
  for (let i = open; i < header.length; i++) {
    const kind = header.kind(i);
    const text = header.text(i)!;
    if (kind === 'op') {
      if (text === '(' || text === '[' || text === '{') depth++;
      else if (text === ')' || text === ']' || text === '}') {
        if (--depth === 0) break;
      } else if (depth === 1 && text === ',') {
        expectName = true;
        star = '';
      } else if (depth === 1 && (text === '*' || text === '**') && expectName) {
        star = text;
        keywordOnly = true;
      } else if (depth === 1 && (text === '=' || text === ':')) expectName = false;
      continue;
    }
    if (depth !== 1 || !expectName || kind !== 'name') continue;
    expectName = false;
    if (text === name) return star ? null : keywordOnly ? undefined : index;
    if (!star && !keywordOnly) index++;
  }
  return null;
}

/** Calls anywhere inside `e` (outermost first), including `e` itself. */
export function eachCall(e: Expr, visit: (c: CallExpr) => void): void {
  switch (e.k) {
    case 'call':
      visit(e);
      eachCall(e.fn, visit);
      for (const a of e.args) eachCall(a.value, visit);
      break;
    case 'attr':
      eachCall(e.obj, visit);
      break;
    case 'sub':
      eachCall(e.obj, visit);
      for (const x of e.items) eachCall(x, visit);
      break;
    case 'group':
    case 'other':
      for (const x of e.items) eachCall(x, visit);
      break;
    default:
  }
}

/** `a.b.c` as a dotted string, or undefined when `e` is not a plain name chain. */
export function dotted(e: Expr): string | undefined {
  if (e.k === 'name') return e.name;
  if (e.k === 'attr') {
    const o = dotted(e.obj);
    return o === undefined ? undefined : `${o}.${e.name}`;
  }
  return undefined;
}

/** The last name of a callee: `cross_entropy` in `F.cross_entropy`, `criterion` in `criterion`. */
export function lastName(e: Expr): string | undefined {
  const x = unwrap(e);
  return x.k === 'name' ? x.name : x.k === 'attr' ? x.name : undefined;
}

/** `value` in quotes: double if `e` is a literal written with double quotes, else single. */
export function quoteLike(e: Expr, value: string): string {
  const x = unwrap(e);
  const q = x.k === 'lit' && /^[A-Za-z]*"/.test(x.text) ? '"' : "'";
  return `${q}${value}${q}`;
}

/** A parenthesised single expression, unwrapped. */
export function unwrap(e: Expr): Expr {
  let x = e;
  while (x.k === 'group' && x.bracket === '(' && x.items.length === 1 && x.items[0].t1 === x.t1 - 1) x = x.items[0];
  return x;
}

/** The positional argument at `pos` (undefined past a `*args`, which may hold it). */
export function positional(call: CallExpr, pos: number): Arg | undefined {
  let k = 0;
  for (const a of call.args) {
    if (a.name !== undefined || a.star) {
      if (a.star) return undefined;
      continue;
    }
    if (k++ === pos) return a;
  }
  return undefined;
}

/** The argument at keyword `names` or position `pos`. */
export function argument(call: CallExpr, pos: number | undefined, names: readonly string[]): Arg | undefined {
  for (const a of call.args) if (a.name !== undefined && names.includes(a.name)) return a;
  return pos === undefined ? undefined : positional(call, pos);
}

/** The argument given by keyword `name`. */
export function keyword(call: CallExpr, name: string): Arg | undefined {
  for (const a of call.args) if (a.name === name) return a;
  return undefined;
}
