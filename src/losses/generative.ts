/**
 * Numeric kernels: generative-model losses (GAN objectives, VAE, diffusion and score
 * matching, style and total variation, reconstruction). No framework ships most of
 * them; each kernel follows the formula in its catalog entry, and the fixture script
 * writes the same formula in torch so autograd checks the analytic gradients.
 */
import { LossInputError } from './errors';
import { pointwiseLoss } from './elementwise';
import { readReduction, reduceByMean } from './reduction';
import { sigmoid, softplus } from './softmax';
import { shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectFinite, expectInRange, expectRank, expectSameShape } from './validate';

// ---------------------------------------------------------------------------
// Shared helpers (also used by the reinforcement and task-specific families)

/** Rows of a batch: N = shape[0], D = the product of the other dimensions (1 for a 1-D input). */
export function batchRows(t: TypedTensor, name: string): { n: number; d: number } {
  expectRank(t, name, [1, 2, 3], '1-D (N), 2-D (N, D) or 3-D (N, D1, D2)');
  const n = t.shape[0];
  return { n, d: n === 0 ? 0 : t.data.length / n };
}

/** A per-sample input of shape (N,) matching a batch of N. */
export function expectPerSample(t: TypedTensor, name: string, n: number, of: string): void {
  if (t.shape.length !== 1 || t.shape[0] !== n) {
    throw new LossInputError(`${name}: expected shape (${n},), one value per row of ${of}, found ${shapeText(t.shape)}`, name);
  }
}

/**
 * Losses of two discriminator outputs of the same shape, `d_real` and `d_fake`:
 * element i is term(real_i) + term(fake_i), so 'mean' is mean(real terms) + mean(fake terms).
 * `f` writes the element's loss into out[0] and d/d(fake) into out[1]. Gradient w.r.t. d_fake.
 */
function pairedDiscriminatorLoss(
  inputs: Readonly<Record<string, TypedTensor>>,
  params: Readonly<Record<string, unknown>>,
  f: (real: number, fake: number, out: Float64Array) => void,
): LossResult {
  const { d_real: real, d_fake: fake } = inputs;
  const reduction = readReduction(params);
  expectSameShape(fake, real, 'd_fake', 'd_real');
  const n = fake.data.length;
  const loss = new Float64Array(n);
  const grad = new Float64Array(n);
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    f(real.data[i], fake.data[i], pair);
    loss[i] = pair[0];
    grad[i] = pair[1];
  }
  return reduceByMean({ shape: [...fake.shape], data: loss }, grad, [...fake.shape], reduction, 'd_fake');
}

/** A loss of the generator's discriminator outputs only (`d_fake`). */
function generatorLoss(
  fake: TypedTensor,
  params: Readonly<Record<string, unknown>>,
  f: (x: number, out: Float64Array) => void,
): LossResult {
  const reduction = readReduction(params);
  const n = fake.data.length;
  const loss = new Float64Array(n);
  const grad = new Float64Array(n);
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    f(fake.data[i], pair);
    loss[i] = pair[0];
    grad[i] = pair[1];
  }
  return reduceByMean({ shape: [...fake.shape], data: loss }, grad, [...fake.shape], reduction, 'd_fake');
}

// ---------------------------------------------------------------------------
// GAN objectives

/** Original GAN discriminator: −log σ(D(x)) − log(1 − σ(D(G(z)))) = softplus(−r) + softplus(f). */
const ganDiscriminator: LossImplementation = {
  id: 'gan-discriminator-loss',
  gradInput: 'd_fake',
  kernel: (inputs, params) =>
    pairedDiscriminatorLoss(inputs, params, (r, f, out) => {
      out[0] = softplus(-r) + softplus(f);
      out[1] = sigmoid(f);
    }),
};

/** Minimax (saturating) generator: log(1 − σ(D(G(z)))) = −softplus(f). */
const ganGeneratorMinimax: LossImplementation = {
  id: 'gan-generator-minimax-loss',
  gradInput: 'd_fake',
  kernel: ({ d_fake }, params) =>
    generatorLoss(d_fake, params, (f, out) => {
      out[0] = -softplus(f);
      out[1] = -sigmoid(f);
    }),
};

