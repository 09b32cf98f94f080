/**
 * Numeric kernels: reinforcement-learning losses (TD/DQN value losses, policy
 * gradients, PPO, SAC). Bootstrapped targets are treated as constants (no gradient),
 * as in every implementation (`with torch.no_grad()` / `.detach()`); the gradient is
 * taken w.r.t. the network output being trained (values, Q-values, logits or log-probs).
 */
import { huberOfResidual } from './regression';
import { LossInputError } from './errors';
import { expectPerSample } from './generative';
import { readReduction, reduceByMean } from './reduction';
import { softmaxInto } from './softmax';
import { shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectInRange, expectIndices, expectParamRange, expectRank, expectSameShape } from './validate';

// ---------------------------------------------------------------------------
// helpers

function readGamma(params: Readonly<Record<string, unknown>>): number {
  const g = params.gamma as number;
  expectParamRange(g, 'gamma', 0, 1);
  return g;
}

/** `done` flags (optional) as a Float64Array of 0/1 of length n. */
function readDone(done: TypedTensor | undefined, n: number, of: string): Float64Array {
  if (!done) return new Float64Array(n);
  expectPerSample(done, 'done', n, of);
  expectInRange(done, 'done', 0, 1);
  return done.data;
}

/** A 1-D batch of per-sample values: returns N. */
function vector(t: TypedTensor, name: string): number {
  expectRank(t, name, [1], '1-D (N)');
  return t.shape[0];
}

/** (N, A) action values or logits, and the taken actions (N). */
function actionTable(q: TypedTensor, name: string, action: TypedTensor): { n: number; a: number } {
  expectRank(q, name, [2], '2-D (N, A)');
  const [n, a] = q.shape;
  expectPerSample(action, 'action', n, name);
  expectIndices(action, 'action', 0, a);
  return { n, a };
}

/** Squared error (pred − target)² (scale 1) or ½(pred − target)² (scale ½), per element, reduced. */
function squaredToTargets(
  pred: TypedTensor,
  targets: Float64Array,
  scale: number,
  params: Readonly<Record<string, unknown>>,
  gradInput: string,
): LossResult {
  const reduction = readReduction(params);
  const n = targets.length;
  const loss = new Float64Array(n);
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = pred.data[i] - targets[i];
    loss[i] = scale * d * d;
    grad[i] = 2 * scale * d;
  }
  return reduceByMean({ shape: [...pred.shape], data: loss }, grad, [...pred.shape], reduction, gradInput);
}

/** Per-row softmax probabilities and log-probabilities of (N, A) logits. */
function rowSoftmax(logits: TypedTensor, n: number, a: number): { p: Float64Array; logp: Float64Array } {
  const p = new Float64Array(n * a);
  const logp = new Float64Array(n * a);
  for (let i = 0; i < n; i++) {
    const lse = softmaxInto(logits.data, p, i * a, a, 1);
    if (!Number.isFinite(lse)) {
      throw new LossInputError(`input: expected finite logits in row ${i}, found a non-finite value`, 'input');
    }
    for (let j = i * a; j < (i + 1) * a; j++) logp[j] = logits.data[j] - lse;
  }
  return { p, logp };
}

function readPerSample(t: TypedTensor, name: string, n: number, of: string): Float64Array {
  expectPerSample(t, name, n, of);
  return t.data;
}

// ---------------------------------------------------------------------------
// value losses

/** TD(0): (V(s) − [r + γ(1 − done)V(s')])². */
const tdLoss: LossImplementation = {
  id: 'td-loss',
  gradInput: 'input',
  kernel: ({ input, reward, next_value, done }, params) => {
    const gamma = readGamma(params);
    const n = vector(input, 'input');
    const r = readPerSample(reward, 'reward', n, 'input');
    const v1 = readPerSample(next_value, 'next_value', n, 'input');
    const d = readDone(done, n, 'input');
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = r[i] + gamma * (1 - d[i]) * v1[i];
    return squaredToTargets(input, y, 1, params, 'input');
  },
};

