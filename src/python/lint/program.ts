/**
 * The lint's view of a file or notebook: its statements with their function
 * and class scopes, the bindings of each scope in order (so a use finds the
 * assignment that reaches it with no reassignment between), and the
 * resolution of dotted names to fully qualified library symbols through the
 * file's imports. Pure: no `vscode`.
 */
import type { ImportTable } from '../imports';
import { canonicalPath } from '../symbols';
import { dotted, eachCall, parseStatement, unwrap, type Expr, type ParsedStatement } from './expr';
import { tokenizeCells, type Comment, type Statement, type Token } from './tokens';

export interface Stmt {
  index: number;
  st: Statement;
  p: ParsedStatement;
  /** Function scope id (0 = module: every cell of a notebook, in order). */
  scope: number;
  /** Id of the class whose method this statement is in (for `self.x`), if any. */
  cls?: number;
  indent: number;
}

export interface Binding {
  /** A name, or `self.name` for an attribute of the instance. */
  key: string;
  stmt: Stmt;
  /** The value bound, when it is a plain `key = value`; undefined for any other binding. */
  value?: Expr;
  how: 'assign' | 'param' | 'def' | 'class' | 'import' | 'other';
}

export type CallExpr = Extract<Expr, { k: 'call' }>;

/** Conventional module aliases used without an import in snippets and notebooks. */
const CONVENTIONAL: Readonly<Record<string, string>> = {
  F: 'torch.nn.functional',
  nn: 'torch.nn',
  torch: 'torch',
  tf: 'tensorflow',
  keras: 'keras',
  layers: 'keras.layers',
  optax: 'optax',
  jax: 'jax',
};

export class Program {
  readonly stmts: Stmt[] = [];
  readonly comments: Comment[];
  readonly imports: ImportTable;
  /** scope id -> key -> bindings in order. */
  private readonly scopes = new Map<number, Map<string, Binding[]>>();
  /** class id -> attribute -> bindings (every method). */
  private readonly classAttrs = new Map<number, Map<string, Binding[]>>();
  /** Every name bound anywhere other than by an import. */
  private readonly locallyBound = new Set<string>();
  private readonly lines: string[][];
  /** Module-level class name -> its scope id; `classId.method` -> the method's scope id. */
  private readonly classes = new Map<string, number>();
  private readonly methods = new Map<string, number>();
  private allCalls: { call: CallExpr; stmt: Stmt }[] | undefined;
  private calleeCounts: Map<string, number> | undefined;

