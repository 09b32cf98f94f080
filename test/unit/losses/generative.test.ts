/**
 * Generative-model losses: error messages, identities with torch-equivalent entries
 * (BCE-with-logits, L1/MSE), and properties (finite-difference gradients, mean == sum / n,
 * permutation invariance, zero at a perfect match). Values against torch are in
 * test/fixtures/generative.json (golden.test.ts).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss } from '../../../src/losses';
import { checkGradient, close, matrix, throwsNaming, total, value, vector } from '../support/loss-checks';

const RUNS = { numRuns: 40 };
const PAIRED = ['gan-discriminator-loss', 'lsgan-discriminator-loss', 'wgan-critic-loss', 'hinge-gan-discriminator-loss'] as const;
const GENERATOR = ['gan-generator-minimax-loss', 'gan-generator-non-saturating-loss', 'lsgan-generator-loss', 'wgan-generator-loss'] as const;

/** A 3×4 image with all values distinct (no zero differences, where |·| has its kink). */
const distinctImage = fc
  .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 12, maxLength: 12 })
  .map((v) => [0, 1, 2].map((i) => v.slice(4 * i, 4 * i + 4).map((x) => x / 100)));

const probs = (n: number, d: number): fc.Arbitrary<number[][]> => matrix(n, d, 0.01, 0.99);

