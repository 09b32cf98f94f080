/**
 * String literals that name a loss, only where a library reads them as one: Keras
 * `compile(loss=…, metrics=…)` (a string, or strings in lists, tuples and dict values),
 * `keras.losses.get('…')`, KerasCV/KerasHub `compile(box_loss=…, classification_loss=…)`, and
 * OpenMMLab `type='…'` keywords and `{'type': '…'}` dicts (honouring `use_sigmoid=True`).
 * Every other string — docstrings, messages, f-strings, dict keys — names nothing.
 * Pure: no `vscode` import.
 */
import { canonicalPath, type ApiRef } from './symbols';
import { kerasCvStringApi, kerasStringApi, openMMLabLoss } from './string-names';
import type { Token } from './tokens';
import { stringBody } from './tokens';

/** A cell's significant tokens with their bracket structure. */
export interface BracketedTokens {
  readonly source: string;
  readonly sig: readonly Token[];
  /** For each token, the index of the innermost open bracket around it, or -1. */
  readonly parent: Int32Array;
  /** For each open bracket, the index of its closing bracket (or -1). */
  readonly match: Int32Array;
}

export function bracketStructure(source: string, sig: readonly Token[]): BracketedTokens {
  const parent = new Int32Array(sig.length).fill(-1);
  const match = new Int32Array(sig.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i];
    parent[i] = stack.length ? stack[stack.length - 1] : -1;
    if (t.kind !== 'op') continue;
    const x = t.text;
    if (x === '(' || x === '[' || x === '{') stack.push(i);
    else if (x === ')' || x === ']' || x === '}') {
      const o = stack.pop();
      if (o !== undefined) {
        match[o] = i;
        parent[i] = stack.length ? stack[stack.length - 1] : -1;
      }
    }
  }
  return { source, sig, parent, match };
}

export interface StringLoss {
  readonly ref: ApiRef;
  readonly symbol: string;
  /** `dict(type='…', …)`: the index of the call's `(`, whose other arguments configure the loss. */
  readonly configCall?: number;
}

const KERAS_KEYWORDS = new Set(['loss', 'metrics', 'weighted_metrics']);
const KERAS_CV_KEYWORDS = new Set(['box_loss', 'classification_loss']);

/** Whether the string token is a plain (not f-, not bytes) single literal. */
function plainString(sig: readonly Token[], i: number): boolean {
  const t = sig[i];
  if (t.kind !== 'string' || /[fbt]/.test(t.prefix ?? '')) return false;
  return sig[i - 1]?.kind !== 'string' && sig[i + 1]?.kind !== 'string';
}

/** The keyword `name=` just before index `j` inside the call bracket `p`, if any. */
function keywordBefore(sig: readonly Token[], j: number): string | undefined {
  const eq = sig[j - 1];
  const name = sig[j - 2];
  const before = sig[j - 3];
  if (eq?.kind === 'op' && eq.text === '=' && name?.kind === 'name' && before?.kind === 'op' && (before.text === '(' || before.text === ',')) return name.text;
  return undefined;
}

/** The method name called with the bracket at `open` (`compile` in `model.compile(`). */
function methodOf(sig: readonly Token[], open: number): string | undefined {
  const name = sig[open - 1];
  return name?.kind === 'name' && sig[open - 2]?.text === '.' ? name.text : undefined;
}

/** The dotted text of the callee before the bracket at `open` (`tf.keras.losses.get`). */
function calleeText(sig: readonly Token[], open: number): string | undefined {
  let k = open - 1;
  if (sig[k]?.kind !== 'name') return undefined;
  let text = sig[k].text;
  while (sig[k - 1]?.text === '.' && sig[k - 2]?.kind === 'name') {
    text = sig[k - 2].text + '.' + text;
    k -= 2;
  }
  return text;
}

