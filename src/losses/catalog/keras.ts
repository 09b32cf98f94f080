/**
 * Catalog entries: Keras-only losses and Keras variants.
 *
 * Inputs are `y_true`/`y_pred` (Keras' argument order: target first); parameters are the
 * Keras constructor's, with its defaults. The value is what the Keras loss class returns with
 * its default reduction 'sum_over_batch_size' (Keras 3, TensorFlow backend).
 */
import type { InputSpec, Localized, LossEntry, ParamSpec } from '../types';
import { KERAS_LOSSES, KERAS_TF_NN, OPTAX_CLASSIFICATION, OPTAX_REGRESSION, TORCH_FUNCTIONAL, kerasSource } from './sources';

/** Keras' `reduction` argument of every loss class. */
export const KERAS_REDUCTION: ParamSpec = {
  name: 'reduction',
  type: 'enum',
  default: 'sum_over_batch_size',
  options: ['sum_over_batch_size', 'sum', 'none'],
  meaning: {
    en: "How the per-sample losses are combined: 'sum_over_batch_size' divides their sum by their count (the default), 'sum' adds them, 'none' returns them (Keras also accepts None).",
    zh: "每个样本损失的汇总方式：'sum_over_batch_size' 将其总和除以样本损失的个数（默认），'sum' 求和，'none' 原样返回（Keras 中也可写 None）。",
  },
};

const FROM_LOGITS: ParamSpec = {
  name: 'from_logits',
  type: 'boolean',
  default: false,
  meaning: {
    en: 'True when y_pred holds logits (unbounded scores); False when it holds probabilities.',
    zh: '为 True 时 y_pred 是 logits（未归一化的实数得分）；为 False 时 y_pred 是概率。',
  },
};

function labelSmoothing(en: string, zh: string): ParamSpec {
  return { name: 'label_smoothing', type: 'number', default: 0, range: [0, 1], meaning: { en, zh } };
}

function axisParam(en: string, zh: string): ParamSpec {
  return { name: 'axis', type: 'integer', default: -1, range: [-3, 2], meaning: { en, zh } };
}

function pairInputs(trueDomain: [string, string], predDomain: [string, string], shape = '(batch_size, d0, .., dN)'): InputSpec[] {
  return [
    {
      name: 'y_true',
      meaning: { en: 'The ground truth (Keras passes it first).', zh: '真实值（ground truth），Keras 中作为第一个参数传入。' },
      shape,
      domain: { en: trueDomain[0], zh: trueDomain[1] },
    },
    {
      name: 'y_pred',
      meaning: { en: 'The prediction, the same shape as y_true.', zh: '模型的预测值，形状与 y_true 相同。' },
      shape,
      domain: { en: predDomain[0], zh: predDomain[1] },
    },
  ];
}

const REALS: [string, string] = ['real numbers', '实数'];

