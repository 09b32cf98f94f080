/**
 * Every PyTorch and from-scratch snippet, and the playground's generated code, run in real PyTorch
 * (test/fixtures/snippets/runs.json, written by scripts/fixtures/snippets.py from the work list of
 * scripts/snippet-worklist.ts): each recorded value equals computeLoss on the same inputs and
 * parameters (1e-6 relative), no run raised, and every fixture was made from the code the catalog
 * has now (a changed snippet without a new fixture fails here).
 */
import { strict as assert } from 'node:assert';
import { computeLoss, getEntry, isComputable, type Tensor } from '../../../src/losses';
import { snippetRuns, type SnippetRun } from '../../../scripts/snippet-worklist';
import { FORMULA_ONLY_MODULES, readSnippetRecords, type SnippetRecord } from '../../../scripts/snippet-records';
import { decode, type Encoded } from '../support/fixtures';

const REL = 1e-6;
const ABS = 1e-9;

function close(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= ABS + REL * Math.abs(expected);
}

function assertClose(actual: Tensor, expected: Tensor, path = ''): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `value${path}: the snippet gives an array of ${expected.length}, computeLoss gives ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `value${path}: length`);
    expected.forEach((e, i) => assertClose((actual as Tensor[])[i], e, `${path}[${i}]`));
    return;
  }
  assert.equal(typeof actual, 'number', `value${path}: the snippet gives a number, computeLoss gives ${JSON.stringify(actual)}`);
  assert.ok(close(actual as number, expected), `value${path}: computeLoss gives ${actual}, the snippet in PyTorch gives ${expected}`);
}

const runs = snippetRuns();
const records = readSnippetRecords();
const byKey = new Map(records.map((r) => [r.key, r]));
const counts = { runs: 0, compared: 0, formulaOnly: 0, notCompared: 0 };

function check(run: SnippetRun, rec: SnippetRecord | undefined): void {
  assert.ok(rec, `no fixture for ${run.key}: run npm run fixtures (scripts/fixtures/snippets.py)`);
  assert.equal(rec.hash, run.hash, `the fixture of ${run.key} was made from other code (stale): run npm run fixtures`);
  if (rec.status === 'missing-module') {
    assert.ok(FORMULA_ONLY_MODULES.includes(rec.module ?? ''), `${run.key} imports ${rec.module}, not in the formula-only list`);
    // the twin's value is compared with computeLoss, unless the entry has no kernel (then it must run)
    const twin = runs.filter((r) => r.id === run.id && byKey.get(r.key)?.status === 'ok' && (!r.noCompare || !isComputable(r.id)));
    assert.ok(twin.length > 0, `${run.id} needs ${rec.module} and has no twin of the same formula that runs in PyTorch`);
    counts.formulaOnly++;
    return;
  }
  assert.equal(rec.status, 'ok', `${run.key} raised in PyTorch (line ${rec.line}): ${rec.error}\n${run.code}`);
  assert.equal(rec.dtype, undefined, `${run.key} returns ${rec.dtype}, not float64`);
  if (run.noCompare) {
    counts.notCompared++;
    return;
  }
  const inputs = decode(rec.inputs as Encoded) as Record<string, Tensor>;
  const params = decode(rec.params as Encoded) as Record<string, unknown>;
  const r = computeLoss(run.id, inputs, params);
  assertClose(r.value, decode(rec.value as Encoded) as Tensor);
  counts.compared++;
}

describe('snippets run in PyTorch and agree with computeLoss', () => {
  it('has a fixture record for every run and no leftover records', () => {
    const keys = new Set(runs.map((r) => r.key));
    const extra = records.filter((r) => !keys.has(r.key)).map((r) => r.key);
    assert.deepEqual(extra, [], 'fixture records for runs the catalog no longer has: run npm run fixtures');
  });
  for (const run of runs) {
    it(`${run.key}`, () => {
      counts.runs++;
      assert.ok(getEntry(run.id));
      check(run, byKey.get(run.key));
    });
  }
  after(() => {
    const snippets = new Set(runs.map((r) => `${r.id}/${r.kind}`));
    const formula = new Set(records.filter((r) => r.status === 'missing-module').map((r) => r.key.split('/').slice(0, 2).join('/')));
    console.log(
      `      snippet runs: ${counts.runs} (${counts.compared} compared with computeLoss, ${counts.notCompared} run only, ${counts.formulaOnly} formula-only); ` +
        `snippets: ${snippets.size - formula.size} run against torch, ${formula.size} checked by formula only`,
    );
  });
});
