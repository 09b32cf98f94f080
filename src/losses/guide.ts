/**
 * "Which loss?": a small rule-based chooser. Answers about the task and the data
 * lead to catalog entries, each with the reason it fits. Rules name entries by
 * id; an id that is not (yet) in the catalog is skipped, and when no rule's entry
 * exists the chooser falls back to the catalog's own entries of that category.
 * Pure: no `vscode`, no DOM.
 */
import { LOSSES, getEntry } from './registry';
import type { Category, Localized, LossEntry } from './types';

export const GUIDE_TASKS = [
  'regression',
  'binary',
  'multiclass',
  'multilabel',
  'segmentation',
  'detection',
  'ranking',
  'metric',
  'distribution',
  'sequence',
  'generative',
  'reinforcement',
] as const;
export type GuideTask = (typeof GUIDE_TASKS)[number];

export const GUIDE_TARGETS = ['real', 'count', 'class-index', 'one-hot', 'soft', 'binary', 'pairs', 'mask', 'boxes'] as const;
export type GuideTarget = (typeof GUIDE_TARGETS)[number];

export interface GuideAnswers {
  task: GuideTask;
  /** The form of the target; `undefined` = not sure / the usual one for the task. */
  target?: GuideTarget;
  imbalance: boolean;
  outliers: boolean;
  multimodal: boolean;
}

export interface GuideSuggestion {
  id: string;
  entry: LossEntry;
  reasons: Localized[];
  score: number;
}

interface Rule {
  when: (a: GuideAnswers) => boolean;
  /** Candidate ids, best first; every id present in the catalog is suggested. */
  ids: readonly string[];
  score: number;
  reason: Localized;
}

const t = (en: string, zh: string): Localized => ({ en, zh });
const is = (...tasks: GuideTask[]) => (a: GuideAnswers) => tasks.includes(a.task);

