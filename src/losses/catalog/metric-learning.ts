/**
 * Catalog entries: metric learning, contrastive and self-supervised losses, and learning to rank.
 */
import type { InputSpec, LossEntry, ParamSpec } from '../types';
import { REDUCTION } from './common';

const REAL = { en: 'real numbers', zh: '实数' };

function emb(name: string, en: string, zh: string, shape = '(N, D)'): InputSpec {
  return { name, meaning: { en, zh }, shape, domain: REAL };
}

function ids(name: string, en: string, zh: string, optional = false): InputSpec {
  return {
    name,
    meaning: { en, zh },
    shape: '(N)',
    domain: { en: 'integer labels (identities or classes)', zh: '整数标签（身份或类别）' },
    integer: true,
    ...(optional ? { optional: true } : {}),
  };
}

function num(name: string, def: number, range: readonly [number, number], en: string, zh: string): ParamSpec {
  return { name, type: 'number', default: def, range, meaning: { en, zh } };
}

const BATCH_LABELS = ids('labels', 'Label of each row; rows with equal labels form positive pairs.', '每一行的标签；标签相同的两行构成正样本对（positive pair）。');

const TEMPERATURE = (def: number): ParamSpec =>
  num('temperature', def, [0.01, 2], 'Softmax temperature τ dividing the similarities; smaller values sharpen the distribution and weight hard negatives more.', '除在相似度上的温度系数 τ；越小分布越尖锐，困难负样本（hard negative）权重越大。');

const SLATE_INPUTS: readonly InputSpec[] = [
  emb('y_pred', 'Model scores, one row per query (slate), one column per document, in slate order.', '模型打分：每行是一个查询（slate），每列是一个文档。', '(batch, slate_length)'),
  {
    name: 'y_true',
    meaning: { en: 'Graded relevance of each document; the padding value marks empty slots.', zh: '每个文档的分级相关度；填充值表示空位。' },
    shape: '(batch, slate_length)',
    domain: { en: 'relevance grades (e.g. 0–4); -1 = padding', zh: '相关度等级（如 0–4）；-1 表示填充' },
  },
];

const PAD: ParamSpec = {
  name: 'padded_value_indicator',
  type: 'number',
  default: -1,
  meaning: { en: 'The y_true value that marks a padded slot; such documents are left out.', zh: 'y_true 中表示填充位的值；这些位置不参与计算。' },
};

