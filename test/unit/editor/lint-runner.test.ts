/**
 * Where the editor's lint runs (src/extension/editor/lint-runner.ts), with real worker threads:
 * the lint worker as the build bundles it (scripts/gen-assets.mjs buildWorker: the catalog's
 * structure only), a file that is no worker, and a worker that never answers.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LintRunner } from '../../../src/extension/editor/lint-runner';
import type { LintRequest } from '../../../src/extension/editor/lint-service';
import { lintThreadAt } from '../../../src/extension/platform';
import { lintCells } from '../../../src/python/lint';

type GenAssets = typeof import('../../../scripts/gen-assets.mjs');

const TORCH = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
const DOUBLE_SOFTMAX = `${TORCH}loss = F.cross_entropy(F.softmax(logits, dim=1), y)\n`;
const request = (cells: string[], unit = 'file:///train.py', language: 'en' | 'zh' = 'en'): LintRequest => ({ unit, cells, language, modules: [] });

/** The wrong and the right code of every rule in docs/lint.md, and a Keras head for LA108 (whose page example spans cells). */
function examples(): string[] {
  const md = readFileSync(join(__dirname, '../../../docs/lint.md'), 'utf8');
  return [
    ...[...md.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]),
    "from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(64, activation='relu'), keras.layers.Dense(10, activation='softmax')])\nmodel.compile(optimizer='adam', loss='binary_crossentropy')\n",
  ];
}

describe('editor: where the lint runs (src/extension/editor/lint-runner.ts), with real threads', function () {
  this.timeout(60_000);
  let dir: string;
  let workerFile: string;
  const runners: LintRunner[] = [];
  const runner = (file: string, timeoutMs?: number) => {
    const r = new LintRunner(() => lintThreadAt(file), timeoutMs);
    runners.push(r);
    return r;
  };

  before(async () => {
    const gen: GenAssets = await import('../../../scripts/gen-assets.mjs');
    dir = mkdtempSync(join(tmpdir(), 'lint-runner-'));
    workerFile = join(dir, 'lint-worker.js');
    writeFileSync(workerFile, await gen.buildWorker('lint-worker'));
  });
  afterEach(() => runners.splice(0).forEach((r) => r.dispose()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the bundled worker (the catalog's structure, not its text) gives in-process lintCells' diagnostics for every example of docs/lint.md, in both languages (every code)", async () => {
    const r = runner(workerFile);
    const all = examples();
    assert.ok(all.length >= 28, `${all.length} examples`);
    const codes = new Set<string>();
    for (const language of ['en', 'zh'] as const) {
      for (const [k, src] of all.entries()) {
        const want = lintCells([src], { language, parseCache: null });
        want.forEach((d) => codes.add(d.code));
        assert.deepEqual(await r.lint(request([src], `u${k}`, language)), want, src);
      }
    }
    assert.equal(codes.size, 14, [...codes].join(' '));
    const state = r.state();
    assert.equal(state.where, 'thread');
    assert.equal(state.threadLints, all.length * 2);
    assert.equal(state.restarts, 0);
    assert.equal(typeof state.lastThreadMs, 'number');
  });

  it('a thread that stops after it worked: its pending lint gets no diagnostics, the next lint starts a new thread', async () => {
    const r = runner(workerFile);
    assert.equal((await r.lint(request([DOUBLE_SOFTMAX]))).length, 1);
    const pending = r.lint(request([DOUBLE_SOFTMAX]));
    r.stopThreadForTest();
    assert.deepEqual(await pending, []);
    assert.equal(r.state().restarts, 1);
    assert.match(r.state().lastStop ?? '', /debug command/);
    assert.deepEqual((await r.lint(request([DOUBLE_SOFTMAX]))).map((d) => d.code), ['LA101']);
    assert.equal(r.state().where, 'thread');
    assert.equal(r.state().threadLints, 2);
  });

  it('a thread that cannot start (no worker file): its lints and every later one run in process', async () => {
    const r = runner(join(dir, 'missing-worker.js'));
    assert.deepEqual((await r.lint(request([DOUBLE_SOFTMAX]))).map((d) => d.code), ['LA101']);
    assert.equal(r.state().where, 'extension host');
    assert.ok(r.state().lastStop, 'why it stopped is kept');
    assert.deepEqual((await r.lint(request([DOUBLE_SOFTMAX]))).map((d) => d.code), ['LA101']);
    assert.equal(r.state().threadLints, 0);
  });

  it('a thread that gives no answer in time is stopped: the lint gets no diagnostics, the next one a new thread', async () => {
    const silent = join(dir, 'silent-worker.js');
    writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
    const r = runner(silent, 300);
    const t0 = Date.now();
    assert.deepEqual(await r.lint(request([DOUBLE_SOFTMAX])), []);
    assert.ok(Date.now() - t0 >= 250, 'waited for the timeout');
    assert.equal(r.state().restarts, 1);
    assert.match(r.state().lastStop ?? '', /no answer in 300 ms/);
    assert.equal(r.state().where, 'thread');
  });

  it('no thread where the platform has none (the web): the lint runs in process, per unit', async () => {
    const r = new LintRunner(() => undefined);
    runners.push(r);
    assert.deepEqual((await r.lint(request([DOUBLE_SOFTMAX]))).map((d) => d.code), ['LA101']);
    assert.equal(r.state().where, 'extension host');
  });

  it('disposing answers the pending lints with no diagnostics', async () => {
    const r = runner(workerFile);
    const pending = r.lint(request([DOUBLE_SOFTMAX]));
    r.dispose();
    assert.deepEqual(await pending, []);
  });
});
