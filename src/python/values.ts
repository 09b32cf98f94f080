/**
 * What a Python expression stands for, as far as losses go: a module path reached through
 * imports, a catalog loss API (`nn.CrossEntropyLoss`), a loss instance (`nn.CrossEntropyLoss(…)`,
 * also after `.to(device)`/`.cuda()`, through `functools.partial(F.x, …)`, through another name
 * or `self.<attr>`), something the file defines itself, or unknown. Follows bindings through the
 * scope tree; when several bindings may reach a use and they disagree, the answer is unknown
 * (precision over recall). Pure: no `vscode` import.
 */
import { callArguments, type CallArgument } from './calls';
import { lookup, tokenKey, closing, type Binding, type Expr, type Scope, type ScopeTree } from './scopes';
import type { Statement } from './statements';
import { apiForBareName, apiForPath, type ApiRef } from './symbols';
import type { Token } from './tokens';

/** How the head of an expression is bound. */
export type Origin = 'import' | 'binding' | 'unbound' | 'self';

export type Value =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'api'; readonly ref: ApiRef; readonly path: string }
  | {
      readonly kind: 'instance';
      readonly ref: ApiRef;
      /** The arguments it was built with (for `partial`, the bound ones). */
      readonly args?: CallArgument[];
      /** Where it was bound (set by the first binding that holds it). */
      readonly bound?: { readonly cell: number; readonly line: number };
      /** A method that returns the instance itself was just read (`.to`, `.cuda`). */
      readonly method?: boolean;
    }
  | { readonly kind: 'self'; readonly cls: Scope }
  | { readonly kind: 'local' }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

const UNKNOWN: Value = { kind: 'unknown' };
const LOCAL: Value = { kind: 'local' };
const NONE: Value = { kind: 'none' };

/** Methods of a loss module that return the module itself. */
const SELF_METHODS = new Set(['to', 'cuda', 'cpu', 'float', 'double', 'half', 'bfloat16', 'train', 'eval', 'requires_grad_', 'type', 'to_empty']);

/** Values are the same loss API (entry and symbol). */
function sameLoss(a: Value, b: Value): boolean {
  const ea = a.kind === 'api' || a.kind === 'instance' ? a.ref.entry : undefined;
  const eb = b.kind === 'api' || b.kind === 'instance' ? b.ref.entry : undefined;
  // The same API too: timm's SoftTargetCrossEntropy and nn.CrossEntropyLoss share an entry, not their inputs.
  return ea !== undefined && ea === eb && a.kind === b.kind && (a as { ref: ApiRef }).ref.api.symbol === (b as { ref: ApiRef }).ref.api.symbol;
}

/** One value for several bindings: `None` ones are skipped, and the rest must agree. */
export function merge(values: readonly Value[]): Value {
  const real = values.filter((v) => v.kind !== 'none');
  if (!real.length) return values.length ? NONE : UNKNOWN;
  const first = real[0];
  if (first.kind !== 'api' && first.kind !== 'instance') return real.length === 1 ? first : UNKNOWN;
  for (const v of real) if (!sameLoss(first, v)) return UNKNOWN;
  // Several constructions of the same loss: show the entry, not one of the argument lists.
  if (real.length > 1 && first.kind === 'instance') {
    const same = real.every((v) => v.kind === 'instance' && JSON.stringify(v.args) === JSON.stringify(first.args));
    if (!same) return { kind: 'instance', ref: first.ref, bound: first.bound };
  }
  return first;
}

/** A plain call `name(…)` somewhere in the file: its statement and the bracket tokens. */
export interface CallSite {
  readonly statement: Statement;
  readonly tokens: readonly Token[];
  /** Indices in `tokens` of the callee name, the `(` and the `)`. */
  readonly name: number;
  readonly open: number;
  readonly close: number;
}

export interface EvalContext {
  readonly tree: ScopeTree;
  /** The source text of a cell. */
  source(cell: number): string;
  /** Every plain call `name(…)` in the file or notebook. */
  callSites(name: string): readonly CallSite[];
}