  constructor(readonly cells: readonly string[]) {
    this.lines = cells.map((c) => (typeof c === 'string' ? c : '').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)));
    const tk = tokenizeCells(cells);
    this.comments = tk.comments;
    this.imports = tk.imports;
    let nextScope = 1;
    let stack: { indent: number; kind: 'def' | 'class' | 'block'; id: number }[] = [];
    let cell = -1;
    for (const st of tk.statements) {
      if (st.cell !== cell) {
        cell = st.cell;
        stack = [];
      }
      while (stack.length && st.indent <= stack[stack.length - 1].indent) stack.pop();
      let scope = 0;
      let cls: number | undefined;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].kind === 'def') {
          scope = stack[k].id;
          // A method: the class right around its def.
          for (let j = k - 1; j >= 0; j--) {
            if (stack[j].kind === 'class') {
              cls = stack[j].id;
              break;
            }
            if (stack[j].kind === 'def') break;
          }
          break;
        }
        if (stack[k].kind === 'class') break;
      }
      const p = parseStatement(st);
      const s: Stmt = { index: this.stmts.length, st, p, scope, cls, indent: st.indent };
      this.stmts.push(s);
      if (p.kind === 'def' || p.kind === 'class') {
        if (p.name) this.bind(scope, { key: p.name, stmt: s, how: p.kind });
      }
      if (p.opensBlock) {
        const kind = p.kind === 'def' ? 'def' : p.kind === 'class' ? 'class' : 'block';
        const id = kind === 'block' ? scope : nextScope++;
        const around = stack[stack.length - 1];
        // Module-level classes by name; their methods by class and name.
        if (p.kind === 'class' && p.name && !stack.some((e) => e.kind !== 'block')) this.classes.set(p.name, id);
        if (p.kind === 'def' && p.name && around?.kind === 'class') this.methods.set(`${around.id}.${p.name}`, id);
        stack.push({ indent: st.indent, kind, id });
        if (p.kind === 'def') for (const name of p.params ?? []) this.bind(id, { key: name, stmt: s, how: 'param' });
      }
      this.bindTargets(s);
    }
  }

  private bind(scope: number, b: Binding): void {
    let m = this.scopes.get(scope);
    if (!m) this.scopes.set(scope, (m = new Map()));
    let list = m.get(b.key);
    if (!list) m.set(b.key, (list = []));
    list.push(b);
    if (b.how !== 'import' && !b.key.startsWith('self.')) this.locallyBound.add(b.key);
  }

  private bindTargets(s: Stmt): void {
    const p = s.p;
    if (p.kind === 'import') {
      for (const t of s.st.tokens) if (t.kind === 'name' && this.imports.names.has(t.text)) this.bind(s.scope, { key: t.text, stmt: s, how: 'import' });
      return;
    }
    const single = p.kind === 'assign' || p.kind === 'annassign' ? p.targets.length >= 1 : false;
    for (const target of p.targets) {
      for (const key of targetKeys(target)) {
        const value = single && key.direct ? p.value : undefined;
        const b: Binding = { key: key.key, stmt: s, value, how: value ? 'assign' : 'other' };
        this.bind(s.scope, b);
        if (key.key.startsWith('self.') && s.cls !== undefined) {
          let m = this.classAttrs.get(s.cls);
          if (!m) this.classAttrs.set(s.cls, (m = new Map()));
          const attr = key.key.slice(5);
          m.set(attr, [...(m.get(attr) ?? []), b]);
        }
      }
    }
    // In-place methods (`p.log_()`, `x.add_(1)`) change the value of their receiver.
    for (const e of p.exprs) {
      if (e.k === 'call' && e.fn.k === 'attr' && e.fn.name.endsWith('_') && !e.fn.name.startsWith('_')) {
        const key = dotted(e.fn.obj);
        if (key) this.bind(s.scope, { key, stmt: s, how: 'other' });
      }
    }
    // Walrus `(p := F.softmax(x, 1))` binds too.
    for (let k = 1; k < s.st.tokens.length; k++) {
      const t = s.st.tokens[k];
      if (t.kind === 'op' && t.text === ':=' && s.st.tokens[k - 1].kind === 'name') this.bind(s.scope, { key: s.st.tokens[k - 1].text, stmt: s, how: 'other' });
    }
  }

  /**
   * The binding of `key` that reaches statement `at` in its own scope, or undefined when
   * there is none or it is not certain (a binding inside a branch, with another before it).
   */
  reaching(key: string, at: Stmt): Binding | undefined {
    const list = this.scopes.get(at.scope)?.get(key);
    if (!list) return undefined;
    let found: Binding | undefined;
    let count = 0;
    for (const b of list) {
      if (b.stmt.index >= at.index) break;
      found = b;
      count++;
    }
    if (!found) return undefined;
    // A binding nested deeper than the use may not have run; trust it only when it is the only one.
    if (found.stmt.indent > at.indent && count > 1) return undefined;
    // A later binding in a loop around both could reach the use on the next iteration.
    if (list.some((b) => b.stmt.index > at.index && sameLoopBody(this, b.stmt, at))) return undefined;
    return found;
  }

  /** The scope id of a module-level class's method (`forward`), when the file defines both. */
  methodScope(className: string, method: string): number | undefined {
    const id = this.classes.get(className);
    return id === undefined ? undefined : this.methods.get(`${id}.${method}`);
  }

  /** The `return` statements directly in a function scope. */
  returnsIn(scope: number): Stmt[] {
    return this.stmts.filter((s) => s.scope === scope && s.p.kind === 'return');
  }

  /** Every binding of `key` in `scope`. */
  bindingsIn(scope: number, key: string): readonly Binding[] {
    return this.scopes.get(scope)?.get(key) ?? [];
  }

  /** The object a name or `self.x` refers to at `at`, for loss and activation objects (criteria, modules). */
  objectBinding(e: Expr, at: Stmt): Binding | undefined {
    const key = dotted(e);
    if (!key) return undefined;
    const local = this.reaching(key, at);
    if (local) return local;
    if (key.startsWith('self.') && at.cls !== undefined && key.indexOf('.', 5) < 0) {
      const list = this.classAttrs.get(at.cls)?.get(key.slice(5)) ?? [];
      // Only when every assignment of the attribute in the class is the same kind of object.
      const withValues = list.filter((b) => b.value);
      if (withValues.length && withValues.length === list.length) {
        const first = this.qualifiedCallee(withValues[0].value!, withValues[0].stmt);
        if (withValues.every((b) => this.qualifiedCallee(b.value!, b.stmt) === first)) return withValues[0];
      }
      return undefined;
    }
    if (at.scope !== 0 && !key.includes('.') && !this.bindingsIn(at.scope, key).length) {
      // A module-level object used inside a function: the last module binding before the function.
      const mod = this.bindingsIn(0, key);
      if (mod.length === 1) return mod[0];
    }
    return undefined;
  }

  /** Every call of the program (nested ones included) with its statement, in order. */
  get calls(): readonly { call: CallExpr; stmt: Stmt }[] {
    if (!this.allCalls) {
      const out: { call: CallExpr; stmt: Stmt }[] = [];
      for (const stmt of this.stmts) for (const e of stmt.p.exprs) eachCall(e, (call) => out.push({ call, stmt }));
      this.allCalls = out;
    }
    return this.allCalls;
  }

  /** How many calls have `key` (`criterion`, `self.loss_fn`) as their callee. */
  callsTo(key: string): number {
    if (!this.calleeCounts) {
      const m = new Map<string, number>();
      for (const { call } of this.calls) {
        const k = dotted(unwrap(call.fn));
        if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
      }
      this.calleeCounts = m;
    }
    return this.calleeCounts.get(key) ?? 0;
  }

  /** The fully qualified library symbol a dotted name stands for, or undefined (local names included). */
  qualify(e: Expr): string | undefined {
    // Memoised on the node itself (a WeakMap of tens of thousands of nodes costs the garbage collector more).
    const memo = e as Expr & { qualified?: string | null };
    if (memo.qualified !== undefined) return memo.qualified ?? undefined;
    const q = this.qualifyUncached(e);
    memo.qualified = q ?? null;
    return q;
  }

  private qualifyUncached(e: Expr): string | undefined {
    const d = dotted(unwrap(e));
    if (!d) return undefined;
    const dot = d.indexOf('.');
    const head = dot < 0 ? d : d.slice(0, dot);
    const rest = dot < 0 ? '' : d.slice(dot);
    let base = this.imports.names.get(head);
    if (base === undefined) {
      if (this.locallyBound.has(head)) return undefined;
      base = CONVENTIONAL[head];
      if (base === undefined) {
        for (const m of this.imports.stars) {
          // `from torch.nn.functional import *` — a bare name from a star import.
          if (dot < 0 && STAR_NAMES.has(`${m}.${d}`)) return normalize(`${m}.${d}`);
        }
        return undefined;
      }
    } else if (this.locallyBound.has(head) && !this.bindingsIn(0, head).some((b) => b.how === 'import')) return undefined;
    return normalize(base + rest);
  }

  /** The qualified symbol of a call's callee (`nn.CrossEntropyLoss` in `nn.CrossEntropyLoss(...).to(dev)`). */
  qualifiedCallee(e: Expr, _at: Stmt): string | undefined {
    let x = unwrap(e);
    while (x.k === 'call' && x.fn.k === 'attr' && PASS_METHODS.has(x.fn.name)) x = unwrap(x.fn.obj);
    return x.k === 'call' ? this.qualify(x.fn) : undefined;
  }

  /** Source text between two token positions. */
  text(s: Stmt, t0: number, t1: number): string {
    const a = s.st.tokens[t0];
    const b = s.st.tokens[t1 - 1];
    if (!a || !b) return '';
    const lines = this.lines[s.st.cell];
    if (a.line === b.endLine) return lines[a.line].slice(a.col, b.endCol);
    const parts = [lines[a.line].slice(a.col)];
    for (let l = a.line + 1; l < b.endLine; l++) parts.push(lines[l]);
    parts.push(lines[b.endLine].slice(0, b.endCol));
    return parts.join('\n');
  }

  token(s: Stmt, i: number): Token {
    return s.st.tokens[i];
  }

  lineText(cell: number, line: number): string {
    return this.lines[cell]?.[line] ?? '';
  }
}

