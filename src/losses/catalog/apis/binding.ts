/**
 * The shape of a third-party library's loss API bound to a catalog entry: the symbol (with its
 * own defaults) and, optionally, a short note on how it differs from the entry's primary form,
 * which the catalog appends to the entry's framework notes.
 */
import type { ApiSymbol, Localized } from '../../types';

export interface ApiBinding {
  /** The id of the catalog entry whose math this symbol computes. */
  entry: string;
  api: ApiSymbol;
  /** How this symbol differs from the entry's primary form (defaults, input conventions). */
  note?: Localized;
}

/** A binding of a class symbol on `entry`, with optional own defaults and note. */
export function cls(entry: string, symbol: string, defaults?: ApiSymbol['defaults'], note?: Localized): ApiBinding {
  return { entry, api: { framework: 'other', symbol, kind: 'class', ...(defaults ? { defaults } : {}) }, ...(note ? { note } : {}) };
}

/** A binding of a function symbol on `entry`, with optional own defaults and note. */
export function fn(entry: string, symbol: string, defaults?: ApiSymbol['defaults'], note?: Localized): ApiBinding {
  return { entry, api: { framework: 'other', symbol, kind: 'function', ...(defaults ? { defaults } : {}) }, ...(note ? { note } : {}) };
}
