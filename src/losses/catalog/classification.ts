/**
 * Catalog entries: classification losses.
 */
import type { InputSpec, LossEntry, ParamSpec } from '../types';
import { KERAS_LOSSES, KERAS_TF_NN, OPTAX_CLASSIFICATION, TORCH_FUNCTIONAL, TORCH_LOSS_MODULES } from './sources';
import { CLASS_WEIGHT, REDUCTION } from './common';

const IGNORE_INDEX: ParamSpec = {
  name: 'ignore_index',
  type: 'integer',
  default: -100,
  meaning: {
    en: 'A target value that is skipped: it contributes neither to the loss nor to the gradient, nor to the mean\'s denominator. Only for class-index targets.',
    zh: '被忽略的目标值：它既不计入损失和梯度，也不计入求平均时的分母。仅适用于类别索引目标。',
  },
};

/** `input` logits/log-probabilities laid out (C), (N, C) or (N, C, d1). */
function classInput(en: string, zh: string, domainEn: string, domainZh: string): InputSpec {
  return {
    name: 'input',
    meaning: { en, zh },
    shape: '(C), (N, C) or (N, C, d1)',
    domain: { en: domainEn, zh: domainZh },
  };
}

const INDEX_TARGET: InputSpec = {
  name: 'target',
  meaning: { en: 'The true class of each sample (and position).', zh: '每个样本（及位置）的真实类别。' },
  shape: '(), (N) or (N, d1)',
  domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' },
  integer: true,
};

const LOGIT_INPUT = classInput(
  'Unnormalized scores (logits) for each class.',
  '每个类别的未归一化得分（logits）。',
  'real logits',
  '实数 logits',
);

const BINARY_PROB_INPUTS: readonly InputSpec[] = [
  {
    name: 'input',
    meaning: { en: 'Predicted probability of the positive class (after a sigmoid).', zh: '预测为正类的概率（已经过 sigmoid）。' },
    shape: '(*), any shape',
    domain: { en: 'probabilities in [0, 1]', zh: '[0, 1] 内的概率' },
  },
  {
    name: 'target',
    meaning: { en: 'The true label (0 or 1), or a soft label in [0, 1].', zh: '真实标签（0 或 1），或 [0, 1] 内的软标签（soft label）。' },
    shape: '(*), same shape as input',
    domain: { en: 'values in [0, 1]', zh: '[0, 1] 内的值' },
  },
];

const SCORE_SIGN_INPUTS: readonly InputSpec[] = [
  {
    name: 'input',
    meaning: { en: 'The real-valued score f(x) of the classifier.', zh: '分类器输出的实数得分 f(x)。' },
    shape: '(*), any shape',
    domain: { en: 'real numbers', zh: '实数' },
  },
  {
    name: 'target',
    meaning: { en: 'The label, −1 or +1 (broadcast to the input).', zh: '标签，取 −1 或 +1（可广播到 input 的形状）。' },
    shape: '(*), same shape as input',
    domain: { en: '−1 or +1', zh: '−1 或 +1' },
  },
];