/** n-step TD: (V(s_t) − [Σ_k γ^k r_{t+k} + γ^n (1 − done) V(s_{t+n})])². */
const nStepLoss: LossImplementation = {
  id: 'n-step-return-loss',
  gradInput: 'input',
  kernel: ({ input, rewards, bootstrap_value, done }, params) => {
    const gamma = readGamma(params);
    const n = vector(input, 'input');
    expectRank(rewards, 'rewards', [2], '2-D (N, n_steps)');
    if (rewards.shape[0] !== n) {
      throw new LossInputError(`rewards: expected ${n} rows (one per value in input), found shape ${shapeText(rewards.shape)}`, 'rewards');
    }
    const steps = rewards.shape[1];
    const boot = readPerSample(bootstrap_value, 'bootstrap_value', n, 'input');
    const d = readDone(done, n, 'input');
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let g = 0;
      let disc = 1;
      for (let k = 0; k < steps; k++) {
        g += disc * rewards.data[i * steps + k];
        disc *= gamma;
      }
      y[i] = g + disc * (1 - d[i]) * boot[i];
    }
    return squaredToTargets(input, y, 1, params, 'input');
  },
};

/** DQN / double DQN: Huber(Q(s, a) − y), gradient on the taken action's entry of Q(s, ·). */
function dqnKernel(id: string, double: boolean): LossImplementation {
  return {
    id,
    gradInput: 'input',
    kernel: (inputs, params) => {
      const { input, action, reward, done } = inputs;
      const gamma = readGamma(params);
      const delta = params.delta as number;
      expectParamRange(delta, 'delta', 0, Infinity, true);
      const { n, a } = actionTable(input, 'input', action);
      const r = readPerSample(reward, 'reward', n, 'input');
      const d = readDone(done, n, 'input');
      const evalName = double ? 'next_q_target' : 'next_q';
      const nextEval = inputs[evalName];
      const nextSelect = double ? inputs.next_q_online : nextEval;
      expectSameShape(input, nextEval, 'input', evalName);
      if (double) expectSameShape(input, nextSelect, 'input', 'next_q_online');
      const reduction = readReduction(params);
      const loss = new Float64Array(n);
      const grad = new Float64Array(n * a);
      const pair = new Float64Array(2);
      for (let i = 0; i < n; i++) {
        // greedy action on the selecting network (first maximum, as torch.argmax / max)
        let best = 0;
        for (let j = 1; j < a; j++) if (nextSelect.data[i * a + j] > nextSelect.data[i * a + best]) best = j;
        const y = r[i] + gamma * (1 - d[i]) * nextEval.data[i * a + best];
        const k = i * a + action.data[i];
        huberOfResidual(input.data[k] - y, delta, pair);
        loss[i] = pair[0];
        grad[k] = pair[1];
      }
      return reduceByMean({ shape: [n], data: loss }, grad, [n, a], reduction, 'input');
    },
  };
}

/** SAC critic: ½(Q(s, a) − [r + γ(1 − done)(Q'(s', a') − α log π(a'|s'))])². */
const sacQ: LossImplementation = {
  id: 'sac-q-loss',
  gradInput: 'input',
  kernel: ({ input, reward, next_q, next_log_prob, done }, params) => {
    const gamma = readGamma(params);
    const alpha = params.alpha as number;
    expectParamRange(alpha, 'alpha', 0, Infinity);
    const n = vector(input, 'input');
    const r = readPerSample(reward, 'reward', n, 'input');
    const q1 = readPerSample(next_q, 'next_q', n, 'input');
    const lp = readPerSample(next_log_prob, 'next_log_prob', n, 'input');
    const d = readDone(done, n, 'input');
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = r[i] + gamma * (1 - d[i]) * (q1[i] - alpha * lp[i]);
    return squaredToTargets(input, y, 0.5, params, 'input');
  },
};

/** SAC actor: α log π(ã|s) − Q(s, ã); gradient w.r.t. log_prob. */
const sacPolicy: LossImplementation = {
  id: 'sac-policy-loss',
  gradInput: 'log_prob',
  kernel: ({ log_prob, q_value }, params) => {
    const alpha = params.alpha as number;
    expectParamRange(alpha, 'alpha', 0, Infinity);
    const reduction = readReduction(params);
    const n = vector(log_prob, 'log_prob');
    const q = readPerSample(q_value, 'q_value', n, 'log_prob');
    const loss = new Float64Array(n);
    const grad = new Float64Array(n).fill(alpha);
    for (let i = 0; i < n; i++) loss[i] = alpha * log_prob.data[i] - q[i];
    return reduceByMean({ shape: [n], data: loss }, grad, [n], reduction, 'log_prob');
  },
};

