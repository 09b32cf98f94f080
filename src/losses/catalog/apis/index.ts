/**
 * Loss APIs of third-party libraries (MONAI, timm, OpenMMLab, ...), one module per library,
 * bound to the catalog entries whose math they compute. `attachLibraryApis` adds them to the
 * entries when the catalog is assembled: an entry's own APIs stay first, and each binding's
 * note is appended once to the entry's framework notes.
 */
import type { LossEntry } from '../../types';
import type { ApiBinding } from './binding';
import { MONAI_APIS } from './monai';
import { TIMM_APIS } from './timm';
import { OPENMMLAB_APIS } from './openmmlab';
import { PML_APIS } from './pytorch-metric-learning';
import { LIGHTLY_APIS } from './lightly';
import { SENTENCE_TRANSFORMERS_APIS } from './sentence-transformers';
import { KORNIA_APIS } from './kornia';
import { DETECTRON2_APIS, FVCORE_APIS } from './fvcore';
import { PYTORCH_MSSSIM_APIS } from './pytorch-msssim';
import { PIQ_APIS } from './piq';
import { FAIRSEQ_APIS } from './fairseq';
import { PYTORCH_FORECASTING_APIS } from './pytorch-forecasting';
import { ULTRALYTICS_APIS } from './ultralytics';
import { TFA_APIS } from './tensorflow-addons';

export type { ApiBinding } from './binding';

/** Every library's bindings, in the order their notes are appended. */
export const LIBRARY_APIS: readonly ApiBinding[] = [...MONAI_APIS, ...TIMM_APIS, ...OPENMMLAB_APIS, ...PML_APIS, ...LIGHTLY_APIS, ...SENTENCE_TRANSFORMERS_APIS, ...KORNIA_APIS, ...FVCORE_APIS, ...DETECTRON2_APIS, ...PYTORCH_MSSSIM_APIS, ...PIQ_APIS, ...FAIRSEQ_APIS, ...PYTORCH_FORECASTING_APIS, ...ULTRALYTICS_APIS, ...TFA_APIS];

/** The entries with the library bindings attached; bindings to unknown ids are skipped (a unit test lists them). */
export function attachLibraryApis(entries: readonly LossEntry[], bindings: readonly ApiBinding[] = LIBRARY_APIS): LossEntry[] {
  const byEntry = new Map<string, ApiBinding[]>();
  for (const b of bindings) {
    const list = byEntry.get(b.entry) ?? [];
    list.push(b);
    byEntry.set(b.entry, list);
  }
  return entries.map((e) => {
    const extra = byEntry.get(e.id);
    if (!extra) return e;
    // A binding of a symbol the entry already lists refines it in place (its own defaults).
    const bound = new Map(extra.map((b) => [b.api.symbol, b.api]));
    const own = e.apis.map((a) => {
      const b = bound.get(a.symbol);
      return b?.defaults ? { ...a, defaults: { ...a.defaults, ...b.defaults } } : a;
    });
    const apis = [...own, ...extra.filter((b) => !e.apis.some((a) => a.symbol === b.api.symbol)).map((b) => b.api)];
    const notes: ApiBinding['note'][] = [];
    for (const b of extra) if (b.note && !notes.some((n) => n!.en === b.note!.en)) notes.push(b.note);
    const frameworkNotes = notes.length
      ? { en: [e.frameworkNotes.en, ...notes.map((n) => n!.en)].join(' '), zh: [e.frameworkNotes.zh, ...notes.map((n) => n!.zh)].join(' ') }
      : e.frameworkNotes;
    return { ...e, apis, frameworkNotes };
  });
}
