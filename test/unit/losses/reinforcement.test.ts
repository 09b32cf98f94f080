/**
 * Reinforcement-learning losses: error messages, identities between entries (n-step with
 * n = 1 is TD(0), double DQN with equal tables is DQN, A2C without entropy is REINFORCE with
 * a baseline, PPO at ratio 1), and properties (finite-difference gradients, mean == sum / n,
 * batch permutation invariance). Values against torch are in test/fixtures/reinforcement.json.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss } from '../../../src/losses';
import { checkGradient, close, matrix, permutation, throwsNaming, value, vector } from '../support/loss-checks';

const RUNS = { numRuns: 40 };

const actions = (n: number, a: number): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: 0, max: a - 1 }), { minLength: n, maxLength: n });
const dones = (n: number): fc.Arbitrary<number[]> => fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n });

/** A batch with Q-tables, actions, rewards, next tables and done flags. */
const qBatch = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 4 }))
  .chain(([n, a]) =>
    fc.record({
      input: matrix(n, a),
      action: actions(n, a),
      reward: vector(n),
      next_q: matrix(n, a),
      next_q_online: matrix(n, a),
      done: dones(n),
    }),
  );

const policyBatch = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 4 }))
  .chain(([n, a]) => fc.record({ input: matrix(n, a), old_logits: matrix(n, a), action: actions(n, a), returns: vector(n), values: vector(n) }));