// ---------------------------------------------------------------------------
// policy-gradient losses on logits (N, A)

/**
 * −w_i·log π(a_i|s_i) − c·H(π(·|s_i)) per sample, with weights w (returns or advantages);
 * gradient w.r.t. the logits.
 */
function weightedLogLikelihood(
  logits: TypedTensor,
  action: TypedTensor,
  weights: Float64Array,
  entropyCoef: number,
  params: Readonly<Record<string, unknown>>,
): LossResult {
  const reduction = readReduction(params);
  const { n, a } = actionTable(logits, 'input', action);
  const { p, logp } = rowSoftmax(logits, n, a);
  const loss = new Float64Array(n);
  const grad = new Float64Array(n * a);
  for (let i = 0; i < n; i++) {
    const act = action.data[i];
    let h = 0;
    for (let j = i * a; j < (i + 1) * a; j++) if (p[j] > 0) h -= p[j] * logp[j];
    loss[i] = -weights[i] * logp[i * a + act] - entropyCoef * h;
    for (let j = 0; j < a; j++) {
      const k = i * a + j;
      const plogp = p[k] > 0 ? p[k] * logp[k] : 0;
      // d(−w log p_a)/dz_j = −w(1[j=a] − p_j);  d(−c H)/dz_j = c·p_j(log p_j + H)
      grad[k] = -weights[i] * ((j === act ? 1 : 0) - p[k]) + entropyCoef * (plogp + p[k] * h);
    }
  }
  return reduceByMean({ shape: [n], data: loss }, grad, [n, a], reduction, 'input');
}

const reinforce: LossImplementation = {
  id: 'reinforce-loss',
  gradInput: 'input',
  kernel: ({ input, action, returns }, params) => {
    expectRank(input, 'input', [2], '2-D (N, A) logits');
    const g = readPerSample(returns, 'returns', input.shape[0], 'input');
    return weightedLogLikelihood(input, action, g, 0, params);
  },
};

const a2cPolicy: LossImplementation = {
  id: 'a2c-policy-loss',
  gradInput: 'input',
  kernel: ({ input, action, returns, values }, params) => {
    expectRank(input, 'input', [2], '2-D (N, A) logits');
    const n = input.shape[0];
    const g = readPerSample(returns, 'returns', n, 'input');
    const v = readPerSample(values, 'values', n, 'input');
    const adv = new Float64Array(n);
    for (let i = 0; i < n; i++) adv[i] = g[i] - v[i];
    return weightedLogLikelihood(input, action, adv, params.entropy_coef as number, params);
  },
};

/** −coef·H(softmax(logits)) per row. */
const entropyBonus: LossImplementation = {
  id: 'entropy-bonus',
  gradInput: 'input',
  kernel: ({ input }, params) => {
    const reduction = readReduction(params);
    const coef = params.coef as number;
    expectRank(input, 'input', [1, 2], '1-D (A) or 2-D (N, A) logits');
    const batched = input.shape.length === 2;
    const n = batched ? input.shape[0] : 1;
    const a = input.shape[batched ? 1 : 0];
    const { p, logp } = rowSoftmax(input, n, a);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * a);
    for (let i = 0; i < n; i++) {
      let h = 0;
      for (let j = i * a; j < (i + 1) * a; j++) if (p[j] > 0) h -= p[j] * logp[j];
      loss[i] = -coef * h;
      for (let j = i * a; j < (i + 1) * a; j++) grad[j] = coef * ((p[j] > 0 ? p[j] * logp[j] : 0) + p[j] * h);
    }
    return reduceByMean({ shape: batched ? [n] : [], data: loss }, grad, [...input.shape], reduction, 'input');
  },
};

