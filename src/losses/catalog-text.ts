/**
 * The catalog split in two: its structure (ids, names, aliases, API symbols,
 * input and parameter specs: what look-ups and `computeLoss` need) and its text
 * (summaries, advice, framework notes, formulas, snippets, papers, sources, the meaning
 * of each input and parameter, the concepts' bodies: what people read).
 *
 * In the source tree the two live together in `./catalog`. The extension host
 * bundles and the playground's compute worker carry only the structure; the
 * text ships beside them as one JSON file (`dist/catalog-text.json`), written at
 * build time by `splitCatalog` and read on first need. `lazyCatalog` rebuilds
 * full `LossEntry` objects from the structure whose text properties are getters
 * into that JSON, once `installCatalogText` has been given it.
 * scripts/catalog-split.mjs wires both halves into the build.
 */
import type { ApiSymbol, Concept, Framework, InputSpec, Localized, LossEntry, Paper, ParamSpec, Snippets, SourceRef } from './types';

/** The entry properties that are text (read by people, never by look-ups or the numeric code). */
export const ENTRY_TEXT_KEYS = ['formula', 'formulaText', 'summary', 'whenToUse', 'pitfalls', 'frameworkNotes', 'snippets', 'paper', 'sources'] as const;
type EntryTextKey = (typeof ENTRY_TEXT_KEYS)[number];

/** One entry's text. */
export interface EntryText {
  formula: string;
  formulaText: string;
  summary: Localized;
  whenToUse: Localized;
  pitfalls: Localized;
  frameworkNotes: Localized;
  snippets: Snippets;
  paper?: Paper;
  /** The primary sources the text was checked against. */
  sources?: readonly SourceRef[];
  /** By input, in the entry's order. */
  inputs: ReadonlyArray<{ meaning: Localized; domain: Localized }>;
  /** By parameter, in the entry's order. */
  params: ReadonlyArray<{ meaning: Localized }>;
}

/** Everything `dist/catalog-text.json` holds. */
export interface CatalogText {
  entries: Record<string, EntryText>;
  /** Each concept's body, by concept id. */
  concepts: Record<string, Localized>;
}

export type InputStructure = Omit<InputSpec, 'meaning' | 'domain'>;
export type ParamStructure = Omit<ParamSpec, 'meaning'>;
export type EntryStructure = Omit<LossEntry, EntryTextKey | 'inputs' | 'params'> & {
  inputs: readonly InputStructure[];
  params: readonly ParamStructure[];
  /** Present (true) when the entry cites a paper, so the rebuilt entry has `paper` exactly when the source does. */
  hasPaper?: true;
  /** Present (true) when the entry lists its sources, so the rebuilt entry has `sources` exactly when the source does. */
  hasSources?: true;
};
export type ConceptStructure = Omit<Concept, 'body'>;

/** What the bundles carry inline. */
export interface CatalogStructure {
  entries: EntryStructure[];
  concepts: ConceptStructure[];
}

/** Splits the catalog into structure and text (build time). */
export function splitCatalog(entries: readonly LossEntry[], concepts: readonly Concept[]): { structure: CatalogStructure; text: CatalogText } {
  const text: CatalogText = { entries: {}, concepts: {} };
  const structure: CatalogStructure = { entries: [], concepts: [] };
  for (const e of entries) {
    const { formula, formulaText, summary, whenToUse, pitfalls, frameworkNotes, snippets, paper, sources, inputs, params, ...rest } = e;
    text.entries[e.id] = {
      formula,
      formulaText,
      summary,
      whenToUse,
      pitfalls,
      frameworkNotes,
      snippets,
      ...(paper ? { paper } : {}),
      ...(sources ? { sources } : {}),
      inputs: inputs.map(({ meaning, domain }) => ({ meaning, domain })),
      params: params.map(({ meaning }) => ({ meaning })),
    };
    structure.entries.push({
      ...rest,
      inputs: inputs.map(({ meaning: _m, domain: _d, ...s }) => s),
      params: params.map(({ meaning: _m, ...s }) => s),
      ...(paper ? { hasPaper: true as const } : {}),
      ...(sources ? { hasSources: true as const } : {}),
    });
  }
  for (const c of concepts) {
    const { body, ...rest } = c;
    text.concepts[c.id] = body;
    structure.concepts.push(rest);
  }
  return { structure, text };
}

/**
 * An API symbol as the bundles store it: `[symbol, framework index, 'c' | 'f', own defaults?]`,
 * a few hundred of them, so the keys are not repeated each time.
 */
export type PackedApi = [string, number, 'c' | 'f'] | [string, number, 'c' | 'f', Readonly<Record<string, unknown>>];

/**
 * The structure as the bundles store it: many entries share an input or a
 * parameter spec (`reduction`, the pointwise `input`/`target`), so each distinct
 * spec is stored once and entries refer to them by index; API symbols are tuples.
 */
export interface PackedStructure {
  inputs: InputStructure[];
  params: ParamStructure[];
  frameworks: Framework[];
  entries: Array<Omit<EntryStructure, 'inputs' | 'params' | 'apis'> & { inputs: number[]; params: number[]; apis: PackedApi[] }>;
  concepts: ConceptStructure[];
}

