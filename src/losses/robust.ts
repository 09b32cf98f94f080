/**
 * Robust regression losses (M-estimators and friends): pointwise functions of the
 * residual r = input - target, with the PyTorch conventions of `elementwise.ts`
 * (broadcasting, 'mean' | 'sum' | 'none'). None of them ships in torch; the fixture
 * script writes each formula in torch and lets autograd check the gradients.
 */
import { LossInputError } from './errors';
import { pointwiseLoss, type PointwiseLoss } from './elementwise';
import { batchRows, expectPerSample } from './generative';
import { softmaxInto } from './softmax';
import { shapeText } from './tensor';
import { readReduction, reduceByMean } from './reduction';
import type { LossImplementation, LossKernel } from './types';
import { expectFinite, expectParamRange, expectRank, expectSameShape } from './validate';

/** A pointwise loss of the residual r = input - target: writes ρ(r) and dρ/dr. */
type ResidualLoss = (r: number, out: Float64Array) => void;

function residualKernel(make: (params: Readonly<Record<string, unknown>>) => ResidualLoss): LossKernel {
  return ({ input, target }, params) => {
    const rho = make(params);
    const f: PointwiseLoss = (x, y, out) => rho(x - y, out);
    return pointwiseLoss(input, target, params, f);
  };
}

function positive(params: Readonly<Record<string, unknown>>, name: string): number {
  const v = params[name] as number;
  expectParamRange(v, name, 0, Infinity, true);
  return v;
}

const sign = (r: number): number => (r > 0 ? 1 : r < 0 ? -1 : 0);

/** Pinball loss: τ·u for u ≥ 0, (τ − 1)·u for u < 0, with u = target − input. Subgradient 0 at u = 0. */
const quantile: LossImplementation = {
  id: 'quantile-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const tau = params.quantile as number;
    expectParamRange(tau, 'quantile', 0, 1);
    return (r, out) => {
      const u = -r;
      out[0] = u >= 0 ? tau * u : (tau - 1) * u;
      out[1] = u > 0 ? -tau : u < 0 ? 1 - tau : 0;
    };
  }),
};

/** Expectile loss: |τ − 1{u < 0}|·u², u = target − input. */
const expectile: LossImplementation = {
  id: 'expectile-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const tau = params.expectile as number;
    expectParamRange(tau, 'expectile', 0, 1);
    return (r, out) => {
      const u = -r;
      const w = u < 0 ? 1 - tau : tau;
      out[0] = w * u * u;
      out[1] = 2 * w * r;
    };
  }),
};

/** Tukey's biweight: c²/6·(1 − (1 − (r/c)²)³) inside |r| ≤ c, c²/6 outside. */
const tukey: LossImplementation = {
  id: 'tukey-biweight-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const c = positive(params, 'c');
    const cap = (c * c) / 6;
    return (r, out) => {
      if (Math.abs(r) <= c) {
        const t = 1 - (r / c) * (r / c);
        out[0] = cap * (1 - t * t * t);
        out[1] = r * t * t;
      } else {
        out[0] = cap;
        out[1] = 0;
      }
    };
  }),
};

/** Cauchy / Lorentzian: c²/2·ln(1 + (r/c)²). */
const cauchy: LossImplementation = {
  id: 'cauchy-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const c = positive(params, 'c');
    return (r, out) => {
      const z = r / c;
      out[0] = 0.5 * c * c * Math.log1p(z * z);
      out[1] = r / (1 + z * z);
    };
  }),
};

/** Geman–McClure: r² / (σ² + r²). */
const gemanMcClure: LossImplementation = {
  id: 'geman-mcclure-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const s = positive(params, 'sigma');
    const s2 = s * s;
    return (r, out) => {
      const d = s2 + r * r;
      out[0] = (r * r) / d;
      out[1] = (2 * r * s2) / (d * d);
    };
  }),
};

/** Charbonnier: sqrt(r² + ε²). */
const charbonnier: LossImplementation = {
  id: 'charbonnier-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const eps = params.eps as number;
    expectParamRange(eps, 'eps', 0, Infinity);
    const e2 = eps * eps;
    return (r, out) => {
      const s = Math.sqrt(r * r + e2);
      out[0] = s;
      out[1] = s === 0 ? 0 : r / s;
    };
  }),
};

