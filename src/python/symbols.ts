/**
 * Qualified Python paths to catalog loss APIs. Both sides are brought to one canonical form:
 * conventional aliases in catalog symbols are spelt out (`tf.` → `tensorflow.`, `tfa.` →
 * `tensorflow_addons.`), private or legacy module paths become the public one
 * (`torch.nn.modules.loss.` → `torch.nn.`, `keras.src.losses.` → `keras.losses.`,
 * `tensorflow.keras.` → `keras.`), and a symbol re-exported by a loss module resolves from the
 * submodule that defines it (`monai.losses.dice.DiceLoss` → `monai.losses.DiceLoss`). So an
 * import of any spelling (`import tensorflow_addons as tfa`) finds the entry.
 * Pure: no `vscode` import.
 */
import { LOSSES } from '../losses';
import type { ApiSymbol, LossEntry } from '../losses';

export interface ApiRef {
  readonly entry: LossEntry;
  readonly api: ApiSymbol;
}

/** Conventional import aliases (`import tensorflow as tf`), as catalog symbols and snippets use them. */
export const CONVENTIONAL_ALIASES: Readonly<Record<string, string>> = {
  tf: 'tensorflow',
  tfa: 'tensorflow_addons',
  tfr: 'tensorflow_ranking',
  tfgan: 'tensorflow_gan',
  smp: 'segmentation_models_pytorch',
  nn: 'torch.nn',
  F: 'torch.nn.functional',
};

/** Module paths people import from, mapped to the public path; longest first within a family. */
const REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['tensorflow.python.keras.', 'keras.'],
  ['tensorflow.keras.', 'keras.'],
  // TensorFlow 2 sets `tf.losses` to the Keras losses module (tensorflow api_template.py).
  ['tensorflow.losses.', 'keras.losses.'],
  ['keras._tf_keras.keras.', 'keras.'],
  ['tf_keras.src.', 'keras.'],
  ['tf_keras.', 'keras.'],
  ['keras.src.', 'keras.'],
  ['keras.api.', 'keras.'],
  ['torch.nn.modules.loss.', 'torch.nn.'],
  ['optax.losses.', 'optax.'],
  ['optax._src.loss.', 'optax.'],
  ['keras_cv.src.', 'keras_cv.'],
  ['keras_hub.src.', 'keras_hub.'],
];

const MODULE_PART = /^[a-z_][a-z0-9_]*$/;

/** A qualified path in canonical form; `expandAliases` spells out a conventional alias at its head. */
export function canonicalPath(path: string, expandAliases = false): string {
  let p = path;
  if (expandAliases) {
    const dot = p.indexOf('.');
    const head = dot < 0 ? p : p.slice(0, dot);
    const full = CONVENTIONAL_ALIASES[head];
    if (full !== undefined) p = full + p.slice(head.length);
  }
  for (let again = true; again; ) {
    again = false;
    for (const [from, to] of REWRITES) {
      if (p.startsWith(from)) {
        p = to + p.slice(from.length);
        again = true;
        break;
      }
    }
  }
  return p;
}

interface SymbolIndex {
  readonly byPath: Map<string, ApiRef>;
  /** Modules that directly hold a catalog symbol (`torch.nn`, `monai.losses`). */
  readonly lossModules: Set<string>;
}

let index: SymbolIndex | undefined;

function buildIndex(): SymbolIndex {
  const byPath = new Map<string, ApiRef>();
  const lossModules = new Set<string>();
  for (const entry of LOSSES) {
    for (const api of entry.apis) {
      const key = canonicalPath(api.symbol, true);
      if (!byPath.has(key)) byPath.set(key, { entry, api });
      const dot = key.lastIndexOf('.');
      if (dot > 0) lossModules.add(key.slice(0, dot));
    }
  }
  return { byPath, lossModules };
}

function getIndex(): SymbolIndex {
  return (index ??= buildIndex());
}

/**
 * The catalog API a qualified path names (`torch.nn.CrossEntropyLoss`,
 * `tensorflow.keras.losses.Huber`, `monai.losses.dice.DiceCELoss`), or undefined.
 */
export function apiForPath(path: string, expandAliases = false): ApiRef | undefined {
  const hit = lookupPath(path, expandAliases);
  if (hit) return hit;
  // TensorFlow 1 code writes `tf.losses.softmax_cross_entropy`: today's tf.compat.v1.losses.
  const full = canonicalPath(path, expandAliases);
  if (full.startsWith('keras.losses.') && /^(tf|tensorflow)\.losses\./.test(path)) return lookupPath(`tensorflow.compat.v1.losses.${full.slice(13)}`, false);
  return undefined;
}

function lookupPath(path: string, expandAliases: boolean): ApiRef | undefined {
  const ix = getIndex();
  const key = canonicalPath(path, expandAliases);
  const hit = ix.byPath.get(key);
  if (hit) return hit;
  // `M.sub.module.Name` where M holds catalog symbols and `Name` is one of them: the re-export.
  const parts = key.split('.');
  if (parts.length < 3) return undefined;
  const name = parts[parts.length - 1];
  for (let k = parts.length - 2; k >= 1; k--) {
    if (!MODULE_PART.test(parts[k])) break;
    const m = parts.slice(0, k).join('.');
    if (ix.lossModules.has(m)) {
      const r = ix.byPath.get(`${m}.${name}`);
      if (r) return r;
    }
  }
  return undefined;
}

/** Bare API names that belong to exactly one entry, with that entry's API of that name. */
let bare: Map<string, ApiRef | null> | undefined;
export function apiForBareName(name: string): ApiRef | undefined {
  if (!bare) {
    bare = new Map();
    for (const entry of LOSSES) {
      for (const api of entry.apis) {
        const b = api.symbol.slice(api.symbol.lastIndexOf('.') + 1);
        const prev = bare.get(b);
        if (prev === undefined) bare.set(b, { entry, api });
        else if (prev && prev.entry !== entry) bare.set(b, null);
      }
    }
  }
  return bare.get(name) ?? undefined;
}