/** `kw=True` among the top-level arguments of the bracket at `open`, or `'kw': True` in a dict. */
function flagIn(b: BracketedTokens, open: number, kw: string): boolean {
  const { sig, parent, match } = b;
  const close = match[open] < 0 ? sig.length : match[open];
  for (let k = open + 1; k < close - 2; k++) {
    if (parent[k] !== open) continue;
    const t = sig[k];
    const named = (t.kind === 'name' && t.text === kw && sig[k + 1].text === '=') || (t.kind === 'string' && stringBody(b.source, t) === kw && sig[k + 1].text === ':');
    if (named && sig[k + 2].kind === 'name' && sig[k + 2].text === 'True') return true;
  }
  return false;
}

/**
 * The loss a string names at index `i` of `b.sig`, when it stands in a loss context.
 * `resolveCallee` gives the canonical path a callee's dotted text resolves to through the file's
 * imports (for `keras.losses.get`); `registryScope` is an OpenMMLab config's `default_scope`.
 */
export function stringLossAt(
  b: BracketedTokens,
  i: number,
  resolveCallee: (dotted: string, at: number) => string | undefined,
  registryScope?: string,
): StringLoss | undefined {
  const { sig, parent } = b;
  if (!plainString(sig, i)) return undefined;
  const text = stringBody(b.source, sig[i]);
  let j = i;
  /** The last token of the element at j (its closing bracket once we climbed). */
  let end = i;
  let nested = false;
  for (let guard = 0; guard < 8; guard++) {
    const p = parent[j];
    if (p < 0) return undefined;
    const next = sig[end + 1];
    if (!(next?.kind === 'op' && (next.text === ',' || next.text === ')' || next.text === ']' || next.text === '}'))) return undefined;
    const open = sig[p].text;
    const prev = sig[j - 1];
    if (open === '(') {
      const kw = keywordBefore(sig, j);
      if (kw !== undefined) {
        const method = methodOf(sig, p);
        if (KERAS_KEYWORDS.has(kw) && method === 'compile') {
          const ref = kerasStringApi(text);
          return ref && { ref, symbol: ref.api.symbol };
        }
        if (KERAS_CV_KEYWORDS.has(kw) && method === 'compile' && !nested) {
          const ref = kerasCvStringApi(kw, text) ?? kerasStringApi(text);
          return ref && { ref, symbol: ref.api.symbol };
        }
        if (kw === 'type' && !nested) {
          const r = openMMLabLoss(text, { useSigmoid: flagIn(b, p, 'use_sigmoid'), useMask: flagIn(b, p, 'use_mask') }, registryScope);
          return r && { ref: r.ref, symbol: r.symbol, configCall: p };
        }
        return undefined;
      }
      if (prev?.kind === 'op' && prev.text === '(' && !nested && sig[p - 1]?.kind === 'name') {
        // keras.losses.get('mae'), the first positional argument
        const callee = calleeText(sig, p);
        const path = callee && resolveCallee(callee, p - 1);
        if (path && (canonicalPath(path, true) === 'keras.losses.get' || canonicalPath(path, true) === 'keras.metrics.get')) {
          const ref = kerasStringApi(text);
          return ref && { ref, symbol: ref.api.symbol };
        }
        return undefined;
      }
    }
    // Climb out of a list or tuple element, or a dict value; not out of a call's argument or a subscript.
    const before = sig[p - 1];
    const callOrSubscript = before !== undefined && (before.kind === 'name' || before.text === ')' || before.text === ']');
    const element = (open === '(' || open === '[') && prev?.kind === 'op' && (prev.text === open || prev.text === ',') && !callOrSubscript;
    const dictValue = open === '{' && prev?.kind === 'op' && prev.text === ':';
    if (dictValue && !nested) {
      const key = sig[j - 2];
      if (key?.kind === 'string' && stringBody(b.source, key) === 'type') {
        const r = openMMLabLoss(text, { useSigmoid: flagIn(b, p, 'use_sigmoid'), useMask: flagIn(b, p, 'use_mask') }, registryScope);
        return r && { ref: r.ref, symbol: r.symbol };
      }
    }
    if (element || dictValue) {
      end = b.match[p];
      if (end < 0) return undefined;
      j = p;
      nested = true;
      continue;
    }
    return undefined;
  }
  return undefined;
}