/** Pseudo-Huber: δ²·(sqrt(1 + (r/δ)²) − 1). */
const pseudoHuber: LossImplementation = {
  id: 'pseudo-huber-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const delta = positive(params, 'delta');
    return (r, out) => {
      const z = r / delta;
      const s = Math.sqrt(1 + z * z);
      // δ²(s − 1) written as δ²z²/(s + 1) to keep precision for small residuals
      out[0] = (delta * delta * z * z) / (s + 1);
      out[1] = r / s;
    };
  }),
};

/** Fair loss: c²·(|r|/c − ln(1 + |r|/c)). */
const fair: LossImplementation = {
  id: 'fair-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const c = positive(params, 'c');
    return (r, out) => {
      const a = Math.abs(r) / c;
      out[0] = c * c * (a - Math.log1p(a));
      out[1] = r / (1 + a);
    };
  }),
};

/** Welsch / Leclerc: c²/2·(1 − exp(−(r/c)²)). */
const welsch: LossImplementation = {
  id: 'welsch-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const c = positive(params, 'c');
    return (r, out) => {
      const z = r / c;
      const e = Math.exp(-z * z);
      out[0] = 0.5 * c * c * -Math.expm1(-z * z);
      out[1] = r * e;
    };
  }),
};

/**
 * Barron's general robust loss with a fixed shape α and scale c:
 * |α−2|/α·(((r/c)²/|α−2| + 1)^{α/2} − 1), with its limits at α = 2 (L2), α = 0 (Cauchy-like log)
 * and α = −∞ (Welsch-like).
 */
const barron: LossImplementation = {
  id: 'barron-robust-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const alpha = params.alpha as number;
    if (alpha === Infinity) {
      throw new LossInputError('alpha: expected a finite number or -Infinity, found Infinity', 'alpha');
    }
    const c = positive(params, 'scale');
    if (alpha === 2) {
      return (r, out) => {
        out[0] = (0.5 * r * r) / (c * c);
        out[1] = r / (c * c);
      };
    }
    if (alpha === 0) {
      return (r, out) => {
        const z2 = (r / c) * (r / c);
        out[0] = Math.log1p(0.5 * z2);
        out[1] = r / (c * c) / (0.5 * z2 + 1);
      };
    }
    if (alpha === -Infinity) {
      return (r, out) => {
        const z2 = (r / c) * (r / c);
        out[0] = -Math.expm1(-0.5 * z2);
        out[1] = (r / (c * c)) * Math.exp(-0.5 * z2);
      };
    }
    const b = Math.abs(alpha - 2);
    return (r, out) => {
      const z2 = (r / c) * (r / c);
      const base = z2 / b + 1;
      // (base^{α/2} − 1) = expm1(α/2·ln base), accurate for small residuals
      out[0] = (b / alpha) * Math.expm1((alpha / 2) * Math.log1p(z2 / b));
      out[1] = (r / (c * c)) * Math.pow(base, alpha / 2 - 1);
    };
  }),
};

/** Vapnik's ε-insensitive loss: max(0, |r| − ε). */
const epsilonInsensitive: LossImplementation = {
  id: 'epsilon-insensitive-loss',
  gradInput: 'input',
  kernel: residualKernel((params) => {
    const eps = params.epsilon as number;
    expectParamRange(eps, 'epsilon', 0, Infinity);
    return (r, out) => {
      const a = Math.abs(r) - eps;
      out[0] = a > 0 ? a : 0;
      out[1] = a > 0 ? sign(r) : 0;
    };
  }),
};

/** Symmetric MAPE as pytorch_forecasting.metrics.SMAPE: 2|ŷ − y| / (|ŷ| + |y| + ε). */
const smape: LossImplementation = {
  id: 'smape-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const eps = params.eps as number;
    expectParamRange(eps, 'eps', 0, Infinity);
    return pointwiseLoss(input, target, params, (x, y, out) => {
      const a = x - y;
      const b = Math.abs(x) + Math.abs(y) + eps;
      if (b === 0) {
        out[0] = 0;
        out[1] = 0;
        return;
      }
      out[0] = (2 * Math.abs(a)) / b;
      out[1] = (2 * (sign(a) * b - Math.abs(a) * sign(x))) / (b * b);
    });
  },
};