/** Non-saturating generator: −log σ(D(G(z))) = softplus(−f). */
const ganGeneratorNonSaturating: LossImplementation = {
  id: 'gan-generator-non-saturating-loss',
  gradInput: 'd_fake',
  kernel: ({ d_fake }, params) =>
    generatorLoss(d_fake, params, (f, out) => {
      out[0] = softplus(-f);
      out[1] = -sigmoid(-f);
    }),
};

/** LSGAN discriminator: ½(D(x) − b)² + ½(D(G(z)) − a)². */
const lsganDiscriminator: LossImplementation = {
  id: 'lsgan-discriminator-loss',
  gradInput: 'd_fake',
  kernel: (inputs, params) => {
    const b = params.real_label as number;
    const a = params.fake_label as number;
    return pairedDiscriminatorLoss(inputs, params, (r, f, out) => {
      out[0] = 0.5 * (r - b) * (r - b) + 0.5 * (f - a) * (f - a);
      out[1] = f - a;
    });
  },
};

/** LSGAN generator: ½(D(G(z)) − c)². */
const lsganGenerator: LossImplementation = {
  id: 'lsgan-generator-loss',
  gradInput: 'd_fake',
  kernel: ({ d_fake }, params) => {
    const c = params.target_label as number;
    return generatorLoss(d_fake, params, (f, out) => {
      out[0] = 0.5 * (f - c) * (f - c);
      out[1] = f - c;
    });
  },
};

/** WGAN critic: D(G(z)) − D(x). */
const wganCritic: LossImplementation = {
  id: 'wgan-critic-loss',
  gradInput: 'd_fake',
  kernel: (inputs, params) =>
    pairedDiscriminatorLoss(inputs, params, (r, f, out) => {
      out[0] = f - r;
      out[1] = 1;
    }),
};

/** WGAN (and hinge GAN) generator: −D(G(z)). */
const wganGenerator: LossImplementation = {
  id: 'wgan-generator-loss',
  gradInput: 'd_fake',
  kernel: ({ d_fake }, params) =>
    generatorLoss(d_fake, params, (f, out) => {
      out[0] = -f;
      out[1] = -1;
    }),
};

/** Hinge GAN discriminator: max(0, 1 − D(x)) + max(0, 1 + D(G(z))). */
const hingeGanDiscriminator: LossImplementation = {
  id: 'hinge-gan-discriminator-loss',
  gradInput: 'd_fake',
  kernel: (inputs, params) =>
    pairedDiscriminatorLoss(inputs, params, (r, f, out) => {
      out[0] = Math.max(0, 1 - r) + Math.max(0, 1 + f);
      out[1] = 1 + f > 0 ? 1 : 0;
    }),
};

// ---------------------------------------------------------------------------
// VAE

/**
 * Per-sample KL(N(μ, σ²) ‖ N(0, 1)) = −½ Σ_k (1 + log σ²_k − μ²_k − σ²_k), written into `kl` (length N).
 */
function gaussianKl(mu: TypedTensor, logvar: TypedTensor, kl: Float64Array, k: number): void {
  for (let i = 0; i < kl.length; i++) {
    let s = 0;
    for (let j = i * k; j < (i + 1) * k; j++) {
      const m = mu.data[j];
      const lv = logvar.data[j];
      s += 1 + lv - m * m - Math.exp(lv);
    }
    kl[i] = -0.5 * s;
  }
}

function latentRows(mu: TypedTensor, logvar: TypedTensor): { n: number; k: number } {
  expectRank(mu, 'mu', [1, 2], '1-D (K) or 2-D (N, K)');
  expectSameShape(mu, logvar, 'mu', 'logvar');
  expectFinite(logvar, 'logvar');
  if (mu.shape.length === 1) return { n: 1, k: mu.shape[0] };
  return { n: mu.shape[0], k: mu.shape[1] };
}

