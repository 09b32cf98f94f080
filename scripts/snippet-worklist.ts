/**
 * The snippet work list: every PyTorch (`torch`) and from-scratch (`scratch`) snippet of the
 * catalog, as the code a user would run, with the inputs to bind and the parameters the core
 * takes for the same call. `scripts/fixtures/snippets.py` runs each item in real PyTorch and
 * writes test/fixtures/snippets/runs.json; test/unit/losses/snippets-run.test.ts checks the values
 * against computeLoss and the code hashes against the current catalog (stale fixtures fail).
 *
 * For each entry and snippet kind there are up to three code variants:
 * - `snippet`: the snippet with every tab stop at its own default (what a user gets by tabbing through);
 * - `playground-default`: the playground's "Code for these parameters" for the entry's defaults;
 * - `playground-changed`: the same for one non-default parameter set.
 * Each runs on the entry's example inputs (the playground's seeded example) and on the probes
 * written below for documented edge cases.
 *
 * `npx tsx scripts/snippet-worklist.ts` prints the list as JSON.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, type Encoded } from '../test/unit/support/fixtures';
import { LOSSES, computeLoss, isComputable, type LossEntry, type ParamSpec, type Tensor } from '../src/losses';
import { toNested } from '../src/losses/tensor';
import { snippetDefaults } from '../src/losses/snippets';
import { codeFor } from '../src/webview/codegen';
import { exampleInputs } from '../src/webview/generators';
import { SNIPPET_BINDINGS, SNIPPET_PROBES, type SnippetBinding } from './snippet-bindings';

export type RunKind = 'torch' | 'scratch';
export type RunVariant = 'snippet' | 'playground-default' | 'playground-changed';
export const RUN_KINDS: readonly RunKind[] = ['torch', 'scratch'];

export interface SnippetRun {
  /** `${id}/${kind}/${variant}/${inputSet}`, unique. */
  key: string;
  id: string;
  kind: RunKind;
  variant: RunVariant;
  /** The exact Python code run. */
  code: string;
  /** sha256 of `code` (hex, first 16 digits). */
  hash: string;
  /** computeLoss parameters for the same call (for `snippet`, before the tab-stop defaults below). */
  params: Record<string, unknown>;
  /** For `snippet`: each entry parameter's tab-stop default as Python text; the script evaluates it. */
  stopDefaults: Record<string, string>;
  inputSet: string;
  inputs: Record<string, Tensor>;
  /** Inputs that are integer data (int64 tensors in PyTorch). */
  integer: string[];
  /** Python names bound before the code runs, each to an expression over `I` (the input tensors). */
  bind: Record<string, string>;
  /** Python statements run after the code when it does not assign `loss` itself. */
  call?: string;
  /** Python statements run before the code (e.g. turning core inputs into what the snippet takes). */
  setup?: string;
  /** Text replacements made in the code before it runs (the hash is of `code` as the user sees it). */
  rewrite?: ReadonlyArray<readonly [string, string]>;
  /** Why the value is not compared with computeLoss (the run must still not raise). */
  noCompare?: string;
}

export const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex').slice(0, 16);