/** Whether `later` (after `use`) is inside a `for`/`while` body that also holds `use`. */
function sameLoopBody(prog: Program, later: Stmt, use: Stmt): boolean {
  let ind = use.indent;
  let loop: Stmt | undefined;
  for (let k = use.index - 1; k >= 0 && ind > 0; k--) {
    const s = prog.stmts[k];
    if (s.st.cell !== use.st.cell) break;
    if (s.indent >= ind) continue;
    if (s.p.kind === 'def' || s.p.kind === 'class') return false;
    const w = s.st.tokens[0]?.text;
    if (w === 'for' || w === 'while' || (w === 'async' && s.st.tokens[1]?.text === 'for')) {
      loop = s;
      break;
    }
    ind = s.indent;
  }
  if (!loop) return false;
  for (let k = loop.index + 1; k <= later.index; k++) if (prog.stmts[k].indent <= loop.indent) return false;
  return true;
}

/** Methods that keep a tensor's values (and so what kind of values they are). */
export const PASS_METHODS = new Set([
  'to', 'cuda', 'cpu', 'float', 'double', 'half', 'bfloat16', 'contiguous', 'view', 'reshape', 'permute', 'transpose',
  'squeeze', 'unsqueeze', 'flatten', 'detach', 'clone', 'type', 'view_as', 'reshape_as', 'type_as', 'requires_grad_',
]);