/** Call sites examined for one parameter at the most (a big file calls a helper many times). */
const MAX_CALL_SITES = 64;

/**
 * Evaluates expressions and bindings; memoizes binding values. One per analysis.
 */
export class Evaluator {
  private readonly memo = new Map<Binding, Value>();
  private readonly busy = new Set<Binding>();
  private readonly attrMemo = new Map<string, Value>();

  constructor(private readonly ctx: EvalContext) {}

  /** The value a binding gives its name. */
  binding(b: Binding): Value {
    const hit = this.memo.get(b);
    if (hit) return hit;
    if (this.busy.has(b)) return UNKNOWN;
    this.busy.add(b);
    let v: Value;
    try {
      v = this.computeBinding(b);
    } finally {
      this.busy.delete(b);
    }
    if (v.kind === 'instance' && !v.bound) v = { ...v, bound: { cell: b.cell, line: b.token.line } };
    this.memo.set(b, v);
    return v;
  }

  private computeBinding(b: Binding): Value {
    switch (b.kind) {
      case 'import': {
        const imp = b.import!;
        if (imp.relative) return LOCAL;
        const ref = apiForPath(imp.target);
        return ref ? { kind: 'api', ref, path: imp.target } : { kind: 'path', path: imp.target };
      }
      case 'def':
      case 'class':
        return LOCAL;
      case 'param': {
        const fn = b.scope;
        if (fn.self === b.name && fn.owner) return { kind: 'self', cls: fn.owner };
        const values = b.value ? [this.expr(b.value, b.statement)] : [];
        const passed = this.passedValues(b);
        if (passed === undefined) return UNKNOWN;
        values.push(...passed);
        return values.length ? merge(values) : UNKNOWN;
      }
      case 'assign':
      case 'walrus':
        return b.value ? this.expr(b.value, b.statement) : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /**
   * The bindings of `name` that may reach a use at `key` in `scope`: in the use's own scope, the
   * last binding before it and, when that one sits in a deeper block (a branch), the earlier
   * ones back to the first at the use's depth or shallower; from an enclosing scope, all.
   */
  reaching(name: string, scope: Scope, key: number, useDepth: number): { bindings: readonly Binding[]; scope: Scope } | undefined {
    const found = lookup(name, scope, this.ctx.tree.module);
    if (!found) return undefined;
    const bs = found.bindings;
    if (found.scope !== scope || bs.length === 1) return found;
    let last = -1;
    for (let i = 0; i < bs.length; i++) if (bs[i].at < key) last = i;
    if (last < 0) return found;
    const out: Binding[] = [bs[last]];
    if (bs[last].statement.depth > useDepth) {
      for (let i = last - 1; i >= 0; i--) {
        out.push(bs[i]);
        if (bs[i].statement.depth <= useDepth) break;
      }
    }
    return { bindings: out, scope: found.scope };
  }

  /** The value of a name read at `token` in statement `st` (bindings of `st` itself do not reach it). */
  name(token: Token, st: Statement): { value: Value; origin: Origin; bindings?: readonly Binding[] } {
    const scope = this.ctx.tree.scopeAt(tokenKey(st.cell, token));
    const r = this.reaching(token.text, scope, tokenKey(st.cell, st.tokens[0]), st.depth);
    if (!r) {
      // `from m import *`
      for (const star of this.ctx.tree.module.stars ?? []) {
        if (star.relative) continue;
        const ref = apiForPath(`${star.target}.${token.text}`);
        if (ref) return { value: { kind: 'api', ref, path: `${star.target}.${token.text}` }, origin: 'import' };
      }
      return { value: UNKNOWN, origin: 'unbound' };
    }
    const values = r.bindings.map((b) => this.binding(b));
    // `try: import x as y` / `except ImportError: y = None` is still an import.
    const allImports = r.bindings.every((b, k) => b.kind === 'import' || values[k].kind === 'none');
    const v = merge(values);
    const self = v.kind === 'self';
    return { value: v, origin: self ? 'self' : allImports ? 'import' : 'binding', bindings: r.bindings };
  }

  /**
   * The values a function's callers in this file pass for parameter `b` (`train(loader, model,
   * criterion)`), or undefined when a caller's argument cannot be told (`*args`, too many sites).
   * Methods are left out (their callers go through an object).
   */
  private passedValues(b: Binding): Value[] | undefined {
    const fn = b.scope;
    if (fn.kind !== 'function' || fn.owner || !b.param || !fn.parent) return [];
    const sites = this.ctx.callSites(fn.name);
    if (sites.length > MAX_CALL_SITES) return undefined;
    const out: Value[] = [];
    for (const site of sites) {
      const ts = site.tokens;
      // The call must reach this very function.
      const callee = this.name(ts[site.name], site.statement);
      if (!fn.definedBy || !callee.bindings?.includes(fn.definedBy)) continue;
      let positional = 0;
      let found: [number, number] | undefined;
      for (const [x, y] of splitArgs(ts, site.open + 1, site.close)) {
        const t = ts[x];
        if (t.kind === 'op' && (t.text === '*' || t.text === '**')) return undefined;
        if (t.kind === 'name' && ts[x + 1]?.kind === 'op' && ts[x + 1].text === '=') {
          if (t.text === b.name) found = [x + 2, y];
          continue;
        }
        if (!b.param.keywordOnly && positional === b.param.index) found = [x, y];
        positional++;
      }
      if (found) out.push(this.range(ts, found[0], found[1], site.statement).value);
    }
    return out;
  }

  /** The merged value of `cls`'s attribute `attr` (assigned through `self.attr = …` or in the class body). */
  attribute(cls: Scope, attr: string): Value {
    const k = `${cls.start}|${attr}`;
    const hit = this.attrMemo.get(k);
    if (hit) return hit;
    this.attrMemo.set(k, UNKNOWN);
    const bs = [...(cls.attributes?.get(attr) ?? []), ...(cls.bindings.get(attr) ?? [])];
    const v = bs.length ? merge(bs.map((b) => this.binding(b))) : UNKNOWN;
    this.attrMemo.set(k, v);
    return v;
  }

  /** The value of an expression of statement `st`. */
  expr(e: Expr, st: Statement): Value {
    return this.range(e.tokens, 0, e.tokens.length, st).value;
  }

  /** The value of tokens [from, to) of statement `st`, and how its head is bound. */
  range(ts: readonly Token[], from: number, to: number, st: Statement): { value: Value; origin: Origin } {
    while (from < to && ts[from].kind === 'op' && ts[from].text === '(' && closing(ts, from, to) === to - 1) {
      from++;
      to--;
    }
    if (from >= to) return { value: UNKNOWN, origin: 'binding' };
    // `a if c else b`
    const ifs = topLevelName(ts, 'if', from, to);
    if (ifs >= 0) {
      const els = topLevelName(ts, 'else', ifs, to);
      if (els < 0) return { value: UNKNOWN, origin: 'binding' };
      const a = this.range(ts, from, ifs, st);
      const b = this.range(ts, els + 1, to, st);
      return { value: merge([a.value, b.value]), origin: a.origin };
    }
    const head = ts[from];
    if (head.kind === 'name' && head.text === 'None' && to - from === 1) return { value: NONE, origin: 'binding' };
    if (head.kind !== 'name' || KEYWORDS.has(head.text)) return { value: UNKNOWN, origin: 'binding' };
    const n = this.name(head, st);
    let v = n.value;
    const origin = n.origin;
    if (origin === 'unbound' && v.kind === 'unknown' && ts[from + 1]?.text === '(' && this.fallbackAllowed(head.text)) {
      // `LabelSmoothingCrossEntropy(0.1)` in a snippet without imports: the unbound fallback, called.
      const ref = apiForBareName(head.text);
      if (ref) v = { kind: 'api', ref, path: head.text };
    }
    let path = origin === 'unbound' ? head.text : undefined;
    for (let i = from + 1; i < to; ) {
      const t = ts[i];
      if (t.kind === 'op' && t.text === '.' && ts[i + 1]?.kind === 'name') {
        const attr = ts[i + 1].text;
        v = this.attr(v, attr, path);
        if (path !== undefined) path += '.' + attr;
        i += 2;
        continue;
      }
      if (t.kind === 'op' && t.text === '(') {
        const close = closing(ts, i, to);
        v = this.call(v, ts, i, close, st);
        path = undefined;
        i = close + 1;
        continue;
      }
      return { value: UNKNOWN, origin };
    }
    if (origin === 'unbound' && path !== undefined && v.kind === 'unknown') {
      // A conventional alias left unbound (`nn.MSELoss` in a snippet without imports).
      const ref = path.includes('.') ? apiForPath(path, true) : undefined;
      if (ref) v = { kind: 'api', ref, path };
    }
    return { value: v, origin };
  }

  /** The bare-name fallback applies: the name is bound nowhere and no unknown star import may bind it. */
  fallbackAllowed(name: string): boolean {
    const tree = this.ctx.tree;
    return !tree.boundNames.has(name) && !tree.module.stars?.length;
  }

  /** Reads attribute `attr` of `v` (`path` is the dotted text so far when the head is unbound). */
  attr(v: Value, attr: string, path?: string): Value {
    switch (v.kind) {
      case 'path': {
        const p = `${v.path}.${attr}`;
        const ref = apiForPath(p);
        return ref ? { kind: 'api', ref, path: p } : { kind: 'path', path: p };
      }
      case 'self':
        return this.attribute(v.cls, attr);
      case 'instance':
        return SELF_METHODS.has(attr) ? { ...v, method: true } : UNKNOWN;
      case 'unknown':
        if (path !== undefined) {
          const ref = apiForPath(`${path}.${attr}`, true);
          if (ref) return { kind: 'api', ref, path: `${path}.${attr}` };
        }
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /** Calls `v` with the arguments between the brackets at `open` and `close`. */
  call(v: Value, ts: readonly Token[], open: number, close: number, st: Statement): Value {
    const cell = st.cell;
    if (v.kind === 'api') {
      if (v.ref.api.kind !== 'class') return UNKNOWN; // a function's result is a tensor
      return { kind: 'instance', ref: v.ref, args: this.args(ts, open, close, cell) };
    }
    if (v.kind === 'instance' && v.method) return { ...v, method: false };
    if (v.kind === 'path' && (v.path === 'functools.partial' || v.path === 'partial')) {
      // functools.partial(F.cross_entropy, ignore_index=255)
      const commas = firstComma(ts, open + 1, close);
      const f = this.range(ts, open + 1, commas, st).value;
      if (f.kind === 'api') {
        const all = this.args(ts, open, close, cell) ?? [];
        return { kind: 'instance', ref: f.ref, args: all.slice(1) };
      }
    }
    return UNKNOWN;
  }

  /** The arguments of the call with brackets at `open` and `close`. */
  args(ts: readonly Token[], open: number, close: number, cell: number): CallArgument[] | undefined {
    if (ts[close]?.text !== ')') return undefined;
    const src = this.ctx.source(cell);
    return callArguments(src.slice(ts[open].start, ts[close].end), 0);
  }
}

const KEYWORDS = new Set(['lambda', 'not', 'await', 'yield', 'True', 'False', 'and', 'or', 'in', 'is', 'if', 'else', 'for', 'None']);

function topLevelName(ts: readonly Token[], word: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = ts[i];
    if (t.kind === 'op') {
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    } else if (depth === 0 && t.kind === 'name' && t.text === word) return i;
  }
  return -1;
}

/** [start, end) ranges of the top-level comma-separated parts of [from, to). */
function splitArgs(ts: readonly Token[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = from;
  while (s < to) {
    const e = firstComma(ts, s, to);
    if (e > s) out.push([s, e]);
    s = e + 1;
  }
  return out;
}

function firstComma(ts: readonly Token[], from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = ts[i];
    if (t.kind !== 'op') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (t.text === ',' && depth === 0) return i;
  }
  return to;
}