describe('generative losses', () => {
  describe('error messages name the input', () => {
    it('d_real and d_fake of different shapes', () => {
      for (const id of PAIRED) throwsNaming(() => computeLoss(id, { d_real: [1, 2], d_fake: [1, 2, 3] }), 'd_real', /\(3,\)/, /\(2,\)/);
    });
    it('VAE: probabilities outside [0, 1] for BCE, latent rows that do not match the batch', () => {
      const mu = [[0, 0], [0, 0]];
      throwsNaming(() => computeLoss('vae-elbo-loss', { input: [[0.5, 1.2], [0.1, 0.2]], target: [[0, 1], [1, 0]], mu, logvar: mu }), 'input', /1\.2/, /\[0, 1\]/);
      throwsNaming(() => computeLoss('vae-elbo-loss', { input: [[0.5, 0.2]], target: [[0, 1]], mu, logvar: mu }), 'mu', /1 rows/, /found 2/);
      throwsNaming(() => computeLoss('vae-elbo-loss', { input: [[0.5, 0.2]], target: [[0, 1]], mu: [[0, 0]], logvar: [[0, 0, 0]] }), 'logvar', /\(1, 3\)/);
      throwsNaming(() => computeLoss('vae-elbo-loss', { input: [[0.5, 0.2]], target: [[0, 1]], mu: [[0, 0]] }), 'logvar', /missing input/);
      throwsNaming(() => computeLoss('vae-kl-loss', { mu: [[0, 0]], logvar: [[0, Infinity]] }), 'logvar', /finite/);
    });
    it('diffusion: snr required by snr_gamma, one value per sample, positive', () => {
      throwsNaming(() => computeLoss('diffusion-noise-prediction-loss', { input: [[1, 2]], target: [[0, 0]] }, { snr_gamma: 5 }), 'snr', /required/);
      throwsNaming(() => computeLoss('diffusion-noise-prediction-loss', { input: [[1, 2]], target: [[0, 0]], snr: [1, 2] }, { snr_gamma: 5 }), 'snr', /\(1,\)/);
      throwsNaming(() => computeLoss('diffusion-noise-prediction-loss', { input: [[1, 2]], target: [[0, 0]], snr: [0] }, { snr_gamma: 5 }), 'snr', /positive/);
      throwsNaming(() => computeLoss('diffusion-noise-prediction-loss', { input: [[1, 2]], target: [[0, 0]], snr: [1] }, { snr_gamma: -1 }), 'snr_gamma');
    });
    it('score matching: sigma must be positive, one per sample', () => {
      throwsNaming(() => computeLoss('denoising-score-matching-loss', { input: [[1, 2]], perturbation: [[0, 0]], sigma: [0] }), 'sigma', /positive/);
      throwsNaming(() => computeLoss('denoising-score-matching-loss', { input: [[1, 2]], perturbation: [[0, 0]], sigma: [1, 1] }), 'sigma', /\(1,\)/);
    });
    it('style loss needs (C, L) or (N, C, L); total variation needs H, W ≥ 2 for the mean', () => {
      throwsNaming(() => computeLoss('style-loss', { input: [1, 2, 3], target: [1, 2, 3] }), 'input', /\(C, L\)/);
      throwsNaming(() => computeLoss('total-variation-loss', { input: [[1, 2, 3]] }, { reduction: 'mean' }), 'input', /H=1/);
      throwsNaming(() => computeLoss('total-variation-loss', { input: [1, 2, 3] }), 'input', /\(H, W\)/);
      throwsNaming(() => computeLoss('total-variation-loss', { input: [[1, 2], [3, 4]] }, { reduction: 'none' }), 'reduction', /'sum', 'mean'/);
    });
  });

  describe('identities', () => {
    const d_real = [0.3, -1.2, 2.5, 0];
    const d_fake = [-0.4, 1.1, -3, 0.2];
    it('the minimax discriminator is BCE-with-logits with labels 1 (real) and 0 (fake)', () => {
      const bce = value('bce-with-logits', { input: d_real, target: [1, 1, 1, 1] }) + value('bce-with-logits', { input: d_fake, target: [0, 0, 0, 0] });
      assert.ok(close(value('gan-discriminator-loss', { d_real, d_fake }), bce));
    });
    it('the non-saturating generator is BCE-with-logits against 1; the minimax generator is minus the fake term', () => {
      assert.ok(close(value('gan-generator-non-saturating-loss', { d_fake }), value('bce-with-logits', { input: d_fake, target: [1, 1, 1, 1] })));
      assert.ok(close(value('gan-generator-minimax-loss', { d_fake }), -value('bce-with-logits', { input: d_fake, target: [0, 0, 0, 0] })));
    });
    it('the saturating generator has a vanishing gradient when D rejects fakes; the non-saturating one does not', () => {
      const sat = computeLoss('gan-generator-minimax-loss', { d_fake: [-10] }).grad.data[0];
      const ns = computeLoss('gan-generator-non-saturating-loss', { d_fake: [-10] }).grad.data[0];
      assert.ok(Math.abs(sat) < 1e-4 && Math.abs(ns) > 0.99);
    });
    it('WGAN critic is antisymmetric in (real, fake); generator is −mean(d_fake)', () => {
      assert.ok(close(value('wgan-critic-loss', { d_real, d_fake }), -value('wgan-critic-loss', { d_real: d_fake, d_fake: d_real })));
      assert.ok(close(value('wgan-generator-loss', { d_fake }), -d_fake.reduce((a, b) => a + b, 0) / 4));
    });
    it('hinge discriminator is zero once reals score ≥ 1 and fakes ≤ −1', () => {
      assert.equal(value('hinge-gan-discriminator-loss', { d_real: [1, 5], d_fake: [-1, -7] }), 0);
    });
    it('extreme logits stay finite', () => {
      for (const id of PAIRED) assert.ok(Number.isFinite(value(id, { d_real: [1e4, -1e4], d_fake: [-1e4, 1e4] })));
      for (const id of GENERATOR) assert.ok(Number.isFinite(value(id, { d_fake: [1e4, -1e4] })));
    });
    it('VAE KL is zero at the prior and β-VAE with β = 1 equals the ELBO', () => {
      assert.equal(value('vae-kl-loss', { mu: [[0, 0, 0]], logvar: [[0, 0, 0]] }), 0);
      const inputs = { input: [[0.2, 0.7], [0.9, 0.4]], target: [[0, 1], [1, 1]], mu: [[0.5, -1], [0.1, 0.3]], logvar: [[0.2, -0.3], [1, 0]] };
      assert.ok(close(value('beta-vae-loss', inputs, { beta: 1 }), value('vae-elbo-loss', inputs)));
      const kl = value('vae-kl-loss', { mu: inputs.mu, logvar: inputs.logvar });
      assert.ok(close(value('beta-vae-loss', inputs) - value('vae-elbo-loss', inputs), 3 * kl));
    });
    it('unweighted ε-prediction equals F.mse_loss; Min-SNR only down-weights samples with SNR > γ', () => {
      const input = [[0.1, -0.4, 2], [1, 1, 1]];
      const target = [[0, 0, 0], [0.5, -0.5, 1]];
      assert.ok(close(value('diffusion-noise-prediction-loss', { input, target }), value('mse-loss', { input, target })));
      const none = computeLoss('diffusion-noise-prediction-loss', { input, target, snr: [2, 20] }, { snr_gamma: 5, reduction: 'none' }).value as number[];
      const plain = computeLoss('diffusion-noise-prediction-loss', { input, target }, { reduction: 'none' }).value as number[];
      assert.ok(close(none[0], plain[0]) && close(none[1], plain[1] / 4));
    });
    it('score matching is zero at the true perturbation score −(x̃ − x)/σ²', () => {
      const perturbation = [[0.3, -0.6], [1, 2]];
      const sigma = [0.5, 2];
      const input = perturbation.map((row, i) => row.map((p) => -p / sigma[i] ** 2));
      assert.ok(Math.abs(value('denoising-score-matching-loss', { input, perturbation, sigma })) < 1e-15);
    });
    it('cycle consistency is λ·L1; pixel reconstruction is L1 or MSE', () => {
      const input = [[1, 2], [3, 4]];
      const target = [[0, 2.5], [3, 6]];
      assert.ok(close(value('cycle-consistency-loss', { input, target }), 10 * value('l1-loss', { input, target })));
      assert.ok(close(value('pixel-reconstruction-loss', { input, target }), value('l1-loss', { input, target })));
      assert.ok(close(value('pixel-reconstruction-loss', { input, target }, { norm: 'l2' }), value('mse-loss', { input, target })));
    });
    it('style loss ignores spatial order (Gram matrices); total variation is zero on a constant image', () => {
      const f = [[1, 2, 3, 4], [0, -1, 2, 1]];
      const shuffled = f.map((row) => [row[2], row[0], row[3], row[1]]);
      const target = [[0.5, 0, 1, 2], [1, 1, 0, -1]];
      assert.ok(close(value('style-loss', { input: f, target }), value('style-loss', { input: shuffled, target })));
      assert.equal(value('style-loss', { input: f, target: shuffled }), 0);
      assert.deepEqual(computeLoss('total-variation-loss', { input: [[[2, 2], [2, 2]]] }).value, [0]);
    });
  });

  describe('properties', () => {
    const pairs = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({ d_real: vector(n), d_fake: vector(n) }));
    for (const id of PAIRED) {
      it(`${id}: gradient, mean == sum / n, permutation invariance`, () => {
        fc.assert(
          fc.property(pairs, ({ d_real, d_fake }) => {
            if (id === 'hinge-gan-discriminator-loss') fc.pre(d_fake.every((f) => Math.abs(1 + f) > 1e-3));
            checkGradient(id, { d_real, d_fake }, {}, 'd_fake');
            assert.ok(close(value(id, { d_real, d_fake }), value(id, { d_real, d_fake }, { reduction: 'sum' }) / d_fake.length));
            const rev = value(id, { d_real: [...d_real].reverse(), d_fake: [...d_fake].reverse() });
            assert.ok(close(rev, value(id, { d_real, d_fake })));
            if (id !== 'wgan-critic-loss') assert.ok(value(id, { d_real, d_fake }) >= 0);
          }),
          RUNS,
        );
      });
    }
    for (const id of GENERATOR) {
      it(`${id}: gradient`, () => {
        fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => vector(n)), (d_fake) => checkGradient(id, { d_fake }, {}, 'd_fake')), RUNS);
      });
    }

    const vaeCase = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, d, k]) => fc.record({ input: probs(n, d), target: probs(n, d), mu: matrix(n, k, -2, 2), logvar: matrix(n, k, -2, 2) }));
    for (const recon of ['bce', 'mse']) {
      it(`vae-elbo-loss (${recon}): gradient w.r.t. the reconstruction, mean == sum / N, row permutation`, () => {
        fc.assert(
          fc.property(vaeCase, (x) => {
            checkGradient('vae-elbo-loss', x, { reconstruction: recon }, 'input', 1e-6, 1e-4);
            const s = value('vae-elbo-loss', x, { reconstruction: recon, reduction: 'sum' });
            assert.ok(close(value('vae-elbo-loss', x, { reconstruction: recon }), s / x.input.length));
            const rev = { input: [...x.input].reverse(), target: [...x.target].reverse(), mu: [...x.mu].reverse(), logvar: [...x.logvar].reverse() };
            assert.ok(close(value('vae-elbo-loss', rev, { reconstruction: recon, reduction: 'sum' }), s));
          }),
          RUNS,
        );
      });
    }
    it('vae-kl-loss: non-negative, gradient w.r.t. mu', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.record({ mu: matrix(n, 3, -3, 3), logvar: matrix(n, 3, -3, 3) })), (x) => {
          assert.ok(value('vae-kl-loss', x) >= 0);
          checkGradient('vae-kl-loss', x, {}, 'mu');
        }),
        RUNS,
      );
    });
    it('diffusion and score matching: gradients (weighted and not)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 4 }).chain((n) =>
            fc.record({ input: matrix(n, 3), target: matrix(n, 3), snr: vector(n, 0.05, 30), sigma: vector(n, 0.1, 3) }),
          ),
          ({ input, target, snr, sigma }) => {
            checkGradient('diffusion-noise-prediction-loss', { input, target }, {}, 'input');
            checkGradient('diffusion-noise-prediction-loss', { input, target, snr }, { snr_gamma: 5 }, 'input');
            checkGradient('denoising-score-matching-loss', { input, perturbation: target, sigma }, { reduction: 'sum' }, 'input');
          },
        ),
        RUNS,
      );
    });
    it('style loss: gradient, zero at input == target, non-negative', () => {
      fc.assert(
        fc.property(fc.record({ input: matrix(3, 4), target: matrix(3, 4) }), ({ input, target }) => {
          checkGradient('style-loss', { input, target }, {}, 'input');
          checkGradient('style-loss', { input: [input, target], target: [target, input] }, { reduction: 'sum' }, 'input');
          assert.equal(value('style-loss', { input, target: input }), 0);
          assert.ok(value('style-loss', { input, target }) >= 0);
        }),
        RUNS,
      );
    });
    it('total variation: gradient away from ties, invariant to adding a constant', () => {
      fc.assert(
        fc.property(distinctImage, fc.double({ min: -5, max: 5, noNaN: true }), (img, c) => {
          for (const reduction of ['sum', 'mean']) {
            checkGradient('total-variation-loss', { input: img }, { reduction }, 'input');
            const shifted = img.map((r) => r.map((v) => v + c));
            assert.ok(Math.abs(value('total-variation-loss', { input: shifted }, { reduction }) - value('total-variation-loss', { input: img }, { reduction })) < 1e-9);
          }
        }),
        RUNS,
      );
    });
    it('total variation keeps the leading dimensions (one value per map)', () => {
      const r = computeLoss('total-variation-loss', { input: [[[0, 1], [1, 0]], [[0, 0], [0, 3]]] });
      assert.deepEqual(r.value, [4, 6]);
      assert.equal(total(r.value), 10);
    });
  });
});
