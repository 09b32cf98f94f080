/**
 * The lint as the editor runs it (src/extension/editor/lint-service.ts): a request answered with
 * lintCells' diagnostics, the project modules it carries, each unit's parses kept apart, and the
 * thread's side of the messages (what it answers to a malformed or unknown message).
 */
import { strict as assert } from 'node:assert';
import { LintService, isLintRequest, type LintRequest } from '../../../src/extension/editor/lint-service';
import { lintCells } from '../../../src/python/lint';

const TORCH = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
const DOUBLE_SOFTMAX = `${TORCH}loss = F.cross_entropy(F.softmax(logits, dim=1), y)\n`;
const request = (cells: string[], extra: Partial<LintRequest> = {}): LintRequest => ({ unit: 'file:///train.py', cells, language: 'en', modules: [], ...extra });

describe('editor: the lint service (src/extension/editor/lint-service.ts)', () => {
  it('answers a request with the diagnostics lintCells gives, in the requested language', () => {
    const service = new LintService();
    for (const language of ['en', 'zh'] as const) {
      const got = service.lint(request([DOUBLE_SOFTMAX], { language }));
      assert.deepEqual(got, lintCells([DOUBLE_SOFTMAX], { language, parseCache: null }));
      assert.deepEqual(got.map((d) => d.code), ['LA101']);
    }
    assert.match(service.lint(request([DOUBLE_SOFTMAX], { language: 'zh' }))[0].message, /[\u4e00-\u9fff]/);
  });

  it('reads the project modules the request carries (a softmax head in network.py)', () => {
    const network = `${TORCH}class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n`;
    const main = `${TORCH}from network import Net\nnet = Net()\ncriterion = nn.CrossEntropyLoss()\nloss = criterion(net(x), y)\n`;
    const service = new LintService();
    assert.deepEqual(service.lint(request([main])), []);
    const found = service.lint(request([main], { modules: [['network', network]] }));
    assert.deepEqual(found.map((d) => d.code), ['LA101']);
    assert.match(found[0].message, /module network/);
  });

  it('keeps parses per unit, and lets a forgotten unit go', () => {
    const service = new LintService();
    service.lint(request([DOUBLE_SOFTMAX], { unit: 'a' }));
    service.lint(request([DOUBLE_SOFTMAX], { unit: 'b' }));
    service.lint(request([DOUBLE_SOFTMAX], { unit: 'a' }));
    assert.equal(service.units, 2);
    service.forget('a');
    assert.equal(service.units, 1);
  });

  it('the thread side: a lint answered with its id and time, a forget unanswered', () => {
    const service = new LintService();
    let clock = 100;
    const reply = service.handle({ kind: 'lint', id: 7, request: request([DOUBLE_SOFTMAX]) }, () => (clock += 5));
    assert.equal(reply?.kind, 'linted');
    assert.equal(reply?.id, 7);
    if (reply?.kind !== 'linted') return;
    assert.equal(reply.ms, 5);
    assert.deepEqual(reply.diagnostics.map((d) => d.code), ['LA101']);
    assert.equal(service.handle({ kind: 'forget', unit: 'file:///train.py' }), undefined);
    assert.equal(service.units, 0);
  });

  it('the thread side: a malformed request or an unknown kind is answered with what was wrong; no id, no answer', () => {
    const service = new LintService();
    const bad = [
      { kind: 'lint', id: 1, request: { unit: 'u', cells: 'not an array', language: 'en', modules: [] } },
      { kind: 'lint', id: 2, request: { unit: 'u', cells: [DOUBLE_SOFTMAX], language: 'fr', modules: [] } },
      { kind: 'lint', id: 3, request: { unit: 'u', cells: [DOUBLE_SOFTMAX], language: 'en', modules: [['network']] } },
      { kind: 'lint', id: 4 },
    ];
    for (const m of bad) {
      const reply = service.handle(m);
      assert.equal(reply?.kind, 'failed', JSON.stringify(m));
      assert.equal(reply?.id, m.id);
      if (reply?.kind === 'failed') assert.match(reply.error, /malformed.*unit, cells, language and modules/);
    }
    const unknown = service.handle({ kind: 'format', id: 5 });
    assert.deepEqual(unknown, { kind: 'failed', id: 5, error: 'unknown message kind "format"' });
    for (const m of [null, 42, 'lint', { kind: 'lint' }, { kind: 'forget' }]) assert.equal(service.handle(m), undefined, JSON.stringify(m));
    assert.equal(service.units, 0);
  });

  it('isLintRequest accepts exactly the well-formed requests', () => {
    assert.ok(isLintRequest(request(['x = 1'], { modules: [['m', 'y = 2']] })));
    assert.ok(!isLintRequest({ ...request(['x']), unit: 3 }));
    assert.ok(!isLintRequest({ ...request(['x']), cells: [1] }));
    assert.ok(!isLintRequest({ ...request(['x']), modules: [['m', 2]] }));
    assert.ok(!isLintRequest({ ...request(['x']), modules: [['m', 'a', 'b']] }));
    assert.ok(!isLintRequest(undefined));
  });
});