export const CLASSIFICATION_ENTRIES: readonly LossEntry[] = [
  {
    id: 'cross-entropy',
    names: { en: 'Cross-Entropy Loss', zh: '交叉熵损失' },
    aliases: [
      'CE',
      'categorical cross-entropy',
      'softmax cross-entropy',
      'multi-class log loss',
      'label smoothing',
      'label smoothing cross-entropy',
      '交叉熵',
      '多分类交叉熵',
      '标签平滑',
      '标签平滑交叉熵',
    ],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.cross_entropy', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.CrossEntropyLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.softmax_cross_entropy_with_integer_labels', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'optax', symbol: 'optax.softmax_cross_entropy', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'optax', symbol: 'optax.safe_softmax_cross_entropy', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.nn.softmax_cross_entropy_with_logits', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.nn.sparse_softmax_cross_entropy_with_logits', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.compat.v1.losses.softmax_cross_entropy', kind: 'function' },
      { framework: 'tensorflow', symbol: 'tf.compat.v1.losses.sparse_softmax_cross_entropy', kind: 'function' },
    ],
    formula:
      '\\ell_n = -(1-\\varepsilon)\\, w_{y_n} \\log \\frac{e^{x_{n,y_n}}}{\\sum_{c} e^{x_{n,c}}} \\; - \\; \\frac{\\varepsilon}{C} \\sum_{c=1}^{C} w_c \\log \\frac{e^{x_{n,c}}}{\\sum_{k} e^{x_{n,k}}}, \\qquad \\ell = \\frac{\\sum_n \\ell_n}{\\sum_{n:\\,y_n \\neq \\text{ignore}} w_{y_n}}',
    formulaText:
      'ℓₙ = −(1−ε)·w_{yₙ}·log softmax(xₙ)_{yₙ} − (ε/C)·Σ_c w_c·log softmax(xₙ)_c;  mean: Σₙ ℓₙ / Σ_{n not ignored} w_{yₙ}',
    inputs: [
      LOGIT_INPUT,
      {
        name: 'target',
        meaning: {
          en: 'Either the true class index of each sample, or a probability distribution over the classes (same shape as input).',
          zh: '每个样本的真实类别索引；或者与 input 形状相同、在各类别上的概率分布。',
        },
        shape: 'class indices: (), (N) or (N, d1); probabilities: same shape as input',
        domain: { en: 'class indices in [0, C), or probabilities', zh: '[0, C) 内的类别索引，或概率' },
      },
    ],
    params: [
      CLASS_WEIGHT,
      IGNORE_INDEX,
      REDUCTION,
      {
        name: 'label_smoothing',
        type: 'number',
        default: 0.0,
        range: [0, 1],
        meaning: {
          en: 'ε in [0, 1]: the target becomes (1 − ε)·one-hot + ε/C, mixing in a uniform distribution over the classes.',
          zh: 'ε ∈ [0, 1]：目标变为 (1 − ε)·one-hot + ε/C，即混入一个在各类别上均匀的分布（标签平滑，label smoothing）。',
        },
      },
    ],
    summary: {
      en: 'Softmax over the class logits followed by the negative log-likelihood of the true class: the standard loss for single-label multi-class classification. Label smoothing is a parameter of this loss.',
      zh: '先对各类别 logits 做 softmax，再取真实类别的负对数似然（negative log-likelihood）：单标签多分类任务的标准损失。标签平滑（label smoothing）是该损失的一个参数。',
    },
    whenToUse: {
      en: 'Any task where each sample (or pixel, or token) belongs to exactly one of C classes: image classification, language modelling, semantic segmentation with (N, C, d1) logits. Use class-probability targets for distillation, mixup or soft labels, and label_smoothing (e.g. 0.1) to keep the model from becoming over-confident.',
      zh: '每个样本（或像素、词元 token）恰好属于 C 个类别之一的任务：图像分类、语言建模、以 (N, C, d1) logits 做语义分割。知识蒸馏（distillation）、mixup 或软标签时使用类别概率目标；用 label_smoothing（如 0.1）防止模型过度自信（over-confident）。',
    },
    pitfalls: {
      en: "Pass raw logits: applying softmax first computes softmax twice and flattens the gradient. With weight and reduction='mean' the sum is divided by the total weight of the non-ignored targets, not by N. If every target equals ignore_index the mean is 0/0 = NaN. With label smoothing the ignored positions still contribute nothing, and with probability targets ignore_index must stay negative and the mean divides by the number of samples regardless of weight.",
      zh: "请直接传入原始 logits：先做 softmax 会导致 softmax 被计算两次，梯度也会变平。设置 weight 且 reduction='mean' 时，损失之和除以的是未被忽略目标的权重之和，而不是 N。若所有目标都等于 ignore_index，平均值为 0/0 = NaN。使用标签平滑时被忽略的位置同样不贡献损失；使用概率目标时 ignore_index 必须为负数，且无论是否有 weight，平均都按样本数计算。",
    },
    frameworkNotes: {
      en: "PyTorch puts the class axis at dimension 1 ((N, C, d1)); Keras and optax put it last. Keras' SparseCategoricalCrossentropy(from_logits=True) and CategoricalCrossentropy(from_logits=True) give the same value as the unweighted PyTorch loss for (N, C) input; their default from_logits=False expects probabilities and clips them to [1e-7, 1 − 1e-7], and Keras' label_smoothing spreads ε over the classes the same way. optax.softmax_cross_entropy_with_integer_labels (indices) and optax.softmax_cross_entropy (probabilities) return one loss per sample with no reduction, no weight and no label smoothing (use optax.smooth_labels); optax.safe_softmax_cross_entropy is the same but counts a −inf logit with a zero label as 0 instead of NaN. In TensorFlow, tf.nn.softmax_cross_entropy_with_logits (probabilities) and tf.nn.sparse_softmax_cross_entropy_with_logits (indices) return one loss per sample with classes on the last axis; tf.compat.v1.losses.softmax_cross_entropy and sparse_softmax_cross_entropy average them over the batch.",
      zh: 'PyTorch 把类别轴放在第 1 维（(N, C, d1)）；Keras 和 optax 放在最后一维。Keras 的 SparseCategoricalCrossentropy(from_logits=True) 与 CategoricalCrossentropy(from_logits=True) 对 (N, C) 输入给出与无权重 PyTorch 损失相同的值；它们默认 from_logits=False，要求输入概率并截断到 [1e-7, 1 − 1e-7]；Keras 的 label_smoothing 同样把 ε 均匀分到各类别。optax.softmax_cross_entropy_with_integer_labels（索引）和 optax.softmax_cross_entropy（概率）返回每个样本的损失，不做汇总，也没有 weight 和标签平滑（可先用 optax.smooth_labels）；optax.safe_softmax_cross_entropy 与之相同，只是 logit 为 −inf 且标签为 0 时记为 0 而不是 NaN。TensorFlow 中，tf.nn.softmax_cross_entropy_with_logits（概率标签）与 tf.nn.sparse_softmax_cross_entropy_with_logits（类别索引）在最后一个轴上计算，每个样本返回一个损失；tf.compat.v1.losses.softmax_cross_entropy 与 sparse_softmax_cross_entropy 再对 batch 求平均。',
    },
    paper: {
      authors: 'Christian Szegedy, Vincent Vanhoucke, Sergey Ioffe, Jonathon Shlens, Zbigniew Wojna',
      year: 2016,
      title: 'Rethinking the Inception Architecture for Computer Vision (label smoothing)',
      url: 'https://arxiv.org/abs/1512.00567',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['nll-loss', 'focal-loss', 'poly-loss', 'softmax-loss', 'kl-div', 'binary-cross-entropy'],
    snippets: {
      torch:
        "criterion = nn.CrossEntropyLoss(weight=${1:None}, ignore_index=${2:-100}, reduction=${3|'mean','sum','none'|}, label_smoothing=${4:0.0})\nloss = criterion(${5:logits}, ${6:target})",
      tf: 'loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=${1|True,False|})\nloss = loss_fn(${2:y_true}, ${3:logits})',
      jax: 'loss = optax.softmax_cross_entropy_with_integer_labels(${1:logits}, ${2:labels}).mean()',
    },
  },
  {
    id: 'nll-loss',
    names: { en: 'Negative Log-Likelihood Loss', zh: '负对数似然损失' },
    aliases: ['NLL', 'NLLLoss', 'negative log likelihood', '负对数似然', 'NLL 损失'],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.nll_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.NLLLoss', kind: 'class' },
      { framework: 'pytorch', symbol: 'torch.nn.NLLLoss2d', kind: 'class' },
    ],
    formula:
      '\\ell_n = -\\,w_{y_n}\\, x_{n, y_n}, \\qquad \\ell = \\frac{\\sum_{n} \\ell_n}{\\sum_{n:\\,y_n \\neq \\text{ignore}} w_{y_n}}',
    formulaText: 'ℓₙ = −w_{yₙ}·x_{n,yₙ};  mean: Σₙ ℓₙ / Σ_{n not ignored} w_{yₙ}',
    inputs: [
      classInput(
        'Log-probabilities of each class, typically the output of log_softmax.',
        '每个类别的对数概率，通常是 log_softmax 的输出。',
        'log-probabilities (≤ 0)',
        '对数概率（≤ 0）',
      ),
      INDEX_TARGET,
    ],
    params: [CLASS_WEIGHT, IGNORE_INDEX, REDUCTION],
    summary: {
      en: 'Picks the log-probability of the true class and negates it. Together with log_softmax it is exactly cross-entropy.',
      zh: '取出真实类别的对数概率并取负。与 log_softmax 组合后恰好等于交叉熵。',
    },
    whenToUse: {
      en: 'When the model already outputs log-probabilities: a log_softmax head, an adaptive softmax, a mixture whose log-likelihood you compute yourself, or a CRF/HMM emitting log-probabilities.',
      zh: '模型已经输出对数概率时：log_softmax 输出层、自适应 softmax（adaptive softmax）、自行计算对数似然的混合模型，或输出对数概率的 CRF/HMM。',
    },
    pitfalls: {
      en: 'It does not apply log_softmax: passing raw logits gives a loss that is unbounded below and meaningless. Passing probabilities (softmax instead of log_softmax) is an equally silent mistake. The weighted mean divides by the summed weights of the non-ignored targets; all targets ignored gives NaN.',
      zh: '它不会做 log_softmax：传入原始 logits 时损失没有下界、毫无意义；传入概率（用了 softmax 而非 log_softmax）同样是无声的错误。加权平均除以未被忽略目标的权重之和；所有目标都被忽略时结果为 NaN。',
    },
    frameworkNotes: {
      en: 'Keras and optax have no separate NLL loss: they fold the log-softmax into their cross-entropy functions. In PyTorch, F.cross_entropy(x, y) equals F.nll_loss(F.log_softmax(x, 1), y) for every weight and ignore_index. torch.nn.NLLLoss2d is a deprecated alias of NLLLoss (it warns, then behaves the same).',
      zh: 'Keras 和 optax 没有单独的 NLL 损失，而是把 log-softmax 合并进交叉熵函数。在 PyTorch 中，对任意 weight 与 ignore_index，F.cross_entropy(x, y) 都等于 F.nll_loss(F.log_softmax(x, 1), y)。torch.nn.NLLLoss2d 是 NLLLoss 已弃用的别名（发出警告后行为相同）。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES],
    related: ['cross-entropy', 'poisson-nll-loss', 'gaussian-nll-loss'],
    snippets: {
      torch:
        "criterion = nn.NLLLoss(weight=${1:None}, ignore_index=${2:-100}, reduction=${3|'mean','sum','none'|})\nloss = criterion(F.log_softmax(${4:logits}, dim=1), ${5:target})",
      jax: 'loss = -jnp.take_along_axis(${1:log_probs}, ${2:labels}[:, None], axis=-1).mean()',
    },
  },
  {
    id: 'binary-cross-entropy',
    names: { en: 'Binary Cross-Entropy', zh: '二元交叉熵' },
    aliases: ['BCE', 'BCELoss', 'log loss', 'binary log loss', '二值交叉熵', '二分类交叉熵', '对数损失'],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.binary_cross_entropy', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.BCELoss', kind: 'class' },
    ],
    formula:
      '\\ell_i = -\\,w_i \\big[\\, y_i \\max(\\log x_i, -100) + (1 - y_i) \\max(\\log(1 - x_i), -100) \\,\\big]',
    formulaText: 'ℓᵢ = −wᵢ·[yᵢ·max(log xᵢ, −100) + (1 − yᵢ)·max(log(1 − xᵢ), −100)]',
    inputs: BINARY_PROB_INPUTS,
    params: [
      {
        name: 'weight',
        type: 'tensor',
        default: null,
        meaning: {
          en: 'Optional weight of each element, broadcast to the input\'s shape.',
          zh: '可选的逐元素权重，会广播到 input 的形状。',
        },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The negative log-likelihood of a Bernoulli variable: for each element, minus the log of the probability the model gave to the true label.',
      zh: '伯努利（Bernoulli）变量的负对数似然：对每个元素，取模型赋予真实标签的概率的对数再取负。',
    },
    whenToUse: {
      en: 'Binary or multi-label classification when the network already ends with a sigmoid, and for reconstructions in [0, 1] (e.g. a VAE decoder on binarized images). Otherwise prefer the with-logits version.',
      zh: '网络已以 sigmoid 结尾的二分类或多标签分类，以及 [0, 1] 范围内的重建（如二值化图像上的 VAE 解码器）。其他情况优先使用 with-logits 版本。',
    },
    pitfalls: {
      en: 'Numerically weaker than binary_cross_entropy_with_logits: a saturated sigmoid gives exactly 0 or 1, and PyTorch then clamps each log at −100 so the loss stays finite (but wrong) and the gradient\'s denominator at 1e-12. Input must lie in [0, 1] (PyTorch raises otherwise); input and target must have the same shape. It is unsafe under autocast (mixed precision).',
      zh: '数值稳定性不如 binary_cross_entropy_with_logits：sigmoid 饱和时会得到恰好为 0 或 1 的值，此时 PyTorch 把每个对数截断到 −100，使损失有限（但不准确），并把梯度分母截断到 1e-12。input 必须在 [0, 1] 内（否则 PyTorch 报错），input 与 target 形状必须一致。在 autocast（混合精度）下不安全。',
    },
    frameworkNotes: {
      en: "Keras' BinaryCrossentropy (from_logits=False) clips predictions to [1e-7, 1 − 1e-7] instead of clamping the log at −100, averages over the last axis first and has its own label_smoothing (towards 0.5); so values differ near 0 and 1. optax only has the logits form (optax.sigmoid_binary_cross_entropy).",
      zh: 'Keras 的 BinaryCrossentropy（from_logits=False）把预测值截断到 [1e-7, 1 − 1e-7]，而不是把对数截断到 −100；它先在最后一个轴上求平均，并有自己的 label_smoothing（向 0.5 平滑），因此在 0 和 1 附近数值会不同。optax 只有 logits 形式（optax.sigmoid_binary_cross_entropy）。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, KERAS_TF_NN, OPTAX_CLASSIFICATION],
    related: ['bce-with-logits', 'balanced-cross-entropy', 'cross-entropy', 'logistic-loss'],
    snippets: {
      torch:
        "criterion = nn.BCELoss(weight=${1:None}, reduction=${2|'mean','sum','none'|})\nloss = criterion(torch.sigmoid(${3:logits}), ${4:target})",
      tf: 'loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=False)\nloss = loss_fn(${1:y_true}, ${2:y_prob})',
      jax: 'p = jnp.clip(${1:probs}, 1e-7, 1 - 1e-7)\nloss = -jnp.mean(${2:labels} * jnp.log(p) + (1 - ${2:labels}) * jnp.log1p(-p))',
    },
  },
  {
    id: 'bce-with-logits',
    names: { en: 'Binary Cross-Entropy with Logits', zh: '带 Logits 的二元交叉熵' },
    aliases: ['BCEWithLogitsLoss', 'sigmoid cross-entropy', 'sigmoid binary cross-entropy', 'BCE with logits', 'sigmoid 交叉熵', '带 logits 的二元交叉熵'],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.binary_cross_entropy_with_logits', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.BCEWithLogitsLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.sigmoid_binary_cross_entropy', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.nn.sigmoid_cross_entropy_with_logits', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.nn.weighted_cross_entropy_with_logits', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'tensorflow', symbol: 'tf.compat.v1.losses.sigmoid_cross_entropy', kind: 'function' },
    ],
    formula:
      '\\ell_i = -\\,w_i \\big[\\, p_i\\, y_i \\log \\sigma(x_i) + (1 - y_i) \\log\\big(1 - \\sigma(x_i)\\big) \\,\\big]',
    formulaText: 'ℓᵢ = −wᵢ·[pᵢ·yᵢ·log σ(xᵢ) + (1 − yᵢ)·log(1 − σ(xᵢ))],  p = pos_weight',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Logits: scores before the sigmoid.', zh: 'Logits：sigmoid 之前的得分。' },
        shape: '(*), any shape',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'target',
        meaning: { en: 'The true label (0 or 1) or a soft label in [0, 1].', zh: '真实标签（0 或 1）或 [0, 1] 内的软标签。' },
        shape: '(*), same shape as input',
        domain: { en: 'values in [0, 1]', zh: '[0, 1] 内的值' },
      },
    ],
    params: [
      {
        name: 'weight',
        type: 'tensor',
        default: null,
        meaning: { en: 'Optional weight of each element, broadcast to the input\'s shape.', zh: '可选的逐元素权重，会广播到 input 的形状。' },
      },
      REDUCTION,
      {
        name: 'pos_weight',
        type: 'tensor',
        default: null,
        meaning: {
          en: 'Optional weight of the positive term, broadcast over the last dimension (one value per class, shape (C)); > 1 raises recall, < 1 raises precision.',
          zh: '可选的正样本项权重，沿最后一维广播（每个类别一个值，形状 (C)）；大于 1 提高召回率（recall），小于 1 提高精确率（precision）。',
        },
      },
    ],
    summary: {
      en: 'Sigmoid and binary cross-entropy fused into one numerically stable expression (log-sum-exp), with an optional weight for the positive class.',
      zh: '把 sigmoid 与二元交叉熵合并为一个数值稳定的表达式（log-sum-exp），并可为正类单独加权。',
    },
    whenToUse: {
      en: 'Binary classification and multi-label classification (each of C labels independently on or off), detection objectness, and any Bernoulli output. Use pos_weight = negatives/positives per class for imbalanced labels.',
      zh: '二分类和多标签分类（C 个标签各自独立地为真或假）、检测中的目标性（objectness）以及任何伯努利输出。标签不平衡时按类别设置 pos_weight = 负样本数 / 正样本数。',
    },
    pitfalls: {
      en: 'Do not apply a sigmoid before it. pos_weight multiplies only the positive term and broadcasts over the last dimension, so for (N, C) input give it shape (C). weight is per element, not per class. Input and target must have the same shape.',
      zh: '不要事先做 sigmoid。pos_weight 只乘在正样本项上，并沿最后一维广播，所以 (N, C) 输入时它的形状应为 (C)。weight 是逐元素的，而不是逐类别的。input 与 target 形状必须一致。',
    },
    frameworkNotes: {
      en: "Keras: BinaryCrossentropy(from_logits=True) computes the same per-element loss but averages over the last axis before the batch and has no pos_weight (tf.nn.weighted_cross_entropy_with_logits has pos_weight). optax.sigmoid_binary_cross_entropy returns unreduced values and takes labels in [0, 1]. All three are stable for large |logit|. tf.nn.sigmoid_cross_entropy_with_logits(labels, logits) and tf.nn.weighted_cross_entropy_with_logits(labels, logits, pos_weight) (pos_weight required) return the unreduced per-element loss; tf.compat.v1.losses.sigmoid_cross_entropy averages it over every element.",
      zh: 'Keras：BinaryCrossentropy(from_logits=True) 的逐元素损失相同，但先在最后一个轴上求平均再对 batch 求平均，且没有 pos_weight（tf.nn.weighted_cross_entropy_with_logits 才有）。optax.sigmoid_binary_cross_entropy 返回未汇总的值，标签取 [0, 1]。三者对很大的 |logit| 都是数值稳定的。tf.nn.sigmoid_cross_entropy_with_logits(labels, logits) 与 tf.nn.weighted_cross_entropy_with_logits(labels, logits, pos_weight)（后者必须给出 pos_weight）返回未汇总的逐元素损失；tf.compat.v1.losses.sigmoid_cross_entropy 再对所有元素求平均。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['binary-cross-entropy', 'multilabel-soft-margin-loss', 'focal-loss', 'logistic-loss'],
    snippets: {
      torch:
        "criterion = nn.BCEWithLogitsLoss(weight=${1:None}, reduction=${2|'mean','sum','none'|}, pos_weight=${3:None})\nloss = criterion(${4:logits}, ${5:target})",
      tf: 'loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=True)\nloss = loss_fn(${1:y_true}, ${2:logits})',
      jax: 'loss = optax.sigmoid_binary_cross_entropy(${1:logits}, ${2:labels}).mean()',
    },
  },
  {
    id: 'balanced-cross-entropy',
    names: { en: 'Balanced (α-weighted) Binary Cross-Entropy', zh: '平衡交叉熵（α 加权二元交叉熵）' },
    aliases: ['balanced BCE', 'alpha-balanced cross-entropy', 'weighted binary cross-entropy', '平衡交叉熵', 'α 平衡交叉熵', '加权二元交叉熵'],
    category: 'classification',
    apis: [],
    formula: '\\ell_i = -\\big[\\, \\alpha\\, y_i \\log p_i + (1 - \\alpha)(1 - y_i) \\log(1 - p_i) \\,\\big]',
    formulaText: 'ℓᵢ = −[α·yᵢ·log pᵢ + (1 − α)·(1 − yᵢ)·log(1 − pᵢ)]  (= BCE weighted by α_t)',
    inputs: BINARY_PROB_INPUTS,
    params: [
      {
        name: 'alpha',
        type: 'number',
        default: 0.25,
        range: [0, 1],
        meaning: {
          en: 'Weight of the positive class; negatives get 1 − α. A common choice is the fraction of negatives, n_neg / (n_neg + n_pos).',
          zh: '正类的权重，负类的权重为 1 − α。常取负样本所占比例 n_neg / (n_neg + n_pos)。',
        },
      },
      REDUCTION,
    ],
    summary: {
      en: 'Binary cross-entropy with weight α on positive and 1 − α on negative examples, to counter class imbalance.',
      zh: '对正样本乘以权重 α、负样本乘以 1 − α 的二元交叉熵，用于缓解类别不平衡（class imbalance）。',
    },
    whenToUse: {
      en: 'Binary or per-pixel tasks where one class is rare (edge detection, as in HED; defect or lesion segmentation) and the rare class would otherwise be ignored.',
      zh: '某一类别很少见的二分类或逐像素任务（如 HED 中的边缘检测、缺陷或病灶分割），否则稀有类别容易被忽略。',
    },
    pitfalls: {
      en: 'It rebalances by class frequency, not by difficulty: easy negatives still dominate when they are numerous enough (focal loss addresses that). α is the weight of the positives, so α = 0.25 down-weights the positives: pick it from the data. Implemented as PyTorch BCE with weight α·y + (1 − α)(1 − y), so the −100 log clamp applies and soft labels interpolate the weight.',
      zh: '它按类别频率而不是难易程度重新加权：当简单负样本足够多时仍会主导损失（focal loss 解决了这一点）。α 是正样本的权重，α = 0.25 实际上降低了正样本权重，应根据数据选择。本实现等价于 weight 为 α·y + (1 − α)(1 − y) 的 PyTorch BCE，因此同样有 −100 的对数截断，软标签时权重会线性插值。',
    },
    frameworkNotes: {
      en: 'No framework ships it under this name. In PyTorch pass weight=alpha*target + (1-alpha)*(1-target) to F.binary_cross_entropy, or pos_weight=alpha/(1-alpha) to BCEWithLogitsLoss (same up to a factor 1 − α). Keras: BinaryFocalCrossentropy(apply_class_balancing=True, alpha=α, gamma=0) on probabilities, with its clipping.',
      zh: '没有框架以这个名字提供它。PyTorch 中可给 F.binary_cross_entropy 传入 weight=alpha*target + (1-alpha)*(1-target)，或给 BCEWithLogitsLoss 传入 pos_weight=alpha/(1-alpha)（相差一个 1 − α 的系数）。Keras：对概率使用 BinaryFocalCrossentropy(apply_class_balancing=True, alpha=α, gamma=0)，并带有其截断。',
    },
    paper: {
      authors: 'Saining Xie, Zhuowen Tu',
      year: 2015,
      title: 'Holistically-Nested Edge Detection',
      url: 'https://arxiv.org/abs/1504.06375',
    },
    sources: [TORCH_FUNCTIONAL, KERAS_LOSSES],
    related: ['binary-cross-entropy', 'bce-with-logits', 'focal-loss'],
    snippets: {
      torch:
        "alpha = ${1:0.25}\nweight = alpha * ${3:target} + (1 - alpha) * (1 - ${3:target})\nloss = F.binary_cross_entropy(${2:probs}, ${3:target}, weight=weight, reduction=${4|'mean','sum','none'|})",
      tf: 'loss_fn = tf.keras.losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=${1:0.25}, gamma=0.0)\nloss = loss_fn(${2:y_true}, ${3:y_prob})',
      scratch:
        "def balanced_bce(probs, target, alpha=${1:0.25}, reduction=${2|'mean','sum','none'|}):\n    weight = alpha * target + (1 - alpha) * (1 - target)\n    return F.binary_cross_entropy(probs, target, weight=weight, reduction=reduction)",
    },
  },
  {
    id: 'focal-loss',
    names: { en: 'Focal Loss (multi-class, softmax)', zh: 'Focal Loss（多分类 softmax 形式）' },
    aliases: ['softmax focal loss', 'multi-class focal loss', 'FocalLoss', '多分类焦点损失', 'Softmax Focal 损失', '焦点参数'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'tf.keras.losses.CategoricalFocalCrossentropy', kind: 'class' },
      { framework: 'keras', symbol: 'tf.keras.losses.categorical_focal_crossentropy', kind: 'function', defaults: { reduction: 'none' } },
    ],
    formula: '\\ell_n = -\\,\\alpha\\, (1 - p_{t})^{\\gamma} \\log p_{t}, \\qquad p_{t} = \\frac{e^{x_{n,y_n}}}{\\sum_c e^{x_{n,c}}}',
    formulaText: 'ℓₙ = −α·(1 − p_t)^γ·log p_t,  p_t = softmax(xₙ)_{yₙ}',
    inputs: [LOGIT_INPUT, INDEX_TARGET],
    params: [
      {
        name: 'gamma',
        type: 'number',
        default: 2.0,
        range: [0, 5],
        meaning: {
          en: 'Focusing parameter γ ≥ 0: how strongly well-classified examples are down-weighted. γ = 0 gives α times cross-entropy.',
          zh: '聚焦参数 γ ≥ 0：对已分类正确的样本降低权重的程度。γ = 0 时退化为 α 倍的交叉熵。',
        },
      },
      {
        name: 'alpha',
        type: 'number',
        default: 0.25,
        range: [0, 1],
        meaning: {
          en: 'Scalar weight α of every term (the paper\'s value 0.25; in the softmax form it only rescales the loss).',
          zh: '所有项的标量权重 α（论文取 0.25；在 softmax 形式中它只是整体缩放损失）。',
        },
      },
      REDUCTION,
    ],
    summary: {
      en: 'Cross-entropy multiplied by (1 − p_t)^γ, so that confidently correct examples contribute little and training focuses on hard, misclassified ones.',
      zh: '在交叉熵上乘以 (1 − p_t)^γ，使得已被自信地分对的样本贡献很小，让训练集中在困难的、被分错的样本上。',
    },
    whenToUse: {
      en: 'Heavily imbalanced classification where many easy examples swamp the loss: dense detection heads, long-tailed recognition, segmentation with a dominant background class.',
      zh: '大量简单样本淹没损失的严重不平衡分类：密集检测头（dense detection）、长尾识别（long-tailed recognition）、背景类占主导的分割。',
    },
    pitfalls: {
      en: 'A widely copied implementation computes nn.CrossEntropyLoss() with its default mean first and then applies (1 − p)^γ to that batch mean: that is not focal loss, since the modulation must act per sample (use reduction=\'none\'). With γ > 0 the gradient of well-classified examples nearly vanishes; the paper also initializes the final bias to a foreground prior of 0.01 so that early training is not swamped by the background. This softmax form differs from the sigmoid form used in RetinaNet (torchvision.ops.sigmoid_focal_loss).',
      zh: '一种被广泛复制的写法先用默认取平均的 nn.CrossEntropyLoss() 算出 batch 均值，再对这个均值乘 (1 − p)^γ：这并不是 focal loss，调制因子必须逐样本作用（应使用 reduction=\'none\'）。γ > 0 时分类正确样本的梯度几乎消失；论文还把最后一层偏置初始化为前景先验 0.01，避免训练初期被背景淹没。这里的 softmax 形式与 RetinaNet 使用的 sigmoid 形式（torchvision.ops.sigmoid_focal_loss）不同。',
    },
    frameworkNotes: {
      en: "PyTorch ships only the sigmoid (binary) form, torchvision.ops.sigmoid_focal_loss; optax has optax.sigmoid_focal_loss. Keras' CategoricalFocalCrossentropy (alpha=0.25, gamma=2.0) is this softmax form but takes probabilities by default (clipped to [1e-7, 1 − 1e-7]) and one-hot targets. Values here come from the from-scratch module below.",
      zh: 'PyTorch 只提供 sigmoid（二分类）形式 torchvision.ops.sigmoid_focal_loss；optax 有 optax.sigmoid_focal_loss。Keras 的 CategoricalFocalCrossentropy（alpha=0.25, gamma=2.0）就是这种 softmax 形式，但默认输入为概率（截断到 [1e-7, 1 − 1e-7]）且目标为 one-hot。此处的数值来自下面的从零实现。',
    },
    paper: {
      authors: 'Tsung-Yi Lin, Priya Goyal, Ross Girshick, Kaiming He, Piotr Dollár',
      year: 2017,
      title: 'Focal Loss for Dense Object Detection',
      url: 'https://arxiv.org/abs/1708.02002',
    },
    sources: [TORCH_FUNCTIONAL, { label: 'torchvision torchvision/ops/focal_loss.py', version: 'v0.14.1', url: 'https://github.com/pytorch/vision/blob/v0.14.1/torchvision/ops/focal_loss.py' }, KERAS_LOSSES, OPTAX_CLASSIFICATION, { label: 'paper: Focal Loss for Dense Object Detection', version: '2017', url: 'https://arxiv.org/abs/1708.02002' }],
    related: ['cross-entropy', 'balanced-cross-entropy', 'poly-loss', 'bce-with-logits'],
    snippets: {
      scratch:
        "class FocalLoss(nn.Module):\n    def __init__(self, gamma=${1:2.0}, alpha=${2:0.25}, reduction=${3|'mean','sum','none'|}):\n        super().__init__()\n        self.gamma = gamma\n        self.alpha = alpha\n        self.reduction = reduction\n\n    def forward(self, input, target):\n        ce = F.cross_entropy(input, target, reduction='none')  # per sample\n        pt = torch.exp(-ce)\n        loss = self.alpha * (1 - pt) ** self.gamma * ce\n        if self.reduction == 'mean':\n            return loss.mean()\n        if self.reduction == 'sum':\n            return loss.sum()\n        return loss",
      tf: 'loss_fn = tf.keras.losses.CategoricalFocalCrossentropy(alpha=${1:0.25}, gamma=${2:2.0}, from_logits=True)\nloss = loss_fn(${3:y_true_one_hot}, ${4:logits})',
      jax: 'ce = optax.softmax_cross_entropy_with_integer_labels(${1:logits}, ${2:labels})\npt = jnp.exp(-ce)\nloss = (${3:0.25} * (1 - pt) ** ${4:2.0} * ce).mean()',
    },
  },
  {
    id: 'poly-loss',
    names: { en: 'PolyLoss (Poly-1)', zh: 'PolyLoss（Poly-1 多项式损失）' },
    aliases: ['Poly-1', 'PolyLoss', 'poly cross-entropy', '多项式损失', 'Poly-1 损失'],
    category: 'classification',
    apis: [{ framework: 'optax', symbol: 'optax.losses.poly_loss_cross_entropy', kind: 'function' }],
    formula: '\\ell = -\\sum_{c} y_c \\log p_c \\; + \\; \\varepsilon \\sum_c y_c\\,(1 - p_c), \\qquad p = \\operatorname{softmax}(x)',
    formulaText: 'ℓ = −Σ_c y_c·log p_c + ε·Σ_c y_c·(1 − p_c),  p = softmax(x)  (one-hot y: CE + ε(1 − p_t))',
    inputs: [
      {
        name: 'logits',
        meaning: { en: 'Unnormalized class scores, classes on the last axis.', zh: '未归一化的类别得分，类别在最后一个轴上。' },
        shape: '(..., C)',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'labels',
        meaning: { en: 'One-hot (or soft) label distributions, same shape as logits.', zh: 'one-hot（或软）标签分布，与 logits 形状相同。' },
        shape: '(..., C)',
        domain: { en: 'probabilities (each row sums to 1)', zh: '概率（每行和为 1）' },
      },
    ],
    params: [
      {
        name: 'epsilon',
        type: 'number',
        default: 2.0,
        range: [-1, 10],
        meaning: {
          en: 'ε, the extra weight of the first polynomial term (1 − p_t). ε = 0 is cross-entropy; ε = −1 removes the first term.',
          zh: 'ε：第一项多项式 (1 − p_t) 的额外系数。ε = 0 即交叉熵；ε = −1 去掉第一项。',
        },
      },
    ],
    summary: {
      en: 'Cross-entropy plus ε(1 − p_t): the first coefficient of cross-entropy\'s Taylor expansion in (1 − p_t) is adjusted by ε, a one-line change that often beats plain cross-entropy.',
      zh: '交叉熵加上 ε(1 − p_t)：把交叉熵按 (1 − p_t) 泰勒展开（Taylor expansion）后的第一项系数加上 ε，只改一行代码，却常常优于普通交叉熵。',
    },
    whenToUse: {
      en: 'As a drop-in replacement for cross-entropy in image classification and detection; tune ε (the paper reports ε = 2 for ImageNet classification and a negative ε for its focal-loss variant on COCO detection).',
      zh: '在图像分类与检测中直接替换交叉熵；需要调节 ε（论文在 ImageNet 分类上使用 ε = 2，在 COCO 检测的 focal loss 变体上使用负的 ε）。',
    },
    pitfalls: {
      en: 'With ε < −1 the loss is no longer guaranteed non-negative or monotone in p_t. The value is per example (optax does not reduce): average it yourself. Labels must be one-hot/probability vectors, not indices.',
      zh: 'ε < −1 时损失不再保证非负，也不再随 p_t 单调。结果是逐样本的（optax 不做汇总），需要自行求平均。labels 必须是 one-hot 或概率向量，而不是索引。',
    },
    frameworkNotes: {
      en: 'optax.losses.poly_loss_cross_entropy(logits, labels, epsilon=2.0) is the reference here: one value per example, classes on the last axis. PyTorch and Keras have no built-in; in PyTorch write F.cross_entropy(x, y, reduction=\'none\') + eps * (1 - softmax(x).gather(1, y[:, None]).squeeze(1)). With soft or multi-hot labels, optax uses Σ labels·(1 − p) for the second term, not 1 − Σ labels·p; the two agree only when each row of labels sums to 1.',
      zh: '此处以 optax.losses.poly_loss_cross_entropy(logits, labels, epsilon=2.0) 为准：每个样本一个值，类别在最后一个轴上。PyTorch 和 Keras 没有内置实现；PyTorch 中可写成 F.cross_entropy(x, y, reduction=\'none\') + eps * (1 - softmax(x).gather(1, y[:, None]).squeeze(1))。标签为软标签或多热（multi-hot）时，optax 的第二项是 Σ labels·(1 − p)，而不是 1 − Σ labels·p；只有每行标签之和为 1 时两者才相同。',
    },
    paper: {
      authors: 'Zhaoqi Leng, Mingxing Tan, Chenxi Liu, Ekin Dogus Cubuk, Xiaojie Shi, Shuyang Cheng, Dragomir Anguelov',
      year: 2022,
      title: 'PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions',
      url: 'https://arxiv.org/abs/2204.12511',
    },
    sources: [OPTAX_CLASSIFICATION, { label: 'paper: PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions', version: '2022', url: 'https://arxiv.org/abs/2204.12511' }],
    related: ['cross-entropy', 'focal-loss'],
    snippets: {
      jax: 'loss = optax.losses.poly_loss_cross_entropy(${1:logits}, ${2:labels_one_hot}, epsilon=${3:2.0}).mean()',
      torch:
        "ce = F.cross_entropy(${1:logits}, ${2:target}, reduction='none')  # target: (N, C) one-hot or soft\none_minus_pt = (${2:target} * (1 - F.softmax(${1:logits}, dim=1))).sum(1)\nepsilon = ${3:2.0}\nloss = ce + epsilon * one_minus_pt  # one value per sample, like optax; .mean() to average",
      scratch:
        "def poly1_cross_entropy(logits, labels, epsilon=${1:2.0}):\n    # labels: one-hot or soft, last axis; one value per sample (as optax.losses.poly_loss_cross_entropy)\n    p = F.softmax(logits, dim=-1)\n    ce = -(labels * F.log_softmax(logits, dim=-1)).sum(-1)\n    return ce + epsilon * (labels * (1 - p)).sum(-1)",
    },
  },
  {
    id: 'softmax-loss',
    names: { en: 'Softmax Loss', zh: 'Softmax 损失' },
    aliases: ['softmax with loss', 'SoftmaxWithLoss', 'softmax 损失函数'],
    category: 'classification',
    apis: [],
    formula: '\\ell_n = -\\log \\frac{e^{W_{y_n}^{\\top} f_n + b_{y_n}}}{\\sum_{c=1}^{C} e^{W_c^{\\top} f_n + b_c}}',
    formulaText: 'ℓₙ = −log( exp(W_{yₙ}ᵀfₙ + b_{yₙ}) / Σ_c exp(W_cᵀfₙ + b_c) )',
    inputs: [
      {
        name: 'input',
        meaning: {
          en: 'Logits W·f + b of the last linear layer (compute them with the cross-entropy entry).',
          zh: '最后一层全连接输出的 logits W·f + b（数值计算请使用交叉熵条目）。',
        },
        shape: '(N, C)',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'target',
        meaning: { en: 'The identity (class) of each sample.', zh: '每个样本的身份（类别）。' },
        shape: '(N)',
        domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' },
        integer: true,
      },
    ],
    params: [],
    summary: {
      en: 'The name used in face recognition and in Caffe (SoftmaxWithLoss) for a final linear layer, a softmax and cross-entropy. Numerically it is cross-entropy on the logits W·f + b; see the cross-entropy entry.',
      zh: '人脸识别文献和 Caffe（SoftmaxWithLoss）中对“最后一层全连接 + softmax + 交叉熵”的称呼。数值上它就是对 logits W·f + b 的交叉熵，详见交叉熵条目。',
    },
    whenToUse: {
      en: 'As the baseline of face recognition and metric learning; margin-based variants (SphereFace, CosFace, ArcFace) change the logits to W·f with normalized vectors and an angular margin.',
      zh: '作为人脸识别和度量学习（metric learning）的基线；基于间隔（margin）的变体（SphereFace、CosFace、ArcFace）把 logits 改为归一化向量的 W·f 并加入角度间隔。',
    },
    pitfalls: {
      en: 'It separates classes but does not make features compact: intra-class variation stays large, which hurts open-set verification. It is commonly combined with center loss or replaced by a margin-based softmax.',
      zh: '它能把类别分开，却不会让特征紧凑：类内差异仍然很大，不利于开集（open-set）验证。常与中心损失（center loss）结合，或被基于间隔的 softmax 取代。',
    },
    frameworkNotes: {
      en: 'No separate API: use nn.Linear followed by nn.CrossEntropyLoss (PyTorch), a Dense layer with SparseCategoricalCrossentropy(from_logits=True) (Keras) or optax.softmax_cross_entropy_with_integer_labels. Compute it with the cross-entropy entry.',
      zh: '没有单独的 API：PyTorch 中用 nn.Linear 接 nn.CrossEntropyLoss，Keras 中用 Dense 层加 SparseCategoricalCrossentropy(from_logits=True)，或使用 optax.softmax_cross_entropy_with_integer_labels。数值计算请使用交叉熵条目。',
    },
    paper: {
      authors: 'Weiyang Liu, Yandong Wen, Zhiding Yu, Meng Yang',
      year: 2016,
      title: 'Large-Margin Softmax Loss for Convolutional Neural Networks',
      url: 'https://arxiv.org/abs/1612.02295',
    },
    sources: [TORCH_FUNCTIONAL, KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['cross-entropy', 'nll-loss'],
    snippets: {
      torch:
        'classifier = nn.Linear(${1:embedding_dim}, ${2:num_classes})\nloss = F.cross_entropy(classifier(${3:features}), ${4:labels})',
      tf: 'logits = tf.keras.layers.Dense(${1:num_classes})(${2:features})\nloss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)(${3:labels}, logits)',
    },
  },
  {
    id: 'soft-margin-loss',
    names: { en: 'Soft Margin Loss', zh: '软间隔损失' },
    aliases: ['SoftMarginLoss', 'soft margin', '软间隔损失'],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.soft_margin_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.SoftMarginLoss', kind: 'class' },
    ],
    formula: '\\ell = \\frac{1}{n} \\sum_{i} \\log\\big(1 + e^{-y_i x_i}\\big)',
    formulaText: 'ℓ = (1/n)·Σᵢ log(1 + exp(−yᵢ·xᵢ))',
    inputs: SCORE_SIGN_INPUTS,
    params: [REDUCTION],
    summary: {
      en: 'The logistic loss on ±1 labels, averaged over every element: a smooth version of the hinge loss.',
      zh: '基于 ±1 标签的逻辑损失（logistic loss），对所有元素求平均：可看作合页损失（hinge loss）的平滑版本。',
    },
    whenToUse: {
      en: 'Binary classification with labels in {−1, +1}, when you want a margin-style loss that is smooth and never exactly zero.',
      zh: '标签为 {−1, +1} 的二分类，希望损失具有间隔风格、光滑且不会恰好为零时。',
    },
    pitfalls: {
      en: 'Labels must be −1/+1: 0/1 labels make every negative example contribute the constant log 2 with zero gradient. PyTorch evaluates log1p(exp(−y·x)) directly, so for y·x below about −710 it returns inf; this implementation is stable there and returns the exact value.',
      zh: '标签必须是 −1/+1：若使用 0/1 标签，每个负样本都贡献常数 log 2，梯度为零。PyTorch 直接计算 log1p(exp(−y·x))，当 y·x 小于约 −710 时返回 inf；本实现在该区域保持稳定并给出精确值。',
    },
    frameworkNotes: {
      en: 'Equal to binary_cross_entropy_with_logits with targets (y + 1)/2. Keras has no equivalent class (its Hinge and SquaredHinge are the non-smooth versions). optax.hinge_loss is the non-smooth hinge max(0, 1 − y·x).',
      zh: '等价于目标为 (y + 1)/2 的 binary_cross_entropy_with_logits。Keras 没有对应的类（其 Hinge 与 SquaredHinge 是非光滑版本）。optax.hinge_loss 是非光滑的合页损失 max(0, 1 − y·x)。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['logistic-loss', 'bce-with-logits', 'multilabel-soft-margin-loss'],
    snippets: {
      torch:
        "criterion = nn.SoftMarginLoss(reduction=${1|'mean','sum','none'|})\nloss = criterion(${2:scores}, ${3:labels_pm1})",
      jax: 'loss = jnp.mean(jnp.logaddexp(0.0, -${1:labels_pm1} * ${2:scores}))',
    },
  },
  {
    id: 'logistic-loss',
    names: { en: 'Logistic Loss', zh: '逻辑损失（Logistic Loss）' },
    aliases: ['logistic regression loss', 'log-loss for ±1 labels', '逻辑回归损失', '逻辑斯蒂损失'],
    category: 'classification',
    apis: [],
    formula: '\\ell(f, y) = \\log\\big(1 + e^{-y f}\\big), \\qquad y \\in \\{-1, +1\\}',
    formulaText: 'ℓ(f, y) = log(1 + exp(−y·f)),  y ∈ {−1, +1}',
    inputs: SCORE_SIGN_INPUTS,
    params: [REDUCTION],
    summary: {
      en: 'The loss of logistic regression written on the margin y·f: large when the score has the wrong sign, decaying smoothly towards 0 as the margin grows.',
      zh: '以间隔 y·f 表示的逻辑回归损失：得分符号错误时损失大，随间隔增大平滑地趋近于 0。',
    },
    whenToUse: {
      en: 'Binary classification with a linear or kernel model (logistic regression, boosting with log-loss), and when comparing surrogate losses (0-1, hinge, logistic, exponential) as functions of the margin.',
      zh: '线性或核模型的二分类（逻辑回归、以对数损失为目标的提升方法 boosting），以及把 0-1、合页、逻辑、指数等替代损失（surrogate loss）作为间隔的函数进行比较时。',
    },
    pitfalls: {
      en: 'Labels must be exactly −1 or +1 (this entry rejects anything else); with 0/1 labels use binary cross-entropy with logits instead. Naively computing log(1 + exp(−y·f)) overflows for y·f below about −710; write it as softplus(−y·f).',
      zh: '标签必须恰好是 −1 或 +1（本条目会拒绝其他值）；0/1 标签请改用带 logits 的二元交叉熵。直接计算 log(1 + exp(−y·f)) 在 y·f 小于约 −710 时会溢出，应写成 softplus(−y·f)。',
    },
    frameworkNotes: {
      en: "PyTorch's F.soft_margin_loss computes the same mean (see that entry) but accepts any real labels. The expression 1 / (1 + exp(−x)), sometimes shown as “the logistic loss”, is the sigmoid, not the loss. optax.sigmoid_binary_cross_entropy(f, (y + 1) / 2) gives the same values with 0/1 labels.",
      zh: 'PyTorch 的 F.soft_margin_loss 计算相同的平均值（见该条目），但接受任意实数标签。有时被称作“逻辑损失”的 1 / (1 + exp(−x)) 其实是 sigmoid 函数，并不是损失。optax.sigmoid_binary_cross_entropy(f, (y + 1) / 2) 在 0/1 标签下给出相同的值。',
    },
    paper: {
      authors: 'David R. Cox',
      year: 1958,
      title: 'The Regression Analysis of Binary Sequences',
      url: 'https://doi.org/10.1111/j.2517-6161.1958.tb00292.x',
    },
    sources: [TORCH_FUNCTIONAL, OPTAX_CLASSIFICATION],
    related: ['soft-margin-loss', 'bce-with-logits', 'binary-cross-entropy'],
    snippets: {
      scratch:
        "def logistic_loss(scores, labels_pm1, reduction=${1|'mean','sum','none'|}):\n    loss = F.softplus(-labels_pm1 * scores)\n    if reduction == 'mean':\n        return loss.mean()\n    if reduction == 'sum':\n        return loss.sum()\n    return loss",
      torch: 'loss = F.softplus(-${1:labels_pm1} * ${2:scores}).mean()',
      jax: 'loss = jnp.mean(jnp.logaddexp(0.0, -${1:labels_pm1} * ${2:scores}))',
    },
  },
  {
    id: 'multilabel-soft-margin-loss',
    names: { en: 'Multi-Label Soft Margin Loss', zh: '多标签软间隔损失' },
    aliases: ['MultiLabelSoftMarginLoss', 'multi-label soft margin', '多标签软间隔损失'],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.multilabel_soft_margin_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.MultiLabelSoftMarginLoss', kind: 'class' },
    ],
    formula:
      '\\ell_n = -\\frac{1}{C} \\sum_{c=1}^{C} w_c \\big[\\, y_{n,c} \\log \\sigma(x_{n,c}) + (1 - y_{n,c}) \\log \\sigma(-x_{n,c}) \\,\\big]',
    formulaText: 'ℓₙ = −(1/C)·Σ_c w_c·[y_{n,c}·log σ(x_{n,c}) + (1 − y_{n,c})·log σ(−x_{n,c})]',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Logits, one per class (last axis).', zh: '每个类别一个 logit（最后一个轴）。' },
        shape: '(C) or (N, C)',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'target',
        meaning: { en: 'Multi-hot labels: 1 where the class is present, 0 elsewhere.', zh: '多热（multi-hot）标签：类别存在处为 1，否则为 0。' },
        shape: 'same shape as input',
        domain: { en: '0 or 1', zh: '0 或 1' },
      },
    ],
    params: [
      {
        name: 'weight',
        type: 'tensor',
        default: null,
        meaning: { en: 'Optional weight of each class, shape (C) (broadcast to the input).', zh: '可选的逐类别权重，形状 (C)（广播到 input）。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'Binary cross-entropy with logits on every class, averaged over the classes of each sample, then over the samples.',
      zh: '对每个类别计算带 logits 的二元交叉熵，先在每个样本的类别上求平均，再对样本求平均。',
    },
    whenToUse: {
      en: 'Multi-label classification (tags, attributes, several objects per image) when you want a per-sample loss normalized by the number of classes.',
      zh: '多标签分类（标签、属性、一张图像中有多个物体），并希望每个样本的损失按类别数归一化时。',
    },
    pitfalls: {
      en: "Dividing by C makes the value C times smaller than BCEWithLogitsLoss(reduction='sum') per sample; the 'mean' results of the two coincide. reduction='none' returns one value per sample, not per class. There is no pos_weight.",
      zh: "除以 C 使得每个样本的值比 BCEWithLogitsLoss(reduction='sum') 小 C 倍；两者在 'mean' 下的结果一致。reduction='none' 返回每个样本一个值，而不是每个类别一个值。没有 pos_weight 参数。",
    },
    frameworkNotes: {
      en: "Keras: BinaryCrossentropy(from_logits=True) (average over the last axis, then the batch) gives the same value without weights. optax: optax.sigmoid_binary_cross_entropy(...).mean(-1).",
      zh: 'Keras：BinaryCrossentropy(from_logits=True)（先在最后一个轴上平均，再对 batch 平均）在无权重时给出相同的值。optax：optax.sigmoid_binary_cross_entropy(...).mean(-1)。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['bce-with-logits', 'multilabel-margin-loss', 'soft-margin-loss'],
    snippets: {
      torch:
        "criterion = nn.MultiLabelSoftMarginLoss(weight=${1:None}, reduction=${2|'mean','sum','none'|})\nloss = criterion(${3:logits}, ${4:multi_hot})",
      tf: 'loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=True)\nloss = loss_fn(${1:multi_hot}, ${2:logits})',
      jax: 'loss = optax.sigmoid_binary_cross_entropy(${1:logits}, ${2:multi_hot}).mean(-1).mean()',
    },
  },
  {
    id: 'multilabel-margin-loss',
    names: { en: 'Multi-Label Margin Loss', zh: '多标签间隔损失' },
    aliases: ['MultiLabelMarginLoss', 'multi-label hinge loss', '多标签合页损失', '多标签间隔损失'],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.multilabel_margin_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.MultiLabelMarginLoss', kind: 'class' },
    ],
    formula: '\\ell_n = \\sum_{j \\in Y_n} \\sum_{i \\notin Y_n} \\frac{\\max\\big(0,\\, 1 - (x_{n, j} - x_{n, i})\\big)}{C}',
    formulaText: 'ℓₙ = Σ_{j ∈ Yₙ} Σ_{i ∉ Yₙ} max(0, 1 − (x_{n,j} − x_{n,i})) / C',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Scores, one per class.', zh: '每个类别一个得分。' },
        shape: '(C) or (N, C)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'target',
        meaning: {
          en: 'The indices of the true classes, left-aligned and padded with −1: only the entries before the first −1 count.',
          zh: '真实类别的索引，靠左排列并以 −1 填充：只有第一个 −1 之前的项有效。',
        },
        shape: 'same shape as input',
        domain: { en: 'class indices in [0, C), then −1 padding', zh: '[0, C) 内的类别索引，之后用 −1 填充' },
        integer: true,
      },
    ],
    params: [REDUCTION],
    summary: {
      en: 'A multi-label hinge loss: every true class should score at least 1 higher than every other class.',
      zh: '多标签的合页损失：每个真实类别的得分都应比每个非真实类别至少高 1。',
    },
    whenToUse: {
      en: 'Multi-label ranking where the set of true labels should outrank the rest, e.g. tag prediction evaluated by ranking metrics.',
      zh: '希望真实标签集合整体排在其余标签之前的多标签排序任务，例如用排序指标评估的标签预测。',
    },
    pitfalls: {
      en: 'The target is not multi-hot: it lists class indices and is padded with −1, and everything after the first −1 is ignored (a multi-hot vector passed by mistake gives wrong results silently in PyTorch). The cost is O(C²) per sample.',
      zh: 'target 不是多热向量：它列出类别索引并以 −1 填充，第一个 −1 之后的内容全部忽略（误传多热向量时 PyTorch 会无声地给出错误结果）。每个样本的计算量为 O(C²)。',
    },
    frameworkNotes: {
      en: 'No Keras or optax equivalent; the closest is a pairwise ranking hinge written by hand.',
      zh: 'Keras 和 optax 都没有对应实现；最接近的是手写的成对排序合页损失。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES],
    related: ['multilabel-soft-margin-loss', 'multi-margin-loss'],
    snippets: {
      torch:
        "criterion = nn.MultiLabelMarginLoss(reduction=${1|'mean','sum','none'|})\nloss = criterion(${2:scores}, ${3:target_indices_padded})",
    },
  },
  {
    id: 'multi-margin-loss',
    names: { en: 'Multi-Class Margin Loss (multi-class hinge)', zh: '多分类间隔损失（多分类合页损失）' },
    aliases: ['MultiMarginLoss', 'multi-class hinge loss', 'Weston-Watkins SVM loss', '多分类合页损失', '多类 SVM 损失'],
    category: 'classification',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.multi_margin_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.MultiMarginLoss', kind: 'class' },
    ],
    formula: '\\ell_n = \\frac{1}{C} \\sum_{i \\neq y_n} w_{y_n} \\max\\big(0,\\, \\text{margin} - x_{n, y_n} + x_{n, i}\\big)^{p}',
    formulaText: 'ℓₙ = (1/C)·Σ_{i ≠ yₙ} w_{yₙ}·max(0, margin − x_{n,yₙ} + x_{n,i})^p',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Class scores.', zh: '各类别得分。' },
        shape: '(C) or (N, C)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'target',
        meaning: { en: 'The true class of each sample.', zh: '每个样本的真实类别。' },
        shape: '() or (N)',
        domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' },
        integer: true,
      },
    ],
    params: [
      {
        name: 'p',
        type: 'integer',
        default: 1,
        range: [1, 2],
        meaning: { en: 'Exponent of each hinge term: 1 (hinge) or 2 (squared hinge).', zh: '每个合页项的指数：1（合页）或 2（平方合页）。' },
      },
      {
        name: 'margin',
        type: 'number',
        default: 1.0,
        range: [0, 5],
        meaning: { en: 'How much higher the true class should score than every other class.', zh: '真实类别的得分应比其他每个类别高出的量。' },
      },
      CLASS_WEIGHT,
      REDUCTION,
    ],
    summary: {
      en: 'The multi-class SVM loss of Weston and Watkins (1999): penalizes every wrong class that scores within margin of the true class.',
      zh: 'Weston 与 Watkins（1999）提出的多分类 SVM 损失：对每个与真实类别得分差距小于 margin 的错误类别施加惩罚。',
    },
    whenToUse: {
      en: 'Classification with a max-margin objective instead of probabilities, e.g. linear SVM heads, or when calibrated probabilities are not needed.',
      zh: '希望使用最大间隔目标而非概率的分类，例如线性 SVM 输出层，或不需要校准概率时。',
    },
    pitfalls: {
      en: 'Divided by C (not C − 1), and the weight is that of the true class, applied to every term. Zero gradient once every margin is satisfied, so it stops pushing well-separated samples. Only p = 1 and p = 2 are supported.',
      zh: '除以的是 C（不是 C − 1），权重取真实类别的权重并作用于每一项。所有间隔都满足后梯度为零，不再推动已分开的样本。只支持 p = 1 和 p = 2。',
    },
    frameworkNotes: {
      en: "Keras' CategoricalHinge is close to the Crammer–Singer form max(0, 1 + max_{i≠y} x_i − x_y) on one-hot targets (its max over the other classes also holds a 0, see categorical-hinge); optax.losses.multiclass_hinge_loss is exactly Crammer–Singer. Both take the largest violation instead of summing over classes, so values differ.",
      zh: 'Keras 的 CategoricalHinge 接近 Crammer–Singer 形式 max(0, 1 + max_{i≠y} x_i − x_y)，目标为 one-hot（它在其他类别上取最大值时还包含一个 0，见 categorical-hinge）；optax.losses.multiclass_hinge_loss 正是 Crammer–Singer 形式。两者取最大违例而非对类别求和，因此数值不同。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['multilabel-margin-loss', 'cross-entropy', 'soft-margin-loss'],
    snippets: {
      torch:
        "criterion = nn.MultiMarginLoss(p=${1|1,2|}, margin=${2:1.0}, weight=${3:None}, reduction=${4|'mean','sum','none'|})\nloss = criterion(${5:scores}, ${6:target})",
      jax: 'loss = optax.losses.multiclass_hinge_loss(${1:scores}, ${2:labels}).mean()',
    },
  },
];
