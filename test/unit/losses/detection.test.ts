/**
 * Detection losses (torchvision sigmoid focal and box IoU losses, 1 − IoU, DR loss) and
 * smooth L1 (box-offset regression): error messages and properties. Values against real
 * PyTorch/torchvision are in test/fixtures/detection.json and test/fixtures/regression.json.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, type Tensor } from '../../../src/losses';
import { checkGradient, close, throwsNaming, total, value } from '../support/loss-checks';

const RUNS = { numRuns: 50 };
const BOX_IDS = ['iou-loss', 'generalized-box-iou-loss', 'distance-box-iou-loss', 'complete-box-iou-loss'] as const;
const REDUCTIONS = ['mean', 'sum', 'none'] as const;

function stream(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/**
 * Pairs of boxes (x1, y1, x2, y2) with positive sides, from a seeded generator (fast-check's
 * doubles cluster on equal values, i.e. on the ties where min/max have no derivative).
 */
const boxPairs = (maxN = 5) =>
  fc.record({ n: fc.integer({ min: 1, max: maxN }), seed: fc.integer({ min: 1, max: 2147483646 }) }).map(({ n, seed }) => {
    const r = stream(seed);
    const box = () => {
      const x = r() * 10;
      const y = r() * 10;
      return [x, y, x + 0.5 + r() * 6, y + 0.5 + r() * 6];
    };
    return { boxes1: Array.from({ length: n }, box), boxes2: Array.from({ length: n }, box) };
  });

const logitsAndTargets = (maxN = 6) =>
  fc.record({ n: fc.integer({ min: 1, max: maxN }), seed: fc.integer({ min: 1, max: 2147483646 }) }).map(({ n, seed }) => {
    const r = stream(seed);
    return { inputs: Array.from({ length: n }, () => (r() * 2 - 1) * 5), targets: Array.from({ length: n }, () => (r() < 0.5 ? 0 : 1)) };
  });

const drProblems = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), c: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 1, max: 2147483646 }) })
  .map(({ n, c, seed }) => {
    const r = stream(seed);
    return {
      logits: Array.from({ length: n }, () => Array.from({ length: c }, () => (r() * 2 - 1) * 4)),
      targets: Array.from({ length: n }, () => Math.floor(r() * (c + 2)) - 1), // −1 (ignored) .. c
    };
  });

