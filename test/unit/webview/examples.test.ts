/**
 * The playground's first view of every computable loss: the seeded example `exampleInputs` fills
 * in must be accepted by the core (a finite value), be the same on every call, and look like the
 * data the loss is made for (labels in their set, distributions normalised, class indices in range).
 */
import { strict as assert } from 'node:assert';
import { LOSSES, computeLoss, getEntry, isComputable } from '../../../src/losses';
import type { Tensor, TypedTensor } from '../../../src/losses/types';
import { EXAMPLE_HOOKS } from '../../../src/webview/examples';
import { exampleInputs, exampleShape } from '../../../src/webview/generators';

const flat = (t: Tensor): number[] => (Array.isArray(t) ? t.flatMap(flat) : [t]);
const values = (t: TypedTensor) => [...t.data];
const ex = (id: string) => exampleInputs(getEntry(id)!);

describe('playground examples', () => {
  const computable = LOSSES.filter((e) => isComputable(e.id));

  it('are accepted by the core with a finite value for every computable entry', function () {
    this.timeout(60_000);
    assert.ok(computable.length > 100, `${computable.length} computable entries`);
    const rejected: string[] = [];
    for (const e of computable) {
      try {
        const v = flat(computeLoss(e.id, exampleInputs(e)).value);
        if (!v.length || !v.every(Number.isFinite)) rejected.push(`${e.id}: value ${JSON.stringify(v)}`);
      } catch (err) {
        rejected.push(`${e.id}: ${(err as Error).message}`);
      }
    }
    assert.deepEqual(rejected, []);
  });

  it('are deterministic, fill every required input and are small', () => {
    for (const e of computable) {
      const a = exampleInputs(e);
      const b = exampleInputs(e);
      assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), e.id);
      for (const k of Object.keys(a)) {
        assert.deepEqual(a[k].shape, b[k].shape, `${e.id}.${k}`);
        assert.deepEqual(values(a[k]), values(b[k]), `${e.id}.${k}`);
        assert.ok(a[k].data.length <= 120, `${e.id}.${k} has ${a[k].data.length} values`);
      }
      for (const spec of e.inputs.filter((i) => !i.optional)) assert.ok(a[spec.name], `${e.id}: ${spec.name} is missing`);
      // another seed gives other data
      const c = exampleInputs(e, 8);
      assert.ok(Object.keys(a).some((k) => values(a[k]).join() !== values(c[k]).join()), `${e.id}: the seed changes nothing`);
    }
  });

  it('keeps the mse example the UI tests know', () => {
    const mse = ex('mse-loss');
    assert.deepEqual(values(mse.input), [4.139, -0.102, -1.419, 0.117]);
    assert.deepEqual(values(mse.target), [-0.206, 1.376, -1.093, -1.825]);
  });

  it('gives class indices the prediction shape without its class axis, in [0, C)', () => {
    for (const id of ['cross-entropy', 'nll-loss', 'focal-loss', 'symmetric-cross-entropy', 'generalized-cross-entropy']) {
      const { input, target } = ex(id);
      assert.deepEqual(target.shape, input.shape.filter((_, k) => k !== 1), id);
      assert.ok(values(target).every((v) => Number.isInteger(v) && v >= 0 && v < input.shape[1]), id);
    }
    const seq = ex('label-smoothed-sequence-nll');
    assert.deepEqual(seq.target.shape, seq.input.shape.slice(0, -1));
    const sce = ex('soft-cross-entropy-loss');
    assert.deepEqual(sce.y_true.shape, [sce.y_pred.shape[0], ...sce.y_pred.shape.slice(2)]);
    const sparse = ex('keras-sparse-categorical-crossentropy');
    assert.deepEqual(sparse.y_true.shape, sparse.y_pred.shape.slice(0, -1));
  });

  it('normalises distributions and log-probabilities along the class axis', () => {
    const rowSums = (t: TypedTensor, axis: number, f = (x: number) => x) => {
      const len = t.shape[axis];
      const inner = t.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      const sums: number[] = [];
      for (let o = 0; o < t.data.length / (len * inner); o++)
        for (let i = 0; i < inner; i++) {
          let s = 0;
          for (let k = 0; k < len; k++) s += f(t.data[(o * len + k) * inner + i]);
          sums.push(s);
        }
      return sums;
    };
    const near1 = (sums: number[], tol: number, what: string) => sums.forEach((s) => assert.ok(Math.abs(s - 1) <= tol, `${what}: ${s}`));
    near1(rowSums(ex('nll-loss').input, 1, Math.exp), 1e-8, 'nll-loss');
    near1(rowSums(ex('label-smoothed-sequence-nll').input, 1, Math.exp), 1e-8, 'label-smoothed-sequence-nll');
    near1(rowSums(ex('ctc-loss').log_probs, 2, Math.exp), 1e-8, 'ctc-loss');
    near1(rowSums(ex('boundary-loss').probs, 1), 1e-9, 'boundary-loss');
    near1(rowSums(ex('poly-loss').labels, 1), 1e-9, 'poly-loss');
    near1(rowSums(ex('keras-kl-divergence').y_true, 1), 1e-9, 'keras-kl-divergence');
    near1(rowSums(ex('kl-div').input, 1, Math.exp), 1e-8, 'kl-div input');
    near1(rowSums(ex('kl-div').target, 1), 1e-9, 'kl-div target');
    for (const name of ['input', 'target']) near1(rowSums(ex('js-divergence')[name], 1), 1e-9, `js-divergence ${name}`);
    near1(rowSums(ex('lovasz-softmax-loss').probas, 1), 1e-9, 'lovasz-softmax-loss');
    // one-hot along the class axis (dim 1), not along the last
    near1(rowSums(ex('generalized-dice-loss').target, 1), 0, 'generalized-dice-loss');
    near1(rowSums(ex('keras-categorical-crossentropy').y_true, 1), 0, 'one-hot');
    assert.ok(values(ex('keras-categorical-crossentropy').y_true).every((v) => v === 0 || v === 1));
  });

  it('uses the label set each loss names', () => {
    for (const [id, name] of [['logistic-loss', 'target'], ['hinge-embedding-loss', 'target'], ['cosine-embedding-loss', 'target'], ['margin-ranking-loss', 'target'], ['hinge', 'y_true']] as const)
      assert.ok(values(ex(id)[name]).every((v) => v === 1 || v === -1), id);
    for (const [id, name] of [['lovasz-hinge-loss', 'labels'], ['verification-loss', 'target'], ['hausdorff-dt-loss', 'target']] as const) {
      const v = values(ex(id)[name]);
      assert.ok(v.every((x) => x === 0 || x === 1) && v.includes(0) && v.includes(1), id);
    }
    for (const id of ['ranknet-loss', 'listnet-loss', 'lambdarank-loss', 'listmle-loss', 'pairwise-logistic-loss'])
      assert.ok(values(ex(id).y_true).every((g) => Number.isInteger(g) && g >= 0 && g <= 4), `${id}: relevance grades 0–4`);
    // mining losses: every label at least twice
    for (const [id, name] of [['batch-hard-triplet-loss', 'labels'], ['triplet-semihard-loss', 'labels'], ['multi-similarity-loss', 'labels'], ['circle-loss', 'label']] as const) {
      const counts = new Map<number, number>();
      for (const l of values(ex(id)[name])) counts.set(l, (counts.get(l) ?? 0) + 1);
      assert.ok([...counts.values()].every((c) => c >= 2), `${id}: ${JSON.stringify([...counts])}`);
    }
  });

  it('has hooks only for computable entries, and CTC lengths that fit', () => {
    for (const id of Object.keys(EXAMPLE_HOOKS)) assert.ok(isComputable(id), id);
    const ctc = ex('ctc-loss');
    const [T, N, C] = ctc.log_probs.shape;
    assert.deepEqual(ctc.input_lengths.shape, [N]);
    assert.ok(values(ctc.input_lengths).every((l) => l >= 1 && l <= T));
    assert.ok(values(ctc.target_lengths).every((l) => l <= ctc.targets.shape[1]));
    assert.ok(values(ctc.targets).every((c) => c >= 1 && c < C), 'never the blank');
  });

  it('reads shapes relative to the inputs already chosen', () => {
    const bound = new Map([['N', 4], ['C', 3]]);
    assert.deepEqual(exampleShape('(), (N) or (N, d1)', [4, 3], bound), [4]);
    assert.deepEqual(exampleShape('(batch_size, d0, .., dN)'), [4, 3]);
    assert.deepEqual(exampleShape('(..., C)'), [4, 3]);
    assert.deepEqual(exampleShape('(N, C, H, W) or (N, C, ...)'), [4, 3, 2, 3]);
    assert.deepEqual(exampleShape('(B, 1, H, W[, D]) or (B, N, H, W[, D])'), [4, 1, 2, 3]);
  });
});