/** KL of a diagonal Gaussian posterior to N(0, I), per sample; gradient w.r.t. mu. */
const vaeKl: LossImplementation = {
  id: 'vae-kl-loss',
  gradInput: 'mu',
  kernel: ({ mu, logvar }, params) => {
    const reduction = readReduction(params);
    const { n, k } = latentRows(mu, logvar);
    const kl = new Float64Array(n);
    gaussianKl(mu, logvar, kl, k);
    const grad = Float64Array.from(mu.data);
    const shape = mu.shape.length === 1 ? [] : [n];
    return reduceByMean({ shape, data: kl }, grad, [...mu.shape], reduction, 'mu');
  },
};

/** log x clamped at −100 as torch's binary_cross_entropy does. */
const clampedLog = (x: number): number => Math.max(Math.log(x), -100);

/**
 * Negative ELBO: Σ_d recon(x̂, x) + β·KL(q(z|x) ‖ N(0, I)) per sample; gradient w.r.t. the
 * reconstruction `input`. BCE matches F.binary_cross_entropy (log clamped at −100,
 * gradient (x̂ − x) / max(x̂(1 − x̂), 1e-12)).
 */
function vaeKernel(id: string): LossImplementation {
  return {
    id,
    gradInput: 'input',
    kernel: ({ input, target, mu, logvar }, params) => {
      const reduction = readReduction(params);
      const beta = params.beta as number;
      const recon = params.reconstruction as 'bce' | 'mse';
      expectRank(input, 'input', [2, 3], '2-D (N, D) or 3-D (N, D1, D2)');
      expectSameShape(input, target, 'input', 'target');
      const n = input.shape[0];
      const d = input.data.length / Math.max(n, 1);
      expectRank(mu, 'mu', [2], '2-D (N, K)');
      const lat = latentRows(mu, logvar);
      if (lat.n !== n) {
        throw new LossInputError(`mu: expected ${n} rows (one per sample of input), found ${lat.n}`, 'mu');
      }
      if (recon === 'bce') {
        expectInRange(input, 'input', 0, 1);
        expectInRange(target, 'target', 0, 1);
      }
      const kl = new Float64Array(n);
      gaussianKl(mu, logvar, kl, lat.k);
      const loss = new Float64Array(n);
      const grad = new Float64Array(input.data.length);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = i * d; j < (i + 1) * d; j++) {
          const x = input.data[j];
          const y = target.data[j];
          if (recon === 'bce') {
            s -= y * clampedLog(x) + (1 - y) * clampedLog(1 - x);
            grad[j] = (x - y) / Math.max((1 - x) * x, 1e-12);
          } else {
            s += (x - y) * (x - y);
            grad[j] = 2 * (x - y);
          }
        }
        loss[i] = s + beta * kl[i];
      }
      return reduceByMean({ shape: [n], data: loss }, grad, [...input.shape], reduction, 'input');
    },
  };
}

// ---------------------------------------------------------------------------
// Diffusion and score matching

/**
 * ε-prediction loss: per sample w_n · mean_d (ε̂ − ε)², w_n = min(snr_n, γ) / snr_n with
 * Min-SNR-γ weighting (snr_gamma set), else 1. Gradient w.r.t. the predicted noise.
 */
const diffusionNoise: LossImplementation = {
  id: 'diffusion-noise-prediction-loss',
  gradInput: 'input',
  kernel: ({ input, target, snr }, params) => {
    const reduction = readReduction(params);
    const gamma = params.snr_gamma as number | null;
    expectSameShape(input, target, 'input', 'target');
    const { n, d } = batchRows(input, 'input');
    let weights: Float64Array | null = null;
    if (gamma !== null) {
      if (!(gamma > 0)) throw new LossInputError(`snr_gamma: expected a positive number or None, found ${gamma}`, 'snr_gamma');
      if (!snr) throw new LossInputError('snr: required when snr_gamma is set (one signal-to-noise ratio per sample)', 'snr');
      expectPerSample(snr, 'snr', n, 'input');
      weights = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const s = snr.data[i];
        if (!(s > 0 && Number.isFinite(s))) {
          throw new LossInputError(`snr: expected positive finite ratios, found ${s} at [${i}]`, 'snr');
        }
        weights[i] = Math.min(s, gamma) / s;
      }
    }
    const loss = new Float64Array(n);
    const grad = new Float64Array(input.data.length);
    for (let i = 0; i < n; i++) {
      const w = weights ? weights[i] : 1;
      let s = 0;
      for (let j = i * d; j < (i + 1) * d; j++) {
        const e = input.data[j] - target.data[j];
        s += e * e;
        grad[j] = (2 * w * e) / d;
      }
      loss[i] = (w * s) / d;
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [...input.shape], reduction, 'input');
  },
};