function interner<T>(table: T[]): (item: T) => number {
  const seen = new Map<string, number>();
  return (item) => {
    const key = JSON.stringify(item);
    let i = seen.get(key);
    if (i === undefined) {
      i = table.push(item) - 1;
      seen.set(key, i);
    }
    return i;
  };
}

export function packStructure(s: CatalogStructure): PackedStructure {
  const packed: PackedStructure = { inputs: [], params: [], frameworks: [], entries: [], concepts: s.concepts };
  const input = interner(packed.inputs);
  const param = interner(packed.params);
  const framework = interner(packed.frameworks);
  const api = (a: ApiSymbol): PackedApi => {
    const head: [string, number, 'c' | 'f'] = [a.symbol, framework(a.framework), a.kind === 'class' ? 'c' : 'f'];
    return a.defaults ? [...head, a.defaults] : head;
  };
  for (const e of s.entries) packed.entries.push({ ...e, inputs: e.inputs.map(input), params: e.params.map(param), apis: e.apis.map(api) });
  return packed;
}

function unpackApi(p: PackedStructure, [symbol, fw, kind, defaults]: PackedApi): ApiSymbol {
  return { framework: p.frameworks[fw], symbol, kind: kind === 'c' ? 'class' : 'function', ...(defaults ? { defaults } : {}) };
}

export function unpackStructure(p: PackedStructure): CatalogStructure {
  return {
    entries: p.entries.map((e) => ({
      ...e,
      inputs: e.inputs.map((i) => p.inputs[i]),
      params: e.params.map((i) => p.params[i]),
      apis: e.apis.map((a) => unpackApi(p, a)),
    })),
    concepts: p.concepts,
  };
}

/** Where a lazily built catalog reads its text from, once it is installed. */
export class CatalogTextStore {
  private text: CatalogText | undefined;
  /** Set by `lazyCatalog`: some catalog reads its text from this store. */
  lazy = false;

  install(text: CatalogText): void {
    this.text = text;
  }

  /** True when every catalog using this store can read its text. */
  get ready(): boolean {
    return this.text !== undefined || !this.lazy;
  }

  entry(id: string): EntryText {
    if (!this.text) throw new Error(`Loss Atlas: the text of catalog entry '${id}' was read before dist/catalog-text.json was loaded`);
    const t = this.text.entries[id];
    if (!t) throw new Error(`Loss Atlas: dist/catalog-text.json has no text for entry '${id}'; rebuild the extension`);
    return t;
  }

  concept(id: string): Localized {
    if (!this.text) throw new Error(`Loss Atlas: the body of concept '${id}' was read before dist/catalog-text.json was loaded`);
    const body = this.text.concepts[id];
    if (!body) throw new Error(`Loss Atlas: dist/catalog-text.json has no body for concept '${id}'; rebuild the extension`);
    return body;
  }
}

/** The store the bundles' catalog uses (scripts/catalog-split.mjs). */
export const catalogTextStore = new CatalogTextStore();

/** Hands the bundles' catalog its text (the parsed `dist/catalog-text.json`). */
export function installCatalogText(text: CatalogText): void {
  catalogTextStore.install(text);
}

/** True when the catalog's text can be read (always, for the source tree's catalog, which holds it inline). */
export function catalogTextInstalled(): boolean {
  return catalogTextStore.ready;
}

function getter<T>(read: () => T): PropertyDescriptor {
  return { get: read, enumerable: true, configurable: false };
}

function lazyEntry(s: EntryStructure, store: CatalogTextStore): LossEntry {
  const { hasPaper, hasSources, inputs, params, ...rest } = s;
  const id = s.id;
  const e = { ...rest } as Record<string, unknown>;
  for (const k of ENTRY_TEXT_KEYS) {
    if (k === 'paper' && !hasPaper) continue;
    if (k === 'sources' && !hasSources) continue;
    Object.defineProperty(e, k, getter(() => store.entry(id)[k]));
  }
  e.inputs = inputs.map((input, i) =>
    Object.defineProperties(
      { ...input },
      {
        meaning: getter(() => store.entry(id).inputs[i].meaning),
        domain: getter(() => store.entry(id).inputs[i].domain),
      },
    ),
  );
  e.params = params.map((param, i) => Object.defineProperty({ ...param }, 'meaning', getter(() => store.entry(id).params[i].meaning)));
  return e as unknown as LossEntry;
}

function lazyConcept(s: ConceptStructure, store: CatalogTextStore): Concept {
  return Object.defineProperty({ ...s }, 'body', getter(() => store.concept(s.id))) as Concept;
}

/** Full entries and concepts from the structure; their text properties read the installed text. */
export function lazyCatalog(
  structure: CatalogStructure,
  store: CatalogTextStore = catalogTextStore,
): { entries: readonly LossEntry[]; concepts: readonly Concept[] } {
  store.lazy = true;
  return { entries: structure.entries.map((e) => lazyEntry(e, store)), concepts: structure.concepts.map((c) => lazyConcept(c, store)) };
}