export const GUIDE_RULES: readonly Rule[] = [
  // regression
  {
    when: (a) => a.task === 'regression' && !a.outliers && !a.multimodal && a.target !== 'count',
    ids: ['mse-loss'],
    score: 10,
    reason: t('Clean, unimodal real targets: squared error is the Gaussian maximum-likelihood choice and has smooth gradients.', '目标为干净、单峰的实数：平方误差对应高斯噪声下的最大似然，梯度平滑。'),
  },
  {
    when: (a) => a.task === 'regression' && a.outliers,
    ids: ['huber-loss', 'smooth-l1-loss', 'l1-loss', 'log-cosh', 'pseudo-huber-loss'],
    score: 12,
    reason: t('Outliers in the targets: these grow linearly for large residuals, so a few bad points cannot dominate the gradient.', '目标中有离群点（outlier）：这些损失对大残差按线性增长，少数坏点无法主导梯度。'),
  },
  {
    when: (a) => a.task === 'regression' && a.outliers,
    ids: ['mse-loss'],
    score: -5,
    reason: t('Avoid plain MSE here: squaring lets each outlier pull the fit far more than the typical point.', '此时避免单纯使用 MSE：平方运算使每个离群点对拟合的拉动远超普通样本。'),
  },
  {
    when: (a) => a.task === 'regression' && a.multimodal,
    ids: ['gaussian-nll-loss', 'mixture-density-nll', 'quantile-loss', 'l1-loss'],
    score: 11,
    reason: t('Multimodal targets: L2 predicts the mean of the modes, a value that may never occur. Model the distribution (a likelihood or mixture), predict quantiles, or discretise into classes.', '多峰（multimodal）目标：L2 会预测各峰的平均值，而该值可能从未出现。应建模分布（似然或混合模型）、预测分位数，或离散化为分类问题。'),
  },
  {
    when: (a) => a.task === 'regression' && a.multimodal,
    ids: ['multi-bin-angle-loss', 'cross-entropy'],
    score: 6,
    reason: t('Discretising the target into bins and training with cross-entropy keeps every mode (as in multi-bin angle regression).', '把目标离散成若干区间（bin）并用交叉熵训练，可以保留每一个峰（如多区间角度回归）。'),
  },
  {
    when: (a) => a.task === 'regression' && a.target === 'count',
    ids: ['poisson-nll-loss', 'poisson'],
    score: 12,
    reason: t('Counts: a Poisson likelihood matches non-negative integer targets whose variance grows with the mean.', '计数目标：泊松（Poisson）似然适合方差随均值增长的非负整数目标。'),
  },
  {
    when: (a) => a.task === 'regression' && a.target === 'real',
    ids: ['gaussian-nll-loss'],
    score: 4,
    reason: t('When the noise level varies per sample, predicting a variance with the Gaussian NLL lets the model down-weight noisy targets.', '若每个样本的噪声水平不同，用高斯负对数似然同时预测方差，可让模型自动降低噪声样本的权重。'),
  },
  // binary / multilabel
  {
    when: is('binary', 'multilabel'),
    ids: ['bce-with-logits'],
    score: 10,
    reason: t('Binary or independent labels from raw logits: the fused sigmoid + BCE is numerically stable.', '二分类或多个独立标签、输出为原始 logits：sigmoid 与 BCE 融合的实现数值稳定。'),
  },
  {
    when: (a) => is('binary', 'multilabel')(a) && a.target === 'binary',
    ids: ['binary-cross-entropy'],
    score: 3,
    reason: t('Only if the model already outputs probabilities; prefer the logits version otherwise.', '仅当模型已输出概率时使用；否则优先用 logits 版本。'),
  },
  {
    when: (a) => is('binary', 'multilabel', 'detection')(a) && a.imbalance,
    ids: ['sigmoid-focal-loss', 'focal-loss'],
    score: 13,
    reason: t('Strong class imbalance: focal loss down-weights the many easy negatives (γ) and can rebalance classes (α).', '类别严重不平衡：focal loss 用 γ 压低大量易分负样本的权重，并可用 α 重新平衡类别。'),
  },
  {
    when: (a) => is('binary', 'multilabel')(a) && a.imbalance,
    ids: ['bce-with-logits'],
    score: 1,
    reason: t('Or keep BCE with logits and set pos_weight to the negative/positive ratio.', '也可以继续用 BCE with logits，并把 pos_weight 设为负/正样本比例。'),
  },
  {
    when: is('multilabel'),
    ids: ['multilabel-soft-margin-loss', 'asymmetric-loss', 'multilabel-margin-loss'],
    score: 6,
    reason: t('Multi-label alternatives: a soft margin per label, or asymmetric focusing for many negatives per sample.', '多标签的其他选择：逐标签的软间隔损失，或针对每个样本大量负标签的非对称聚焦。'),
  },
  // multiclass
  {
    when: (a) => a.task === 'multiclass' && a.target !== 'soft',
    ids: ['cross-entropy'],
    score: 10,
    reason: t('One class per sample: cross-entropy on logits with class-index targets (log-softmax + NLL in one stable step).', '每个样本属于一个类别：对 logits 使用交叉熵、目标为类别索引（log-softmax 与 NLL 一步完成，数值稳定）。'),
  },
  {
    when: (a) => a.task === 'multiclass' && a.target === 'soft',
    ids: ['cross-entropy', 'kl-div', 'knowledge-distillation-loss'],
    score: 11,
    reason: t('Soft labels or distillation: cross-entropy accepts class probabilities; KL divergence compares two distributions.', '软标签或知识蒸馏：交叉熵可直接接收类别概率；KL 散度比较两个分布。'),
  },
  {
    when: (a) => a.task === 'multiclass' && a.imbalance,
    ids: ['focal-loss', 'balanced-cross-entropy', 'cross-entropy', 'poly-loss'],
    score: 9,
    reason: t('Imbalanced classes: weight the classes (weight= in cross-entropy, class-balanced weights) or focus on hard examples (focal).', '类别不平衡：为类别加权（交叉熵的 weight 参数、class-balanced 权重），或聚焦难样本（focal）。'),
  },
  {
    when: (a) => a.task === 'multiclass' && a.outliers,
    ids: ['cross-entropy', 'symmetric-cross-entropy', 'generalized-cross-entropy', 'poly-loss'],
    score: 7,
    reason: t('Noisy labels: label smoothing or noise-robust variants stop the model from fitting wrong labels with full confidence.', '标签有噪声：标签平滑（label smoothing）或抗噪变体可以防止模型以满置信度拟合错误标签。'),
  },
  {
    when: (a) => a.task === 'multiclass' && a.target === 'one-hot',
    ids: ['keras-categorical-crossentropy', 'cross-entropy'],
    score: 8,
    reason: t('One-hot targets: Keras categorical cross-entropy, or PyTorch cross-entropy with the one-hot rows as probabilities.', 'one-hot 目标：Keras 的 categorical cross-entropy，或把 one-hot 行作为概率传给 PyTorch 交叉熵。'),
  },
  {
    when: (a) => a.task === 'multiclass',
    ids: ['multi-margin-loss', 'categorical-hinge'],
    score: 2,
    reason: t('Margin (SVM-style) alternatives when calibrated probabilities are not needed.', '不需要校准概率时，可选用间隔（SVM 风格）损失。'),
  },
  // segmentation
  {
    when: is('segmentation'),
    ids: ['dice-loss', 'cross-entropy', 'bce-with-logits'],
    score: 10,
    reason: t('Segmentation: pixel-wise cross-entropy for stable training, often summed with Dice, which optimises overlap directly.', '分割任务：逐像素交叉熵训练稳定，常与直接优化重叠度的 Dice 损失相加。'),
  },
  {
    when: (a) => a.task === 'segmentation' && a.imbalance,
    ids: ['tversky-loss', 'focal-tversky-loss', 'dice-loss', 'lovasz-softmax-loss', 'jaccard-loss'],
    score: 12,
    reason: t('Small foreground: overlap losses (Dice, Tversky with α/β trading false positives for false negatives) do not drown in background pixels.', '前景很小：重叠类损失（Dice、可用 α/β 权衡假阳性与假阴性的 Tversky）不会被背景像素淹没。'),
  },
  // detection
  {
    when: is('detection'),
    ids: ['generalized-box-iou-loss', 'complete-box-iou-loss', 'distance-box-iou-loss', 'iou-loss', 'smooth-l1-loss'],
    score: 10,
    reason: t('Box regression: IoU-family losses measure overlap directly and are scale-invariant; smooth L1 on box offsets is the classic choice.', '边界框回归：IoU 系列损失直接度量重叠且与尺度无关；对框偏移量使用 Smooth L1 是经典做法。'),
  },
  // ranking / metric learning
  {
    when: is('ranking'),
    ids: ['margin-ranking-loss', 'ranknet-loss', 'lambdarank-loss', 'listnet-loss', 'listmle-loss', 'pairwise-logistic-loss'],
    score: 10,
    reason: t('Ranking: pairwise losses push the preferred item above the other by a margin; listwise losses optimise the whole ordering.', '排序任务：成对损失让更优的项目以一定间隔排在前面；列表式损失优化整体排序。'),
  },
  {
    when: (a) => a.task === 'metric' || a.target === 'pairs',
    ids: ['triplet-margin-loss', 'contrastive-loss', 'infonce-loss', 'nt-xent-loss', 'batch-hard-triplet-loss', 'multi-similarity-loss', 'cosine-embedding-loss'],
    score: 10,
    reason: t('Metric learning: pull matching pairs together and push others apart (triplet/contrastive); with many negatives per batch, InfoNCE/NT-Xent.', '度量学习：拉近匹配对、推远其他样本（triplet / contrastive）；每个 batch 有大量负样本时，用 InfoNCE / NT-Xent。'),
  },
  {
    when: (a) => a.task === 'metric' && a.target === 'class-index',
    ids: ['arcface-loss', 'cosface-loss', 'circle-loss', 'supcon-loss', 'sphereface-loss'],
    score: 11,
    reason: t('Identity labels (faces, re-identification): angular-margin softmax losses learn compact, well-separated classes.', '有身份标签（人脸、行人重识别）：角度间隔 softmax 损失能学到紧凑、分离良好的类别。'),
  },
  // distributions, sequences, generative, RL
  {
    when: is('distribution'),
    ids: ['kl-div', 'cross-entropy', 'js-divergence', 'keras-kl-divergence'],
    score: 10,
    reason: t('Matching distributions: KL divergence (mind its direction and log-space inputs), cross-entropy with soft targets.', '匹配分布：KL 散度（注意方向与对数空间的输入）、带软目标的交叉熵。'),
  },
  {
    when: is('sequence'),
    ids: ['ctc-loss', 'cross-entropy', 'label-smoothed-sequence-nll', 'minimum-risk-training'],
    score: 10,
    reason: t('Unaligned sequences (speech, handwriting): CTC sums over all alignments; aligned tokens: per-token cross-entropy.', '未对齐的序列（语音、手写）：CTC 对所有对齐方式求和；已对齐的 token：逐 token 交叉熵。'),
  },
  {
    when: is('generative'),
    ids: ['gan-generator-non-saturating-loss', 'gan-discriminator-loss', 'wgan-critic-loss', 'hinge-gan-discriminator-loss', 'vae-elbo-loss', 'diffusion-noise-prediction-loss', 'perceptual-loss'],
    score: 10,
    reason: t('Generative models: adversarial losses for GANs, the ELBO for VAEs, noise-prediction MSE for diffusion, perceptual losses for image quality.', '生成模型：GAN 用对抗损失，VAE 用 ELBO，扩散模型用噪声预测 MSE，图像质量用感知损失。'),
  },
  {
    when: (a) => a.task === 'generative' && a.multimodal,
    ids: ['vae-elbo-loss', 'diffusion-noise-prediction-loss'],
    score: 6,
    reason: t('Multimodal outputs are what generative models are for: a likelihood-based model keeps every mode instead of averaging them.', '多峰输出正是生成模型的用武之地：基于似然的模型保留每个峰，而不是把它们平均。'),
  },
  {
    when: is('reinforcement'),
    ids: ['td-loss', 'dqn-loss', 'huber-loss', 'ppo-clip-loss', 'reinforce-loss', 'a2c-policy-loss', 'ppo-value-loss'],
    score: 10,
    reason: t('Reinforcement learning: TD targets with Huber for value functions; clipped surrogate (PPO) or policy gradient for policies.', '强化学习：价值函数用 TD 目标配合 Huber；策略用裁剪代理目标（PPO）或策略梯度。'),
  },
];

