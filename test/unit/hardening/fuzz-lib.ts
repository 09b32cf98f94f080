/**
 * Shared fuzzing pieces for the hardening tests (a few thousand cases in CI, under
 * test/unit/hardening) and the long run (`npm run fuzz`, scripts/fuzz.ts): generators
 * of hostile input and checkers that return the contract violations they see (an
 * empty list when the code under test behaved).
 *
 * Contracts checked:
 * - `parseSelection` never throws and returns `{ ok: true, arrays }` whose every
 *   tensor holds exactly prod(shape) numbers, or `{ ok: false, error, line, column }`
 *   with a non-empty message and a position inside the text.
 * - `parseHostMessage` / `parseWebviewMessage` never throw and return
 *   `{ ok: true, value }` (a message of a known type that validates again to itself)
 *   or `{ ok: false, error }` with a non-empty reason.
 * - `computeLoss` returns a result or throws `LossInputError`, nothing else; on input
 *   it accepts, with finite data, the value is not NaN.
 */
import { decode, type Encoded } from '../support/fixtures';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseHostMessage, parseWebviewMessage, type Parsed } from '../../../src/extension/protocol';
import { computeLoss, isComputable, LOSSES, LossInputError, type LossEntry, type LossResult, type Tensor, type TypedTensor } from '../../../src/losses';
import { parseSelection, type SelectionParse } from '../../../src/losses/selection';

// ---- selection parser --------------------------------------------------------

/** Pieces of what people select, and of what breaks parsers, joined at random. */
const TOKENS = [
  '[', ']', '(', ')', '{', '}', '<', '>', ',', ',', ';', ':', '=', ' ', ' ', '\t', '\n', '\r\n', '#', '"', "'",
  '0', '1', '2', '-3', '+4', '0.5', '-1.25e-3', '1e308', '1e-400', '1e400', '.5', '5.', '12345678901234567890',
  'nan', 'NaN', 'inf', '-inf', 'Infinity', 'infinity', '...', '\u2026', 'e', 'e5', '_', '.',
  'tensor(', 'array(', 'np.array(', 'torch.tensor(', 'Parameter containing:\n', 'dtype=int64', 'dtype=torch.float32',
  ', dtype=float32)', 'requires_grad=True', 'grad_fn=<AddBackward0>', '<tf.Tensor: shape=(2,), dtype=float32, numpy=',
  'numpy=', 'pred', 'target', 'x = ', 'y: ', '"a": ', "'b': ", 'a b', 'foo', '==',
  '\u0000', '\ud800', '\udfff', '\ud83d\ude00', '\u00a0', '\u2028', '\ufeff', '{pos}',
];

/** Grammar-aware soup: tokens of the formats in random order (finds structural bugs fast). */
export const tokenSoup = (maxTokens = 40): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...TOKENS), { maxLength: maxTokens }).map((t) => t.join(''));

/** Nested lists with random depth and lengths (including empty and ragged ones). */
export const nestedListText = (): fc.Arbitrary<string> => {
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('1', '-2.5', '3e2', 'nan', '7'),
      fc.array(tie('tree'), { maxLength: 4 }).chain((xs) => fc.constantFrom(`[${xs.join(', ')}]`, `(${xs.join(',')})`, `[${xs.join(' ')}]`)),
    ),
  }));
  return tree;
};

/** Any text: grammar soup, nested lists, arbitrary UTF-16 (lone surrogates included), mutations of valid text. */
export const selectionText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: tokenSoup(), weight: 4 },
    { arbitrary: nestedListText(), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 120 }), weight: 2 },
    { arbitrary: fc.string({ unit: fc.constantFrom('[', ']', ',', '1', ' ', '\n', '(', ')', '-', '.', 'e'), maxLength: 80 }), weight: 2 },
    {
      arbitrary: fc.tuple(nestedListText(), fc.nat(), fc.constantFrom(...TOKENS)).map(([s, at, t]) => {
        const k = s.length ? at % s.length : 0;
        return s.slice(0, k) + t + s.slice(k);
      }),
      weight: 2,
    },
  );

export interface Violation {
  kind: string;
  detail: string;
}