/**
 * Denoising score matching with NCSN's σ² weighting: per sample ½ σ² Σ_d (s + (x̃ − x)/σ²)².
 */
const denoisingScoreMatching: LossImplementation = {
  id: 'denoising-score-matching-loss',
  gradInput: 'input',
  kernel: ({ input, perturbation, sigma }, params) => {
    const reduction = readReduction(params);
    expectSameShape(input, perturbation, 'input', 'perturbation');
    const { n, d } = batchRows(input, 'input');
    expectPerSample(sigma, 'sigma', n, 'input');
    for (let i = 0; i < n; i++) {
      if (!(sigma.data[i] > 0)) {
        throw new LossInputError(`sigma: expected positive noise levels, found ${sigma.data[i]} at [${i}]`, 'sigma');
      }
    }
    const loss = new Float64Array(n);
    const grad = new Float64Array(input.data.length);
    for (let i = 0; i < n; i++) {
      const s2 = sigma.data[i] * sigma.data[i];
      let acc = 0;
      for (let j = i * d; j < (i + 1) * d; j++) {
        const e = input.data[j] + perturbation.data[j] / s2;
        acc += e * e;
        grad[j] = s2 * e;
      }
      loss[i] = 0.5 * s2 * acc;
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [...input.shape], reduction, 'input');
  },
};

// ---------------------------------------------------------------------------
// Style, total variation, reconstruction

/**
 * Style loss on feature maps flattened to (C, L) or (N, C, L): mean over Gram entries of
 * (G(x) − G(y))², with G = F Fᵀ / (C·L).
 */
const styleLoss: LossImplementation = {
  id: 'style-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    expectRank(input, 'input', [2, 3], '2-D (C, L) or 3-D (N, C, L) feature maps');
    expectSameShape(input, target, 'input', 'target');
    const batched = input.shape.length === 3;
    const n = batched ? input.shape[0] : 1;
    const c = input.shape[batched ? 1 : 0];
    const l = input.shape[batched ? 2 : 1];
    const k = c * l;
    const gram = new Float64Array(n * c * c);
    const diff = gram; // D = G(x) − G(y), computed in place
    for (let b = 0; b < n; b++) {
      const off = b * c * l;
      for (let i = 0; i < c; i++) {
        for (let j = i; j < c; j++) {
          let gx = 0;
          let gy = 0;
          for (let t = 0; t < l; t++) {
            gx += input.data[off + i * l + t] * input.data[off + j * l + t];
            gy += target.data[off + i * l + t] * target.data[off + j * l + t];
          }
          const v = (gx - gy) / k;
          diff[b * c * c + i * c + j] = v;
          diff[b * c * c + j * c + i] = v;
        }
      }
    }
    const elements = new Float64Array(diff.length);
    for (let i = 0; i < diff.length; i++) elements[i] = diff[i] * diff[i];
    // d Σ D² / dF = (4/k) D F  (D symmetric)
    const grad = new Float64Array(input.data.length);
    for (let b = 0; b < n; b++) {
      const off = b * c * l;
      for (let i = 0; i < c; i++) {
        for (let j = 0; j < c; j++) {
          const dij = (4 / k) * diff[b * c * c + i * c + j];
          if (dij === 0) continue;
          for (let t = 0; t < l; t++) grad[off + i * l + t] += dij * input.data[off + j * l + t];
        }
      }
    }
    const shape = batched ? [n, c, c] : [c, c];
    return reduceByMean({ shape, data: elements }, grad, [...input.shape], reduction, 'input');
  },
};

