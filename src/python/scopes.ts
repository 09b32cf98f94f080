/**
 * Scopes and bindings of Python source (a file, or a notebook's code cells in order, which share
 * the module scope): every name a statement binds — imports, `def`, `class`, parameters (with
 * their defaults), assignments (plain, chained, tuple, annotated, augmented, walrus), loop,
 * `with`, `except` and comprehension targets, lambda parameters — in the scope Python binds it
 * in, with `global`/`nonlocal` honoured; and per class, the attributes its methods assign
 * through `self` (`self.criterion = …`). Name lookup follows Python's rules (class scopes are
 * not seen from their methods). Pure: no `vscode` import.
 */
import { importBindings, type ImportBinding } from './imports';
import type { Statement } from './statements';
import type { Token } from './tokens';

export type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

export type BindingKind =
  | 'import'
  | 'def'
  | 'class'
  | 'param'
  | 'assign'
  | 'augassign'
  | 'annotation'
  | 'walrus'
  | 'for'
  | 'with'
  | 'except'
  | 'comprehension'
  | 'lambda-param'
  | 'other';

/** An expression as tokens of one cell. */
export interface Expr {
  readonly cell: number;
  readonly tokens: readonly Token[];
}

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly scope: Scope;
  /** The token of the bound name (for an attribute binding, the attribute's token). */
  readonly token: Token;
  readonly cell: number;
  /** Position key (see `posKey`) of `token`. */
  readonly at: number;
  /** The statement that binds it. */
  readonly statement: Statement;
  /** The value assigned, when the binding has one (assignment value, parameter default). */
  readonly value?: Expr;
  readonly import?: ImportBinding;
  /** A parameter: its position (counting `self`) and whether it can only be passed by keyword. */
  readonly param?: { readonly index: number; readonly keywordOnly: boolean };
}

export interface Scope {
  readonly kind: ScopeKind;
  readonly name: string;
  readonly parent?: Scope;
  readonly children: Scope[];
  /** Position keys: the scope covers [start, end). */
  readonly start: number;
  end: number;
  readonly bindings: Map<string, Binding[]>;
  readonly globals: Set<string>;
  readonly nonlocals: Set<string>;
  /** Functions and classes: the binding of their name by `def`/`class`. */
  definedBy?: Binding;
  /** Methods: the name of the first parameter (`self`, `cls`) and the class. */
  self?: string;
  owner?: Scope;
  /** Classes: attributes assigned through `self.<name> = …` in its methods. */
  readonly attributes?: Map<string, Binding[]>;
  /** The module: modules imported with `from m import *`. */
  readonly stars?: ImportBinding[];
}

const COL_SPAN = 65536;
const LINE_SPAN = 1048576;
/** A number that orders positions across cells: cell, then line, then column. */
export function posKey(cell: number, line: number, col: number): number {
  return (cell * LINE_SPAN + line) * COL_SPAN + Math.min(col, COL_SPAN - 1);
}
export function tokenKey(cell: number, t: Token): number {
  return posKey(cell, t.line, t.col);
}
function tokenEndKey(cell: number, t: Token): number {
  return posKey(cell, t.endLine, t.endCol);
}

export interface ScopeTree {
  readonly module: Scope;
  /** Binding sites by the position key (`tokenKey`) of their token: the name bound, or the local name of an import. */
  readonly bindingAt: Map<number, Binding>;
  /** Imported-name tokens (`x` in `from m import x as y`) and module tokens of import statements. */
  readonly importTokens: Map<Token, ImportBinding | null>;
  /** Every name bound anywhere (any scope). */
  readonly boundNames: Set<string>;
  /** The innermost scope at a position key. */
  scopeAt(key: number): Scope;
}

function newScope(kind: ScopeKind, name: string, parent: Scope | undefined, start: number): Scope {
  const s: Scope = {
    kind, name, parent, children: [], start, end: Number.MAX_SAFE_INTEGER,
    bindings: new Map(), globals: new Set(), nonlocals: new Set(),
    definedBy: undefined, self: undefined, owner: undefined,
    attributes: kind === 'class' ? new Map<string, Binding[]>() : undefined,
    stars: kind === 'module' ? [] : undefined,
  };
  parent?.children.push(s);
  return s;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const AUG = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '>>=', '<<=', '&=', '|=', '^=', '@=']);