/**
 * Known bugs of src/losses/selection.ts that the CI fuzz tolerates (their exact symptom
 * only) while a pinned test in selection-bugs.test.ts waits for the fix. None today:
 * BUG-SEL-1/2/3 were fixed by the owner (194919a) and their tests unskipped.
 */
export function knownSelectionBug(_text: string, _v: Violation): string | undefined {
  return undefined;
}

function lineCount(s: string): number {
  let n = 1;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

/** Checks one parse of `text`; returns the violations (empty when the contract held). */
export function checkSelection(text: string, maxNumbers?: number): { result?: SelectionParse; violations: Violation[] } {
  const violations: Violation[] = [];
  let r: SelectionParse;
  try {
    r = parseSelection(text, maxNumbers === undefined ? {} : { maxNumbers });
  } catch (e) {
    return { violations: [{ kind: 'threw', detail: String(e) }] };
  }
  if (r === null || typeof r !== 'object' || typeof r.ok !== 'boolean') return { violations: [{ kind: 'result-shape', detail: JSON.stringify(r) }] };
  if (r.ok) {
    if (!Array.isArray(r.arrays) || r.arrays.length === 0) violations.push({ kind: 'result-shape', detail: 'ok without arrays' });
    let total = 0;
    for (const a of r.arrays) {
      const { shape, data } = a.tensor;
      if (!(data instanceof Float64Array) || !Array.isArray(shape)) {
        violations.push({ kind: 'result-shape', detail: 'tensor is not { shape, Float64Array }' });
        continue;
      }
      total += data.length;
      if (shape.some((d) => !Number.isInteger(d) || d < 0)) violations.push({ kind: 'bad-shape', detail: JSON.stringify(shape) });
      const n = shape.reduce((x, y) => x * y, 1);
      if (n !== data.length) violations.push({ kind: 'shape-data-mismatch', detail: `shape ${JSON.stringify(shape)} with ${data.length} numbers` });
      if (!Number.isInteger(a.line) || a.line < 1 || a.line > lineCount(text)) violations.push({ kind: 'bad-line', detail: `line ${a.line}` });
      if (typeof a.integer !== 'boolean') violations.push({ kind: 'result-shape', detail: 'integer is not boolean' });
      if (a.name !== undefined && typeof a.name !== 'string') violations.push({ kind: 'result-shape', detail: 'name is not a string' });
    }
    if (maxNumbers !== undefined && total > maxNumbers) violations.push({ kind: 'cap-ignored', detail: `${total} numbers > cap ${maxNumbers}` });
  } else {
    if (typeof r.error !== 'string' || r.error.length === 0) violations.push({ kind: 'empty-error', detail: JSON.stringify(r) });
    const lines = lineCount(text);
    if (!Number.isInteger(r.line) || r.line < 1 || r.line > lines) violations.push({ kind: 'bad-position', detail: `line ${r.line} of ${lines}` });
    if (!Number.isInteger(r.column) || r.column < 1) violations.push({ kind: 'bad-position', detail: `column ${r.column}` });
    if (r.error.includes('{pos}')) violations.push({ kind: 'unfilled-position', detail: r.error.slice(0, 200) });
  }
  return { result: r, violations };
}

// ---- host <-> webview message validators --------------------------------------

const HOST_TYPES = ['init', 'prefill', 'inserted', 'copied', 'requestState'] as const;
const WEBVIEW_TYPES = ['ready', 'insertCode', 'copy', 'openExternal', 'log', 'rejected', 'state'] as const;
const FIELDS = ['type', 'language', 'view', 'prefill', 'ok', 'detail', 'id', 'code', 'lossId', 'framework', 'params', 'text', 'url', 'level', 'message', 'reason', 'state', 'summary', 'inputs', '__proto__', 'constructor'];

/** Objects no structured clone produces, but a validator that "never throws" must survive. */
export const HOSTILE_OBJECTS: ReadonlyArray<() => unknown> = Array.from({ length: 16 }, (_, k) =>
  Object.defineProperty(() => hostileObjects()[k], 'name', { value: `hostile object #${k}` }),
);

function hostileObjects(): unknown[] {
  const nullProto = Object.create(null) as Record<string, unknown>;
  const badString = { toString: () => { throw new Error('toString'); } };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  const cyclicObj: Record<string, unknown> = { type: 'prefill', view: 'playground' };
  cyclicObj.prefill = { inputs: { a: cyclic } };
  return [
    { get type() { throw new Error('getter'); } },
    { type: 'copy', get text() { throw new TypeError('getter'); } },
    revoked.proxy,
    new Proxy({}, { ownKeys() { throw new Error('ownKeys'); } }),
    new Proxy([], { get() { throw new Error('get'); } }),
    { type: 'prefill', view: 'playground', prefill: { inputs: { a: cyclic } } },
    cyclicObj,
    { type: 'insertCode', code: 'c', lossId: 'x', framework: 'torch', params: nullProto },
    { type: badString },
    { type: 'copy', text: badString },
    Object.assign(Object.create({ type: 'ready' }) as object, {}),
    { type: 'requestState', id: 2 ** 53 },
    { type: 'openExternal', url: 'https://a b' },
    { type: 'openExternal', url: 'https://x\u2028y' },
    { get type(): string { throw Object.create(null); } },
    { type: 'log', level: 'info', get message(): string { throw badString; } },
  ];
}

/** Message-like records: a known type, some known fields, values of any kind. */
export const messageLike = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withDate: true }),
    fc.record({
      type: fc.constantFrom<string>(...HOST_TYPES, ...WEBVIEW_TYPES),
      rest: fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.anything({ withNullPrototype: true }), fc.constantFrom('en', 'zh', 'playground', 'torch', 'info', 'https://x.org'), fc.boolean(), fc.integer())),
    }).map(({ type, rest }) => ({ ...rest, type })),
    // Thunks, called by checkMessage: fast-check itself cannot hold a revoked proxy.
    fc.constantFrom(...HOSTILE_OBJECTS),
  );

