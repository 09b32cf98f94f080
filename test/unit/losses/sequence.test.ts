/**
 * ctc_loss: error messages, impossible alignments, and properties — including an independent
 * check of the likelihood by enumerating every alignment. Values against real PyTorch are in
 * test/fixtures/sequence.json.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, type Tensor } from '../../../src/losses';
import { close, throwsNaming, total } from '../support/loss-checks';

const RUNS = { numRuns: 40 };

/** A seeded pseudo-random stream (fast-check's doubles cluster on 0 and on equal values). */
function stream(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** log_softmax over the last axis of a (T, N, C) nested array. */
function logSoftmax(z: number[][][]): number[][][] {
  return z.map((rows) =>
    rows.map((row) => {
      const m = Math.max(...row);
      const l = Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0)) + m;
      return row.map((v) => v - l);
    }),
  );
}

interface Problem {
  logits: number[][][];
  log_probs: number[][][];
  targets: number[][];
  input_lengths: number[];
  target_lengths: number[];
  blank: number;
}

/** A random batch whose every target fits its input (T ≥ 2·len + 1 leaves room for any repeats). */
const problems = (maxT = 7, maxN = 3, maxC = 4) =>
  fc
    .record({
      T: fc.integer({ min: 1, max: maxT }),
      N: fc.integer({ min: 1, max: maxN }),
      C: fc.integer({ min: 2, max: maxC }),
      seed: fc.integer({ min: 1, max: 2147483646 }),
    })
    .map(({ T, N, C, seed }): Problem => {
      const r = stream(seed);
      const blank = Math.floor(r() * C);
      const logits = Array.from({ length: T }, () => Array.from({ length: N }, () => Array.from({ length: C }, () => (r() * 2 - 1) * 3)));
      const input_lengths = Array.from({ length: N }, () => 1 + Math.floor(r() * T));
      const target_lengths = input_lengths.map((il) => Math.floor(r() * (Math.floor((il - 1) / 2) + 1)));
      const S = Math.max(1, ...target_lengths);
      const others = Array.from({ length: C }, (_, c) => c).filter((c) => c !== blank);
      const targets = target_lengths.map(() => Array.from({ length: S }, () => others[Math.floor(r() * others.length)]));
      return { logits, log_probs: logSoftmax(logits), targets, input_lengths, target_lengths, blank };
    });

const inputsOf = (p: Problem, log_probs: Tensor = p.log_probs): Record<string, Tensor> => ({
  log_probs,
  targets: p.targets,
  input_lengths: p.input_lengths,
  target_lengths: p.target_lengths,
});

/** −log p(target | log_probs) of sequence n by summing over every path of length il. */
function bruteForceNll(lp: number[][][], n: number, target: number[], il: number, blank: number): number {
  const C = lp[0][0].length;
  let total = 0;
  const path = new Array<number>(il).fill(0);
  const count = C ** il;
  for (let k = 0; k < count; k++) {
    let rest = k;
    for (let t = 0; t < il; t++) {
      path[t] = rest % C;
      rest = Math.floor(rest / C);
    }
    // collapse: merge repeats, drop blanks
    const out: number[] = [];
    for (let t = 0; t < il; t++) if (path[t] !== blank && (t === 0 || path[t] !== path[t - 1])) out.push(path[t]);
    if (out.length !== target.length || out.some((v, i) => v !== target[i])) continue;
    let logp = 0;
    for (let t = 0; t < il; t++) logp += lp[t][n][path[t]];
    total += Math.exp(logp);
  }
  return -Math.log(total);
}