const ENTRIES: readonly LossEntry[] = [
  {
    id: 'log-cosh',
    names: { en: 'Log-Cosh Loss', zh: '对数双曲余弦损失（Log-Cosh）' },
    aliases: ['logcosh', 'log cosh', 'LogCosh', '对数双曲余弦'],
    category: 'regression',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.LogCosh', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.log_cosh', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.logcosh', kind: 'function' },
      { framework: 'optax', symbol: 'optax.log_cosh', kind: 'function', defaults: { reduction: 'none' } },
    ],
    formula: '\\ell = \\frac{1}{n}\\sum_{i=1}^{n} \\log\\cosh(\\hat y_i - y_i), \\quad \\log\\cosh x = x + \\operatorname{softplus}(-2x) - \\log 2',
    formulaText: 'ℓ = (1/n) Σᵢ log cosh(ŷᵢ − yᵢ),  log cosh x = x + softplus(−2x) − log 2',
    inputs: pairInputs(REALS, REALS),
    params: [KERAS_REDUCTION],
    summary: {
      en: 'The logarithm of the hyperbolic cosine of the error: about x²/2 for small errors and |x| − log 2 for large ones, smooth everywhere.',
      zh: '误差的双曲余弦取对数：误差小时约为 x²/2，误差大时约为 |x| − log 2，处处光滑。',
    },
    whenToUse: {
      en: 'Regression that should behave like MSE near the optimum but like MAE on outliers, without a threshold to tune (unlike Huber) and with a second derivative everywhere (useful for Newton-style boosting).',
      zh: '希望在最优点附近像 MSE、遇到离群点时像 MAE 的回归任务；与 Huber 不同，无需调阈值，且处处二阶可导（适合牛顿法类的梯度提升）。',
    },
    pitfalls: {
      en: 'Written naively as log(cosh(x)) it overflows for |x| > ~710; Keras and this implementation use x + softplus(−2x) − log 2. The gradient tanh(x) saturates at ±1, so large errors get the same push as in MAE.',
      zh: '若直接写成 log(cosh(x))，|x| 超过约 710 时会溢出；Keras 与本实现都使用 x + softplus(−2x) − log 2。梯度 tanh(x) 在 ±1 处饱和，大误差得到的推动与 MAE 相同。',
    },
    frameworkNotes: {
      en: `PyTorch has no built-in log-cosh; write it from softplus as in the snippet. Keras averages over the last axis per sample, then over the batch. optax.log_cosh(predictions, targets) computes logaddexp(x, −x) − log 2 and returns unreduced values.`,
      zh: `PyTorch 没有内置的 log-cosh，可按代码片段用 softplus 实现。Keras 先在每个样本的最后一个轴上求平均，再对 batch 求平均。optax.log_cosh(predictions, targets) 计算 logaddexp(x, −x) − log 2，返回未汇总的值。`,
    },
    sources: [KERAS_LOSSES, OPTAX_REGRESSION],
    related: ['huber-loss', 'keras-huber', 'pseudo-huber-loss', 'mse-loss', 'l1-loss'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.LogCosh()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = optax.log_cosh(${1:predictions}, ${2:targets}).mean()',
      scratch:
        'def log_cosh_loss(y_pred, y_true):\n    x = y_pred - y_true\n    return (x + F.softplus(-2.0 * x) - 0.6931471805599453).mean(dim=-1).mean()\n\nloss = log_cosh_loss(${1:y_pred}, ${2:y_true})',
    },
  },
  {
    id: 'mean-absolute-percentage-error',
    names: { en: 'Mean Absolute Percentage Error', zh: '平均绝对百分比误差（MAPE）' },
    aliases: ['MAPE', 'mape', 'percentage error', '平均绝对百分比误差', '百分比误差'],
    category: 'regression',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.MeanAbsolutePercentageError', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.mean_absolute_percentage_error', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.MAPE', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.mape', kind: 'function' },
    ],
    formula: '\\ell = \\frac{100}{n}\\sum_{i=1}^{n} \\frac{\\lvert y_i - \\hat y_i \\rvert}{\\max(\\lvert y_i \\rvert, \\epsilon)}, \\quad \\epsilon = 10^{-7}',
    formulaText: 'ℓ = (100/n) Σᵢ |yᵢ − ŷᵢ| / max(|yᵢ|, ε),  ε = 1e−7',
    inputs: pairInputs(REALS, REALS),
    params: [KERAS_REDUCTION],
    summary: {
      en: 'The absolute error as a percentage of the true value, averaged: a scale-free error that reads as "off by 12 %".',
      zh: '绝对误差占真实值的百分比再取平均：与量纲无关，可直接读作“偏差 12%”。',
    },
    whenToUse: {
      en: 'Forecasting and business metrics where relative error matters and targets stay well away from zero (sales, demand, prices).',
      zh: '关注相对误差、且目标值远离 0 的预测任务与业务指标（销量、需求、价格等）。',
    },
    pitfalls: {
      en: 'Explodes when y_true is near zero: Keras only guards the division with ε = 1e−7, so a zero target turns an error of 0.1 into 1e8 %. Asymmetric: over-prediction is penalised without bound, while under-prediction of a positive target costs at most 100 % as long as predictions stay non-negative, which biases models towards predicting low.',
      zh: '当 y_true 接近 0 时会爆炸：Keras 仅用 ε = 1e−7 防止除零，目标为 0 时 0.1 的误差会变成 1e8 %。它是不对称的：高估的惩罚没有上限，而只要预测值非负，对正目标低估的惩罚最多 100%，因此模型会倾向于偏低预测。',
    },
    frameworkNotes: {
      en: `Neither PyTorch nor optax ships MAPE; write it from scratch, keeping Keras' max(|y_true|, 1e−7) guard if you want the same numbers. The gradient with respect to y_pred is ±100 / (n · max(|y_true|, ε)) (0 where y_pred equals y_true).`,
      zh: `PyTorch 和 optax 都没有内置 MAPE，需自行实现；若要得到与 Keras 相同的数值，请保留 max(|y_true|, 1e−7) 这一保护。对 y_pred 的梯度为 ±100 / (n · max(|y_true|, ε))（y_pred 等于 y_true 时为 0）。`,
    },
    sources: [KERAS_LOSSES],
    related: ['l1-loss', 'mean-squared-logarithmic-error'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.MeanAbsolutePercentageError()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = 100.0 * jnp.mean(jnp.abs(${1:y_true} - ${2:y_pred}) / jnp.maximum(jnp.abs(${1:y_true}), 1e-7))',
      scratch:
        'def mape_loss(y_pred, y_true, eps=${1:1e-7}):\n    return 100.0 * ((y_true - y_pred).abs() / y_true.abs().clamp(min=eps)).mean(dim=-1).mean()\n\nloss = mape_loss(${2:y_pred}, ${3:y_true})',
    },
  },
  {
    id: 'mean-squared-logarithmic-error',
    names: { en: 'Mean Squared Logarithmic Error', zh: '均方对数误差（MSLE）' },
    aliases: ['MSLE', 'msle', 'squared log error', '均方对数误差'],
    category: 'regression',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.MeanSquaredLogarithmicError', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.mean_squared_logarithmic_error', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.MSLE', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.msle', kind: 'function' },
    ],
    formula:
      '\\ell = \\frac{1}{n}\\sum_{i=1}^{n} \\big(\\log(\\max(\\hat y_i, \\epsilon) + 1) - \\log(\\max(y_i, \\epsilon) + 1)\\big)^2',
    formulaText: 'ℓ = (1/n) Σᵢ (log(max(ŷᵢ, ε) + 1) − log(max(yᵢ, ε) + 1))²,  ε = 1e−7',
    inputs: pairInputs(
      ['non-negative reals (values below ε are raised to ε)', '非负实数（小于 ε 的值会被提升到 ε）'],
      ['non-negative reals (values below ε are raised to ε)', '非负实数（小于 ε 的值会被提升到 ε）'],
    ),
    params: [KERAS_REDUCTION],
    summary: {
      en: 'Squared error between log(1 + y) of prediction and target: penalises ratios rather than differences.',
      zh: '预测值与目标值的 log(1 + y) 之差的平方：惩罚的是比例而不是差值。',
    },
    whenToUse: {
      en: 'Non-negative targets spanning orders of magnitude (counts, prices, durations) where being 10 % off should cost the same for small and large values; its square root is the RMSLE metric of many competitions.',
      zh: '跨越多个数量级的非负目标（计数、价格、时长等），希望小值和大值偏差 10% 时代价相同；其平方根就是许多竞赛使用的 RMSLE 指标。',
    },
    pitfalls: {
      en: 'Keras silently replaces negative and zero values by ε = 1e−7 before the log, so a negative prediction gets zero gradient and is never pushed back; keep y_pred non-negative (e.g. softplus or exp output). Under-prediction costs more than over-prediction of the same size.',
      zh: 'Keras 在取对数前会把负数和 0 静默替换为 ε = 1e−7，因此负的预测值梯度为 0、永远不会被拉回；请保证 y_pred 非负（例如输出层用 softplus 或 exp）。同样幅度下，低估的代价高于高估。',
    },
    frameworkNotes: {
      en: `No built-in in PyTorch or optax; mse_loss(torch.log1p(pred), torch.log1p(target)) is the usual substitute but has no ε clamp, so it gives NaN for values below −1 where Keras clamps.`,
      zh: `PyTorch 与 optax 都没有内置版本；常见替代写法 mse_loss(torch.log1p(pred), torch.log1p(target)) 没有 ε 截断，值小于 −1 时会得到 NaN，而 Keras 会先截断。`,
    },
    sources: [KERAS_LOSSES],
    related: ['mse-loss', 'mean-absolute-percentage-error'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.MeanSquaredLogarithmicError()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = jnp.mean((jnp.log1p(jnp.maximum(${1:y_pred}, 1e-7)) - jnp.log1p(jnp.maximum(${2:y_true}, 1e-7))) ** 2)',
      scratch:
        'def msle_loss(y_pred, y_true, eps=${1:1e-7}):\n    d = torch.log1p(y_pred.clamp(min=eps)) - torch.log1p(y_true.clamp(min=eps))\n    return (d ** 2).mean(dim=-1).mean()\n\nloss = msle_loss(${2:y_pred}, ${3:y_true})',
    },
  },
  {
    id: 'hinge',
    names: { en: 'Hinge Loss', zh: '合页损失（Hinge）' },
    aliases: ['SVM loss', 'binary hinge', '铰链损失', '合页损失'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.Hinge', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.hinge', kind: 'function' },
      { framework: 'optax', symbol: 'optax.hinge_loss', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.compat.v1.losses.hinge_loss', kind: 'function' },
    ],
    formula: '\\ell = \\frac{1}{n}\\sum_{i=1}^{n} \\max(0,\\; 1 - y_i \\hat y_i), \\quad y_i \\in \\{-1, +1\\}',
    formulaText: 'ℓ = (1/n) Σᵢ max(0, 1 − yᵢ ŷᵢ),  yᵢ ∈ {−1, +1}',
    inputs: pairInputs(
      ['labels in {−1, +1}; {0, 1} labels are converted to {−1, +1}', '标签取 {−1, +1}；{0, 1} 标签会被转换为 {−1, +1}'],
      ['real scores (decision values), not probabilities', '实数得分（决策值），不是概率'],
    ),
    params: [KERAS_REDUCTION],
    summary: {
      en: 'The linear SVM loss: zero once a score has the right sign with margin at least 1, linear in the violation otherwise.',
      zh: '线性支持向量机（SVM）的损失：得分符号正确且间隔（margin）不小于 1 时为 0，否则随违反程度线性增长。',
    },
    whenToUse: {
      en: 'Binary classification with raw scores where you want a margin and sparse gradients (only violating examples contribute), e.g. a linear SVM trained by gradient descent.',
      zh: '基于原始得分的二分类，希望有间隔、且只有违反间隔的样本产生梯度（梯度稀疏），例如用梯度下降训练线性 SVM。',
    },
    pitfalls: {
      en: "Keras converts labels to 2y − 1 only when every label in the batch is 0 or 1; a batch mixing −1 and 0 is used as is, so the 0 labels contribute a constant 1 with zero gradient. Feed scores, not sigmoid outputs: a probability can never reach the margin of 1 for the negative class.",
      zh: 'Keras 仅在整个 batch 的标签都是 0 或 1 时才转换为 2y − 1；若 batch 中混有 −1 和 0，则原样使用，标签为 0 的位置贡献常数 1 且梯度为 0。请输入得分而不是 sigmoid 输出：概率值对负类永远达不到 1 的间隔。',
    },
    frameworkNotes: {
      en: `PyTorch has no binary hinge loss with these semantics (F.hinge_embedding_loss is a different loss on distances; F.multi_margin_loss is the multiclass form on class indices); write clamp(1 − y·ŷ, min=0). optax.hinge_loss(predictor_outputs, targets) expects targets strictly in {−1, 1} (no conversion) and returns unreduced values. tf.compat.v1.losses.hinge_loss(labels, logits) expects 0/1 labels (it always uses 2·labels − 1) and averages over every element.`,
      zh: `PyTorch 没有语义相同的二分类 hinge 损失（F.hinge_embedding_loss 是作用于距离的另一种损失；F.multi_margin_loss 是基于类别索引的多分类形式），可写作 clamp(1 − y·ŷ, min=0)。optax.hinge_loss(predictor_outputs, targets) 要求 targets 严格取 {−1, 1}（不做转换），返回未汇总的值。tf.compat.v1.losses.hinge_loss(labels, logits) 要求标签取 0/1（总是按 2·labels − 1 转换），并对所有元素求平均。`,
    },
    paper: {
      authors: 'Corinna Cortes, Vladimir Vapnik',
      year: 1995,
      title: 'Support-Vector Networks',
      url: 'https://doi.org/10.1007/BF00994018',
    },
    sources: [KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['squared-hinge', 'categorical-hinge', 'soft-margin-loss', 'hinge-embedding-loss'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.Hinge()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = optax.hinge_loss(${1:scores}, ${2:targets}).mean()',
      scratch:
        'def hinge_loss(y_pred, y_true):\n    if bool(((y_true == 0) | (y_true == 1)).all()):\n        y_true = 2.0 * y_true - 1.0\n    return (1.0 - y_true * y_pred).clamp(min=0).mean(dim=-1).mean()\n\nloss = hinge_loss(${1:y_pred}, ${2:y_true})',
    },
  },
  {
    id: 'squared-hinge',
    names: { en: 'Squared Hinge Loss', zh: '平方合页损失（Squared Hinge）' },
    aliases: ['L2-SVM loss', 'squared hinge', '平方铰链损失', '平方合页损失'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.SquaredHinge', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.squared_hinge', kind: 'function' },
    ],
    formula: '\\ell = \\frac{1}{n}\\sum_{i=1}^{n} \\max(0,\\; 1 - y_i \\hat y_i)^2, \\quad y_i \\in \\{-1, +1\\}',
    formulaText: 'ℓ = (1/n) Σᵢ max(0, 1 − yᵢ ŷᵢ)²,  yᵢ ∈ {−1, +1}',
    inputs: pairInputs(
      ['labels in {−1, +1}; {0, 1} labels are converted to {−1, +1}', '标签取 {−1, +1}；{0, 1} 标签会被转换为 {−1, +1}'],
      ['real scores (decision values), not probabilities', '实数得分（决策值），不是概率'],
    ),
    params: [KERAS_REDUCTION],
    summary: {
      en: 'The hinge loss squared (the L2-SVM loss): still zero beyond the margin, but differentiable at it and quadratic in the violation.',
      zh: '平方后的合页损失（即 L2-SVM 损失）：超过间隔后仍为 0，但在间隔处可导，且随违反程度二次增长。',
    },
    whenToUse: {
      en: 'Margin-based binary classification when you want smoother optimisation than the plain hinge and are willing to penalise large violations more strongly.',
      zh: '基于间隔的二分类，希望比普通合页损失更平滑地优化，并接受对大幅违反施加更强惩罚。',
    },
    pitfalls: {
      en: 'Squaring makes badly misclassified points (and label noise) dominate, much like MSE does with outliers. The same {0, 1} → {−1, +1} conversion rule as Hinge applies: all labels of the batch must be 0 or 1 for it to happen.',
      zh: '平方使严重误分类的点（以及标签噪声）主导损失，就像 MSE 受离群点影响一样。与 Hinge 相同的 {0, 1} → {−1, +1} 转换规则：只有 batch 中所有标签都是 0 或 1 时才会转换。',
    },
    frameworkNotes: {
      en: `No built-in in PyTorch or optax; square the hinge: clamp(1 − y·ŷ, min=0)². The gradient is −2·y·max(0, 1 − y·ŷ) / n.`,
      zh: `PyTorch 与 optax 都没有内置版本，可将合页损失平方：clamp(1 − y·ŷ, min=0)²。梯度为 −2·y·max(0, 1 − y·ŷ) / n。`,
    },
    sources: [KERAS_LOSSES],
    related: ['hinge', 'categorical-hinge'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.SquaredHinge()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = jnp.mean(optax.hinge_loss(${1:scores}, ${2:targets}) ** 2)',
      scratch:
        'def squared_hinge_loss(y_pred, y_true):\n    if bool(((y_true == 0) | (y_true == 1)).all()):\n        y_true = 2.0 * y_true - 1.0\n    return ((1.0 - y_true * y_pred).clamp(min=0) ** 2).mean(dim=-1).mean()\n\nloss = squared_hinge_loss(${1:y_pred}, ${2:y_true})',
    },
  },
  {
    id: 'categorical-hinge',
    names: { en: 'Categorical Hinge Loss', zh: '多分类合页损失（Categorical Hinge）' },
    aliases: ['categorical hinge', 'one-hot hinge', '类别合页损失'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.CategoricalHinge', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.categorical_hinge', kind: 'function' },
    ],
    formula:
      '\\ell = \\frac{1}{N}\\sum_{i=1}^{N} \\max\\Big(0,\\; \\max_k (1 - y_{ik})\\,\\hat y_{ik} - \\sum_k y_{ik}\\,\\hat y_{ik} + 1\\Big)',
    formulaText: 'ℓ = (1/N) Σᵢ max(0, maxₖ (1 − yᵢₖ) ŷᵢₖ − Σₖ yᵢₖ ŷᵢₖ + 1)',
    inputs: pairInputs(
      ['one-hot labels (0/1) along the last axis', '沿最后一个轴的 one-hot 标签（0/1）'],
      ['real class scores', '各类别的实数得分'],
      '(batch_size, ..., num_classes)',
    ),
    params: [KERAS_REDUCTION],
    summary: {
      en: 'A multiclass hinge: the true class score must beat the best other score by a margin of 1.',
      zh: '多分类的合页损失：真实类别的得分需要比其他类别中最高的得分至少高出 1 的间隔。',
    },
    whenToUse: {
      en: 'Multiclass classification with one-hot targets where you want an SVM-style margin rather than calibrated probabilities.',
      zh: '使用 one-hot 目标的多分类任务，需要 SVM 式的间隔而不是校准后的概率时。',
    },
    pitfalls: {
      en: 'The "best other score" is max_k (1 − y_k)·ŷ_k, which includes 0 from the true class: when every wrong-class score is negative, the loss still asks for ŷ_true ≥ 1 rather than a margin over the others. Only the single strongest wrong class receives gradient (ties share it).',
      zh: '“其他类别最高得分” 取的是 max_k (1 − y_k)·ŷ_k，其中包含真实类别贡献的 0：当所有错误类别得分都为负时，损失仍要求 ŷ_true ≥ 1，而不是相对其他类别的间隔。只有得分最高的那个错误类别获得梯度（并列时平分）。',
    },
    frameworkNotes: {
      en: `The per-sample loss is reduced over the class axis by a sum and a max, not a mean. PyTorch's F.multi_margin_loss (Weston–Watkins) sums the violations of every wrong class and divides by C, and takes class indices; optax.losses.multiclass_hinge_loss (Crammer–Singer, integer labels) computes max_k(ŷ_k + 1 − [k = y]) − ŷ_y, that is max(0, 1 + max over wrong classes − ŷ_y): the same as Keras except when every wrong-class score is negative, where Keras' extra 0 in the max still asks for ŷ_y ≥ 1.`,
      zh: `每个样本的损失在类别轴上用求和与最大值汇总，而不是求平均。PyTorch 的 F.multi_margin_loss（Weston–Watkins 形式）对每个错误类别的违反量求和再除以 C，且输入类别索引；optax.losses.multiclass_hinge_loss（Crammer–Singer 形式，整数标签）计算 max_k(ŷ_k + 1 − [k = y]) − ŷ_y，即 max(0, 1 + 错误类别最高得分 − ŷ_y)：与 Keras 相同，只是当所有错误类别得分都为负时，Keras 在最大值中多出的 0 仍要求 ŷ_y ≥ 1。`,
    },
    paper: {
      authors: 'Koby Crammer, Yoram Singer',
      year: 2001,
      title: 'On the Algorithmic Implementation of Multiclass Kernel-based Vector Machines',
      url: 'https://www.jmlr.org/papers/v2/crammer01a.html',
    },
    sources: [KERAS_LOSSES, TORCH_FUNCTIONAL, OPTAX_CLASSIFICATION],
    related: ['hinge', 'squared-hinge', 'multi-margin-loss', 'keras-categorical-crossentropy'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.CategoricalHinge()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = jnp.mean(jnp.maximum(jnp.max((1.0 - ${1:y_true}) * ${2:y_pred}, axis=-1) - jnp.sum(${1:y_true} * ${2:y_pred}, axis=-1) + 1.0, 0.0))',
      scratch:
        'def categorical_hinge_loss(y_pred, y_true):\n    pos = (y_true * y_pred).sum(dim=-1)\n    neg = ((1.0 - y_true) * y_pred).amax(dim=-1)\n    return (neg - pos + 1.0).clamp(min=0).mean()\n\nloss = categorical_hinge_loss(${1:y_pred}, ${2:y_true})',
    },
  },
  {
    id: 'poisson',
    names: { en: 'Poisson Loss (Keras)', zh: '泊松损失（Keras）' },
    aliases: ['Keras Poisson', 'Poisson count loss', '泊松计数损失'],
    category: 'regression',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.Poisson', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.poisson', kind: 'function' },
    ],
    formula: '\\ell = \\frac{1}{n}\\sum_{i=1}^{n} \\big(\\hat y_i - y_i \\log(\\hat y_i + \\epsilon)\\big), \\quad \\epsilon = 10^{-7}',
    formulaText: 'ℓ = (1/n) Σᵢ (ŷᵢ − yᵢ log(ŷᵢ + ε)),  ε = 1e−7',
    inputs: pairInputs(['non-negative counts', '非负计数'], ['non-negative predicted rates λ (not log-rates)', '非负的预测速率 λ（不是对数速率）']),
    params: [KERAS_REDUCTION],
    summary: {
      en: 'The negative Poisson log-likelihood of counts y given predicted rates ŷ, without the constant log(y!) term.',
      zh: '在预测速率 ŷ 下观测到计数 y 的泊松负对数似然，省略了常数项 log(y!)。',
    },
    whenToUse: {
      en: 'Count targets (events, clicks, photons) whose variance grows with the mean, with a model that outputs the rate directly (e.g. through exp or softplus).',
      zh: '方差随均值增大的计数目标（事件数、点击数、光子数等），且模型直接输出速率（例如经过 exp 或 softplus）。',
    },
    pitfalls: {
      en: 'y_pred is the rate itself, not its log: a negative prediction makes log undefined (this implementation rejects it). Not zero at a perfect prediction: the minimum over ŷ is y − y·log y, so compare values only between models, not against 0.',
      zh: 'y_pred 是速率本身而不是它的对数：负的预测值会使 log 无定义（本实现会直接报错）。完美预测时损失并不为 0：关于 ŷ 的最小值是 y − y·log y，因此只能在模型之间比较，不能与 0 比较。',
    },
    frameworkNotes: {
      en: `Keras' Poisson equals PyTorch's F.poisson_nll_loss(y_pred, y_true, log_input=False, full=False, eps=1e-7): both add ε inside the log. The only difference is the averaging: Keras averages over the last axis per sample first, which gives the same number for equal-length rows. PyTorch's default log_input=True expects log-rates instead. optax has no Poisson loss.`,
      zh: `Keras 的 Poisson 与 PyTorch 的 F.poisson_nll_loss(y_pred, y_true, log_input=False, full=False, eps=1e-7) 相同（两者都把 ε 加在 log 内），区别仅在求平均的方式：Keras 先在每个样本的最后一个轴上求平均，行长度相同时结果一致。PyTorch 默认 log_input=True，期望输入的是对数速率。optax 没有泊松损失。`,
    },
    sources: [KERAS_LOSSES, TORCH_FUNCTIONAL],
    related: ['poisson-nll-loss', 'mse-loss'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.Poisson()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      torch: 'loss = F.poisson_nll_loss(${1:y_pred}, ${2:y_true}, log_input=False, full=False, eps=${3:1e-7})',
      jax: 'loss = jnp.mean(${1:y_pred} - ${2:y_true} * jnp.log(${1:y_pred} + 1e-7))',
    },
  },
  {
    id: 'cosine-similarity',
    names: { en: 'Cosine Similarity Loss (Keras)', zh: '余弦相似度损失（Keras）' },
    aliases: ['cosine proximity', 'CosineSimilarity loss', 'Keras cosine similarity', '余弦邻近度', 'Keras 余弦相似度'],
    category: 'metric-learning',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.CosineSimilarity', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.cosine_similarity', kind: 'function' },
      { framework: 'optax', symbol: 'optax.cosine_similarity', kind: 'function' },
      { framework: 'optax', symbol: 'optax.cosine_distance', kind: 'function' },
    ],
    formula:
      '\\ell = -\\frac{1}{N}\\sum_{i=1}^{N} \\frac{\\langle y_i, \\hat y_i \\rangle}{\\max(\\lVert y_i \\rVert, \\epsilon)\\,\\max(\\lVert \\hat y_i \\rVert, \\epsilon)}, \\quad \\epsilon = 10^{-7}',
    formulaText: 'ℓ = −(1/N) Σᵢ ⟨yᵢ, ŷᵢ⟩ / (max(‖yᵢ‖, ε) · max(‖ŷᵢ‖, ε)),  ε = 1e−7',
    inputs: pairInputs(REALS, REALS),
    params: [
      axisParam('The axis along which vectors are compared (the feature axis).', '计算相似度所沿的轴（特征轴）。'),
      KERAS_REDUCTION,
    ],
    summary: {
      en: 'Minus the cosine of the angle between target and prediction vectors: −1 when they point the same way, 0 when orthogonal, +1 when opposite.',
      zh: '目标向量与预测向量夹角余弦的相反数：方向相同为 −1，正交为 0，方向相反为 +1。',
    },
    whenToUse: {
      en: 'Regressing directions rather than magnitudes: embeddings, normalised feature targets, word vectors.',
      zh: '回归方向而非大小的任务：嵌入向量（embedding）、归一化特征目标、词向量等。',
    },
    pitfalls: {
      en: 'It is negative and its minimum is −1, not 0: it is the similarity with a minus sign, not a distance. Scale-invariant, so the norm of y_pred is unconstrained and may drift. A zero vector gives 0 whatever the other vector is.',
      zh: '该损失为负数，最小值是 −1 而不是 0：它是加了负号的相似度，不是距离。它与尺度无关，因此 y_pred 的范数不受约束，可能漂移。任一向量为零向量时结果为 0。',
    },
    frameworkNotes: {
      en: `Keras returns −cos; PyTorch's F.cosine_similarity returns +cos (use −F.cosine_similarity(...).mean(), and note it clamps each norm with eps=1e−8 instead of Keras' 1e−7). F.cosine_embedding_loss uses 1 − cos for pairs labelled 1. optax.cosine_similarity returns +cos and optax.cosine_distance returns 1 − cos, both unreduced.`,
      zh: `Keras 返回 −cos；PyTorch 的 F.cosine_similarity 返回 +cos（可写 −F.cosine_similarity(...).mean()，注意它对范数用 eps=1e−8 截断，而 Keras 用 1e−7）。F.cosine_embedding_loss 对标签为 1 的样本对使用 1 − cos。optax.cosine_similarity 返回 +cos，optax.cosine_distance 返回 1 − cos，均不汇总。`,
    },
    sources: [KERAS_LOSSES, kerasSource('keras/src/ops/nn.py'), TORCH_FUNCTIONAL, OPTAX_REGRESSION],
    related: ['cosine-embedding-loss', 'simsiam-loss', 'mse-loss'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.CosineSimilarity(axis=${1:-1})\nloss = loss_fn(${2:y_true}, ${3:y_pred})',
      torch: 'loss = -F.cosine_similarity(${1:y_pred}, ${2:y_true}, dim=${3:-1}).mean()',
      jax: 'loss = -optax.cosine_similarity(${1:predictions}, ${2:targets}).mean()',
    },
  },
  {
    id: 'keras-binary-crossentropy',
    names: { en: 'Binary Cross-Entropy (Keras)', zh: '二元交叉熵（Keras）' },
    aliases: ['Keras BinaryCrossentropy', 'Keras BCE', 'Keras 二元交叉熵'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.BinaryCrossentropy', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.binary_crossentropy', kind: 'function' },
    ],
    formula:
      '\\ell = \\frac{1}{n}\\sum_{i=1}^{n} -\\big(\\tilde y_i \\log p_i + (1 - \\tilde y_i)\\log(1 - p_i)\\big), \\quad p_i = \\operatorname{clip}(\\hat y_i, \\epsilon, 1 - \\epsilon), \\quad \\tilde y_i = y_i (1 - s) + \\tfrac{s}{2}',
    formulaText: 'ℓ = (1/n) Σᵢ −(ỹᵢ log pᵢ + (1 − ỹᵢ) log(1 − pᵢ)),  pᵢ = clip(ŷᵢ, ε, 1 − ε),  ỹᵢ = yᵢ(1 − s) + s/2,  ε = 1e−7',
    inputs: pairInputs(
      ['labels in [0, 1] (0/1 or soft labels)', '[0, 1] 内的标签（0/1 或软标签）'],
      ['probabilities in [0, 1], or logits when from_logits=True', '[0, 1] 内的概率；from_logits=True 时为 logits'],
    ),
    params: [
      FROM_LOGITS,
      labelSmoothing(
        'Squeezes the labels towards 0.5: y·(1 − s) + s/2.',
        '将标签向 0.5 压缩：y·(1 − s) + s/2。',
      ),
      axisParam('The axis the per-sample mean is taken over.', '计算每个样本平均值所沿的轴。'),
      KERAS_REDUCTION,
    ],
    summary: {
      en: "Keras' binary cross-entropy: the same log loss as PyTorch's, but with probabilities clipped to [1e−7, 1 − 1e−7], optional label smoothing, and a per-sample mean over one axis.",
      zh: 'Keras 的二元交叉熵：与 PyTorch 的对数损失相同，但会把概率截断到 [1e−7, 1 − 1e−7]，可选标签平滑（label smoothing），并在一个轴上先求每个样本的平均。',
    },
    whenToUse: {
      en: 'Binary and multi-label classification in Keras; prefer from_logits=True with a linear last layer for numerical stability.',
      zh: 'Keras 中的二分类与多标签分类；为了数值稳定，推荐最后一层用线性输出并设置 from_logits=True。',
    },
    pitfalls: {
      en: 'With probabilities, a confident wrong prediction costs at most −log(1e−7) ≈ 16.1 and receives no gradient once clipped, so the model cannot recover from saturated sigmoids; from_logits=True avoids both. Passing logits with from_logits=False is a common bug: values outside [0, 1] are rejected here, while Keras silently clips them.',
      zh: '输入概率时，过度自信的错误预测最多只损失 −log(1e−7) ≈ 16.1，且被截断后梯度为 0，模型无法从饱和的 sigmoid 中恢复；from_logits=True 可避免这两个问题。常见错误是输入 logits 却保留 from_logits=False：本实现会拒绝 [0, 1] 之外的值，而 Keras 会静默截断。',
    },
    frameworkNotes: {
      en: "Differences from PyTorch: F.binary_cross_entropy clamps each log at −100 instead of clipping the probability at 1e−7 (so the largest per-element loss is 100, not ≈16.1, and its gradient never vanishes); F.binary_cross_entropy_with_logits is the from_logits=True form. PyTorch has no label_smoothing for BCE and averages over all elements at once, where Keras averages over `axis` per sample, then over samples (the same number for equal-length rows). Keras 2 (tf-keras) also added ε inside each log: log(p + ε), log(1 − p + ε); Keras 3 does not. 'sum' and 'none' reduce or keep per-sample values, not elements.",
      zh: '与 PyTorch 的区别：F.binary_cross_entropy 将每个 log 截断在 −100，而不是把概率截断到 1e−7（因此单个元素的最大损失是 100 而非约 16.1，且梯度不会消失）；F.binary_cross_entropy_with_logits 对应 from_logits=True。PyTorch 的 BCE 没有 label_smoothing，并且一次性对所有元素求平均，而 Keras 先在 axis 上对每个样本求平均再对样本求平均（各行长度相同时结果一致）。Keras 2（tf-keras）还会在每个 log 内再加 ε：log(p + ε)、log(1 − p + ε)，Keras 3 不再如此。\'sum\' 与 \'none\' 作用于每个样本的值，而非单个元素。',
    },
    sources: [KERAS_LOSSES, KERAS_TF_NN, { label: 'tf-keras tf_keras/backend.py (binary_crossentropy: log(p + ε))', version: 'dd0a723', url: 'https://github.com/keras-team/tf-keras/blob/dd0a7237b/tf_keras/backend.py' }, TORCH_FUNCTIONAL, OPTAX_CLASSIFICATION],
    related: ['binary-cross-entropy', 'bce-with-logits', 'keras-categorical-crossentropy'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=${1|False,True|}, label_smoothing=${2:0.0})\nloss = loss_fn(${3:y_true}, ${4:y_pred})',
      torch:
        '# Keras semantics in PyTorch (probabilities, label smoothing s)\ns = ${1:0.0}\ntarget = ${2:y_true} * (1 - s) + 0.5 * s\nloss = F.binary_cross_entropy(${3:y_pred}.clamp(1e-7, 1 - 1e-7), target)',
      jax: 'loss = optax.sigmoid_binary_cross_entropy(${1:logits}, ${2:labels}).mean()',
    },
  },
  {
    id: 'keras-categorical-crossentropy',
    names: { en: 'Categorical Cross-Entropy (Keras)', zh: '类别交叉熵（Keras）' },
    aliases: ['Keras CategoricalCrossentropy', 'Keras CCE', 'one-hot cross-entropy', 'Keras 类别交叉熵', '分类交叉熵'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.CategoricalCrossentropy', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.categorical_crossentropy', kind: 'function' },
    ],
    formula:
      '\\ell = -\\frac{1}{N}\\sum_{i=1}^{N}\\sum_{k=1}^{C} \\tilde y_{ik} \\log q_{ik}, \\quad q_{ik} = \\operatorname{clip}\\Big(\\frac{\\hat y_{ik}}{\\sum_j \\hat y_{ij}}, \\epsilon, 1 - \\epsilon\\Big), \\quad \\tilde y_{ik} = y_{ik}(1 - s) + \\frac{s}{C}',
    formulaText: 'ℓ = −(1/N) Σᵢ Σₖ ỹᵢₖ log qᵢₖ,  qᵢₖ = clip(ŷᵢₖ / Σⱼ ŷᵢⱼ, ε, 1 − ε),  ỹᵢₖ = yᵢₖ(1 − s) + s/C  (from_logits: q = softmax(ŷ), no clipping)',
    inputs: pairInputs(
      ['one-hot or soft labels in [0, 1] along the class axis', '沿类别轴的 one-hot 或软标签，取值 [0, 1]'],
      ['probabilities along the class axis (non-negative; rescaled to sum 1), or logits when from_logits=True', '沿类别轴的概率（非负，会被重新归一化为和为 1）；from_logits=True 时为 logits'],
      '(batch_size, ..., num_classes)',
    ),
    params: [
      FROM_LOGITS,
      labelSmoothing(
        'Mixes the labels with the uniform distribution: y·(1 − s) + s/C.',
        '将标签与均匀分布混合：y·(1 − s) + s/C。',
      ),
      axisParam('The class axis.', '类别所在的轴。'),
      KERAS_REDUCTION,
    ],
    summary: {
      en: "Keras' cross-entropy for one-hot (or soft) targets: by default on probabilities, which it renormalises and clips, or on logits with from_logits=True.",
      zh: 'Keras 针对 one-hot（或软）目标的交叉熵：默认作用于概率（会重新归一化并截断），设置 from_logits=True 时作用于 logits。',
    },
    whenToUse: {
      en: 'Single-label multiclass classification in Keras with one-hot targets; use the sparse variant for integer labels, and from_logits=True with a linear last layer.',
      zh: 'Keras 中以 one-hot 目标进行的单标签多分类；整数标签请用稀疏版本，并推荐线性输出层配合 from_logits=True。',
    },
    pitfalls: {
      en: 'The default from_logits=False expects a softmax output: logits passed by mistake are rejected here (Keras would renormalise negative numbers into nonsense). Probabilities are divided by their sum first, so unnormalised non-negative scores are silently accepted. Clipping at 1e−7 caps each term at ≈16.1 and stops its gradient.',
      zh: '默认 from_logits=False 期望 softmax 的输出：误传 logits 时本实现会报错（Keras 会把负数重新归一化，得到无意义的结果）。概率会先除以其总和，因此未归一化的非负得分也会被静默接受。1e−7 的截断把每一项的损失限制在约 16.1，并阻断其梯度。',
    },
    frameworkNotes: {
      en: "Differences from PyTorch: F.cross_entropy always takes logits (it applies log_softmax itself) and its class axis is dim 1, where Keras' is the last axis; with probability targets F.cross_entropy(logits, probs) equals Keras with from_logits=True. PyTorch's label_smoothing gives the same targets y·(1 − s) + s/C. With from_logits=False Keras renormalises and clips to [1e−7, 1 − 1e−7], which PyTorch never does; F.nll_loss on log-probabilities is the closest analogue. Keras takes no class weights here (use sample_weight). 'sum' and 'none' act on per-sample values.",
      zh: '与 PyTorch 的区别：F.cross_entropy 始终接收 logits（内部执行 log_softmax），类别轴是第 1 维，而 Keras 是最后一个轴；目标为概率时，F.cross_entropy(logits, probs) 等于 Keras 的 from_logits=True。PyTorch 的 label_smoothing 同样得到 y·(1 − s) + s/C。from_logits=False 时 Keras 会重新归一化并截断到 [1e−7, 1 − 1e−7]，PyTorch 从不这样做；最接近的是对对数概率使用 F.nll_loss。Keras 这里没有类别权重（可用 sample_weight）。\'sum\' 与 \'none\' 作用于每个样本的值。',
    },
    paper: {
      authors: 'Christian Szegedy, Vincent Vanhoucke, Sergey Ioffe, Jonathon Shlens, Zbigniew Wojna',
      year: 2016,
      title: 'Rethinking the Inception Architecture for Computer Vision (label smoothing)',
      url: 'https://arxiv.org/abs/1512.00567',
    },
    sources: [KERAS_LOSSES, KERAS_TF_NN, TORCH_FUNCTIONAL, OPTAX_CLASSIFICATION],
    related: ['cross-entropy', 'nll-loss', 'keras-sparse-categorical-crossentropy', 'keras-binary-crossentropy'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=${1|False,True|}, label_smoothing=${2:0.0})\nloss = loss_fn(${3:y_true}, ${4:y_pred})',
      torch:
        "# Keras semantics in PyTorch: class axis last, one-hot or soft targets\ndef categorical_crossentropy(y_true, y_pred, from_logits=${1|False,True|}, label_smoothing=${2:0.0}):\n    if label_smoothing:\n        y_true = y_true * (1 - label_smoothing) + label_smoothing / y_true.shape[-1]\n    if from_logits:\n        log_p = F.log_softmax(y_pred, dim=-1)\n    else:  # Keras renormalises probabilities and clips them to [1e-7, 1 - 1e-7]\n        log_p = (y_pred / y_pred.sum(-1, keepdim=True)).clamp(1e-7, 1 - 1e-7).log()\n    return -(y_true * log_p).sum(-1).mean()\n\nloss = categorical_crossentropy(${3:y_true}, ${4:y_pred})",
      jax: 'loss = optax.softmax_cross_entropy(${1:logits}, ${2:labels}).mean()',
    },
  },
  {
    id: 'keras-sparse-categorical-crossentropy',
    names: { en: 'Sparse Categorical Cross-Entropy (Keras)', zh: '稀疏类别交叉熵（Keras）' },
    aliases: ['Keras SparseCategoricalCrossentropy', 'Keras SCCE', 'Keras 稀疏类别交叉熵', '稀疏类别交叉熵', '稀疏分类交叉熵'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.SparseCategoricalCrossentropy', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.sparse_categorical_crossentropy', kind: 'function' },
    ],
    formula:
      '\\ell = \\frac{1}{|V|}\\sum_{i \\in V} \\Big(\\log \\sum_{k=1}^{C} c_{ik} - \\log c_{i y_i}\\Big), \\quad c_{ik} = \\operatorname{clip}(\\hat y_{ik}, \\epsilon, 1 - \\epsilon), \\quad V = \\{ i : y_i \\ne \\text{ignore\\_class} \\}',
    formulaText: 'ℓ = (1/|V|) Σ_{i∈V} (log Σₖ cᵢₖ − log c_{i,yᵢ}),  cᵢₖ = clip(ŷᵢₖ, ε, 1 − ε)  (from_logits: log Σₖ e^{ŷᵢₖ} − ŷ_{i,yᵢ}),  V = samples whose label ≠ ignore_class',
    inputs: [
      {
        name: 'y_true',
        meaning: { en: 'Integer class labels, one per sample (a trailing axis of size 1 is accepted).', zh: '整数类别标签，每个样本一个（允许末尾有一个大小为 1 的轴）。' },
        shape: '(batch_size, ...) or (batch_size, ..., 1)',
        domain: { en: 'class indices in [0, C), or ignore_class', zh: '[0, C) 内的类别索引，或 ignore_class' },
        integer: true,
      },
      {
        name: 'y_pred',
        meaning: { en: 'Class probabilities, or logits when from_logits=True; classes on the last axis.', zh: '各类别概率；from_logits=True 时为 logits；类别在最后一个轴。' },
        shape: '(batch_size, ..., num_classes)',
        domain: { en: 'probabilities in [0, 1], or real logits', zh: '[0, 1] 内的概率，或实数 logits' },
      },
    ],
    params: [
      FROM_LOGITS,
      {
        name: 'ignore_class',
        type: 'integer',
        default: null,
        meaning: {
          en: 'A label value to skip (e.g. −1 or 255 for "void" pixels): such samples add nothing and are left out of the mean.',
          zh: '要跳过的标签值（例如表示“空白”像素的 −1 或 255）：这些样本不计入损失，也不计入平均的分母。',
        },
      },
      KERAS_REDUCTION,
      axisParam('The class axis; only the last axis (-1) is supported, as in the TensorFlow backend.', '类别轴；与 TensorFlow 后端一致，仅支持最后一个轴（-1）。'),
    ],
    summary: {
      en: "Keras' cross-entropy for integer labels: the categorical cross-entropy without building one-hot vectors, with an optional class to ignore.",
      zh: 'Keras 针对整数标签的交叉熵：无需构造 one-hot 向量的类别交叉熵，并可指定一个忽略的类别。',
    },
    whenToUse: {
      en: 'Multiclass classification and segmentation in Keras with integer labels; set from_logits=True with a linear last layer, and ignore_class for unlabelled pixels.',
      zh: 'Keras 中使用整数标签的多分类与语义分割；推荐线性输出层配合 from_logits=True，并用 ignore_class 跳过未标注像素。',
    },
    pitfalls: {
      en: "With probabilities, the TensorFlow backend clips them to [1e−7, 1 − 1e−7] and then takes a log-softmax of their logs, which renormalises the clipped row: for a row that does not sum to 1 the result differs from −log p_y. Keras' JAX and PyTorch backends divide by the sum before clipping instead, so backends can disagree on edge cases. Labels must be integers in [0, C): with the TensorFlow backend an out-of-range label raises an error on CPU but silently gives NaN for that sample's loss and gradient on GPU (tf.nn.sparse_softmax_cross_entropy_with_logits); this implementation rejects it.",
      zh: '输入概率时，TensorFlow 后端先把概率截断到 [1e−7, 1 − 1e−7]，再对其对数做 log-softmax，相当于把截断后的行重新归一化：若该行之和不为 1，结果与 −log p_y 不同。Keras 的 JAX 与 PyTorch 后端则是先除以总和再截断，因此不同后端在边界情况下可能不一致。标签必须是 [0, C) 内的整数：TensorFlow 后端在 CPU 上遇到越界标签会报错，在 GPU 上则静默地让该样本的损失与梯度为 NaN（tf.nn.sparse_softmax_cross_entropy_with_logits）；本实现会拒绝越界标签。',
    },
    frameworkNotes: {
      en: "PyTorch's F.cross_entropy(logits, labels, ignore_index=i) matches from_logits=True with ignore_class=i, except that the class axis is dim 1 in PyTorch and the last axis in Keras, and PyTorch's default ignore_index=−100 is always active while Keras ignores nothing unless asked. Both average over the non-ignored samples; with every sample ignored, PyTorch returns NaN and Keras 0. With probabilities, use F.nll_loss(torch.log(p)), which neither clips nor renormalises. No label_smoothing or class weights in the Keras sparse loss.",
      zh: 'PyTorch 的 F.cross_entropy(logits, labels, ignore_index=i) 与 from_logits=True、ignore_class=i 的 Keras 一致，区别在于 PyTorch 的类别轴是第 1 维而 Keras 是最后一个轴，且 PyTorch 的默认 ignore_index=−100 始终生效，而 Keras 默认不忽略任何类别。两者都只对未被忽略的样本求平均；所有样本都被忽略时，PyTorch 返回 NaN，Keras 返回 0。输入概率时可用 F.nll_loss(torch.log(p))，它既不截断也不重新归一化。Keras 的稀疏损失没有 label_smoothing 和类别权重。',
    },
    sources: [KERAS_LOSSES, KERAS_TF_NN, kerasSource('keras/src/backend/jax/nn.py'), kerasSource('keras/src/losses/loss.py'), TORCH_FUNCTIONAL, OPTAX_CLASSIFICATION],
    related: ['cross-entropy', 'nll-loss', 'keras-categorical-crossentropy'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=${1|False,True|}, ignore_class=${2:None})\nloss = loss_fn(${3:y_true}, ${4:y_pred})',
      torch:
        "# Keras semantics in PyTorch: integer labels, classes on the last axis\ndef sparse_categorical_crossentropy(y_true, y_pred, from_logits=${1|False,True|}):\n    if not from_logits:  # Keras clips probabilities to [1e-7, 1 - 1e-7] and takes their log as logits\n        y_pred = y_pred.clamp(1e-7, 1 - 1e-7).log()\n    return F.cross_entropy(y_pred.movedim(-1, 1), y_true.long())\n\nloss = sparse_categorical_crossentropy(${2:y_true}, ${3:y_pred})",
      jax: 'loss = optax.softmax_cross_entropy_with_integer_labels(${1:logits}, ${2:labels}).mean()',
    },
  },
  {
    id: 'keras-kl-divergence',
    names: { en: 'KL Divergence (Keras)', zh: 'KL 散度（Keras）' },
    aliases: ['Keras KLDivergence', 'Keras KLD', 'Keras KL 散度'],
    category: 'divergence',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.KLDivergence', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.kl_divergence', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.KLD', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.kld', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.kullback_leibler_divergence', kind: 'function' },
    ],
    formula:
      '\\ell = \\frac{1}{N}\\sum_{i=1}^{N}\\sum_{k} t_{ik} \\log\\frac{t_{ik}}{p_{ik}}, \\quad t = \\operatorname{clip}(y, \\epsilon, 1), \\quad p = \\operatorname{clip}(\\hat y, \\epsilon, 1)',
    formulaText: 'ℓ = (1/N) Σᵢ Σₖ tᵢₖ log(tᵢₖ / pᵢₖ),  t = clip(y, ε, 1),  p = clip(ŷ, ε, 1),  ε = 1e−7',
    inputs: pairInputs(
      ['probabilities in [0, 1] (the target distribution along the last axis)', '[0, 1] 内的概率（沿最后一个轴的目标分布）'],
      ['probabilities in [0, 1] (not log-probabilities)', '[0, 1] 内的概率（不是对数概率）'],
      '(batch_size, ..., num_classes)',
    ),
    params: [KERAS_REDUCTION],
    summary: {
      en: "Keras' KL divergence KL(y_true ‖ y_pred) between probability vectors, summed over the last axis and averaged over samples, with both inputs clipped to [1e−7, 1].",
      zh: 'Keras 的 KL 散度 KL(y_true ‖ y_pred)：作用于概率向量，在最后一个轴上求和、对样本求平均，两个输入都会被截断到 [1e−7, 1]。',
    },
    whenToUse: {
      en: 'Matching a predicted distribution to a target distribution in Keras: distillation with soft targets, label distributions, VAE-style regularisers on categorical outputs.',
      zh: '在 Keras 中让预测分布逼近目标分布：软目标的知识蒸馏（distillation）、标签分布学习、类别输出上的 VAE 式正则项等。',
    },
    pitfalls: {
      en: 'Because y_true is clipped to ε, a zero target probability contributes ε·log(ε/p) instead of exactly 0, so the loss is slightly non-zero (and can be slightly negative) at a perfect prediction containing zeros. Predictions below 1e−7 get no gradient.',
      zh: '由于 y_true 也被截断到 ε，目标概率为 0 的位置贡献 ε·log(ε/p) 而非 0，因此当完美预测中含有 0 时，损失会略微偏离 0（甚至略为负）。小于 1e−7 的预测值没有梯度。',
    },
    frameworkNotes: {
      en: "The argument conventions are opposite: PyTorch's F.kl_div(input, target) takes the prediction as log-probabilities (target as probabilities, or log-probabilities with log_target=True) and never clips; Keras takes both as probabilities and clips both to [1e−7, 1]. PyTorch's default reduction='mean' divides by the number of elements; reduction='batchmean' matches Keras' sum over classes then mean over samples. optax.kl_divergence(log_predictions, targets) follows the PyTorch convention and returns per-sample sums.",
      zh: '参数约定相反：PyTorch 的 F.kl_div(input, target) 要求预测值为对数概率（target 为概率，log_target=True 时为对数概率），且从不截断；Keras 两个输入都是概率，并都截断到 [1e−7, 1]。PyTorch 默认 reduction=\'mean\' 除以元素总数；reduction=\'batchmean\' 才与 Keras 的“先对类别求和、再对样本求平均”一致。optax.kl_divergence(log_predictions, targets) 沿用 PyTorch 的约定，返回每个样本的和。',
    },
    paper: {
      authors: 'Solomon Kullback, Richard A. Leibler',
      year: 1951,
      title: 'On Information and Sufficiency',
      url: 'https://doi.org/10.1214/aoms/1177729694',
    },
    sources: [KERAS_LOSSES, TORCH_FUNCTIONAL, OPTAX_CLASSIFICATION],
    related: ['kl-div', 'keras-categorical-crossentropy'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.KLDivergence()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      torch:
        '# Keras semantics in PyTorch\nt = ${1:y_true}.clamp(1e-7, 1)\np = ${2:y_pred}.clamp(1e-7, 1)\nloss = F.kl_div(p.log(), t, reduction=\'sum\') / t[..., 0].numel()',
      jax: 'loss = optax.kl_divergence(jnp.log(jnp.clip(${1:y_pred}, 1e-7, 1)), jnp.clip(${2:y_true}, 1e-7, 1)).mean()',
    },
  },
  {
    id: 'keras-huber',
    names: { en: 'Huber Loss (Keras)', zh: 'Huber 损失（Keras）' },
    aliases: ['Keras Huber', 'Keras Huber 损失'],
    category: 'regression',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.Huber', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.huber', kind: 'function' },
    ],
    formula:
      '\\ell = \\frac{1}{n}\\sum_{i=1}^{n} \\begin{cases} \\tfrac{1}{2} e_i^2 & \\lvert e_i \\rvert \\le \\delta \\\\ \\delta \\lvert e_i \\rvert - \\tfrac{1}{2}\\delta^2 & \\text{otherwise} \\end{cases}, \\quad e_i = \\hat y_i - y_i',
    formulaText: 'ℓ = (1/n) Σᵢ [½eᵢ² if |eᵢ| ≤ δ, else δ|eᵢ| − ½δ²],  eᵢ = ŷᵢ − yᵢ',
    inputs: pairInputs(REALS, REALS),
    params: [
      {
        name: 'delta',
        type: 'number',
        default: 1.0,
        range: [0.01, 10],
        meaning: {
          en: 'Where the loss switches from quadratic to linear (non-negative; 0 makes the loss 0 everywhere).',
          zh: '损失由二次切换为线性的阈值（非负；取 0 时损失处处为 0）。',
        },
      },
      KERAS_REDUCTION,
    ],
    summary: {
      en: "Keras' Huber loss: the same piecewise function as PyTorch's huber_loss, averaged over the last axis per sample, then over samples.",
      zh: 'Keras 的 Huber 损失：与 PyTorch 的 huber_loss 分段函数相同，先在每个样本的最后一个轴上求平均，再对样本求平均。',
    },
    whenToUse: {
      en: 'Regression with occasional outliers in Keras, and the temporal-difference error of DQN-style agents.',
      zh: 'Keras 中存在少量离群点的回归任务，以及 DQN 类智能体的时序差分（TD）误差。',
    },
    pitfalls: {
      en: 'delta is in the units of the target. Compared with PyTorch, the only numeric difference is the order of averaging, which matters only when you switch reduction or weight samples.',
      zh: 'delta 与目标值同一量纲。与 PyTorch 相比，数值上唯一的差别是求平均的顺序，只有在更换汇总方式或对样本加权时才有影响。',
    },
    frameworkNotes: {
      en: "Same formula and default delta=1.0 as F.huber_loss (Keras tests |e| ≤ δ, PyTorch |e| < δ, which agree at the boundary). PyTorch averages over all elements; Keras averages over the last axis per sample, then over samples (equal for equal-length rows), so reduction='sum' differs: Keras sums per-sample means. Keras does not reject delta ≤ 0 while PyTorch requires delta > 0. optax.huber_loss returns unreduced values.",
      zh: '公式与默认 delta=1.0 都与 F.huber_loss 相同（Keras 判断 |e| ≤ δ，PyTorch 判断 |e| < δ，在边界处结果一致）。PyTorch 对所有元素求平均；Keras 先在每个样本的最后一个轴上求平均再对样本求平均（行长度相同时结果一致），因此 reduction=\'sum\' 不同：Keras 求和的是每个样本的平均值。Keras 不拒绝 delta ≤ 0，而 PyTorch 要求 delta > 0。optax.huber_loss 返回未汇总的值。',
    },
    paper: {
      authors: 'Peter J. Huber',
      year: 1964,
      title: 'Robust Estimation of a Location Parameter',
      url: 'https://doi.org/10.1214/aoms/1177703732',
    },
    sources: [KERAS_LOSSES, TORCH_FUNCTIONAL, OPTAX_REGRESSION],
    related: ['huber-loss', 'log-cosh', 'mse-loss'],
    snippets: {
      tf: 'loss_fn = tf.keras.losses.Huber(delta=${1:1.0})\nloss = loss_fn(${2:y_true}, ${3:y_pred})',
      torch: 'loss = F.huber_loss(${1:y_pred}, ${2:y_true}, delta=${3:1.0}, reduction=\'none\').mean(dim=-1).mean()',
      jax: 'loss = optax.huber_loss(${1:predictions}, ${2:targets}, delta=${3:1.0}).mean()',
    },
  },
];