describe('detection losses', () => {
  describe('error messages', () => {
    it('boxes of different shapes name both inputs', () => {
      throwsNaming(
        () => computeLoss('generalized-box-iou-loss', { boxes1: [[0, 0, 1, 1], [0, 0, 2, 2]], boxes2: [[0, 0, 1, 1]] }),
        'boxes2',
        /boxes1/,
        /\(2, 4\)/,
        /\(1, 4\)/,
      );
      throwsNaming(() => computeLoss('distance-box-iou-loss', { boxes1: [[0, 0, 1]], boxes2: [[0, 0, 1]] }), 'boxes1', /\(N, 4\)/, /\(1, 3\)/);
    });
    it('inverted boxes, and zero-height boxes for CIoU, name the input and the box', () => {
      throwsNaming(() => computeLoss('iou-loss', { boxes1: [[0, 0, 1, 1], [2, 0, 1, 1]], boxes2: [[0, 0, 1, 1], [0, 0, 1, 1]] }), 'boxes1', /box 1/, /x2 < x1/);
      throwsNaming(() => computeLoss('complete-box-iou-loss', { boxes1: [[0, 0, 1, 1]], boxes2: [[0, 2, 1, 2]] }), 'boxes2', /zero height/, /aspect ratio/);
      // zero-area boxes are fine for the other box losses
      assert.ok(Number.isFinite(value('generalized-box-iou-loss', { boxes1: [[1, 1, 1, 1]], boxes2: [[1, 1, 1, 1]] }, { reduction: 'sum' })));
    });
    it('focal loss: targets outside [0, 1], alpha > 1, negative gamma, NaN logits', () => {
      throwsNaming(() => computeLoss('sigmoid-focal-loss', { inputs: [0.5, 1], targets: [1, 2] }), 'targets', /\[0, 1\]/, /found 2/);
      throwsNaming(() => computeLoss('sigmoid-focal-loss', { inputs: [0.5], targets: [1] }, { alpha: 1.5 }), 'alpha');
      throwsNaming(() => computeLoss('sigmoid-focal-loss', { inputs: [0.5], targets: [1] }, { gamma: -1 }), 'gamma');
      throwsNaming(() => computeLoss('sigmoid-focal-loss', { inputs: [NaN], targets: [1] }), 'inputs', /NaN/);
      throwsNaming(() => computeLoss('sigmoid-focal-loss', { inputs: [1, 2, 3], targets: [1, 0] }), 'targets', /\(2,\)/, /\(3,\)/);
    });
    it('DR loss: logits (N, C), one label per row in [0, C]', () => {
      throwsNaming(() => computeLoss('distribution-ranking-loss', { logits: [1, 2], targets: [1, 0] }), 'logits', /\(N, C\)/);
      throwsNaming(() => computeLoss('distribution-ranking-loss', { logits: [[1, 2]], targets: [3] }), 'targets', /\[0, 2\]/, /found 3/);
      throwsNaming(() => computeLoss('distribution-ranking-loss', { logits: [[1, 2]], targets: [1, 0] }), 'targets', /\(1,\)/);
      throwsNaming(() => computeLoss('distribution-ranking-loss', { logits: [[1, 2]], targets: [1] }, { neg_lambda: 0 }), 'neg_lambda');
    });
  });

  describe('torchvision semantics', () => {
    it("reduction defaults to 'none' (one value per box or element)", () => {
      assert.deepEqual(computeLoss('sigmoid-focal-loss', { inputs: [0, 0], targets: [1, 0] }).value, [0.25 * Math.log(2) * 0.25, 0.75 * Math.log(2) * 0.25]);
      assert.equal((computeLoss('generalized-box-iou-loss', { boxes1: [[0, 0, 1, 1], [0, 0, 2, 2]], boxes2: [[0, 0, 1, 1], [1, 1, 3, 3]] }).value as number[]).length, 2);
    });
    it('focal loss with gamma = 0 and no alpha is binary cross-entropy with logits; finite at |logit| = 1e4', () => {
      fc.assert(
        fc.property(logitsAndTargets(), ({ inputs, targets }) => {
          const r = computeLoss('sigmoid-focal-loss', { inputs, targets }, { gamma: 0, alpha: -1 });
          inputs.forEach((x, i) => {
            const bce = Math.max(x, 0) - x * targets[i] + Math.log1p(Math.exp(-Math.abs(x)));
            assert.ok(close(r.elements.data[i], bce, 1e-12));
          });
        }),
        RUNS,
      );
      const r = computeLoss('sigmoid-focal-loss', { inputs: [1e4, -1e4, 1e4, -1e4], targets: [1, 0, 0, 1] }, { reduction: 'none' });
      assert.deepEqual(Array.from(r.elements.data), [0, 0, 0.75 * 1e4, 0.25 * 1e4]);
      assert.ok(Array.from(r.grad.data).every(Number.isFinite));
    });
    it('GIoU and DIoU are symmetric in their two inputs; CIoU ≥ DIoU; identical boxes cost ~0', () => {
      fc.assert(
        fc.property(boxPairs(), ({ boxes1, boxes2 }) => {
          for (const id of ['iou-loss', 'generalized-box-iou-loss', 'distance-box-iou-loss'] as const) {
            assert.ok(close(value(id, { boxes1, boxes2 }, { reduction: 'sum' }), value(id, { boxes1: boxes2, boxes2: boxes1 }, { reduction: 'sum' }), 1e-12));
          }
          const d = computeLoss('distance-box-iou-loss', { boxes1, boxes2 }).elements.data;
          const c = computeLoss('complete-box-iou-loss', { boxes1, boxes2 }).elements.data;
          d.forEach((v, i) => assert.ok(c[i] >= v - 1e-15));
          for (const id of BOX_IDS) {
            for (const v of computeLoss(id, { boxes1, boxes2: boxes1 }).elements.data) assert.ok(Math.abs(v) < 1e-6, `${id}: ${v}`);
          }
        }),
        RUNS,
      );
    });
    it('disjoint boxes: IoU loss is flat (zero gradient), GIoU and DIoU still pull the box towards the target', () => {
      const inputs = { boxes1: [[0, 0, 1, 1]], boxes2: [[3, 3, 4, 4]] };
      assert.ok(Array.from(computeLoss('iou-loss', inputs).grad.data).every((g) => g === 0));
      for (const id of ['generalized-box-iou-loss', 'distance-box-iou-loss'] as const) {
        const g = computeLoss(id, inputs).grad.data;
        // moving right/up (towards the target) lowers the loss
        assert.ok(g[2] < 0 && g[3] < 0, `${id}: ${Array.from(g)}`);
      }
    });
  });

  describe('properties', () => {
    it('non-negative; GIoU < 2', () => {
      fc.assert(
        fc.property(boxPairs(), logitsAndTargets(), drProblems, ({ boxes1, boxes2 }, ft, dr) => {
          for (const id of BOX_IDS) for (const v of computeLoss(id, { boxes1, boxes2 }).elements.data) assert.ok(v >= 0, `${id}: ${v}`);
          for (const v of computeLoss('generalized-box-iou-loss', { boxes1, boxes2 }).elements.data) assert.ok(v < 2);
          for (const v of computeLoss('sigmoid-focal-loss', ft).elements.data) assert.ok(v >= 0);
          assert.ok((computeLoss('distribution-ranking-loss', dr).value as number) > 0);
        }),
        RUNS,
      );
    });

    it('mean == sum / n', () => {
      fc.assert(
        fc.property(boxPairs(), logitsAndTargets(), ({ boxes1, boxes2 }, ft) => {
          const cases: Array<[string, Record<string, Tensor>, number]> = [
            ...BOX_IDS.map((id): [string, Record<string, Tensor>, number] => [id, { boxes1, boxes2 }, boxes1.length]),
            ['sigmoid-focal-loss', ft, ft.inputs.length],
            ['smooth-l1-loss', { input: ft.inputs, target: ft.targets }, ft.inputs.length],
          ];
          for (const [id, inputs, n] of cases) {
            const sum = value(id, inputs, { reduction: 'sum' });
            assert.ok(close(value(id, inputs, { reduction: 'mean' }), sum / n), id);
            assert.ok(close(total(computeLoss(id, inputs, { reduction: 'none' }).value), sum), id);
          }
        }),
        RUNS,
      );
    });

    it('gradient equals central finite differences', () => {
      fc.assert(
        fc.property(
          boxPairs(3),
          logitsAndTargets(4),
          drProblems,
          fc.constantFrom(...REDUCTIONS),
          fc.constantFrom(0, 0.5, 1, 2, 3.5),
          fc.constantFrom(0.25, 0.9, -1),
          (boxes, ft, dr, reduction, gamma, alpha) => {
            for (const id of BOX_IDS) if (id !== 'complete-box-iou-loss') checkGradient(id, boxes, { reduction }, 'boxes1', 1e-6, 1e-6);
            checkGradient('sigmoid-focal-loss', ft, { reduction, gamma, alpha }, 'inputs');
            checkGradient('distribution-ranking-loss', dr, {}, 'logits');
            checkGradient('distribution-ranking-loss', dr, { pos_lambda: 0.3, neg_lambda: 0.5, L: 2, tau: 1.5 }, 'logits');
            checkGradient('smooth-l1-loss', { input: ft.inputs, target: ft.targets }, { reduction, beta: 0.5 }, 'input');
          },
        ),
        { numRuns: 40 },
      );
    });

    it('CIoU gradient = DIoU gradient + α · ∂v/∂box with α held constant (torchvision computes α under no_grad)', () => {
      /** v = 4/π² (atan(wg/hg) − atan(w/h))² for one pair. */
      const aspect = (b: number[], g: number[]) => (4 / Math.PI ** 2) * (Math.atan((g[2] - g[0]) / (g[3] - g[1])) - Math.atan((b[2] - b[0]) / (b[3] - b[1]))) ** 2;
      fc.assert(
        fc.property(boxPairs(3), ({ boxes1, boxes2 }) => {
          const ciou = computeLoss('complete-box-iou-loss', { boxes1, boxes2 });
          const diou = computeLoss('distance-box-iou-loss', { boxes1, boxes2 });
          const iou = computeLoss('iou-loss', { boxes1, boxes2 }).elements.data;
          boxes1.forEach((b, i) => {
            const v = aspect(b, boxes2[i]);
            const alpha = v / (iou[i] + v + 1e-7); // 1 − IoU = iou-loss
            assert.ok(close(ciou.elements.data[i], diou.elements.data[i] + alpha * v, 1e-12));
            for (let k = 0; k < 4; k++) {
              const h = 1e-6;
              const plus = b.slice();
              const minus = b.slice();
              plus[k] += h;
              minus[k] -= h;
              const dv = (aspect(plus, boxes2[i]) - aspect(minus, boxes2[i])) / (2 * h);
              const expected = diou.grad.data[4 * i + k] + alpha * dv;
              assert.ok(Math.abs(ciou.grad.data[4 * i + k] - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `grad[${i}][${k}]`);
            }
          });
        }),
        RUNS,
      );
    });

    it('invariant under a permutation of the boxes', () => {
      fc.assert(
        fc.property(boxPairs(5), fc.integer({ min: 0, max: 100 }), ({ boxes1, boxes2 }, k) => {
          const perm = boxes1.map((_, i) => (i + k) % boxes1.length);
          for (const id of BOX_IDS) {
            const a = computeLoss(id, { boxes1, boxes2 }).elements.data;
            const b = computeLoss(id, { boxes1: perm.map((i) => boxes1[i]), boxes2: perm.map((i) => boxes2[i]) }).elements.data;
            perm.forEach((src, i) => assert.equal(b[i], a[src]));
          }
        }),
        RUNS,
      );
    });

    it('DR loss does not depend on the order of the candidates, nor on ignored rows', () => {
      fc.assert(
        fc.property(drProblems, ({ logits, targets }) => {
          const v = value('distribution-ranking-loss', { logits, targets });
          const rev = value('distribution-ranking-loss', { logits: [...logits].reverse(), targets: [...targets].reverse() });
          assert.ok(close(v, rev, 1e-12));
          const withIgnored = value('distribution-ranking-loss', { logits: [...logits, logits[0].map(() => 9)], targets: [...targets, -1] });
          assert.ok(close(v, withIgnored, 1e-12));
        }),
        RUNS,
      );
    });
  });

  describe('smooth-l1-loss (box-offset regression)', () => {
    it('beta = 0 has the value of l1_loss; beta × smooth L1 = Huber with delta = beta', () => {
      fc.assert(
        fc.property(logitsAndTargets(), fc.double({ min: 0.1, max: 3, noNaN: true }), ({ inputs, targets }, beta) => {
          assert.ok(close(value('smooth-l1-loss', { input: inputs, target: targets }, { beta: 0 }), value('l1-loss', { input: inputs, target: targets })));
          assert.ok(close(beta * value('smooth-l1-loss', { input: inputs, target: targets }, { beta }), value('huber-loss', { input: inputs, target: targets }, { delta: beta }), 1e-12));
        }),
        RUNS,
      );
    });
    it('negative beta names beta', () => {
      throwsNaming(() => computeLoss('smooth-l1-loss', { input: [1], target: [0] }, { beta: -0.5 }), 'beta', /-0\.5/);
    });
  });
});