/** Whether the snippet has a tab stop for keyword `name` (`name=${1:...}`). */
function stopDefault(body: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(\\$\\{\\d+(?::(?:[^{}\\\\]|\\\\.)*|\\|[^|]*\\|)\\})`).exec(body);
  return m ? snippetDefaults(m[1]) : undefined;
}

/** The identifiers a snippet leaves for the user to fill (`${2:pred}`), in order of first appearance. */
export function inputPlaceholders(entry: LossEntry, body: string): string[] {
  const out: string[] = [];
  const params = new Set(entry.params.map((p) => p.name));
  for (const m of body.matchAll(/(\b\w+\s*=\s*)?\$\{\d+:([A-Za-z_]\w*)\}/g)) {
    const kw = m[1]?.replace(/\s*=\s*$/, '');
    if (kw && params.has(kw)) continue;
    if (['None', 'True', 'False'].includes(m[2])) continue;
    if (!out.includes(m[2])) out.push(m[2]);
  }
  return out;
}

/** Every parameter at its default, as the playground passes them to codeFor (tensor parameters too). */
function entryDefaults(entry: LossEntry): Record<string, unknown> {
  return Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
}

function changedValue(p: ParamSpec): unknown {
  switch (p.type) {
    case 'boolean':
      return !p.default;
    case 'enum':
      return p.options?.find((o) => o !== p.default);
    case 'integer':
      return typeof p.default === 'number' ? (p.range && p.default + 1 > p.range[1] ? p.default - 1 : p.default + 1) : undefined;
    case 'number': {
      if (typeof p.default !== 'number') return undefined;
      if (p.range) {
        const v = p.range[0] + 0.3 * (p.range[1] - p.range[0]);
        return v === p.default ? p.range[0] + 0.6 * (p.range[1] - p.range[0]) : Math.round(v * 1e6) / 1e6;
      }
      return p.default === 0 ? 0.5 : p.default * 1.5;
    }
    default:
      return undefined;
  }
}

/** One non-default parameter set the snippet can show: the first parameter with a tab stop (reduction last). */
export function changedParams(entry: LossEntry, body: string, binding?: SnippetBinding): Record<string, unknown> | undefined {
  const base = entryDefaults(entry);
  if (binding?.changed) return { ...base, ...binding.changed };
  const candidates = entry.params.filter((p) => p.type !== 'tensor' && stopDefault(body, p.name) !== undefined);
  candidates.sort((a, b) => Number(a.name === 'reduction') - Number(b.name === 'reduction'));
  for (const p of candidates) {
    const v = changedValue(p);
    if (v !== undefined && v !== p.default) return { ...base, [p.name]: v };
  }
  return undefined;
}

function bindFor(entry: LossEntry, body: string, binding: SnippetBinding | undefined, inputs: readonly string[]): Record<string, string> {
  const bind: Record<string, string> = {};
  const free = [...inputs];
  const placeholders = inputPlaceholders(entry, body);
  for (const name of placeholders) {
    if (binding?.bind?.[name]) {
      bind[name] = binding.bind[name];
      continue;
    }
    const same = free.indexOf(name);
    const take = same >= 0 ? same : 0;
    if (!free.length) break;
    bind[name] = `I[${JSON.stringify(free[take])}]`;
    free.splice(take, 1);
  }
  return { ...bind, ...(binding?.extra ?? {}) };
}

export function snippetRuns(): SnippetRun[] {
  const runs: SnippetRun[] = [];
  for (const entry of LOSSES) {
    for (const kind of RUN_KINDS) {
      const body = entry.snippets[kind];
      if (!body) continue;
      const binding = SNIPPET_BINDINGS[`${entry.id}/${kind}`];
      const defaults = entryDefaults(entry);
      const stops: Record<string, string> = {};
      for (const p of entry.params) {
        const d = stopDefault(body, p.name);
        if (d !== undefined) stops[p.name] = d;
      }
      const importsOf = codeFor(entry, kind, {}).split('\n\n')[0];
      const plain = snippetDefaults(body);
      const snippetCode = importsOf.startsWith('import') || importsOf.startsWith('from') ? `${importsOf}\n\n${plain}` : plain;
      const variants: Array<[RunVariant, string, Record<string, unknown>, Record<string, string>]> = [
        ['snippet', snippetCode, defaults, stops],
      ];
      const pgDefault = codeFor(entry, kind, defaults as never);
      if (pgDefault !== snippetCode) variants.push(['playground-default', pgDefault, defaults, {}]);
      const changed = changedParams(entry, body, binding);
      if (changed) variants.push(['playground-changed', codeFor(entry, kind, changed as never), changed, {}]);
      const inputSets = inputSetsFor(entry, binding?.golden, binding?.skipExample);
      for (const [name, inputs] of Object.entries(SNIPPET_PROBES[entry.id] ?? {})) inputSets.push([name, inputs]);
      for (const [variant, code, params, stopDefaults] of variants) {
        for (const [inputSet, inputs] of inputSets) {
          const names = entry.inputs.map((i) => i.name).filter((n) => n in inputs);
          const noCompare = !isComputable(entry.id) ? 'no computeLoss kernel' : binding?.noCompare;
          runs.push({
            key: `${entry.id}/${kind}/${variant}/${inputSet}`,
            id: entry.id,
            kind,
            variant,
            code,
            hash: hashCode(code),
            params: { ...params, ...(binding?.params ?? {}) },
            stopDefaults,
            inputSet,
            inputs,
            integer: integerInputs(entry, inputs),
            bind: bindFor(entry, body, binding, names),
            ...(binding?.call ? { call: binding.call } : {}),
            ...(binding?.setup ? { setup: binding.setup } : {}),
            ...(binding?.rewrite ? { rewrite: binding.rewrite } : {}),
            ...(noCompare ? { noCompare } : {}),
          });
        }
      }
    }
  }
  return runs;
}

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');
let goldenCache: Map<string, Array<{ name: string; inputs: Record<string, Tensor> }>> | undefined;

/** The golden fixtures' cases by entry id (inputs made by the family scripts from a fixed seed). */
function golden(): Map<string, Array<{ name: string; inputs: Record<string, Tensor> }>> {
  if (goldenCache) return goldenCache;
  goldenCache = new Map();
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json')).sort()) {
    const { cases } = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { cases: Array<{ id: string; name: string; inputs: Record<string, Encoded> }> };
    for (const c of cases) {
      const list = goldenCache.get(c.id) ?? [];
      list.push({ name: c.name, inputs: decode(c.inputs) as Record<string, Tensor> });
      goldenCache.set(c.id, list);
    }
  }
  return goldenCache;
}

/**
 * The input sets an entry's snippets run on: the first golden case that leaves out the optional
 * inputs, the playground's seeded example when the core accepts it, and the entry's probes.
 */
export function inputSetsFor(entry: LossEntry, goldenName?: string, skipExample = false): Array<[string, Record<string, Tensor>]> {
  const sets: Array<[string, Record<string, Tensor>]> = [];
  const optional = new Set(entry.inputs.filter((i) => i.optional).map((i) => i.name));
  const cases = golden().get(entry.id) ?? [];
  const first = goldenName ? cases.find((c) => c.name.includes(goldenName)) : cases.find((c) => Object.keys(c.inputs).every((k) => !optional.has(k))) ?? cases[0];
  if (first) sets.push([`golden: ${first.name}`, first.inputs]);
  const ex = Object.fromEntries(Object.entries(exampleInputs(entry, 7)).map(([k, v]) => [k, toNested(v)]));
  let valid = true;
  try {
    if (isComputable(entry.id)) computeLoss(entry.id, ex, {});
  } catch {
    valid = false;
  }
  if (valid && !skipExample) sets.push(['example', ex]);
  for (const [name, inputs] of Object.entries(SNIPPET_PROBES[entry.id] ?? {})) sets.push([`probe: ${name}`, inputs]);
  return sets;
}

const flat = (t: Tensor): number[] => (Array.isArray(t) ? t.flatMap(flat) : [t]);

/** Inputs that are integer data: flagged so in the catalog, or index-valued inputs whose values are all integers. */
function integerInputs(entry: LossEntry, inputs: Record<string, Tensor>): string[] {
  return entry.inputs
    .filter((i) => i.name in inputs)
    .filter((i) => i.integer || (/class ind/i.test(i.domain.en + i.shape) && flat(inputs[i.name]).every((v) => Number.isInteger(v))))
    .map((i) => i.name);
}

if (require.main === module) {
  process.stdout.write(JSON.stringify({ runs: snippetRuns() }) + '\n');
}
