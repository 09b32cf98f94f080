/**
 * Catalog entries: reinforcement-learning losses (temporal-difference value losses,
 * DQN, policy gradients, PPO, SAC, GAE). Inputs are named after the quantities in the
 * usual implementations (Stable-Baselines3, CleanRL); bootstrapped targets carry no gradient.
 */
import type { InputSpec, LossEntry, ParamSpec } from '../types';
import { REDUCTION } from './common';

function vec(name: string, en: string, zh: string, optional = false): InputSpec {
  return {
    name,
    meaning: { en, zh },
    shape: '(N)',
    domain: { en: 'real numbers', zh: '实数' },
    ...(optional ? { optional: true } : {}),
  };
}

const GAMMA: ParamSpec = {
  name: 'gamma',
  type: 'number',
  default: 0.99,
  range: [0, 1],
  meaning: { en: 'Discount factor γ in [0, 1].', zh: '折扣因子 γ ∈ [0, 1]。' },
};
const DONE: InputSpec = {
  name: 'done',
  meaning: {
    en: '1 where the episode terminated at the next state (no bootstrapping), else 0. Omit for all 0.',
    zh: '下一状态为终止状态时为 1（不做自举），否则为 0。省略时全部视为 0。',
  },
  shape: '(N)',
  domain: { en: '{0, 1}', zh: '取值 0 或 1' },
  optional: true,
};
const LOGITS: InputSpec = {
  name: 'input',
  meaning: { en: 'Policy logits for each action.', zh: '策略网络对每个动作输出的 logits。' },
  shape: '(N, A)',
  domain: { en: 'real logits', zh: '实数 logits' },
};
const ACTION: InputSpec = {
  name: 'action',
  meaning: { en: 'Index of the action taken.', zh: '实际执行的动作索引。' },
  shape: '(N)',
  domain: { en: 'integers in [0, A)', zh: '[0, A) 内的整数' },
  integer: true,
};
const Q_TABLE: InputSpec = {
  name: 'input',
  meaning: { en: 'Q-values Q(s, ·) of the online network for every action.', zh: '在线网络对每个动作的 Q 值 Q(s, ·)。' },
  shape: '(N, A)',
  domain: { en: 'real numbers', zh: '实数' },
};
const CLIP_EPS = (en: string, zh: string): ParamSpec => ({
  name: 'clip_eps',
  type: 'number',
  default: 0.2,
  range: [0, 1],
  meaning: { en, zh },
});
const PPO_PAPER = {
  authors: 'John Schulman, Filip Wolski, Prafulla Dhariwal, Alec Radford, Oleg Klimov',
  year: 2017,
  title: 'Proximal Policy Optimization Algorithms',
  url: 'https://arxiv.org/abs/1707.06347',
};
const DQN_PAPER = {
  authors: 'Volodymyr Mnih, Koray Kavukcuoglu, David Silver, et al.',
  year: 2015,
  title: 'Human-level control through deep reinforcement learning',
  url: 'https://doi.org/10.1038/nature14236',
};
const SAC_PAPER = {
  authors: 'Tuomas Haarnoja, Aurick Zhou, Pieter Abbeel, Sergey Levine',
  year: 2018,
  title: 'Soft Actor-Critic: Off-Policy Maximum Entropy Deep Reinforcement Learning with a Stochastic Actor',
  url: 'https://arxiv.org/abs/1801.01290',
};
const A3C_PAPER = {
  authors: 'Volodymyr Mnih, Adrià Puigdomènech Badia, Mehdi Mirza, Alex Graves, Timothy P. Lillicrap, Tim Harley, David Silver, Koray Kavukcuoglu',
  year: 2016,
  title: 'Asynchronous Methods for Deep Reinforcement Learning',
  url: 'https://arxiv.org/abs/1602.01783',
};
const SCRATCH_NOTE = {
  en: 'torch, Keras and optax do not ship this as a loss function; RL libraries (Stable-Baselines3, CleanRL, TF-Agents, rlax, TorchRL loss modules) implement it. ',
  zh: 'PyTorch、Keras、optax 都没有把它做成损失函数；强化学习库（Stable-Baselines3、CleanRL、TF-Agents、rlax、TorchRL 的损失模块）提供实现。',
};