function checkParsed(x: unknown, which: 'host' | 'webview', parse: (x: unknown) => Parsed<unknown>): Violation[] {
  let r: Parsed<unknown>;
  try {
    r = parse(x);
  } catch (e) {
    let shown: string;
    try {
      shown = String(e);
    } catch {
      shown = Object.prototype.toString.call(e);
    }
    return [{ kind: `${which}-threw`, detail: shown }];
  }
  if (r === null || typeof r !== 'object' || typeof r.ok !== 'boolean') return [{ kind: `${which}-result-shape`, detail: String(r) }];
  if (!r.ok) return typeof r.error === 'string' && r.error.length > 0 ? [] : [{ kind: `${which}-empty-error`, detail: '' }];
  const v = r.value as { type?: unknown };
  const types: readonly string[] = which === 'host' ? HOST_TYPES : WEBVIEW_TYPES;
  if (typeof v?.type !== 'string' || !types.includes(v.type)) return [{ kind: `${which}-unknown-type-accepted`, detail: String(v?.type) }];
  // What was accepted must validate again, to the same value (the output is plain data).
  const again = parse(v);
  if (!again.ok || !isDeepStrictEqual(again.value, v)) return [{ kind: `${which}-not-idempotent`, detail: again.ok ? 'different value' : again.error }];
  return [];
}

export function checkMessage(m: unknown): Violation[] {
  const x = typeof m === 'function' && HOSTILE_OBJECTS.includes(m as () => unknown) ? (m as () => unknown)() : m;
  return [...checkParsed(x, 'host', parseHostMessage), ...checkParsed(x, 'webview', parseWebviewMessage)];
}

/**
 * Known bugs (owner: playground, src/extension/protocol.ts), pinned by skipped tests in
 * protocol-bugs.test.ts.
 */
export function knownMessageBug(v: Violation): string | undefined {
  // BUG-PROTO-1: the validators' catch-all formats what was thrown with String(e), which
  // itself throws for a thrown null-prototype object or an object whose toString throws.
  if (v.kind.endsWith('-threw') && /Cannot convert object to primitive value|toString/.test(v.detail)) return 'BUG-PROTO-1 String(e) in the catch-all';
  return undefined;
}

// ---- computeLoss ----------------------------------------------------------------

export const COMPUTABLE: readonly LossEntry[] = LOSSES.filter((e) => isComputable(e.id));