/** PPO-clip: −min(r·A, clip(r, 1 − ε, 1 + ε)·A), r = exp(log_prob − old_log_prob). */
const ppoClip: LossImplementation = {
  id: 'ppo-clip-loss',
  gradInput: 'log_prob',
  kernel: ({ log_prob, old_log_prob, advantage }, params) => {
    const reduction = readReduction(params);
    const eps = params.clip_eps as number;
    expectParamRange(eps, 'clip_eps', 0, 1);
    const n = vector(log_prob, 'log_prob');
    const old = readPerSample(old_log_prob, 'old_log_prob', n, 'log_prob');
    const adv = readPerSample(advantage, 'advantage', n, 'log_prob');
    const loss = new Float64Array(n);
    const grad = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = Math.exp(log_prob.data[i] - old[i]);
      const A = adv[i];
      const inside = r >= 1 - eps && r <= 1 + eps;
      const rc = inside ? r : r < 1 - eps ? 1 - eps : 1 + eps;
      const u = r * A;
      const c = rc * A;
      loss[i] = -Math.min(u, c);
      // d(u)/dlogp = rA; d(c)/dlogp = rA inside the clip range, 0 outside; ties split evenly (torch.min)
      const du = u;
      const dc = inside ? u : 0;
      grad[i] = 0 - (u < c ? du : c < u ? dc : 0.5 * (du + dc)); // 0 − x: no negative zero
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [n], reduction, 'log_prob');
  },
};

/** PPO clipped value loss: ½·max((V − R)², (V_old + clip(V − V_old, −ε, ε) − R)²). */
const ppoValue: LossImplementation = {
  id: 'ppo-value-loss',
  gradInput: 'values',
  kernel: ({ values, old_values, returns }, params) => {
    const reduction = readReduction(params);
    const eps = params.clip_eps as number;
    expectParamRange(eps, 'clip_eps', 0, Infinity);
    const n = vector(values, 'values');
    const old = readPerSample(old_values, 'old_values', n, 'values');
    const ret = readPerSample(returns, 'returns', n, 'values');
    const loss = new Float64Array(n);
    const grad = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values.data[i];
      const dv = v - old[i];
      const inside = dv >= -eps && dv <= eps;
      const vc = old[i] + (inside ? dv : dv < 0 ? -eps : eps);
      const e1 = (v - ret[i]) * (v - ret[i]);
      const e2 = (vc - ret[i]) * (vc - ret[i]);
      loss[i] = 0.5 * Math.max(e1, e2);
      const g1 = v - ret[i];
      const g2 = inside ? vc - ret[i] : 0;
      grad[i] = e1 > e2 ? g1 : e2 > e1 ? g2 : 0.5 * (g1 + g2);
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [n], reduction, 'values');
  },
};

/** KL-penalised PPO: −r·A + β·KL(π_old ‖ π_new), r = π_new(a|s)/π_old(a|s); gradient w.r.t. the new logits. */
const ppoKl: LossImplementation = {
  id: 'ppo-kl-penalty-loss',
  gradInput: 'input',
  kernel: ({ input, old_logits, action, advantage }, params) => {
    const reduction = readReduction(params);
    const beta = params.beta as number;
    expectParamRange(beta, 'beta', 0, Infinity);
    const { n, a } = actionTable(input, 'input', action);
    expectSameShape(input, old_logits, 'input', 'old_logits');
    const adv = readPerSample(advantage, 'advantage', n, 'input');
    const cur = rowSoftmax(input, n, a);
    const old = rowSoftmax(old_logits, n, a);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * a);
    for (let i = 0; i < n; i++) {
      const k = i * a + action.data[i];
      const r = Math.exp(cur.logp[k] - old.logp[k]);
      let kl = 0;
      for (let j = i * a; j < (i + 1) * a; j++) if (old.p[j] > 0) kl += old.p[j] * (old.logp[j] - cur.logp[j]);
      loss[i] = -r * adv[i] + beta * kl;
      for (let j = 0; j < a; j++) {
        const q = i * a + j;
        grad[q] = -adv[i] * r * ((j === action.data[i] ? 1 : 0) - cur.p[q]) + beta * (cur.p[q] - old.p[q]);
      }
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [n, a], reduction, 'input');
  },
};

export const REINFORCEMENT_KERNELS: readonly LossImplementation[] = [
  tdLoss,
  nStepLoss,
  dqnKernel('dqn-loss', false),
  dqnKernel('double-dqn-loss', true),
  sacQ,
  sacPolicy,
  reinforce,
  a2cPolicy,
  entropyBonus,
  ppoClip,
  ppoValue,
  ppoKl,
];
