/**
 * The catalog and its look-ups: by id, by display name (English or Chinese),
 * by alias, and by API symbol in the forms people import it.
 */
import { CATALOG } from './catalog';
import type { ApiSymbol, LossEntry } from './types';
import { definingModuleForm } from './catalog/apis/modules';

export const LOSSES: readonly LossEntry[] = CATALOG;

/** Module prefixes that people shorten on import, longest first, with their usual short forms. */
const PREFIX_ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['torch.nn.functional.', ['F.', 'nn.functional.', 'functional.']],
  ['torch.nn.', ['nn.']],
  ['tf.keras.losses.', ['keras.losses.', 'tensorflow.keras.losses.', 'tf.losses.', 'tensorflow.losses.', 'losses.']],
  ['keras.losses.', ['tf.keras.losses.', 'tensorflow.keras.losses.', 'tf.losses.', 'tensorflow.losses.', 'losses.']],
  ['tf.compat.v1.losses.', ['tensorflow.compat.v1.losses.']],
  ['tf.nn.', ['tensorflow.nn.']],
  ['torchvision.ops.', ['ops.']],
  ['segmentation_models_pytorch.losses.', ['smp.losses.', 'losses.']],
  ['smp.losses.', ['segmentation_models_pytorch.losses.', 'losses.']],
  ['optax.losses.', ['optax.']],
  ['optax.', ['optax.losses.']],
];

/**
 * Every spelling of `api.symbol` that should resolve to it: the symbol, its usual shortened
 * prefixes, and the submodule that defines it where the package re-exports it.
 */
export function symbolForms(api: ApiSymbol): readonly string[] {
  let forms = FORMS.get(api);
  if (!forms) FORMS.set(api, (forms = computeSymbolForms(api)));
  return forms;
}

/** Each catalog API's forms, computed once (the lint asks for them at every loss call). */
const FORMS = new WeakMap<ApiSymbol, readonly string[]>();

function computeSymbolForms(api: ApiSymbol): string[] {
  const forms = new Set<string>([api.symbol]);
  for (const [prefix, shorts] of PREFIX_ALIASES) {
    if (api.symbol.startsWith(prefix)) {
      const rest = api.symbol.slice(prefix.length);
      for (const s of shorts) forms.add(s + rest);
    }
  }
  const defining = definingModuleForm(api.symbol);
  if (defining) forms.add(defining);
  return [...forms];
}

export function bareName(symbol: string): string {
  const i = symbol.lastIndexOf('.');
  return i < 0 ? symbol : symbol.slice(i + 1);
}

interface Index {
  byId: Map<string, LossEntry>;
  /** Exact, case-sensitive: qualified API forms. */
  bySymbol: Map<string, LossEntry>;
  /** Bare API names that belong to exactly one entry. */
  byBare: Map<string, LossEntry>;
  /** Lower-cased names and aliases. */
  byName: Map<string, LossEntry>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const byId = new Map<string, LossEntry>();
  const bySymbol = new Map<string, LossEntry>();
  const bare = new Map<string, Set<LossEntry>>();
  const byName = new Map<string, LossEntry>();
  for (const e of LOSSES) {
    byId.set(e.id, e);
    for (const api of e.apis) {
      for (const f of symbolForms(api)) if (!bySymbol.has(f)) bySymbol.set(f, e);
      const b = bareName(api.symbol);
      if (!bare.has(b)) bare.set(b, new Set());
      bare.get(b)!.add(e);
    }
    for (const n of [e.names.en, e.names.zh, ...(e.aliases ?? [])]) {
      const k = n.trim().toLowerCase();
      if (!byName.has(k)) byName.set(k, e);
    }
  }
  const byBare = new Map<string, LossEntry>();
  for (const [b, set] of bare) if (set.size === 1) byBare.set(b, [...set][0]);
  return { byId, bySymbol, byBare, byName };
}

function getIndex(): Index {
  return (index ??= buildIndex());
}

export function getEntry(id: string): LossEntry | undefined {
  return getIndex().byId.get(id);
}

/** Bare API names that belong to exactly one entry (for editors resolving unqualified names). */
export function resolveBareName(name: string): LossEntry | undefined {
  return getIndex().byBare.get(name);
}

/** Qualified API symbol (any import form) to its entry. */
export function resolveSymbol(symbol: string): LossEntry | undefined {
  return getIndex().bySymbol.get(symbol);
}

/**
 * Finds an entry by id, display name (en or zh), alias, or API symbol, fully
 * qualified or in the usual import forms (`nn.MSELoss`, `F.mse_loss`, `optax.l2_loss`).
 */
export function findLoss(query: string): LossEntry | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const ix = getIndex();
  return (
    ix.byId.get(q) ??
    ix.bySymbol.get(q) ??
    ix.byBare.get(q) ??
    ix.byName.get(q.toLowerCase()) ??
    ix.byId.get(q.toLowerCase())
  );
}