const finiteOrNot = fc.oneof(
  { arbitrary: fc.double({ min: -10, max: 10, noNaN: true }), weight: 6 },
  { arbitrary: fc.integer({ min: -3, max: 5 }), weight: 4 },
  { arbitrary: fc.constantFrom(0, 1, -1, 1e4, -1e4, 1e308, -1e308, 5e-324, NaN, Infinity, -Infinity, -0), weight: 2 },
);

/** Nested arrays of numbers up to 3-D, rectangular or ragged, sometimes with junk leaves. */
const garbageTensor: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: finiteOrNot, weight: 2 },
  { arbitrary: fc.array(finiteOrNot, { maxLength: 6 }), weight: 4 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 5 }))
      .chain(([n, c]) => fc.array(fc.array(finiteOrNot, { minLength: c, maxLength: c }), { minLength: n, maxLength: n })),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }))
      .chain(([n, c, d]) => fc.array(fc.array(fc.array(finiteOrNot, { minLength: d, maxLength: d }), { minLength: c, maxLength: c }), { minLength: n, maxLength: n })),
    weight: 2,
  },
  { arbitrary: fc.array(fc.oneof(finiteOrNot, fc.array(finiteOrNot, { maxLength: 3 })), { maxLength: 4 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 3 }), fc.array(finiteOrNot, { maxLength: 12 }))
      .map(([shape, data]) => ({ shape, data: Float64Array.from(data) })),
    weight: 1,
  },
  { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
);

const garbageParam: fc.Arbitrary<unknown> = fc.oneof(
  finiteOrNot,
  fc.constantFrom('mean', 'sum', 'none', 'batchmean', 'bogus', '', true, false, null, undefined),
  garbageTensor,
);

/** An entry id, inputs under its names (plus sometimes a stray name), params under its names. */
export const lossCall = (): fc.Arbitrary<{ id: string; inputs: Record<string, unknown>; params: Record<string, unknown> }> =>
  fc.constantFrom(...COMPUTABLE).chain((e) =>
    fc.record({
      id: fc.constant(e.id),
      inputs: fc
        .tuple(
          fc.record(Object.fromEntries(e.inputs.map((i) => [i.name, garbageTensor])) as Record<string, fc.Arbitrary<unknown>>, {
            requiredKeys: e.inputs.filter((i) => !i.optional).map((i) => i.name),
          }),
          fc.option(fc.tuple(fc.constantFrom('bogus', 'y_pred', 'input', 'target', '__proto__'), garbageTensor), { freq: 8, nil: undefined }),
        )
        .map(([rec, stray]) => (stray ? { ...rec, [stray[0]]: stray[1] } : rec)),
      params: e.params.length ? fc.record(Object.fromEntries(e.params.map((p) => [p.name, garbageParam])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] }) : fc.constant({}),
    }),
  );

function hasNaN(t: Tensor): boolean {
  if (typeof t === 'number') return Number.isNaN(t);
  return t.some(hasNaN);
}

function isTensorValue(t: unknown): boolean {
  if (typeof t === 'number') return true;
  return Array.isArray(t) && t.every(isTensorValue);
}

function consistent(t: TypedTensor | undefined): boolean {
  return !!t && t.data instanceof Float64Array && Array.isArray(t.shape) && t.shape.reduce((a, b) => a * b, 1) === t.data.length;
}

/** The LossResult is well formed: value numbers only, elements/contributions/grad with matching shape and data. */
export function checkResult(id: string, r: LossResult): Violation[] {
  if (r === null || typeof r !== 'object' || !isTensorValue(r.value)) return [{ kind: 'loss-result-shape', detail: `${id}: value ${String(r?.value)}` }];
  if (!consistent(r.elements) || !consistent(r.contributions) || !consistent(r.grad)) return [{ kind: 'loss-result-shape', detail: `${id}: elements/contributions/grad shape and data disagree` }];
  return [];
}

/** Known open bugs in kernels, pinned by skipped tests in compute-fuzz.test.ts (none open now). */
export function knownLossBug(_v: Violation): string | undefined {
  return undefined;
}

/** computeLoss on anything: a result or a LossInputError (with a message), nothing else. */
export function checkLossCall(id: string, inputs: Record<string, unknown>, params: Record<string, unknown>): Violation[] {
  try {
    const r = computeLoss(id, inputs as Record<string, Tensor>, params);
    return checkResult(id, r);
  } catch (e) {
    if (e instanceof LossInputError) return e.message.length > 0 ? [] : [{ kind: 'loss-empty-message', detail: id }];
    return [{ kind: 'loss-threw-other', detail: `${id}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` }];
  }
}