/** Which catalog category to fall back on for a task when no rule's entry exists. */
const TASK_CATEGORY: Record<GuideTask, Category[]> = {
  regression: ['regression'],
  binary: ['classification'],
  multiclass: ['classification'],
  multilabel: ['classification'],
  segmentation: ['segmentation'],
  detection: ['detection'],
  ranking: ['ranking'],
  metric: ['metric-learning', 'contrastive'],
  distribution: ['divergence'],
  sequence: ['sequence'],
  generative: ['generative'],
  reinforcement: ['reinforcement'],
};

/** Suggestions for `answers`, best first; only entries present in the catalog, each with its reasons. */
export function suggestLosses(answers: GuideAnswers, limit = 6): GuideSuggestion[] {
  const byId = new Map<string, GuideSuggestion>();
  for (const rule of GUIDE_RULES) {
    if (!rule.when(answers)) continue;
    rule.ids.forEach((id, rank) => {
      const entry = getEntry(id);
      if (!entry) return;
      const s = byId.get(id) ?? { id, entry, reasons: [], score: 0 };
      // earlier candidates of a rule rank a little higher
      s.score += rule.score - rank * 0.25;
      if (!s.reasons.some((r) => r.en === rule.reason.en)) s.reasons.push(rule.reason);
      byId.set(id, s);
    });
  }
  let out = [...byId.values()].filter((s) => s.score > 0);
  if (out.length === 0) {
    const cats = TASK_CATEGORY[answers.task];
    out = LOSSES.filter((e) => cats.includes(e.category)).map((entry, i) => ({
      id: entry.id,
      entry,
      reasons: [entry.whenToUse],
      score: 1 - i * 1e-3,
    }));
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

/** Ids a rule names that the catalog does not hold (so the team can see what the guide is waiting for). */
export function missingGuideIds(): string[] {
  const ids = new Set(GUIDE_RULES.flatMap((r) => r.ids));
  return [...ids].filter((id) => !getEntry(id)).sort();
}
