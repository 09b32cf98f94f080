/**
 * What the playground remembers (through `vscode.setState`, so it survives
 * hide/show and reloads): the text of every field, as typed, per loss.
 * `sanitizeState` checks what comes back, so a damaged state never breaks the page.
 */
import type { GuideAnswers } from '../losses/guide';
import { GUIDE_TARGETS, GUIDE_TASKS } from '../losses/guide';
import type { DisplayLanguage, ParamValue, PlaygroundView, SnippetFramework } from '../extension/protocol';

export interface LossSetup {
  /** Field text exactly as the person typed it (never lost, even when invalid). */
  inputs: Record<string, string>;
  params: Record<string, ParamValue>;
}

export interface Sweep {
  param: string;
  values: number[];
}

export interface PlaygroundState {
  v: 1;
  lossId: string;
  view: PlaygroundView;
  lang: DisplayLanguage;
  setups: Record<string, LossSetup>;
  /** Loss ids overlaid in the plot and compared on the same inputs. */
  compare: string[];
  sweep: Sweep | null;
  sliceIndex: number | null;
  search: string;
  framework: SnippetFramework;
  chart: 'contribution' | 'gradient';
  guide: GuideAnswers;
  /** Generator size. */
  genN: number;
  genC: number;
}

export const DEFAULT_LOSS = 'mse-loss';

export function defaultState(lang: DisplayLanguage = 'en'): PlaygroundState {
  return {
    v: 1,
    lossId: DEFAULT_LOSS,
    view: 'playground',
    lang,
    setups: {},
    compare: [],
    sweep: null,
    sliceIndex: null,
    search: '',
    framework: 'torch',
    chart: 'contribution',
    guide: { task: 'regression', imbalance: false, outliers: false, multimodal: false },
    genN: 8,
    genC: 3,
  };
}

const isRec = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const safeKey = (k: string) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype' && k.length <= 200;

function setup(x: unknown): LossSetup | undefined {
  if (!isRec(x)) return undefined;
  const inputs: Record<string, string> = {};
  const params: Record<string, ParamValue> = {};
  if (isRec(x.inputs)) for (const [k, v] of Object.entries(x.inputs)) if (safeKey(k) && typeof v === 'string') inputs[k] = v;
  if (isRec(x.params)) {
    for (const [k, v] of Object.entries(x.params)) {
      if (safeKey(k) && (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string')) params[k] = v;
    }
  }
  return { inputs, params };
}

/** Accepts whatever `getState()` returned; keeps every valid part, defaults the rest. */
export function sanitizeState(x: unknown, lang: DisplayLanguage = 'en'): PlaygroundState {
  const s = defaultState(lang);
  if (!isRec(x) || x.v !== 1) return s;
  if (typeof x.lossId === 'string' && x.lossId.length <= 200) s.lossId = x.lossId;
  if (x.view === 'playground' || x.view === 'reference' || x.view === 'guide') s.view = x.view;
  if (x.lang === 'en' || x.lang === 'zh') s.lang = x.lang;
  if (isRec(x.setups)) {
    for (const [k, v] of Object.entries(x.setups)) {
      const su = setup(v);
      if (su && safeKey(k)) s.setups[k] = su;
    }
  }
  if (Array.isArray(x.compare)) s.compare = x.compare.filter((c): c is string => typeof c === 'string').slice(0, 8);
  if (isRec(x.sweep) && typeof x.sweep.param === 'string' && Array.isArray(x.sweep.values)) {
    const values = x.sweep.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).slice(0, 8);
    s.sweep = { param: x.sweep.param, values };
  }
  if (typeof x.sliceIndex === 'number' && Number.isInteger(x.sliceIndex) && x.sliceIndex >= 0) s.sliceIndex = x.sliceIndex;
  if (typeof x.search === 'string') s.search = x.search.slice(0, 200);
  if (x.framework === 'torch' || x.framework === 'tf' || x.framework === 'jax' || x.framework === 'scratch') s.framework = x.framework;
  if (x.chart === 'contribution' || x.chart === 'gradient') s.chart = x.chart;
  if (isRec(x.guide)) {
    const g = x.guide;
    if (typeof g.task === 'string' && (GUIDE_TASKS as readonly string[]).includes(g.task)) s.guide.task = g.task as GuideAnswers['task'];
    if (typeof g.target === 'string' && (GUIDE_TARGETS as readonly string[]).includes(g.target)) s.guide.target = g.target as GuideAnswers['target'];
    for (const k of ['imbalance', 'outliers', 'multimodal'] as const) if (typeof g[k] === 'boolean') s.guide[k] = g[k] as boolean;
  }
  if (typeof x.genN === 'number' && Number.isInteger(x.genN) && x.genN >= 1 && x.genN <= 100_000) s.genN = x.genN;
  if (typeof x.genC === 'number' && Number.isInteger(x.genC) && x.genC >= 2 && x.genC <= 1000) s.genC = x.genC;
  return s;
}
