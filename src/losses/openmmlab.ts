/**
 * OpenMMLab configs name losses by registry string (`dict(type='FocalLoss', use_sigmoid=True)`);
 * this maps such a name to the class path the catalog lists (`mmdet.models.losses.FocalLoss`).
 * It reads the catalog's API symbols, so it works in the bundles, where the catalog's text and
 * the per-library binding modules are left out.
 */
import { resolveSymbol } from './registry';

/** Registry scopes in the order a bare `type='…'` is looked up when the config names none. */
export const OPENMMLAB_SCOPES = ['mmdet', 'mmseg', 'mmpretrain'] as const;
export type OpenMMLabScope = (typeof OPENMMLAB_SCOPES)[number];

/**
 * The class path a config's `type='…'` loss names (`FocalLoss` -> `mmdet.models.losses.FocalLoss`),
 * looked up in `scope` first, then mmdet, mmseg, mmpretrain; `CrossEntropyLoss` with
 * `use_sigmoid=True` names the binary cross-entropy it then computes. Undefined when no catalog
 * entry covers that type.
 */
export function openmmlabLossSymbol(type: string, options: { useSigmoid?: boolean; scope?: string } = {}): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(type)) return undefined;
  const scopes = [...OPENMMLAB_SCOPES].sort((a, b) => Number(b === options.scope) - Number(a === options.scope));
  for (const scope of scopes) {
    const symbol = `${scope}.models.losses.${type}`;
    const entry = resolveSymbol(symbol);
    if (!entry || entry.apis.find((a) => a.symbol === symbol)?.kind !== 'class') continue;
    if (type === 'CrossEntropyLoss' && options.useSigmoid) return `${scope}.models.losses.binary_cross_entropy`;
    return symbol;
  }
  return undefined;
}