/** Indices of tokens at bracket depth 0 (relative to `from`) with text `text`, within [from, to). */
function topLevel(ts: readonly Token[], text: string | ((t: Token) => boolean), from = 0, to = ts.length): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = ts[i];
    if (t.kind === 'op') {
      if (OPEN.has(t.text)) {
        depth++;
        continue;
      }
      if (CLOSE.has(t.text)) {
        depth--;
        continue;
      }
    }
    if (depth === 0 && (typeof text === 'string' ? t.text === text && (t.kind === 'op' || t.kind === 'name') : text(t))) out.push(i);
  }
  return out;
}

/** The index of the bracket closing the one at `open`, or `to` - 1 when it does not close. */
export function closing(ts: readonly Token[], open: number, to = ts.length): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const t = ts[i];
    if (t.kind !== 'op') continue;
    if (OPEN.has(t.text)) depth++;
    else if (CLOSE.has(t.text) && --depth === 0) return i;
  }
  return to - 1;
}

/** Where an expression starting at `from` ends: at a comma or closing bracket of its own level, or the end. */
function expressionEnd(ts: readonly Token[], from: number): number {
  let end = from;
  for (let depth = 0; end < ts.length; end++) {
    const x = ts[end];
    if (x.kind !== 'op') continue;
    if (OPEN.has(x.text)) depth++;
    else if (CLOSE.has(x.text)) {
      if (depth === 0) break;
      depth--;
    } else if (x.text === ',' && depth === 0) break;
  }
  return end;
}