describe('reinforcement-learning losses', () => {
  describe('error messages name the input or parameter', () => {
    it('action index out of range or not an integer', () => {
      throwsNaming(() => computeLoss('dqn-loss', { input: [[1, 2]], action: [2], reward: [0], next_q: [[0, 0]] }), 'action', /class index 2/, /\[0, 2\)/);
      throwsNaming(() => computeLoss('reinforce-loss', { input: [[1, 2]], action: [0.5], returns: [1] }), 'action', /integer/);
    });
    it('per-sample inputs of the wrong length, naming the input and the batch', () => {
      throwsNaming(() => computeLoss('td-loss', { input: [1, 2], reward: [1], next_value: [0, 0] }), 'reward', /\(2,\)/, /\(1,\)/);
      throwsNaming(() => computeLoss('ppo-clip-loss', { log_prob: [0, 0], old_log_prob: [0, 0], advantage: [1, 2, 3] }), 'advantage', /\(2,\)/);
      throwsNaming(() => computeLoss('n-step-return-loss', { input: [1, 2], rewards: [[1, 2, 3]], bootstrap_value: [0, 0] }), 'rewards', /2 rows/);
      throwsNaming(() => computeLoss('double-dqn-loss', { input: [[1, 2]], action: [0], reward: [0], next_q_online: [[0, 0, 0]], next_q_target: [[0, 0]] }), 'next_q_online');
    });
    it('done flags outside {0, 1}, gamma outside [0, 1], clip_eps outside its range', () => {
      throwsNaming(() => computeLoss('td-loss', { input: [1], reward: [1], next_value: [0], done: [2] }), 'done', /\[0, 1\]/, /2/);
      throwsNaming(() => computeLoss('td-loss', { input: [1], reward: [1], next_value: [0] }, { gamma: 1.5 }), 'gamma', /1\.5/);
      throwsNaming(() => computeLoss('ppo-clip-loss', { log_prob: [0], old_log_prob: [0], advantage: [1] }, { clip_eps: -0.2 }), 'clip_eps');
      throwsNaming(() => computeLoss('dqn-loss', { input: [[1, 2]], action: [0], reward: [0], next_q: [[0, 0]] }, { delta: 0 }), 'delta');
    });
    it('logits of the wrong rank', () => {
      throwsNaming(() => computeLoss('reinforce-loss', { input: [1, 2], action: [0], returns: [1] }), 'input', /2-D/);
      throwsNaming(() => computeLoss('td-loss', { input: [[1]], reward: [1], next_value: [0] }), 'input', /1-D/);
    });
  });

  describe('identities', () => {
    it('the TD target treats next_value as a constant and done stops bootstrapping', () => {
      assert.ok(close(value('td-loss', { input: [1], reward: [0.5], next_value: [2] }, { gamma: 0.5 }), (1 - 1.5) ** 2));
      assert.ok(close(value('td-loss', { input: [1], reward: [0.5], next_value: [2], done: [1] }, { gamma: 0.5 }), 0.25));
    });
    it('n-step with n = 1 equals TD(0)', () => {
      const inputs = { input: [0.2, -1, 3], bootstrap_value: [1, 2, -1], done: [0, 1, 0] };
      const rewards = [[0.5], [1], [-2]];
      assert.ok(
        close(
          value('n-step-return-loss', { ...inputs, rewards }, { gamma: 0.9 }),
          value('td-loss', { input: inputs.input, reward: [0.5, 1, -2], next_value: inputs.bootstrap_value, done: inputs.done }, { gamma: 0.9 }),
        ),
      );
    });
    it('double DQN with identical online and target tables equals DQN', () => {
      const x = { input: [[1, 2, 0.5], [0, -1, 3]], action: [2, 0], reward: [1, -1], done: [0, 0] };
      const next = [[0.3, 2, -1], [4, 1, 1]];
      assert.ok(close(value('double-dqn-loss', { ...x, next_q_online: next, next_q_target: next }), value('dqn-loss', { ...x, next_q: next })));
    });
    it('double DQN evaluates the online argmax on the target table', () => {
      const r = value('double-dqn-loss', { input: [[0, 0]], action: [0], reward: [0], next_q_online: [[0, 1]], next_q_target: [[5, -1]] }, { gamma: 1 });
      assert.ok(close(r, 0.5)); // target −1, Huber(1) of residual 1 = 0.5
    });
    it('A2C without entropy and with zero values equals REINFORCE', () => {
      const x = { input: [[1, 2, 0], [0.5, -1, 2]], action: [1, 2], returns: [1.5, -0.5] };
      assert.ok(close(value('a2c-policy-loss', { ...x, values: [0, 0] }, { entropy_coef: 0 }), value('reinforce-loss', x)));
    });
    it('entropy bonus of uniform logits is −coef·log A', () => {
      assert.ok(close(value('entropy-bonus', { input: [[3, 3, 3, 3]] }, { coef: 0.5 }), -0.5 * Math.log(4)));
    });
    it('PPO at ratio 1 is −mean(A) with gradient −A/N; clipping removes the gradient beyond 1 ± ε', () => {
      const r = computeLoss('ppo-clip-loss', { log_prob: [0.1, 0.2], old_log_prob: [0.1, 0.2], advantage: [2, -1] });
      assert.ok(close(r.value as number, -0.5));
      assert.deepEqual([...r.grad.data], [-1, 0.5]);
      const far = computeLoss('ppo-clip-loss', { log_prob: [1], old_log_prob: [0], advantage: [1] });
      assert.ok(close(far.value as number, -1.2));
      assert.equal(far.grad.data[0], 0);
    });
    it('PPO KL penalty with identical policies is the plain importance-weighted surrogate at ratio 1', () => {
      const logits = [[1, 0, -1], [0.5, 0.5, 2]];
      assert.ok(close(value('ppo-kl-penalty-loss', { input: logits, old_logits: logits, action: [0, 2], advantage: [1, 3] }), -2));
    });
    it('SAC critic with γ = 0 regresses onto the reward; SAC actor is mean(α log π − Q)', () => {
      assert.ok(close(value('sac-q-loss', { input: [1, 2], reward: [0, 0], next_q: [9, 9], next_log_prob: [1, 1] }, { gamma: 0 }), 0.5 * 2.5));
      assert.ok(close(value('sac-policy-loss', { log_prob: [-1, -2], q_value: [3, 1] }), (0.2 * -1 - 3 + 0.2 * -2 - 1) / 2));
    });
    it('extreme logits stay finite', () => {
      const x = { input: [[1e4, -1e4], [-1e4, 1e4]], action: [1, 1], returns: [1, 1], values: [0, 0] };
      assert.ok(Number.isFinite(value('a2c-policy-loss', x)));
      assert.ok(Number.isFinite(value('entropy-bonus', { input: x.input })));
      assert.ok(Number.isFinite(value('ppo-kl-penalty-loss', { input: x.input, old_logits: [[0, 0], [0, 0]], action: [0, 1], advantage: [1, 1] })));
    });
  });

  describe('properties', () => {
    it('DQN and double DQN: gradient only on the taken action, finite differences, mean == sum / n', () => {
      fc.assert(
        fc.property(qBatch, ({ input, action, reward, next_q, next_q_online, done }) => {
          const dqn = { input, action, reward, next_q, done };
          const ddqn = { input, action, reward, next_q_online, next_q_target: next_q, done };
          checkGradient('dqn-loss', dqn, {}, 'input');
          checkGradient('double-dqn-loss', ddqn, { delta: 0.7 }, 'input');
          const g = computeLoss('dqn-loss', dqn).grad.data;
          const a = input[0].length;
          for (let k = 0; k < g.length; k++) if (k % a !== action[Math.floor(k / a)]) assert.equal(g[k], 0);
          assert.ok(close(value('dqn-loss', dqn), value('dqn-loss', dqn, { reduction: 'sum' }) / input.length));
        }),
        RUNS,
      );
    });
    it('value losses: gradients, non-negativity', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 5 }).chain((n) =>
            fc.record({ v: vector(n), r: vector(n), v1: vector(n), lp: vector(n), done: dones(n), rewards: matrix(n, 3) }),
          ),
          ({ v, r, v1, lp, done, rewards }) => {
            checkGradient('td-loss', { input: v, reward: r, next_value: v1, done }, {}, 'input');
            checkGradient('n-step-return-loss', { input: v, rewards, bootstrap_value: v1, done }, { gamma: 0.8 }, 'input');
            checkGradient('sac-q-loss', { input: v, reward: r, next_q: v1, next_log_prob: lp, done }, {}, 'input');
            checkGradient('sac-policy-loss', { log_prob: lp, q_value: v1 }, { alpha: 0.3 }, 'log_prob');
            assert.ok(value('td-loss', { input: v, reward: r, next_value: v1 }) >= 0);
          },
        ),
        RUNS,
      );
    });
    it('policy losses on logits: gradients against finite differences', () => {
      fc.assert(
        fc.property(policyBatch, ({ input, old_logits, action, returns, values }) => {
          checkGradient('reinforce-loss', { input, action, returns }, {}, 'input');
          checkGradient('a2c-policy-loss', { input, action, returns, values }, { entropy_coef: 0.3 }, 'input');
          checkGradient('entropy-bonus', { input }, { coef: 0.7 }, 'input');
          checkGradient('ppo-kl-penalty-loss', { input, old_logits, action, advantage: returns }, { beta: 0.5 }, 'input');
        }),
        RUNS,
      );
    });
    it('PPO clip and value losses: gradients away from the clip boundaries', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({ lp: vector(n, -1, 1), old: vector(n, -1, 1), adv: vector(n), ret: vector(n) })),
          ({ lp, old, adv, ret }) => {
            fc.pre(lp.every((l, i) => [0.8, 1.2].every((b) => Math.abs(Math.exp(l - old[i]) - b) > 1e-3)));
            fc.pre(lp.every((l, i) => Math.abs(Math.abs(l - old[i]) - 0.2) > 1e-3 && Math.abs(l - old[i]) > 1e-3));
            fc.pre(lp.every((l, i) => Math.abs((l - ret[i]) ** 2 - (old[i] + Math.max(-0.2, Math.min(0.2, l - old[i])) - ret[i]) ** 2) > 1e-3));
            checkGradient('ppo-clip-loss', { log_prob: lp, old_log_prob: old, advantage: adv }, {}, 'log_prob');
            checkGradient('ppo-value-loss', { values: lp, old_values: old, returns: ret }, {}, 'values');
            assert.ok(value('ppo-value-loss', { values: lp, old_values: old, returns: ret }) >= 0);
          },
        ),
        RUNS,
      );
    });
    it('every per-sample loss is invariant to permuting the batch', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 5 }).chain((n) =>
            fc.record({ x: matrix(n, 3), action: actions(n, 3), r: vector(n), v: vector(n), perm: permutation(n) }),
          ),
          ({ x, action, r, v, perm }) => {
            const p = <T>(a: T[]): T[] => perm.map((i) => a[i]);
            const cases: Array<[string, Record<string, number[] | number[][]>]> = [
              ['a2c-policy-loss', { input: x, action, returns: r, values: v }],
              ['dqn-loss', { input: x, action, reward: r, next_q: x }],
              ['ppo-clip-loss', { log_prob: r, old_log_prob: v, advantage: r }],
              ['td-loss', { input: r, reward: v, next_value: r }],
            ];
            for (const [id, inputs] of cases) {
              const permuted = Object.fromEntries(Object.entries(inputs).map(([k, a]) => [k, p(a as number[])]));
              assert.ok(close(value(id, permuted, { reduction: 'sum' }), value(id, inputs, { reduction: 'sum' })), id);
            }
          },
        ),
        RUNS,
      );
    });
  });
});