export const REINFORCEMENT_ENTRIES: readonly LossEntry[] = [
  {
    id: 'td-loss',
    names: { en: 'TD(0) Error / Temporal-Difference Loss', zh: 'TD(0) 误差 / 时序差分损失' },
    aliases: ['TD error', 'temporal difference loss', 'TD(0)', 'Temporal difference', '时间差分', '时序差分', 'TD 误差'],
    category: 'reinforcement',
    apis: [{ framework: 'other', symbol: 'rlax.td_learning', kind: 'function' }],
    formula: '\\delta_t = r_t + \\gamma (1 - d_t)\\, V(s_{t+1}) - V(s_t), \\quad \\mathcal{L} = \\frac{1}{N}\\sum_t \\delta_t^2',
    formulaText: 'δ_t = r_t + γ(1 − d_t)·V(s_{t+1}) − V(s_t);  L = mean(δ_t²), target held fixed',
    inputs: [
      vec('input', 'State values V(s_t) being trained.', '正在训练的状态价值 V(s_t)。'),
      vec('reward', 'Reward r_t received after s_t.', '在 s_t 之后获得的奖励 r_t。'),
      vec('next_value', 'Value estimate V(s_{t+1}) of the next state (from a target network or detached).', '下一状态的价值估计 V(s_{t+1})（来自目标网络或已 detach）。'),
      DONE,
    ],
    params: [GAMMA, REDUCTION],
    summary: {
      en: 'Regresses the value of a state onto a one-step bootstrapped target r + γV(s\'): the TD error δ measures how much the new sample disagrees with the current estimate.',
      zh: '把状态价值回归到一步自举目标 r + γV(s\')：TD 误差 δ 衡量新样本与当前估计的差距。',
    },
    whenToUse: {
      en: 'Learning a state-value critic online from single transitions (actor-critic, TD prediction); the building block of every value-based method.',
      zh: '从单步转移在线学习状态价值（actor-critic 的评论家、TD 预测）；所有基于价值的方法的基础。',
    },
    pitfalls: {
      en: 'The target must not receive gradient (semi-gradient TD); backpropagating through V(s\') gives the residual-gradient method, which is slower and biased with stochastic transitions. Forgetting the done mask bootstraps across episode ends. Bootstrapping + function approximation + off-policy data can diverge (the "deadly triad").',
      zh: '目标值不能参与求导（半梯度 TD）；若对 V(s\') 也反传，就变成残差梯度法，收敛更慢且在随机转移下有偏。忘记 done 掩码会跨越回合边界自举。自举 + 函数逼近 + 异策略数据可能发散（“致命三角”）。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'rlax.td_learning returns the TD error δ (not squared). Here the loss is the mean squared TD error, as F.mse_loss(V, target).',
      zh: SCRATCH_NOTE.zh + 'rlax.td_learning 返回 TD 误差 δ（未平方）。此处损失为 TD 误差平方的均值，即 F.mse_loss(V, target)。',
    },
    paper: {
      authors: 'Richard S. Sutton',
      year: 1988,
      title: 'Learning to Predict by the Methods of Temporal Differences',
      url: 'https://doi.org/10.1007/BF00115009',
    },
    sources: [
      { label: 'rlax rlax/_src/value_learning.py', version: 'v0.1.8', url: 'https://github.com/google-deepmind/rlax/blob/v0.1.8/rlax/_src/value_learning.py' },
      { label: 'paper (Sutton 1988)', version: '1988', url: 'https://doi.org/10.1007/BF00115009' },
    ],
    related: ['n-step-return-loss', 'dqn-loss', 'gae', 'mse-loss'],
    snippets: {
      torch:
        "gamma = ${4:0.99}\nwith torch.no_grad():\n    target = ${2:reward} + gamma * (1 - ${3:done}) * ${5:next_value}\nloss = F.mse_loss(${1:value}, target)",
      tf: 'target = tf.stop_gradient(${2:reward} + ${4:0.99} * (1 - ${3:done}) * ${5:next_value})\nloss = tf.reduce_mean(tf.square(${1:value} - target))',
      jax: 'target = jax.lax.stop_gradient(${2:reward} + ${4:0.99} * (1 - ${3:done}) * ${5:next_value})\nloss = jnp.mean((${1:value} - target) ** 2)',
    },
  },
  {
    id: 'n-step-return-loss',
    names: { en: 'n-Step Return (n-step TD) Loss', zh: 'n 步回报（n 步 TD）损失' },
    aliases: ['n-step TD', 'n-step return', 'multi-step return', 'n 步回报', '多步回报'],
    category: 'reinforcement',
    apis: [],
    formula: 'G_t^{(n)} = \\sum_{k=0}^{n-1} \\gamma^k r_{t+k} + \\gamma^n (1 - d)\\, V(s_{t+n}), \\quad \\mathcal{L} = \\frac{1}{N}\\sum_t \\big(V(s_t) - G_t^{(n)}\\big)^2',
    formulaText: 'G_t⁽ⁿ⁾ = Σ_{k<n} γᵏ r_{t+k} + γⁿ(1 − d)·V(s_{t+n});  L = mean((V(s_t) − G_t⁽ⁿ⁾)²)',
    inputs: [
      vec('input', 'State values V(s_t) being trained.', '正在训练的状态价值 V(s_t)。'),
      {
        name: 'rewards',
        meaning: { en: 'The n rewards r_t … r_{t+n−1} after each state (zeros after a terminal step).', zh: '每个状态之后的 n 个奖励 r_t … r_{t+n−1}（终止之后填 0）。' },
        shape: '(N, n)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      vec('bootstrap_value', 'Value V(s_{t+n}) of the state n steps later (detached).', 'n 步之后状态的价值 V(s_{t+n})（已 detach）。'),
      { ...DONE, meaning: { en: '1 where the episode ended within the n steps (no bootstrap), else 0.', zh: '回合在 n 步之内结束时为 1（不做自举），否则为 0。' } },
    ],
    params: [GAMMA, REDUCTION],
    summary: {
      en: 'Uses n real rewards before bootstrapping, interpolating between TD(0) (n = 1, low variance, more bias) and Monte Carlo (n = episode length, unbiased, high variance).',
      zh: '先累加 n 个真实奖励再自举，在 TD(0)（n = 1，方差小、偏差大）和蒙特卡洛（n 为整个回合，无偏、方差大）之间折中。',
    },
    whenToUse: {
      en: 'A3C/A2C critics, Rainbow and R2D2 (n = 3 to 5), whenever rewards propagate too slowly with one-step targets.',
      zh: 'A3C/A2C 的评论家、Rainbow 与 R2D2（n = 3 到 5），以及一步目标传播奖励太慢的情形。',
    },
    pitfalls: {
      en: 'Off-policy replay makes n-step returns biased (the intermediate actions came from an old policy) unless corrected (Retrace, V-trace). Rewards after a terminal step must be zeroed.',
      zh: '在异策略的经验回放中，n 步回报是有偏的（中间动作来自旧策略），需要修正（Retrace、V-trace）。终止之后的奖励必须置零。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'Loss here is the mean squared error to the n-step target.',
      zh: SCRATCH_NOTE.zh + '此处损失为与 n 步目标之间的均方误差。',
    },
    paper: A3C_PAPER,
    sources: [
      { label: 'paper (Mnih et al. 2016, A3C)', version: '2016', url: 'https://arxiv.org/abs/1602.01783' },
      { label: 'paper (Hessel et al. 2018, Rainbow)', version: '2018', url: 'https://arxiv.org/abs/1710.02298' },
    ],
    related: ['td-loss', 'gae', 'dqn-loss'],
    snippets: {
      torch:
        "gamma = ${4:0.99}\ndiscounts = gamma ** torch.arange(${2:rewards}.shape[1], dtype=${2:rewards}.dtype)\nwith torch.no_grad():\n    target = (${2:rewards} * discounts).sum(1) + gamma ** ${2:rewards}.shape[1] * (1 - ${5:done}) * ${3:bootstrap_value}\nloss = F.mse_loss(${1:value}, target)",
      tf: 'n = ${2:rewards}.shape[1]\ndiscounts = ${4:0.99} ** tf.range(n, dtype=${2:rewards}.dtype)\ntarget = tf.stop_gradient(tf.reduce_sum(${2:rewards} * discounts, axis=1) + ${4:0.99} ** n * (1 - ${5:done}) * ${3:bootstrap_value})\nloss = tf.reduce_mean(tf.square(${1:value} - target))',
    },
  },
  {
    id: 'dqn-loss',
    names: { en: 'DQN Loss (Huber on the TD target)', zh: 'DQN 损失（TD 目标上的 Huber 损失）' },
    aliases: ['DQN', 'deep Q-learning loss', 'Q-learning loss', '深度 Q 网络损失', 'Q 学习损失'],
    category: 'reinforcement',
    apis: [
      { framework: 'other', symbol: 'rlax.q_learning', kind: 'function' },
      { framework: 'other', symbol: 'torchrl.objectives.DQNLoss', kind: 'class' },
    ],
    formula: 'y = r + \\gamma (1 - d) \\max_{a\'} Q_{\\bar\\theta}(s\', a\'), \\quad \\mathcal{L} = \\frac{1}{N}\\sum \\mathrm{Huber}_\\delta\\big(Q_\\theta(s, a) - y\\big)',
    formulaText: "y = r + γ(1 − d)·max_a' Q_target(s', a');  L = mean(Huber_δ(Q(s, a) − y))",
    inputs: [
      Q_TABLE,
      ACTION,
      vec('reward', 'Reward r.', '奖励 r。'),
      {
        name: 'next_q',
        meaning: { en: "Target-network Q-values Q_target(s', ·) of the next state.", zh: "目标网络对下一状态的 Q 值 Q_target(s', ·)。" },
        shape: '(N, A)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      DONE,
    ],
    params: [
      GAMMA,
      {
        name: 'delta',
        type: 'number',
        default: 1.0,
        range: [0.01, 10],
        meaning: { en: 'Huber threshold δ (1 = smooth L1, as in Stable-Baselines3).', zh: 'Huber 阈值 δ（取 1 即 smooth L1，与 Stable-Baselines3 相同）。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'Q-learning with a neural network: the Q-value of the taken action is regressed onto the reward plus the discounted best next Q-value from a slowly updated target network, with a Huber loss to clip large TD errors.',
      zh: '用神经网络做 Q 学习：把所执行动作的 Q 值回归到“奖励 + 目标网络给出的下一状态最大 Q 值的折扣”，用 Huber 损失限制过大的 TD 误差。',
    },
    whenToUse: {
      en: 'Discrete-action value-based RL (Atari-style) with experience replay and a target network.',
      zh: '离散动作、基于价值的强化学习（Atari 类任务），配合经验回放与目标网络。',
    },
    pitfalls: {
      en: 'The max over noisy estimates overestimates values (fixed by double DQN). The target network must be a separate, periodically synced copy. Only the taken action\'s Q-value gets gradient.',
      zh: '对含噪估计取最大值会高估价值（双 DQN 可修正）。目标网络必须是独立的、定期同步的副本。只有所执行动作的 Q 值得到梯度。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'SB3 (2.x) uses F.smooth_l1_loss (δ = 1); the Nature DQN clipped the error term of the gradient to [−1, 1], which gives the same gradient. rlax.q_learning returns the TD error.',
      zh: SCRATCH_NOTE.zh + 'SB3（2.x）使用 F.smooth_l1_loss（δ = 1）；Nature 版 DQN 把梯度中的误差项截断到 [−1, 1]，二者梯度相同。rlax.q_learning 返回 TD 误差。',
    },
    paper: DQN_PAPER,
    sources: [
      { label: 'Stable-Baselines3 stable_baselines3/dqn/dqn.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/dqn/dqn.py' },
      { label: 'rlax rlax/_src/value_learning.py', version: 'v0.1.8', url: 'https://github.com/google-deepmind/rlax/blob/v0.1.8/rlax/_src/value_learning.py' },
      { label: 'paper (Mnih et al. 2015)', version: '2015', url: 'https://doi.org/10.1038/nature14236' },
    ],
    related: ['double-dqn-loss', 'td-loss', 'huber-loss', 'smooth-l1-loss'],
    snippets: {
      torch:
        "gamma = ${6:0.99}\nwith torch.no_grad():\n    target = ${3:reward} + gamma * (1 - ${5:done}) * ${4:next_q}.max(dim=1).values\nq = ${1:q_values}.gather(1, ${2:action}.unsqueeze(1)).squeeze(1)\nloss = F.huber_loss(q, target, delta=${7:1.0})",
      tf: 'target = tf.stop_gradient(${3:reward} + ${6:0.99} * (1 - ${5:done}) * tf.reduce_max(${4:next_q}, axis=1))\nq = tf.gather(${1:q_values}, ${2:action}, axis=1, batch_dims=1)\nloss = tf.keras.losses.Huber()(target, q)',
    },
  },
  {
    id: 'double-dqn-loss',
    names: { en: 'Double DQN Loss', zh: '双 DQN 损失（Double DQN）' },
    aliases: ['Double DQN', 'DDQN', 'double Q-learning', '双重 Q 学习'],
    category: 'reinforcement',
    apis: [{ framework: 'other', symbol: 'rlax.double_q_learning', kind: 'function' }],
    formula: "y = r + \\gamma (1 - d)\\, Q_{\\bar\\theta}\\big(s', \\arg\\max_{a'} Q_\\theta(s', a')\\big), \\quad \\mathcal{L} = \\frac{1}{N}\\sum \\mathrm{Huber}_\\delta\\big(Q_\\theta(s, a) - y\\big)",
    formulaText: "y = r + γ(1 − d)·Q_target(s', argmax_a' Q_online(s', a'));  L = mean(Huber_δ(Q(s, a) − y))",
    inputs: [
      Q_TABLE,
      ACTION,
      vec('reward', 'Reward r.', '奖励 r。'),
      {
        name: 'next_q_online',
        meaning: { en: "Online-network Q-values of the next state, used to pick a'.", zh: "在线网络对下一状态的 Q 值，用于选择 a'。" },
        shape: '(N, A)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'next_q_target',
        meaning: { en: "Target-network Q-values of the next state, used to evaluate a'.", zh: "目标网络对下一状态的 Q 值，用于评估 a'。" },
        shape: '(N, A)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      DONE,
    ],
    params: [
      GAMMA,
      {
        name: 'delta',
        type: 'number',
        default: 1.0,
        range: [0.01, 10],
        meaning: { en: 'Huber threshold δ.', zh: 'Huber 阈值 δ。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'Decouples action selection from evaluation in the DQN target: the online network chooses the next action, the target network scores it, which removes most of the max-operator\'s overestimation bias.',
      zh: '把 DQN 目标中的动作选择与动作评估分开：在线网络选出下一动作，目标网络给它打分，从而消除大部分由 max 算子带来的高估偏差。',
    },
    whenToUse: {
      en: 'Instead of plain DQN almost always (it is part of Rainbow); same cost, one extra forward pass of the online network on s\'.',
      zh: '几乎总可以替代普通 DQN（它是 Rainbow 的组成部分）；代价相同，只需在线网络对 s\' 多做一次前向。',
    },
    pitfalls: {
      en: 'Both next-state Q tables must be computed without gradient. Ties in argmax pick the first maximum here (as torch.argmax).',
      zh: '两张下一状态 Q 值表都必须在无梯度下计算。argmax 出现并列时这里取第一个最大值（与 torch.argmax 一致）。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'rlax.double_q_learning returns the TD error; the Huber step is separate.',
      zh: SCRATCH_NOTE.zh + 'rlax.double_q_learning 返回 TD 误差，Huber 需另外计算。',
    },
    paper: {
      authors: 'Hado van Hasselt, Arthur Guez, David Silver',
      year: 2016,
      title: 'Deep Reinforcement Learning with Double Q-learning',
      url: 'https://arxiv.org/abs/1509.06461',
    },
    sources: [
      { label: 'rlax rlax/_src/value_learning.py', version: 'v0.1.8', url: 'https://github.com/google-deepmind/rlax/blob/v0.1.8/rlax/_src/value_learning.py' },
      { label: 'paper (van Hasselt et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1509.06461' },
    ],
    related: ['dqn-loss', 'td-loss', 'huber-loss'],
    snippets: {
      torch:
        "gamma = ${7:0.99}\nwith torch.no_grad():\n    a_next = ${4:next_q_online}.argmax(dim=1, keepdim=True)\n    target = ${3:reward} + gamma * (1 - ${6:done}) * ${5:next_q_target}.gather(1, a_next).squeeze(1)\nq = ${1:q_values}.gather(1, ${2:action}.unsqueeze(1)).squeeze(1)\nloss = F.huber_loss(q, target, delta=${8:1.0})",
      tf: 'a_next = tf.argmax(${4:next_q_online}, axis=1)\nnext_v = tf.gather(${5:next_q_target}, a_next, axis=1, batch_dims=1)\ntarget = tf.stop_gradient(${3:reward} + ${7:0.99} * (1 - ${6:done}) * next_v)\nq = tf.gather(${1:q_values}, ${2:action}, axis=1, batch_dims=1)\nloss = tf.keras.losses.Huber()(target, q)',
    },
  },
  {
    id: 'reinforce-loss',
    names: { en: 'REINFORCE Policy-Gradient Loss', zh: 'REINFORCE 策略梯度损失' },
    aliases: ['REINFORCE', 'vanilla policy gradient', 'policy gradient loss', 'Monte Carlo policy gradient', '策略梯度', '蒙特卡洛策略梯度'],
    category: 'reinforcement',
    apis: [
      { framework: 'other', symbol: 'rlax.policy_gradient_loss', kind: 'function' },
      { framework: 'other', symbol: 'torchrl.objectives.ReinforceLoss', kind: 'class' },
    ],
    formula: '\\mathcal{L}(\\theta) = -\\frac{1}{N}\\sum_{t} G_t \\log \\pi_\\theta(a_t \\mid s_t)',
    formulaText: 'L(θ) = −(1/N)·Σ_t G_t·log π_θ(a_t | s_t)',
    inputs: [LOGITS, ACTION, vec('returns', 'Return G_t (discounted sum of future rewards) of each step, treated as a constant.', '每一步的回报 G_t（未来奖励的折扣和），视为常数。')],
    params: [REDUCTION],
    summary: {
      en: 'A surrogate whose gradient is the likelihood-ratio (score-function) estimate of the policy gradient: raise the log-probability of each action in proportion to the return that followed it.',
      zh: '一个替代目标，其梯度就是策略梯度的似然比（score function）估计：按照动作之后获得的回报，成比例地提高该动作的对数概率。',
    },
    whenToUse: {
      en: 'Simple on-policy RL with episodic returns, or any non-differentiable reward (sequence generation with BLEU, hard attention).',
      zh: '回合制回报的简单同策略强化学习，或奖励不可导的场景（以 BLEU 为奖励的序列生成、硬注意力）。',
    },
    pitfalls: {
      en: 'Very high variance: subtract a baseline (see a2c-policy-loss) or normalise returns. The loss value itself is not a performance measure; only its gradient is meaningful. Returns must not carry gradient.',
      zh: '方差极大：应减去基线（见 a2c-policy-loss）或对回报做归一化。损失值本身不代表性能，只有梯度有意义。回报不能带梯度。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'Computed from logits with log-softmax; the gradient is with respect to the logits: −G(onehot(a) − softmax).',
      zh: SCRATCH_NOTE.zh + '由 logits 经 log-softmax 计算；对 logits 求梯度：−G(onehot(a) − softmax)。',
    },
    paper: {
      authors: 'Ronald J. Williams',
      year: 1992,
      title: 'Simple Statistical Gradient-Following Algorithms for Connectionist Reinforcement Learning',
      url: 'https://doi.org/10.1007/BF00992696',
    },
    sources: [
      { label: 'rlax rlax/_src/policy_gradients.py', version: 'v0.1.8', url: 'https://github.com/google-deepmind/rlax/blob/v0.1.8/rlax/_src/policy_gradients.py' },
      { label: 'paper (Williams 1992)', version: '1992', url: 'https://doi.org/10.1007/BF00992696' },
    ],
    related: ['a2c-policy-loss', 'entropy-bonus', 'ppo-clip-loss', 'minimum-risk-training'],
    snippets: {
      torch:
        'log_probs = F.log_softmax(${1:logits}, dim=-1).gather(1, ${2:action}.unsqueeze(1)).squeeze(1)\nloss = -(${3:returns} * log_probs).mean()',
      tf: 'log_probs = -tf.keras.losses.sparse_categorical_crossentropy(${2:action}, ${1:logits}, from_logits=True)\nloss = -tf.reduce_mean(${3:returns} * log_probs)',
      jax: 'log_probs = jnp.take_along_axis(jax.nn.log_softmax(${1:logits}), ${2:action}[:, None], axis=1)[:, 0]\nloss = -jnp.mean(${3:returns} * log_probs)',
    },
  },
  {
    id: 'a2c-policy-loss',
    names: { en: 'Advantage Actor-Critic Policy Loss', zh: '优势 Actor-Critic 策略损失（A2C）' },
    aliases: ['A2C', 'A3C policy loss', 'actor loss', 'advantage actor-critic', '优势函数策略梯度', '演员-评论家'],
    category: 'reinforcement',
    apis: [{ framework: 'other', symbol: 'torchrl.objectives.A2CLoss', kind: 'class' }],
    formula: '\\mathcal{L} = -\\frac{1}{N}\\sum_t \\Big[\\big(G_t - V(s_t)\\big) \\log \\pi_\\theta(a_t \\mid s_t) + c_H\\, \\mathcal{H}\\big(\\pi_\\theta(\\cdot \\mid s_t)\\big)\\Big]',
    formulaText: 'L = −(1/N)·Σ_t [(G_t − V(s_t))·log π(a_t|s_t) + c_H·H(π(·|s_t))]',
    inputs: [
      LOGITS,
      ACTION,
      vec('returns', 'Return or bootstrapped target G_t.', '回报或自举目标 G_t。'),
      vec('values', "The critic's V(s_t), used as a baseline (no gradient flows to it).", '评论家给出的 V(s_t)，作为基线（不向其传梯度）。'),
    ],
    params: [
      {
        name: 'entropy_coef',
        type: 'number',
        default: 0.01,
        range: [0, 0.1],
        meaning: { en: 'Weight c_H of the entropy bonus (0.01 in A3C; Stable-Baselines3 A2C defaults to 0).', zh: '熵奖励的权重 c_H（A3C 取 0.01；Stable-Baselines3 的 A2C 默认为 0）。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The policy-gradient term of actor-critic methods: the return minus the critic\'s value (the advantage) weights the log-likelihood, reducing variance without bias; an entropy bonus keeps the policy exploratory.',
      zh: 'Actor-Critic 方法中的策略梯度项：用回报减去评论家价值（即优势函数）加权对数似然，在不引入偏差的前提下降低方差；熵奖励让策略保持探索。',
    },
    whenToUse: {
      en: 'A2C/A3C and as the actor part of many on-policy algorithms; train the critic separately with td-loss or n-step-return-loss.',
      zh: 'A2C/A3C，以及许多同策略算法的 actor 部分；评论家另用 td-loss 或 n-step-return-loss 训练。',
    },
    pitfalls: {
      en: 'Detach the values: gradient through the baseline changes the objective. The total A2C loss also includes the value loss (×0.5 typically); this entry is only the actor side plus entropy.',
      zh: '必须对 values 做 detach：梯度流经基线会改变目标。完整的 A2C 损失还包括价值损失（通常乘 0.5）；本条目只包含 actor 部分与熵奖励。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'SB3 A2C: policy_loss = −(advantages · log_prob).mean(), entropy_loss = −entropy.mean(), total = policy + ent_coef·entropy_loss + vf_coef·value_loss. Gradient here with respect to the logits.',
      zh: SCRATCH_NOTE.zh + 'SB3 的 A2C：policy_loss = −(advantages · log_prob).mean()，entropy_loss = −entropy.mean()，总损失 = policy + ent_coef·entropy_loss + vf_coef·value_loss。此处对 logits 求梯度。',
    },
    paper: A3C_PAPER,
    sources: [
      { label: 'Stable-Baselines3 stable_baselines3/a2c/a2c.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/a2c/a2c.py' },
      { label: 'paper (Mnih et al. 2016, A3C)', version: '2016', url: 'https://arxiv.org/abs/1602.01783' },
    ],
    related: ['reinforce-loss', 'entropy-bonus', 'td-loss', 'gae', 'ppo-clip-loss'],
    snippets: {
      torch:
        "entropy_coef = ${5:0.01}\ndist = torch.distributions.Categorical(logits=${1:logits})\nadvantage = (${3:returns} - ${4:values}).detach()\nloss = -(advantage * dist.log_prob(${2:action})).mean() - entropy_coef * dist.entropy().mean()",
      tf: 'log_p = tf.nn.log_softmax(${1:logits})\nadvantage = tf.stop_gradient(${3:returns} - ${4:values})\nlogp_a = tf.gather(log_p, ${2:action}, axis=1, batch_dims=1)\nentropy = -tf.reduce_sum(tf.exp(log_p) * log_p, axis=1)\nloss = -tf.reduce_mean(advantage * logp_a) - ${5:0.01} * tf.reduce_mean(entropy)',
    },
  },
  {
    id: 'entropy-bonus',
    names: { en: 'Entropy Bonus (Entropy Regularisation)', zh: '熵奖励（熵正则化）' },
    aliases: ['entropy regularization', 'entropy loss', 'policy entropy', '熵正则', '策略熵'],
    category: 'reinforcement',
    apis: [{ framework: 'other', symbol: 'rlax.entropy_loss', kind: 'function' }],
    formula: '\\mathcal{L}_H = -c \\cdot \\frac{1}{N}\\sum_{i} \\mathcal{H}\\big(\\pi(\\cdot \\mid s_i)\\big), \\quad \\mathcal{H}(p) = -\\sum_a p_a \\log p_a',
    formulaText: 'L_H = −c·mean_i H(π(·|s_i)),  H(p) = −Σ_a p_a·log p_a',
    inputs: [{ ...LOGITS, shape: '(A) or (N, A)' }],
    params: [
      {
        name: 'coef',
        type: 'number',
        default: 0.01,
        range: [0, 0.1],
        meaning: { en: 'Coefficient c of the bonus (0.01 is common for A2C/PPO on Atari).', zh: '熵奖励系数 c（Atari 上的 A2C/PPO 常取 0.01）。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'Adds minus the policy entropy to the loss, so minimising it rewards spread-out action distributions and delays premature convergence to a deterministic policy.',
      zh: '把策略熵的相反数加入损失，最小化时就会鼓励更分散的动作分布，避免过早收敛到确定性策略。',
    },
    whenToUse: {
      en: 'Added to policy-gradient losses (A2C, PPO) to sustain exploration; in SAC it becomes the maximum-entropy objective with temperature α.',
      zh: '与策略梯度损失（A2C、PPO）相加以维持探索；在 SAC 中演变为带温度 α 的最大熵目标。',
    },
    pitfalls: {
      en: 'Too large a coefficient keeps the policy near uniform. The entropy scale grows with log A, so the right coefficient depends on the action count. Compute from logits (log-softmax) to avoid 0·log 0.',
      zh: '系数过大会让策略一直接近均匀分布。熵的尺度随 log A 增大，因此合适的系数与动作数有关。应从 logits（log-softmax）计算，以避免 0·log 0。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'torch.distributions.Categorical(logits=...).entropy() gives H. Gradient with respect to the logits: c·p_j(log p_j + H) per row, over N for mean.',
      zh: SCRATCH_NOTE.zh + 'torch.distributions.Categorical(logits=...).entropy() 可得到 H。对 logits 求梯度：每行为 c·p_j(log p_j + H)，mean 时再除以 N。',
    },
    paper: {
      authors: 'Ronald J. Williams, Jing Peng',
      year: 1991,
      title: 'Function Optimization Using Connectionist Reinforcement Learning Algorithms',
      url: 'https://doi.org/10.1080/09540099108946587',
    },
    sources: [
      { label: 'rlax rlax/_src/policy_gradients.py', version: 'v0.1.8', url: 'https://github.com/google-deepmind/rlax/blob/v0.1.8/rlax/_src/policy_gradients.py' },
      { label: 'Stable-Baselines3 stable_baselines3/a2c/a2c.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/a2c/a2c.py' },
      { label: 'paper (Williams & Peng 1991)', version: '1991', url: 'https://doi.org/10.1080/09540099108946587' },
    ],
    related: ['a2c-policy-loss', 'ppo-clip-loss', 'sac-policy-loss', 'cross-entropy'],
    snippets: {
      torch:
        "coef = ${2:0.01}\nentropy = torch.distributions.Categorical(logits=${1:logits}).entropy()\nloss = -coef * entropy.mean()",
      tf: 'log_p = tf.nn.log_softmax(${1:logits})\nentropy = -tf.reduce_sum(tf.exp(log_p) * log_p, axis=-1)\nloss = -${2:0.01} * tf.reduce_mean(entropy)',
      jax: 'log_p = jax.nn.log_softmax(${1:logits})\nloss = ${2:0.01} * jnp.mean(jnp.sum(jnp.exp(log_p) * log_p, axis=-1))',
    },
  },
  {
    id: 'ppo-clip-loss',
    names: { en: 'PPO Clipped Surrogate Loss', zh: 'PPO 截断替代目标损失' },
    aliases: ['PPO', 'PPO-Clip', 'clipped surrogate objective', 'proximal policy optimization', '近端策略优化', 'PPO 截断'],
    category: 'reinforcement',
    apis: [
      { framework: 'other', symbol: 'rlax.clipped_surrogate_pg_loss', kind: 'function' },
      { framework: 'other', symbol: 'torchrl.objectives.ClipPPOLoss', kind: 'class' },
    ],
    formula: 'r_t = \\exp\\big(\\log\\pi_\\theta(a_t|s_t) - \\log\\pi_{\\text{old}}(a_t|s_t)\\big), \\quad \\mathcal{L} = -\\frac{1}{N}\\sum_t \\min\\big(r_t A_t,\\ \\mathrm{clip}(r_t, 1 - \\epsilon, 1 + \\epsilon)\\, A_t\\big)',
    formulaText: 'r_t = exp(log π(a_t|s_t) − log π_old(a_t|s_t));  L = −mean(min(r_t·A_t, clip(r_t, 1 − ε, 1 + ε)·A_t))',
    inputs: [
      vec('log_prob', 'log π_θ(a_t|s_t) under the current policy.', '当前策略下的 log π_θ(a_t|s_t)。'),
      vec('old_log_prob', 'log π_old(a_t|s_t) recorded when the data was collected.', '采样时记录的 log π_old(a_t|s_t)。'),
      vec('advantage', 'Advantage estimate A_t (usually GAE, often normalised per batch).', '优势估计 A_t（通常为 GAE，常按批归一化）。'),
    ],
    params: [CLIP_EPS('Clip range ε for the probability ratio (0.2 in the paper and in Stable-Baselines3).', '概率比的截断范围 ε（论文与 Stable-Baselines3 均为 0.2）。'), REDUCTION],
    summary: {
      en: 'A policy-gradient surrogate that takes the pessimistic minimum of the unclipped and clipped ratio-weighted advantage, so a single batch cannot push the policy far from the one that collected the data.',
      zh: '对“未截断”和“截断后”的概率比加权优势取较小值（悲观估计）的策略梯度替代目标，使一批数据无法把策略推离采样时的策略太远。',
    },
    whenToUse: {
      en: 'The default on-policy algorithm for games, robotics and RLHF: several epochs of minibatch updates on each batch of rollouts.',
      zh: '游戏、机器人和 RLHF 中默认的同策略算法：对每批轨迹做多轮 minibatch 更新。',
    },
    pitfalls: {
      en: 'Once the ratio leaves [1 − ε, 1 + ε] in the favourable direction, the gradient is zero; the clip does not bound the KL, so monitor approx-KL and stop early if it grows. Advantage normalisation and the log-prob of the exact taken action (including tanh corrections for continuous actions) matter.',
      zh: '概率比朝有利方向越出 [1 − ε, 1 + ε] 后梯度为零；截断并不能严格限制 KL，应监控近似 KL 并在过大时提前停止。优势归一化以及准确计算所执行动作的对数概率（连续动作需包含 tanh 修正）都很重要。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'SB3: policy_loss = −min(A·r, A·clamp(r, 1 − ε, 1 + ε)).mean(). Gradient here with respect to log_prob (ties split as torch.min does).',
      zh: SCRATCH_NOTE.zh + 'SB3：policy_loss = −min(A·r, A·clamp(r, 1 − ε, 1 + ε)).mean()。此处对 log_prob 求梯度（并列时与 torch.min 一样平分）。',
    },
    paper: PPO_PAPER,
    sources: [
      { label: 'Stable-Baselines3 stable_baselines3/ppo/ppo.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/ppo/ppo.py' },
      { label: 'rlax rlax/_src/policy_gradients.py', version: 'v0.1.8', url: 'https://github.com/google-deepmind/rlax/blob/v0.1.8/rlax/_src/policy_gradients.py' },
      { label: 'paper (Schulman et al. 2017, PPO)', version: '2017', url: 'https://arxiv.org/abs/1707.06347' },
    ],
    related: ['ppo-value-loss', 'ppo-kl-penalty-loss', 'gae', 'entropy-bonus', 'a2c-policy-loss'],
    snippets: {
      torch:
        "clip_eps = ${4:0.2}\nratio = torch.exp(${1:log_prob} - ${2:old_log_prob})\nsurr1 = ratio * ${3:advantage}\nsurr2 = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * ${3:advantage}\nloss = -torch.min(surr1, surr2).mean()",
      tf: 'ratio = tf.exp(${1:log_prob} - ${2:old_log_prob})\nsurr1 = ratio * ${3:advantage}\nsurr2 = tf.clip_by_value(ratio, 1 - ${4:0.2}, 1 + ${4:0.2}) * ${3:advantage}\nloss = -tf.reduce_mean(tf.minimum(surr1, surr2))',
      jax: 'ratio = jnp.exp(${1:log_prob} - ${2:old_log_prob})\nloss = -jnp.mean(jnp.minimum(ratio * ${3:advantage}, jnp.clip(ratio, 1 - ${4:0.2}, 1 + ${4:0.2}) * ${3:advantage}))',
    },
  },
  {
    id: 'ppo-value-loss',
    names: { en: 'PPO Clipped Value Loss', zh: 'PPO 截断价值损失' },
    aliases: ['PPO value loss', 'clipped value loss', 'value function clipping', '价值函数截断'],
    category: 'reinforcement',
    apis: [],
    formula: 'V^{\\text{clip}} = V_{\\text{old}} + \\mathrm{clip}(V - V_{\\text{old}}, -\\epsilon, \\epsilon), \\quad \\mathcal{L} = \\frac{1}{2N}\\sum \\max\\big((V - R)^2,\\ (V^{\\text{clip}} - R)^2\\big)',
    formulaText: 'V_clip = V_old + clip(V − V_old, −ε, ε);  L = ½·mean(max((V − R)², (V_clip − R)²))',
    inputs: [
      vec('values', 'Current value predictions V(s).', '当前价值预测 V(s)。'),
      vec('old_values', 'Value predictions recorded at collection time.', '采样时记录的价值预测。'),
      vec('returns', 'Return targets R (e.g. advantages + old values).', '回报目标 R（如优势加旧价值）。'),
    ],
    params: [CLIP_EPS('Clip range ε for the value change (OpenAI baselines reuses the policy clip 0.2; Stable-Baselines3 disables it by default).', '价值变化的截断范围 ε（OpenAI baselines 复用策略的 0.2；Stable-Baselines3 默认不截断）。'), REDUCTION],
    summary: {
      en: 'The critic loss of PPO implementations: like the policy clip, it takes the worse of the unclipped and clipped squared errors, so the value head cannot move more than ε per update from its old prediction.',
      zh: 'PPO 实现中的评论家损失：与策略截断类似，取未截断与截断后平方误差中较大的一个，使价值头每次更新相对旧预测的变化不超过 ε。',
    },
    whenToUse: {
      en: 'PPO implementations that follow OpenAI baselines (ppo2) or the "37 implementation details" recipe; optional.',
      zh: '遵循 OpenAI baselines（ppo2）或“37 个实现细节”的 PPO 实现；属于可选项。',
    },
    pitfalls: {
      en: 'ε is in reward units, so it interacts with reward scaling; studies found value clipping often neutral or harmful. The ½ factor and the vf_coef multiplier vary between codebases.',
      zh: 'ε 与奖励同量纲，会与奖励缩放相互影响；已有研究发现价值截断常常无益甚至有害。½ 系数和 vf_coef 乘数在不同代码库中不同。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'Gradient here with respect to values; ties between the two branches split evenly as torch.max does.',
      zh: SCRATCH_NOTE.zh + '此处对 values 求梯度；两个分支相等时与 torch.max 一样平分梯度。',
    },
    paper: PPO_PAPER,
    sources: [
      { label: 'Stable-Baselines3 stable_baselines3/ppo/ppo.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/ppo/ppo.py' },
      { label: 'OpenAI baselines baselines/ppo2/model.py', version: 'default branch, read 2026-12', url: 'https://github.com/openai/baselines/blob/master/baselines/ppo2/model.py' },
      { label: 'paper (Schulman et al. 2017, PPO)', version: '2017', url: 'https://arxiv.org/abs/1707.06347' },
    ],
    related: ['ppo-clip-loss', 'td-loss', 'mse-loss'],
    snippets: {
      torch:
        "clip_eps = ${4:0.2}\nv_clipped = ${2:old_values} + torch.clamp(${1:values} - ${2:old_values}, -clip_eps, clip_eps)\nloss = 0.5 * torch.max((${1:values} - ${3:returns}) ** 2, (v_clipped - ${3:returns}) ** 2).mean()",
      tf: 'v_clipped = ${2:old_values} + tf.clip_by_value(${1:values} - ${2:old_values}, -${4:0.2}, ${4:0.2})\nloss = 0.5 * tf.reduce_mean(tf.maximum(tf.square(${1:values} - ${3:returns}), tf.square(v_clipped - ${3:returns})))',
    },
  },
  {
    id: 'ppo-kl-penalty-loss',
    names: { en: 'PPO KL-Penalty Loss', zh: 'PPO KL 惩罚损失' },
    aliases: ['PPO-KL', 'adaptive KL penalty', 'KL-penalized surrogate', 'KL 惩罚'],
    category: 'reinforcement',
    apis: [{ framework: 'other', symbol: 'torchrl.objectives.KLPENPPOLoss', kind: 'class' }],
    formula: '\\mathcal{L} = -\\frac{1}{N}\\sum_t \\Big[ \\frac{\\pi_\\theta(a_t|s_t)}{\\pi_{\\text{old}}(a_t|s_t)} A_t - \\beta\\, D_{KL}\\big(\\pi_{\\text{old}}(\\cdot|s_t) \\,\\|\\, \\pi_\\theta(\\cdot|s_t)\\big) \\Big]',
    formulaText: 'L = −mean[ (π(a|s)/π_old(a|s))·A − β·KL(π_old(·|s) ‖ π(·|s)) ]',
    inputs: [
      LOGITS,
      { ...LOGITS, name: 'old_logits', meaning: { en: 'Logits of the policy that collected the data.', zh: '采样时策略的 logits。' } },
      ACTION,
      vec('advantage', 'Advantage estimate A_t.', '优势估计 A_t。'),
    ],
    params: [
      {
        name: 'beta',
        type: 'number',
        default: 1.0,
        range: [0, 10],
        meaning: {
          en: 'KL penalty weight β. The paper adapts it: halve it when KL < d_targ/1.5, double it when KL > 1.5·d_targ.',
          zh: 'KL 惩罚权重 β。论文中自适应调整：KL < d_targ/1.5 时减半，KL > 1.5·d_targ 时加倍。',
        },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The alternative PPO objective: the unclipped importance-weighted surrogate minus an exact KL divergence from the old policy, with β adapted to hit a target KL.',
      zh: 'PPO 的另一种目标：未截断的重要性加权替代目标，减去与旧策略之间的精确 KL 散度，β 自适应调整以达到目标 KL。',
    },
    whenToUse: {
      en: 'When a soft trust region is preferred to clipping; the same KL-to-reference idea is used in RLHF (penalty toward the supervised model).',
      zh: '偏好软信赖域而不是截断时；RLHF 中对参考模型的 KL 惩罚也是同一思想。',
    },
    pitfalls: {
      en: 'Performed worse than clipping in the paper\'s benchmarks; β adaptation is required, a fixed β is fragile. The KL direction (old ‖ new) matters for the gradient.',
      zh: '论文基准中效果不如截断版本；必须自适应调整 β，固定 β 很脆弱。KL 的方向（old ‖ new）会影响梯度。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'Discrete actions, exact categorical KL from logits. Gradient with respect to the new logits (input).',
      zh: SCRATCH_NOTE.zh + '离散动作，由 logits 计算精确的类别分布 KL。对新策略 logits（input）求梯度。',
    },
    paper: PPO_PAPER,
    sources: [
      { label: 'paper (Schulman et al. 2017, PPO)', version: '2017', url: 'https://arxiv.org/abs/1707.06347' },
    ],
    related: ['ppo-clip-loss', 'kl-div', 'reinforce-loss'],
    snippets: {
      torch:
        "beta = ${5:1.0}\nnew = torch.distributions.Categorical(logits=${1:logits})\nold = torch.distributions.Categorical(logits=${2:old_logits})\nratio = torch.exp(new.log_prob(${3:action}) - old.log_prob(${3:action}))\nkl = torch.distributions.kl_divergence(old, new)\nloss = -(ratio * ${4:advantage} - beta * kl).mean()",
      tf: 'logp = tf.nn.log_softmax(${1:logits})\nlogp_old = tf.nn.log_softmax(${2:old_logits})\nratio = tf.exp(tf.gather(logp - logp_old, ${3:action}, axis=1, batch_dims=1))\nkl = tf.reduce_sum(tf.exp(logp_old) * (logp_old - logp), axis=1)\nloss = -tf.reduce_mean(ratio * ${4:advantage} - ${5:1.0} * kl)',
    },
  },
  {
    id: 'gae',
    names: { en: 'Generalized Advantage Estimation (GAE)', zh: '广义优势估计（GAE）' },
    aliases: ['GAE', 'GAE-lambda', 'generalized advantage estimator', '广义优势估计', '优势估计'],
    category: 'reinforcement',
    apis: [{ framework: 'other', symbol: 'rlax.truncated_generalized_advantage_estimation', kind: 'function' }],
    formula: '\\hat{A}_t = \\sum_{l=0}^{T-t-1} (\\gamma\\lambda)^l \\delta_{t+l}, \\quad \\delta_t = r_t + \\gamma (1 - d_t) V(s_{t+1}) - V(s_t)',
    formulaText: 'Â_t = Σ_l (γλ)^l·δ_{t+l},  δ_t = r_t + γ(1 − d_t)V(s_{t+1}) − V(s_t);  computed backwards: Â_t = δ_t + γλ(1 − d_t)Â_{t+1}',
    inputs: [
      { name: 'rewards', meaning: { en: 'Rewards r_t of a rollout.', zh: '一段轨迹的奖励 r_t。' }, shape: '(T) or (T, N_envs)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'values', meaning: { en: 'Value estimates V(s_t).', zh: '价值估计 V(s_t)。' }, shape: '(T) or (T, N_envs)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'next_value', meaning: { en: 'Value of the state after the last step (for bootstrapping).', zh: '最后一步之后状态的价值（用于自举）。' }, shape: '() or (N_envs)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'dones', meaning: { en: '1 where the episode ended at step t.', zh: '回合在第 t 步结束时为 1。' }, shape: '(T) or (T, N_envs)', domain: { en: '{0, 1}', zh: '取值 0 或 1' } },
    ],
    params: [
      GAMMA,
      {
        name: 'gae_lambda',
        type: 'number',
        default: 0.95,
        range: [0, 1],
        meaning: { en: 'λ trades bias (λ = 0: one-step TD) against variance (λ = 1: Monte Carlo).', zh: 'λ 在偏差（λ = 0：一步 TD）与方差（λ = 1：蒙特卡洛）之间权衡。' },
      },
    ],
    summary: {
      en: 'Not a loss but the advantage estimator most policy-gradient losses consume: an exponentially weighted sum of TD errors, the advantage analogue of TD(λ).',
      zh: '它本身不是损失，而是大多数策略梯度损失所使用的优势估计：TD 误差的指数加权和，相当于优势函数版的 TD(λ)。',
    },
    whenToUse: {
      en: 'Computing A_t for PPO, A2C and TRPO; returns for the critic are Â_t + V(s_t).',
      zh: '为 PPO、A2C、TRPO 计算 A_t；评论家的回报目标为 Â_t + V(s_t)。',
    },
    pitfalls: {
      en: 'Reset the recursion at episode ends (the done mask), bootstrap from the value of the last state of a truncated rollout, and compute without gradient. Time-limit truncation is not termination.',
      zh: '在回合结束处重置递推（done 掩码），被截断的轨迹要用最后状态的价值自举，并在无梯度下计算。因时间上限截断不等于真正终止。',
    },
    frameworkNotes: {
      en: 'Reference entry (it returns advantages, not a scalar loss). SB3 computes it in RolloutBuffer.compute_returns_and_advantage; rlax has truncated_generalized_advantage_estimation.',
      zh: '参考条目（输出的是优势序列，而不是标量损失）。SB3 在 RolloutBuffer.compute_returns_and_advantage 中计算；rlax 提供 truncated_generalized_advantage_estimation。',
    },
    paper: {
      authors: 'John Schulman, Philipp Moritz, Sergey Levine, Michael Jordan, Pieter Abbeel',
      year: 2016,
      title: 'High-Dimensional Continuous Control Using Generalized Advantage Estimation',
      url: 'https://arxiv.org/abs/1506.02438',
    },
    sources: [
      { label: 'Stable-Baselines3 stable_baselines3/common/buffers.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/common/buffers.py' },
      { label: 'rlax rlax/_src/multistep.py', version: 'v0.1.8', url: 'https://github.com/google-deepmind/rlax/blob/v0.1.8/rlax/_src/multistep.py' },
      { label: 'paper (Schulman et al. 2016, GAE)', version: '2016', url: 'https://arxiv.org/abs/1506.02438' },
    ],
    related: ['td-loss', 'ppo-clip-loss', 'a2c-policy-loss', 'n-step-return-loss'],
    snippets: {
      torch:
        "def gae(rewards, values, next_value, dones, gamma=${1:0.99}, gae_lambda=${2:0.95}):\n    adv = torch.zeros_like(rewards)\n    last = 0.0\n    for t in reversed(range(len(rewards))):\n        v_next = next_value if t == len(rewards) - 1 else values[t + 1]\n        delta = rewards[t] + gamma * (1 - dones[t]) * v_next - values[t]\n        last = delta + gamma * gae_lambda * (1 - dones[t]) * last\n        adv[t] = last\n    return adv, adv + values",
      tf: 'def gae(rewards, values, next_value, dones, gamma=${1:0.99}, lam=${2:0.95}):\n    adv = []\n    last = 0.0\n    n = len(rewards)\n    for t in reversed(range(n)):\n        v_next = next_value if t == n - 1 else values[t + 1]\n        delta = rewards[t] + gamma * (1 - dones[t]) * v_next - values[t]\n        last = delta + gamma * lam * (1 - dones[t]) * last\n        adv.insert(0, last)\n    adv = tf.stack(adv)\n    return adv, adv + values',
    },
  },
  {
    id: 'sac-q-loss',
    names: { en: 'Soft Q Loss (SAC critic)', zh: '软 Q 损失（SAC 评论家）' },
    aliases: ['SAC critic loss', 'soft Bellman residual', 'soft Q-learning', 'SAC Q 损失', '软贝尔曼残差'],
    category: 'reinforcement',
    apis: [{ framework: 'other', symbol: 'torchrl.objectives.SACLoss', kind: 'class' }],
    formula: "y = r + \\gamma (1 - d)\\big(\\min_j Q_{\\bar\\theta_j}(s', a') - \\alpha \\log \\pi(a' \\mid s')\\big),\\ a' \\sim \\pi(\\cdot|s'), \\quad \\mathcal{L} = \\frac{1}{2N}\\sum \\big(Q_\\theta(s, a) - y\\big)^2",
    formulaText: "y = r + γ(1 − d)·(min_j Q_target_j(s', a') − α·log π(a'|s')), a' ~ π(·|s');  L = ½·mean((Q(s, a) − y)²)",
    inputs: [
      vec('input', 'Q(s, a) of one critic for the stored action.', '某个评论家对存储动作的 Q(s, a)。'),
      vec('reward', 'Reward r.', '奖励 r。'),
      vec('next_q', "min over the target critics of Q(s', a') at a fresh action a' ~ π(·|s').", "在新采样动作 a' ~ π(·|s') 上，各目标评论家 Q(s', a') 的最小值。"),
      vec('next_log_prob', "log π(a'|s') of that action.", "该动作的 log π(a'|s')。"),
      DONE,
    ],
    params: [
      GAMMA,
      {
        name: 'alpha',
        type: 'number',
        default: 0.2,
        range: [0, 1],
        meaning: { en: 'Entropy temperature α (fixed here; SAC v2 tunes it automatically).', zh: '熵温度 α（此处固定；SAC 第二版会自动调节）。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The critic loss of Soft Actor-Critic: a TD regression onto a soft Bellman target that adds the policy\'s entropy (−α log π) to the next-state value, using the minimum of two target critics.',
      zh: 'Soft Actor-Critic 的评论家损失：对软贝尔曼目标做 TD 回归，目标中的下一状态价值加上策略熵（−α log π），并取两个目标评论家的最小值。',
    },
    whenToUse: {
      en: 'Continuous-control off-policy RL (SAC), also discrete SAC variants; apply it to each of the twin critics.',
      zh: '连续控制的异策略强化学习（SAC）及其离散动作变体；对两个孪生评论家分别计算。',
    },
    pitfalls: {
      en: 'The target uses a new action sampled from the current policy at s\', not the stored next action. Compute the target without gradient. α and the reward scale trade off against each other.',
      zh: '目标使用的是在 s\' 处从当前策略新采样的动作，而不是经验中存储的下一动作。目标要在无梯度下计算。α 与奖励尺度相互制约。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'SB3 SAC: critic_loss = 0.5·Σ_j F.mse_loss(Q_j, target). This entry is one critic\'s term.',
      zh: SCRATCH_NOTE.zh + 'SB3 的 SAC：critic_loss = 0.5·Σ_j F.mse_loss(Q_j, target)。本条目是其中一个评论家的项。',
    },
    paper: SAC_PAPER,
    sources: [
      { label: 'Stable-Baselines3 stable_baselines3/sac/sac.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/sac/sac.py' },
      { label: 'paper (Haarnoja et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1801.01290' },
    ],
    related: ['sac-policy-loss', 'td-loss', 'entropy-bonus', 'dqn-loss'],
    snippets: {
      torch:
        "gamma = ${6:0.99}\nalpha = ${7:0.2}\nwith torch.no_grad():\n    target = ${2:reward} + gamma * (1 - ${5:done}) * (${3:next_q} - alpha * ${4:next_log_prob})\nloss = 0.5 * F.mse_loss(${1:q}, target)",
      tf: 'target = tf.stop_gradient(${2:reward} + ${6:0.99} * (1 - ${5:done}) * (${3:next_q} - ${7:0.2} * ${4:next_log_prob}))\nloss = 0.5 * tf.reduce_mean(tf.square(${1:q} - target))',
    },
  },
  {
    id: 'sac-policy-loss',
    names: { en: 'SAC Policy Loss', zh: 'SAC 策略损失' },
    aliases: ['SAC actor loss', 'maximum entropy policy loss', 'SAC actor', '最大熵策略损失'],
    category: 'reinforcement',
    apis: [],
    formula: '\\mathcal{L}_\\pi = \\frac{1}{N}\\sum \\Big[\\alpha \\log \\pi_\\phi(\\tilde{a} \\mid s) - \\min_j Q_{\\theta_j}(s, \\tilde{a})\\Big], \\quad \\tilde{a} = f_\\phi(\\epsilon; s)',
    formulaText: 'L_π = mean[α·log π(ã|s) − min_j Q_j(s, ã)],  ã reparameterised from the policy',
    inputs: [
      vec('log_prob', 'log π(ã|s) of a reparameterised action.', '重参数化动作的 log π(ã|s)。'),
      vec('q_value', 'min_j Q_j(s, ã) of the current critics at that action.', '当前评论家在该动作上的 min_j Q_j(s, ã)。'),
    ],
    params: [
      {
        name: 'alpha',
        type: 'number',
        default: 0.2,
        range: [0, 1],
        meaning: { en: 'Entropy temperature α.', zh: '熵温度 α。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The actor objective of SAC: minimise the KL between the policy and the Boltzmann distribution of the soft Q-function, i.e. maximise Q plus α times the entropy, via reparameterised actions.',
      zh: 'SAC 的 actor 目标：最小化策略与软 Q 函数的玻尔兹曼分布之间的 KL，即借助重参数化动作最大化 Q 加 α 倍的熵。',
    },
    whenToUse: {
      en: 'With sac-q-loss in Soft Actor-Critic.',
      zh: '在 Soft Actor-Critic 中与 sac-q-loss 配合使用。',
    },
    pitfalls: {
      en: 'Gradients must flow through ã into both log π and Q (reparameterisation), but not into the critic parameters. Squashed (tanh) actions need the log-det-Jacobian correction in log π. The kernel here only shows the gradient with respect to log π (= α/N).',
      zh: '梯度必须通过 ã 同时流入 log π 和 Q（重参数化），但不能更新评论家参数。经过 tanh 压缩的动作需要在 log π 中加入雅可比行列式修正。这里的实现只显示对 log π 的梯度（= α/N）。',
    },
    frameworkNotes: {
      en: SCRATCH_NOTE.en + 'SB3: actor_loss = (ent_coef · log_prob − min_qf_pi).mean().',
      zh: SCRATCH_NOTE.zh + 'SB3：actor_loss = (ent_coef · log_prob − min_qf_pi).mean()。',
    },
    paper: SAC_PAPER,
    sources: [
      { label: 'Stable-Baselines3 stable_baselines3/sac/sac.py', version: 'v2.8.0', url: 'https://github.com/DLR-RM/stable-baselines3/blob/v2.8.0/stable_baselines3/sac/sac.py' },
      { label: 'paper (Haarnoja et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1801.01290' },
    ],
    related: ['sac-q-loss', 'entropy-bonus'],
    snippets: {
      torch:
        "alpha = ${3:0.2}\nloss = (alpha * ${1:log_prob} - ${2:q_value}).mean()",
      tf: 'loss = tf.reduce_mean(${3:0.2} * ${1:log_prob} - ${2:q_value})',
      jax: 'loss = jnp.mean(${3:0.2} * ${1:log_prob} - ${2:q_value})',
    },
  },
];