/**
 * The Keras entries whose probabilities Keras clips to [ε, 1 − ε] before taking logs
 * (keras/src/backend/tensorflow/nn.py, binary_crossentropy, categorical_crossentropy and
 * sparse_categorical_crossentropy, Keras v3.8.0). Log-cosh, MAPE, MSLE, the hinges, Poisson,
 * cosine similarity, KL divergence (clipped to [ε, 1], no upper bound below 1) and Huber have no such clip.
 */
const CLIPS_PROBABILITIES_BELOW_ONE: ReadonlySet<string> = new Set([
  'keras-binary-crossentropy',
  'keras-categorical-crossentropy',
  'keras-sparse-categorical-crossentropy',
]);

function kerasSymbol(e: LossEntry, kind: 'class' | 'function'): string {
  const api = e.apis.find((a) => a.framework === 'keras' && a.kind === kind);
  if (!api) throw new Error(`Keras entry ${e.id} lacks a Keras ${kind} symbol`);
  return api.symbol;
}

/**
 * The paragraph appended to every Keras entry's framework notes, built from that entry's own
 * facts: its real function and class names (from `apis`), whether Keras clips its probabilities
 * below 1 (so the float32 rounding of 1 − 1e−7 shows) and whether it takes `from_logits`.
 * test/unit/losses/keras-shared.test.ts checks each sentence against the entry.
 */