/** Splits [from, to) at top-level commas into [start, end) ranges (empty trailing parts dropped). */
export function splitCommas(ts: readonly Token[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = from;
  for (const c of topLevel(ts, ',', from, to)) {
    out.push([s, c]);
    s = c + 1;
  }
  if (s < to) out.push([s, to]);
  return out;
}

/** Builds the scope tree of the statements of a file or of all cells of a notebook (in order). */
export function buildScopes(statements: readonly Statement[]): ScopeTree {
  const module = newScope('module', '<module>', undefined, 0);
  const bindingAt = new Map<number, Binding>();
  const importTokens = new Map<Token, ImportBinding | null>();
  const boundNames = new Set<string>();
  /** Open block scopes with the depth of their header. */
  const stack: Array<{ scope: Scope; depth: number }> = [{ scope: module, depth: -1 }];
  let decorators: string[] = [];

  const bind = (scope: Scope, name: string, kind: BindingKind, token: Token, st: Statement, value?: Expr, imp?: ImportBinding, param?: Binding['param']): Binding => {
    let target = scope;
    if (scope.globals.has(name)) target = module;
    else if (scope.nonlocals.has(name)) {
      for (let s = scope.parent; s; s = s.parent) {
        if (s.kind === 'function' && s.bindings.has(name)) {
          target = s;
          break;
        }
      }
    }
    const at = tokenKey(st.cell, token);
    const b: Binding = { name, kind, scope: target, token, cell: st.cell, at, statement: st, value, import: imp, param };
    let list = target.bindings.get(name);
    if (!list) target.bindings.set(name, (list = []));
    list.push(b);
    bindingAt.set(at, b);
    boundNames.add(name);
    return b;
  };

  const bindAttribute = (cls: Scope, token: Token, st: Statement, value?: Expr): void => {
    const at = tokenKey(st.cell, token);
    const b: Binding = { name: token.text, kind: 'assign', scope: cls, token, cell: st.cell, at, statement: st, value };
    let list = cls.attributes!.get(token.text);
    if (!list) cls.attributes!.set(token.text, (list = []));
    list.push(b);
    bindingAt.set(at, b);
  };

  /** Binds the names of a target list (`a`, `a, b`, `(a, [b, *c])`, `self.x`) in [from, to). */
  const bindTargets = (scope: Scope, ts: readonly Token[], from: number, to: number, kind: BindingKind, st: Statement, value?: Expr): void => {
    if (from >= to) return;
    const parts = splitCommas(ts, from, to);
    if (parts.length > 1 || topLevel(ts, ',', from, to).length > 0) {
      // Tuple target: element-wise values when the value is a tuple of the same length.
      let values: Array<Expr | undefined> = parts.map(() => undefined);
      if (value) {
        const vs = unwrapTuple(value.tokens);
        if (vs && vs.length === parts.length) values = vs.map((v) => ({ cell: value.cell, tokens: v }));
      }
      parts.forEach(([a, b], k) => bindTargets(scope, ts, a, b, kind, st, values[k]));
      return;
    }
    let a = from;
    const b = to;
    const first = ts[a];
    if (first.kind === 'op' && (first.text === '(' || first.text === '[') && closing(ts, a, b) === b - 1) {
      bindTargets(scope, ts, a + 1, b - 1, kind, st, value);
      return;
    }
    if (first.kind === 'op' && first.text === '*') a++;
    if (b - a === 1 && ts[a].kind === 'name') {
      bind(scope, ts[a].text, kind, ts[a], st, value);
      return;
    }
    // `self.x` in a method: an attribute of its class.
    if (b - a === 3 && ts[a].kind === 'name' && ts[a + 1].text === '.' && ts[a + 2].kind === 'name') {
      const fn = enclosingFunction(scope);
      if (fn?.self === ts[a].text && fn.owner) bindAttribute(fn.owner, ts[a + 2], st, value);
    }
  };

  const enclosingFunction = (scope: Scope): Scope | undefined => {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === 'function') return s;
    return undefined;
  };

  /** Lambda and comprehension scopes inside a statement's tokens, with their bindings. */
  const expressionScopes = (scope: Scope, st: Statement): void => {
    const ts = st.tokens;
    let has = false;
    for (const t of ts) if (t.kind === 'name' && (t.text === 'lambda' || t.text === 'for')) has = true;
    if (!has) return;
    const made: Array<{ s: Scope; from: number; to: number }> = [];
    const parentFor = (from: number, to: number): Scope => {
      for (let k = made.length - 1; k >= 0; k--) if (made[k].from <= from && to <= made[k].to) return made[k].s;
      return scope;
    };
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t.kind === 'op' && OPEN.has(t.text)) {
        const end = closing(ts, i);
        const fors = topLevel(ts, (x) => x.kind === 'name' && x.text === 'for', i + 1, end);
        if (!fors.length) continue;
        const s = newScope('comprehension', '<comprehension>', parentFor(i, end), tokenKey(st.cell, t));
        s.end = tokenEndKey(st.cell, ts[end]);
        made.push({ s, from: i, to: end });
        for (const f of fors) {
          const ins = topLevel(ts, (x) => x.kind === 'name' && x.text === 'in', f + 1, end);
          if (ins.length) bindTargets(s, ts, f + 1, ins[0], 'comprehension', st);
        }
      } else if (t.kind === 'name' && t.text === 'lambda') {
        const colon = topLevel(ts, ':', i + 1).at(0);
        if (colon === undefined) continue;
        const end = expressionEnd(ts, colon + 1);
        const last = ts[Math.min(end, ts.length - 1)];
        const s = newScope('lambda', '<lambda>', parentFor(i, end), tokenKey(st.cell, t));
        s.end = end < ts.length ? tokenKey(st.cell, last) : tokenEndKey(st.cell, last);
        made.push({ s, from: i, to: end });
        for (const [a, b] of splitCommas(ts, i + 1, colon)) {
          let k = a;
          while (k < b && ts[k].kind === 'op' && (ts[k].text === '*' || ts[k].text === '**')) k++;
          if (k < b && ts[k].kind === 'name') bind(s, ts[k].text, 'lambda-param', ts[k], st);
        }
      }
    }
  };

  /** `name := value` anywhere in the statement. */
  const walruses = (scope: Scope, st: Statement): void => {
    const ts = st.tokens;
    for (let i = 1; i < ts.length; i++) {
      if (ts[i].kind !== 'op' || ts[i].text !== ':=' || ts[i - 1].kind !== 'name') continue;
      const end = expressionEnd(ts, i + 1);
      // Comprehension walrus targets bind in the enclosing function or module.
      let s = scope;
      while (s.kind === 'comprehension' && s.parent) s = s.parent;
      bind(s, ts[i - 1].text, 'walrus', ts[i - 1], st, { cell: st.cell, tokens: ts.slice(i + 1, end) });
    }
  };

  const params = (fn: Scope, st: Statement, ts: readonly Token[], open: number, close: number): void => {
    let first = true;
    let index = 0;
    let keywordOnly = false;
    for (const [a, b] of splitCommas(ts, open + 1, close)) {
      let k = a;
      while (k < b && ts[k].kind === 'op' && (ts[k].text === '*' || ts[k].text === '**')) k++;
      const starred = k > a;
      if (starred) keywordOnly = true; // after `*`, `*args` or `**kw`
      if (k >= b || ts[k].kind !== 'name') continue;
      const eq = topLevel(ts, '=', k + 1, b).at(0);
      const value = eq !== undefined ? { cell: st.cell, tokens: ts.slice(eq + 1, b) } : undefined;
      bind(fn, ts[k].text, 'param', ts[k], st, value, undefined, starred ? undefined : { index: index++, keywordOnly });
      if (first && fn.owner && k === a) fn.self = ts[k].text;
      first = false;
    }
  };

  for (const st of statements) {
    const ts = st.tokens;
    if (!ts.length) continue;
    while (stack.length > 1 && st.depth <= stack[stack.length - 1].depth) {
      stack.pop()!.scope.end = tokenKey(st.cell, ts[0]);
    }
    const scope = stack[stack.length - 1].scope;
    const head = ts[0];

    if (st.header === 'def' || st.header === 'class') {
      const k = head.text === 'async' ? 2 : 1;
      const nameTok = ts[k];
      if (nameTok?.kind !== 'name') continue;
      const isDef = st.header === 'def';
      const defined = bind(scope, nameTok.text, isDef ? 'def' : 'class', nameTok, st);
      const open = ts.findIndex((t, i) => i > k && t.text === '(' && t.kind === 'op');
      const close = open >= 0 ? closing(ts, open) : -1;
      const last = ts[ts.length - 1];
      const inner = newScope(isDef ? 'function' : 'class', nameTok.text, scope, tokenEndKey(st.cell, last));
      inner.definedBy = defined;
      if (isDef && scope.kind === 'class' && !decorators.includes('staticmethod')) inner.owner = scope;
      if (isDef && open >= 0) params(inner, st, ts, open, close);
      // Defaults, annotations and bases are evaluated in the enclosing scope.
      expressionScopes(scope, st);
      stack.push({ scope: inner, depth: st.depth });
      decorators = [];
      continue;
    }
    if (head.kind === 'op' && head.text === '@') {
      if (ts[1]?.kind === 'name') decorators.push(ts[ts.length - 1]?.kind === 'name' ? ts[ts.length - 1].text : ts[1].text);
      expressionScopes(scope, st);
      continue;
    }
    decorators = [];
    expressionScopes(scope, st);
    walruses(scope, st);

    if (st.header) {
      const kw = head.text === 'async' ? ts[1]?.text : head.text;
      const from = head.text === 'async' ? 2 : 1;
      if (kw === 'for') {
        const ins = topLevel(ts, (x) => x.kind === 'name' && x.text === 'in', from);
        if (ins.length) bindTargets(scope, ts, from, ins[0], 'for', st);
      } else if (kw === 'with') {
        let a = from;
        let b = ts.length;
        if (ts[a]?.text === '(' && closing(ts, a) === b - 1 && topLevel(ts, (x) => x.text === 'as', a + 1, b - 1).length) {
          a++;
          b--;
        }
        for (const [x, y] of splitCommas(ts, a, b)) {
          const as = topLevel(ts, (t) => t.kind === 'name' && t.text === 'as', x, y).at(0);
          if (as !== undefined) bindTargets(scope, ts, as + 1, y, 'with', st);
        }
      } else if (kw === 'except') {
        const as = topLevel(ts, (t) => t.kind === 'name' && t.text === 'as').at(0);
        if (as !== undefined && ts[as + 1]?.kind === 'name') bind(scope, ts[as + 1].text, 'except', ts[as + 1], st);
      }
      continue;
    }

    const imports = importBindings(st);
    if (imports) {
      for (const t of ts) importTokens.set(t, null);
      for (const b of imports) {
        if (b.star) {
          (module.stars as ImportBinding[]).push(b);
          continue;
        }
        if (b.nameToken) importTokens.set(b.nameToken, b);
        importTokens.set(b.localToken, b);
        bind(scope, b.local, 'import', b.localToken, st, undefined, b);
      }
      continue;
    }
    if (head.kind === 'name' && (head.text === 'global' || head.text === 'nonlocal')) {
      for (const t of ts.slice(1)) if (t.kind === 'name') (head.text === 'global' ? scope.globals : scope.nonlocals).add(t.text);
      continue;
    }
    if (head.kind === 'name' && (head.text === 'del' || head.text === 'return' || head.text === 'raise' || head.text === 'assert' || head.text === 'pass' || head.text === 'yield')) continue;

    const eqs = topLevel(ts, (t) => t.kind === 'op' && t.text === '=');
    const aug = topLevel(ts, (t) => t.kind === 'op' && AUG.has(t.text)).at(0);
    const colon = topLevel(ts, (t) => t.kind === 'op' && t.text === ':').at(0);
    if (colon !== undefined && (eqs.length === 0 || colon < eqs[0])) {
      // Annotated: `x: T` or `x: T = v`.
      const value = eqs.length ? { cell: st.cell, tokens: ts.slice(eqs[eqs.length - 1] + 1) } : undefined;
      bindTargets(scope, ts, 0, colon, eqs.length ? 'assign' : 'annotation', st, value);
      continue;
    }
    if (eqs.length) {
      const value = { cell: st.cell, tokens: ts.slice(eqs[eqs.length - 1] + 1) };
      let s = 0;
      for (const e of eqs) {
        bindTargets(scope, ts, s, e, 'assign', st, value);
        s = e + 1;
      }
      continue;
    }
    if (aug !== undefined) bindTargets(scope, ts, 0, aug, 'augassign', st);
  }
  for (const { scope } of stack.slice(1)) scope.end = Number.MAX_SAFE_INTEGER;

  const scopeAt = (key: number): Scope => {
    let s = module;
    for (;;) {
      const kids = s.children;
      // Children are in source order; binary search the last one starting at or before key.
      let lo = 0;
      let hi = kids.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (kids[mid].start <= key) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      let next: Scope | undefined;
      // Expression scopes may nest oddly; check a few candidates backwards.
      for (let k = found; k >= 0 && k > found - 4; k--) {
        if (kids[k].start <= key && key < kids[k].end) {
          next = kids[k];
          break;
        }
      }
      if (!next) return s;
      s = next;
    }
  };
  return { module, bindingAt, importTokens, boundNames, scopeAt };
}

/** The elements of a top-level tuple `a, b` or `(a, b)`; undefined for a single expression. */
function unwrapTuple(ts: readonly Token[]): Token[][] | undefined {
  let a = 0;
  let b = ts.length;
  if (b === 0) return undefined;
  if (ts[0].text === '(' && ts[0].kind === 'op' && closing(ts, 0) === b - 1) {
    a = 1;
    b--;
  }
  const parts = splitCommas(ts, a, b);
  if (parts.length < 2 && topLevel(ts, ',', a, b).length === 0) return undefined;
  return parts.map(([x, y]) => ts.slice(x, y));
}

/**
 * The scope that binds `name` as seen from `scope` (Python's rule: local, enclosing functions,
 * module; a class's names are not visible from its methods), or undefined when nothing binds it.
 */
export function lookup(name: string, scope: Scope, module: Scope): { scope: Scope; bindings: readonly Binding[] } | undefined {
  let s: Scope | undefined = scope;
  let first = true;
  while (s) {
    if (s.globals.has(name)) s = module;
    if (first || s.kind !== 'class') {
      const bs = s.bindings.get(name);
      if (bs?.length) return { scope: s, bindings: bs };
    }
    first = false;
    s = s.parent;
  }
  return undefined;
}
