import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LIMITS, parseHostMessage, parsePrefill, parseWebviewMessage } from '../../../src/extension/protocol';

describe('playground protocol validators', () => {
  describe('webview -> host', () => {
    it('accepts every well-formed message', () => {
      const good: unknown[] = [
        { type: 'ready' },
        { type: 'insertCode', code: 'loss = F.mse_loss(a, b)', lossId: 'mse-loss', framework: 'torch', params: { reduction: 'sum', delta: 1.5, full: true, weight: null } },
        { type: 'copy', text: 'x' },
        { type: 'openExternal', url: 'https://arxiv.org/abs/1708.02002' },
        { type: 'log', level: 'warn', message: 'hi' },
        { type: 'rejected', reason: 'bad' },
        { type: 'state', id: 3, state: { anything: [1, 2] }, summary: '{}' },
      ];
      for (const m of good) {
        const r = parseWebviewMessage(m);
        assert.ok(r.ok, `${JSON.stringify(m)}: ${r.ok ? '' : r.error}`);
        assert.deepEqual(r.value, m);
      }
    });

    it('rejects malformed messages with a reason naming the field', () => {
      const cases: Array<[unknown, RegExp]> = [
        [null, /expected an object/],
        ['ready', /expected an object/],
        [[{ type: 'ready' }], /expected an object/],
        [{}, /missing string field "type"/],
        [{ type: 42 }, /missing string field "type"/],
        [{ type: 'nope' }, /unknown type/],
        [{ type: 'ready', extra: 1 }, /unexpected field extra/],
        [{ type: 'insertCode', code: 1, lossId: 'x', framework: 'torch', params: {} }, /code: expected a string/],
        [{ type: 'insertCode', code: 'c', lossId: 'x', framework: 'pytorch', params: {} }, /framework: expected one of/],
        [{ type: 'insertCode', code: 'c', lossId: 'x', framework: 'torch', params: { a: [1] } }, /params\.a/],
        [{ type: 'insertCode', code: 'c', lossId: 'x', framework: 'torch', params: { a: NaN } }, /params\.a/],
        [{ type: 'insertCode', code: 'c', lossId: 'x'.repeat(LIMITS.id + 1), framework: 'torch', params: {} }, /lossId: string longer/],
        [{ type: 'openExternal', url: 'http://example.com' }, /only https/],
        [{ type: 'openExternal', url: 'javascript:alert(1)' }, /only https/],
        [{ type: 'openExternal', url: 'command:workbench.action.quit' }, /only https/],
        [{ type: 'log', level: 'debug', message: 'x' }, /level: expected one of/],
        [{ type: 'state', id: 1.5, state: null, summary: '' }, /id: expected an integer/],
        [{ type: 'copy', text: 'x'.repeat(LIMITS.text + 1) }, /text: string longer/],
      ];
      for (const [m, re] of cases) {
        const r = parseWebviewMessage(m);
        assert.equal(r.ok, false, JSON.stringify(m)?.slice(0, 80));
        if (!r.ok) assert.match(r.error, re);
      }
    });

    it('rejects prototype-polluting keys', () => {
      const m = JSON.parse('{"type":"insertCode","code":"c","lossId":"x","framework":"torch","params":{"__proto__":{"polluted":1}}}');
      const r = parseWebviewMessage(m);
      assert.equal(r.ok, false);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('survives hostile objects (throwing getters, proxies) without throwing', () => {
      const getter = { get type() { throw new Error('boom'); } };
      const r1 = parseWebviewMessage(getter);
      assert.equal(r1.ok, false);
      const proxy = new Proxy({}, { ownKeys() { throw new Error('trap'); }, get(_t, k) { return k === 'type' ? 'ready' : undefined; } });
      const r2 = parseWebviewMessage(proxy);
      assert.equal(r2.ok, false);
    });

    it('never throws on arbitrary junk (fast-check)', () => {
      fc.assert(
        fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), (x) => {
          const r = parseWebviewMessage(x);
          assert.equal(typeof r.ok, 'boolean');
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws on junk with a known type (fast-check)', () => {
      const types = fc.constantFrom('ready', 'insertCode', 'copy', 'openExternal', 'log', 'rejected', 'state');
      fc.assert(
        fc.property(types, fc.dictionary(fc.string(), fc.anything()), (type, rest) => {
          const r = parseWebviewMessage({ ...rest, type });
          assert.equal(typeof r.ok, 'boolean');
          if (r.ok) assert.equal(r.value.type, type);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('host -> webview', () => {
    it('accepts every well-formed message', () => {
      const good: unknown[] = [
        { type: 'init', language: 'zh', view: 'playground' },
        { type: 'init', language: 'en', view: 'reference', prefill: { lossId: 'huber-loss', params: { delta: 2 }, inputs: { input: [1, 2], target: [[0], [1]] } } },
        { type: 'prefill', view: 'guide', prefill: {} },
        { type: 'inserted', ok: true, detail: 'a.py' },
        { type: 'copied', ok: false },
        { type: 'requestState', id: 7 },
      ];
      for (const m of good) {
        const r = parseHostMessage(m);
        assert.ok(r.ok, `${JSON.stringify(m)}: ${r.ok ? '' : r.error}`);
        assert.deepEqual(r.value, m);
      }
    });

    it('rejects malformed messages', () => {
      const bad: Array<[unknown, RegExp]> = [
        [{ type: 'init', language: 'fr', view: 'playground' }, /language/],
        [{ type: 'init', language: 'en', view: 'hover' }, /view/],
        [{ type: 'prefill', view: 'playground', prefill: { lossId: 3 } }, /lossId/],
        [{ type: 'prefill', view: 'playground', prefill: { inputs: { input: ['1'] } } }, /inputs\.input/],
        [{ type: 'prefill', view: 'playground', prefill: { inputs: { input: [[[[[1]]]]] } } }, /deeper/],
        [{ type: 'prefill', view: 'playground', prefill: { bogus: 1 } }, /unknown field bogus/],
        [{ type: 'requestState' }, /id/],
        [{ type: 'inserted', ok: 'yes', detail: '' }, /ok: expected true or false/],
        [{ type: 'ready' }, /unknown type/],
      ];
      for (const [m, re] of bad) {
        const r = parseHostMessage(m);
        assert.equal(r.ok, false, JSON.stringify(m));
        if (!r.ok) assert.match(r.error, re);
      }
    });

    it('caps the size of prefilled tensors', () => {
      const big = new Array(LIMITS.tensorElements + 1).fill(0);
      const r = parseHostMessage({ type: 'prefill', view: 'playground', prefill: { inputs: { input: big } } });
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.error, /more than/);
    });

    it('never throws on arbitrary junk (fast-check)', () => {
      fc.assert(
        fc.property(fc.anything({ withBigInt: true, withTypedArray: true, withNullPrototype: true }), (x) => {
          assert.equal(typeof parseHostMessage(x).ok, 'boolean');
          assert.equal(typeof parseHostMessage({ type: 'prefill', view: 'playground', prefill: x }).ok, 'boolean');
        }),
        { numRuns: 2000 },
      );
    });
  });

  it('parsePrefill throws a readable error on junk (the host logs it and ignores the args)', () => {
    assert.throws(() => parsePrefill(5), /prefill: expected an object/);
    assert.deepEqual(parsePrefill(undefined), {});
    assert.deepEqual(parsePrefill({ lossId: 'mse-loss' }), { lossId: 'mse-loss' });
  });
});
