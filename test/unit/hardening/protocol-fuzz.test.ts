/**
 * Hardening of the host <-> webview message validators (src/extension/protocol.ts):
 * a few thousand fuzz cases (the long run is `npm run fuzz`), hostile objects, and the
 * bugs found, pinned for the owner (the playground engineer, still at work on it).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LIMITS, parseHostMessage, parseWebviewMessage } from '../../../src/extension/protocol';
import { checkMessage, HOSTILE_OBJECTS, knownMessageBug, messageLike } from './fuzz-lib';

const RUNS = Number(process.env.FUZZ_CI_RUNS ?? 2000);

describe('hardening: message validator fuzz', () => {
  it(`never throw; accept only known types, as plain data that validates again to itself (${RUNS} cases)`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(messageLike(), (x) => {
        const v = checkMessage(x).filter((e) => !knownMessageBug(e));
        assert.deepEqual(v, []);
      }),
      { numRuns: RUNS },
    );
  });

  it('survive every hostile object (getters that throw, proxies, revoked proxies, cycles)', () => {
    HOSTILE_OBJECTS.forEach((make, k) => {
      const v = checkMessage(make).filter((e) => !knownMessageBug(e));
      assert.deepEqual(v, [], `hostile object ${k}`);
    });
  });

  it('well-formed messages with arbitrary field contents are accepted unchanged', function () {
    this.timeout(60_000);
    const NP = { noNullPrototype: true } as const;
    const text = fc.string({ unit: 'binary', maxLength: 50 });
    const param = fc.oneof(fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.string({ maxLength: LIMITS.id }));
    const params = fc.dictionary(fc.string({ maxLength: 10 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), param, { maxKeys: 10, noNullPrototype: true });
    const webview = fc.oneof(
      fc.record({ type: fc.constant('copy'), text }, NP),
      fc.record({ type: fc.constant('log'), level: fc.constantFrom('info', 'warn', 'error'), message: text }, NP),
      fc.record({ type: fc.constant('insertCode'), code: text, lossId: fc.string({ maxLength: 30 }), framework: fc.constantFrom('torch', 'tf', 'jax', 'scratch'), params }, NP),
      fc.record({ type: fc.constant('state'), id: fc.maxSafeInteger(), state: fc.jsonValue(), summary: text }, NP),
    );
    const host = fc.oneof(
      fc.record({ type: fc.constant('inserted'), ok: fc.boolean(), detail: text }, NP),
      fc.record({ type: fc.constant('requestState'), id: fc.integer() }, NP),
      fc.record({
        type: fc.constant('prefill'),
        view: fc.constantFrom('playground', 'reference', 'guide'),
        prefill: fc.record({ lossId: fc.string({ maxLength: 20 }), params, inputs: fc.dictionary(fc.constantFrom('input', 'target', 'weight'), fc.array(fc.array(fc.double(), { maxLength: 3 }), { maxLength: 3 }), { noNullPrototype: true }) }, { requiredKeys: [], noNullPrototype: true }),
      }, NP),
    );
    fc.assert(
      fc.property(webview, (m) => {
        const r = parseWebviewMessage(m);
        assert.ok(r.ok, r.ok ? '' : r.error);
        assert.deepEqual(r.value, m);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(host, (m) => {
        const r = parseHostMessage(m);
        assert.ok(r.ok, r.ok ? '' : r.error);
        assert.deepEqual(r.value, m);
      }),
      { numRuns: 500 },
    );
  });

  it('huge and deep payloads are rejected quickly with the limit named', function () {
    this.timeout(60_000);
    const deep: unknown[] = [];
    let cur = deep;
    for (let i = 0; i < 1e5; i++) {
      const next: unknown[] = [];
      cur.push(next);
      cur = next;
    }
    const r1 = parseHostMessage({ type: 'prefill', view: 'playground', prefill: { inputs: { input: deep } } });
    assert.deepEqual(r1, { ok: false, error: `inputs.input: nested deeper than ${LIMITS.tensorDepth} levels` });
    const r2 = parseWebviewMessage({ type: 'copy', text: 'x'.repeat(LIMITS.text + 1) });
    assert.deepEqual(r2, { ok: false, error: `text: string longer than ${LIMITS.text}` });
    const many = Object.fromEntries(Array.from({ length: LIMITS.entries + 1 }, (_, i) => [`k${i}`, 1]));
    const r3 = parseWebviewMessage({ type: 'insertCode', code: '', lossId: 'x', framework: 'torch', params: many });
    assert.deepEqual(r3, { ok: false, error: `params: too many keys (${LIMITS.entries + 1})` });
    const r4 = parseHostMessage({ type: 'prefill', view: 'playground', prefill: { inputs: { input: new Array(LIMITS.tensorElements + 1).fill(0) } } });
    assert.deepEqual(r4, { ok: false, error: `inputs.input: more than ${LIMITS.tensorElements} numbers` });
  });
});

describe('hardening: message validator bugs (pinned for the owner)', () => {
  // BUG-PROTO-1 (src/extension/protocol.ts, guard()): the catch-all formats what was
  // thrown with `String(e)`, which itself throws for a null-prototype object or an
  // object whose toString throws, so parseHostMessage / parseWebviewMessage — documented
  // "Never throws" — throw a TypeError out of the validator. (Structured clone cannot
  // carry a getter, so a real postMessage cannot trigger it; a direct caller can.)
  // Fix: format inside a try, e.g. `(() => { try { return String(e); } catch { return 'unprintable'; } })()`.
  it.skip('BUG-PROTO-1: a getter that throws Object.create(null) gives { ok: false }, not a TypeError', () => {
    const nullProto = Object.create(null) as object;
    const badToString = { toString: () => { throw new Error('no'); } };
    for (const thrown of [nullProto, badToString]) {
      const m = { get type(): string { throw thrown; } };
      assert.doesNotThrow(() => parseHostMessage(m));
      assert.doesNotThrow(() => parseWebviewMessage(m));
      const r = parseWebviewMessage(m);
      assert.equal(r.ok, false);
      assert.match((r as { error: string }).error, /^message: unreadable/);
    }
  });

  // BUG-PROTO-2 (minor; src/extension/protocol.ts, tensor()): LIMITS.tensorElements
  // counts numbers only, so an input of millions of empty arrays (`[[], [], ...]`, which
  // holds no number) passes the validator whole and is copied: 2e6 empty lists are
  // accepted (~0.2 s). Count arrays too (or bound the total of visited nodes).
  it.skip('BUG-PROTO-2: more than LIMITS.tensorElements nested arrays are rejected like numbers', () => {
    const r = parseHostMessage({ type: 'prefill', view: 'playground', prefill: { inputs: { input: Array.from({ length: LIMITS.tensorElements + 1 }, () => []) } } });
    assert.equal(r.ok, false);
  });
});