export const METRIC_LEARNING_ENTRIES: readonly LossEntry[] = [
  {
    id: 'contrastive-loss',
    names: { en: 'Contrastive Loss (pairwise, Hadsell–Chopra–LeCun)', zh: '对比损失（成对，Contrastive Loss）' },
    aliases: ['contrastive loss', 'pairwise contrastive loss', 'siamese contrastive loss', 'DrLIM loss', '对比损失', '孪生网络损失'],
    category: 'contrastive',
    apis: [
      { framework: 'other', symbol: 'tfa.losses.ContrastiveLoss', kind: 'class' },
      { framework: 'other', symbol: 'tfa.losses.contrastive_loss', kind: 'function' },
      { framework: 'other', symbol: 'pytorch_metric_learning.losses.ContrastiveLoss', kind: 'class' },
    ],
    formula: 'L = \\frac{1}{N}\\sum_{n=1}^{N} \\Big[\\, y_n D_n^2 + (1 - y_n)\\max(m - D_n, 0)^2 \\Big],\\quad D_n = \\lVert x_{1,n} - x_{2,n} \\rVert_2',
    formulaText: 'L = (1/N) Σₙ [ yₙ Dₙ² + (1 − yₙ) max(m − Dₙ, 0)² ],  Dₙ = ‖x₁ₙ − x₂ₙ‖₂',
    inputs: [
      emb('x1', 'Embeddings of the first item of each pair (one branch of a Siamese network).', '每对样本中第一个的嵌入（孪生网络 Siamese network 的一支）。'),
      emb('x2', 'Embeddings of the second item of each pair (the other branch, usually with shared weights).', '每对样本中第二个的嵌入（另一支，通常共享权重）。'),
      {
        name: 'label',
        meaning: { en: '1 if the pair matches (similar), 0 if it does not.', zh: '样本对匹配（相似）为 1，不匹配为 0。' },
        shape: '(N)',
        domain: { en: '{0, 1} (values in between weight both terms)', zh: '{0, 1}（中间值会对两项加权）' },
      },
    ],
    params: [
      REDUCTION,
      num('margin', 1.0, [0, 5], 'Distance beyond which a dissimilar pair costs nothing.', '不相似样本对的距离超过该值后损失为 0。'),
    ],
    summary: {
      en: 'Pulls matching pairs together (squared distance) and pushes non-matching pairs apart until they are at least a margin away; the original loss of Siamese networks for learning an invariant mapping.',
      zh: '把匹配的样本对拉近（平方距离），把不匹配的样本对推开直到相距至少一个间隔（margin）；是孪生网络学习不变映射（invariant mapping）的原始损失。',
    },
    whenToUse: {
      en: 'Verification tasks (same person? same signature?), dimensionality reduction and self-supervised setups where you only know whether two samples belong together. The classic partner of a Siamese network: two weight-sharing encoders (or two unshared ones, a pseudo-Siamese network) map each input, and the loss compares the two embeddings.',
      zh: '验证类任务（是否同一人、同一签名）、降维，以及只知道两个样本是否属于一类的自监督场景。它是孪生网络的经典搭配：两个共享权重的编码器（不共享时称伪孪生网络 pseudo-Siamese network）分别映射输入，再用该损失比较两个嵌入。',
    },
    pitfalls: {
      en: 'Label conventions differ: the 2006 paper uses Y = 0 for similar pairs and puts a ½ in front of both terms, many blog implementations use label 1 for dissimilar; here (as in TF Addons) 1 means similar. The margin is in embedding units, so it interacts with normalization. Easy negatives beyond the margin give no gradient, so pair mining matters.',
      zh: '标签约定不统一：2006 年原论文用 Y = 0 表示相似并在两项前乘 ½，很多博客实现用 1 表示不相似；这里（与 TF Addons 一致）1 表示相似。margin 与嵌入的尺度相关，需与归一化一起考虑。超过 margin 的简单负样本没有梯度，因此样本对的挖掘（mining）很重要。',
    },
    frameworkNotes: {
      en: "tfa.losses.contrastive_loss(y_true, y_pred, margin=1.0) takes the distances as y_pred and computes exactly this per-pair value; the playground takes the two embedding batches and computes the Euclidean distance itself (gradient w.r.t. x1). pytorch_metric_learning's ContrastiveLoss(pos_margin=0, neg_margin=1) uses unsquared distances and averages the non-zero terms of positive and of negative pairs separately, then adds the two averages. TF Addons is in minimal-maintenance mode (end of life May 2024; last release 0.23).",
      zh: 'tfa.losses.contrastive_loss(y_true, y_pred, margin=1.0) 以距离作为 y_pred，逐对数值与此相同；Playground 接收两批嵌入并自行计算欧氏距离（对 x1 求梯度）。pytorch_metric_learning 的 ContrastiveLoss(pos_margin=0, neg_margin=1) 使用未平方的距离，对正样本对和负样本对的非零项分别求平均，再把两个平均值相加。TF Addons 已进入最低限度维护模式（2024 年 5 月停止维护；最后版本 0.23）。',
    },
    paper: {
      authors: 'Raia Hadsell, Sumit Chopra, Yann LeCun',
      year: 2006,
      title: 'Dimensionality Reduction by Learning an Invariant Mapping',
      url: 'https://doi.org/10.1109/CVPR.2006.100',
    },
    sources: [
      { label: 'TF Addons tensorflow_addons/losses/contrastive.py', version: 'v0.23.0', url: 'https://github.com/tensorflow/addons/blob/v0.23.0/tensorflow_addons/losses/contrastive.py' },
      { label: 'pytorch-metric-learning losses/contrastive_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/contrastive_loss.py' },
      { label: 'paper (Hadsell et al. 2006)', version: '2006', url: 'https://doi.org/10.1109/CVPR.2006.100' },
    ],
    related: ['siamese-networks', 'triplet-margin-loss', 'cosine-embedding-loss', 'hinge-embedding-loss', 'quadruplet-loss'],
    snippets: {
      scratch:
        "def contrastive_loss(x1, x2, label, margin=${1:1.0}, reduction=${2|'mean','sum','none'|}):\n    # label 1 = similar pair; the plain Euclidean distance (F.pairwise_distance would add eps=1e-6)\n    d = (x1 - x2).norm(dim=-1)\n    loss = label * d.pow(2) + (1 - label) * torch.clamp(margin - d, min=0).pow(2)\n    if reduction == 'mean':\n        return loss.mean()\n    if reduction == 'sum':\n        return loss.sum()\n    return loss",
      tf: 'def contrastive_loss(x1, x2, label, margin=${1:1.0}):\n    d = tf.norm(x1 - x2, axis=-1)\n    label = tf.cast(label, d.dtype)\n    return tf.reduce_mean(label * tf.square(d) + (1 - label) * tf.square(tf.maximum(margin - d, 0.0)))',
    },
  },
  {
    id: 'batch-hard-triplet-loss',
    names: { en: 'Batch-Hard Triplet Loss', zh: '批内最难三元组损失（Batch-Hard Triplet）' },
    aliases: ['batch hard triplet', 'hard triplet mining', 'TripletHardLoss', 'triplet loss with hard mining', '三元组难例挖掘', '难样本三元组损失'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'tfa.losses.TripletHardLoss', kind: 'class' }],
    formula: 'L = \\frac{1}{N}\\sum_{a=1}^{N} \\Big[\\, m + \\max_{p:\\,y_p = y_a,\\,p \\ne a} D_{ap} - \\min_{n:\\,y_n \\ne y_a} D_{an} \\Big]_+',
    formulaText: 'L = (1/N) Σₐ [ m + max_{p: yₚ=yₐ} Dₐₚ − min_{n: yₙ≠yₐ} Dₐₙ ]₊',
    inputs: [emb('embeddings', 'A batch of embeddings (P identities × K samples each works best).', '一批嵌入（每批 P 个身份、每个身份 K 个样本效果最好）。'), BATCH_LABELS],
    params: [
      REDUCTION,
      num('margin', 1.0, [0, 5], 'Required gap between the hardest positive and the hardest negative distance.', '最难正样本距离与最难负样本距离之间要求的间隔。'),
      { name: 'soft', type: 'boolean', default: false, meaning: { en: 'Use the soft margin log(1 + e^(D_ap − D_an)) instead of the hinge (margin ignored).', zh: '使用软间隔 log(1 + e^(D_ap − D_an)) 代替合页函数（此时忽略 margin）。' } },
    ],
    summary: {
      en: 'The triplet loss with online mining: for every anchor in the batch, only its farthest positive and its closest negative are used.',
      zh: '带在线挖掘的三元组损失：对批内每个锚点（anchor），只使用最远的正样本和最近的负样本。',
    },
    whenToUse: {
      en: 'Person re-identification, face and product retrieval with P×K batches, when random triplets are mostly too easy to train on.',
      zh: '行人重识别（Re-ID）、人脸与商品检索等，按 P×K 方式组批、随机三元组大多过于简单时。',
    },
    pitfalls: {
      en: 'Every anchor needs at least one positive and one negative in the batch: the playground reports an error, while tfa.losses.TripletHardLoss silently uses 0 (the self-distance) as the hardest positive of an anchor without one, and the largest distance as the hardest negative of an anchor without one. The hardest samples are often label noise; with a bad start it can collapse all embeddings to one point, which is why the soft-margin variant and warm-up are used.',
      zh: '每个锚点在批内至少要有一个正样本和一个负样本：Playground 会报错，而 tfa.losses.TripletHardLoss 不报错，没有正样本的锚点以 0（到自身的距离）作为最难正样本距离，没有负样本的锚点以最大距离作为最难负样本距离。最难样本往往是标注噪声；初始化不好时所有嵌入可能坍缩到一点，因此常用软间隔变体并做预热（warm-up）。',
    },
    frameworkNotes: {
      en: "Matches tfa.losses.TripletHardLoss(margin=1.0, soft=False, distance_metric='L2') with Euclidean distances. PyTorch has no built-in miner: combine F.triplet_margin_loss with your own mining, or pytorch_metric_learning's BatchHardMiner. The plain triplet loss is the triplet-margin-loss entry. TF Addons is in minimal-maintenance mode (end of life May 2024; last release 0.23).",
      zh: "与 tfa.losses.TripletHardLoss(margin=1.0, soft=False, distance_metric='L2')（欧氏距离）一致。PyTorch 没有内置挖掘：可用 F.triplet_margin_loss 加自写挖掘，或使用 pytorch_metric_learning 的 BatchHardMiner。普通三元组损失见 triplet-margin-loss 条目。TF Addons 已进入最低限度维护模式（2024 年 5 月停止维护；最后版本 0.23）。",
    },
    paper: {
      authors: 'Alexander Hermans, Lucas Beyer, Bastian Leibe',
      year: 2017,
      title: 'In Defense of the Triplet Loss for Person Re-Identification',
      url: 'https://arxiv.org/abs/1703.07737',
    },
    sources: [
      { label: 'TF Addons tensorflow_addons/losses/triplet.py', version: 'v0.23.0', url: 'https://github.com/tensorflow/addons/blob/v0.23.0/tensorflow_addons/losses/triplet.py' },
      { label: 'paper (Hermans et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1703.07737' },
    ],
    related: ['triplet-margin-loss', 'quadruplet-loss', 'lifted-structure-loss', 'multi-similarity-loss'],
    snippets: {
      scratch:
        'def batch_hard_triplet_loss(emb, labels, margin=${1:1.0}):\n    d = torch.cdist(emb, emb)\n    same = labels[:, None] == labels[None, :]\n    eye = torch.eye(len(labels), dtype=torch.bool, device=emb.device)\n    hardest_pos = d.masked_fill(~same | eye, float(\'-inf\')).max(1).values\n    hardest_neg = d.masked_fill(same, float(\'inf\')).min(1).values\n    return F.relu(hardest_pos - hardest_neg + margin).mean()',
      tf: 'import tensorflow_addons as tfa\nloss_fn = tfa.losses.TripletHardLoss(margin=${1:1.0}, soft=${2|False,True|})\nloss = loss_fn(${3:labels}, ${4:embeddings})',
    },
  },
  {
    id: 'triplet-semihard-loss',
    names: { en: 'Semi-Hard Triplet Loss (FaceNet)', zh: '半难例三元组损失（FaceNet）' },
    aliases: ['semi-hard triplet', 'TripletSemiHardLoss', 'FaceNet triplet loss', 'semihard mining', '半难样本挖掘', 'FaceNet 三元组损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'other', symbol: 'tfa.losses.TripletSemiHardLoss', kind: 'class' },
      { framework: 'other', symbol: 'tfa.losses.triplet_semihard_loss', kind: 'function' },
    ],
    formula: 'L = \\frac{1}{|\\mathcal{P}|}\\sum_{(a,p) \\in \\mathcal{P}} \\big[ m + D_{ap} - D_{an^{*}} \\big]_+,\\quad n^{*} = \\arg\\min_{n:\\, y_n \\ne y_a,\\ D_{an} > D_{ap}} D_{an}\\ \\text{(else the farthest negative)}',
    formulaText: 'L = mean over positive pairs (a,p) of [m + Dₐₚ − Dₐₙ*]₊,  n* = closest negative farther than p (else the farthest negative)',
    inputs: [emb('embeddings', 'A batch of embeddings (FaceNet normalizes them to the unit sphere).', '一批嵌入（FaceNet 将其归一化到单位球面上）。'), BATCH_LABELS],
    params: [num('margin', 1.0, [0, 5], 'Margin between the positive distance and the chosen negative distance.', '正样本距离与所选负样本距离之间的间隔。')],
    summary: {
      en: "The triplet loss with FaceNet's online semi-hard mining: for every anchor-positive pair in the batch, the negative used is the closest one that is still farther away than the positive, which avoids the collapse caused by the very hardest negatives.",
      zh: '带 FaceNet 在线半难例挖掘的三元组损失：对批内每个锚点-正样本对，选择比正样本更远、但在这些负样本中最近的那个，从而避免最难负样本导致的坍缩。',
    },
    whenToUse: {
      en: 'Face recognition and verification embeddings (FaceNet trained its face embeddings with it), and any retrieval task with large, class-balanced batches.',
      zh: '人脸识别与验证的嵌入学习（FaceNet 用它训练人脸嵌入），以及任何使用大 batch、类别均衡 batch 的检索任务。',
    },
    pitfalls: {
      en: 'Needs several samples per identity in each batch (FaceNet used about 40 faces per identity and batches of ~1800). When no negative is farther than the positive, the farthest negative is used, which may be an easy one. Every anchor needs a negative: the playground reports an error, while tfa.losses.TripletSemiHardLoss silently uses 0 as the negative distance.',
      zh: '每个批中每个身份都需要多个样本（FaceNet 每个身份约 40 张人脸，批大小约 1800）。当没有比正样本更远的负样本时会改用最远的负样本，而它可能很简单。每个锚点都必须有负样本：Playground 会报错，而 tfa.losses.TripletSemiHardLoss 不报错，直接以 0 作为负样本距离。',
    },
    frameworkNotes: {
      en: "Follows tfa.losses.TripletSemiHardLoss(margin=1.0, distance_metric='L2'): Euclidean distances, averaged over ordered positive pairs. PyTorch has no built-in; pytorch_metric_learning offers TripletMarginMiner(type_of_triplets='semihard') with its TripletMarginLoss. TF Addons is in minimal-maintenance mode (end of life May 2024; last release 0.23).",
      zh: "遵循 tfa.losses.TripletSemiHardLoss(margin=1.0, distance_metric='L2')：欧氏距离，在有序正样本对上求平均。PyTorch 没有内置实现；pytorch_metric_learning 提供 TripletMarginMiner(type_of_triplets='semihard') 搭配其 TripletMarginLoss。TF Addons 已进入最低限度维护模式（2024 年 5 月停止维护；最后版本 0.23）。",
    },
    paper: {
      authors: 'Florian Schroff, Dmitry Kalenichenko, James Philbin',
      year: 2015,
      title: 'FaceNet: A Unified Embedding for Face Recognition and Clustering',
      url: 'https://arxiv.org/abs/1503.03832',
    },
    sources: [
      { label: 'TF Addons tensorflow_addons/losses/triplet.py', version: 'v0.23.0', url: 'https://github.com/tensorflow/addons/blob/v0.23.0/tensorflow_addons/losses/triplet.py' },
      { label: 'paper (Schroff et al. 2015)', version: '2015', url: 'https://arxiv.org/abs/1503.03832' },
    ],
    related: ['triplet-margin-loss', 'batch-hard-triplet-loss', 'contrastive-loss'],
    snippets: {
      tf: 'import tensorflow_addons as tfa\nloss_fn = tfa.losses.TripletSemiHardLoss(margin=${1:1.0})\nloss = loss_fn(${2:labels}, ${3:embeddings})',
      scratch:
        'def semihard_triplet_loss(emb, labels, margin=${1:1.0}):\n    d = torch.cdist(emb, emb)\n    same = labels[:, None] == labels[None, :]\n    pos = same & ~torch.eye(len(labels), dtype=torch.bool, device=emb.device)\n    a, p = pos.nonzero(as_tuple=True)\n    d_ap = d[a, p]\n    neg_d = d[a].masked_fill(same[a], float(\'inf\'))\n    outside = neg_d.masked_fill(neg_d <= d_ap[:, None], float(\'inf\')).min(1).values\n    farthest = d[a].masked_fill(same[a], float(\'-inf\')).max(1).values\n    d_an = torch.where(torch.isinf(outside), farthest, outside)\n    return F.relu(margin + d_ap - d_an).mean()',
    },
  },
  {
    id: 'quadruplet-loss',
    names: { en: 'Quadruplet Loss', zh: '四元组损失（Quadruplet Loss）' },
    aliases: ['quadruplet', 'quadruplet network loss', '四元组损失'],
    category: 'metric-learning',
    apis: [],
    formula:
      'L = \\frac{1}{N}\\sum_{i} \\big[ d(a_i,p_i) - d(a_i,n_{1,i}) + \\alpha_1 \\big]_+ + \\big[ d(a_i,p_i) - d(n_{1,i},n_{2,i}) + \\alpha_2 \\big]_+,\\quad d(u,v)=\\lVert u-v \\rVert_2^2',
    formulaText: 'L = (1/N) Σᵢ [d(a,p) − d(a,n₁) + α₁]₊ + [d(a,p) − d(n₁,n₂) + α₂]₊,  d = squared Euclidean distance',
    inputs: [
      emb('anchor', 'Anchor embeddings.', '锚点（anchor）嵌入。'),
      emb('positive', 'Embeddings of the same identity as the anchor.', '与锚点同一身份的嵌入。'),
      emb('negative1', 'Embeddings of a different identity.', '另一身份的嵌入。'),
      emb('negative2', 'Embeddings of a third identity, different from both.', '与前两者都不同的第三个身份的嵌入。'),
    ],
    params: [
      REDUCTION,
      num('margin1', 1.0, [0, 5], 'Margin of the triplet term (anchor-positive vs anchor-negative).', '三元组项（锚点-正样本 对 锚点-负样本）的间隔。'),
      num('margin2', 0.5, [0, 5], 'Margin of the extra term comparing the positive pair with an unrelated negative pair; usually smaller.', '额外项的间隔，把正样本对与无关的负样本对比较；通常更小。'),
    ],
    summary: {
      en: 'A triplet loss plus a second hinge that asks every positive pair to be closer than a pair of two other identities, so that intra-class distances are smaller than inter-class distances globally, not only around each anchor.',
      zh: '在三元组损失之外再加一个合页项，要求正样本对比任意两个其他身份构成的负样本对更近，从而让类内距离在全局上都小于类间距离，而不仅是在每个锚点附近。',
    },
    whenToUse: {
      en: 'Person re-identification and verification where a single global threshold on distance will be used at test time.',
      zh: '行人重识别与验证任务，测试时要对距离使用一个全局阈值的场景。',
    },
    pitfalls: {
      en: 'Needs four samples from three identities per term, so sampling is costlier than for triplets. The paper learns the distance with a small network and adapts the margins; this entry uses squared Euclidean distances and fixed margins. A batch-hard variant exists; build its masks carefully (positive: same identity, not the anchor; the two negatives: two different identities, both unlike the anchor\'s).',
      zh: '每项需要来自三个身份的四个样本，采样比三元组更费事。论文用小网络学习距离并自适应调整间隔；本条目使用平方欧氏距离和固定间隔。也有批内最难（batch-hard）版本；构造掩码时要仔细（正样本：同一身份且不是锚点本身；两个负样本：两个互不相同、且都与锚点不同的身份）。',
    },
    frameworkNotes: {
      en: 'No mainstream library ships it; write it from scratch. The playground takes the gradient with respect to the anchor.',
      zh: '主流库都没有内置实现，需要自行编写。Playground 对 anchor 求梯度。',
    },
    paper: {
      authors: 'Weihua Chen, Xiaotang Chen, Jianguo Zhang, Kaiqi Huang',
      year: 2017,
      title: 'Beyond Triplet Loss: A Deep Quadruplet Network for Person Re-identification',
      url: 'https://arxiv.org/abs/1704.01719',
    },
    sources: [
      { label: 'paper (Chen et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1704.01719' },
    ],
    related: ['triplet-margin-loss', 'batch-hard-triplet-loss', 'contrastive-loss'],
    snippets: {
      scratch:
        'def quadruplet_loss(a, p, n1, n2, margin1=${1:1.0}, margin2=${2:0.5}):\n    d_ap = (a - p).pow(2).sum(1)\n    d_an = (a - n1).pow(2).sum(1)\n    d_nn = (n1 - n2).pow(2).sum(1)\n    return (F.relu(d_ap - d_an + margin1) + F.relu(d_ap - d_nn + margin2)).mean()',
      tf: 'def quadruplet_loss(a, p, n1, n2, margin1=${1:1.0}, margin2=${2:0.5}):\n    d_ap = tf.reduce_sum(tf.square(a - p), 1)\n    d_an = tf.reduce_sum(tf.square(a - n1), 1)\n    d_nn = tf.reduce_sum(tf.square(n1 - n2), 1)\n    return tf.reduce_mean(tf.nn.relu(d_ap - d_an + margin1) + tf.nn.relu(d_ap - d_nn + margin2))',
    },
  },
  {
    id: 'angular-loss',
    names: { en: 'Angular Loss', zh: '角度损失（Angular Loss）' },
    aliases: ['angular triplet loss', '角度三元组损失'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.AngularLoss', kind: 'class' }],
    formula: 'L = \\frac{1}{N}\\sum_i \\Big[ \\lVert x_a - x_p \\rVert^2 - 4\\tan^2\\alpha\\, \\lVert x_n - x_c \\rVert^2 \\Big]_+,\\quad x_c = \\tfrac{1}{2}(x_a + x_p)',
    formulaText: 'L = (1/N) Σ [ ‖xₐ − xₚ‖² − 4 tan²α ‖xₙ − x_c‖² ]₊,  x_c = (xₐ + xₚ)/2',
    inputs: [
      emb('anchor', 'Anchor embeddings.', '锚点嵌入。'),
      emb('positive', 'Positive embeddings (same class as the anchor).', '正样本嵌入（与锚点同类）。'),
      emb('negative', 'Negative embeddings (another class).', '负样本嵌入（其他类别）。'),
    ],
    params: [REDUCTION, num('alpha', 40, [30, 55], 'Upper bound on the angle at the negative, in degrees.', '负样本处夹角的上界，单位为度。')],
    summary: {
      en: 'Constrains the angle at the negative point of each triplet instead of a distance difference, which makes the loss scale-invariant and uses all three sides of the triangle.',
      zh: '约束三元组在负样本处的夹角而不是距离差，使损失具有尺度不变性，并用到三角形的三条边。',
    },
    whenToUse: {
      en: 'Fine-grained retrieval (cars, birds, products) as a drop-in for the triplet loss when the right margin is hard to pick.',
      zh: '细粒度检索（车辆、鸟类、商品），在难以选定三元组 margin 时作为替代。',
    },
    pitfalls: {
      en: 'alpha near 90° makes tan² explode; the paper uses 36°–55°. The paper mostly trains the smooth N-pair version, which is what pytorch_metric_learning implements; the hinge form here is its triplet version.',
      zh: 'alpha 接近 90° 时 tan² 急剧增大；论文使用 36°–55°。论文主要训练平滑的 N-pair 版本，pytorch_metric_learning 实现的也是它；这里是其三元组合页形式。',
    },
    frameworkNotes: {
      en: 'pytorch_metric_learning.losses.AngularLoss(alpha=40) computes the log-sum-exp N-pair form over a batch; the playground computes the per-triplet hinge of the paper (gradient w.r.t. the anchor).',
      zh: 'pytorch_metric_learning.losses.AngularLoss(alpha=40) 在批上计算 log-sum-exp 的 N-pair 形式；Playground 计算论文中的逐三元组合页形式（对 anchor 求梯度）。',
    },
    paper: {
      authors: 'Jian Wang, Feng Zhou, Shilei Wen, Xiao Liu, Yuanqing Lin',
      year: 2017,
      title: 'Deep Metric Learning with Angular Loss',
      url: 'https://arxiv.org/abs/1708.01682',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/angular_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/angular_loss.py' },
      { label: 'paper (Wang et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1708.01682' },
    ],
    related: ['triplet-margin-loss', 'n-pair-loss'],
    snippets: {
      scratch:
        'def angular_loss(a, p, n, alpha=${1:40.0}):\n    t = math.tan(math.radians(alpha)) ** 2\n    c = (a + p) / 2\n    return F.relu((a - p).pow(2).sum(1) - 4 * t * (n - c).pow(2).sum(1)).mean()',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.AngularLoss(alpha=${1:40})\nloss = loss_fn(${2:embeddings}, ${3:labels})',
      tf: 'def angular_loss(a, p, n, alpha=${1:40.0}):\n    t = tf.tan(alpha * 3.141592653589793 / 180.0) ** 2\n    c = (a + p) / 2\n    return tf.reduce_mean(tf.nn.relu(tf.reduce_sum(tf.square(a - p), 1) - 4 * t * tf.reduce_sum(tf.square(n - c), 1)))',
    },
  },
  {
    id: 'n-pair-loss',
    names: { en: 'Multi-class N-pair Loss', zh: 'N-pair 损失（多类 N 对损失）' },
    aliases: ['N-pair loss', 'npairs loss', 'NPairsLoss', 'N 对损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'other', symbol: 'pytorch_metric_learning.losses.NPairsLoss', kind: 'class' },
      { framework: 'other', symbol: 'tfa.losses.npairs_loss', kind: 'function' },
    ],
    formula: 'L = \\frac{1}{N}\\sum_{i=1}^{N} \\log\\Big(1 + \\sum_{j \\ne i} \\exp\\big(f_i^{\\top} f_j^{+} - f_i^{\\top} f_i^{+}\\big)\\Big)',
    formulaText: 'L = (1/N) Σᵢ log(1 + Σ_{j≠i} exp(fᵢ·fⱼ⁺ − fᵢ·fᵢ⁺))',
    inputs: [
      emb('anchors', 'One anchor embedding per class in the batch.', '批内每个类别一个锚点嵌入。'),
      emb('positives', 'The matching positive of each anchor; the positives of the other rows act as negatives.', '每个锚点对应的正样本；其他行的正样本充当负样本。'),
    ],
    params: [REDUCTION],
    summary: {
      en: 'Generalizes the triplet loss to N−1 negatives at once: a softmax cross-entropy over the anchor-positive dot products, with the matching pair as the correct class.',
      zh: '把三元组损失推广为同时使用 N−1 个负样本：在锚点与各正样本的点积上做 softmax 交叉熵，匹配的那一对为正确类别。',
    },
    whenToUse: {
      en: 'Metric learning with many classes, when each batch can hold one pair per class; an ancestor of InfoNCE-style in-batch negatives.',
      zh: '类别很多、每个批可以容纳每类一对样本的度量学习；它是 InfoNCE 式批内负样本的前身。',
    },
    pitfalls: {
      en: 'Uses raw dot products, so embedding norms can grow without bound; the paper adds a small L2 penalty on the embeddings (not included here). Each row must be a different class, otherwise a true positive is treated as a negative.',
      zh: '使用未归一化的点积，嵌入范数可能无限增大；论文对嵌入加了很小的 L2 正则（此处未包含）。每行必须是不同类别，否则会把真正的正样本当成负样本。',
    },
    frameworkNotes: {
      en: 'Equal to F.cross_entropy(anchors @ positives.T, torch.arange(N)). tfa.losses.npairs_loss(y_true, y_pred) takes the similarity matrix and supports repeated labels; pytorch_metric_learning.losses.NPairsLoss forms the pairs from labels.',
      zh: '等价于 F.cross_entropy(anchors @ positives.T, torch.arange(N))。tfa.losses.npairs_loss(y_true, y_pred) 以相似度矩阵为输入并支持重复标签；pytorch_metric_learning.losses.NPairsLoss 根据标签组对。',
    },
    paper: {
      authors: 'Kihyuk Sohn',
      year: 2016,
      title: 'Improved Deep Metric Learning with Multi-class N-pair Loss Objective',
      url: 'https://proceedings.neurips.cc/paper/2016/hash/6b180037abbebea991d8b1232f8a8ca9-Abstract.html',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/n_pairs_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/n_pairs_loss.py' },
      { label: 'TF Addons tensorflow_addons/losses/npairs.py', version: 'v0.23.0', url: 'https://github.com/tensorflow/addons/blob/v0.23.0/tensorflow_addons/losses/npairs.py' },
      { label: 'paper (Sohn 2016)', version: '2016', url: 'https://proceedings.neurips.cc/paper/2016/hash/6b180037abbebea991d8b1232f8a8ca9-Abstract.html' },
    ],
    related: ['triplet-margin-loss', 'infonce-loss', 'cross-entropy'],
    snippets: {
      scratch: 'def n_pair_loss(anchors, positives):\n    logits = anchors @ positives.T\n    return F.cross_entropy(logits, torch.arange(len(anchors), device=anchors.device))',
      tf: 'def n_pair_loss(anchors, positives):\n    logits = tf.matmul(anchors, positives, transpose_b=True)\n    labels = tf.range(tf.shape(anchors)[0])\n    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))',
    },
  },
  {
    id: 'lifted-structure-loss',
    names: { en: 'Lifted Structured Loss', zh: '提升结构损失（Lifted Structured Loss）' },
    aliases: ['lifted structured embedding', 'LiftedStructLoss', 'lifted loss', '提升结构化嵌入损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'other', symbol: 'tfa.losses.LiftedStructLoss', kind: 'class' },
      { framework: 'other', symbol: 'pytorch_metric_learning.losses.LiftedStructureLoss', kind: 'class' },
    ],
    formula:
      'J_{ij} = \\log\\Big(\\sum_{(i,k)\\in\\mathcal{N}} e^{m - D_{ik}} + \\sum_{(j,l)\\in\\mathcal{N}} e^{m - D_{jl}}\\Big) + D_{ij},\\quad L = \\frac{1}{2|\\mathcal{P}|}\\sum_{(i,j)\\in\\mathcal{P}} \\max(0, J_{ij})^2',
    formulaText: 'Jᵢⱼ = log(Σ_{k∉yᵢ} e^{m − Dᵢₖ} + Σ_{l∉yⱼ} e^{m − Dⱼₗ}) + Dᵢⱼ,  L = 1/(2|P|) Σ_{(i,j)∈P} max(0, Jᵢⱼ)²',
    inputs: [emb('embeddings', 'A batch of embeddings.', '一批嵌入。'), BATCH_LABELS],
    params: [num('margin', 1.0, [0, 5], 'Margin m inside the exponent: negatives closer than m still contribute.', '指数中的间隔 m：距离小于 m 的负样本仍会产生损失。')],
    summary: {
      en: 'Uses every pair in the batch: for each positive pair, a smooth maximum (log-sum-exp) over the negatives of both its ends must be beaten by the margin.',
      zh: '利用批内的全部样本对：对每个正样本对，其两端所有负样本的平滑最大值（log-sum-exp）都需被间隔超过。',
    },
    whenToUse: {
      en: 'Retrieval and fine-grained embedding learning when you want dense use of a batch without explicit mining.',
      zh: '检索和细粒度嵌入学习中，希望不做显式挖掘也能充分利用一个批的数据时。',
    },
    pitfalls: {
      en: 'Needs at least one positive pair in the batch. Distances are unsquared Euclidean, whose gradient is undefined for identical embeddings. Cost grows with the square of the batch size.',
      zh: '批内至少要有一个正样本对。距离是未平方的欧氏距离，两个嵌入完全相同时梯度无定义。计算量随批大小的平方增长。',
    },
    frameworkNotes: {
      en: 'tfa.losses.LiftedStructLoss(margin=1.0) implements the same objective; pytorch_metric_learning.losses.LiftedStructureLoss(neg_margin=1, pos_margin=0) is a per-pair generalized form with different averaging. TF Addons is in minimal-maintenance mode (end of life May 2024; last release 0.23).',
      zh: 'tfa.losses.LiftedStructLoss(margin=1.0) 实现同一目标；pytorch_metric_learning.losses.LiftedStructureLoss(neg_margin=1, pos_margin=0) 是逐对的推广形式，平均方式不同。TF Addons 已进入最低限度维护模式（2024 年 5 月停止维护；最后版本 0.23）。',
    },
    paper: {
      authors: 'Hyun Oh Song, Yu Xiang, Stefanie Jegelka, Silvio Savarese',
      year: 2016,
      title: 'Deep Metric Learning via Lifted Structured Feature Embedding',
      url: 'https://arxiv.org/abs/1511.06452',
    },
    sources: [
      { label: 'TF Addons tensorflow_addons/losses/lifted.py', version: 'v0.23.0', url: 'https://github.com/tensorflow/addons/blob/v0.23.0/tensorflow_addons/losses/lifted.py' },
      { label: 'pytorch-metric-learning losses/lifted_structure_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/lifted_structure_loss.py' },
      { label: 'paper (Song et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1511.06452' },
    ],
    related: ['batch-hard-triplet-loss', 'n-pair-loss', 'multi-similarity-loss'],
    snippets: {
      scratch:
        'def lifted_structure_loss(emb, labels, margin=${1:1.0}):\n    d = torch.cdist(emb, emb)\n    same = labels[:, None] == labels[None, :]\n    neg = torch.exp(margin - d).masked_fill(same, 0).sum(1)\n    i, j = torch.triu_indices(len(labels), len(labels), 1)\n    keep = same[i, j]\n    i, j = i[keep], j[keep]\n    J = torch.log(neg[i] + neg[j]) + d[i, j]\n    return F.relu(J).pow(2).mean() / 2',
      tf: 'import tensorflow_addons as tfa\nloss_fn = tfa.losses.LiftedStructLoss(margin=${1:1.0})\nloss = loss_fn(${2:labels}, ${3:embeddings})',
    },
  },
  {
    id: 'infonce-loss',
    names: { en: 'InfoNCE Loss', zh: 'InfoNCE 损失' },
    aliases: ['InfoNCE', 'CPC loss', 'MoCo loss', 'noise contrastive estimation loss', 'info nce', '信息噪声对比估计'],
    category: 'contrastive',
    apis: [
      { framework: 'other', symbol: 'info_nce.InfoNCE', kind: 'class' },
      { framework: 'other', symbol: 'info_nce.info_nce', kind: 'function' },
    ],
    formula: 'L = -\\frac{1}{N}\\sum_{i=1}^{N} \\log \\frac{\\exp(\\hat q_i^{\\top} \\hat k_i^{+} / \\tau)}{\\sum_{k \\in \\{k_i^{+}\\} \\cup \\mathcal{K}^{-}} \\exp(\\hat q_i^{\\top} \\hat k / \\tau)}',
    formulaText: 'L = −(1/N) Σᵢ log( exp(q̂ᵢ·k̂ᵢ⁺/τ) / Σ_k exp(q̂ᵢ·k̂/τ) ),  q̂, k̂ L2-normalized',
    inputs: [
      emb('query', 'Query embeddings (e.g. one augmented view, or a context vector).', '查询嵌入（如一个增强视图或上下文向量）。'),
      emb('positive_key', 'The positive key of each query. Without negative_keys, the other rows serve as negatives.', '每个查询的正键；不给 negative_keys 时，其他行作为负样本。'),
      { ...emb('negative_keys', 'Optional shared negatives for every query (unpaired mode).', '可选的、所有查询共享的负样本（unpaired 模式）。', '(M, D)'), optional: true },
    ],
    params: [REDUCTION, TEMPERATURE(0.1)],
    summary: {
      en: 'A categorical cross-entropy that picks the positive key out of a set of negatives by cosine similarity; minimizing it maximizes a lower bound on the mutual information between query and key.',
      zh: '用余弦相似度从一组负样本中挑出正键的分类交叉熵；最小化它等于最大化查询与键之间互信息（mutual information）的一个下界。',
    },
    whenToUse: {
      en: 'Contrastive representation learning: CPC, MoCo-style queues, retrieval with in-batch negatives, dense passage retrieval.',
      zh: '对比表示学习：CPC、MoCo 式队列、带批内负样本的检索、稠密段落检索等。',
    },
    pitfalls: {
      en: 'The bound is at most log N, with N the number of candidates (the positive plus the negatives), so small batches cap what can be learned. The temperature matters as much as the learning rate. False negatives (same content in another row) are pushed apart.',
      zh: '该下界不超过 log N（N 为候选数，即正样本加负样本），小 batch 会限制可学到的信息量。温度与学习率同样重要。假负样本（其他行里内容相同的样本）也会被推开。',
    },
    frameworkNotes: {
      en: "Follows the info-nce-pytorch package: InfoNCE(temperature=0.1, reduction='mean', negative_mode='unpaired'); inputs are L2-normalized inside. Without negative_keys it equals F.cross_entropy(q̂ @ k̂.T / τ, arange(N)). The paired negative mode (N, M, D) is not in the playground.",
      zh: "遵循 info-nce-pytorch 包：InfoNCE(temperature=0.1, reduction='mean', negative_mode='unpaired')；输入在内部做 L2 归一化。不给 negative_keys 时等于 F.cross_entropy(q̂ @ k̂.T / τ, arange(N))。Playground 不支持成对负样本模式 (N, M, D)。",
    },
    paper: {
      authors: 'Aaron van den Oord, Yazhe Li, Oriol Vinyals',
      year: 2018,
      title: 'Representation Learning with Contrastive Predictive Coding',
      url: 'https://arxiv.org/abs/1807.03748',
    },
    sources: [
      { label: 'info-nce-pytorch info_nce/__init__.py', version: 'default branch, read 2026-12', url: 'https://github.com/RElbers/info-nce-pytorch/blob/main/info_nce/__init__.py' },
      { label: 'paper (van den Oord et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1807.03748' },
    ],
    related: ['nt-xent-loss', 'clip-loss', 'n-pair-loss', 'supcon-loss', 'cross-entropy'],
    snippets: {
      torch: 'from info_nce import InfoNCE\nloss_fn = InfoNCE(temperature=${1:0.1})\nloss = loss_fn(${2:query}, ${3:positive_key})',
      scratch:
        'def info_nce(query, positive_key, temperature=${1:0.1}):\n    q = F.normalize(query, dim=-1)\n    k = F.normalize(positive_key, dim=-1)\n    logits = q @ k.T / temperature\n    return F.cross_entropy(logits, torch.arange(len(q), device=q.device))',
      tf: 'def info_nce(query, positive_key, temperature=${1:0.1}):\n    q = tf.math.l2_normalize(query, axis=-1)\n    k = tf.math.l2_normalize(positive_key, axis=-1)\n    logits = tf.matmul(q, k, transpose_b=True) / temperature\n    labels = tf.range(tf.shape(q)[0])\n    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))',
    },
  },
  {
    id: 'nt-xent-loss',
    names: { en: 'NT-Xent Loss (SimCLR)', zh: 'NT-Xent 损失（SimCLR）' },
    aliases: ['NT-Xent', 'normalized temperature-scaled cross entropy', 'SimCLR loss', 'NTXentLoss', '归一化温度交叉熵'],
    category: 'contrastive',
    apis: [
      { framework: 'other', symbol: 'pytorch_metric_learning.losses.NTXentLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.losses.ntxent', kind: 'function' },
    ],
    formula: '\\ell_{i} = -\\log \\frac{\\exp(\\mathrm{sim}(z_i, z_{j(i)})/\\tau)}{\\sum_{k=1}^{2N} \\mathbb{1}_{[k \\ne i]} \\exp(\\mathrm{sim}(z_i, z_k)/\\tau)},\\quad L = \\frac{1}{2N}\\sum_{i=1}^{2N} \\ell_i',
    formulaText: 'ℓᵢ = −log( exp(sim(zᵢ, z_j(i))/τ) / Σ_{k≠i} exp(sim(zᵢ, zₖ)/τ) ),  L = (1/2N) Σᵢ ℓᵢ,  sim = cosine',
    inputs: [
      emb('z_i', 'Projections of the first augmented view of each image.', '每张图像第一个增强视图的投影。'),
      emb('z_j', 'Projections of the second augmented view, row-aligned with z_i.', '第二个增强视图的投影，与 z_i 按行对齐。'),
    ],
    params: [TEMPERATURE(0.5)],
    summary: {
      en: "SimCLR's loss: 2N views from N images; each view must pick its partner view out of the other 2N−1 by cosine similarity divided by a temperature.",
      zh: 'SimCLR 的损失：N 张图像产生 2N 个视图，每个视图需按（余弦相似度/温度）从其余 2N−1 个视图中找出自己的配对视图。',
    },
    whenToUse: {
      en: 'Self-supervised pretraining of image (or audio, text) encoders with strong augmentations and large batches.',
      zh: '在强数据增强和大 batch 下，对图像（或音频、文本）编码器做自监督预训练。',
    },
    pitfalls: {
      en: 'Needs large batches (SimCLR used 4096) or many negatives. The loss is computed on the projection head output, but the representation used downstream is taken before it. Temperature between 0.1 and 0.5 is typical; 0.5 here.',
      zh: '需要很大的批（SimCLR 用 4096）或大量负样本。损失作用在投影头（projection head）的输出上，下游使用的表示则取自投影头之前。温度通常取 0.1–0.5，这里默认 0.5。',
    },
    frameworkNotes: {
      en: 'No built-in in torch or Keras. pytorch_metric_learning.losses.NTXentLoss(temperature=0.07) and optax.losses.ntxent(embeddings, labels, temperature=0.07) (optax ≥ 0.2.3) take embeddings with labels and average over positive pairs; with the two views of each image sharing a label they give the same value. The playground takes the gradient w.r.t. z_i.',
      zh: 'torch 和 Keras 都没有内置实现。pytorch_metric_learning.losses.NTXentLoss(temperature=0.07) 与 optax.losses.ntxent(embeddings, labels, temperature=0.07)（optax ≥ 0.2.3）接收嵌入和标签并对正样本对求平均；同一图像的两个视图共享一个标签时数值相同。Playground 对 z_i 求梯度。',
    },
    paper: {
      authors: 'Ting Chen, Simon Kornblith, Mohammad Norouzi, Geoffrey Hinton',
      year: 2020,
      title: 'A Simple Framework for Contrastive Learning of Visual Representations',
      url: 'https://arxiv.org/abs/2002.05709',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/ntxent_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/ntxent_loss.py' },
      { label: 'optax optax/losses/_self_supervised.py', version: 'v0.2.8', url: 'https://github.com/google-deepmind/optax/blob/v0.2.8/optax/losses/_self_supervised.py' },
      { label: 'paper (Chen et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/2002.05709' },
    ],
    related: ['infonce-loss', 'supcon-loss', 'clip-loss'],
    snippets: {
      scratch:
        'def nt_xent(z_i, z_j, temperature=${1:0.5}):\n    z = F.normalize(torch.cat([z_i, z_j]), dim=1)\n    n = len(z_i)\n    sim = z @ z.T / temperature\n    sim.fill_diagonal_(float(\'-inf\'))\n    target = torch.cat([torch.arange(n, 2 * n), torch.arange(n)]).to(z.device)\n    return F.cross_entropy(sim, target)',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.NTXentLoss(temperature=${1:0.07})\nloss = loss_fn(${2:embeddings}, ${3:labels})',
      jax: 'loss = optax.losses.ntxent(${1:embeddings}, ${2:labels}, temperature=${3:0.07})',
      tf: 'def nt_xent(z_i, z_j, temperature=${1:0.5}):\n    z = tf.math.l2_normalize(tf.concat([z_i, z_j], 0), axis=1)\n    n = tf.shape(z_i)[0]\n    sim = tf.matmul(z, z, transpose_b=True) / temperature\n    sim = sim - 1e9 * tf.eye(2 * n)\n    target = tf.concat([tf.range(n, 2 * n), tf.range(n)], 0)\n    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(target, sim))',
    },
  },
  {
    id: 'supcon-loss',
    names: { en: 'Supervised Contrastive Loss (SupCon)', zh: '有监督对比损失（SupCon）' },
    aliases: ['SupCon', 'SupConLoss', 'supervised contrastive', '监督对比学习损失'],
    category: 'contrastive',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.SupConLoss', kind: 'class' }],
    formula: 'L = \\frac{1}{|A|}\\sum_{i \\in A} \\frac{-\\tau/\\tau_b}{|P(i)|} \\sum_{p \\in P(i)} \\log \\frac{\\exp(z_i^{\\top} z_p / \\tau)}{\\sum_{a \\ne i} \\exp(z_i^{\\top} z_a / \\tau)}',
    formulaText: 'L = (1/|A|) Σᵢ (−τ/τ_b)/|P(i)| Σ_{p∈P(i)} log( exp(zᵢ·zₚ/τ) / Σ_{a≠i} exp(zᵢ·zₐ/τ) )',
    inputs: [
      emb('features', 'Embeddings of every view of every sample (normalize them first, as the reference code expects).', '每个样本每个视图的嵌入（按参考代码的要求，先做归一化）。', '(N, n_views, D)'),
      ids('labels', 'Class of each sample; all views of samples of the same class are positives. Leave it out for the unsupervised SimCLR case.', '每个样本的类别；同类样本的所有视图都是正样本。不提供时退化为无监督的 SimCLR 情形。', true),
    ],
    params: [
      TEMPERATURE(0.07),
      {
        name: 'contrast_mode',
        type: 'enum',
        default: 'all',
        options: ['all', 'one'],
        meaning: { en: "'all': every view is an anchor; 'one': only the first view of each sample is.", zh: "'all'：每个视图都作为锚点；'one'：只用每个样本的第一个视图作锚点。" },
      },
      num('base_temperature', 0.07, [0.01, 2], 'The loss is scaled by temperature / base_temperature.', '损失乘以 temperature / base_temperature。'),
    ],
    summary: {
      en: 'Extends NT-Xent to labels: every other sample of the same class, in every view, is a positive, and the log-probabilities of all positives are averaged.',
      zh: '把 NT-Xent 推广到有标签的情形：同类的其他样本（所有视图）都是正样本，对全部正样本的对数概率取平均。',
    },
    whenToUse: {
      en: 'Supervised pretraining of an encoder before a linear classifier. In the paper it beats cross-entropy on ImageNet accuracy, is more robust to natural image corruptions (ImageNet-C) and more stable across hyperparameters (optimizers, augmentations); it reports no experiments on label noise, which appears only as a known weakness of cross-entropy.',
      zh: '在线性分类器之前有监督地预训练编码器。论文中它在 ImageNet 上的准确率高于交叉熵，对自然图像损坏（ImageNet-C）更稳健，对超参数（优化器、数据增强）也更稳定；论文没有做标签噪声实验，标签噪声只是作为交叉熵的已知弱点被提及。',
    },
    pitfalls: {
      en: 'The reference code does not normalize the features; pass normalized ones. An anchor without any positive contributes 0 but still counts in the mean (current reference behaviour; older versions produced NaN).',
      zh: '参考代码不会对特征做归一化，需要传入已归一化的特征。没有正样本的锚点贡献为 0，但仍计入平均（当前参考实现的行为，旧版本会得到 NaN）。',
    },
    frameworkNotes: {
      en: "Follows the authors' SupConLoss(temperature=0.07, contrast_mode='all', base_temperature=0.07) in losses.py. pytorch_metric_learning.losses.SupConLoss(temperature=0.1) takes (embeddings, labels) with the views flattened into the batch and normalizes internally.",
      zh: "遵循作者 losses.py 中的 SupConLoss(temperature=0.07, contrast_mode='all', base_temperature=0.07)。pytorch_metric_learning.losses.SupConLoss(temperature=0.1) 接收展平视图后的 (embeddings, labels)，并在内部归一化。",
    },
    paper: {
      authors: 'Prannay Khosla, Piotr Teterwak, Chen Wang, Aaron Sarna, Yonglong Tian, Phillip Isola, Aaron Maschinot, Ce Liu, Dilip Krishnan',
      year: 2020,
      title: 'Supervised Contrastive Learning',
      url: 'https://arxiv.org/abs/2004.11362',
    },
    sources: [
      { label: 'SupContrast losses.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/HobbitLong/SupContrast/blob/master/losses.py' },
      { label: 'pytorch-metric-learning losses/supcon_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/supcon_loss.py' },
      { label: 'paper (Khosla et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/2004.11362' },
    ],
    related: ['nt-xent-loss', 'infonce-loss', 'cross-entropy'],
    snippets: {
      scratch:
        "def supcon_loss(features, labels=None, temperature=${1:0.07}, base_temperature=${2:0.07}):\n    # features: (N, n_views, D), L2-normalised; labels=None is the self-supervised (SimCLR) case\n    n, v, _ = features.shape\n    if labels is None:\n        labels = torch.arange(n, device=features.device)\n    f = torch.cat(features.unbind(1))\n    lab = labels.repeat(v)\n    logits = f @ f.T / temperature\n    self_mask = torch.eye(n * v, dtype=torch.bool, device=f.device)\n    logits = logits.masked_fill(self_mask, float('-inf'))\n    pos = (lab[:, None] == lab[None, :]) & ~self_mask\n    log_prob = logits - logits.logsumexp(1, keepdim=True)\n    mean_log_prob_pos = log_prob.masked_fill(~pos, 0).sum(1) / pos.sum(1).clamp(min=1)\n    return -(temperature / base_temperature) * mean_log_prob_pos.mean()",
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.SupConLoss(temperature=${1:0.1})\nloss = loss_fn(${2:embeddings}, ${3:labels})',
      tf: 'def supcon_loss(f, labels, temperature=${1:0.07}):\n    logits = tf.matmul(f, f, transpose_b=True) / temperature\n    n = tf.shape(f)[0]\n    self_mask = tf.eye(n)\n    logits = logits - 1e9 * self_mask\n    pos = tf.cast(tf.equal(labels[:, None], labels[None, :]), f.dtype) * (1 - self_mask)\n    log_prob = logits - tf.reduce_logsumexp(logits, 1, keepdims=True)\n    return -tf.reduce_mean(tf.reduce_sum(pos * log_prob, 1) / tf.maximum(tf.reduce_sum(pos, 1), 1.0))',
    },
  },
  {
    id: 'arcface-loss',
    names: { en: 'ArcFace (Additive Angular Margin Loss)', zh: 'ArcFace（加性角度间隔损失）' },
    aliases: ['ArcFace', 'additive angular margin', 'ArcMarginProduct', 'ArcFaceLoss', '加性角度间隔'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.ArcFaceLoss', kind: 'class' }],
    formula: 'L = -\\frac{1}{N}\\sum_{i} \\log \\frac{e^{s\\cos(\\theta_{y_i} + m)}}{e^{s\\cos(\\theta_{y_i} + m)} + \\sum_{j \\ne y_i} e^{s\\cos\\theta_j}},\\quad \\cos\\theta_j = \\hat x_i^{\\top} \\hat W_j',
    formulaText: 'L = −(1/N) Σ log( e^{s cos(θ_y + m)} / (e^{s cos(θ_y + m)} + Σ_{j≠y} e^{s cos θⱼ}) ),  cos θⱼ = x̂·Ŵⱼ',
    inputs: [
      emb('input', 'Face (or item) embeddings from the backbone.', '骨干网络输出的人脸（或物品）嵌入。'),
      emb('weight', 'The learnable class-center matrix of the head, one row per identity.', '分类头中可学习的类中心矩阵，每个身份一行。', '(C, D)'),
      { ...ids('label', 'Identity of each embedding.', '每个嵌入的身份类别。'), domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' } },
    ],
    params: [
      REDUCTION,
      num('s', 64.0, [1, 128], 'Scale (radius of the hypersphere) applied to the cosine logits.', '乘在余弦 logits 上的尺度（超球面半径）。'),
      num('m', 0.5, [0, 1], 'Additive angular margin, in radians, added to the target angle.', '加在目标角度上的角度间隔（弧度）。'),
      { name: 'easy_margin', type: 'boolean', default: false, meaning: { en: 'Apply the margin only where cos θ > 0; otherwise use the monotonic fallback cos θ − m·sin m beyond θ > π − m.', zh: '只在 cos θ > 0 时施加间隔；否则在 θ > π − m 时使用单调的替代值 cos θ − m·sin m。' } },
    ],
    summary: {
      en: 'A softmax over cosine similarities to class centers where the target angle is enlarged by a margin m before the cosine, giving a constant geodesic margin between identities on the hypersphere.',
      zh: '对嵌入与类中心的余弦相似度做 softmax，但在取余弦前把目标角度加上间隔 m，使各身份在超球面上有恒定的测地线间隔。',
    },
    whenToUse: {
      en: 'Face recognition and any open-set verification or retrieval trained as classification over many identities.',
      zh: '人脸识别，以及任何以大量身份分类方式训练的开集验证或检索任务。',
    },
    pitfalls: {
      en: 'With s = 64 the logits are huge; compute in float32 or better. Hard to converge from scratch with a large m (a softmax warm-up helps). cos(θ + m) is not monotonic beyond π − m, hence the th/mm fallback.',
      zh: 's = 64 时 logits 很大，至少用 float32 计算。m 较大时从零训练难以收敛（先用 softmax 预热有帮助）。θ + m 超过 π 后 cos(θ + m) 不再单调，因此需要 th/mm 替代分支。',
    },
    frameworkNotes: {
      en: 'Follows the common ArcMarginProduct head (InsightFace style) followed by cross-entropy; the gradient is w.r.t. the embeddings. pytorch_metric_learning.losses.ArcFaceLoss(num_classes, embedding_size, margin=28.6, scale=64) gives the margin in degrees (28.6° ≈ 0.5 rad) and owns the weight matrix.',
      zh: '遵循常见的 ArcMarginProduct 头（InsightFace 风格）再接交叉熵；对嵌入求梯度。pytorch_metric_learning.losses.ArcFaceLoss(num_classes, embedding_size, margin=28.6, scale=64) 的间隔以度为单位（28.6° ≈ 0.5 弧度），并自带权重矩阵。',
    },
    paper: {
      authors: 'Jiankang Deng, Jia Guo, Niannan Xue, Stefanos Zafeiriou',
      year: 2019,
      title: 'ArcFace: Additive Angular Margin Loss for Deep Face Recognition',
      url: 'https://arxiv.org/abs/1801.07698',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/arcface_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/arcface_loss.py' },
      { label: 'paper (Deng et al. 2019)', version: '2019', url: 'https://arxiv.org/abs/1801.07698' },
    ],
    related: ['cosface-loss', 'sphereface-loss', 'cross-entropy', 'center-loss'],
    snippets: {
      scratch:
        "class ArcFace(nn.Module):\n    def __init__(self, in_features, num_classes, s=${1:64.0}, m=${2:0.5}, easy_margin=${3|False,True|}, reduction=${4|'mean','sum','none'|}):\n        super().__init__()\n        self.weight = nn.Parameter(torch.randn(num_classes, in_features))\n        self.s, self.m, self.easy_margin, self.reduction = s, m, easy_margin, reduction\n\n    def forward(self, x, label):\n        cos = F.linear(F.normalize(x), F.normalize(self.weight))\n        sine = (1 - cos ** 2).clamp(0, 1).sqrt()\n        phi = cos * math.cos(self.m) - sine * math.sin(self.m)  # cos(theta + m)\n        if self.easy_margin:\n            phi = torch.where(cos > 0, phi, cos)\n        else:  # past theta = pi - m, cos(theta + m) would grow again: a linear penalty instead\n            phi = torch.where(cos > math.cos(math.pi - self.m), phi, cos - math.sin(math.pi - self.m) * self.m)\n        onehot = F.one_hot(label, cos.size(1)).bool()\n        return F.cross_entropy(self.s * torch.where(onehot, phi, cos), label, reduction=self.reduction)",
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.ArcFaceLoss(num_classes=${1:10}, embedding_size=${2:128}, margin=${3:28.6}, scale=${4:64})\nloss = loss_fn(${5:embeddings}, ${6:labels})',
      tf: 'def arcface_loss(x, w, label, s=${1:64.0}, m=${2:0.5}):\n    cos = tf.matmul(tf.math.l2_normalize(x, 1), tf.math.l2_normalize(w, 1), transpose_b=True)\n    cos = tf.clip_by_value(cos, -1 + 1e-7, 1 - 1e-7)\n    onehot = tf.one_hot(label, tf.shape(w)[0])\n    logits = s * tf.where(onehot > 0, tf.cos(tf.acos(cos) + m), cos)\n    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(label, logits))',
    },
  },
  {
    id: 'cosface-loss',
    names: { en: 'CosFace (Large Margin Cosine Loss)', zh: 'CosFace（大间隔余弦损失）' },
    aliases: ['CosFace', 'LMCL', 'large margin cosine loss', 'AM-Softmax', 'additive margin softmax', 'CosFaceLoss', '大间隔余弦损失', '加性间隔 softmax'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.CosFaceLoss', kind: 'class' }],
    formula: 'L = -\\frac{1}{N}\\sum_{i} \\log \\frac{e^{s(\\cos\\theta_{y_i} - m)}}{e^{s(\\cos\\theta_{y_i} - m)} + \\sum_{j \\ne y_i} e^{s\\cos\\theta_j}}',
    formulaText: 'L = −(1/N) Σ log( e^{s(cos θ_y − m)} / (e^{s(cos θ_y − m)} + Σ_{j≠y} e^{s cos θⱼ}) )',
    inputs: [
      emb('input', 'Embeddings from the backbone.', '骨干网络输出的嵌入。'),
      emb('weight', 'Class-center matrix of the head.', '分类头的类中心矩阵。', '(C, D)'),
      { ...ids('label', 'Identity of each embedding.', '每个嵌入的身份类别。'), domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' } },
    ],
    params: [
      REDUCTION,
      num('s', 64.0, [1, 128], 'Scale applied to the cosine logits.', '乘在余弦 logits 上的尺度。'),
      num('m', 0.35, [0, 1], 'Margin subtracted from the target cosine.', '从目标余弦值中减去的间隔。'),
    ],
    summary: {
      en: 'Subtracts a fixed margin from the target cosine of a normalized softmax classifier, so the decision boundary in cosine space has a gap of m between classes.',
      zh: '在归一化 softmax 分类器中从目标余弦值里减去固定间隔，使余弦空间中类别之间的决策边界相隔 m。',
    },
    whenToUse: {
      en: 'Face and speaker recognition, and other large-scale verification trained as classification; simpler to optimize than the angular margin.',
      zh: '人脸与说话人识别等以分类方式训练的大规模验证任务；比角度间隔更易优化。',
    },
    pitfalls: {
      en: 'Both s and m must be tuned together (the paper\'s main experiments use s = 64, m = 0.35). Without normalizing features and weights the margin has no meaning.',
      zh: 's 与 m 需要联合调整（论文主要实验用 s = 64，m = 0.35）。若不对特征和权重做归一化，间隔就失去意义。',
    },
    frameworkNotes: {
      en: 'Equivalent to AM-Softmax. pytorch_metric_learning.losses.CosFaceLoss(num_classes, embedding_size, margin=0.35, scale=64) owns the weight matrix; the playground takes it as the weight input and differentiates w.r.t. the embeddings.',
      zh: '与 AM-Softmax 等价。pytorch_metric_learning.losses.CosFaceLoss(num_classes, embedding_size, margin=0.35, scale=64) 自带权重矩阵；Playground 把它作为 weight 输入，并对嵌入求梯度。',
    },
    paper: {
      authors: 'Hao Wang, Yitong Wang, Zheng Zhou, Xing Ji, Dihong Gong, Jingchao Zhou, Zhifeng Li, Wei Liu',
      year: 2018,
      title: 'CosFace: Large Margin Cosine Loss for Deep Face Recognition',
      url: 'https://arxiv.org/abs/1801.09414',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/cosface_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/cosface_loss.py' },
      { label: 'paper (Wang et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1801.09414' },
    ],
    related: ['arcface-loss', 'sphereface-loss', 'cross-entropy'],
    snippets: {
      scratch:
        'def cosface_loss(x, weight, label, s=${1:64.0}, m=${2:0.35}):\n    cos = F.linear(F.normalize(x), F.normalize(weight))\n    logits = s * (cos - m * F.one_hot(label, cos.size(1)))\n    return F.cross_entropy(logits, label)',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.CosFaceLoss(num_classes=${1:10}, embedding_size=${2:128}, margin=${3:0.35}, scale=${4:64})\nloss = loss_fn(${5:embeddings}, ${6:labels})',
      tf: 'def cosface_loss(x, w, label, s=${1:64.0}, m=${2:0.35}):\n    cos = tf.matmul(tf.math.l2_normalize(x, 1), tf.math.l2_normalize(w, 1), transpose_b=True)\n    logits = s * (cos - m * tf.one_hot(label, tf.shape(w)[0]))\n    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(label, logits))',
    },
  },
  {
    id: 'normalized-softmax-loss',
    names: { en: 'Normalized Softmax Loss (NormFace)', zh: '归一化 Softmax 损失（NormFace）' },
    aliases: ['NormFace', 'NormalizedSoftmaxLoss', 'cosine softmax', 'proxy-based softmax', '余弦 softmax'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.NormalizedSoftmaxLoss', kind: 'class' }],
    formula: 'L = -\\frac{1}{N}\\sum_i \\log \\frac{\\exp(\\hat x_i^{\\top} \\hat W_{y_i} / \\tau)}{\\sum_{j} \\exp(\\hat x_i^{\\top} \\hat W_j / \\tau)}',
    formulaText: 'L = −(1/N) Σ log( exp(x̂·Ŵ_y/τ) / Σⱼ exp(x̂·Ŵⱼ/τ) )',
    inputs: [
      emb('input', 'Embeddings from the backbone (normalized inside).', '骨干网络输出的嵌入（内部做归一化）。'),
      emb('weight', 'Class weight vectors (proxies), normalized inside.', '类别权重向量（代理），内部做归一化。', '(C, D)'),
      { ...ids('label', 'Class of each embedding.', '每个嵌入的类别。'), domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' } },
    ],
    params: [REDUCTION, num('temperature', 0.05, [0.01, 1], 'Temperature τ; the cosine logits are multiplied by 1/τ (NormFace learns this scale).', '温度 τ；余弦 logits 乘以 1/τ（NormFace 会学习这个尺度）。')],
    summary: {
      en: 'A softmax classifier on L2-normalized features and weights, so the logits are cosines scaled by 1/τ; the margin-free ancestor of CosFace and ArcFace and a strong baseline for metric learning.',
      zh: '在 L2 归一化的特征和权重上做 softmax 分类，logits 是乘以 1/τ 的余弦；它是 CosFace 与 ArcFace 的无间隔前身，也是度量学习的强基线。',
    },
    whenToUse: {
      en: 'Retrieval and verification trained as classification (Zhai & Wu, "Classification is a Strong Baseline for Deep Metric Learning", whose temperature-scaled form pytorch_metric_learning implements), before trying margin-based variants.',
      zh: '以分类方式训练的检索与验证任务（Zhai 与 Wu 的论文《Classification is a Strong Baseline for Deep Metric Learning》，pytorch_metric_learning 实现的就是其带温度的形式），在尝试带间隔的变体之前。',
    },
    pitfalls: {
      en: 'Without a scale the cosine logits lie in [−1, 1] and the softmax cannot become confident, so the loss stalls; a small τ (large scale) is essential. Too small a τ makes gradients vanish for most samples.',
      zh: '不加尺度时余弦 logits 在 [−1, 1] 之间，softmax 无法变得足够自信，损失会停滞；必须使用较小的 τ（较大的尺度）。τ 过小又会让大多数样本的梯度消失。',
    },
    frameworkNotes: {
      en: 'Matches pytorch_metric_learning.losses.NormalizedSoftmaxLoss(num_classes, embedding_size, temperature=0.05) with its weight matrix passed as the weight input; equal to cosface-loss with m = 0 and s = 1/τ.',
      zh: '与 pytorch_metric_learning.losses.NormalizedSoftmaxLoss(num_classes, embedding_size, temperature=0.05) 一致，其权重矩阵作为 weight 输入传入；等价于 m = 0、s = 1/τ 的 cosface-loss。',
    },
    paper: {
      authors: 'Feng Wang, Xiang Xiang, Jian Cheng, Alan L. Yuille',
      year: 2017,
      title: 'NormFace: L2 Hypersphere Embedding for Face Verification',
      url: 'https://arxiv.org/abs/1704.06369',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/normalized_softmax_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/normalized_softmax_loss.py' },
      { label: 'paper (Wang et al. 2017, NormFace)', version: '2017', url: 'https://arxiv.org/abs/1704.06369' },
      { label: 'paper (Zhai & Wu 2019)', version: '2019', url: 'https://arxiv.org/abs/1811.12649' },
    ],
    related: ['cosface-loss', 'arcface-loss', 'proxy-nca-loss', 'cross-entropy'],
    snippets: {
      scratch: 'def normalized_softmax_loss(x, weight, label, temperature=${1:0.05}):\n    logits = F.linear(F.normalize(x), F.normalize(weight)) / temperature\n    return F.cross_entropy(logits, label)',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.NormalizedSoftmaxLoss(num_classes=${1:10}, embedding_size=${2:128}, temperature=${3:0.05})\nloss = loss_fn(${4:embeddings}, ${5:labels})',
      tf: 'def normalized_softmax_loss(x, w, label, temperature=${1:0.05}):\n    logits = tf.matmul(tf.math.l2_normalize(x, 1), tf.math.l2_normalize(w, 1), transpose_b=True) / temperature\n    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(label, logits))',
    },
  },
  {
    id: 'sphereface-loss',
    names: { en: 'SphereFace (A-Softmax)', zh: 'SphereFace（A-Softmax 角度 softmax）' },
    aliases: ['SphereFace', 'A-Softmax', 'angular softmax', 'SphereFaceLoss', '角度 softmax'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.SphereFaceLoss', kind: 'class' }],
    formula: 'L = -\\frac{1}{N}\\sum_{i} \\log \\frac{e^{\\lVert x_i \\rVert \\psi(\\theta_{y_i})}}{e^{\\lVert x_i \\rVert \\psi(\\theta_{y_i})} + \\sum_{j \\ne y_i} e^{\\lVert x_i \\rVert \\cos\\theta_j}},\\quad \\psi(\\theta) = (-1)^k \\cos(m\\theta) - 2k,\\ \\theta \\in \\big[\\tfrac{k\\pi}{m}, \\tfrac{(k+1)\\pi}{m}\\big]',
    formulaText: 'L = −(1/N) Σ log( e^{‖x‖ψ(θ_y)} / (e^{‖x‖ψ(θ_y)} + Σ_{j≠y} e^{‖x‖ cos θⱼ}) ),  ψ(θ) = (−1)ᵏ cos(mθ) − 2k',
    inputs: [
      emb('input', 'Embeddings (not normalized: their norm scales the logits).', '嵌入（不归一化：其范数会缩放 logits）。'),
      emb('weight', 'Class weights, normalized to unit length.', '类别权重，归一化为单位长度。', '(C, D)'),
      { ...ids('label', 'Identity of each embedding.', '每个嵌入的身份类别。'), domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' } },
    ],
    params: [
      { name: 'm', type: 'integer', default: 4, range: [1, 5], meaning: { en: 'Multiplicative angular margin: the target angle is multiplied by m (1–5, as the reference code supports).', zh: '乘性角度间隔：目标角度乘以 m（参考代码支持 1–5）。' } },
      num('lamb', 5.0, [0, 1500], 'Annealing weight λ: the target logit is (λ cos θ + ψ(θ)) / (1 + λ). The reference starts at 1500 and decays to 5; the playground holds it fixed.', '退火权重 λ：目标 logit 为 (λ cos θ + ψ(θ)) / (1 + λ)。参考代码从 1500 开始衰减到 5；Playground 中取固定值。'),
    ],
    summary: {
      en: 'The first of the angular-margin softmax losses: the target angle is multiplied by an integer m, with a piecewise function ψ keeping the logit monotonic in θ.',
      zh: '角度间隔 softmax 系列中的第一个：目标角度乘以整数 m，并用分段函数 ψ 保持 logit 随 θ 单调。',
    },
    whenToUse: {
      en: 'Mostly of historical interest for face recognition; CosFace and ArcFace are easier to train and usually better.',
      zh: '主要具有人脸识别的历史意义；CosFace 和 ArcFace 更易训练，效果通常更好。',
    },
    pitfalls: {
      en: 'Does not converge without annealing: the original code mixes in the plain softmax logit with a weight λ that decays during training (lamb here). Large m makes the target hard to reach. The logits scale with the feature norm, so easy samples with large norms dominate.',
      zh: '不加退火无法收敛：原始代码按训练中逐渐衰减的权重 λ（此处为 lamb）混入普通 softmax 的 logit。m 越大目标越难达到。logits 随特征范数缩放，范数大的简单样本会占主导。',
    },
    frameworkNotes: {
      en: "The playground follows the authors' sphereface_pytorch AngleLinear + AngleLoss (gamma=0) at a fixed λ, with the class weights given as a (C, D) matrix (AngleLinear stores them transposed); the gradient is w.r.t. the features. pytorch_metric_learning.losses.SphereFaceLoss(num_classes, embedding_size, margin=4, scale=1) implements it without the annealing schedule.",
      zh: 'Playground 遵循作者 sphereface_pytorch 中的 AngleLinear + AngleLoss（gamma=0），λ 取固定值，类别权重以 (C, D) 矩阵给出（AngleLinear 中为转置存放）；对特征求梯度。pytorch_metric_learning.losses.SphereFaceLoss(num_classes, embedding_size, margin=4, scale=1) 有实现，但不含退火策略。',
    },
    paper: {
      authors: 'Weiyang Liu, Yandong Wen, Zhiding Yu, Ming Li, Bhiksha Raj, Le Song',
      year: 2017,
      title: 'SphereFace: Deep Hypersphere Embedding for Face Recognition',
      url: 'https://arxiv.org/abs/1704.08063',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/sphereface_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/sphereface_loss.py' },
      { label: 'pytorch-metric-learning losses/large_margin_softmax_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/large_margin_softmax_loss.py' },
      { label: 'sphereface_pytorch net_sphere.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/clcarwin/sphereface_pytorch/blob/master/net_sphere.py' },
      { label: 'paper (Liu et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1704.08063' },
    ],
    related: ['arcface-loss', 'cosface-loss', 'cross-entropy'],
    snippets: {
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.SphereFaceLoss(num_classes=${1:10}, embedding_size=${2:128}, margin=${3:4})\nloss = loss_fn(${4:embeddings}, ${5:labels})',
      scratch:
        "def sphereface_loss(x, weight, label, m=${1:4}, lamb=${2:5.0}):\n    # A-Softmax: the target logit ||x|| psi(theta) blended with ||x|| cos(theta) by lamb (annealed from ~1000 down to lamb_min in training)\n    norm = x.norm(dim=1, keepdim=True)\n    cos = F.linear(F.normalize(x), F.normalize(weight)).clamp(-1, 1)\n    cos_y = cos.gather(1, label[:, None])\n    theta = torch.acos(cos_y)\n    k = torch.floor(m * theta / 3.14159265)\n    psi = (-1) ** k * torch.cos(m * theta) - 2 * k\n    f_y = (lamb * cos_y + psi) / (1 + lamb)\n    logits = norm * cos.scatter(1, label[:, None], f_y)\n    return F.cross_entropy(logits, label)",
      tf: 'def sphereface_logits(x, w, label, m=${1:4}):\n    norm = tf.norm(x, axis=1, keepdims=True)\n    cos = tf.clip_by_value(tf.matmul(tf.math.l2_normalize(x, 1), tf.math.l2_normalize(w, 1), transpose_b=True), -1.0, 1.0)\n    theta = tf.acos(cos)\n    k = tf.floor(m * theta / 3.141592653589793)\n    psi = tf.pow(-1.0, k) * tf.cos(m * theta) - 2 * k\n    onehot = tf.one_hot(label, tf.shape(w)[0]) > 0\n    return norm * tf.where(onehot, psi, cos)',
    },
  },
  {
    id: 'circle-loss',
    names: { en: 'Circle Loss', zh: 'Circle 损失（圆形损失）' },
    aliases: ['circle loss', 'CircleLoss', '圆损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'other', symbol: 'pytorch_metric_learning.losses.CircleLoss', kind: 'class' },
      { framework: 'keras', symbol: 'keras.losses.Circle', kind: 'class' },
      { framework: 'keras', symbol: 'keras.losses.circle', kind: 'function' },
    ],
    formula:
      'L = \\log\\Big[1 + \\sum_{j} e^{\\gamma \\alpha_n^j (s_n^j - m)} \\sum_{i} e^{-\\gamma \\alpha_p^i (s_p^i - 1 + m)}\\Big],\\quad \\alpha_p^i = [1 + m - s_p^i]_+,\\ \\alpha_n^j = [s_n^j + m]_+',
    formulaText: 'L = log[1 + Σⱼ e^{γ αₙʲ (sₙʲ − m)} Σᵢ e^{−γ αₚⁱ (sₚⁱ − 1 + m)}],  αₚ = [1 + m − sₚ]₊, αₙ = [sₙ + m]₊',
    inputs: [emb('feat', 'A batch of features; they are L2-normalized inside to get cosine similarities.', '一批特征；内部做 L2 归一化以得到余弦相似度。'), { ...BATCH_LABELS, name: 'label' }],
    params: [
      num('m', 0.25, [0, 0.5], 'Relaxation margin: sets the optima (1 + m, −m) and decision thresholds (1 − m, m).', '松弛间隔：决定最优点 (1 + m, −m) 和判决阈值 (1 − m, m)。'),
      num('gamma', 256, [1, 512], 'Scale factor γ.', '尺度因子 γ。'),
    ],
    summary: {
      en: 'Re-weights each similarity by how far it is from its optimum, so pairs that are already good get small gradients; unifies the pair-based and class-based views of metric learning.',
      zh: '按每个相似度距其最优点的远近重新加权，已经足够好的样本对只得到很小的梯度；把基于样本对和基于类别的度量学习统一起来。',
    },
    whenToUse: {
      en: 'Face recognition, person re-ID and fine-grained retrieval, as a replacement for triplet or AM-Softmax losses.',
      zh: '人脸识别、行人重识别和细粒度检索中，作为三元组损失或 AM-Softmax 的替代。',
    },
    pitfalls: {
      en: 'The weights α are treated as constants (no gradient through them). γ = 256 needs a stable log-sum-exp. Needs at least one positive and one negative pair in the batch.',
      zh: '权重 α 视为常数（不对其求梯度）。γ = 256 时需要数值稳定的 log-sum-exp。批内至少要有一个正样本对和一个负样本对。',
    },
    frameworkNotes: {
      en: "The playground follows the widely used reference: all pairs i < j of the batch go into one loss (m = 0.25, γ = 256). pytorch_metric_learning.losses.CircleLoss(m=0.4, gamma=80) and keras.losses.Circle(gamma=80, margin=0.4) compute a loss per anchor and average, so values differ.",
      zh: 'Playground 遵循广泛使用的参考实现：批内所有 i < j 的样本对合成一个损失（m = 0.25，γ = 256）。pytorch_metric_learning.losses.CircleLoss(m=0.4, gamma=80) 与 keras.losses.Circle(gamma=80, margin=0.4) 按锚点分别计算再平均，数值不同。',
    },
    paper: {
      authors: 'Yifan Sun, Changmao Cheng, Yuhan Zhang, Chi Zhang, Liang Zheng, Zhongdao Wang, Yichen Wei',
      year: 2020,
      title: 'Circle Loss: A Unified Perspective of Pair Similarity Optimization',
      url: 'https://arxiv.org/abs/2002.10857',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/circle_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/circle_loss.py' },
      { label: 'Keras keras/src/losses/losses.py', version: 'default branch, read 2026-12', url: 'https://github.com/keras-team/keras/blob/master/keras/src/losses/losses.py' },
      { label: 'paper (Sun et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/2002.10857' },
    ],
    related: ['multi-similarity-loss', 'cosface-loss', 'triplet-margin-loss'],
    snippets: {
      scratch:
        'def circle_loss(feat, label, m=${1:0.25}, gamma=${2:256.0}):\n    f = F.normalize(feat)\n    sim = f @ f.T\n    same = label[:, None] == label[None, :]\n    upper = torch.ones_like(sim, dtype=torch.bool).triu(1)\n    sp, sn = sim[same & upper], sim[~same & upper]\n    ap = (1 + m - sp.detach()).clamp(min=0)\n    an = (sn.detach() + m).clamp(min=0)\n    logit_p = -ap * (sp - (1 - m)) * gamma\n    logit_n = an * (sn - m) * gamma\n    return F.softplus(torch.logsumexp(logit_n, 0) + torch.logsumexp(logit_p, 0))',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.CircleLoss(m=${1:0.4}, gamma=${2:80})\nloss = loss_fn(${3:embeddings}, ${4:labels})',
      tf: 'loss_fn = keras.losses.Circle(gamma=${1:80}, margin=${2:0.4})\nloss = loss_fn(${3:labels}, ${4:embeddings})',
    },
  },
  {
    id: 'center-loss',
    names: { en: 'Center Loss', zh: '中心损失（Center Loss）' },
    aliases: ['center loss', 'centre loss', '中心损失'],
    category: 'metric-learning',
    apis: [],
    formula: 'L_C = \\frac{1}{2}\\sum_{i=1}^{N} \\lVert x_i - c_{y_i} \\rVert_2^2 \\quad(\\text{averaged over the batch here})',
    formulaText: 'L_C = ½ Σᵢ ‖xᵢ − c_{yᵢ}‖²  (per sample, averaged with reduction=\'mean\')',
    inputs: [
      emb('features', 'Deep features of the batch (the layer before the classifier).', '批内的深度特征（分类器之前的那一层）。'),
      { ...ids('labels', 'Class of each feature.', '每个特征的类别。'), domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' } },
      emb('centers', 'One learned center per class, updated during training.', '每个类别一个可学习的中心，在训练中更新。', '(C, D)'),
    ],
    params: [REDUCTION],
    summary: {
      en: 'Penalizes the squared distance of each feature to the center of its class, shrinking intra-class variation; used together with softmax cross-entropy, which keeps classes apart.',
      zh: '惩罚每个特征到其类中心的平方距离，以压缩类内差异；与负责拉开类别的 softmax 交叉熵一起使用。',
    },
    whenToUse: {
      en: 'Face recognition and other classification-trained embeddings where the softmax alone leaves features spread out (for this reason softmax is often combined with a contrastive or center loss).',
      zh: '人脸识别等以分类方式训练嵌入、仅用 softmax 时特征过于分散的任务（为此常把 softmax 与对比损失或中心损失结合）。',
    },
    pitfalls: {
      en: 'Alone it collapses everything to one point: always pair it with a classification loss and a weight λ (the paper uses 0.003–0.1). Centers are updated with their own learning rate α, not by the main optimizer.',
      zh: '单独使用会让所有特征坍缩到一点：必须与分类损失搭配，并乘以权重 λ（论文用 0.003–0.1）。类中心用单独的学习率 α 更新，而不是交给主优化器。',
    },
    frameworkNotes: {
      en: "No framework built-in. The paper sums ½‖x − c‖² over the batch (reduction='sum'); the popular KaiyangZhou/pytorch-center-loss module averages ‖x − c‖² without the ½. The playground's default averages ½‖x − c‖².",
      zh: "框架中没有内置实现。论文对批内 ½‖x − c‖² 求和（reduction='sum'）；流行的 KaiyangZhou/pytorch-center-loss 模块对 ‖x − c‖² 求平均且不含 ½。Playground 默认对 ½‖x − c‖² 求平均。",
    },
    paper: {
      authors: 'Yandong Wen, Kaipeng Zhang, Zhifeng Li, Yu Qiao',
      year: 2016,
      title: 'A Discriminative Feature Learning Approach for Deep Face Recognition',
      url: 'https://doi.org/10.1007/978-3-319-46478-7_31',
    },
    sources: [
      { label: 'pytorch-center-loss center_loss.py', version: 'default branch, read 2026-12', url: 'https://github.com/KaiyangZhou/pytorch-center-loss/blob/master/center_loss.py' },
      { label: 'paper (Wen et al. 2016)', version: '2016', url: 'https://doi.org/10.1007/978-3-319-46478-7_31' },
    ],
    related: ['cross-entropy', 'arcface-loss', 'contrastive-loss'],
    snippets: {
      scratch:
        'class CenterLoss(nn.Module):\n    def __init__(self, num_classes, feat_dim):\n        super().__init__()\n        self.centers = nn.Parameter(torch.randn(num_classes, feat_dim))\n\n    def forward(self, features, labels):\n        return 0.5 * (features - self.centers[labels]).pow(2).sum(1).mean()',
      tf: 'def center_loss(features, labels, centers):\n    return 0.5 * tf.reduce_mean(tf.reduce_sum(tf.square(features - tf.gather(centers, labels)), 1))',
    },
  },
  {
    id: 'proxy-nca-loss',
    names: { en: 'Proxy-NCA Loss', zh: 'Proxy-NCA 损失（代理近邻成分分析）' },
    aliases: ['ProxyNCA', 'proxy NCA', 'ProxyNCALoss', 'no fuss metric learning', '代理 NCA 损失'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.ProxyNCALoss', kind: 'class' }],
    formula: 'L = \\frac{1}{N}\\sum_i -\\log \\frac{\\exp(-d(\\hat x_i, \\hat p_{y_i}))}{\\sum_{z \\ne y_i} \\exp(-d(\\hat x_i, \\hat p_z))},\\quad d(u,v) = \\lVert u - v \\rVert_2^2',
    formulaText: 'L = (1/N) Σ −log( exp(−d(x̂, p̂_y)) / Σ_{z≠y} exp(−d(x̂, p̂_z)) ),  d = squared distance of normalized vectors',
    inputs: [
      emb('embeddings', 'Embeddings of the batch (normalized inside).', '批内嵌入（内部做归一化）。'),
      { ...ids('labels', 'Class of each embedding.', '每个嵌入的类别。'), domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' } },
      emb('proxies', 'One learnable proxy per class (normalized inside).', '每类一个可学习的代理向量（内部做归一化）。', '(C, D)'),
    ],
    params: [REDUCTION],
    summary: {
      en: 'Replaces the samples of NCA with one learned proxy per class: each embedding must be closer to its own proxy than to the others, which removes the need for triplet sampling.',
      zh: '用每类一个可学习的代理（proxy）替代 NCA 中的样本：每个嵌入都要比其他代理更靠近自己类别的代理，从而不再需要三元组采样。',
    },
    whenToUse: {
      en: 'Retrieval and metric learning with many classes when triplet mining is slow to converge.',
      zh: '类别很多、三元组挖掘收敛缓慢的检索与度量学习任务。',
    },
    pitfalls: {
      en: 'Because the positive proxy is left out of the denominator, the loss can be negative. Proxies usually need a much larger learning rate than the network. Scaling (temperature) of the distances, as in Proxy-NCA++, matters a lot in practice.',
      zh: '由于分母中去掉了正类代理，损失可能为负。代理通常需要比网络大得多的学习率。实践中对距离做缩放（温度，如 Proxy-NCA++）影响很大。',
    },
    frameworkNotes: {
      en: 'The playground follows the paper (positive excluded from the denominator). pytorch_metric_learning.losses.ProxyNCALoss(num_classes, embedding_size, softmax_scale=1) uses a softmax over all proxies, so its loss is always non-negative.',
      zh: 'Playground 遵循论文（分母不含正类）。pytorch_metric_learning.losses.ProxyNCALoss(num_classes, embedding_size, softmax_scale=1) 对所有代理做 softmax，因此损失总是非负。',
    },
    paper: {
      authors: 'Yair Movshovitz-Attias, Alexander Toshev, Thomas K. Leung, Sergey Ioffe, Saurabh Singh',
      year: 2017,
      title: 'No Fuss Distance Metric Learning using Proxies',
      url: 'https://arxiv.org/abs/1703.07464',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/proxy_losses.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/proxy_losses.py' },
      { label: 'pytorch-metric-learning losses/nca_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/nca_loss.py' },
      { label: 'paper (Movshovitz-Attias et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1703.07464' },
    ],
    related: ['n-pair-loss', 'triplet-margin-loss', 'cross-entropy'],
    snippets: {
      scratch:
        'def proxy_nca_loss(embeddings, labels, proxies):\n    d = torch.cdist(F.normalize(embeddings), F.normalize(proxies)).pow(2)\n    pos = d.gather(1, labels[:, None]).squeeze(1)\n    neg = (-d).masked_fill(F.one_hot(labels, proxies.size(0)).bool(), float(\'-inf\'))\n    return (pos + torch.logsumexp(neg, 1)).mean()',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.ProxyNCALoss(num_classes=${1:10}, embedding_size=${2:128})\nloss = loss_fn(${3:embeddings}, ${4:labels})',
      tf: 'def proxy_nca_loss(embeddings, labels, proxies):\n    x = tf.math.l2_normalize(embeddings, 1)\n    p = tf.math.l2_normalize(proxies, 1)\n    d = tf.reduce_sum(tf.square(x[:, None, :] - p[None, :, :]), -1)\n    onehot = tf.one_hot(labels, tf.shape(p)[0])\n    pos = tf.reduce_sum(d * onehot, 1)\n    return tf.reduce_mean(pos + tf.reduce_logsumexp(-d - 1e9 * onehot, 1))',
    },
  },
  {
    id: 'proxy-anchor-loss',
    names: { en: 'Proxy-Anchor Loss', zh: 'Proxy-Anchor 损失（代理锚点损失）' },
    aliases: ['Proxy Anchor', 'ProxyAnchorLoss', '代理锚点损失'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.ProxyAnchorLoss', kind: 'class' }],
    formula:
      'L = \\frac{1}{|P^{+}|}\\sum_{p \\in P^{+}} \\log\\Big(1 + \\sum_{x \\in X_p^{+}} e^{-\\alpha(s(x,p) - \\delta)}\\Big) + \\frac{1}{|P|}\\sum_{p \\in P} \\log\\Big(1 + \\sum_{x \\in X_p^{-}} e^{\\alpha(s(x,p) + \\delta)}\\Big)',
    formulaText: 'L = (1/|P⁺|) Σ_{p∈P⁺} log(1 + Σ_{x∈Xₚ⁺} e^{−α(s(x,p) − δ)}) + (1/|P|) Σ_{p∈P} log(1 + Σ_{x∈Xₚ⁻} e^{α(s(x,p) + δ)})',
    inputs: [
      emb('embeddings', 'Embeddings of the batch (normalized inside).', '批内嵌入（内部做归一化）。'),
      { ...ids('labels', 'Class of each embedding.', '每个嵌入的类别。'), domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' } },
      emb('proxies', 'One learnable proxy per class (normalized inside).', '每类一个可学习的代理向量（内部做归一化）。', '(C, D)'),
    ],
    params: [
      num('mrg', 0.1, [0, 0.5], 'Margin δ on the cosine similarity.', '余弦相似度上的间隔 δ。'),
      num('alpha', 32, [1, 64], 'Scale α of the similarities.', '相似度的尺度 α。'),
    ],
    summary: {
      en: 'Uses each class proxy as an anchor and relates it to every embedding of the batch through a log-sum-exp, so hard positives and negatives get larger gradients while training converges as fast as proxy-based losses.',
      zh: '把每个类别的代理作为锚点，通过 log-sum-exp 与批内所有嵌入建立联系：困难的正、负样本获得更大的梯度，同时保持代理类损失的快速收敛。',
    },
    whenToUse: {
      en: 'Image retrieval benchmarks (CUB, Cars, SOP, In-Shop) and other deep metric learning where proxy-based training is preferred for speed.',
      zh: '图像检索基准（CUB、Cars、SOP、In-Shop）以及其他看重训练速度、采用代理方式的深度度量学习。',
    },
    pitfalls: {
      en: 'Proxies need a much higher learning rate than the backbone (the authors use ×100). The positive term averages only over proxies that have a positive in the batch, the negative term over all proxies, so the balance depends on the batch composition.',
      zh: '代理需要比骨干网络大得多的学习率（作者用 100 倍）。正项只在批中有正样本的代理上平均，负项在所有代理上平均，因此两者的平衡取决于批的组成。',
    },
    frameworkNotes: {
      en: "Follows the authors' Proxy_Anchor(nb_classes, sz_embed, mrg=0.1, alpha=32) with the proxies passed in as an input; the gradient is w.r.t. the embeddings. pytorch_metric_learning.losses.ProxyAnchorLoss(num_classes, embedding_size, margin=0.1, alpha=32) owns its proxies.",
      zh: '遵循作者的 Proxy_Anchor(nb_classes, sz_embed, mrg=0.1, alpha=32)，代理作为输入传入；对嵌入求梯度。pytorch_metric_learning.losses.ProxyAnchorLoss(num_classes, embedding_size, margin=0.1, alpha=32) 自带代理参数。',
    },
    paper: {
      authors: 'Sungyeon Kim, Dongwon Kim, Minsu Cho, Suha Kwak',
      year: 2020,
      title: 'Proxy Anchor Loss for Deep Metric Learning',
      url: 'https://arxiv.org/abs/2003.13911',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/proxy_anchor_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/proxy_anchor_loss.py' },
      { label: 'Proxy-Anchor-CVPR2020 code/losses.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/tjddus9597/Proxy-Anchor-CVPR2020/blob/master/code/losses.py' },
      { label: 'paper (Kim et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/2003.13911' },
    ],
    related: ['proxy-nca-loss', 'multi-similarity-loss', 'circle-loss'],
    snippets: {
      scratch:
        'def proxy_anchor_loss(embeddings, labels, proxies, mrg=${1:0.1}, alpha=${2:32.0}):\n    cos = F.linear(F.normalize(embeddings), F.normalize(proxies))\n    pos = F.one_hot(labels, proxies.size(0)).bool()\n    pos_lse = torch.logsumexp((-alpha * (cos - mrg)).masked_fill(~pos, float(\'-inf\')), 0)\n    neg_lse = torch.logsumexp((alpha * (cos + mrg)).masked_fill(pos, float(\'-inf\')), 0)\n    has_pos = pos.any(0)\n    pos_term = F.softplus(pos_lse[has_pos]).sum() / has_pos.sum()\n    neg_term = F.softplus(neg_lse).sum() / proxies.size(0)\n    return pos_term + neg_term',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.ProxyAnchorLoss(num_classes=${1:10}, embedding_size=${2:128}, margin=${3:0.1}, alpha=${4:32})\nloss = loss_fn(${5:embeddings}, ${6:labels})',
      tf: 'def proxy_anchor_loss(embeddings, labels, proxies, mrg=${1:0.1}, alpha=${2:32.0}):\n    cos = tf.matmul(tf.math.l2_normalize(embeddings, 1), tf.math.l2_normalize(proxies, 1), transpose_b=True)\n    pos = tf.one_hot(labels, tf.shape(proxies)[0])\n    pos_sum = tf.reduce_sum(pos * tf.exp(-alpha * (cos - mrg)), 0)\n    neg_sum = tf.reduce_sum((1 - pos) * tf.exp(alpha * (cos + mrg)), 0)\n    n_valid = tf.reduce_sum(tf.cast(tf.reduce_sum(pos, 0) > 0, cos.dtype))\n    return tf.reduce_sum(tf.math.log1p(pos_sum)) / n_valid + tf.reduce_mean(tf.math.log1p(neg_sum))',
    },
  },
  {
    id: 'multi-similarity-loss',
    names: { en: 'Multi-Similarity Loss', zh: '多重相似度损失（Multi-Similarity Loss）' },
    aliases: ['MS loss', 'multi similarity', 'MultiSimilarityLoss', '多相似度损失'],
    category: 'metric-learning',
    apis: [{ framework: 'other', symbol: 'pytorch_metric_learning.losses.MultiSimilarityLoss', kind: 'class' }],
    formula:
      'L = \\frac{1}{N}\\sum_{i=1}^{N} \\Big\\{ \\frac{1}{\\alpha}\\log\\Big[1 + \\sum_{k \\in \\mathcal{P}_i} e^{-\\alpha(S_{ik} - \\lambda)}\\Big] + \\frac{1}{\\beta}\\log\\Big[1 + \\sum_{k \\in \\mathcal{N}_i} e^{\\beta(S_{ik} - \\lambda)}\\Big] \\Big\\}',
    formulaText: 'L = (1/N) Σᵢ { (1/α) log[1 + Σ_{k∈Pᵢ} e^{−α(Sᵢₖ − λ)}] + (1/β) log[1 + Σ_{k∈Nᵢ} e^{β(Sᵢₖ − λ)}] }',
    inputs: [emb('feats', 'L2-normalized features of the batch; S = feats · featsᵀ.', '批内已 L2 归一化的特征；S = feats · featsᵀ。'), BATCH_LABELS],
    params: [
      num('scale_pos', 2.0, [0.1, 10], 'α: sharpness of the positive term.', 'α：正样本项的锐度。'),
      num('scale_neg', 40.0, [1, 100], 'β: sharpness of the negative term (the paper uses 50).', 'β：负样本项的锐度（论文用 50）。'),
      num('thresh', 0.5, [0, 1], 'λ: the similarity around which pairs are weighted (the paper uses 1).', 'λ：加权时的相似度基准（论文用 1）。'),
      num('margin', 0.1, [0, 0.5], 'ε of the mining step: keep negatives with S + ε > the hardest positive and positives with S − ε < the hardest negative.', '挖掘步骤的 ε：保留 S + ε 大于最难正样本的负样本，以及 S − ε 小于最难负样本的正样本。'),
    ],
    summary: {
      en: 'Mines informative pairs by comparing each pair with the hardest pair of the other kind, then weights them by self-similarity and relative similarity through two soft-plus terms.',
      zh: '先把每个样本对与另一类最难的样本对比较，挖掘出有信息量的样本对，再用两个 soft-plus 项按自身相似度和相对相似度加权。',
    },
    whenToUse: {
      en: 'Image retrieval benchmarks (CUB, Cars, SOP, In-Shop) and other deep metric learning with class-balanced batches.',
      zh: '图像检索基准（CUB、Cars、SOP、In-Shop）以及其他使用类别均衡 batch的深度度量学习。',
    },
    pitfalls: {
      en: 'Features must be normalized. Anchors without mined pairs contribute 0 but still count in the average over the batch. Several defaults differ between the paper, the authors\' config and pytorch_metric_learning.',
      zh: '特征必须已归一化。没有挖掘到样本对的锚点贡献 0，但仍计入批平均。论文、作者配置和 pytorch_metric_learning 的若干默认值互不相同。',
    },
    frameworkNotes: {
      en: "Follows the authors' MultiSimilarityLoss (scale_pos=2.0, scale_neg=40.0, thresh=0.5, margin=0.1) with self-pairs excluded by index. pytorch_metric_learning.losses.MultiSimilarityLoss(alpha=2, beta=50, base=0.5) does no mining unless a MultiSimilarityMiner is passed.",
      zh: '遵循作者的 MultiSimilarityLoss（scale_pos=2.0、scale_neg=40.0、thresh=0.5、margin=0.1），按索引排除自身配对。pytorch_metric_learning.losses.MultiSimilarityLoss(alpha=2, beta=50, base=0.5) 除非传入 MultiSimilarityMiner，否则不做挖掘。',
    },
    paper: {
      authors: 'Xun Wang, Xintong Han, Weilin Huang, Dengke Dong, Matthew R. Scott',
      year: 2019,
      title: 'Multi-Similarity Loss with General Pair Weighting for Deep Metric Learning',
      url: 'https://arxiv.org/abs/1904.06627',
    },
    sources: [
      { label: 'pytorch-metric-learning losses/multi_similarity_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/multi_similarity_loss.py' },
      { label: 'research-ms-loss ret_benchmark/losses/multi_similarity_loss.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/msight-tech/research-ms-loss/blob/master/ret_benchmark/losses/multi_similarity_loss.py' },
      { label: 'paper (Wang et al. 2019)', version: '2019', url: 'https://arxiv.org/abs/1904.06627' },
    ],
    related: ['circle-loss', 'lifted-structure-loss', 'batch-hard-triplet-loss'],
    snippets: {
      scratch:
        "def multi_similarity_loss(feats, labels, scale_pos=${1:2.0}, scale_neg=${2:40.0}, thresh=${3:0.5}, margin=${4:0.1}):\n    sim = feats @ feats.T\n    n = len(labels)\n    losses = []\n    for i in range(n):\n        same = labels == labels[i]\n        same[i] = False\n        pos, neg = sim[i][same], sim[i][labels != labels[i]]\n        if len(pos) == 0 or len(neg) == 0:\n            continue\n        neg_k = neg[neg + margin > pos.min()]\n        pos_k = pos[pos - margin < neg.max()]\n        if len(neg_k) == 0 or len(pos_k) == 0:\n            continue\n        losses.append(torch.log1p(torch.exp(-scale_pos * (pos_k - thresh)).sum()) / scale_pos + torch.log1p(torch.exp(scale_neg * (neg_k - thresh)).sum()) / scale_neg)\n    return sum(losses) / n",
      torch: 'from pytorch_metric_learning import losses, miners\nminer = miners.MultiSimilarityMiner(epsilon=${1:0.1})\nloss_fn = losses.MultiSimilarityLoss(alpha=${2:2}, beta=${3:50}, base=${4:0.5})\nloss = loss_fn(${5:embeddings}, ${6:labels}, miner(${5:embeddings}, ${6:labels}))',
      tf: 'def ms_terms(sim_pos, sim_neg, a=${1:2.0}, b=${2:40.0}, lam=${3:0.5}):\n    pos = tf.math.log1p(tf.reduce_sum(tf.exp(-a * (sim_pos - lam)))) / a\n    neg = tf.math.log1p(tf.reduce_sum(tf.exp(b * (sim_neg - lam)))) / b\n    return pos + neg',
    },
  },
  {
    id: 'barlow-twins-loss',
    names: { en: 'Barlow Twins Loss', zh: 'Barlow Twins 损失（冗余消减）' },
    aliases: ['Barlow Twins', 'redundancy reduction loss', 'BarlowTwinsLoss', '冗余消减损失'],
    category: 'contrastive',
    apis: [{ framework: 'other', symbol: 'lightly.loss.BarlowTwinsLoss', kind: 'class' }],
    formula: 'L = \\sum_{i} (1 - \\mathcal{C}_{ii})^2 + \\lambda \\sum_{i} \\sum_{j \\ne i} \\mathcal{C}_{ij}^2,\\quad \\mathcal{C} = \\frac{1}{N}\\, \\mathrm{BN}(z_1)^{\\top} \\mathrm{BN}(z_2)',
    formulaText: 'L = Σᵢ (1 − Cᵢᵢ)² + λ Σᵢ Σ_{j≠i} Cᵢⱼ²,  C = BN(z₁)ᵀ BN(z₂) / N',
    inputs: [
      emb('z1', 'Projector outputs for the first view.', '第一个视图的投影器输出。'),
      emb('z2', 'Projector outputs for the second view.', '第二个视图的投影器输出。'),
    ],
    params: [num('lambd', 0.0051, [0, 0.1], 'Weight λ of the off-diagonal (redundancy) term.', '非对角（冗余）项的权重 λ。')],
    summary: {
      en: 'Makes the cross-correlation matrix between the batch-normalized embeddings of two views close to the identity: diagonal → 1 (invariance), off-diagonal → 0 (decorrelated features). No negatives needed.',
      zh: '使两个视图经批归一化后的嵌入之间的互相关矩阵接近单位阵：对角元趋于 1（不变性），非对角元趋于 0（特征去相关）。不需要负样本。',
    },
    whenToUse: {
      en: 'Self-supervised pretraining with moderate batch sizes, where contrastive losses would need many negatives.',
      zh: '批大小适中的自监督预训练，在对比损失需要大量负样本而难以满足时。',
    },
    pitfalls: {
      en: 'Works best with very wide projectors (8192 dims), and the off-diagonal sum grows with the square of the width, so λ must shrink accordingly. BatchNorm uses batch statistics: the batch must have at least two rows.',
      zh: '在极宽的投影器（8192 维）下效果最好；非对角项之和随宽度平方增长，λ 需相应减小。批归一化使用批统计量，批内至少要有两行。',
    },
    frameworkNotes: {
      en: 'Follows the official BarlowTwins.forward: BatchNorm1d(affine=False) in training mode (biased variance, eps = 1e-5), c / batch_size, on-diagonal + λ · off-diagonal. lightly.loss.BarlowTwinsLoss(lambda_param=5e-3) normalizes with its own statistics, so values differ slightly.',
      zh: '遵循官方 BarlowTwins.forward：训练模式下的 BatchNorm1d(affine=False)（有偏方差，eps = 1e-5），c 除以批大小，对角项 + λ · 非对角项。lightly.loss.BarlowTwinsLoss(lambda_param=5e-3) 用自己的统计量归一化，数值略有差异。',
    },
    paper: {
      authors: 'Jure Zbontar, Li Jing, Ishan Misra, Yann LeCun, Stéphane Deny',
      year: 2021,
      title: 'Barlow Twins: Self-Supervised Learning via Redundancy Reduction',
      url: 'https://arxiv.org/abs/2103.03230',
    },
    sources: [
      { label: 'barlowtwins main.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/facebookresearch/barlowtwins/blob/main/main.py' },
      { label: 'lightly lightly/loss/barlow_twins_loss.py', version: 'default branch, read 2026-12', url: 'https://github.com/lightly-ai/lightly/blob/master/lightly/loss/barlow_twins_loss.py' },
      { label: 'paper (Zbontar et al. 2021)', version: '2021', url: 'https://arxiv.org/abs/2103.03230' },
    ],
    related: ['vicreg-loss', 'byol-loss', 'nt-xent-loss'],
    snippets: {
      scratch:
        'def barlow_twins_loss(z1, z2, lambd=${1:0.0051}):\n    n, d = z1.shape\n    bn = nn.BatchNorm1d(d, affine=False).to(z1.device)\n    c = bn(z1).T @ bn(z2) / n\n    on_diag = (torch.diagonal(c) - 1).pow(2).sum()\n    off_diag = c.pow(2).sum() - torch.diagonal(c).pow(2).sum()\n    return on_diag + lambd * off_diag',
      tf: 'def barlow_twins_loss(z1, z2, lambd=${1:0.0051}):\n    n = tf.cast(tf.shape(z1)[0], z1.dtype)\n    def bn(z):\n        mean, var = tf.nn.moments(z, axes=[0])\n        return (z - mean) / tf.sqrt(var + 1e-5)\n    c = tf.matmul(bn(z1), bn(z2), transpose_a=True) / n\n    diag = tf.linalg.diag_part(c)\n    return tf.reduce_sum(tf.square(diag - 1)) + lambd * (tf.reduce_sum(tf.square(c)) - tf.reduce_sum(tf.square(diag)))',
    },
  },
  {
    id: 'vicreg-loss',
    names: { en: 'VICReg Loss', zh: 'VICReg 损失（方差-不变性-协方差正则）' },
    aliases: ['VICReg', 'variance invariance covariance regularization', 'VICRegLoss', '方差不变性协方差正则化'],
    category: 'contrastive',
    apis: [
      { framework: 'other', symbol: 'pytorch_metric_learning.losses.VICRegLoss', kind: 'class' },
      { framework: 'other', symbol: 'lightly.loss.VICRegLoss', kind: 'class' },
    ],
    formula:
      'L = \\lambda\\,\\frac{1}{ND}\\lVert x - y \\rVert_F^2 + \\mu\\,\\frac{v(x) + v(y)}{2} + \\nu\\,\\big(c(x) + c(y)\\big),\\quad v(z) = \\frac{1}{D}\\sum_j \\big[1 - \\sqrt{\\mathrm{Var}(z_{:,j}) + 10^{-4}}\\big]_+,\\ c(z) = \\frac{1}{D}\\sum_{i \\ne j} \\mathrm{Cov}(z)_{ij}^2',
    formulaText: 'L = λ·MSE(x, y) + μ·(v(x) + v(y))/2 + ν·(c(x) + c(y)),  v = mean_j [1 − √(Var + 1e−4)]₊,  c = Σ_{i≠j} Cov²/D',
    inputs: [
      emb('x', 'Expander outputs for the first view.', '第一个视图的扩展器（expander）输出。'),
      emb('y', 'Expander outputs for the second view.', '第二个视图的扩展器输出。'),
    ],
    params: [
      num('sim_coeff', 25.0, [0, 50], 'λ, weight of the invariance (MSE) term.', 'λ，不变性（MSE）项的权重。'),
      num('std_coeff', 25.0, [0, 50], 'μ, weight of the variance hinge.', 'μ，方差合页项的权重。'),
      num('cov_coeff', 1.0, [0, 10], 'ν, weight of the covariance term.', 'ν，协方差项的权重。'),
    ],
    summary: {
      en: 'Three explicit terms instead of negatives: invariance (MSE between views), variance (keep every dimension\'s standard deviation above 1) and covariance (decorrelate dimensions), which together prevent collapse.',
      zh: '用三个显式项代替负样本：不变性（两个视图间的 MSE）、方差（每个维度的标准差保持在 1 以上）和协方差（维度间去相关），共同防止表示坍缩（collapse）。',
    },
    whenToUse: {
      en: 'Self-supervised and multimodal pretraining when you want a non-contrastive objective without momentum encoders or stop-gradient tricks.',
      zh: '希望使用非对比目标、又不想依赖动量编码器或 stop-gradient 技巧的自监督与多模态预训练。',
    },
    pitfalls: {
      en: 'Variance and covariance use batch statistics (unbiased, N − 1), so batches need at least two rows and tiny batches are noisy. The covariance term scales with the square of the dimension.',
      zh: '方差和协方差使用批统计量（无偏，N − 1），批内至少两行，极小的批噪声很大。协方差项随维度的平方增长。',
    },
    frameworkNotes: {
      en: 'Follows the official VICReg.forward on one process (sim_coeff=25, std_coeff=25, cov_coeff=1). pytorch_metric_learning.losses.VICRegLoss(invariance_lambda=25, variance_mu=25, covariance_v=1, eps=1e-4) uses the same terms with its own names.',
      zh: '遵循官方 VICReg.forward 的单进程形式（sim_coeff=25、std_coeff=25、cov_coeff=1）。pytorch_metric_learning.losses.VICRegLoss(invariance_lambda=25, variance_mu=25, covariance_v=1, eps=1e-4) 用不同参数名实现相同的三项。',
    },
    paper: {
      authors: 'Adrien Bardes, Jean Ponce, Yann LeCun',
      year: 2022,
      title: 'VICReg: Variance-Invariance-Covariance Regularization for Self-Supervised Learning',
      url: 'https://arxiv.org/abs/2105.04906',
    },
    sources: [
      { label: 'vicreg main_vicreg.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/facebookresearch/vicreg/blob/main/main_vicreg.py' },
      { label: 'pytorch-metric-learning losses/vicreg_loss.py', version: 'v2.8.1', url: 'https://github.com/KevinMusgrave/pytorch-metric-learning/blob/v2.8.1/src/pytorch_metric_learning/losses/vicreg_loss.py' },
      { label: 'paper (Bardes et al. 2022)', version: '2022', url: 'https://arxiv.org/abs/2105.04906' },
    ],
    related: ['barlow-twins-loss', 'byol-loss', 'simsiam-loss', 'mse-loss'],
    snippets: {
      scratch:
        'def vicreg_loss(x, y, sim_coeff=${1:25.0}, std_coeff=${2:25.0}, cov_coeff=${3:1.0}):\n    n, d = x.shape\n    repr_loss = F.mse_loss(x, y)\n    x = x - x.mean(0)\n    y = y - y.mean(0)\n    std_x = torch.sqrt(x.var(0) + 1e-4)\n    std_y = torch.sqrt(y.var(0) + 1e-4)\n    std_loss = F.relu(1 - std_x).mean() / 2 + F.relu(1 - std_y).mean() / 2\n    cov_x = x.T @ x / (n - 1)\n    cov_y = y.T @ y / (n - 1)\n    off = ~torch.eye(d, dtype=torch.bool, device=x.device)\n    cov_loss = cov_x[off].pow(2).sum() / d + cov_y[off].pow(2).sum() / d\n    return sim_coeff * repr_loss + std_coeff * std_loss + cov_coeff * cov_loss',
      torch: 'from pytorch_metric_learning import losses\nloss_fn = losses.VICRegLoss(invariance_lambda=${1:25}, variance_mu=${2:25}, covariance_v=${3:1})\nloss = loss_fn(${4:x}, ref_emb=${5:y})',
      tf: 'def vicreg_loss(x, y, sim_coeff=${1:25.0}, std_coeff=${2:25.0}, cov_coeff=${3:1.0}):\n    n = tf.cast(tf.shape(x)[0], x.dtype)\n    d = tf.cast(tf.shape(x)[1], x.dtype)\n    repr_loss = tf.reduce_mean(tf.square(x - y))\n    def terms(z):\n        z = z - tf.reduce_mean(z, 0)\n        std = tf.sqrt(tf.reduce_sum(tf.square(z), 0) / (n - 1) + 1e-4)\n        cov = tf.matmul(z, z, transpose_a=True) / (n - 1)\n        off = tf.reduce_sum(tf.square(cov)) - tf.reduce_sum(tf.square(tf.linalg.diag_part(cov)))\n        return tf.reduce_mean(tf.nn.relu(1 - std)) / 2, off / d\n    sx, cx = terms(x)\n    sy, cy = terms(y)\n    return sim_coeff * repr_loss + std_coeff * (sx + sy) + cov_coeff * (cx + cy)',
    },
  },
  {
    id: 'simsiam-loss',
    names: { en: 'SimSiam Negative Cosine Loss', zh: 'SimSiam 负余弦相似度损失' },
    aliases: ['SimSiam', 'negative cosine similarity', 'NegativeCosineSimilarity', 'stop-gradient cosine loss', '负余弦相似度'],
    category: 'contrastive',
    apis: [{ framework: 'other', symbol: 'lightly.loss.NegativeCosineSimilarity', kind: 'class' }],
    formula: '\\mathcal{D}(p, z) = -\\frac{1}{N}\\sum_i \\frac{p_i}{\\lVert p_i \\rVert_2} \\cdot \\frac{\\mathrm{sg}(z_i)}{\\lVert z_i \\rVert_2},\\quad L = \\tfrac{1}{2}\\mathcal{D}(p_1, z_2) + \\tfrac{1}{2}\\mathcal{D}(p_2, z_1)',
    formulaText: 'D(p, z) = −mean cos(p, stopgrad(z)),  L = ½ D(p₁, z₂) + ½ D(p₂, z₁)',
    inputs: [
      emb('p', 'Predictor outputs for one view.', '一个视图经预测器（predictor）的输出。'),
      emb('z', 'Encoder outputs of the other view; treated as a constant (stop-gradient).', '另一个视图的编码器输出；视为常数（stop-gradient）。'),
    ],
    params: [],
    summary: {
      en: 'Siamese self-supervised learning without negatives, momentum encoder or large batches: one branch predicts the other branch\'s embedding, and a stop-gradient on the target side prevents collapse.',
      zh: '不需要负样本、动量编码器或大 batch 的孪生自监督学习：一支预测另一支的嵌入，目标一侧的 stop-gradient 防止坍缩。',
    },
    whenToUse: {
      en: 'Self-supervised pretraining on a small compute budget; the simplest Siamese baseline.',
      zh: '计算预算较小时的自监督预训练；最简单的孪生网络基线。',
    },
    pitfalls: {
      en: 'Without the stop-gradient (z.detach()) or the predictor MLP the model collapses to a constant. The loss is bounded in [−1, 1]; its minimum −1 does not mean good features.',
      zh: '去掉 stop-gradient（z.detach()）或预测器 MLP，模型会坍缩为常数。损失取值在 [−1, 1]；达到最小值 −1 并不代表特征好。',
    },
    frameworkNotes: {
      en: 'The official code is -(nn.CosineSimilarity(dim=1)(p1, z2).mean() + ...) * 0.5 with z detached. lightly.loss.NegativeCosineSimilarity computes −mean cos without detaching. The playground computes one direction D(p, z); the gradient flows into p only.',
      zh: '官方代码为 -(nn.CosineSimilarity(dim=1)(p1, z2).mean() + ...) * 0.5，且 z 被 detach。lightly.loss.NegativeCosineSimilarity 计算 −mean cos，不做 detach。Playground 只计算单向 D(p, z)，梯度只流向 p。',
    },
    paper: {
      authors: 'Xinlei Chen, Kaiming He',
      year: 2021,
      title: 'Exploring Simple Siamese Representation Learning',
      url: 'https://arxiv.org/abs/2011.10566',
    },
    sources: [
      { label: 'simsiam main_simsiam.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/facebookresearch/simsiam/blob/main/main_simsiam.py' },
      { label: 'paper (Chen & He 2021)', version: '2021', url: 'https://arxiv.org/abs/2011.10566' },
    ],
    related: ['byol-loss', 'siamese-networks', 'cosine-embedding-loss', 'contrastive-loss', 'barlow-twins-loss'],
    snippets: {
      scratch:
        'def simsiam_loss(p1, p2, z1, z2):\n    d = lambda p, z: -F.cosine_similarity(p, z.detach(), dim=-1).mean()\n    return 0.5 * d(p1, z2) + 0.5 * d(p2, z1)',
      tf: 'def simsiam_loss(p1, p2, z1, z2):\n    def d(p, z):\n        z = tf.stop_gradient(z)\n        return -tf.reduce_mean(tf.reduce_sum(tf.math.l2_normalize(p, -1) * tf.math.l2_normalize(z, -1), -1))\n    return 0.5 * d(p1, z2) + 0.5 * d(p2, z1)',
    },
  },
  {
    id: 'byol-loss',
    names: { en: 'BYOL Regression Loss', zh: 'BYOL 回归损失（归一化 MSE）' },
    aliases: ['BYOL', 'bootstrap your own latent', 'normalized MSE loss', 'BYOL 损失'],
    category: 'contrastive',
    apis: [],
    formula: '\\ell_i = \\Big\\lVert \\frac{x_i}{\\lVert x_i \\rVert} - \\frac{y_i}{\\lVert y_i \\rVert} \\Big\\rVert_2^2 = 2 - 2\\,\\frac{x_i \\cdot y_i}{\\lVert x_i \\rVert \\lVert y_i \\rVert}',
    formulaText: 'ℓᵢ = ‖x̂ᵢ − ŷᵢ‖² = 2 − 2 cos(xᵢ, yᵢ)',
    inputs: [
      emb('x', 'Online network prediction for one view.', '在线网络（online network）对一个视图的预测。'),
      emb('y', 'Target network projection of the other view (no gradient; updated as a moving average).', '目标网络（target network）对另一视图的投影（无梯度；按滑动平均更新）。'),
    ],
    params: [REDUCTION],
    summary: {
      en: 'The mean squared error between L2-normalized online predictions and target projections, i.e. 2 − 2·cosine; the target network is an exponential moving average of the online one.',
      zh: 'L2 归一化后的在线预测与目标投影之间的均方误差，即 2 − 2·余弦；目标网络是在线网络参数的指数滑动平均。',
    },
    whenToUse: {
      en: 'Self-supervised pretraining without negatives, when a momentum (EMA) target network is acceptable.',
      zh: '不使用负样本、可以接受动量（EMA）目标网络的自监督预训练。',
    },
    pitfalls: {
      en: 'Needs the predictor head and the EMA target, otherwise it collapses. The loss is symmetrized by swapping the two views and adding both terms.',
      zh: '必须有预测头和 EMA 目标网络，否则会坍缩。需交换两个视图并把两项相加以对称化。',
    },
    frameworkNotes: {
      en: "No framework built-in; the official JAX code and byol-pytorch compute 2 − 2·cos per sample. The playground's gradient is w.r.t. the online prediction x.",
      zh: '框架中没有内置实现；官方 JAX 代码和 byol-pytorch 都按样本计算 2 − 2·cos。Playground 对在线预测 x 求梯度。',
    },
    paper: {
      authors: 'Jean-Bastien Grill, Florian Strub, Florent Altché, Corentin Tallec, Pierre H. Richemond, et al.',
      year: 2020,
      title: 'Bootstrap Your Own Latent: A New Approach to Self-Supervised Learning',
      url: 'https://arxiv.org/abs/2006.07733',
    },
    sources: [
      { label: 'deepmind-research byol/byol_experiment.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/google-deepmind/deepmind-research/blob/master/byol/byol_experiment.py' },
      { label: 'paper (Grill et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/2006.07733' },
    ],
    related: ['simsiam-loss', 'barlow-twins-loss', 'mse-loss'],
    snippets: {
      scratch: 'def byol_loss(x, y):\n    x = F.normalize(x, dim=-1)\n    y = F.normalize(y.detach(), dim=-1)\n    return (2 - 2 * (x * y).sum(-1)).mean()',
      tf: 'def byol_loss(x, y):\n    x = tf.math.l2_normalize(x, -1)\n    y = tf.math.l2_normalize(tf.stop_gradient(y), -1)\n    return tf.reduce_mean(2 - 2 * tf.reduce_sum(x * y, -1))',
      jax: 'def byol_loss(x, y):\n    x = x / jnp.linalg.norm(x, axis=-1, keepdims=True)\n    y = y / jnp.linalg.norm(y, axis=-1, keepdims=True)\n    return jnp.mean(2 - 2 * jnp.sum(x * y, axis=-1))',
    },
  },
  {
    id: 'dino-loss',
    names: { en: 'DINO Self-Distillation Loss', zh: 'DINO 自蒸馏损失' },
    aliases: ['DINO', 'DINOLoss', 'self-distillation with no labels', '无标签自蒸馏'],
    category: 'contrastive',
    apis: [],
    formula: 'L = \\frac{1}{2(V-1)}\\sum_{i \\in \\{1,2\\}} \\sum_{v \\ne i} \\frac{1}{B}\\sum_{b} -\\sum_{k} P_t^{(i)}(k)\\, \\log P_s^{(v)}(k),\\quad P_t = \\mathrm{softmax}\\Big(\\frac{g_t - c}{\\tau_t}\\Big),\\ P_s = \\mathrm{softmax}\\Big(\\frac{g_s}{\\tau_s}\\Big)',
    formulaText: 'L = mean over pairs (teacher global crop i, student crop v ≠ i) of the batch mean of −Σₖ P_t(k) log P_s(k),  P_t = softmax((g_t − c)/τ_t), P_s = softmax(g_s/τ_s)',
    inputs: [
      emb('student_output', 'Student head outputs for every crop, crop-major: rows [crop 0 of the batch, crop 1, …].', '学生网络对所有裁剪视图的输出，按视图优先排列：[第 0 个视图的整批, 第 1 个视图, …]。', '(ncrops·B, K)'),
      emb('teacher_output', 'Teacher (EMA) head outputs for the two global crops; no gradient flows into them.', '教师网络（EMA）对两个全局视图的输出；不向其回传梯度。', '(2·B, K)'),
      { ...emb('center', 'Running mean of the teacher outputs subtracted before the softmax (zero if left out).', '在 softmax 之前减去的教师输出滑动均值（不提供时为 0）。', '(1, K)'), optional: true },
    ],
    params: [
      { name: 'ncrops', type: 'integer', default: 2, range: [2, 12], meaning: { en: 'Number of student crops (2 global + local ones; the paper uses 2 + 8). Required in DINOLoss; the playground starts at 2.', zh: '学生视图的数量（2 个全局视图加若干局部视图；论文用 2 + 8）。DINOLoss 中为必填参数，Playground 默认 2。' } },
      num('student_temp', 0.1, [0.01, 1], 'Student softmax temperature τ_s.', '学生 softmax 温度 τ_s。'),
      num('teacher_temp', 0.04, [0.01, 0.1], 'Teacher softmax temperature τ_t (warmed up from 0.04 to at most 0.07 in the paper); lower sharpens the target.', '教师 softmax 温度 τ_t（论文中从 0.04 预热到至多 0.07）；越小目标越尖锐。'),
    ],
    summary: {
      en: "A student network learns to match the output distribution of a momentum teacher across different crops of the same image; centring and sharpening the teacher's outputs together prevent collapse without negatives.",
      zh: '学生网络学习在同一图像的不同裁剪之间匹配动量教师网络的输出分布；对教师输出做中心化（centering）与锐化（sharpening）共同防止坍缩，无需负样本。',
    },
    whenToUse: {
      en: 'Self-supervised pretraining of vision transformers (and CNNs) with multi-crop augmentation; the features work well for k-NN retrieval and segmentation-like attention maps.',
      zh: '使用多裁剪（multi-crop）增强对视觉 Transformer（及 CNN）做自监督预训练；得到的特征适用于 k-NN 检索，注意力图也接近分割结果。',
    },
    pitfalls: {
      en: 'The centre must be updated as an EMA of the teacher outputs (center_momentum = 0.9) outside the loss, and the teacher is an EMA of the student; both are training-loop state, not part of this value. Too high a teacher temperature or no centring leads to collapse.',
      zh: '中心需要在损失之外按教师输出的 EMA 更新（center_momentum = 0.9），教师本身是学生的 EMA；这两者都是训练循环的状态，不属于此处的损失值。教师温度过高或不做中心化都会导致坍缩。',
    },
    frameworkNotes: {
      en: 'No framework built-in. The playground follows the official DINOLoss.forward at a fixed teacher temperature (the warm-up schedule is indexed by epoch there); the gradient is w.r.t. the student outputs only.',
      zh: '框架中没有内置实现。Playground 遵循官方 DINOLoss.forward，教师温度取固定值（官方按 epoch 查预热表）；只对学生输出求梯度。',
    },
    paper: {
      authors: 'Mathilde Caron, Hugo Touvron, Ishan Misra, Hervé Jégou, Julien Mairal, Piotr Bojanowski, Armand Joulin',
      year: 2021,
      title: 'Emerging Properties in Self-Supervised Vision Transformers',
      url: 'https://arxiv.org/abs/2104.14294',
    },
    sources: [
      { label: 'dino main_dino.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/facebookresearch/dino/blob/main/main_dino.py' },
      { label: 'paper (Caron et al. 2021)', version: '2021', url: 'https://arxiv.org/abs/2104.14294' },
    ],
    related: ['byol-loss', 'simsiam-loss', 'cross-entropy', 'kl-div'],
    snippets: {
      scratch:
        'def dino_loss(student_output, teacher_output, center, ncrops=${1:2}, student_temp=${2:0.1}, teacher_temp=${3:0.04}):\n    student_out = (student_output / student_temp).chunk(ncrops)\n    teacher_out = F.softmax((teacher_output - center) / teacher_temp, dim=-1).detach().chunk(2)\n    total, n_terms = 0.0, 0\n    for iq, q in enumerate(teacher_out):\n        for v in range(ncrops):\n            if v == iq:\n                continue\n            total = total + torch.sum(-q * F.log_softmax(student_out[v], dim=-1), dim=-1).mean()\n            n_terms += 1\n    return total / n_terms',
      tf: 'def dino_loss(student_output, teacher_output, center, ncrops=${1:2}, student_temp=${2:0.1}, teacher_temp=${3:0.04}):\n    student_out = tf.split(student_output / student_temp, ncrops)\n    teacher_out = tf.split(tf.stop_gradient(tf.nn.softmax((teacher_output - center) / teacher_temp)), 2)\n    terms = []\n    for iq, q in enumerate(teacher_out):\n        for v in range(ncrops):\n            if v != iq:\n                terms.append(tf.reduce_mean(tf.reduce_sum(-q * tf.nn.log_softmax(student_out[v]), -1)))\n    return tf.add_n(terms) / len(terms)',
    },
  },
  {
    id: 'masked-autoencoder-loss',
    names: { en: 'Masked Autoencoder (MAE) Reconstruction Loss', zh: '掩码自编码器（MAE）重建损失' },
    aliases: ['masked image modeling loss', 'MAE pretraining loss', 'norm_pix_loss', '掩码图像建模损失'],
    category: 'generative',
    apis: [],
    formula: 'L = \\frac{\\sum_{n,l} m_{nl}\\, \\frac{1}{P}\\lVert \\hat x_{nl} - \\tilde x_{nl} \\rVert^2}{\\sum_{n,l} m_{nl}},\\quad \\tilde x = \\frac{x - \\mu}{\\sqrt{\\sigma^2 + 10^{-6}}}\\ \\text{if norm\\_pix\\_loss}',
    formulaText: 'L = Σ m·mean_p(x̂ − x̃)² / Σ m,  x̃ = per-patch normalized target when norm_pix_loss',
    inputs: [
      { name: 'pred', meaning: { en: 'Decoder output: predicted pixel values of every patch.', zh: '解码器输出：每个图块（patch）的预测像素值。' }, shape: '(N, L, patch_size²·3)', domain: REAL },
      { name: 'target', meaning: { en: 'The patchified input image (imgs after patchify).', zh: '分块后的输入图像（patchify 之后的 imgs）。' }, shape: '(N, L, patch_size²·3)', domain: REAL },
      { name: 'mask', meaning: { en: '1 for patches that were removed (the loss is computed only there), 0 for visible ones.', zh: '被遮挡移除的图块为 1（只在这些位置计算损失），可见图块为 0。' }, shape: '(N, L)', domain: { en: '{0, 1}', zh: '取值 {0, 1}' } },
    ],
    params: [{ name: 'norm_pix_loss', type: 'boolean', default: false, meaning: { en: 'Normalize each target patch by its own mean and (unbiased) variance first; the paper reports better features with it.', zh: '先用每个目标图块自身的均值和（无偏）方差做归一化；论文中开启后特征更好。' } }],
    summary: {
      en: 'Self-supervised pretraining by reconstruction: most image patches (75%) are hidden, the encoder sees only the visible ones, and the decoder is trained with a per-patch mean squared error on the hidden patches only.',
      zh: '通过重建做自监督预训练：隐藏大部分图块（75%），编码器只看可见图块，解码器只在被隐藏的图块上用逐块均方误差训练。',
    },
    whenToUse: {
      en: 'Pretraining vision transformers without labels when compute is limited (the encoder processes only a quarter of the patches); fine-tune afterwards.',
      zh: '计算资源有限时无标签地预训练视觉 Transformer（编码器只处理四分之一的图块），之后再做微调。',
    },
    pitfalls: {
      en: 'Averaging over visible patches as well (a plain MSE) dilutes the signal; only masked patches count. With norm_pix_loss the target is no longer the raw image, so reconstructions must be de-normalized for display.',
      zh: '若连可见图块也一起平均（普通 MSE），会稀释训练信号；只应统计被遮挡的图块。开启 norm_pix_loss 后目标不再是原始图像，显示重建结果时需要反归一化。',
    },
    frameworkNotes: {
      en: 'No framework built-in; follows MaskedAutoencoderViT.forward_loss of the official code (var is unbiased, eps 1e-6 inside the square root). The gradient is w.r.t. pred.',
      zh: '框架中没有内置实现；遵循官方代码 MaskedAutoencoderViT.forward_loss（方差为无偏估计，平方根内加 1e-6）。对 pred 求梯度。',
    },
    paper: {
      authors: 'Kaiming He, Xinlei Chen, Saining Xie, Yanghao Li, Piotr Dollár, Ross Girshick',
      year: 2022,
      title: 'Masked Autoencoders Are Scalable Vision Learners',
      url: 'https://arxiv.org/abs/2111.06377',
    },
    sources: [
      { label: 'mae models_mae.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/facebookresearch/mae/blob/main/models_mae.py' },
      { label: 'paper (He et al. 2022)', version: '2022', url: 'https://arxiv.org/abs/2111.06377' },
    ],
    related: ['mse-loss', 'byol-loss', 'dino-loss'],
    snippets: {
      scratch:
        'def mae_loss(pred, target, mask, norm_pix_loss=${1|False,True|}):\n    if norm_pix_loss:\n        mean = target.mean(dim=-1, keepdim=True)\n        var = target.var(dim=-1, keepdim=True)\n        target = (target - mean) / (var + 1.e-6) ** .5\n    loss = ((pred - target) ** 2).mean(dim=-1)\n    return (loss * mask).sum() / mask.sum()',
      tf: 'def mae_loss(pred, target, mask, norm_pix_loss=${1|False,True|}):\n    if norm_pix_loss:\n        mean, var = tf.nn.moments(target, axes=[-1], keepdims=True)\n        n = tf.cast(tf.shape(target)[-1], target.dtype)\n        target = (target - mean) / tf.sqrt(var * n / (n - 1) + 1e-6)\n    loss = tf.reduce_mean(tf.square(pred - target), -1)\n    return tf.reduce_sum(loss * mask) / tf.reduce_sum(mask)',
    },
  },
  {
    id: 'clip-loss',
    names: { en: 'CLIP Symmetric Contrastive Loss', zh: 'CLIP 对称对比损失' },
    aliases: ['CLIP loss', 'ClipLoss', 'image-text contrastive loss', 'symmetric InfoNCE', '图文对比损失'],
    category: 'contrastive',
    apis: [{ framework: 'other', symbol: 'open_clip.loss.ClipLoss', kind: 'class' }],
    formula: 'L = \\frac{1}{2}\\Big[\\mathrm{CE}\\big(s\\, I T^{\\top}, \\mathrm{diag}\\big) + \\mathrm{CE}\\big(s\\, T I^{\\top}, \\mathrm{diag}\\big)\\Big]',
    formulaText: 'L = ½ [ CE(s·I·Tᵀ, arange(N)) + CE(s·T·Iᵀ, arange(N)) ]',
    inputs: [
      emb('image_features', 'Image embeddings, already L2-normalized by the model.', '图像嵌入，模型已做 L2 归一化。'),
      emb('text_features', 'Text embeddings of the matching captions, row-aligned and normalized.', '对应文本描述的嵌入，按行对齐并已归一化。'),
    ],
    params: [num('logit_scale', 14.285714285714286, [1, 100], 'Multiplier s = exp(t) on the cosine logits; CLIP learns it, starting at 1/0.07 and clipping at 100.', '余弦 logits 的乘子 s = exp(t)；CLIP 会学习它，初值为 1/0.07，上限截断为 100。')],
    summary: {
      en: 'InfoNCE applied in both directions over a batch of image-text pairs: each image must pick its caption among all captions, and each caption its image.',
      zh: '在一批图文对上双向应用 InfoNCE：每张图像要在所有文本中找到自己的描述，每段文本也要找到自己的图像。',
    },
    whenToUse: {
      en: 'Training dual encoders for two modalities (image-text, audio-text, code-text) for zero-shot classification and cross-modal retrieval.',
      zh: '训练两种模态（图文、音频-文本、代码-文本）的双塔编码器，用于零样本分类和跨模态检索。',
    },
    pitfalls: {
      en: 'Duplicate captions in a batch become false negatives. Needs very large batches to work well. open_clip does not normalize inside the loss: pass normalized features.',
      zh: '批内重复的描述会成为假负样本。需要非常大的批才能发挥效果。open_clip 不在损失内部做归一化：需传入已归一化的特征。',
    },
    frameworkNotes: {
      en: 'open_clip.loss.ClipLoss()(image_features, text_features, logit_scale) on a single process gives this value; the playground differentiates w.r.t. image_features. Multi-GPU gathering (local_loss, gather_with_grad) is not modelled.',
      zh: '单进程下 open_clip.loss.ClipLoss()(image_features, text_features, logit_scale) 给出相同数值；Playground 对 image_features 求梯度。多卡聚合（local_loss、gather_with_grad）不在模拟范围内。',
    },
    paper: {
      authors: 'Alec Radford, Jong Wook Kim, Chris Hallacy, Aditya Ramesh, Gabriel Goh, et al.',
      year: 2021,
      title: 'Learning Transferable Visual Models From Natural Language Supervision',
      url: 'https://arxiv.org/abs/2103.00020',
    },
    sources: [
      { label: 'open_clip src/open_clip/loss.py', version: 'default branch, read 2026-12', url: 'https://github.com/mlfoundations/open_clip/blob/main/src/open_clip/loss.py' },
      { label: 'paper (Radford et al. 2021)', version: '2021', url: 'https://arxiv.org/abs/2103.00020' },
    ],
    related: ['infonce-loss', 'nt-xent-loss', 'cross-entropy'],
    snippets: {
      scratch:
        'def clip_loss(image_features, text_features, logit_scale=${1:14.2857}):\n    logits = logit_scale * image_features @ text_features.T\n    labels = torch.arange(len(logits), device=logits.device)\n    return (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)) / 2',
      torch: 'from open_clip.loss import ClipLoss\nloss_fn = ClipLoss()\nloss = loss_fn(${1:image_features}, ${2:text_features}, ${3:logit_scale})',
      tf: 'def clip_loss(image_features, text_features, logit_scale=${1:14.2857}):\n    logits = logit_scale * tf.matmul(image_features, text_features, transpose_b=True)\n    labels = tf.range(tf.shape(logits)[0])\n    ce = tf.nn.sparse_softmax_cross_entropy_with_logits\n    return (tf.reduce_mean(ce(labels, logits)) + tf.reduce_mean(ce(labels, tf.transpose(logits)))) / 2',
    },
  },
  {
    id: 'siglip-loss',
    names: { en: 'SigLIP Sigmoid Contrastive Loss', zh: 'SigLIP Sigmoid 对比损失' },
    aliases: ['SigLIP', 'SigLipLoss', 'sigmoid loss for language image pre-training', 'pairwise sigmoid contrastive loss', 'Sigmoid 图文对比损失'],
    category: 'contrastive',
    apis: [{ framework: 'other', symbol: 'open_clip.loss.SigLipLoss', kind: 'class' }],
    formula: 'L = -\\frac{1}{N}\\sum_{i=1}^{N}\\sum_{j=1}^{N} \\log \\sigma\\big(z_{ij}\\,(t\\, x_i \\cdot y_j + b)\\big),\\quad z_{ij} = \\begin{cases} 1 & i = j \\\\ -1 & i \\ne j \\end{cases}',
    formulaText: 'L = −(1/N) Σᵢ Σⱼ log σ(zᵢⱼ (t·xᵢ·yⱼ + b)),  zᵢⱼ = 1 if i = j else −1',
    inputs: [
      emb('image_features', 'Image embeddings, already L2-normalized.', '图像嵌入，已做 L2 归一化。'),
      emb('text_features', 'Matching text embeddings, row-aligned and normalized.', '对应文本嵌入，按行对齐并已归一化。'),
    ],
    params: [
      num('logit_scale', 10.0, [1, 100], 'Temperature t multiplying the similarities (learned; SigLIP initializes log t = log 10).', '乘在相似度上的温度 t（可学习；SigLIP 以 log t = log 10 初始化）。'),
      num('logit_bias', -10.0, [-20, 5], 'Bias b added to every logit (learned; initialized at −10 so that the many negatives start near zero loss).', '加到每个 logit 上的偏置 b（可学习；初始化为 −10，使大量负样本的初始损失接近 0）。'),
    ],
    summary: {
      en: "Replaces CLIP's batch-wide softmax with an independent logistic loss per image-text pair, so no normalization over the batch is needed: matching pairs are positives, every other pair a negative.",
      zh: '用每个图文对独立的逻辑（sigmoid）损失取代 CLIP 在整个批上的 softmax，因此无需对批做归一化：匹配的对是正样本，其余所有对都是负样本。',
    },
    whenToUse: {
      en: 'Image-text (or other two-tower) pretraining, especially with small or very large batches and across many devices, where the softmax normalization of CLIP is costly or unstable.',
      zh: '图文（或其他双塔）预训练，尤其是批很小或很大、跨多设备训练、CLIP 的 softmax 归一化代价高或不稳定的场景。',
    },
    pitfalls: {
      en: 'The bias matters: without the −10 initialization the N² − N negatives dominate the first steps. The loss is summed over texts and averaged over images, so its scale grows with the batch size.',
      zh: '偏置很重要：不用 −10 初始化时，N² − N 个负样本会主导最初的训练。损失对文本求和、对图像求平均，因此数值随批大小增长。',
    },
    frameworkNotes: {
      en: 'Follows the big_vision reference and open_clip.loss.SigLipLoss on one device: logits = t · x yᵀ + b, labels 2I − 1, −Σ log σ(labels · logits) / N. The gradient is w.r.t. image_features.',
      zh: '遵循 big_vision 参考实现及单设备下的 open_clip.loss.SigLipLoss：logits = t · x yᵀ + b，标签为 2I − 1，损失为 −Σ log σ(labels · logits) / N。对 image_features 求梯度。',
    },
    paper: {
      authors: 'Xiaohua Zhai, Basil Mustafa, Alexander Kolesnikov, Lucas Beyer',
      year: 2023,
      title: 'Sigmoid Loss for Language Image Pre-Training',
      url: 'https://arxiv.org/abs/2303.15343',
    },
    sources: [
      { label: 'open_clip src/open_clip/loss.py', version: 'default branch, read 2026-12', url: 'https://github.com/mlfoundations/open_clip/blob/main/src/open_clip/loss.py' },
      { label: 'paper (Zhai et al. 2023)', version: '2023', url: 'https://arxiv.org/abs/2303.15343' },
    ],
    related: ['clip-loss', 'infonce-loss', 'bce-with-logits'],
    snippets: {
      scratch:
        'def siglip_loss(image_features, text_features, logit_scale=${1:10.0}, logit_bias=${2:-10.0}):\n    logits = logit_scale * image_features @ text_features.T + logit_bias\n    labels = 2 * torch.eye(len(logits), device=logits.device) - 1\n    return -F.logsigmoid(labels * logits).sum() / len(logits)',
      torch: 'from open_clip.loss import SigLipLoss\nloss_fn = SigLipLoss()\nloss = loss_fn(${1:image_features}, ${2:text_features}, ${3:logit_scale}, ${4:logit_bias})',
      tf: 'def siglip_loss(image_features, text_features, logit_scale=${1:10.0}, logit_bias=${2:-10.0}):\n    logits = logit_scale * tf.matmul(image_features, text_features, transpose_b=True) + logit_bias\n    n = tf.shape(logits)[0]\n    labels = 2.0 * tf.eye(n) - 1.0\n    return -tf.reduce_sum(tf.math.log_sigmoid(labels * logits)) / tf.cast(n, logits.dtype)',
    },
  },
  {
    id: 'ranknet-loss',
    names: { en: 'RankNet Loss (pairwise logistic)', zh: 'RankNet 损失（成对逻辑损失）' },
    aliases: ['RankNet', 'rankNet', 'pairwise cross-entropy ranking', 'RankNet 排序损失'],
    category: 'ranking',
    apis: [{ framework: 'other', symbol: 'allrank.models.losses.rankNet', kind: 'function' }],
    formula: 'L = \\frac{1}{|\\mathcal{P}|}\\sum_{(i,j) \\in \\mathcal{P}} w_{ij} \\log\\big(1 + e^{-(s_i - s_j)}\\big),\\quad \\mathcal{P} = \\{(i,j) : y_i > y_j\\}',
    formulaText: 'L = (1/|P|) Σ_{(i,j): yᵢ > yⱼ} wᵢⱼ log(1 + e^{−(sᵢ − sⱼ)})',
    inputs: SLATE_INPUTS,
    params: [
      PAD,
      { name: 'weight_by_diff', type: 'boolean', default: false, meaning: { en: 'Weight each pair by |y_i − y_j|.', zh: '按 |y_i − y_j| 给每个样本对加权。' } },
      { name: 'weight_by_diff_powed', type: 'boolean', default: false, meaning: { en: 'Weight each pair by |y_i² − y_j²| (ignored when weight_by_diff is on).', zh: '按 |y_i² − y_j²| 加权（weight_by_diff 开启时忽略）。' } },
    ],
    summary: {
      en: 'Models the probability that document i ranks above j as a sigmoid of the score difference and applies binary cross-entropy to every correctly ordered pair.',
      zh: '把文档 i 排在 j 之前的概率建模为打分差的 sigmoid，对每个应有顺序的文档对施加二元交叉熵。',
    },
    whenToUse: {
      en: 'Learning to rank (search, recommendation) with graded relevance; a robust pairwise baseline and the starting point of LambdaRank.',
      zh: '带分级相关度的排序学习（搜索、推荐）；稳健的成对基线，也是 LambdaRank 的出发点。',
    },
    pitfalls: {
      en: 'Every pair counts the same regardless of its position in the list, so it optimizes pairwise accuracy rather than NDCG at the top. Cost is quadratic in the slate length. Fails (no pairs) when all relevances in every slate are equal.',
      zh: '每个样本对不论在列表中的位置都同等对待，因此优化的是成对准确率而非列表顶部的 NDCG。计算量是列表长度的平方。所有列表中的相关度都相同时没有样本对，无法计算。',
    },
    frameworkNotes: {
      en: "Follows allRank's rankNet(y_pred, y_true, padded_value_indicator=-1, weight_by_diff=False, weight_by_diff_powed=False): BCEWithLogitsLoss over all valid ordered pairs of the batch, averaged over pairs. Burges' σ is fixed at 1. TF-Ranking's PairwiseLogisticLoss is the same per-pair term (see pairwise-logistic-loss).",
      zh: '遵循 allRank 的 rankNet(y_pred, y_true, padded_value_indicator=-1, weight_by_diff=False, weight_by_diff_powed=False)：对批内所有有效有序对做 BCEWithLogitsLoss 并按样本对平均。Burges 的 σ 固定为 1。TF-Ranking 的 PairwiseLogisticLoss 逐对项相同（见 pairwise-logistic-loss）。',
    },
    paper: {
      authors: 'Chris Burges, Tal Shaked, Erin Renshaw, Ari Lazier, Matt Deeds, Nicole Hamilton, Greg Hullender',
      year: 2005,
      title: 'Learning to Rank using Gradient Descent',
      url: 'https://doi.org/10.1145/1102351.1102363',
    },
    sources: [
      { label: 'allRank allrank/models/losses/rankNet.py', version: 'default branch, read 2026-12', url: 'https://github.com/allegro/allRank/blob/master/allrank/models/losses/rankNet.py' },
      { label: 'paper (Burges et al. 2005)', version: '2005', url: 'https://doi.org/10.1145/1102351.1102363' },
    ],
    related: ['pairwise-logistic-loss', 'lambdarank-loss', 'listnet-loss', 'margin-ranking-loss'],
    snippets: {
      scratch:
        'def ranknet_loss(y_pred, y_true):\n    s_diff = y_pred[:, :, None] - y_pred[:, None, :]\n    pairs = (y_true[:, :, None] > y_true[:, None, :]) & (y_true[:, :, None] != -1) & (y_true[:, None, :] != -1)\n    return F.binary_cross_entropy_with_logits(s_diff[pairs], torch.ones_like(s_diff[pairs]))',
      torch: 'from allrank.models.losses import rankNet\nloss = rankNet(${1:y_pred}, ${2:y_true})',
      tf: 'def ranknet_loss(y_pred, y_true):\n    s_diff = y_pred[:, :, None] - y_pred[:, None, :]\n    pairs = tf.cast(y_true[:, :, None] > y_true[:, None, :], y_pred.dtype)\n    return tf.reduce_sum(pairs * tf.nn.softplus(-s_diff)) / tf.reduce_sum(pairs)',
    },
  },
  {
    id: 'pairwise-logistic-loss',
    names: { en: 'Pairwise Logistic Ranking Loss (TF-Ranking)', zh: '成对逻辑排序损失（TF-Ranking）' },
    aliases: ['pairwise logistic loss', 'PairwiseLogisticLoss', 'pairwise hinge ranking', '成对排序逻辑损失'],
    category: 'ranking',
    apis: [{ framework: 'other', symbol: 'tfr.keras.losses.PairwiseLogisticLoss', kind: 'class' }],
    formula: 'L = \\frac{1}{B\\,n}\\sum_{q=1}^{B} \\sum_{i,j} \\mathbb{1}[y_{qi} > y_{qj} \\ge 0]\\, \\log\\big(1 + e^{-(s_{qi} - s_{qj})/T}\\big)',
    formulaText: 'L = (1/(B·n)) Σ_q Σᵢⱼ 1[yᵢ > yⱼ ≥ 0] log(1 + e^{−(sᵢ − sⱼ)/T}),  n = list size',
    inputs: [
      { ...SLATE_INPUTS[1], meaning: { en: 'Graded relevance labels per list (TF-Ranking: y_true first).', zh: '每个列表的分级相关度标签（TF-Ranking 中 y_true 在前）。' } },
      SLATE_INPUTS[0],
    ],
    params: [num('temperature', 1.0, [0.1, 10], 'Scores are divided by T before the pairwise differences.', '打分在求成对差之前除以温度 T。')],
    summary: {
      en: "TF-Ranking's family of pairwise losses: a per-pair logistic (RankNet) or hinge penalty for every pair whose labels say i should outrank j, with optional lambda weights that turn it into LambdaRank-style training.",
      zh: 'TF-Ranking 的成对损失族：对每个标签表明 i 应排在 j 前面的样本对施加逻辑（RankNet）或合页惩罚，可选的 lambda 权重可将其变为 LambdaRank 式训练。',
    },
    whenToUse: {
      en: 'Learning to rank in TensorFlow; pick the hinge form for a margin-based objective, the logistic form for calibrated pairwise probabilities.',
      zh: '在 TensorFlow 中做排序学习；需要基于间隔的目标时选合页形式，需要成对概率时选逻辑形式。',
    },
    pitfalls: {
      en: "With the default Keras reduction the pair losses of each list are summed per item and then divided by batch × list size (padded slots included), not by the number of pairs, so values differ from allRank's rankNet by a factor that depends on the lists. Labels below 0 mark padding.",
      zh: '在 Keras 默认汇总方式下，每个列表的样本对损失先按文档求和，再除以“批大小 × 列表长度”（包括填充位），而不是除以样本对数量，因此数值与 allRank 的 rankNet 相差一个依赖于列表的因子。小于 0 的标签表示填充。',
    },
    frameworkNotes: {
      en: 'Computed as tfr.keras.losses.PairwiseLogisticLoss(reduction=AUTO, lambda_weight=None, temperature=1.0) on dense lists; its documented example (y_true=[[1, 0]], y_pred=[[0.6, 0.8]]) gives 0.39906943. tfr.keras.losses.PairwiseHingeLoss swaps the per-pair term for max(0, 1 − (s_i − s_j)); pass tfr.keras.losses.NDCGLambdaWeight() as lambda_weight for LambdaRank weighting.',
      zh: '按 tfr.keras.losses.PairwiseLogisticLoss(reduction=AUTO, lambda_weight=None, temperature=1.0) 在稠密列表上的语义计算；其文档示例（y_true=[[1, 0]]，y_pred=[[0.6, 0.8]]）结果为 0.39906943。tfr.keras.losses.PairwiseHingeLoss 把逐对项换成 max(0, 1 − (s_i − s_j))；把 tfr.keras.losses.NDCGLambdaWeight() 作为 lambda_weight 传入即可得到 LambdaRank 式加权。',
    },
    paper: {
      authors: 'Rama Kumar Pasumarthi, Sebastian Bruch, Xuanhui Wang, Cheng Li, Michael Bendersky, Marc Najork, et al.',
      year: 2019,
      title: 'TF-Ranking: Scalable TensorFlow Library for Learning-to-Rank',
      url: 'https://arxiv.org/abs/1812.00073',
    },
    sources: [
      { label: 'TF-Ranking tensorflow_ranking/python/keras/losses.py', version: 'default branch, read 2026-12', url: 'https://github.com/tensorflow/ranking/blob/master/tensorflow_ranking/python/keras/losses.py' },
      { label: 'paper (Pasumarthi et al. 2019)', version: '2019', url: 'https://arxiv.org/abs/1812.00073' },
    ],
    related: ['ranknet-loss', 'lambdarank-loss', 'margin-ranking-loss'],
    snippets: {
      tf: 'import tensorflow_ranking as tfr\nloss_fn = tfr.keras.losses.PairwiseLogisticLoss(temperature=${1:1.0})\nloss = loss_fn(${2:y_true}, ${3:y_pred})',
      scratch:
        'def pairwise_logistic_loss(y_true, y_pred, temperature=${1:1.0}):\n    s_diff = (y_pred[:, :, None] - y_pred[:, None, :]) / temperature\n    valid = (y_true[:, :, None] >= 0) & (y_true[:, None, :] >= 0)\n    w = ((y_true[:, :, None] > y_true[:, None, :]) & valid).float()\n    return (w * F.softplus(-s_diff)).sum() / y_pred.numel()',
    },
  },
  {
    id: 'lambdarank-loss',
    names: { en: 'LambdaRank / LambdaLoss', zh: 'LambdaRank / LambdaLoss 排序损失' },
    aliases: ['LambdaRank', 'LambdaMART', 'lambdaLoss', 'lambda rank', 'NDCG-weighted RankNet', 'Lambda 排序'],
    category: 'ranking',
    apis: [{ framework: 'other', symbol: 'allrank.models.losses.lambdaLoss', kind: 'function' }],
    formula:
      'L = -\\sum_{(i,j):\\, y_i > y_j} \\log_2 \\Big( \\mathrm{sigmoid}\\big(\\sigma (s_i - s_j)\\big)^{w_{ij}} \\Big),\\quad w_{ij} = \\Big\\lvert \\frac{1}{D_i} - \\frac{1}{D_j} \\Big\\rvert \\, \\lvert G_i - G_j \\rvert,\\ G_i = \\frac{2^{y_i} - 1}{\\mathrm{maxDCG}},\\ D_i = \\log_2(1 + i)',
    formulaText: 'L = −Σ_{yᵢ>yⱼ} log₂( sigmoid(σ(sᵢ − sⱼ))^{wᵢⱼ} ),  wᵢⱼ = |1/Dᵢ − 1/Dⱼ|·|Gᵢ − Gⱼ| (positions in predicted order)',
    inputs: SLATE_INPUTS,
    params: [
      num('eps', 1e-10, [0, 1e-3], 'Floor for probabilities and for the ideal DCG.', '概率和理想 DCG 的下限。'),
      PAD,
      {
        name: 'weighing_scheme',
        type: 'enum',
        default: 'lambdaRank_scheme',
        options: ['lambdaRank_scheme', 'ndcgLoss1_scheme', 'ndcgLoss2_scheme', 'ndcgLoss2PP_scheme', 'rankNet_scheme', 'rankNetWeightedByGTDiff_scheme', 'rankNetWeightedByGTDiffPowed_scheme'],
        meaning: {
          en: "Pair weights w_ij. 'lambdaRank_scheme' is LambdaRank's |ΔNDCG|; the NDCG-Loss schemes come from the LambdaLoss paper; 'rankNet_scheme' (w = 1) is allRank's default when weighing_scheme=None.",
          zh: "样本对权重 w_ij。'lambdaRank_scheme' 即 LambdaRank 的 |ΔNDCG|；NDCG-Loss 系列方案来自 LambdaLoss 论文；'rankNet_scheme'（w = 1）相当于 allRank 中 weighing_scheme=None 的默认行为。",
        },
      },
      { name: 'k', type: 'integer', default: null, range: [1, 50], meaning: { en: 'Only pairs within the top k predicted positions count (NDCG@k); None = all.', zh: '只统计预测排名前 k 的位置之间的样本对（NDCG@k）；None 表示全部。' } },
      num('sigma', 1.0, [0.1, 10], 'Slope σ of the pairwise sigmoid.', '成对 sigmoid 的斜率 σ。'),
      num('mu', 10.0, [0, 50], "Weight of the NDCG-Loss2 term in 'ndcgLoss2PP_scheme'.", "'ndcgLoss2PP_scheme' 中 NDCG-Loss2 项的权重。"),
      { name: 'reduction', type: 'enum', default: 'sum', options: ['sum', 'mean'], meaning: { en: 'Sum (default) or mean over the selected pairs of the whole batch.', zh: '对整个批中选中的样本对求和（默认）或求平均。' } },
      { name: 'reduction_log', type: 'enum', default: 'binary', options: ['binary', 'natural'], meaning: { en: 'Logarithm base: 2 (binary) or e (natural).', zh: '对数的底：2（binary）或 e（natural）。' } },
    ],
    summary: {
      en: "RankNet's pairwise gradients multiplied by how much NDCG would change if the two documents swapped places, so training focuses on the top of the list; LambdaLoss recasts this as a proper loss.",
      zh: '把 RankNet 的成对梯度乘以交换两文档位置时 NDCG 的变化量，使训练聚焦于列表顶部；LambdaLoss 把它重新表述为一个严格的损失函数。',
    },
    whenToUse: {
      en: 'Search and recommendation ranking evaluated by NDCG; LambdaMART (gradient-boosted trees with these gradients) is the classic strong baseline.',
      zh: '以 NDCG 评估的搜索与推荐排序；LambdaMART（使用这些梯度的梯度提升树）是经典的强基线。',
    },
    pitfalls: {
      en: 'The original LambdaRank defines gradients, not a loss value, so the reported "loss" depends on the implementation (here LambdaLoss, whose gradient reproduces the lambdas). The weights depend on the current predicted order and are treated as constants; ties in the scores make that order, and so the value, ambiguous. The default reduction is a sum, so the value grows with the number of pairs.',
      zh: '原始 LambdaRank 只定义了梯度而非损失值，报告的“损失”取决于具体实现（这里采用 LambdaLoss，其梯度复现了 lambda）。权重依赖当前预测排序并被视为常数；打分并列时该排序以及损失值都不确定。默认按求和汇总，数值随样本对数量增长。',
    },
    frameworkNotes: {
      en: "Follows allRank's lambdaLoss(y_pred, y_true, eps=1e-10, padded_value_indicator=-1, weighing_scheme=None, k=None, sigma=1.0, mu=10.0, reduction='sum', reduction_log='binary'); the playground starts at weighing_scheme='lambdaRank_scheme' (allRank's None equals 'rankNet_scheme'). LightGBM and XGBoost offer objective='lambdarank' / 'rank:ndcg' for trees.",
      zh: "遵循 allRank 的 lambdaLoss(y_pred, y_true, eps=1e-10, padded_value_indicator=-1, weighing_scheme=None, k=None, sigma=1.0, mu=10.0, reduction='sum', reduction_log='binary')；Playground 默认 weighing_scheme='lambdaRank_scheme'（allRank 的 None 等同于 'rankNet_scheme'）。LightGBM 与 XGBoost 为树模型提供 objective='lambdarank' / 'rank:ndcg'。",
    },
    paper: {
      authors: 'Xuanhui Wang, Cheng Li, Nadav Golbandi, Michael Bendersky, Marc Najork',
      year: 2018,
      title: 'The LambdaLoss Framework for Ranking Metric Optimization',
      url: 'https://doi.org/10.1145/3269206.3271784',
    },
    sources: [
      { label: 'allRank allrank/models/losses/lambdaLoss.py', version: 'default branch, read 2026-12', url: 'https://github.com/allegro/allRank/blob/master/allrank/models/losses/lambdaLoss.py' },
      { label: 'paper (Wang et al. 2018, LambdaLoss)', version: '2018', url: 'https://doi.org/10.1145/3269206.3271784' },
    ],
    related: ['ranknet-loss', 'listnet-loss', 'listmle-loss', 'pairwise-logistic-loss'],
    snippets: {
      torch: "from allrank.models.losses import lambdaLoss\nloss = lambdaLoss(${1:y_pred}, ${2:y_true}, weighing_scheme=${3:'ndcgLoss2PP_scheme'})",
      scratch:
        "def lambdarank_loss(y_pred, y_true, eps=${1:1e-10}, padded_value_indicator=${2:-1}, sigma=${3:1.0}):\n    # allRank's lambdaLoss with weighing_scheme='lambdaRank_scheme', k=None, reduction='sum', reduction_log='binary'\n    pad = y_true == padded_value_indicator\n    y_pred = y_pred.masked_fill(pad, float('-inf'))\n    y_true = y_true.masked_fill(pad, float('-inf'))\n    s, order = y_pred.sort(descending=True, dim=-1, stable=True)\n    t = y_true.gather(1, order)\n    t_diffs = t[:, :, None] - t[:, None, :]\n    pairs = torch.isfinite(t_diffs) & (t_diffs > 0)\n    disc = torch.log2(torch.arange(y_true.shape[1], dtype=y_pred.dtype, device=y_pred.device) + 2.0)\n    ideal = y_true.clamp(min=0).sort(descending=True, dim=-1).values\n    max_dcg = ((2 ** ideal - 1) / disc).sum(-1, keepdim=True).clamp(min=eps)\n    g = (2 ** t.clamp(min=0) - 1) / max_dcg\n    weights = (1 / disc[:, None] - 1 / disc[None, :]).abs() * (g[:, :, None] - g[:, None, :]).abs()\n    diffs = (s[:, :, None] - s[:, None, :]).clamp(-1e8, 1e8).nan_to_num(0.0)\n    probs = (torch.sigmoid(sigma * diffs).clamp(min=eps) ** weights).clamp(min=eps)\n    return -torch.log2(probs[pairs]).sum()",
      tf: 'import tensorflow_ranking as tfr\nloss_fn = tfr.keras.losses.PairwiseLogisticLoss(lambda_weight=tfr.keras.losses.NDCGLambdaWeight())\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
    },
  },
  {
    id: 'listnet-loss',
    names: { en: 'ListNet Loss (top-one probability)', zh: 'ListNet 损失（Top-1 概率）' },
    aliases: ['ListNet', 'listNet', 'listwise softmax cross entropy', 'ListNet 列表损失'],
    category: 'ranking',
    apis: [
      { framework: 'other', symbol: 'allrank.models.losses.listNet', kind: 'function' },
      { framework: 'other', symbol: 'tfr.keras.losses.SoftmaxLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.losses.ranking_softmax_loss', kind: 'function' },
    ],
    formula: 'L = -\\frac{1}{B}\\sum_{q=1}^{B} \\sum_{i} \\mathrm{softmax}(y_q)_i \\, \\log\\big(\\mathrm{softmax}(s_q)_i + \\epsilon\\big)',
    formulaText: 'L = −(1/B) Σ_q Σᵢ softmax(y_q)ᵢ · log(softmax(s_q)ᵢ + ε)',
    inputs: SLATE_INPUTS,
    params: [num('eps', 1e-10, [0, 1e-3], 'Added to the predicted probabilities before the log.', '取对数前加到预测概率上的小常数。'), PAD],
    summary: {
      en: 'A listwise loss: cross-entropy between the top-one probability distributions induced by the true relevance and by the scores (softmax over each list).',
      zh: '列表级（listwise）损失：由真实相关度和模型打分分别诱导出的 Top-1 概率分布（对每个列表做 softmax）之间的交叉熵。',
    },
    whenToUse: {
      en: 'Learning to rank with graded labels when you want a cheap listwise objective that is linear in the list length.',
      zh: '带分级标签的排序学习中，需要计算量与列表长度成线性关系的廉价列表级目标时。',
    },
    pitfalls: {
      en: 'Applying a softmax to raw relevance grades makes the target depend on their scale (grades 0–4 vs 0–1 give different targets). The loss is not zero at a perfect ranking; it reaches the entropy of the target distribution.',
      zh: '对原始相关度等级直接做 softmax，使目标依赖于等级的尺度（0–4 与 0–1 得到不同目标）。排序完全正确时损失也不为零，而是等于目标分布的熵。',
    },
    frameworkNotes: {
      en: "Follows allRank's listNet(y_pred, y_true, eps=1e-10, padded_value_indicator=-1), mean over lists. TF-Ranking's SoftmaxLoss normalizes the labels by their sum instead of a softmax, and optax.losses.ranking_softmax_loss(logits, labels) uses the raw labels as weights of −log softmax(s).",
      zh: '遵循 allRank 的 listNet(y_pred, y_true, eps=1e-10, padded_value_indicator=-1)，对列表求平均。TF-Ranking 的 SoftmaxLoss 用标签之和而非 softmax 对标签归一化，optax.losses.ranking_softmax_loss(logits, labels) 则直接以原始标签作为 −log softmax(s) 的权重。',
    },
    paper: {
      authors: 'Zhe Cao, Tao Qin, Tie-Yan Liu, Ming-Feng Tsai, Hang Li',
      year: 2007,
      title: 'Learning to Rank: From Pairwise Approach to Listwise Approach',
      url: 'https://doi.org/10.1145/1273496.1273513',
    },
    sources: [
      { label: 'allRank allrank/models/losses/listNet.py', version: 'default branch, read 2026-12', url: 'https://github.com/allegro/allRank/blob/master/allrank/models/losses/listNet.py' },
      { label: 'optax optax/losses/_ranking.py', version: 'v0.2.8', url: 'https://github.com/google-deepmind/optax/blob/v0.2.8/optax/losses/_ranking.py' },
      { label: 'paper (Cao et al. 2007)', version: '2007', url: 'https://doi.org/10.1145/1273496.1273513' },
    ],
    related: ['listmle-loss', 'ranknet-loss', 'lambdarank-loss', 'cross-entropy'],
    snippets: {
      scratch:
        "def listnet_loss(y_pred, y_true, eps=${1:1e-10}, padded_value_indicator=${2:-1}):\n    pad = y_true == padded_value_indicator  # padded documents get probability 0 on both sides\n    p = F.softmax(y_pred.masked_fill(pad, float('-inf')), dim=1)\n    t = F.softmax(y_true.masked_fill(pad, float('-inf')), dim=1)\n    return -(t * torch.log(p + eps)).sum(1).mean()",
      torch: 'from allrank.models.losses import listNet\nloss = listNet(${1:y_pred}, ${2:y_true})',
      tf: 'def listnet_loss(y_pred, y_true, eps=${1:1e-10}):\n    p = tf.nn.softmax(y_pred, axis=1)\n    t = tf.nn.softmax(y_true, axis=1)\n    return -tf.reduce_mean(tf.reduce_sum(t * tf.math.log(p + eps), 1))',
    },
  },
  {
    id: 'listmle-loss',
    names: { en: 'ListMLE Loss (Plackett–Luce likelihood)', zh: 'ListMLE 损失（Plackett–Luce 似然）' },
    aliases: ['ListMLE', 'listMLE', 'Plackett-Luce loss', 'ListMLELoss', '列表最大似然'],
    category: 'ranking',
    apis: [
      { framework: 'other', symbol: 'allrank.models.losses.listMLE', kind: 'function' },
      { framework: 'other', symbol: 'tfr.keras.losses.ListMLELoss', kind: 'class' },
    ],
    formula: 'L = \\frac{1}{B}\\sum_{q} \\sum_{k=1}^{n} \\Big[\\log\\Big(\\sum_{t=k}^{n} e^{s_{\\pi(t)}}\\Big) - s_{\\pi(k)}\\Big],\\quad \\pi = \\text{documents sorted by } y \\text{ descending}',
    formulaText: 'L = (1/B) Σ_q Σₖ [ log Σ_{t≥k} e^{s_π(t)} − s_π(k) ],  π = documents sorted by relevance (descending)',
    inputs: SLATE_INPUTS,
    params: [num('epsilon', 1e-10, [0, 1e-3], 'Added inside each log for stability (allRank).', '为数值稳定加在每个对数内部的常数（allRank）。'), PAD],
    summary: {
      en: 'The negative log-likelihood of the ground-truth permutation under the Plackett–Luce model defined by the scores: pick the best document, then the best of the rest, and so on.',
      zh: '在由打分定义的 Plackett–Luce 模型下，真实排列的负对数似然：先选出最相关的文档，再从剩余文档中选最相关的，依此类推。',
    },
    whenToUse: {
      en: 'Listwise learning to rank when a full ordering of the documents is known; linear in the list length after sorting.',
      zh: '已知文档完整排序时的列表级排序学习；排序后计算量与列表长度成线性关系。',
    },
    pitfalls: {
      en: 'Ties in the labels are broken arbitrarily: allRank shuffles before sorting, so its value is random when there are ties; the playground keeps ties in their original order. All positions weigh the same, unlike NDCG.',
      zh: '标签相同时的顺序是任意的：allRank 在排序前会随机打乱，因此有并列时其数值是随机的；Playground 保持并列项的原始顺序。所有位置权重相同，这一点与 NDCG 不同。',
    },
    frameworkNotes: {
      en: "Follows allRank's listMLE(y_pred, y_true, padded_value_indicator=-1, epsilon=1e-10), including its max-shift and the ε inside the log; tfr.keras.losses.ListMLELoss is the TensorFlow equivalent.",
      zh: '遵循 allRank 的 listMLE(y_pred, y_true, padded_value_indicator=-1, epsilon=1e-10)，包括减去最大值的平移和对数内的 ε；tfr.keras.losses.ListMLELoss 是 TensorFlow 的对应实现。',
    },
    paper: {
      authors: 'Fen Xia, Tie-Yan Liu, Jue Wang, Wensheng Zhang, Hang Li',
      year: 2008,
      title: 'Listwise Approach to Learning to Rank: Theory and Algorithm',
      url: 'https://doi.org/10.1145/1390156.1390306',
    },
    sources: [
      { label: 'allRank allrank/models/losses/listMLE.py', version: 'default branch, read 2026-12', url: 'https://github.com/allegro/allRank/blob/master/allrank/models/losses/listMLE.py' },
      { label: 'paper (Xia et al. 2008)', version: '2008', url: 'https://doi.org/10.1145/1390156.1390306' },
    ],
    related: ['listnet-loss', 'ranknet-loss', 'lambdarank-loss'],
    snippets: {
      scratch:
        "def listmle_loss(y_pred, y_true, epsilon=${1:1e-10}, padded_value_indicator=${2:-1}):\n    pad = y_true == padded_value_indicator\n    order = y_true.masked_fill(pad, float('-inf')).sort(dim=1, descending=True, stable=True).indices  # padding last\n    s = y_pred.masked_fill(pad, float('-inf')).gather(1, order)\n    s = s - s.max(dim=1, keepdim=True).values\n    cums = s.exp().flip(1).cumsum(1).flip(1)\n    terms = torch.log(cums + epsilon) - s\n    return terms.masked_fill(pad.gather(1, order), 0.0).sum(1).mean()",
      torch: 'from allrank.models.losses import listMLE\nloss = listMLE(${1:y_pred}, ${2:y_true})',
      tf: 'import tensorflow_ranking as tfr\nloss_fn = tfr.keras.losses.ListMLELoss()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
    },
  },
];