describe('sequence losses: ctc-loss', () => {
  const lp = logSoftmax([[[0, 1, 2]], [[2, 1, 0]], [[1, 1, 1]]]); // T = 3, N = 1, C = 3

  describe('error messages', () => {
    it('input_lengths longer than T names input_lengths and T', () => {
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1]], input_lengths: [4], target_lengths: [1] }), 'input_lengths', /T = 3/, /found 4/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1]], input_lengths: [0], target_lengths: [1] }), 'input_lengths', /at least 1/);
    });
    it('labels out of range and the blank inside targets name targets, the label and where', () => {
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1, 3]], input_lengths: [3], target_lengths: [2] }), 'targets', /label 3/, /\[0, 1\]/, /\[0, 3\)/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1, 0]], input_lengths: [3], target_lengths: [2] }), 'targets', /blank index 0/, /\[0, 1\]/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1, 2]], input_lengths: [3], target_lengths: [2] }, { blank: 2 }), 'targets', /blank index 2/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1.5]], input_lengths: [3], target_lengths: [1] }), 'targets', /1\.5/);
    });
    it('target lengths that do not fit the targets array', () => {
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1]], input_lengths: [3], target_lengths: [2] }), 'targets', /width 1/, /longest target length 2/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [1, 2, 1], input_lengths: [3], target_lengths: [2] }), 'targets', /sum\(target_lengths\) = 2/, /found 3/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1]], input_lengths: [3], target_lengths: [-1] }), 'target_lengths', /non-negative/);
    });
    it('shapes of log_probs, lengths and blank', () => {
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: [1, 2], targets: [1], input_lengths: 1, target_lengths: 1 }), 'log_probs', /\(T, N, C\)/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1], [1]], input_lengths: [3], target_lengths: [1] }), 'targets', /1 padded rows/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1]], input_lengths: [3, 3], target_lengths: [1] }), 'input_lengths', /\(1,\)/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: lp, targets: [[1]], input_lengths: [3], target_lengths: [1] }, { blank: 3 }), 'blank', /\[0, 3\)/);
      throwsNaming(() => computeLoss('ctc-loss', { log_probs: [[[NaN, 0]]], targets: [[1]], input_lengths: [1], target_lengths: [1] }), 'log_probs', /NaN/);
    });
  });

  describe('impossible alignments (torch returns inf, not an error)', () => {
    const inputs = { log_probs: lp, targets: [[1, 2, 1, 2]], input_lengths: [3], target_lengths: [4] };
    it('a target longer than its input gives an infinite loss and a NaN gradient, as torch does', () => {
      const r = computeLoss('ctc-loss', inputs, { reduction: 'none' });
      assert.deepEqual(r.value, [Infinity]);
      assert.ok(Array.from(r.grad.data).every(Number.isNaN));
    });
    it('repeated labels without room for a blank between them are impossible too', () => {
      assert.equal(computeLoss('ctc-loss', { log_probs: lp, targets: [[1, 1]], input_lengths: [2], target_lengths: [2] }, { reduction: 'sum' }).value, Infinity);
      assert.ok(Number.isFinite(computeLoss('ctc-loss', { log_probs: lp, targets: [[1, 1]], input_lengths: [3], target_lengths: [2] }, { reduction: 'sum' }).value as number));
    });
    it('zero_infinity turns them into 0 with a zero gradient, without touching feasible sequences', () => {
      const both = { log_probs: [[lp[0][0], lp[0][0]], [lp[1][0], lp[1][0]], [lp[2][0], lp[2][0]]], targets: [[1, 2, 1, 2], [2, 0, 0, 0]], input_lengths: [3, 3], target_lengths: [4, 1] };
      const r = computeLoss('ctc-loss', both, { reduction: 'none', zero_infinity: true });
      const plain = computeLoss('ctc-loss', both, { reduction: 'none' });
      assert.equal((r.value as number[])[0], 0);
      assert.equal((r.value as number[])[1], (plain.value as number[])[1]);
      for (let t = 0; t < 3; t++) {
        for (let c = 0; c < 3; c++) {
          assert.equal(r.grad.data[(t * 2 + 0) * 3 + c], 0);
          assert.equal(r.grad.data[(t * 2 + 1) * 3 + c], plain.grad.data[(t * 2 + 1) * 3 + c]);
        }
      }
    });
  });

  describe('properties', () => {
    it('equals −log of the summed probability of every alignment (brute force)', () => {
      fc.assert(
        fc.property(problems(6, 2, 3), (p) => {
          const r = computeLoss('ctc-loss', inputsOf(p), { blank: p.blank, reduction: 'none' });
          p.input_lengths.forEach((il, n) => {
            const expected = bruteForceNll(p.log_probs, n, p.targets[n].slice(0, p.target_lengths[n]), il, p.blank);
            assert.ok(close(r.elements.data[n], expected, 1e-10), `sequence ${n}: ${r.elements.data[n]} vs brute force ${expected}`);
          });
        }),
        RUNS,
      );
    });

    it('non-negative for normalised log_probs', () => {
      fc.assert(
        fc.property(problems(), (p) => {
          for (const v of computeLoss('ctc-loss', inputsOf(p), { blank: p.blank, reduction: 'none' }).elements.data) assert.ok(v >= -1e-12, `${v}`);
        }),
        RUNS,
      );
    });

    it("'mean' averages loss / target length; 'sum' adds; padded and concatenated targets agree", () => {
      fc.assert(
        fc.property(problems(), (p) => {
          const none = computeLoss('ctc-loss', inputsOf(p), { blank: p.blank, reduction: 'none' }).elements.data;
          const N = none.length;
          const mean = computeLoss('ctc-loss', inputsOf(p), { blank: p.blank }).value as number;
          const expected = Array.from(none).reduce((a, v, n) => a + v / Math.max(1, p.target_lengths[n]), 0) / N;
          assert.ok(close(mean, expected));
          assert.ok(close(computeLoss('ctc-loss', inputsOf(p), { blank: p.blank, reduction: 'sum' }).value as number, total(Array.from(none))));
          const concatenated = p.targets.flatMap((row, n) => row.slice(0, p.target_lengths[n]));
          const r = computeLoss('ctc-loss', { ...inputsOf(p), targets: concatenated }, { blank: p.blank, reduction: 'none' });
          assert.deepEqual(Array.from(r.elements.data), Array.from(none));
        }),
        RUNS,
      );
    });

    it("torch's gradient equals finite differences of the loss of log_softmax(logits)", () => {
      fc.assert(
        fc.property(problems(4, 2, 3), fc.constantFrom('mean', 'sum', 'none'), (p, reduction) => {
          const params = { blank: p.blank, reduction };
          const g = computeLoss('ctc-loss', inputsOf(p), params).grad.data;
          const f = (z: number[][][]) => total(computeLoss('ctc-loss', inputsOf(p, logSoftmax(z)), params).value);
          const h = 1e-6;
          let k = 0;
          p.logits.forEach((rows, t) =>
            rows.forEach((row, n) =>
              row.forEach((_, c) => {
                const plus = structuredClone(p.logits);
                const minus = structuredClone(p.logits);
                plus[t][n][c] += h;
                minus[t][n][c] -= h;
                const fd = (f(plus) - f(minus)) / (2 * h);
                assert.ok(Math.abs(fd - g[k]) <= 1e-6 * Math.max(1, Math.abs(fd)), `grad[${t}][${n}][${c}]: ${g[k]} vs finite difference ${fd}`);
                k++;
              }),
            ),
          );
        }),
        { numRuns: 25 },
      );
    });

    it('the partial derivative w.r.t. log_probs as free inputs is the gradient minus exp(log_probs) (t < input length)', () => {
      fc.assert(
        fc.property(problems(4, 2, 3), (p) => {
          const params = { blank: p.blank, reduction: 'sum' };
          const g = computeLoss('ctc-loss', inputsOf(p), params).grad.data;
          const f = (x: number[][][]) => computeLoss('ctc-loss', inputsOf(p, x), params).value as number;
          const h = 1e-6;
          const N = p.input_lengths.length;
          const C = p.log_probs[0][0].length;
          p.log_probs.forEach((rows, t) =>
            rows.forEach((row, n) =>
              row.forEach((v, c) => {
                const plus = structuredClone(p.log_probs);
                const minus = structuredClone(p.log_probs);
                plus[t][n][c] += h;
                minus[t][n][c] -= h;
                const fd = (f(plus) - f(minus)) / (2 * h);
                const k = (t * N + n) * C + c;
                const partial = t < p.input_lengths[n] ? g[k] - Math.exp(v) : g[k];
                assert.ok(Math.abs(fd - partial) <= 1e-6 * Math.max(1, Math.abs(fd)), `∂/∂lp[${t}][${n}][${c}]: ${partial} vs ${fd}`);
              }),
            ),
          );
        }),
        { numRuns: 25 },
      );
    });

    it('invariant under a permutation of the batch', () => {
      fc.assert(
        fc.property(problems(6, 4, 4), fc.integer({ min: 0, max: 1000 }), (p, k) => {
          const N = p.input_lengths.length;
          const perm = Array.from({ length: N }, (_, i) => (i + k) % N);
          const q = {
            log_probs: p.log_probs.map((rows) => perm.map((i) => rows[i])),
            targets: perm.map((i) => p.targets[i]),
            input_lengths: perm.map((i) => p.input_lengths[i]),
            target_lengths: perm.map((i) => p.target_lengths[i]),
          };
          const a = computeLoss('ctc-loss', inputsOf(p), { blank: p.blank, reduction: 'none' }).elements.data;
          const b = computeLoss('ctc-loss', q, { blank: p.blank, reduction: 'none' }).elements.data;
          perm.forEach((src, i) => assert.equal(b[i], a[src]));
          assert.ok(close(computeLoss('ctc-loss', inputsOf(p), { blank: p.blank }).value as number, computeLoss('ctc-loss', q, { blank: p.blank }).value as number));
        }),
        RUNS,
      );
    });

    it('the scaled fast path and the log-space path agree (an extra class at log-probability −700 forces the latter)', () => {
      fc.assert(
        fc.property(problems(7, 3, 4), (p) => {
          const fast = computeLoss('ctc-loss', inputsOf(p), { blank: p.blank, reduction: 'none' });
          const widened = p.log_probs.map((rows) => rows.map((row) => [...row, -700]));
          const slow = computeLoss('ctc-loss', inputsOf(p, widened), { blank: p.blank, reduction: 'none' });
          fast.elements.data.forEach((v, n) => assert.ok(close(v, slow.elements.data[n], 1e-12), `loss ${v} vs ${slow.elements.data[n]}`));
          const C = p.log_probs[0][0].length;
          fast.grad.data.forEach((g, k) => {
            const w = Math.floor(k / C) * (C + 1) + (k % C);
            assert.ok(Math.abs(g - slow.grad.data[w]) <= 1e-12 * Math.max(1, Math.abs(g)), `grad[${k}]: ${g} vs ${slow.grad.data[w]}`);
          });
        }),
        RUNS,
      );
    });

    it('unbatched (T, C) input equals a batch of one', () => {
      fc.assert(
        fc.property(problems(6, 1, 4), (p) => {
          const un = computeLoss('ctc-loss', {
            log_probs: p.log_probs.map((rows) => rows[0]),
            targets: p.targets[0].slice(0, p.target_lengths[0]),
            input_lengths: p.input_lengths[0],
            target_lengths: p.target_lengths[0],
          }, { blank: p.blank, reduction: 'none' });
          const batched = computeLoss('ctc-loss', inputsOf(p), { blank: p.blank, reduction: 'none' });
          assert.equal(un.value, (batched.value as number[])[0]);
          assert.deepEqual(Array.from(un.grad.data), Array.from(batched.grad.data));
        }),
        RUNS,
      );
    });
  });
});
