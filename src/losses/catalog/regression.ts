/**
 * Catalog entries: regression losses.
 */
import type { LossEntry } from '../types';
import { KERAS_LOSSES, OPTAX_REGRESSION, TORCH_FUNCTIONAL, TORCH_LOSS_MODULES } from './sources';
import { POINTWISE_INPUTS, REDUCTION } from './common';

export const REGRESSION_ENTRIES: readonly LossEntry[] = [
  {
    id: 'mse-loss',
    names: { en: 'Mean Squared Error (L2 loss)', zh: '均方误差损失（MSE）' },
    aliases: ['MSE', 'L2 loss', 'squared error', 'quadratic loss', '均方误差', 'L2 损失', '二次损失'],
    category: 'regression',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.mse_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.MSELoss', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.MeanSquaredError', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.mean_squared_error', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.MSE', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.mse', kind: 'function' },
      { framework: 'optax', symbol: 'optax.squared_error', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'optax', symbol: 'optax.l2_loss', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.nn.l2_loss', kind: 'function' },
      { framework: 'tensorflow', symbol: 'tf.compat.v1.losses.mean_squared_error', kind: 'function' },
    ],
    formula: '\\ell(x, y) = \\frac{1}{n}\\sum_{i=1}^{n} (x_i - y_i)^2',
    formulaText: 'ℓ(x, y) = (1/n) Σᵢ (xᵢ − yᵢ)²',
    inputs: POINTWISE_INPUTS,
    params: [REDUCTION],
    summary: {
      en: 'Average of squared differences between prediction and target; the maximum-likelihood loss under Gaussian noise.',
      zh: '预测值与真实值之差的平方的平均；在高斯噪声假设下等价于最大似然估计。',
    },
    whenToUse: {
      en: 'Regression with a unimodal, roughly Gaussian target and few outliers. Smooth everywhere, so gradients shrink as predictions improve.',
      zh: '目标为单峰（unimodal）、近似高斯分布且离群点（outlier）较少的回归任务。处处可导，预测越准梯度越小。',
    },
    pitfalls: {
      en: 'Squaring makes outliers dominate the loss and the gradient. On a bimodal target it predicts the mean of the modes, a value that may never occur. Target and input shapes that differ are broadcast: PyTorch only warns, and a (N, 1) target against an (N,) input silently gives an N×N loss.',
      zh: '平方运算让离群点主导损失和梯度。目标为双峰（bimodal）时，模型会预测两个峰的平均值，而这个值可能根本不会出现。input 与 target 形状不同时会被广播：PyTorch 只给出警告，(N, 1) 的 target 对上 (N,) 的 input 会得到 N×N 的损失。',
    },
    frameworkNotes: {
      en: "PyTorch averages over every element. Keras' MeanSquaredError averages over the last axis per sample, then over the batch; for equal shapes the value is the same. optax.squared_error returns the unreduced squares (no mean), and optax.l2_loss is half of that. tf.nn.l2_loss(t) is sum(t²)/2 of one tensor: with t = prediction − target it is half the summed squared error, but most code passes a weight tensor to it as a weight-decay term. tf.compat.v1.losses.mean_squared_error(labels, predictions) averages over every element, as PyTorch does.",
      zh: 'PyTorch 对所有元素求平均。Keras 的 MeanSquaredError 先在每个样本的最后一个轴上求平均，再对 batch 求平均；形状一致时结果相同。optax.squared_error 返回未汇总的平方误差，optax.l2_loss 则是其一半。tf.nn.l2_loss(t) 计算单个张量的 sum(t²)/2：当 t = 预测值 − 目标值时，它等于平方误差总和的一半；但多数代码把权重张量传给它，用作权重衰减项。tf.compat.v1.losses.mean_squared_error(labels, predictions) 与 PyTorch 一样对所有元素求平均。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_REGRESSION],
    related: ['l1-loss', 'huber-loss'],
    snippets: {
      torch: 'criterion = nn.MSELoss(reduction=${1|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${2:pred}, ${3:target})',
      tf: 'loss_fn = tf.keras.losses.MeanSquaredError()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = optax.squared_error(${1:pred}, ${2:target}).mean()',
    },
  },
  {
    id: 'l1-loss',
    names: { en: 'Mean Absolute Error (L1 loss)', zh: '平均绝对误差损失（MAE / L1）' },
    aliases: ['MAE', 'L1', 'absolute error', '平均绝对误差', 'L1 损失'],
    category: 'regression',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.l1_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.L1Loss', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.MeanAbsoluteError', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.mean_absolute_error', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.MAE', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.mae', kind: 'function' },
      { framework: 'tensorflow', symbol: 'tf.compat.v1.losses.absolute_difference', kind: 'function' },
    ],
    formula: '\\ell(x, y) = \\frac{1}{n}\\sum_{i=1}^{n} \\lvert x_i - y_i \\rvert',
    formulaText: 'ℓ(x, y) = (1/n) Σᵢ |xᵢ − yᵢ|',
    inputs: POINTWISE_INPUTS,
    params: [REDUCTION],
    summary: {
      en: 'Average absolute difference between prediction and target; the maximum-likelihood loss under Laplace noise.',
      zh: '预测值与真实值之差的绝对值的平均；对应拉普拉斯（Laplace）噪声假设下的最大似然。',
    },
    whenToUse: {
      en: 'Regression where outliers should not dominate: each error counts linearly, and the optimum is the median rather than the mean.',
      zh: '希望离群点不主导训练的回归任务：误差按线性计入，最优解是中位数而非均值。',
    },
    pitfalls: {
      en: 'The gradient has constant magnitude, so it does not shrink near the optimum; use a decaying learning rate or Huber/smooth L1. Not differentiable at zero (PyTorch uses 0 there). Still assumes a unimodal target.',
      zh: '梯度大小恒定，接近最优点时也不会变小，需要配合衰减的学习率，或改用 Huber / Smooth L1。在 0 处不可导（PyTorch 在该点取梯度 0）。同样假设目标是单峰的。',
    },
    frameworkNotes: {
      en: 'PyTorch averages over every element; Keras averages over the last axis per sample, then over the batch. tf.compat.v1.losses.absolute_difference(labels, predictions) averages over every element, as PyTorch does.',
      zh: 'PyTorch 对所有元素求平均；Keras 先在每个样本的最后一个轴上求平均，再对 batch 求平均。tf.compat.v1.losses.absolute_difference(labels, predictions) 与 PyTorch 一样对所有元素求平均。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES],
    related: ['mse-loss', 'huber-loss'],
    snippets: {
      torch: 'criterion = nn.L1Loss(reduction=${1|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${2:pred}, ${3:target})',
      tf: 'loss_fn = tf.keras.losses.MeanAbsoluteError()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = jnp.mean(jnp.abs(${1:pred} - ${2:target}))',
    },
  },
  {
    id: 'huber-loss',
    names: { en: 'Huber Loss', zh: 'Huber 损失' },
    aliases: ['Huber', 'robust regression loss', 'Huber 损失'],
    category: 'regression',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.huber_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.HuberLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.huber_loss', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.compat.v1.losses.huber_loss', kind: 'function' },
    ],
    formula:
      '\\ell_i = \\begin{cases} \\tfrac{1}{2}(x_i - y_i)^2 & \\text{if } |x_i - y_i| < \\delta \\\\ \\delta\\,\\big(|x_i - y_i| - \\tfrac{1}{2}\\delta\\big) & \\text{otherwise} \\end{cases}',
    formulaText: 'ℓᵢ = ½(xᵢ − yᵢ)² if |xᵢ − yᵢ| < δ, else δ(|xᵢ − yᵢ| − ½δ)',
    inputs: POINTWISE_INPUTS,
    params: [
      REDUCTION,
      {
        name: 'delta',
        type: 'number',
        default: 1.0,
        range: [0.01, 10],
        meaning: {
          en: 'Where the loss switches from quadratic to linear; must be positive.',
          zh: '损失由二次切换为线性的阈值，必须为正数。',
        },
      },
    ],
    summary: {
      en: 'Squared error for small residuals and absolute error for large ones: robust to outliers yet smooth near the optimum.',
      zh: '残差小时用平方误差、残差大时用绝对误差：对离群点稳健，在最优点附近又保持平滑。',
    },
    whenToUse: {
      en: 'Regression with occasional outliers, bounding-box regression, and value targets in reinforcement learning.',
      zh: '存在少量离群点的回归、边界框（bounding box）回归，以及强化学习中的价值目标。',
    },
    pitfalls: {
      en: 'delta is in the units of the target: rescale it with the data. Huber equals delta times smooth L1 with beta = delta, so the two are not interchangeable without rescaling the learning rate.',
      zh: 'delta 与目标值同一量纲，数据缩放后它也要随之调整。Huber 等于 delta 乘以 beta = delta 的 Smooth L1，两者互换时需要相应调整学习率。',
    },
    frameworkNotes: {
      en: "Keras' Huber has the same formula with delta=1.0 by default but averages over the last axis first. optax.huber_loss returns unreduced values. tf.compat.v1.losses.huber_loss(labels, predictions, delta=1.0) averages over every element, as PyTorch does.",
      zh: 'Keras 的 Huber 公式相同、默认 delta=1.0，但先在最后一个轴上求平均。optax.huber_loss 返回未汇总的值。tf.compat.v1.losses.huber_loss(labels, predictions, delta=1.0) 与 PyTorch 一样对所有元素求平均。',
    },
    paper: {
      authors: 'Peter J. Huber',
      year: 1964,
      title: 'Robust Estimation of a Location Parameter',
      url: 'https://doi.org/10.1214/aoms/1177703732',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_REGRESSION],
    related: ['mse-loss', 'l1-loss'],
    snippets: {
      torch: 'criterion = nn.HuberLoss(delta=${1:1.0}, reduction=${2|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${3:pred}, ${4:target})',
      tf: 'loss_fn = tf.keras.losses.Huber(delta=${1:1.0})\nloss = loss_fn(${2:y_true}, ${3:y_pred})',
      jax: 'loss = optax.huber_loss(${1:pred}, ${2:target}, delta=${3:1.0}).mean()',
    },
  },
  {
    id: 'smooth-l1-loss',
    names: { en: 'Smooth L1 Loss', zh: 'Smooth L1 损失（平滑 L1）' },
    aliases: ['SmoothL1', 'smooth L1', 'Fast R-CNN box loss', '平滑 L1 损失', 'SmoothL1 损失'],
    category: 'regression',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.smooth_l1_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.SmoothL1Loss', kind: 'class' },
      { framework: 'keras', symbol: 'keras_cv.losses.SmoothL1Loss', kind: 'class' },
    ],
    formula:
      '\\ell_i = \\begin{cases} \\dfrac{0.5\\,(x_i - y_i)^2}{\\beta} & \\text{if } |x_i - y_i| < \\beta \\\\ |x_i - y_i| - 0.5\\,\\beta & \\text{otherwise} \\end{cases}',
    formulaText: 'ℓᵢ = 0.5(xᵢ − yᵢ)²/β if |xᵢ − yᵢ| < β, else |xᵢ − yᵢ| − 0.5β  (β = 0: |xᵢ − yᵢ|)',
    inputs: POINTWISE_INPUTS,
    params: [
      REDUCTION,
      {
        name: 'beta',
        type: 'number',
        default: 1.0,
        range: [0, 10],
        meaning: {
          en: 'Width of the quadratic zone around zero; must be non-negative. beta = 0 gives exactly the L1 loss.',
          zh: '零点附近二次区域的宽度，不能为负。beta = 0 时就是 L1 损失。',
        },
      },
    ],
    summary: {
      en: 'L1 loss with the kink at zero rounded off: quadratic for residuals smaller than beta, linear (slope 1) beyond. Introduced for bounding-box regression in Fast R-CNN.',
      zh: '把 L1 损失在零点处的尖角磨圆：残差小于 beta 时为二次函数，超过 beta 后为斜率为 1 的线性函数。最早用于 Fast R-CNN 的边界框（bounding box）回归。',
    },
    whenToUse: {
      en: 'Box-offset regression in detectors (Fast/Faster R-CNN, SSD) and any regression where you want L1 robustness but a gradient that vanishes smoothly at the optimum.',
      zh: '检测器（Fast/Faster R-CNN、SSD）中的边框偏移回归，以及任何既想要 L1 的稳健性、又希望梯度在最优点附近平滑趋于零的回归任务。',
    },
    pitfalls: {
      en: "Beyond beta the slope is always 1 whatever beta is, while the quadratic zone has curvature 1/beta: a tiny beta makes it nearly L1 with a very sharp bottom. The value is Huber divided by beta (Huber(delta = beta) / beta), so swapping one for the other changes the gradient scale. Negative beta is an error. With beta = 0 the value is exactly L1; the gradient at a residual of exactly 0 depends on the version: torch ≤ 2.0 runs the smooth L1 backward kernel, which gives −1 there on CPU and NaN on CUDA for residuals below about 1e−7 (pytorch#96813); later releases call l1_loss for beta = 0 (pytorch#97022) and give 0.",
      zh: '超过 beta 后斜率恒为 1，与 beta 无关；二次区域的曲率为 1/beta，beta 很小时几乎就是 L1，谷底非常陡。其数值等于 Huber(delta = beta) 除以 beta，两者互换会改变梯度的尺度。beta 为负会报错。beta = 0 时数值与 L1 完全相同；残差恰好为 0 处的梯度与版本有关：torch ≤ 2.0 仍走 Smooth L1 的反向内核，在 CPU 上该处梯度为 −1，在 CUDA 上残差小于约 1e−7 时梯度为 NaN（pytorch#96813）；之后的版本在 beta = 0 时改为调用 l1_loss（pytorch#97022），该处梯度为 0。',
    },
    frameworkNotes: {
      en: "PyTorch defines beta (default 1.0); since torch 2.1 F.smooth_l1_loss calls l1_loss when beta = 0 (torch ≤ 2.0 does not, see pitfalls). Keras has no smooth L1: tf.keras.losses.Huber(delta) equals delta × smooth L1 with beta = delta and averages over the last axis per sample; with delta = 1 the two coincide in value. keras_cv.losses.SmoothL1Loss(l1_cutoff=1.0) computes 0.5·d² below the cutoff and |d| − 0.5 above it (no division by the cutoff, a fixed 0.5), so it matches PyTorch only for l1_cutoff = 1, and it averages over the last axis. optax has huber_loss only; divide it by beta to get smooth L1.",
      zh: 'PyTorch 提供 beta 参数（默认 1.0）；自 torch 2.1 起，beta = 0 时 F.smooth_l1_loss 直接调用 l1_loss（torch ≤ 2.0 不会，见常见陷阱）。Keras 没有 Smooth L1：tf.keras.losses.Huber(delta) 等于 delta 乘以 beta = delta 的 Smooth L1，并且先在每个样本的最后一个轴上求平均；delta = 1 时二者数值相同。keras_cv.losses.SmoothL1Loss(l1_cutoff=1.0) 在阈值以下计算 0.5·d²、以上计算 |d| − 0.5（既不除以阈值，常数也固定为 0.5），因此只有 l1_cutoff = 1 时才与 PyTorch 一致，并且在最后一个轴上求平均。optax 只有 huber_loss，除以 beta 即得 Smooth L1。',
    },
    paper: {
      authors: 'Ross Girshick',
      year: 2015,
      title: 'Fast R-CNN',
      url: 'https://arxiv.org/abs/1504.08083',
    },
    sources: [TORCH_FUNCTIONAL, { label: 'PyTorch issue 96813 (beta = 0 backward gives NaN on CUDA)', version: 'torch 1.13.1', url: 'https://github.com/pytorch/pytorch/issues/96813' }, { label: 'PyTorch pull request 97022 (smooth_l1_loss with beta = 0 calls l1_loss)', version: 'merged 2023-03, torch 2.1', url: 'https://github.com/pytorch/pytorch/pull/97022' }, KERAS_LOSSES, { label: 'KerasCV keras_cv/src/losses/smooth_l1.py', version: 'fb4fca4', url: 'https://github.com/keras-team/keras-cv/blob/fb4fca44d3ea8e43e84f66eee4acf4f9c7a6ec11/keras_cv/src/losses/smooth_l1.py' }, OPTAX_REGRESSION],
    related: ['huber-loss', 'l1-loss', 'mse-loss'],
    snippets: {
      torch: 'criterion = nn.SmoothL1Loss(beta=${1:1.0}, reduction=${2|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${3:pred}, ${4:target})',
      tf: '# Huber(delta=beta) / beta is smooth L1 with that beta\nloss_fn = tf.keras.losses.Huber(delta=${1:1.0})\nloss = loss_fn(${2:y_true}, ${3:y_pred}) / ${1:1.0}',
      jax: 'loss = (optax.huber_loss(${1:pred}, ${2:target}, delta=${3:1.0}) / ${3:1.0}).mean()',
    },
  },
];