/** Names that `from <module> import *` brings that the lint cares about. */
const STAR_NAMES = new Set([
  'torch.nn.functional.softmax', 'torch.nn.functional.log_softmax', 'torch.nn.functional.sigmoid',
  'torch.nn.functional.cross_entropy', 'torch.nn.functional.nll_loss', 'torch.nn.functional.kl_div',
  'torch.nn.functional.binary_cross_entropy', 'torch.nn.functional.binary_cross_entropy_with_logits', 'torch.nn.functional.ctc_loss',
  'torch.nn.CrossEntropyLoss', 'torch.nn.NLLLoss', 'torch.nn.KLDivLoss', 'torch.nn.BCELoss', 'torch.nn.BCEWithLogitsLoss', 'torch.nn.CTCLoss',
  'torch.nn.Softmax', 'torch.nn.LogSoftmax', 'torch.nn.Sigmoid',
]);

/**
 * One spelling per symbol: the shared canonical path (src/python/symbols.ts: `tensorflow.keras.` →
 * `keras.`, `optax.losses.` → `optax.`, `torch.nn.modules.loss.` → `torch.nn.`, …), then `tensorflow.` →
 * `tf.`, torch's and torchvision's module files and Keras's `layers.core` / `models.Sequential` folded.
 */
export function normalize(symbol: string): string {
  let s = canonicalPath(symbol);
  if (s.startsWith('torch.nn.modules.')) s = 'torch.nn.' + s.slice(s.indexOf('.', 17) + 1);
  if (s.startsWith('torchvision.ops.') && s.split('.').length > 3) s = 'torchvision.ops.' + s.slice(s.lastIndexOf('.') + 1);
  if (s.startsWith('tensorflow.')) s = 'tf.' + s.slice(11);
  if (s.startsWith('tf.keras.')) s = s.slice(3);
  if (s.startsWith('keras.layers.core.')) s = 'keras.layers.' + s.slice(18);
  if (s.startsWith('keras.models.Sequential') || s.startsWith('keras.models.Model')) s = 'keras.' + s.slice(13);
  return s;
}

/** Each simple target of an assignment: `x`, `self.x` (direct), or the names of a tuple target. */
function targetKeys(t: Expr): { key: string; direct: boolean }[] {
  const d = dotted(t);
  if (d !== undefined) return [{ key: d, direct: true }];
  if (t.k === 'other' || (t.k === 'group' && (t.bracket === '(' || t.bracket === '['))) {
    const out: { key: string; direct: boolean }[] = [];
    for (const x of t.items) for (const k of targetKeys(x)) out.push({ key: k.key, direct: false });
    return out;
  }
  if (t.k === 'sub') {
    // `x[i] = v` changes x.
    const o = dotted(t.obj);
    return o ? [{ key: o, direct: false }] : [];
  }
  return [];
}