// ---- finite valid data from the golden fixtures ------------------------------------

/** The fixtures' JSON: non-finite numbers written as strings. */
export { decode, type Encoded };

export interface FixtureCase {
  file: string;
  id: string;
  name: string;
  inputs: Record<string, Tensor>;
  params: Record<string, unknown>;
  value: Tensor;
}

function allFinite(t: unknown): boolean {
  if (typeof t === 'number') return Number.isFinite(t);
  if (Array.isArray(t)) return t.every(allFinite);
  return true;
}

/** Golden cases whose inputs are finite and whose PyTorch value has no NaN: templates of valid input. */
export function finiteTemplates(): FixtureCase[] {
  const dir = join(__dirname, '..', '..', 'fixtures');
  const out: FixtureCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const { cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: Array<{ id: string; name: string; inputs: Encoded; params: Encoded; value: Encoded }> };
    for (const c of cases) {
      const inputs = decode(c.inputs) as Record<string, Tensor>;
      const value = decode(c.value) as Tensor;
      if (!isComputable(c.id) || !Object.values(inputs).every(allFinite) || hasNaN(value)) continue;
      out.push({ file, id: c.id, name: c.name, inputs, params: decode(c.params) as Record<string, unknown>, value });
    }
  }
  return out;
}

function isIntegerTensor(t: Tensor): boolean {
  return typeof t === 'number' ? Number.isInteger(t) : t.every(isIntegerTensor);
}

function mapTensor(t: Tensor, f: (x: number) => number): Tensor {
  return typeof t === 'number' ? f(t) : t.map((x) => mapTensor(x, f));
}

/**
 * A fixture case with its real-valued inputs moved (scaled, shifted, jittered and, with
 * `edges`, single elements swapped for 0, ±1, ±1e4, 1e-300); integer inputs (indices,
 * lengths, labels) kept. The result is either
 * rejected with LossInputError (the move left the domain) or must not hold NaN.
 */
export const perturbedCase = (
  templates: readonly FixtureCase[],
  edges = true,
): fc.Arbitrary<{ c: FixtureCase; inputs: Record<string, Tensor> }> =>
  fc.constantFrom(...templates).chain((c) =>
    fc
      .record({
        scale: fc.constantFrom(1, 1, 0.5, 2, 10, 100, 1e4, -1, 1e-6),
        shift: fc.constantFrom(0, 0, 0, 1e-3, -1e-3, 0.5),
        // some cases also swap single elements for edge values (0, ±1, ±1e4, tiny, huge)
        swap: edges ? fc.constantFrom(0, 0, 0.1, 0.5) : fc.constant(0),
        seed: fc.integer(),
      })
      .map(({ scale, shift, swap, seed }) => {
        let s = seed >>> 0;
        const rnd = () => {
          s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
          return s / 4294967296;
        };
        const EDGE = [0, 1, -1, 1e4, -1e4, 1e-300, 0.5]; // within the contract's range (|x| up to 1e4)
        const move = (x: number) => (rnd() < swap ? EDGE[Math.floor(rnd() * EDGE.length)] : x * scale + shift + (rnd() - 0.5) * 1e-3);
        const inputs: Record<string, Tensor> = {};
        for (const [k, v] of Object.entries(c.inputs)) inputs[k] = isIntegerTensor(v) ? v : mapTensor(v, move);
        return { c, inputs };
      }),
  );

/** Runs a perturbed case: violations are other exception types, and NaN values on accepted input. */
export function checkPerturbed(c: FixtureCase, inputs: Record<string, Tensor>): Violation[] {
  try {
    const r = computeLoss(c.id, inputs, c.params);
    if (hasNaN(r.value)) return [{ kind: 'silent-nan', detail: c.id }];
    return checkResult(c.id, r);
  } catch (e) {
    if (e instanceof LossInputError) return [];
    return [{ kind: 'loss-threw-other', detail: `${c.id} (${c.name}): ${String(e)}` }];
  }
}
