/**
 * Catalog entries: robust regression losses (quantile/expectile regression and
 * M-estimators). Category `regression`; none of them ships in torch.nn, so the
 * primary form is the from-scratch PyTorch snippet (inputs `input`, `target`).
 */
import type { LossEntry, ParamSpec } from '../types';
import { KERAS_LOSSES, OPTAX_REGRESSION, torchSource } from './sources';
import { POINTWISE_INPUTS, REDUCTION } from './common';

function num(name: string, def: number, range: readonly [number, number], en: string, zh: string): ParamSpec {
  return { name, type: 'number', default: def, range, meaning: { en, zh } };
}

const SCALE_C = (def: number, en: string, zh: string): ParamSpec =>
  num('c', def, [0.05, 10], `Scale constant c (in the units of the residual): ${en}`, `尺度常数 c（与残差同量纲）：${zh}`);

export const ROBUST_ENTRIES: readonly LossEntry[] = [
  {
    id: 'quantile-loss',
    names: { en: 'Quantile (Pinball) Loss', zh: '分位数损失（Pinball 损失）' },
    aliases: ['pinball loss', 'quantile regression loss', 'check loss', '分位数回归损失', '弹球损失'],
    category: 'regression',
    apis: [
      { framework: 'other', symbol: 'tfa.losses.PinballLoss', kind: 'class' },
      { framework: 'other', symbol: 'tfa.losses.pinball_loss', kind: 'function' },
      { framework: 'other', symbol: 'pytorch_forecasting.metrics.QuantileLoss', kind: 'class' },
    ],
    formula:
      '\\rho_\\tau(u) = \\begin{cases} \\tau\\,u & u \\ge 0 \\\\ (\\tau - 1)\\,u & u < 0 \\end{cases}, \\quad u = y - \\hat{y}',
    formulaText: 'ρ_τ(u) = τ·u if u ≥ 0, (τ − 1)·u if u < 0, with u = y − ŷ',
    inputs: POINTWISE_INPUTS,
    params: [
      num('quantile', 0.5, [0, 1], 'The quantile τ in [0, 1] to estimate; 0.5 gives half the absolute error (the median).', '要估计的分位点 τ ∈ [0, 1]；0.5 时为绝对误差的一半（估计中位数）。'),
      REDUCTION,
    ],
    summary: {
      en: 'An asymmetric absolute error whose minimiser is the τ-quantile of the target instead of its mean: under-predictions cost τ per unit, over-predictions 1 − τ.',
      zh: '非对称的绝对误差，其最优解是目标的 τ 分位数而不是均值：预测偏低时每单位代价为 τ，偏高时为 1 − τ。',
    },
    whenToUse: {
      en: 'Prediction intervals and risk-aware forecasts (demand, latency, energy): train one head per quantile, e.g. 0.1/0.5/0.9, to get a band instead of a point.',
      zh: '需要预测区间或风险敏感预测（需求、延迟、能耗）时：每个分位点一个输出头（如 0.1/0.5/0.9），得到一个区间而不是单点。',
    },
    pitfalls: {
      en: 'Independent heads can cross (the 0.9 prediction falling below the 0.1 one); sort them or predict positive increments. The gradient has constant magnitude like L1, so it does not shrink near the optimum.',
      zh: '各分位点独立训练时可能出现“分位交叉”（0.9 的预测低于 0.1），可对输出排序或预测正的增量。梯度大小恒定（与 L1 相同），在最优点附近不会变小。',
    },
    frameworkNotes: {
      en: 'Not in torch or core Keras. TensorFlow Addons (now deprecated) had PinballLoss(tau=0.5) with Keras reduction (mean over the last axis, then the batch). pytorch_forecasting.metrics.QuantileLoss evaluates several quantiles at once (one output per quantile, default 0.02 … 0.98). Here u = target − input and reduction follows torch.',
      zh: 'PyTorch 和 Keras 核心库都没有内置。TensorFlow Addons（已停止维护）提供 PinballLoss(tau=0.5)，按 Keras 方式汇总（先在最后一个轴求平均再对 batch 求平均）。pytorch_forecasting.metrics.QuantileLoss 一次计算多个分位点（每个分位点一个输出，默认 0.02 … 0.98）。本实现 u = target − input，汇总方式同 PyTorch。',
    },
    paper: {
      authors: 'Roger Koenker, Gilbert Bassett Jr.',
      year: 1978,
      title: 'Regression Quantiles',
      url: 'https://doi.org/10.2307/1913643',
    },
    sources: [{ label: 'TensorFlow Addons tensorflow_addons/losses/quantiles.py', version: 'd208d75 (v0.23.0)', url: 'https://github.com/tensorflow/addons/blob/d208d752/tensorflow_addons/losses/quantiles.py' }, { label: 'pytorch-forecasting pytorch_forecasting/metrics/quantile.py', version: '062aeb4 (after v1.8.0)', url: 'https://github.com/sktime/pytorch-forecasting/blob/062aeb47/pytorch_forecasting/metrics/quantile.py' }],
    related: ['expectile-loss', 'l1-loss', 'huber-loss'],
    snippets: {
      torch:
        "def quantile_loss(pred, target, quantile=${1:0.5}):\n    u = target - pred\n    return torch.maximum(quantile * u, (quantile - 1) * u).mean()\n\nloss = quantile_loss(${2:pred}, ${3:target})",
      tf: 'def quantile_loss(y_true, y_pred, q=${1:0.5}):\n    u = y_true - y_pred\n    return tf.reduce_mean(tf.maximum(q * u, (q - 1) * u))\n\nloss = quantile_loss(${2:y_true}, ${3:y_pred})',
      jax: 'u = ${1:target} - ${2:pred}\nloss = jnp.mean(jnp.maximum(${3:0.5} * u, (${3:0.5} - 1) * u))',
    },
  },
  {
    id: 'expectile-loss',
    names: { en: 'Expectile Loss', zh: '期望分位数损失（Expectile 损失）' },
    aliases: ['asymmetric least squares', 'expectile regression loss', '期望分位数回归', '非对称最小二乘'],
    category: 'regression',
    apis: [],
    formula: '\\ell_\\tau(u) = \\lvert \\tau - \\mathbb{1}[u < 0] \\rvert \\, u^2, \\quad u = y - \\hat{y}',
    formulaText: 'ℓ_τ(u) = |τ − 1[u < 0]|·u², with u = y − ŷ',
    inputs: POINTWISE_INPUTS,
    params: [
      num('expectile', 0.5, [0, 1], 'The expectile τ in [0, 1]; 0.5 gives half the squared error (the mean).', '期望分位点 τ ∈ [0, 1]；0.5 时为平方误差的一半（估计均值）。'),
      REDUCTION,
    ],
    summary: {
      en: 'The squared-error counterpart of the pinball loss: residuals above and below the prediction get weights τ and 1 − τ, and the minimiser is the τ-expectile.',
      zh: 'Pinball 损失的平方误差版本：预测值上下两侧的残差分别乘以 τ 和 1 − τ，最优解为 τ 期望分位数（expectile）。',
    },
    whenToUse: {
      en: 'Asymmetric regression that should stay smooth (unlike the pinball loss), and value learning in offline RL (IQL fits an upper expectile of Q − V with τ ≈ 0.7–0.9).',
      zh: '需要非对称但又光滑的回归（Pinball 损失不光滑）；离线强化学习中的价值学习（IQL 用 τ ≈ 0.7–0.9 拟合 Q − V 的上期望分位数）。',
    },
    pitfalls: {
      en: 'An expectile is not a quantile: a 0.9-expectile is not exceeded 10% of the time. Being quadratic, it is as sensitive to outliers as MSE.',
      zh: '期望分位数不是分位数：0.9 期望分位数并不意味着有 10% 的样本超过它。它是二次的，因此对离群点和 MSE 一样敏感。',
    },
    frameworkNotes: {
      en: 'No framework ships it; it is a one-line weighted MSE. Here u = target − input (IQL writes u = Q − V with V the prediction).',
      zh: '各框架都没有内置，写成一行加权 MSE 即可。本实现 u = target − input（IQL 中 u = Q − V，V 为预测值）。',
    },
    paper: {
      authors: 'Whitney K. Newey, James L. Powell',
      year: 1987,
      title: 'Asymmetric Least Squares Estimation and Testing',
      url: 'https://doi.org/10.2307/1911031',
    },
    sources: [{ label: 'paper: Asymmetric Least Squares Estimation and Testing', version: '1987', url: 'https://doi.org/10.2307/1911031' }],
    related: ['quantile-loss', 'mse-loss'],
    snippets: {
      torch:
        "def expectile_loss(pred, target, expectile=${1:0.5}):\n    u = target - pred\n    w = torch.where(u < 0, 1 - expectile, expectile)\n    return (w * u ** 2).mean()\n\nloss = expectile_loss(${2:pred}, ${3:target})",
      tf: 'def expectile_loss(y_true, y_pred, tau=${1:0.5}):\n    u = y_true - y_pred\n    w = tf.where(u < 0, 1 - tau, tau)\n    return tf.reduce_mean(w * tf.square(u))\n\nloss = expectile_loss(${2:y_true}, ${3:y_pred})',
      jax: 'u = ${1:target} - ${2:pred}\nloss = jnp.mean(jnp.where(u < 0, 1 - ${3:0.5}, ${3:0.5}) * u ** 2)',
    },
  },
  {
    id: 'tukey-biweight-loss',
    names: { en: "Tukey's Biweight Loss", zh: 'Tukey 双权损失（Biweight）' },
    aliases: ['Tukey loss', 'bisquare loss', 'Tukey biweight', 'Tukey 损失', '双平方损失'],
    category: 'regression',
    apis: [],
    formula:
      '\\rho(r) = \\begin{cases} \\frac{c^2}{6}\\Big(1 - \\big(1 - (r/c)^2\\big)^3\\Big) & |r| \\le c \\\\ \\frac{c^2}{6} & |r| > c \\end{cases}',
    formulaText: 'ρ(r) = c²/6·(1 − (1 − (r/c)²)³) if |r| ≤ c, else c²/6',
    inputs: POINTWISE_INPUTS,
    params: [
      SCALE_C(4.685, '4.685 gives 95% efficiency under Gaussian noise when residuals have unit scale.', '残差为单位尺度时，4.685 在高斯噪声下有 95% 的效率。'),
      REDUCTION,
    ],
    summary: {
      en: 'A redescending M-estimator: quadratic near zero, then flattening to a constant, so residuals beyond c get zero gradient and are ignored entirely.',
      zh: '一种“回降型”（redescending）M 估计：零附近近似二次，之后趋于常数，残差超过 c 时梯度为零，相当于完全忽略该样本。',
    },
    whenToUse: {
      en: 'Heavy contamination (gross outliers, wrong labels) in pose or depth regression, when you can start from a reasonable initial fit.',
      zh: '数据含大量严重离群点（错误标注）的姿态、深度等回归，且已有较好的初始解时。',
    },
    pitfalls: {
      en: 'Non-convex: from a poor start every residual may sit beyond c with zero gradient and training stalls. c must match the residual scale; normalise residuals (e.g. by the MAD) first.',
      zh: '非凸：初始化差时所有残差都可能超过 c，梯度全为零而训练停滞。c 需与残差尺度匹配，最好先用 MAD 等对残差归一化。',
    },
    frameworkNotes: {
      en: 'Not in torch, Keras or optax; statsmodels has it as robust.norms.TukeyBiweight for IRLS. Written from scratch here.',
      zh: 'PyTorch、Keras、optax 均未内置；statsmodels 在 robust.norms.TukeyBiweight 中提供（用于 IRLS）。此处为从零实现。',
    },
    paper: {
      authors: 'Albert E. Beaton, John W. Tukey',
      year: 1974,
      title: 'The Fitting of Power Series, Meaning Polynomials, Illustrated on Band-Spectroscopic Data',
      url: 'https://doi.org/10.1080/00401706.1974.10489171',
    },
    sources: [{ label: 'statsmodels docs statsmodels.robust.norms.TukeyBiweight', version: 'stable (0.14)', url: 'https://www.statsmodels.org/stable/generated/statsmodels.robust.norms.TukeyBiweight.html' }],
    related: ['huber-loss', 'cauchy-loss', 'geman-mcclure-loss', 'welsch-loss', 'barron-robust-loss'],
    snippets: {
      torch:
        'def tukey_loss(pred, target, c=${1:4.685}):\n    r = (pred - target).abs().clamp(max=c)\n    return (c ** 2 / 6 * (1 - (1 - (r / c) ** 2) ** 3)).mean()\n\nloss = tukey_loss(${2:pred}, ${3:target})',
      tf: 'def tukey_loss(y_true, y_pred, c=${1:4.685}):\n    r = tf.minimum(tf.abs(y_pred - y_true), c)\n    return tf.reduce_mean(c ** 2 / 6 * (1 - (1 - (r / c) ** 2) ** 3))\n\nloss = tukey_loss(${2:y_true}, ${3:y_pred})',
    },
  },
  {
    id: 'cauchy-loss',
    names: { en: 'Cauchy (Lorentzian) Loss', zh: '柯西损失（Lorentzian 损失）' },
    aliases: ['Lorentzian loss', 'Cauchy', 'Lorentzian', '柯西', '洛伦兹损失'],
    category: 'regression',
    apis: [],
    formula: '\\rho(r) = \\frac{c^2}{2} \\ln\\!\\Big(1 + \\big(r/c\\big)^2\\Big)',
    formulaText: 'ρ(r) = c²/2 · ln(1 + (r/c)²)',
    inputs: POINTWISE_INPUTS,
    params: [
      SCALE_C(1.0, 'residuals much larger than c grow only logarithmically (2.3849 gives 95% Gaussian efficiency).', '远大于 c 的残差只按对数增长（取 2.3849 时高斯效率为 95%）。'),
      REDUCTION,
    ],
    summary: {
      en: 'The negative log-likelihood of Cauchy-distributed noise: quadratic for small residuals, logarithmic for large ones, so an outlier\'s influence decays like 1/r.',
      zh: '柯西分布噪声的负对数似然：小残差时近似二次，大残差时按对数增长，离群点的影响力按 1/r 衰减。',
    },
    whenToUse: {
      en: 'Geometric vision (bundle adjustment, registration, optical flow) and any regression with heavy-tailed errors where some gradient should still flow from far points.',
      zh: '几何视觉（光束法平差、配准、光流）以及误差重尾、但仍希望远处样本保留一点梯度的回归。',
    },
    pitfalls: {
      en: 'Non-convex (though milder than Tukey or Geman–McClure); scale c must match the residuals.',
      zh: '非凸（比 Tukey、Geman–McClure 温和）；尺度 c 需与残差匹配。',
    },
    frameworkNotes: {
      en: "Not in torch/Keras/optax. Ceres Solver's CauchyLoss is ρ(s) = log(1 + s) on the squared residual s, twice this with c = 1, and Ceres minimises ½·Σρ, so its cost equals this one with c = 1; Barron's loss gives it at α = 0 with a different scale.",
      zh: 'PyTorch/Keras/optax 均未内置。Ceres Solver 的 CauchyLoss 对平方残差 s 取 ρ(s) = log(1 + s)，是 c = 1 时本式的 2 倍，而 Ceres 最小化的是 ½·Σρ，因此其代价与 c = 1 时的本式相等；Barron 通用损失在 α = 0 时得到同一形状，但尺度不同。',
    },
    paper: {
      authors: 'Michael J. Black, Anand Rangarajan',
      year: 1996,
      title: 'On the Unification of Line Processes, Outlier Rejection, and Robust Statistics with Applications in Early Vision',
      url: 'https://doi.org/10.1007/BF00131148',
    },
    sources: [{ label: 'Ceres Solver include/ceres/loss_function.h (CauchyLoss)', version: 'ceres-solver 2.x', url: 'https://github.com/ceres-solver/ceres-solver/blob/master/include/ceres/loss_function.h' }, { label: 'paper: On the Unification of Line Processes, Outlier Rejection, and Robust Statistics with Applications in Early Vision', version: '1996', url: 'https://doi.org/10.1007/BF00131148' }],
    related: ['geman-mcclure-loss', 'tukey-biweight-loss', 'barron-robust-loss', 'huber-loss'],
    snippets: {
      torch:
        'def cauchy_loss(pred, target, c=${1:1.0}):\n    r = pred - target\n    return (c ** 2 / 2 * torch.log1p((r / c) ** 2)).mean()\n\nloss = cauchy_loss(${2:pred}, ${3:target})',
      tf: 'def cauchy_loss(y_true, y_pred, c=${1:1.0}):\n    r = y_pred - y_true\n    return tf.reduce_mean(c ** 2 / 2 * tf.math.log1p((r / c) ** 2))\n\nloss = cauchy_loss(${2:y_true}, ${3:y_pred})',
    },
  },
  {
    id: 'geman-mcclure-loss',
    names: { en: 'Geman–McClure Loss', zh: 'Geman–McClure 损失' },
    aliases: ['Geman McClure', 'GM loss', 'Geman-McClure'],
    category: 'regression',
    apis: [],
    formula: '\\rho(r) = \\frac{r^2}{\\sigma^2 + r^2}',
    formulaText: 'ρ(r) = r² / (σ² + r²)',
    inputs: POINTWISE_INPUTS,
    params: [
      num('sigma', 1.0, [0.05, 10], 'Scale σ: residuals well beyond σ saturate at a loss of 1.', '尺度 σ：远大于 σ 的残差损失饱和到 1。'),
      REDUCTION,
    ],
    summary: {
      en: 'A bounded, redescending robust loss: it saturates at 1, and its gradient peaks at |r| = σ/√3 and then falls toward zero, so gross outliers barely move the fit.',
      zh: '有界、回降型的稳健损失：上限为 1，梯度在 |r| = σ/√3 处最大随后趋于零，严重离群点几乎不影响拟合。',
    },
    whenToUse: {
      en: 'Robust registration and SfM (e.g. with graduated non-convexity, shrinking σ), outlier-heavy correspondence fitting.',
      zh: '稳健配准与运动恢复结构（SfM）（常配合逐步非凸化 GNC，由大到小缩小 σ），以及离群点很多的对应点拟合。',
    },
    pitfalls: {
      en: 'Strongly non-convex; from a bad start it ignores the inliers too. Start with a large σ and anneal it.',
      zh: '强非凸；初始化差时连内点也会被忽略。应从较大的 σ 开始逐步减小。',
    },
    frameworkNotes: {
      en: "Introduced by Geman and McClure (1987) for tomographic reconstruction; the paper cited here analyses it among other robust estimators. No framework ships it. Barron's loss at α = −2 gives the same shape as 2(r/c)²/((r/c)² + 4).",
      zh: '由 Geman 与 McClure（1987）在断层图像重建中提出；这里引用的论文把它与其他稳健估计一并分析。各框架都没有内置。Barron 通用损失在 α = −2 时给出同一形状：2(r/c)²/((r/c)² + 4)。',
    },
    paper: {
      authors: 'Michael J. Black, Anand Rangarajan',
      year: 1996,
      title: 'On the Unification of Line Processes, Outlier Rejection, and Robust Statistics with Applications in Early Vision',
      url: 'https://doi.org/10.1007/BF00131148',
    },
    sources: [{ label: 'paper: On the Unification of Line Processes, Outlier Rejection, and Robust Statistics with Applications in Early Vision', version: '1996', url: 'https://doi.org/10.1007/BF00131148' }],
    related: ['cauchy-loss', 'tukey-biweight-loss', 'welsch-loss', 'barron-robust-loss'],
    snippets: {
      torch:
        'def geman_mcclure_loss(pred, target, sigma=${1:1.0}):\n    r2 = (pred - target) ** 2\n    return (r2 / (sigma ** 2 + r2)).mean()\n\nloss = geman_mcclure_loss(${2:pred}, ${3:target})',
      tf: 'def geman_mcclure_loss(y_true, y_pred, sigma=${1:1.0}):\n    r2 = tf.square(y_pred - y_true)\n    return tf.reduce_mean(r2 / (sigma ** 2 + r2))\n\nloss = geman_mcclure_loss(${2:y_true}, ${3:y_pred})',
    },
  },
  {
    id: 'charbonnier-loss',
    names: { en: 'Charbonnier Loss', zh: 'Charbonnier 损失' },
    aliases: ['Charbonnier', 'differentiable L1', 'smooth L1 (Charbonnier)', '可导 L1'],
    category: 'regression',
    apis: [],
    formula: '\\rho(r) = \\sqrt{r^2 + \\varepsilon^2}',
    formulaText: 'ρ(r) = √(r² + ε²)',
    inputs: POINTWISE_INPUTS,
    params: [
      num('eps', 1e-3, [0, 1], 'Smoothing ε: below about ε the loss is quadratic; a small ε makes it a differentiable L1.', '平滑参数 ε：残差小于约 ε 时近似二次；ε 很小时就是可导的 L1。'),
      REDUCTION,
    ],
    summary: {
      en: 'A differentiable approximation of L1: √(r² + ε²) behaves like |r| for |r| ≫ ε and is smooth at zero.',
      zh: 'L1 的可导近似：|r| ≫ ε 时与 |r| 相同，在 0 处光滑。',
    },
    whenToUse: {
      en: 'Image restoration and super-resolution (LapSRN, EDVR), optical flow: L1-like robustness without the kink at zero.',
      zh: '图像复原与超分辨率（LapSRN、EDVR）、光流：具有 L1 的稳健性，又没有 0 点处的尖角。',
    },
    pitfalls: {
      en: 'The loss never reaches 0 (its floor is ε); some codebases subtract ε. Different papers put ε² or ε inside the root; check before comparing numbers.',
      zh: '损失最小值是 ε 而不是 0，部分代码会减去 ε。不同论文在根号内写 ε² 或 ε，对比数值前要确认。',
    },
    frameworkNotes: {
      en: 'Not in torch/Keras/optax. Equal to pseudo-Huber up to scale and offset: δ·√(r² + δ²) − δ² with δ = ε.',
      zh: 'PyTorch/Keras/optax 均未内置。与 pseudo-Huber 只差缩放和常数：δ = ε 时 pseudo-Huber = δ·√(r² + δ²) − δ²。',
    },
    paper: {
      authors: 'Pierre Charbonnier, Laure Blanc-Féraud, Gilles Aubert, Michel Barlaud',
      year: 1994,
      title: 'Two Deterministic Half-Quadratic Regularization Algorithms for Computed Imaging',
      url: 'https://doi.org/10.1109/ICIP.1994.413553',
    },
    sources: [{ label: 'paper: Two Deterministic Half-Quadratic Regularization Algorithms for Computed Imaging', version: '1994', url: 'https://doi.org/10.1109/ICIP.1994.413553' }],
    related: ['pseudo-huber-loss', 'l1-loss', 'smooth-l1-loss', 'barron-robust-loss'],
    snippets: {
      torch:
        'def charbonnier_loss(pred, target, eps=${1:1e-3}):\n    return torch.sqrt((pred - target) ** 2 + eps ** 2).mean()\n\nloss = charbonnier_loss(${2:pred}, ${3:target})',
      tf: 'def charbonnier_loss(y_true, y_pred, eps=${1:1e-3}):\n    return tf.reduce_mean(tf.sqrt(tf.square(y_pred - y_true) + eps ** 2))\n\nloss = charbonnier_loss(${2:y_true}, ${3:y_pred})',
      jax: 'loss = jnp.mean(jnp.sqrt((${1:pred} - ${2:target}) ** 2 + ${3:1e-3} ** 2))',
    },
  },
  {
    id: 'pseudo-huber-loss',
    names: { en: 'Pseudo-Huber Loss', zh: '伪 Huber 损失（Pseudo-Huber）' },
    aliases: ['pseudo Huber', 'smooth Huber', 'Pseudo-Huber', '伪Huber损失'],
    category: 'regression',
    apis: [],
    formula: '\\rho(r) = \\delta^2 \\left( \\sqrt{1 + (r/\\delta)^2} - 1 \\right)',
    formulaText: 'ρ(r) = δ²·(√(1 + (r/δ)²) − 1)',
    inputs: POINTWISE_INPUTS,
    params: [
      num('delta', 1.0, [0.01, 10], 'Transition scale δ: about r²/2 below δ, about δ·|r| above.', '过渡尺度 δ：小于 δ 时约为 r²/2，大于 δ 时约为 δ·|r|。'),
      REDUCTION,
    ],
    summary: {
      en: 'A smooth version of the Huber loss: infinitely differentiable, ≈ r²/2 for small residuals and ≈ δ|r| for large ones.',
      zh: 'Huber 损失的光滑版本：无穷次可导，小残差约为 r²/2，大残差约为 δ|r|。',
    },
    whenToUse: {
      en: 'Where Huber fits but a continuous second derivative matters (second-order optimisers, Gauss–Newton), or as the consistency-model training metric.',
      zh: '适合 Huber 但需要连续二阶导数的场景（二阶优化器、Gauss–Newton），也是一致性模型（consistency models）训练中使用的距离。',
    },
    pitfalls: {
      en: 'Approaches Huber only asymptotically; for the same δ its values are slightly lower than Huber\'s. δ is in target units.',
      zh: '只是渐近地接近 Huber，同样的 δ 下数值略低于 Huber。δ 与目标同量纲。',
    },
    frameworkNotes: {
      en: 'Not in torch/Keras/optax (optax.huber_loss is the piecewise Huber). XGBoost has it as objective reg:pseudohubererror with huber_slope = δ.',
      zh: 'PyTorch/Keras/optax 均未内置（optax.huber_loss 是分段的 Huber）。XGBoost 中对应目标 reg:pseudohubererror，参数 huber_slope 即 δ。',
    },
    paper: {
      authors: 'Pierre Charbonnier, Laure Blanc-Féraud, Gilles Aubert, Michel Barlaud',
      year: 1997,
      title: 'Deterministic Edge-Preserving Regularization in Computed Imaging',
      url: 'https://doi.org/10.1109/83.551699',
    },
    sources: [{ label: 'XGBoost src/common/pseudo_huber.h (huber_slope)', version: '3.0.5', url: 'https://docs.rs/crate/xgboost_lib-sys/3.0.5/source/xgboost/src/common/pseudo_huber.h' }, OPTAX_REGRESSION],
    related: ['huber-loss', 'charbonnier-loss', 'smooth-l1-loss', 'log-cosh'],
    snippets: {
      torch:
        'def pseudo_huber_loss(pred, target, delta=${1:1.0}):\n    r = pred - target\n    return (delta ** 2 * (torch.sqrt(1 + (r / delta) ** 2) - 1)).mean()\n\nloss = pseudo_huber_loss(${2:pred}, ${3:target})',
      tf: 'def pseudo_huber_loss(y_true, y_pred, delta=${1:1.0}):\n    r = y_pred - y_true\n    return tf.reduce_mean(delta ** 2 * (tf.sqrt(1 + (r / delta) ** 2) - 1))\n\nloss = pseudo_huber_loss(${2:y_true}, ${3:y_pred})',
    },
  },
  {
    id: 'fair-loss',
    names: { en: 'Fair Loss', zh: 'Fair 损失' },
    aliases: ['Fair', 'Fair M-estimator', 'Fair 估计'],
    category: 'regression',
    apis: [],
    formula: '\\rho(r) = c^2 \\left( \\frac{|r|}{c} - \\ln\\!\\Big(1 + \\frac{|r|}{c}\\Big) \\right)',
    formulaText: 'ρ(r) = c²·(|r|/c − ln(1 + |r|/c))',
    inputs: POINTWISE_INPUTS,
    params: [
      SCALE_C(1.3998, '1.3998 gives 95% Gaussian efficiency for unit-scale residuals.', '残差为单位尺度时，1.3998 的高斯效率为 95%。'),
      REDUCTION,
    ],
    summary: {
      en: 'A convex M-estimator with continuous derivatives of all orders: quadratic near zero, growing linearly for large residuals, with influence r/(1 + |r|/c).',
      zh: '各阶导数连续的凸 M 估计：零附近近似二次，大残差时线性增长，影响函数为 r/(1 + |r|/c)。',
    },
    whenToUse: {
      en: 'Outlier-robust regression that must stay convex, e.g. gradient-boosting objectives (a common custom objective on noisy Kaggle targets).',
      zh: '需要保持凸性的抗离群点回归，例如梯度提升树的自定义目标（在噪声较大的 Kaggle 数据上常用）。',
    },
    pitfalls: {
      en: 'Outliers keep a bounded but non-zero gradient (≈ c); it does not reject them the way Tukey does.',
      zh: '离群点的梯度有界但不为零（约为 c），不会像 Tukey 那样完全忽略它们。',
    },
    frameworkNotes: {
      en: 'Not in torch/Keras/optax; a custom objective in XGBoost/LightGBM examples.',
      zh: 'PyTorch/Keras/optax 均未内置；在 XGBoost/LightGBM 中常作为自定义目标。',
    },
    paper: {
      authors: 'Zhengyou Zhang',
      year: 1997,
      title: 'Parameter Estimation Techniques: A Tutorial with Application to Conic Fitting',
      url: 'https://www.microsoft.com/en-us/research/wp-content/uploads/2016/11/RR-2676.pdf',
    },
    sources: [{ label: 'paper: Parameter Estimation Techniques: A Tutorial with Application to Conic Fitting', version: '1997', url: 'https://www.microsoft.com/en-us/research/wp-content/uploads/2016/11/RR-2676.pdf' }],
    related: ['huber-loss', 'pseudo-huber-loss', 'cauchy-loss'],
    snippets: {
      torch:
        'def fair_loss(pred, target, c=${1:1.3998}):\n    a = (pred - target).abs() / c\n    return (c ** 2 * (a - torch.log1p(a))).mean()\n\nloss = fair_loss(${2:pred}, ${3:target})',
      tf: 'def fair_loss(y_true, y_pred, c=${1:1.3998}):\n    a = tf.abs(y_pred - y_true) / c\n    return tf.reduce_mean(c ** 2 * (a - tf.math.log1p(a)))\n\nloss = fair_loss(${2:y_true}, ${3:y_pred})',
    },
  },
  {
    id: 'welsch-loss',
    names: { en: 'Welsch (Leclerc) Loss', zh: 'Welsch 损失（Leclerc 损失）' },
    aliases: ['Welsch', 'Leclerc loss', 'correntropy loss', '相关熵损失'],
    category: 'regression',
    apis: [],
    formula: '\\rho(r) = \\frac{c^2}{2} \\left( 1 - e^{-(r/c)^2} \\right)',
    formulaText: 'ρ(r) = c²/2·(1 − exp(−(r/c)²))',
    inputs: POINTWISE_INPUTS,
    params: [
      SCALE_C(2.9846, '2.9846 gives 95% Gaussian efficiency for unit-scale residuals.', '残差为单位尺度时，2.9846 的高斯效率为 95%。'),
      REDUCTION,
    ],
    summary: {
      en: 'A bounded redescending loss built from a Gaussian kernel (maximum correntropy): it saturates at c²/2 and the influence of far residuals vanishes exponentially.',
      zh: '由高斯核构成的有界回降型损失（最大相关熵准则）：上限为 c²/2，远处残差的影响按指数消失。',
    },
    whenToUse: {
      en: 'Gross-outlier rejection with a very smooth loss; correntropy-based learning in signal processing.',
      zh: '需要非常光滑的损失来剔除严重离群点；信号处理中基于相关熵（correntropy）的学习。',
    },
    pitfalls: {
      en: 'Non-convex, and the gradient vanishes for residuals a few c away: initialise well or anneal c.',
      zh: '非凸；残差超过几个 c 后梯度几乎为零，需要好的初始化或逐步减小 c。',
    },
    frameworkNotes: {
      en: "Not in torch/Keras/optax. Barron's loss at α → −∞ is the same shape, 1 − exp(−(r/c)²/2), with a different scale convention.",
      zh: 'PyTorch/Keras/optax 均未内置。Barron 通用损失在 α → −∞ 时形状相同：1 − exp(−(r/c)²/2)，只是尺度约定不同。',
    },
    paper: {
      authors: 'John E. Dennis Jr., Roy E. Welsch',
      year: 1978,
      title: 'Techniques for Nonlinear Least Squares and Robust Regression',
      url: 'https://doi.org/10.1080/03610917808812083',
    },
    sources: [{ label: 'paper: Techniques for Nonlinear Least Squares and Robust Regression', version: '1978', url: 'https://doi.org/10.1080/03610917808812083' }],
    related: ['geman-mcclure-loss', 'tukey-biweight-loss', 'barron-robust-loss'],
    snippets: {
      torch:
        'def welsch_loss(pred, target, c=${1:2.9846}):\n    r = pred - target\n    return (c ** 2 / 2 * (1 - torch.exp(-(r / c) ** 2))).mean()\n\nloss = welsch_loss(${2:pred}, ${3:target})',
      tf: 'def welsch_loss(y_true, y_pred, c=${1:2.9846}):\n    r = y_pred - y_true\n    return tf.reduce_mean(c ** 2 / 2 * (1 - tf.exp(-(r / c) ** 2)))\n\nloss = welsch_loss(${2:y_true}, ${3:y_pred})',
    },
  },
  {
    id: 'barron-robust-loss',
    names: { en: "Barron's General Adaptive Robust Loss", zh: 'Barron 通用自适应稳健损失' },
    aliases: ['general robust loss', 'adaptive robust loss', 'Barron loss', '通用稳健损失', '自适应稳健损失'],
    category: 'regression',
    apis: [{ framework: 'other', symbol: 'robust_loss_pytorch.general.lossfun', kind: 'function' }],
    formula:
      '\\rho(x, \\alpha, c) = \\frac{|\\alpha - 2|}{\\alpha} \\left( \\left( \\frac{(x/c)^2}{|\\alpha - 2|} + 1 \\right)^{\\alpha/2} - 1 \\right)',
    formulaText: 'ρ(x, α, c) = |α − 2|/α · (((x/c)²/|α − 2| + 1)^(α/2) − 1); limits: α=2 → ½(x/c)², α=0 → ln(½(x/c)² + 1), α→−∞ → 1 − exp(−½(x/c)²)',
    inputs: POINTWISE_INPUTS,
    params: [
      num('alpha', 1.0, [-10, 2], 'Shape α: 2 = L2, 1 = pseudo-Huber/Charbonnier, 0 = Cauchy, −2 = Geman–McClure, −Infinity = Welsch. Fixed here (the paper can also learn it).', '形状参数 α：2 为 L2，1 为 pseudo-Huber/Charbonnier，0 为柯西，−2 为 Geman–McClure，−Infinity 为 Welsch。此处为固定值（论文中也可学习）。'),
      num('scale', 1.0, [0.01, 10], 'Scale c > 0: the width of the quadratic bowl around zero.', '尺度 c > 0：零附近二次区域的宽度。'),
      REDUCTION,
    ],
    summary: {
      en: 'One formula that contains L2, pseudo-Huber/Charbonnier, Cauchy, Geman–McClure and Welsch as special cases of a shape parameter α, so robustness can be tuned (or learned) continuously.',
      zh: '用一个公式把 L2、pseudo-Huber/Charbonnier、柯西、Geman–McClure 和 Welsch 统一为形状参数 α 的特例，使稳健程度可以连续调节（或学习）。',
    },
    whenToUse: {
      en: 'When you do not know how heavy-tailed the residuals are: sweep α, or learn α and c per output (the paper\'s adaptive version, via a normalised likelihood) for VAEs, depth and flow.',
      zh: '不清楚残差尾部有多重时：扫描 α，或对每个输出学习 α 和 c（论文中的自适应版本，通过归一化的似然实现），用于 VAE、深度估计、光流等。',
    },
    pitfalls: {
      en: 'Learning α by minimising this loss directly drives α to −∞ (it makes every residual cheaper); the adaptive version must minimise the negative log-likelihood with its partition function. Near α = 2 and α = 0 the closed form is 0/0; use the limits.',
      zh: '直接最小化本损失来学习 α 会让 α 趋于 −∞（所有残差都变得更便宜）；自适应版本必须最小化包含配分函数的负对数似然。α = 2 和 α = 0 附近公式出现 0/0，需要使用极限形式。',
    },
    frameworkNotes: {
      en: "The author's package robust_loss_pytorch provides general.lossfun(x, alpha, scale) on residuals x and adaptive.AdaptiveLossFunction for learned α. Here α and c are fixed and x = input − target.",
      zh: '作者的 robust_loss_pytorch 包提供 general.lossfun(x, alpha, scale)（x 为残差）和可学习 α 的 adaptive.AdaptiveLossFunction。本实现 α、c 固定，x = input − target。',
    },
    paper: {
      authors: 'Jonathan T. Barron',
      year: 2019,
      title: 'A General and Adaptive Robust Loss Function',
      url: 'https://arxiv.org/abs/1701.03077',
    },
    sources: [{ label: 'jonbarron/robust_loss_pytorch README (general.py, adaptive.py)', version: 'master', url: 'https://github.com/jonbarron/robust_loss_pytorch' }, { label: 'paper: A General and Adaptive Robust Loss Function', version: '2019', url: 'https://arxiv.org/abs/1701.03077' }],
    related: ['mse-loss', 'charbonnier-loss', 'pseudo-huber-loss', 'cauchy-loss', 'geman-mcclure-loss', 'welsch-loss'],
    snippets: {
      torch:
        'def barron_loss(pred, target, alpha=${1:1.0}, c=${2:1.0}):\n    x2 = ((pred - target) / c) ** 2\n    b = abs(alpha - 2)\n    return (b / alpha * ((x2 / b + 1) ** (alpha / 2) - 1)).mean()\n\nloss = barron_loss(${3:pred}, ${4:target})',
      tf: 'def barron_loss(y_true, y_pred, alpha=${1:1.0}, c=${2:1.0}):\n    x2 = tf.square((y_pred - y_true) / c)\n    b = abs(alpha - 2)\n    return tf.reduce_mean(b / alpha * ((x2 / b + 1) ** (alpha / 2) - 1))\n\nloss = barron_loss(${3:y_true}, ${4:y_pred})',
      scratch:
        'from robust_loss_pytorch import general\n\nloss = general.lossfun(${1:pred} - ${2:target}, alpha=torch.tensor(${3:1.0}), scale=torch.tensor(${4:1.0})).mean()',
    },
  },
  {
    id: 'epsilon-insensitive-loss',
    names: { en: 'ε-Insensitive Loss', zh: 'ε 不敏感损失' },
    aliases: ['epsilon-insensitive', 'SVR loss', 'epsilon insensitive loss', '支持向量回归损失', 'ε-不敏感损失'],
    category: 'regression',
    apis: [],
    formula: '\\ell(r) = \\max\\big(0,\\, |r| - \\varepsilon\\big)',
    formulaText: 'ℓ(r) = max(0, |r| − ε)',
    inputs: POINTWISE_INPUTS,
    params: [
      num('epsilon', 0.1, [0, 5], 'Half-width ε of the tube inside which errors cost nothing.', '“不敏感管道”的半宽 ε，误差在管道内不计损失。'),
      REDUCTION,
    ],
    summary: {
      en: 'The support-vector-regression loss: errors smaller than ε are free, larger ones cost linearly, which gives sparse solutions and tolerance to small noise.',
      zh: '支持向量回归（SVR）的损失：误差小于 ε 不计损失，超过部分线性计费，从而得到稀疏解并容忍小噪声。',
    },
    whenToUse: {
      en: 'SVR and linear regression where small deviations are acceptable by specification (tolerances), or to stop fitting noise below a known level.',
      zh: 'SVR，以及在允许一定误差范围（公差）的回归中；或当噪声水平已知、不希望拟合其以下的波动时。',
    },
    pitfalls: {
      en: 'Zero gradient inside the tube: a network can stall with many residuals just under ε. ε is in target units.',
      zh: '管道内梯度为零：网络可能停在大量残差略小于 ε 的状态。ε 与目标同量纲。',
    },
    frameworkNotes: {
      en: "Not in torch/Keras/optax; scikit-learn's SVR always uses it (epsilon=0.1 by default); LinearSVR uses it with its default loss='epsilon_insensitive' and epsilon=0.0.",
      zh: 'PyTorch/Keras/optax 均未内置；scikit-learn 的 SVR 始终使用它（epsilon 默认 0.1）；LinearSVR 默认 loss="epsilon_insensitive"，epsilon 默认 0.0。',
    },
    paper: {
      authors: 'Vladimir N. Vapnik',
      year: 1995,
      title: 'The Nature of Statistical Learning Theory',
      url: 'https://doi.org/10.1007/978-1-4757-2440-0',
    },
    sources: [{ label: 'scikit-learn docs sklearn.svm.LinearSVR', version: 'stable', url: 'https://scikit-learn.org/stable/modules/generated/sklearn.svm.LinearSVR' }],
    related: ['l1-loss', 'hinge', 'huber-loss'],
    snippets: {
      torch:
        "def eps_insensitive_loss(pred, target, epsilon=${1:0.1}):\n    return torch.relu((pred - target).abs() - epsilon).mean()\n\nloss = eps_insensitive_loss(${2:pred}, ${3:target})",
      tf: 'def eps_insensitive_loss(y_true, y_pred, eps=${1:0.1}):\n    return tf.reduce_mean(tf.nn.relu(tf.abs(y_pred - y_true) - eps))\n\nloss = eps_insensitive_loss(${2:y_true}, ${3:y_pred})',
    },
  },
  {
    id: 'smape-loss',
    names: { en: 'Symmetric Mean Absolute Percentage Error (sMAPE)', zh: '对称平均绝对百分比误差（sMAPE）' },
    aliases: ['sMAPE', 'SMAPE', 'symmetric MAPE', '对称 MAPE', '对称百分比误差'],
    category: 'regression',
    apis: [{ framework: 'other', symbol: 'pytorch_forecasting.metrics.SMAPE', kind: 'class' }],
    formula: '\\ell_i = \\frac{2\\,\\lvert \\hat{y}_i - y_i \\rvert}{\\lvert \\hat{y}_i \\rvert + \\lvert y_i \\rvert + \\varepsilon}',
    formulaText: 'ℓᵢ = 2|ŷᵢ − yᵢ| / (|ŷᵢ| + |yᵢ| + ε)',
    inputs: POINTWISE_INPUTS,
    params: [
      num('eps', 1e-8, [0, 1e-3], 'Small ε in the denominator (pytorch-forecasting uses 1e-8) so that ŷ = y = 0 is defined.', '分母中的小常数 ε（pytorch-forecasting 取 1e-8），使 ŷ = y = 0 时有定义。'),
      REDUCTION,
    ],
    summary: {
      en: 'A scale-free relative error that divides the absolute error by the average magnitude of prediction and target, so it is bounded in [0, 2] (0–200%) and treats over- and under-prediction more evenly than MAPE.',
      zh: '一种与尺度无关的相对误差：用预测值与真实值的平均幅度去除绝对误差，因此取值在 [0, 2]（0–200%）之间，对高估和低估的处理比 MAPE 更均衡。',
    },
    whenToUse: {
      en: 'Forecasting across series of very different scales (it was the headline metric of the M3/M4 competitions), when targets are non-negative.',
      zh: '对量级差异很大的多条时间序列做预测（它是 M3/M4 预测竞赛的主要指标），且目标非负时。',
    },
    pitfalls: {
      en: 'Not truly symmetric: for a fixed target, over-predictions are penalised less than under-predictions of the same size. Unstable when both values are near zero. Definitions differ by a factor of 2 or 100 (percent); check before comparing.',
      zh: '并非真正对称：目标固定时，同样大小的高估比低估受到的惩罚更小。两者都接近 0 时不稳定。不同定义相差 2 倍或 100 倍（百分比），比较前要确认。',
    },
    frameworkNotes: {
      en: "Distinct from Keras' mean_absolute_percentage_error, which divides by |y| only and multiplies by 100. This follows pytorch_forecasting.metrics.SMAPE (no factor 100); reduction as torch.",
      zh: '与 Keras 的 mean_absolute_percentage_error 不同：后者只除以 |y| 并乘以 100。本实现与 pytorch_forecasting.metrics.SMAPE 一致（不乘 100），汇总方式同 PyTorch。',
    },
    paper: {
      authors: 'Spyros Makridakis',
      year: 1993,
      title: 'Accuracy measures: theoretical and practical concerns',
      url: 'https://doi.org/10.1016/0169-2070(93)90079-3',
    },
    sources: [{ label: 'pytorch-forecasting pytorch_forecasting/metrics/point.py (SMAPE)', version: '062aeb4 (after v1.8.0)', url: 'https://github.com/sktime/pytorch-forecasting/blob/062aeb47/pytorch_forecasting/metrics/point.py' }, KERAS_LOSSES],
    related: ['mean-absolute-percentage-error', 'l1-loss', 'relative-l2-loss'],
    snippets: {
      torch:
        'def smape(pred, target, eps=${1:1e-8}):\n    return (2 * (pred - target).abs() / (pred.abs() + target.abs() + eps)).mean()\n\nloss = smape(${2:pred}, ${3:target})',
      tf: 'def smape(y_true, y_pred, eps=${1:1e-8}):\n    return tf.reduce_mean(2 * tf.abs(y_pred - y_true) / (tf.abs(y_pred) + tf.abs(y_true) + eps))\n\nloss = smape(${2:y_true}, ${3:y_pred})',
      jax: 'loss = jnp.mean(2 * jnp.abs(${1:pred} - ${2:target}) / (jnp.abs(${1:pred}) + jnp.abs(${2:target}) + ${3:1e-8}))',
    },
  },
  {
    id: 'relative-l2-loss',
    names: { en: 'Relative L2 Error', zh: '相对 L2 误差' },
    aliases: ['relative L2 loss', 'relative error', 'normalized L2 error', 'LpLoss', '相对误差', '归一化 L2 误差'],
    category: 'regression',
    apis: [{ framework: 'other', symbol: 'neuralop.losses.LpLoss', kind: 'class' }],
    formula: '\\ell_n = \\frac{\\lVert \\hat{y}_n - y_n \\rVert_2}{\\lVert y_n \\rVert_2}',
    formulaText: 'ℓₙ = ‖ŷₙ − yₙ‖₂ / ‖yₙ‖₂ per sample (norms over all non-batch dimensions)',
    inputs: [
      { ...POINTWISE_INPUTS[0], shape: '(N), (N, D) or (N, D1, D2)' },
      { ...POINTWISE_INPUTS[1], shape: 'same shape as input; no sample may be all zeros' },
    ],
    params: [
      {
        ...REDUCTION,
        meaning: { en: "Over samples: 'mean', 'sum' or 'none' (one relative error per sample).", zh: "在样本上的汇总方式：'mean'、'sum' 或 'none'（每个样本一个相对误差）。" },
      },
    ],
    summary: {
      en: 'The error of each sample measured relative to the size of its target, so samples (fields, signals, images) of very different magnitude contribute comparably.',
      zh: '用每个样本目标值本身的大小去衡量该样本的误差，使量级差异很大的样本（物理场、信号、图像）贡献相当。',
    },
    whenToUse: {
      en: 'Learning solution operators of PDEs (Fourier neural operators, DeepONet) and other scientific regression where targets vary in scale across samples; also the usual reporting metric there.',
      zh: '学习偏微分方程的解算子（傅里叶神经算子 FNO、DeepONet）以及目标量级随样本变化的科学计算回归；这也是该领域常用的报告指标。',
    },
    pitfalls: {
      en: 'Undefined for an all-zero target (this kernel rejects it); near-zero targets dominate. The gradient direction is that of MSE, rescaled per sample by 1/(‖error‖·‖target‖).',
      zh: '目标全为 0 时没有定义（本实现会报错）；接近 0 的目标会主导损失。梯度方向与 MSE 相同，只是每个样本按 1/(‖误差‖·‖目标‖) 缩放。',
    },
    frameworkNotes: {
      en: "Not in torch/Keras/optax. neuraloperator's LpLoss(d, p=2), called as loss(y_pred, y), computes ‖ŷ − y‖/‖y‖ over the last d (spatial) dimensions, per sample and channel, and by default sums those ratios over the batch (reduction='sum') where PyTorch-style 'mean' averages them. Distinct from Keras MAPE, which is elementwise.",
      zh: 'PyTorch/Keras/optax 均未内置。neuraloperator 的 LpLoss(d, p=2) 以 loss(y_pred, y) 调用时，在最后 d 个（空间）维度上逐样本、逐通道计算 ‖ŷ − y‖/‖y‖，默认再对 batch 求和（reduction=\'sum\'），而 PyTorch 风格的 \'mean\' 是取平均。它与逐元素计算的 Keras MAPE 不同。',
    },
    paper: {
      authors: 'Zongyi Li, Nikola Kovachki, Kamyar Azizzadenesheli, Burigede Liu, Kaushik Bhattacharya, Andrew Stuart, Anima Anandkumar',
      year: 2021,
      title: 'Fourier Neural Operator for Parametric Partial Differential Equations',
      url: 'https://arxiv.org/abs/2010.08895',
    },
    sources: [{ label: 'neuraloperator neuralop/losses/data_losses.py (LpLoss)', version: 'ee87c41', url: 'https://github.com/neuraloperator/neuraloperator/blob/ee87c415cc667a2ee67b80cc10f0a183983b8ae5/neuralop/losses/data_losses.py' }, KERAS_LOSSES],
    related: ['mse-loss', 'smape-loss', 'mean-absolute-percentage-error'],
    snippets: {
      torch:
        'def relative_l2(pred, target):\n    diff = (pred - target).flatten(1).norm(dim=1)\n    return (diff / target.flatten(1).norm(dim=1)).mean()\n\nloss = relative_l2(${1:pred}, ${2:target})',
      tf: 'def relative_l2(y_true, y_pred):\n    n = tf.shape(y_true)[0]\n    diff = tf.norm(tf.reshape(y_pred - y_true, [n, -1]), axis=1)\n    return tf.reduce_mean(diff / tf.norm(tf.reshape(y_true, [n, -1]), axis=1))\n\nloss = relative_l2(${1:y_true}, ${2:y_pred})',
    },
  },
  {
    id: 'mixture-density-nll',
    names: { en: 'Mixture Density Network NLL', zh: '混合密度网络负对数似然（MDN）' },
    aliases: ['MDN loss', 'mixture density network', 'Gaussian mixture NLL', 'MDN', '混合密度网络', '高斯混合负对数似然'],
    category: 'regression',
    apis: [],
    formula: '\\ell = -\\log \\sum_{k=1}^{K} \\pi_k\\, \\mathcal{N}\\big(y \\mid \\mu_k, \\sigma_k^2\\big), \\quad \\pi = \\mathrm{softmax}(a), \\ \\sigma_k = e^{s_k}',
    formulaText: 'ℓ = −log Σ_k π_k·N(y | μ_k, σ_k²),  π = softmax(a), σ_k = exp(s_k)',
    inputs: [
      {
        name: 'input',
        meaning: {
          en: 'Per mixture component: [mixture logit a_k, mean μ_k, log standard deviation s_k].',
          zh: '每个混合分量的输出：[混合权重 logit a_k, 均值 μ_k, 对数标准差 s_k]。',
        },
        shape: '(N, K, 3)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'target',
        meaning: { en: 'Scalar regression target y of each sample.', zh: '每个样本的标量回归目标 y。' },
        shape: '(N)',
        domain: { en: 'real numbers', zh: '实数' },
      },
    ],
    params: [
      {
        ...REDUCTION,
        meaning: { en: "Over samples: 'mean', 'sum' or 'none' (per-sample NLL).", zh: "在样本上的汇总方式：'mean'、'sum' 或 'none'（逐样本负对数似然）。" },
      },
    ],
    summary: {
      en: 'The network predicts a whole Gaussian mixture for each input and is trained by its negative log-likelihood, so a target with several modes is modelled as several modes instead of being averaged into one.',
      zh: '网络为每个输入预测一个完整的高斯混合分布，并以其负对数似然训练；因此多峰目标被建模为多个峰，而不是被平均成一个值。',
    },
    whenToUse: {
      en: 'Multimodal or one-to-many regression (inverse problems, trajectory and handwriting prediction, robot control) where L1/L2 would predict an average that never occurs; an alternative to the multi-bin trick when you want a full density.',
      zh: '多峰或“一对多”的回归（逆问题、轨迹与手写预测、机器人控制），L1/L2 会预测一个从未出现的平均值；当需要完整的概率密度时，它是多 bin 方法的替代方案。',
    },
    pitfalls: {
      en: 'σ can collapse onto single points (infinite likelihood): bound log σ from below or add a small variance floor. Components can die (π_k → 0); initialise means spread over the target range. Compute in log-space (log-sum-exp), as here.',
      zh: 'σ 可能坍缩到单个样本点上（似然趋于无穷）：应给 log σ 设下界或加一个最小方差。某些分量可能“死掉”（π_k → 0），初始化时应把均值分散在目标范围内。应在对数空间用 log-sum-exp 计算（本实现即如此）。',
    },
    frameworkNotes: {
      en: 'No loss function in torch/Keras/optax; with torch.distributions it is −MixtureSameFamily(Categorical(logits=a), Normal(μ, exp(s))).log_prob(y), and TensorFlow Probability has tfp.distributions.MixtureSameFamily. This kernel packs each component\'s three outputs into one input so the gradient covers all of them.',
      zh: 'PyTorch/Keras/optax 没有现成的损失函数；用 torch.distributions 可写成 −MixtureSameFamily(Categorical(logits=a), Normal(μ, exp(s))).log_prob(y)，TensorFlow Probability 中有 tfp.distributions.MixtureSameFamily。本实现把每个分量的三个输出放在同一个输入中，使梯度覆盖全部参数。',
    },
    paper: {
      authors: 'Christopher M. Bishop',
      year: 1994,
      title: 'Mixture Density Networks',
      url: 'https://publications.aston.ac.uk/id/eprint/373/',
    },
    sources: [torchSource('torch/distributions/mixture_same_family.py'), { label: 'paper: Mixture Density Networks', version: '1994', url: 'https://publications.aston.ac.uk/id/eprint/373/' }],
    related: ['gaussian-nll-loss', 'multi-bin-angle-loss', 'mse-loss', 'quantile-loss'],
    snippets: {
      torch:
        'D = torch.distributions\nmix = D.MixtureSameFamily(D.Categorical(logits=${1:logits}), D.Normal(${2:mu}, ${3:log_sigma}.exp()))\nloss = -mix.log_prob(${4:target}).mean()',
      tf: 'log_sigma = ${3:log_sigma}\nlog_n = -0.5 * tf.square((${4:target}[:, None] - ${2:mu}) / tf.exp(log_sigma)) - log_sigma - 0.5 * tf.math.log(2 * 3.141592653589793)\nlog_mix = tf.nn.log_softmax(${1:logits}) + log_n\nloss = -tf.reduce_mean(tf.reduce_logsumexp(log_mix, axis=-1))',
      jax: 'log_n = -0.5 * ((${4:target}[:, None] - ${2:mu}) / jnp.exp(${3:log_sigma})) ** 2 - ${3:log_sigma} - 0.5 * jnp.log(2 * jnp.pi)\nlog_pi = ${1:logits} - jnp.log(jnp.sum(jnp.exp(${1:logits}), axis=-1, keepdims=True))\nloss = -jnp.mean(jnp.log(jnp.sum(jnp.exp(log_pi + log_n), axis=-1)))',
    },
  },
];