/**
 * Anisotropic total variation as kornia.losses.total_variation: for each (H, W) map,
 * Σ|x[i+1, j] − x[i, j]| + Σ|x[i, j+1] − x[i, j]| ('sum') or the mean of each of the two
 * sets of differences, added ('mean'). Output shape: the leading dimensions.
 */
const totalVariation: LossImplementation = {
  id: 'total-variation-loss',
  gradInput: 'input',
  kernel: ({ input }, params) => {
    const reduction = params.reduction as 'sum' | 'mean';
    expectRank(input, 'input', [2, 3, 4], '(H, W), (C, H, W) or (N, C, H, W)');
    const rank = input.shape.length;
    const h = input.shape[rank - 2];
    const w = input.shape[rank - 1];
    let maps = 1; // the product of the leading dimensions (an empty image is still a map)
    for (let d = 0; d < rank - 2; d++) maps *= input.shape[d];
    const nv = (h - 1) * w;
    const nh = h * (w - 1);
    if (reduction === 'mean' && (nv === 0 || nh === 0)) {
      throw new LossInputError(`input: reduction 'mean' needs H ≥ 2 and W ≥ 2, found H=${h}, W=${w}`, 'input');
    }
    const sv = reduction === 'mean' ? 1 / nv : 1;
    const sh = reduction === 'mean' ? 1 / nh : 1;
    const out = new Float64Array(maps);
    const grad = new Float64Array(input.data.length);
    const x = input.data;
    for (let m = 0; m < maps; m++) {
      const off = m * h * w;
      let v = 0;
      let hz = 0;
      for (let i = 0; i < h; i++) {
        for (let j = 0; j < w; j++) {
          const p = off + i * w + j;
          if (i + 1 < h) {
            const dv = x[p + w] - x[p];
            v += Math.abs(dv);
            const g = dv > 0 ? sv : dv < 0 ? -sv : 0;
            grad[p + w] += g;
            grad[p] -= g;
          }
          if (j + 1 < w) {
            const dh = x[p + 1] - x[p];
            hz += Math.abs(dh);
            const g = dh > 0 ? sh : dh < 0 ? -sh : 0;
            grad[p + 1] += g;
            grad[p] -= g;
          }
        }
      }
      out[m] = v * sv + hz * sh;
    }
    const shape = input.shape.slice(0, rank - 2);
    // the output is per map (the value); gradient of its sum
    return reduceByMean({ shape, data: out }, grad, [...input.shape], 'none', 'input');
  },
};

/** Cycle-consistency: λ·|F(G(x)) − x| (L1), reduced like F.l1_loss. */
const cycleConsistency: LossImplementation = {
  id: 'cycle-consistency-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const lam = params.lambda_cycle as number;
    return pointwiseLoss(input, target, params, (x, y, out) => {
      const d = x - y;
      out[0] = lam * Math.abs(d);
      out[1] = d > 0 ? lam : d < 0 ? -lam : 0;
    });
  },
};

/** Pixel-wise reconstruction: L1 or L2 per pixel, reduced like F.l1_loss / F.mse_loss. */
const pixelReconstruction: LossImplementation = {
  id: 'pixel-reconstruction-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const l2 = params.norm === 'l2';
    return pointwiseLoss(input, target, params, (x, y, out) => {
      const d = x - y;
      out[0] = l2 ? d * d : Math.abs(d);
      out[1] = l2 ? 2 * d : d > 0 ? 1 : d < 0 ? -1 : 0;
    });
  },
};

export const GENERATIVE_KERNELS: readonly LossImplementation[] = [
  ganDiscriminator,
  ganGeneratorMinimax,
  ganGeneratorNonSaturating,
  lsganDiscriminator,
  lsganGenerator,
  wganCritic,
  wganGenerator,
  hingeGanDiscriminator,
  vaeKl,
  vaeKernel('vae-elbo-loss'),
  vaeKernel('beta-vae-loss'),
  diffusionNoise,
  denoisingScoreMatching,
  styleLoss,
  totalVariation,
  cycleConsistency,
  pixelReconstruction,
];
