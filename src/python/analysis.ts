/**
 * One analysis of a Python file or notebook (its code cells in order): tokens, statements,
 * scopes and bindings, built once; then, for any position, the loss it names (`lossAt`): a
 * library API through the imports, a loss instance bound to a name or `self.<attr>`, a string in
 * a loss context, or — only for a name bound nowhere in the file and called — the catalog's
 * unambiguous bare name. Results are memoized per token. Pure: no `vscode` import.
 */
import type { LossEntry } from '../losses';
import type { CallArgument } from './calls';
import { importBindings, type ImportTable } from './imports';
import { buildScopes, tokenKey, type ScopeTree } from './scopes';
import { statementsOf, type Statement } from './statements';
import { bracketStructure, stringLossAt, type BracketedTokens } from './strings';
import { apiForBareName, apiForPath, canonicalPath, type ApiRef } from './symbols';
import { stringBody, tokenizeCell, type Token } from './tokens';
import { Evaluator, type CallSite, type Origin, type Value } from './values';

export type Via = 'import' | 'instance' | 'string' | 'unbound';

/** What issue 12 specifies `lossAtPosition` to return. */
export interface LossAtPosition {
  readonly entryId: string;
  /** The fully qualified API symbol (the catalog's spelling). */
  readonly symbol: string;
  readonly via: Via;
}

/** The loss at a position, with what the hover shows. */
export interface LossHit extends LossAtPosition {
  readonly entry: LossEntry;
  /** The hovered expression as written: `nn.CrossEntropyLoss`, `criterion`, `self.loss_fn`, `'mae'`. */
  readonly written: string;
  /** Its range in the cell (0-based lines, UTF-16 columns, end exclusive). */
  readonly range: { readonly line: number; readonly start: number; readonly endLine: number; readonly end: number };
  /**
   * The arguments of the call made right there (`nn.CrossEntropyLoss(label_smoothing=0.1)`), or
   * for an instance, those it was built with.
   */
  readonly args?: readonly CallArgument[];
  /** An instance: the cell and 0-based line of the assignment that bound it. */
  readonly bound?: { readonly cell: number; readonly line: number };
}

export interface CellAnalysis {
  readonly source: string;
  readonly tokens: readonly Token[];
  /** Significant tokens (no comments, line breaks, indentation) with their brackets. */
  readonly brackets: BracketedTokens;
  readonly statements: readonly Statement[];
  /** Offsets where lines start. */
  readonly lineStarts: readonly number[];
  /** For each significant token, the index in `PythonAnalysis.statements` of its statement, or -1. */
  readonly statementOf: Int32Array;
}

function lineStartsOf(src: string): number[] {
  const out = [0];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13) {
      if (src.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
  return out;
}


const SIGNIFICANT = new Set(['name', 'number', 'string', 'op', 'error']);
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'self',
]);

export class PythonAnalysis {
  readonly cells: readonly CellAnalysis[];
  readonly statements: readonly Statement[];
  readonly scopes: ScopeTree;
  readonly evaluator: Evaluator;
  private readonly memo = new Map<Token, LossHit | null>();

  constructor(readonly sources: readonly string[]) {
    const cells: CellAnalysis[] = [];
    const all: Statement[] = [];
    sources.forEach((source, cell) => {
      const tokens = tokenizeCell(source);
      const statements = statementsOf(tokens, cell);
      const sig = tokens.filter((t) => SIGNIFICANT.has(t.kind));
      const statementOf = new Int32Array(sig.length).fill(-1);
      let k = 0;
      for (const st of statements) {
        for (const t of st.tokens) {
          while (k < sig.length && sig[k] !== t) k++;
          if (k < sig.length) statementOf[k++] = all.length;
        }
        all.push(st);
      }
      cells.push({ source, tokens, brackets: bracketStructure(source, sig), statements, lineStarts: lineStartsOf(source), statementOf });
    });
    this.cells = cells;
    this.statements = all;
    this.scopes = buildScopes(all);
    this.evaluator = new Evaluator({ tree: this.scopes, source: (c) => sources[c] ?? '', callSites: (name) => this.callSites(name) });
  }

  private callIndex?: Map<string, CallSite[]>;
  /** Every plain call `name(…)` (not `obj.name(…)`), by name; built on first use. */
  callSites(name: string): readonly CallSite[] {
    if (!this.callIndex) {
      const index = new Map<string, CallSite[]>();
      this.cells.forEach((c) => {
        const { sig, match } = c.brackets;
        for (let i = 0; i + 1 < sig.length; i++) {
          const t = sig[i];
          if (t.kind !== 'name' || sig[i + 1].text !== '(' || sig[i + 1].kind !== 'op' || match[i + 1] < 0) continue;
          if (sig[i - 1]?.text === '.' || sig[i - 1]?.text === 'def' || sig[i - 1]?.text === 'class') continue;
          const statement = this.statements[c.statementOf[i]];
          if (!statement) continue;
          let list = index.get(t.text);
          if (!list) index.set(t.text, (list = []));
          list.push({ statement, tokens: sig, name: i, open: i + 1, close: match[i + 1] });
        }
      });
      this.callIndex = index;
    }
    return this.callIndex.get(name) ?? [];
  }

