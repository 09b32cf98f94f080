/**
 * Catalog entries: losses for imbalanced multi-label data (ASL) and for noisy labels (SCE, GCE).
 * None ships in PyTorch; the numbers follow each paper's reference code (src/losses/noisy-labels.ts).
 */
import type { InputSpec, LossEntry } from '../types';
import { kerasSource } from './sources';
import { REDUCTION } from './common';

const LOGITS: InputSpec = {
  name: 'input',
  meaning: { en: 'Unnormalized class scores (logits), before the softmax.', zh: '各类别的未归一化得分（logits），尚未经过 softmax。' },
  shape: '(C), (N, C) or (N, C, d1)',
  domain: { en: 'finite real logits', zh: '有限实数 logits' },
};

const CLASS_INDEX: InputSpec = {
  name: 'target',
  meaning: {
    en: 'The (possibly wrong) annotated class of each sample.',
    zh: '每个样本被标注的类别（其中可能有错误标签）。',
  },
  shape: '(), (N) or (N, d1)',
  domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' },
  integer: true,
};

export const NOISY_LABELS_ENTRIES: readonly LossEntry[] = [
  {
    id: 'asymmetric-loss',
    names: { en: 'Asymmetric Loss (ASL)', zh: '非对称损失（ASL）' },
    aliases: ['ASL', 'AsymmetricLoss', 'AsymmetricLossMultiLabel', 'asymmetric focal loss', '非对称损失', '非对称焦点损失'],
    category: 'classification',
    apis: [],
    formula:
      '\\mathcal{L} = -\\sum_{i} \\Big[\\, y_i\\,(1-p_i)^{\\gamma_+} \\log \\max(p_i, \\epsilon) + (1-y_i)\\, p_{m,i}^{\\gamma_-} \\log \\max(1 - p_{m,i}, \\epsilon) \\Big], \\quad p_i = \\sigma(x_i),\\; p_{m,i} = \\max(p_i - m, 0)',
    formulaText:
      'L = −Σᵢ [yᵢ·(1 − pᵢ)^γ₊·log max(pᵢ, ε) + (1 − yᵢ)·p_m^γ₋·log max(1 − p_m, ε)],  p = σ(x),  p_m = max(p − m, 0),  m = clip  (a sum, not a mean)',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'One logit per label (before the sigmoid).', zh: '每个标签一个 logit（sigmoid 之前）。' },
        shape: '(N, C); any shape works (the loss is elementwise)',
        domain: { en: 'finite real logits', zh: '有限实数 logits' },
      },
      {
        name: 'target',
        meaning: {
          en: 'Multi-hot labels: 1 where the label is present, 0 where it is absent (soft values in [0, 1] are accepted and interpolated).',
          zh: '多热（multi-hot）标签：标签存在处为 1，不存在处为 0（也接受 [0, 1] 内的软值，按比例插值）。',
        },
        shape: 'same shape as input',
        domain: { en: '0 or 1 (values in [0, 1])', zh: '0 或 1（[0, 1] 内的值）' },
      },
    ],
    params: [
      {
        name: 'gamma_neg',
        type: 'number',
        default: 4,
        range: [0, 8],
        meaning: {
          en: 'γ₋, the focusing exponent of the negative (absent) labels: large values silence the many easy negatives.',
          zh: 'γ₋：负标签（不存在的标签）的聚焦指数；取值越大，越能压低大量易分负样本的贡献。',
        },
      },
      {
        name: 'gamma_pos',
        type: 'number',
        default: 1,
        range: [0, 8],
        meaning: {
          en: 'γ₊, the focusing exponent of the positive labels; kept small so the rare positives keep their gradient.',
          zh: 'γ₊：正标签的聚焦指数；通常取较小值，使稀少的正样本保留梯度。',
        },
      },
      {
        name: 'clip',
        type: 'number',
        default: 0.05,
        range: [0, 0.5],
        meaning: {
          en: 'Probability margin m ("asymmetric clipping"): a negative whose probability is below m costs nothing; 0 turns it off.',
          zh: '概率间隔 m（“非对称截断”，asymmetric clipping）：概率低于 m 的负样本损失为零；设为 0 即关闭。',
        },
      },
      {
        name: 'eps',
        type: 'number',
        default: 1e-8,
        range: [1e-12, 1e-3],
        meaning: {
          en: 'Floor on the probabilities before the log: caps each term at −log ε ≈ 18.4 and zeroes its gradient beyond it.',
          zh: '取对数前概率的下限：把每一项的损失上限限制为 −log ε ≈ 18.4，超过后该项梯度为零。',
        },
      },
      {
        name: 'disable_torch_grad_focal_loss',
        type: 'boolean',
        default: true,
        meaning: {
          en: 'True (the reference default): the focusing weight is computed with autograd off, so the gradient treats it as a constant. False: the gradient also flows through the weight.',
          zh: 'True（参考实现的默认值）：聚焦权重在关闭 autograd 的情况下计算，梯度把它当作常数。False：梯度也会经过该权重传播。',
        },
      },
    ],
    summary: {
      en: 'A focal-style binary cross-entropy for multi-label classification that treats positives and negatives differently: negatives get a stronger focusing exponent and a probability shift that discards the easiest ones (and down-weights possibly mislabeled negatives).',
      zh: '面向多标签分类的焦点式（focal）二元交叉熵，对正负标签区别对待：负标签使用更强的聚焦指数，并通过概率平移（probability shifting）直接丢弃最容易的负样本（也削弱可能被误标的负样本）。',
    },
    whenToUse: {
      en: 'Multi-label image or text tagging with many labels per sample and few of them present (MS-COCO, Open Images, NUS-WIDE), where plain BCE or symmetric focal loss lets the flood of easy negatives dominate. Start from γ₋ = 4, γ₊ = 1, m = 0.05, then tune γ₋.',
      zh: '每个样本有很多候选标签、但只有少数为正的多标签图像或文本打标（MS-COCO、Open Images、NUS-WIDE），普通 BCE 或对称的 focal loss 会被大量易分负样本主导。可先用 γ₋ = 4、γ₊ = 1、m = 0.05，再调 γ₋。',
    },
    pitfalls: {
      en: "The reference returns −loss.sum(): a sum over the batch and the labels, not a mean, so the value and the gradient grow with the batch size (scale the learning rate, or divide by N yourself); this entry follows it and has no reduction argument. By default the focusing weight is detached (disable_torch_grad_focal_loss=True), so the gradient is w·∂BCE/∂x rather than the full derivative; this changes the training dynamics, not the value. The eps clamp makes a confidently wrong positive cost at most ≈ 18.4 with zero gradient. Soft targets interpolate both the term and the exponent, which the paper does not define.",
      zh: '参考实现返回 −loss.sum()：对 batch 和所有标签求和而不是求平均，因此损失值与梯度都会随 batch 大小增长（需要相应调整学习率，或自行除以 N）；本条目照此实现，没有 reduction 参数。默认情况下聚焦权重被分离出计算图（disable_torch_grad_focal_loss=True），梯度是 w·∂BCE/∂x 而不是完整导数；这会改变训练动态，但不改变损失值。eps 截断使一个被自信地预测错误的正样本最多贡献约 18.4，且梯度为零。软标签会同时插值损失项和指数，论文并未定义这种情况。',
    },
    frameworkNotes: {
      en: "No PyTorch, Keras or optax built-in. The values here follow the authors' AsymmetricLoss (Alibaba-MIIL/ASL, src/loss_functions/losses.py), whose forward(x, y) names the inputs x and y; its AsymmetricLossOptimized variant gives the same values but defaults disable_torch_grad_focal_loss to False. timm ships it as timm.loss.AsymmetricLossMultiLabel with the same formula and the same −loss.sum() (no reduction argument), but disable_torch_grad_focal_loss=False by default (gradient through the weight); only timm's single-label variant, AsymmetricLossSingleLabel, takes reduction='mean'. mmpretrain's AsymmetricLoss averages instead of summing.",
      zh: 'PyTorch、Keras、optax 都没有内置实现。此处数值遵循作者的 AsymmetricLoss（Alibaba-MIIL/ASL 仓库 src/loss_functions/losses.py），其 forward(x, y) 把输入命名为 x 和 y；其 AsymmetricLossOptimized 变体数值相同，但 disable_torch_grad_focal_loss 默认为 False。timm 以 timm.loss.AsymmetricLossMultiLabel 提供，公式相同，同样返回 −loss.sum()（没有 reduction 参数），但 disable_torch_grad_focal_loss 默认为 False（梯度经过权重）；只有 timm 的单标签版本 AsymmetricLossSingleLabel 才有 reduction=\'mean\'。mmpretrain 的 AsymmetricLoss 取平均而不是求和。',
    },
    paper: {
      authors: 'Tal Ridnik, Emanuel Ben-Baruch, Nadav Zamir, Asaf Noy, Itamar Friedman, Matan Protter, Lihi Zelnik-Manor',
      year: 2021,
      title: 'Asymmetric Loss For Multi-Label Classification',
      url: 'https://arxiv.org/abs/2009.14119',
    },
    sources: [{ label: 'Alibaba-MIIL/ASL src/loss_functions/losses.py (AsymmetricLoss, AsymmetricLossOptimized)', version: '0a21a18', url: 'https://github.com/Alibaba-MIIL/ASL/blob/0a21a18a400934e94fd099fbeeed187bd10433f5/src/loss_functions/losses.py' }, { label: 'timm timm/loss/asymmetric_loss.py', version: 'aa4b585 (after v1.0.28)', url: 'https://github.com/huggingface/pytorch-image-models/blob/aa4b5850/timm/loss/asymmetric_loss.py' }, { label: 'mmpretrain mmpretrain/models/losses/asymmetric_loss.py', version: 'ee7f2e8 (after v1.2.0)', url: 'https://github.com/open-mmlab/mmpretrain/blob/ee7f2e88/mmpretrain/models/losses/asymmetric_loss.py' }],
    related: ['bce-with-logits', 'sigmoid-focal-loss', 'focal-loss', 'multilabel-soft-margin-loss'],
    snippets: {
      scratch:
        "class AsymmetricLoss(nn.Module):\n    def __init__(self, gamma_neg=${1:4}, gamma_pos=${2:1}, clip=${3:0.05}, eps=${4:1e-8}, detach_focal_weight=${5|True,False|}):\n        super().__init__()\n        self.gamma_neg = gamma_neg\n        self.gamma_pos = gamma_pos\n        self.clip = clip\n        self.eps = eps\n        self.detach_focal_weight = detach_focal_weight\n\n    def forward(self, logits, targets):\n        p = torch.sigmoid(logits)\n        p_neg = 1 - p\n        if self.clip > 0:\n            p_neg = (p_neg + self.clip).clamp(max=1)  # shift: easy negatives cost 0\n        loss = targets * torch.log(p.clamp(min=self.eps)) + (1 - targets) * torch.log(p_neg.clamp(min=self.eps))\n        if self.gamma_neg > 0 or self.gamma_pos > 0:\n            pt = p * targets + p_neg * (1 - targets)\n            gamma = self.gamma_pos * targets + self.gamma_neg * (1 - targets)\n            w = torch.pow(1 - pt, gamma)\n            if self.detach_focal_weight:\n                w = w.detach()\n            loss = loss * w\n        return -loss.sum()  # a sum, as in the reference",
      torch:
        'from timm.loss import AsymmetricLossMultiLabel\ncriterion = AsymmetricLossMultiLabel(gamma_neg=${1:4}, gamma_pos=${2:1}, clip=${3:0.05}, disable_torch_grad_focal_loss=${4|True,False|})\nloss = criterion(${5:logits}, ${6:multi_hot})',
      tf:
        'def asymmetric_loss(y_true, logits, gamma_neg=${1:4.0}, gamma_pos=${2:1.0}, clip=${3:0.05}, eps=${4:1e-8}):\n    y = tf.cast(y_true, logits.dtype)\n    p = tf.sigmoid(logits)\n    p_neg = tf.minimum(1.0 - p + clip, 1.0)\n    loss = y * tf.math.log(tf.maximum(p, eps)) + (1.0 - y) * tf.math.log(tf.maximum(p_neg, eps))\n    pt = p * y + p_neg * (1.0 - y)\n    w = tf.stop_gradient(tf.pow(1.0 - pt, gamma_pos * y + gamma_neg * (1.0 - y)))\n    return -tf.reduce_sum(loss * w)',
    },
  },
  {
    id: 'symmetric-cross-entropy',
    names: { en: 'Symmetric Cross-Entropy (SCE)', zh: '对称交叉熵（SCE）' },
    aliases: ['SCE', 'SCELoss', 'symmetric CE', 'reverse cross-entropy', 'RCE', '对称交叉熵损失', '反向交叉熵'],
    category: 'classification',
    apis: [],
    formula:
      '\\ell_n = \\alpha \\big(-\\log p_{n,y_n}\\big) \\; + \\; \\beta \\Big(-\\sum_{k \\neq y_n} \\max(p_{n,k}, 10^{-7})\\, A\\Big), \\qquad p_n = \\operatorname{softmax}(x_n),\\; A = \\log 0 \\text{ replaced by } A < 0',
    formulaText:
      'ℓₙ = α·(−log p_{n,yₙ}) + β·(−A·Σ_{k≠yₙ} max(p_{n,k}, 1e-7)),  p = softmax(x);  RCE ≈ −A·(1 − p_y)',
    inputs: [LOGITS, CLASS_INDEX],
    params: [
      {
        name: 'alpha',
        type: 'number',
        default: 0.1,
        range: [0, 10],
        meaning: {
          en: "Weight α of the cross-entropy term. The authors use 0.1 on CIFAR-10 and 6.0 on CIFAR-100, where the many classes need more of CE's push to be fitted.",
          zh: '交叉熵项的权重 α。作者在 CIFAR-10 上取 0.1，在 CIFAR-100 上取 6.0：类别多时需要更多来自 CE 的推动才能拟合。',
        },
      },
      {
        name: 'beta',
        type: 'number',
        default: 1.0,
        range: [0, 10],
        meaning: {
          en: 'Weight β of the reverse cross-entropy term, the noise-robust part.',
          zh: '反向交叉熵（reverse cross-entropy, RCE）项的权重 β，即对噪声鲁棒的部分。',
        },
      },
      {
        name: 'A',
        type: 'number',
        default: -4,
        range: [-10, -0.5],
        meaning: {
          en: "The value that replaces log 0 in RCE (the paper's A = −4). The reference code clamps the one-hot label at 1e-4, which amounts to A = ln 1e-4 ≈ −9.21.",
          zh: 'RCE 中代替 log 0 的常数（论文取 A = −4）。参考代码把 one-hot 标签截断到 1e-4，相当于 A = ln 1e-4 ≈ −9.21。',
        },
      },
      REDUCTION,
    ],
    summary: {
      en: 'Cross-entropy plus its reverse, where the prediction and the label swap roles: RCE = −Σ p_k log q_k with log 0 replaced by a constant A, which reduces to −A(1 − p_y), a bounded MAE-like term that is robust to wrong labels.',
      zh: '交叉熵加上它的“反向”版本（预测分布与标签分布互换角色）：RCE = −Σ p_k log q_k，并把 log 0 替换为常数 A，结果约为 −A(1 − p_y)，是一个有界、类似 MAE 的项，对错误标签鲁棒。',
    },
    whenToUse: {
      en: 'Multi-class classification trained on labels with a noticeable fraction of errors (crowd-sourced or web-scraped data, symmetric or class-dependent noise). CE keeps the model fitting the clean, hard classes; RCE stops it from memorizing the wrong labels.',
      zh: '训练标签中有相当比例错误的多分类任务（众包或网络爬取数据，对称或类别相关的标签噪声）。CE 部分让模型继续拟合干净但困难的类别，RCE 部分阻止模型记住错误标签。',
    },
    pitfalls: {
      en: "The paper states A = −4, but the widely used reference code clamps the one-hot label at 1e-4, i.e. A = ln 1e-4 ≈ −9.21 (a base-10 reading of 1e-4 gives −4): with the same β the two differ by a factor ≈ 2.3 in the RCE term; choose A explicitly. The RCE floors each predicted probability at 1e-7 (as the reference does), so a row with very confident logits gets a tiny constant from the floored classes and no gradient from them. α and β must be re-tuned per dataset (the authors' scripts use α = 0.1, β = 1.0 on CIFAR-10 and α = 6.0, β = 0.1 on CIFAR-100).",
      zh: '论文写的是 A = −4，但广泛使用的参考代码把 one-hot 标签截断到 1e-4，即 A = ln 1e-4 ≈ −9.21（按以 10 为底的对数理解 1e-4 才是 −4）：在相同 β 下两者的 RCE 项相差约 2.3 倍，请显式选择 A。RCE 把每个预测概率的下限设为 1e-7（与参考实现一致），因此 logits 极其自信的行会从被截断的类别得到一个很小的常数，且这些类别没有梯度。α 和 β 需要按数据集重新调节（作者的脚本在 CIFAR-10 上用 α = 0.1、β = 1.0，在 CIFAR-100 上用 α = 6.0、β = 0.1）。',
    },
    frameworkNotes: {
      en: "No PyTorch, Keras or optax built-in. The authors' code is Keras (YisenWang/symmetric_cross_entropy_for_noisy_labels, on softmax probabilities with the prediction clipped at 1e-7 in CE too); the values here follow the PyTorch reproduction SCELoss (HanxunH/SCELoss-Reproduce), whose forward(pred, labels) uses the exact cross-entropy on logits for CE and the 1e-7 floor only inside RCE, with num_classes taken from the logits' C. Its mean over samples is reduction='mean' here.",
      zh: 'PyTorch、Keras、optax 都没有内置实现。作者的官方代码是 Keras 版本（YisenWang/symmetric_cross_entropy_for_noisy_labels，作用在 softmax 概率上，CE 中也把预测截断到 1e-7）；此处数值遵循 PyTorch 复现版 SCELoss（HanxunH/SCELoss-Reproduce），其 forward(pred, labels) 的 CE 部分用对 logits 精确计算的交叉熵，只在 RCE 中使用 1e-7 下限，num_classes 取自 logits 的 C。它对样本求平均，对应这里的 reduction=\'mean\'。',
    },
    paper: {
      authors: 'Yisen Wang, Xingjun Ma, Zaiyi Chen, Yuan Luo, Jinfeng Yi, James Bailey',
      year: 2019,
      title: 'Symmetric Cross Entropy for Robust Learning with Noisy Labels',
      url: 'https://arxiv.org/abs/1908.06112',
    },
    sources: [{ label: 'HanxunH/SCELoss-Reproduce loss.py (SCELoss)', version: '6bfa56d', url: 'https://github.com/HanxunH/SCELoss-Reproduce/blob/6bfa56da55b1ed4ec17e0d7f636af4d998ccf6af/loss.py' }, { label: 'paper: Symmetric Cross Entropy for Robust Learning with Noisy Labels', version: '2019', url: 'https://arxiv.org/abs/1908.06112' }],
    related: ['cross-entropy', 'generalized-cross-entropy', 'l1-loss', 'focal-loss'],
    snippets: {
      scratch:
        "class SCELoss(nn.Module):\n    def __init__(self, alpha=${1:0.1}, beta=${2:1.0}, A=${3:-4.0}, reduction=${4|'mean','sum','none'|}):\n        super().__init__()\n        self.alpha = alpha\n        self.beta = beta\n        self.A = A\n        self.reduction = reduction\n\n    def forward(self, logits, target):\n        ce = F.cross_entropy(logits, target, reduction='none')\n        p = F.softmax(logits, dim=1).clamp(min=1e-7, max=1.0)\n        p_true = p.gather(1, target.unsqueeze(1)).squeeze(1)\n        rce = -self.A * (p.sum(dim=1) - p_true)  # log 0 -> A on the wrong classes\n        loss = self.alpha * ce + self.beta * rce\n        if self.reduction == 'mean':\n            return loss.mean()\n        if self.reduction == 'sum':\n            return loss.sum()\n        return loss",
      tf:
        'def symmetric_cross_entropy(y_true, logits, alpha=${1:0.1}, beta=${2:1.0}, A=${3:-4.0}):\n    num_classes = tf.shape(logits)[-1]\n    one_hot = tf.one_hot(tf.cast(y_true, tf.int32), num_classes, dtype=logits.dtype)\n    ce = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(y_true, tf.int32), logits=logits)\n    p = tf.clip_by_value(tf.nn.softmax(logits), 1e-7, 1.0)\n    rce = -A * tf.reduce_sum(p * (1.0 - one_hot), axis=-1)\n    return tf.reduce_mean(alpha * ce + beta * rce)',
    },
  },
  {
    id: 'generalized-cross-entropy',
    names: { en: 'Generalized Cross-Entropy (GCE, L_q loss)', zh: '广义交叉熵（GCE，L_q 损失）' },
    aliases: ['GCE', 'L_q loss', 'Lq loss', 'GCELoss', 'truncated loss', '广义交叉熵损失', 'Lq 损失'],
    category: 'classification',
    apis: [
      { framework: 'keras', symbol: 'keras.losses.CategoricalGeneralizedCrossEntropy', kind: 'class', defaults: { q: 0.5 } },
      { framework: 'keras', symbol: 'keras.losses.categorical_generalized_cross_entropy', kind: 'function', defaults: { reduction: 'none' } },
    ],
    formula: '\\ell_n = \\frac{1 - p_{n,y_n}^{\\,q}}{q}, \\qquad p_n = \\operatorname{softmax}(x_n),\\; q \\in (0, 1]',
    formulaText: 'ℓₙ = (1 − p_{n,yₙ}^q) / q,  p = softmax(x),  q ∈ (0, 1]  (q → 0: cross-entropy; q = 1: MAE 1 − p_y)',
    inputs: [LOGITS, CLASS_INDEX],
    params: [
      {
        name: 'q',
        type: 'number',
        default: 0.7,
        range: [0.05, 1],
        meaning: {
          en: 'q in (0, 1]: how far the loss moves from cross-entropy (q → 0) towards the noise-robust MAE on probabilities (q = 1). The paper uses 0.7.',
          zh: 'q ∈ (0, 1]：损失从交叉熵（q → 0）向对噪声鲁棒的概率 MAE（q = 1）靠近的程度。论文取 0.7。',
        },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The negative Box-Cox transform of the true-class probability: (1 − p_y^q)/q interpolates between cross-entropy (q → 0) and mean absolute error on the softmax (q = 1), keeping much of CE\'s fast training while bounding the loss of any single (possibly mislabeled) sample by 1/q.',
      zh: '真实类别概率的负 Box-Cox 变换：(1 − p_y^q)/q 在交叉熵（q → 0）与 softmax 上的平均绝对误差（MAE，q = 1）之间插值，既保留了交叉熵大部分的训练速度，又把任何单个（可能标错的）样本的损失限制在 1/q 以内。',
    },
    whenToUse: {
      en: 'Classification with noisy labels when MAE alone trains too slowly (many classes) and CE overfits the wrong labels. A drop-in replacement for cross-entropy; the gradient is CE\'s gradient weighted by p_y^q, so samples the model strongly disagrees with count less.',
      zh: '带噪声标签的分类：单用 MAE 训练太慢（类别多时尤甚），而交叉熵会过拟合错误标签时使用。可直接替换交叉熵；其梯度等于交叉熵的梯度乘以 p_y^q，因此模型强烈不认同的样本权重更低。',
    },
    pitfalls: {
      en: 'Written naively as softmax(x)[y] ** q it underflows: when p_y rounds to 0 the value saturates at 1/q and autograd gives 0 · ∞ = NaN in the gradient; compute p_y^q as exp(q · log_softmax(x)[y]) (as here). Larger q is more robust but trains slower and can underfit, especially with many classes. The truncated variant (L_q with a threshold k and per-sample pruning) needs the sample index and is a different loss.',
      zh: '若直接写成 softmax(x)[y] ** q 会下溢：当 p_y 舍入为 0 时损失饱和为 1/q，autograd 的梯度会出现 0 · ∞ = NaN；应把 p_y^q 写成 exp(q · log_softmax(x)[y])（本实现即如此）。q 越大越鲁棒，但训练越慢、可能欠拟合，类别多时尤其明显。截断版本（truncated L_q，带阈值 k 并按样本剪枝）需要样本索引，是另一种损失。',
    },
    frameworkNotes: {
      en: "No PyTorch or optax built-in. Keras 3.10 and later have keras.losses.CategoricalGeneralizedCrossEntropy (tf.keras.losses.CategoricalGeneralizedCrossEntropy in TensorFlow builds that ship Keras 3) with the same formula, but it takes class probabilities (apply softmax first), integer labels, and defaults to q=0.5. The common PyTorch versions (GCELoss, the authors' follow-up TruncatedLoss) use softmax then gather; this entry follows the paper's formula on logits with q=0.7.",
      zh: 'PyTorch 和 optax 没有内置实现。Keras 3.10 及之后的版本提供 keras.losses.CategoricalGeneralizedCrossEntropy（在附带 Keras 3 的 TensorFlow 中为 tf.keras.losses.CategoricalGeneralizedCrossEntropy），公式相同，但输入是类别概率（需先做 softmax）、标签为整数，且默认 q=0.5。常见的 PyTorch 写法（GCELoss，以及作者后续的 TruncatedLoss）先做 softmax 再 gather；本条目按论文公式作用在 logits 上，q=0.7。',
    },
    paper: {
      authors: 'Zhilu Zhang, Mert R. Sabuncu',
      year: 2018,
      title: 'Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels',
      url: 'https://arxiv.org/abs/1805.07836',
    },
    sources: [kerasSource('keras/src/losses/losses.py', 'v3.10.0'), { label: 'paper: Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels', version: '2018', url: 'https://arxiv.org/abs/1805.07836' }],
    related: ['cross-entropy', 'symmetric-cross-entropy', 'l1-loss', 'poly-loss'],
    snippets: {
      scratch:
        "class GCELoss(nn.Module):\n    def __init__(self, q=${1:0.7}, reduction=${2|'mean','sum','none'|}):\n        super().__init__()\n        self.q = q\n        self.reduction = reduction\n\n    def forward(self, logits, target):\n        log_p = F.log_softmax(logits, dim=1).gather(1, target.unsqueeze(1)).squeeze(1)\n        loss = (1 - torch.exp(self.q * log_p)) / self.q  # p_y ** q without underflow\n        if self.reduction == 'mean':\n            return loss.mean()\n        if self.reduction == 'sum':\n            return loss.sum()\n        return loss",
      tf:
        'def generalized_cross_entropy(y_true, logits, q=${1:0.7}):\n    log_p = -tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(y_true, tf.int32), logits=logits)\n    return tf.reduce_mean((1.0 - tf.exp(q * log_p)) / q)',
    },
  },
];
