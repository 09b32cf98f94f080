/**
 * The lint's torch rules against real PyTorch (test/fixtures/lint/values.json, written by
 * scripts/fixtures/lint_values.py with Debian's torch): the lint flags each wrong snippet, its
 * preferred quick fix writes exactly the fixed snippet torch ran, and the fixed value is the
 * correct one — computed here independently by our own core (src/losses).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeLoss, type Tensor } from '../../../src/losses';
import { applyEdits, lintCells } from './lint-helpers';

interface Result {
  value?: number | 'NaN';
  error?: string;
  warnings?: string[];
}
interface Case {
  code: string;
  variant: string;
  what: string;
  header: string;
  wrong: string;
  right: string;
  wrongResult: Result;
  rightResult: Result;
  correct: { id: string; inputs: Record<string, unknown>; params?: Record<string, unknown> };
}
interface Fixture {
  torch: string;
  inputs: Record<string, Tensor>;
  cases: Case[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/lint/values.json'), 'utf8')) as Fixture;

function logSoftmaxRows(rows: number[][]): number[][] {
  return rows.map((r) => {
    const m = Math.max(...r);
    const lse = m + Math.log(r.reduce((s, v) => s + Math.exp(v - m), 0));
    return r.map((v) => v - lse);
  });
}

/** The inputs of the correct value: literal tensors, or `log_softmax(NAME)` / `softmax(NAME)` of a fixture input. */
function resolve(v: unknown): Tensor {
  if (typeof v !== 'string') return v as Tensor;
  const m = /^(log_softmax2|log_softmax|softmax)\((\w+)\)$/.exec(v);
  assert.ok(m, v);
  const names: Record<string, string> = { LOGITS: 'logits', TEACHER: 'teacher', CTC_X: 'x' };
  const data = fixture.inputs[names[m[2]]];
  if (m[1] === 'log_softmax2') return (data as number[][][]).map((t) => logSoftmaxRows(t));
  const ls = logSoftmaxRows(data as number[][]);
  return m[1] === 'softmax' ? ls.map((r) => r.map(Math.exp)) : ls;
}

/** Rules whose wrong form gives the same value as the fixed one (deprecated or unstable, not wrong here). */
const SAME_VALUE = new Set(['LA203', 'LA109', 'LA204/label_smoothing<0']);

describe(`lint: torch rules measured in PyTorch ${fixture.torch}`, () => {
  for (const c of fixture.cases) {
    const label = `${c.code}${c.variant ? '/' + c.variant : ''}`;
    it(`${label}: flagged, fixed to exactly what torch ran, and the fixed value is correct (${c.what})`, () => {
      const wrongSrc = c.header + c.wrong + '\n';
      const ds = lintCells([wrongSrc]).filter((d) => d.code === c.code);
      assert.equal(ds.length, 1, `${label}: ${JSON.stringify(lintCells([wrongSrc]).map((d) => d.code))}`);
      const fix = ds[0].fixes.find((f) => f.preferred);
      assert.ok(fix, 'a preferred fix');
      assert.deepEqual(applyEdits([wrongSrc], fix.edits), [c.header + c.right + '\n']);

      const right = c.rightResult.value;
      assert.equal(typeof right, 'number');
      const ours = computeLoss(
        c.correct.id,
        Object.fromEntries(Object.entries(c.correct.inputs).map(([k, v]) => [k, resolve(v)])),
        c.correct.params ?? {},
      ).value as number;
      assert.ok(Math.abs((right as number) - ours) <= 1e-9 * Math.max(1, Math.abs(ours)), `${label}: torch fixed ${right}, our core ${ours}`);

      const wrong = c.wrongResult;
      if (wrong.error !== undefined) {
        assert.ok(wrong.error.length > 0);
      } else if (SAME_VALUE.has(label)) {
        assert.ok(Math.abs((wrong.value as number) - (right as number)) < 1e-9, `${label}: same value expected`);
      } else {
        assert.ok(wrong.value === 'NaN' || Math.abs(wrong.value! - (right as number)) > 0.05, `${label}: wrong ${wrong.value} vs right ${right}`);
      }
    });
  }

  it('the measured numbers say what the rules claim', () => {
    const get = (code: string, variant = '') => fixture.cases.find((c) => c.code === code && c.variant === variant)!;
    assert.ok((get('LA103').wrongResult.value as number) < 0, 'NLL on probabilities goes negative');
    assert.ok((get('LA105').wrongResult.value as number) < 0, 'CTC on probabilities goes negative here');
    assert.equal(get('LA104', 'target').wrongResult.value, 'NaN');
    assert.match(get('LA202').wrongResult.error!, /ambiguous/);
    assert.match(get('LA204').wrongResult.error!, /ValueError/);
    assert.match(get('LA201').wrongResult.warnings![0], /batchmean/);
    assert.match(get('LA203').wrongResult.warnings![0], /reduction='sum'/);
    assert.match(get('LA205').wrongResult.warnings![0], /Implicit dimension/);
    // 'mean' divides by N·C = 15, 'batchmean' by N = 3.
    assert.ok(Math.abs((get('LA201').wrongResult.value as number) * 5 - (get('LA201').rightResult.value as number)) < 1e-12);
  });
});