  private scopeName?: string | null;
  /** An OpenMMLab config's `default_scope = 'mmseg'`, if it sets one. */
  registryScope(): string | undefined {
    if (this.scopeName === undefined) {
      this.scopeName = null;
      for (const bd of this.scopes.module.bindings.get('default_scope') ?? []) {
        const v = bd.value?.tokens;
        if (v?.length === 1 && v[0].kind === 'string') this.scopeName = stringBody(this.sources[bd.cell], v[0]);
      }
    }
    return this.scopeName ?? undefined;
  }

  private importTable?: ImportTable;
  /** Every import of the file or notebook (later ones win on a clash, as when run in order). */
  get imports(): ImportTable {
    if (!this.importTable) {
      const names = new Map<string, string>();
      const stars: string[] = [];
      for (const st of this.statements) {
        for (const b of importBindings(st) ?? []) {
          if (b.star) stars.push(b.target);
          else names.set(b.local, b.target);
        }
      }
      this.importTable = { names, stars };
    }
    return this.importTable;
  }

  /** The index into `cells[cell].brackets.sig` of the token at a position (a name also when the position is just after it). */
  tokenIndexAt(cell: number, line: number, character: number): number {
    const c = this.cells[cell];
    if (!c || line < 0 || line >= c.lineStarts.length || character < 0) return -1;
    const off = c.lineStarts[line] + character;
    const sig = c.brackets.sig;
    let lo = 0;
    let hi = sig.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sig[mid].start <= off) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return -1;
    const t = sig[found];
    if (off < t.end) return found;
    if (off === t.end && t.kind === 'name') return found;
    return -1;
  }

  /** The loss at a position, or undefined. */
  lossAt(cell: number, line: number, character: number): LossHit | undefined {
    const i = this.tokenIndexAt(cell, line, character);
    if (i < 0) return undefined;
    const token = this.cells[cell].brackets.sig[i];
    let hit = this.memo.get(token);
    if (hit === undefined) {
      try {
        hit = this.compute(cell, i) ?? null;
      } catch {
        hit = null; // bad input never breaks the host
      }
      this.memo.set(token, hit);
    }
    return hit ?? undefined;
  }

  private hit(ref: ApiRef, via: Via, cell: number, first: Token, last: Token, extra?: { args?: readonly CallArgument[]; bound?: { cell: number; line: number }; symbol?: string }): LossHit {
    const src = this.cells[cell].source;
    return {
      entryId: ref.entry.id,
      symbol: extra?.symbol ?? ref.api.symbol,
      via,
      entry: ref.entry,
      written: src.slice(first.start, last.end),
      range: { line: first.line, start: first.col, endLine: last.endLine, end: last.endCol },
      ...(extra?.args ? { args: extra.args } : {}),
      ...(extra?.bound ? { bound: extra.bound } : {}),
    };
  }

  /** The arguments of a call whose `(` follows sig[k], if it does. */
  private callArgsAfter(cell: number, k: number): readonly CallArgument[] | undefined {
    const b = this.cells[cell].brackets;
    const open = k + 1;
    if (b.sig[open]?.kind !== 'op' || b.sig[open].text !== '(') return undefined;
    const close = b.match[open];
    if (close < 0) return undefined;
    return this.evaluator.args(b.sig, open, close, cell);
  }

  private isCalled(cell: number, k: number): boolean {
    const t = this.cells[cell].brackets.sig[k + 1];
    return t?.kind === 'op' && t.text === '(';
  }

  private fromValue(v: Value, origin: Origin, cell: number, first: Token, lastIndex: number, headBoundAnywhere: boolean): LossHit | undefined {
    const last = this.cells[cell].brackets.sig[lastIndex];
    if (v.kind === 'instance') return this.hit(v.ref, 'instance', cell, first, last, { args: v.args, bound: v.bound });
    if (v.kind !== 'api') return undefined;
    if (origin === 'unbound') {
      // The fallback: only a name bound nowhere in the file, used as a call.
      if (headBoundAnywhere || !this.isCalled(cell, lastIndex)) return undefined;
      return this.hit(v.ref, 'unbound', cell, first, last, { args: this.callArgsAfter(cell, lastIndex) });
    }
    const via: Via = origin === 'import' ? 'import' : 'instance';
    return this.hit(v.ref, via, cell, first, last, { args: this.callArgsAfter(cell, lastIndex) });
  }

  private compute(cell: number, i: number): LossHit | undefined {
    const b = this.cells[cell].brackets;
    const sig = b.sig;
    const t = sig[i];
    if (t.kind === 'string') {
      const r = stringLossAt(b, i, (dotted, at) => this.resolveDotted(dotted, at, cell), this.registryScope());
      if (!r) return undefined;
      // `dict(type='FocalLoss', gamma=2.0)`: the other keywords configure the loss.
      const args = r.configCall !== undefined && b.match[r.configCall] >= 0
        ? this.evaluator.args(sig, r.configCall, b.match[r.configCall], cell)?.filter((a) => a.name !== 'type')
        : undefined;
      return this.hit(r.ref, 'string', cell, t, t, { symbol: r.symbol, args });
    }
    if (t.kind !== 'name' || (KEYWORDS.has(t.text) && t.text !== 'self')) return undefined;
    const st = this.statements[this.cells[cell].statementOf[i]];
    if (!st) return undefined;
    const tree = this.scopes;

    // Import statements: the imported name or its alias.
    const imp = tree.importTokens.get(t);
    if (imp !== undefined) {
      if (!imp || imp.relative || imp.star) return undefined;
      const ref = apiForPath(imp.target);
      return ref && this.hit(ref, 'import', cell, t, t);
    }

    // An attribute: evaluate the dotted chain that ends here.
    if (sig[i - 1]?.kind === 'op' && sig[i - 1].text === '.') {
      let k = i;
      while (sig[k - 1]?.text === '.' && sig[k - 1].kind === 'op' && sig[k - 2]?.kind === 'name') k -= 2;
      if (sig[k - 1]?.text === '.') return undefined; // `f().x`: the base is not a name
      const binding = tree.bindingAt.get(tokenKey(cell, t));
      if (binding) {
        // `self.x = …`: the attribute bound here.
        const v = this.evaluator.binding(binding);
        return v.kind === 'instance' ? this.hit(v.ref, 'instance', cell, sig[k], t, { args: v.args, bound: v.bound }) : undefined;
      }
      const r = this.evaluator.range(sig, k, i + 1, st);
      return this.fromValue(r.value, r.origin, cell, sig[k], i, tree.boundNames.has(sig[k].text));
    }

    // A binding site: `criterion = nn.X(…)`, a parameter with a loss default.
    const binding = tree.bindingAt.get(tokenKey(cell, t));
    if (binding) {
      if (binding.kind === 'import') return undefined;
      const v = this.evaluator.binding(binding);
      if (v.kind === 'instance') return this.hit(v.ref, 'instance', cell, t, t, { args: v.args, bound: v.bound });
      if (v.kind === 'api') return this.hit(v.ref, 'instance', cell, t, t);
      return undefined;
    }

    // A keyword argument: `compile(loss=keras.losses.Huber())`.
    const next = sig[i + 1];
    const prev = sig[i - 1];
    if (next?.kind === 'op' && next.text === '=' && prev?.kind === 'op' && (prev.text === '(' || prev.text === ',') && b.parent[i] >= 0 && sig[b.parent[i]].text === '(') {
      const p = b.parent[i];
      let end = i + 2;
      const close = b.match[p] < 0 ? sig.length : b.match[p];
      while (end < close && !(b.parent[end] === p && sig[end].text === ',')) end++;
      const v = this.evaluator.range(sig, i + 2, end, st).value;
      if (v.kind === 'instance') return this.hit(v.ref, 'instance', cell, t, t, { args: v.args, bound: v.bound });
      return undefined;
    }

    // A name read.
    if (t.text === 'self') return undefined;
    const n = this.evaluator.name(t, st);
    let v = n.value;
    // A `from m import *` the catalog cannot see into may bind any name: no fallback then.
    if (n.origin === 'unbound' && v.kind === 'unknown' && this.evaluator.fallbackAllowed(t.text)) {
      const ref = apiForBareName(t.text);
      if (ref) v = { kind: 'api', ref, path: t.text };
    }
    return this.fromValue(v, n.origin, cell, t, i, tree.boundNames.has(t.text) || n.bindings !== undefined);
  }

  /** The canonical path a dotted callee resolves to through the imports (for `keras.losses.get`). */
  private resolveDotted(dotted: string, at: number, cell: number): string | undefined {
    const c = this.cells[cell];
    const st = this.statements[c.statementOf[at]];
    if (!st) return undefined;
    const parts = dotted.split('.');
    const first = c.brackets.sig[at - (parts.length - 1) * 2];
    if (!first) return undefined;
    const n = this.evaluator.name(first, st);
    if (n.value.kind === 'path' || n.value.kind === 'api') return canonicalPath([n.value.path, ...parts.slice(1)].join('.'));
    if (n.origin === 'unbound' && !this.scopes.boundNames.has(parts[0])) return canonicalPath(dotted, true);
    return undefined;
  }

  /** For tests and tools: the loss an unbound bare name would fall back to. */
  static bareName(name: string): ApiRef | undefined {
    return apiForBareName(name);
  }

  /** Position key of a token (ordering across cells). */
  static key(cell: number, t: Token): number {
    return tokenKey(cell, t);
  }
}