/**
 * Relative L2 error per sample, ‖ŷ − y‖₂ / ‖y‖₂ over the non-batch dimensions (the
 * neural-operator training loss), reduced over the batch.
 */
const relativeL2: LossImplementation = {
  id: 'relative-l2-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    expectSameShape(input, target, 'input', 'target');
    const { n, d } = batchRows(input, 'input');
    const loss = new Float64Array(n);
    const grad = new Float64Array(input.data.length);
    for (let i = 0; i < n; i++) {
      let num = 0;
      let den = 0;
      for (let j = i * d; j < (i + 1) * d; j++) {
        const e = input.data[j] - target.data[j];
        num += e * e;
        den += target.data[j] * target.data[j];
      }
      if (!(den > 0)) {
        throw new LossInputError(`target: sample ${i} has norm 0, so the relative error is undefined`, 'target');
      }
      const nn = Math.sqrt(num);
      const dn = Math.sqrt(den);
      loss[i] = nn / dn;
      if (nn > 0) for (let j = i * d; j < (i + 1) * d; j++) grad[j] = (input.data[j] - target.data[j]) / (nn * dn);
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [...input.shape], reduction, 'input');
  },
};

/**
 * Mixture density network NLL for scalar targets: input (N, K, 3) holds per component
 * [mixture logit, mean μ, log σ]; loss = −log Σ_k softmax(logits)_k · N(y; μ_k, σ_k²).
 */
const mixtureDensity: LossImplementation = {
  id: 'mixture-density-nll',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    expectRank(input, 'input', [3], '3-D (N, K, 3): per component [logit, mean, log sigma]');
    const [n, k, three] = input.shape;
    if (three !== 3) {
      throw new LossInputError(`input: expected last dimension 3 ([logit, mean, log sigma]), found ${shapeText(input.shape)}`, 'input');
    }
    if (k < 1) throw new LossInputError(`input: expected at least one component, found ${shapeText(input.shape)}`, 'input');
    expectPerSample(target, 'target', n, 'input');
    expectFinite(input, 'input');
    expectFinite(target, 'target');
    const x = input.data;
    const half = 0.5 * Math.log(2 * Math.PI);
    const logits = new Float64Array(k);
    const pi = new Float64Array(k);
    const logw = new Float64Array(k);
    const resp = new Float64Array(k);
    const loss = new Float64Array(n);
    const grad = new Float64Array(x.length);
    for (let i = 0; i < n; i++) {
      const y = target.data[i];
      const base = i * k * 3;
      for (let c = 0; c < k; c++) logits[c] = x[base + 3 * c];
      const lseLogits = softmaxInto(logits, pi, 0, k, 1);
      for (let c = 0; c < k; c++) {
        const z = (y - x[base + 3 * c + 1]) * Math.exp(-x[base + 3 * c + 2]);
        logw[c] = logits[c] - lseLogits - x[base + 3 * c + 2] - half - 0.5 * z * z;
      }
      const lse = softmaxInto(logw, resp, 0, k, 1);
      loss[i] = -lse;
      for (let c = 0; c < k; c++) {
        const invS = Math.exp(-x[base + 3 * c + 2]);
        const z = (y - x[base + 3 * c + 1]) * invS;
        grad[base + 3 * c] = pi[c] - resp[c];
        grad[base + 3 * c + 1] = -resp[c] * z * invS;
        grad[base + 3 * c + 2] = resp[c] * (1 - z * z);
      }
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [...input.shape], reduction, 'input');
  },
};

export const ROBUST_KERNELS: readonly LossImplementation[] = [
  mixtureDensity,
  smape,
  relativeL2,
  quantile,
  expectile,
  tukey,
  cauchy,
  gemanMcClure,
  charbonnier,
  pseudoHuber,
  fair,
  welsch,
  barron,
  epsilonInsensitive,
];