export function kerasSharedNote(e: LossEntry): Localized {
  const fn = kerasSymbol(e, 'function');
  const cls = kerasSymbol(e, 'class');
  const clips = CLIPS_PROBABILITIES_BELOW_ONE.has(e.id);
  const logits = e.params.some((p) => p.name === 'from_logits');
  const ignores = e.params.some((p) => p.name === 'ignore_class');
  const en = [
    `The function form ${fn} reduces only the last axis (one value per sample for 2-D inputs); the class ${cls} then applies its reduction, by default 'sum_over_batch_size': the sum divided by the number of those values${ignores ? ' (with ignore_class, by the number of values not ignored)' : ''}.`,
    'Computed here in float64; Keras computes in float32 by default (keras.config.floatx()), so the figures agree to about 6–7 significant digits.',
  ];
  const zh = [
    `函数形式 ${fn} 只在最后一个轴上汇总（二维输入时每个样本得到一个值）；类形式 ${cls} 再按 reduction 汇总，默认 'sum_over_batch_size'：总和除以这些值的个数${ignores ? '（设置 ignore_class 时除以未被忽略的值的个数）' : ''}。`,
    '此处以 float64 计算；Keras 默认以 float32 计算（keras.config.floatx()），因此两者约在 6–7 位有效数字上一致。',
  ];
  if (clips) {
    en.push('Its probability clip upper bound 1 − 1e−7 is 0.99999988 (1 − 2⁻²³) in float32, so a log taken at that bound differs from the float64 one here: log(1 − 0.99999988) ≈ −15.94 against log(1e−7) ≈ −16.12.');
    zh.push('其概率截断上界 1 − 1e−7 在 float32 中为 0.99999988（1 − 2⁻²³），因此在该边界取的对数与此处 float64 的结果不同：log(1 − 0.99999988) ≈ −15.94，而 log(1e−7) ≈ −16.12。');
  }
  if (clips && logits) {
    en.push('With from_logits=True there is no clip: Keras works on the logits directly.');
    zh.push('from_logits=True 时不做截断：Keras 直接在 logits 上计算。');
  }
  return { en: en.join(' '), zh: zh.join('') };
}

export const KERAS_ENTRIES: readonly LossEntry[] = ENTRIES.map((e) => {
  const note = kerasSharedNote(e);
  return { ...e, frameworkNotes: { en: `${e.frameworkNotes.en} ${note.en}`, zh: `${e.frameworkNotes.zh}${note.zh}` } };
});
