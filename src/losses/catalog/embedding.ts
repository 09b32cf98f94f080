/**
 * Catalog entries: pairwise and embedding losses (margin ranking, hinge/cosine embedding, triplet).
 */
import type { InputSpec, LossEntry, ParamSpec } from '../types';
import { KERAS_LOSSES, OPTAX_REGRESSION, TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, optaxSource } from './sources';
import { REDUCTION } from './common';

const SIGN_TARGET_DOMAIN = { en: '1 or −1', zh: '1 或 −1' };

const MARGIN = (def: number, en: string, zh: string, range: readonly [number, number] = [0, 5]): ParamSpec => ({
  name: 'margin',
  type: 'number',
  default: def,
  range,
  meaning: { en, zh },
});

const SWAP: ParamSpec = {
  name: 'swap',
  type: 'boolean',
  default: false,
  meaning: {
    en: 'Distance swap (Balntas et al. 2016): use min(d(a, n), d(p, n)) as the negative distance, so the harder of the two negative pairs counts.',
    zh: '距离交换（distance swap，Balntas 等 2016）：负样本距离取 min(d(a, n), d(p, n))，以两对负样本中更难的那一对为准。',
  },
};

const TRIPLET_INPUTS: readonly InputSpec[] = [
  {
    name: 'anchor',
    meaning: { en: 'Embeddings of the anchor samples (the gradient is taken with respect to them).', zh: '锚点（anchor）样本的嵌入向量（对它求梯度）。' },
    shape: '(D), (N, D)',
    domain: { en: 'real numbers', zh: '实数' },
  },
  {
    name: 'positive',
    meaning: { en: 'Embeddings of samples of the same identity/class as the anchor.', zh: '与锚点同一身份/类别的正样本（positive）嵌入。' },
    shape: 'same shape as anchor',
    domain: { en: 'real numbers', zh: '实数' },
  },
  {
    name: 'negative',
    meaning: { en: 'Embeddings of samples of a different identity/class.', zh: '不同身份/类别的负样本（negative）嵌入。' },
    shape: 'same shape as anchor',
    domain: { en: 'real numbers', zh: '实数' },
  },
];

const FACENET = {
  authors: 'Florian Schroff, Dmitry Kalenichenko, James Philbin',
  year: 2015,
  title: 'FaceNet: A Unified Embedding for Face Recognition and Clustering',
  url: 'https://arxiv.org/abs/1503.03832',
};

const TRIPLET_PITFALLS = {
  en: "Most random triplets already satisfy the margin and give zero loss and zero gradient, so training stalls without hard or semi-hard triplet mining. Hard-negative mining from the start can collapse every embedding to one point (FaceNet uses semi-hard negatives). The distance is not normalised: scale the margin with the embedding norm, or L2-normalise the embeddings first. PyTorch adds eps to the difference (‖a − p + eps‖), not to the norm.",
  zh: '大多数随机三元组本来就满足间隔，损失和梯度都为 0，不做困难 / 半困难三元组挖掘（hard / semi-hard mining）训练就会停滞；而一开始就只挖最难的负样本，又可能让所有嵌入坍缩到同一点（FaceNet 使用半困难负样本）。距离没有归一化：margin 要随嵌入的范数调整，或先对嵌入做 L2 归一化。PyTorch 把 eps 加在差值上（‖a − p + eps‖），而不是加在范数上。',
};

export const EMBEDDING_ENTRIES: readonly LossEntry[] = [
  {
    id: 'hinge-embedding-loss',
    names: { en: 'Hinge Embedding Loss', zh: '合页嵌入损失（Hinge Embedding）' },
    aliases: ['HingeEmbeddingLoss', 'hinge embedding', '铰链嵌入损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.hinge_embedding_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.HingeEmbeddingLoss', kind: 'class' },
    ],
    formula:
      '\\ell_i = \\begin{cases} x_i & \\text{if } y_i = 1 \\\\ \\max(0,\\ \\Delta - x_i) & \\text{if } y_i = -1 \\end{cases}',
    formulaText: 'ℓᵢ = xᵢ if yᵢ = 1;  max(0, Δ − xᵢ) if yᵢ = −1   (Δ = margin)',
    inputs: [
      {
        name: 'input',
        meaning: {
          en: 'A distance between the two items of each pair (typically the L1 or L2 distance of their embeddings).',
          zh: '每对样本之间的距离（通常是两个嵌入之间的 L1 或 L2 距离）。',
        },
        shape: '(*), any shape',
        domain: { en: 'real numbers, normally ≥ 0 (a distance)', zh: '实数，通常 ≥ 0（距离）' },
      },
      {
        name: 'target',
        meaning: { en: '1 for a similar pair, −1 for a dissimilar pair; broadcastable to input.', zh: '相似对为 1，不相似对为 −1；形状需能广播到 input。' },
        shape: '(*), same shape as input',
        domain: SIGN_TARGET_DOMAIN,
      },
    ],
    params: [
      REDUCTION,
      MARGIN(1.0, 'Dissimilar pairs stop contributing once their distance reaches this value.', '不相似对的距离达到该值后不再产生损失。'),
    ],
    summary: {
      en: 'Pulls similar pairs together by penalising their distance, and pushes dissimilar pairs apart until they are at least margin away.',
      zh: '对相似对直接惩罚其距离，把它们拉近；对不相似对则推开，直到距离至少为 margin。',
    },
    whenToUse: {
      en: 'Learning embeddings or a similarity from labelled pairs (Siamese set-ups), and semi-supervised learning, when you already compute a distance per pair.',
      zh: '由带标签的样本对学习嵌入或相似度（孪生网络 Siamese 设置），以及半监督学习；前提是已经为每对样本算好距离。',
    },
    pitfalls: {
      en: "input is meant to be a non-negative distance, but nothing enforces it: a raw score lets similar pairs drive the loss to −∞. Labels must be exactly 1 or −1 (PyTorch silently adds both terms for any other value; this playground rejects them). Similar pairs are penalised linearly without bound, unlike the contrastive loss's squared distance.",
      zh: 'input 应为非负的距离，但框架并不检查：若传入原始得分，相似对会把损失推向 −∞。标签必须恰好是 1 或 −1（PyTorch 对其他取值会把两项同时加上而不报错；本工具直接拒绝）。相似对的惩罚是无上界的线性项，不同于对比损失（contrastive loss）的平方距离。',
    },
    frameworkNotes: {
      en: 'Only PyTorch ships it. Keras and optax have no equivalent; tf.keras.losses.Hinge is a classification hinge on scores, not this pair loss.',
      zh: '只有 PyTorch 内置。Keras 和 optax 没有对应实现；tf.keras.losses.Hinge 是作用于分类得分的合页损失，与这里的成对损失不同。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES],
    related: ['cosine-embedding-loss', 'margin-ranking-loss', 'triplet-margin-loss'],
    snippets: {
      torch:
        'criterion = nn.HingeEmbeddingLoss(margin=${1:1.0}, reduction=${2|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${3:distance}, ${4:target})',
      tf: 'def hinge_embedding_loss(distance, target, margin=${1:1.0}):\n    per_pair = tf.where(target == 1, distance, tf.maximum(0.0, margin - distance))\n    return tf.reduce_mean(per_pair)\n\nloss = hinge_embedding_loss(${2:distance}, ${3:target})',
      jax: 'def hinge_embedding_loss(distance, target, margin=${1:1.0}):\n    per_pair = jnp.where(target == 1, distance, jnp.maximum(0.0, margin - distance))\n    return per_pair.mean()\n\nloss = hinge_embedding_loss(${2:distance}, ${3:target})',
    },
  },
  {
    id: 'cosine-embedding-loss',
    names: { en: 'Cosine Embedding Loss', zh: '余弦嵌入损失（Cosine Embedding）' },
    aliases: ['CosineEmbeddingLoss', 'cosine embedding', '余弦嵌入损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.cosine_embedding_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.CosineEmbeddingLoss', kind: 'class' },
    ],
    formula:
      '\\ell_i = \\begin{cases} 1 - \\cos(x_{1,i}, x_{2,i}) & \\text{if } y_i = 1 \\\\ \\max\\big(0,\\ \\cos(x_{1,i}, x_{2,i}) - \\Delta\\big) & \\text{if } y_i = -1 \\end{cases},\\quad \\cos(a, b) = \\frac{a \\cdot b}{\\sqrt{(\\lVert a \\rVert^2 + \\epsilon)(\\lVert b \\rVert^2 + \\epsilon)}}',
    formulaText: 'ℓᵢ = 1 − cos(x₁ᵢ, x₂ᵢ) if yᵢ = 1;  max(0, cos(x₁ᵢ, x₂ᵢ) − Δ) if yᵢ = −1;  cos(a, b) = a·b / √((‖a‖² + ε)(‖b‖² + ε)), ε = 1e-12',
    inputs: [
      {
        name: 'input1',
        meaning: { en: 'First embedding of each pair (the gradient is taken with respect to it).', zh: '每对中的第一个嵌入（对它求梯度）。' },
        shape: '(D) with a 0-D target, (N, D) with a (N) target',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'input2',
        meaning: { en: 'Second embedding of each pair.', zh: '每对中的第二个嵌入。' },
        shape: 'same shape as input1',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'target',
        meaning: { en: '1 if the pair should point the same way, −1 if it should not.', zh: '两向量应同向时为 1，否则为 −1。' },
        shape: '(), (N)',
        domain: SIGN_TARGET_DOMAIN,
      },
    ],
    params: [
      REDUCTION,
      MARGIN(
        0,
        'Dissimilar pairs are penalised only while their cosine exceeds this value; −1 to 1, with 0 to 0.5 suggested.',
        '不相似对只有在余弦值超过该值时才受惩罚；取值 −1 到 1，建议 0 到 0.5。',
        [-1, 1],
      ),
    ],
    summary: {
      en: 'Makes the cosine similarity of a pair high when it is labelled similar and pushes it below margin when labelled dissimilar; only the direction of the vectors matters.',
      zh: '标为相似的样本对提高其余弦相似度，标为不相似的则压到 margin 以下；只关心向量的方向，不关心长度。',
    },
    whenToUse: {
      en: 'Learning embeddings compared by cosine similarity (text and sentence embeddings, retrieval, face verification) from labelled pairs.',
      zh: '由带标签的样本对学习用余弦相似度比较的嵌入（文本 / 句子嵌入、检索、人脸验证）。',
    },
    pitfalls: {
      en: 'The norm is ignored, so the loss cannot control embedding length. A zero vector has cosine 0 but a huge gradient (the 1e-12 in the denominator is tiny). Dissimilar pairs with margin 0 only need to be orthogonal, not opposite. PyTorch requires a 0-D target for 1-D inputs and a 1-D target for 2-D inputs.',
      zh: '向量长度被忽略，损失无法约束嵌入的范数。零向量的余弦为 0，但梯度极大（分母里的 1e-12 很小）。margin 为 0 时不相似对只需正交，不必反向。PyTorch 要求 1 维输入配 0 维 target，2 维输入配 1 维 target。',
    },
    frameworkNotes: {
      en: 'PyTorch adds ε = 1e-12 to each squared norm. Keras has no pair loss of this form: tf.keras.losses.CosineSimilarity returns the negative cosine similarity (minimised at −1) without labels or margin. optax.cosine_distance gives 1 − cos per pair, i.e. only the y = 1 branch.',
      zh: 'PyTorch 在每个平方范数上加 ε = 1e-12。Keras 没有这种成对损失：tf.keras.losses.CosineSimilarity 返回负的余弦相似度（最小值为 −1），没有标签也没有 margin。optax.cosine_distance 给出每对的 1 − cos，相当于只有 y = 1 的分支。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_REGRESSION],
    related: ['cosine-similarity', 'hinge-embedding-loss', 'margin-ranking-loss', 'triplet-margin-loss'],
    snippets: {
      torch:
        'criterion = nn.CosineEmbeddingLoss(margin=${1:0.0}, reduction=${2|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${3:x1}, ${4:x2}, ${5:target})',
      tf: 'def cosine_embedding_loss(x1, x2, target, margin=${1:0.0}):\n    cos = -tf.keras.losses.cosine_similarity(x1, x2, axis=-1)\n    per_pair = tf.where(target == 1, 1.0 - cos, tf.maximum(0.0, cos - margin))\n    return tf.reduce_mean(per_pair)\n\nloss = cosine_embedding_loss(${2:x1}, ${3:x2}, ${4:target})',
      jax: 'def cosine_embedding_loss(x1, x2, target, margin=${1:0.0}):\n    cos = optax.cosine_similarity(x1, x2)\n    per_pair = jnp.where(target == 1, 1.0 - cos, jnp.maximum(0.0, cos - margin))\n    return per_pair.mean()\n\nloss = cosine_embedding_loss(${2:x1}, ${3:x2}, ${4:target})',
    },
  },
  {
    id: 'margin-ranking-loss',
    names: { en: 'Margin Ranking Loss', zh: '间隔排序损失（Margin Ranking）' },
    aliases: ['MarginRankingLoss', 'pairwise ranking hinge', '排序损失', '间隔排序损失'],
    category: 'ranking',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.margin_ranking_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.MarginRankingLoss', kind: 'class' },
    ],
    formula: '\\ell_i = \\max\\big(0,\\ -y_i\\,(x_{1,i} - x_{2,i}) + \\Delta\\big)',
    formulaText: 'ℓᵢ = max(0, −yᵢ(x₁ᵢ − x₂ᵢ) + Δ)',
    inputs: [
      {
        name: 'input1',
        meaning: { en: 'Score of the first item of each pair (the gradient is taken with respect to it).', zh: '每对中第一个样本的得分（对它求梯度）。' },
        shape: '(), (N)',
        domain: { en: 'real scores', zh: '实数得分' },
      },
      {
        name: 'input2',
        meaning: { en: 'Score of the second item of each pair.', zh: '每对中第二个样本的得分。' },
        shape: 'same shape as input1 (broadcastable)',
        domain: { en: 'real scores', zh: '实数得分' },
      },
      {
        name: 'target',
        meaning: { en: '1 if input1 should rank higher than input2, −1 if lower.', zh: 'input1 应排在 input2 之前时为 1，之后为 −1。' },
        shape: 'same shape as input1 (broadcastable)',
        domain: SIGN_TARGET_DOMAIN,
      },
    ],
    params: [
      REDUCTION,
      MARGIN(0, 'How far the better item must out-score the other before the pair stops contributing.', '排在前面的样本得分需超出另一个多少，这对样本才不再产生损失。'),
    ],
    summary: {
      en: 'A pairwise ranking hinge: zero once the preferred item out-scores the other by margin, linear in the shortfall otherwise.',
      zh: '成对排序的合页损失：偏好的样本得分超过另一方 margin 后损失为 0，否则按差距线性惩罚。',
    },
    whenToUse: {
      en: 'Learning to rank from pairwise preferences (search, recommendation, RankNet-style training with a hinge), and any model whose outputs only need the right order.',
      zh: '由成对偏好学习排序（搜索、推荐、带合页的 RankNet 式训练），以及只需要输出顺序正确的模型。',
    },
    pitfalls: {
      en: 'With margin 0 a tie already gives zero loss, so use a positive margin. Scores have no absolute meaning after training (only differences do). The number of pairs grows quadratically with list length; sample them. All three inputs must have the same number of dimensions in PyTorch.',
      zh: 'margin 为 0 时两者得分相同就已经没有损失，因此应取正的 margin。训练后的得分只有差值有意义，绝对值没有含义。样本对的数量随列表长度平方增长，需要采样。PyTorch 要求三个输入的维数相同。',
    },
    frameworkNotes: {
      en: 'Only PyTorch ships this exact loss. TensorFlow Ranking (tfr.keras.losses.PairwiseHingeLoss) builds every pair inside a list and weights them; Keras core and optax have no pairwise margin loss (optax.losses.ranking_softmax_loss is a listwise softmax loss).',
      zh: '只有 PyTorch 内置这个损失。TensorFlow Ranking 的 tfr.keras.losses.PairwiseHingeLoss 会在整个列表内构造所有样本对并加权；Keras 本身和 optax 都没有成对间隔损失（optax.losses.ranking_softmax_loss 是列表级 softmax 损失）。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES],
    related: ['hinge-embedding-loss', 'triplet-margin-loss'],
    snippets: {
      torch:
        'criterion = nn.MarginRankingLoss(margin=${1:0.0}, reduction=${2|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${3:score1}, ${4:score2}, ${5:target})',
      tf: 'def margin_ranking_loss(s1, s2, target, margin=${1:0.0}):\n    return tf.reduce_mean(tf.maximum(0.0, -target * (s1 - s2) + margin))\n\nloss = margin_ranking_loss(${2:score1}, ${3:score2}, ${4:target})',
      jax: 'def margin_ranking_loss(s1, s2, target, margin=${1:0.0}):\n    return jnp.maximum(0.0, -target * (s1 - s2) + margin).mean()\n\nloss = margin_ranking_loss(${2:score1}, ${3:score2}, ${4:target})',
    },
  },
  {
    id: 'triplet-margin-loss',
    names: { en: 'Triplet Margin Loss', zh: '三元组间隔损失（Triplet Loss）' },
    aliases: ['TripletMarginLoss', 'triplet loss', 'FaceNet loss', '三元组损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.triplet_margin_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.TripletMarginLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.losses.triplet_margin_loss', kind: 'function' },
    ],
    formula:
      '\\ell_i = \\max\\big(0,\\ \\Delta + d(a_i, p_i) - d(a_i, n_i)\\big),\\quad d(u, v) = \\lVert u - v + \\epsilon \\rVert_p',
    formulaText: 'ℓᵢ = max(0, Δ + d(aᵢ, pᵢ) − d(aᵢ, nᵢ)),  d(u, v) = ‖u − v + ε‖ₚ   (swap: d(aᵢ, nᵢ) → min(d(aᵢ, nᵢ), d(pᵢ, nᵢ)))',
    inputs: TRIPLET_INPUTS,
    params: [
      REDUCTION,
      MARGIN(1.0, 'Required gap between the negative and the positive distance.', '负样本距离与正样本距离之间要求的最小差距。'),
      {
        name: 'p',
        type: 'number',
        default: 2,
        range: [1, 4],
        meaning: { en: 'Degree of the norm used as the distance (2 = Euclidean, 1 = Manhattan, Infinity = max).', zh: '作为距离的范数阶数（2 为欧氏距离，1 为曼哈顿距离，Infinity 为最大值范数）。' },
      },
      {
        name: 'eps',
        type: 'number',
        default: 1e-6,
        range: [0, 0.001],
        meaning: { en: 'Added to every component of the difference before the norm, keeping the gradient finite when two embeddings coincide.', zh: '在求范数前加到差向量的每个分量上，使两个嵌入重合时梯度仍然有限。' },
      },
      SWAP,
    ],
    summary: {
      en: 'Asks each anchor to be closer to a positive than to a negative by at least margin; the workhorse loss of face recognition and metric learning.',
      zh: '要求每个锚点到正样本的距离比到负样本的距离至少小 margin；人脸识别和度量学习（metric learning）中最常用的损失之一。',
    },
    whenToUse: {
      en: 'Learning an embedding where distance reflects identity or similarity (faces, person re-identification, image retrieval, local descriptors) when you can form (anchor, positive, negative) triplets.',
      zh: '需要学习一个以距离反映身份或相似度的嵌入空间（人脸、行人重识别、图像检索、局部描述子），且能构造（锚点、正样本、负样本）三元组时。',
    },
    pitfalls: TRIPLET_PITFALLS,
    frameworkNotes: {
      en: "PyTorch: pairwise_distance adds eps to the difference, p defaults to 2, swap defaults to False, and it averages over the batch. optax.losses.triplet_margin_loss (optax ≥ 0.2.5) adds eps inside the root, (Σ (a − p)ᵖ + eps)^(1/p), has no swap and returns the unreduced per-triplet losses. Keras core has none; TensorFlow Addons' TripletSemiHardLoss / TripletHardLoss mine triplets inside a labelled batch instead of taking explicit triplets.",
      zh: 'PyTorch：pairwise_distance 把 eps 加在差值上，p 默认 2，swap 默认 False，对 batch 求平均。optax.losses.triplet_margin_loss（optax ≥ 0.2.5）把 eps 加在开方之内，即 (Σ (a − p)ᵖ + eps)^(1/p)，没有 swap，返回逐个三元组的未汇总损失。Keras 本身没有；TensorFlow Addons 的 TripletSemiHardLoss / TripletHardLoss 在带标签的 batch 内部自动挖掘三元组，而不是接收显式三元组。',
    },
    paper: FACENET,
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, optaxSource('optax/losses/_self_supervised.py', 'v0.2.5'), optaxSource('optax/losses/_self_supervised.py', 'v0.2.8')],
    related: ['triplet-margin-with-distance-loss', 'hinge-embedding-loss', 'cosine-embedding-loss', 'margin-ranking-loss'],
    snippets: {
      torch:
        'criterion = nn.TripletMarginLoss(margin=${1:1.0}, p=${2:2}, eps=${3:1e-6}, swap=${4|False,True|}, reduction=${5|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${6:anchor}, ${7:positive}, ${8:negative})',
      tf: 'def triplet_margin_loss(anchor, positive, negative, margin=${1:1.0}, eps=${2:1e-6}):\n    d_pos = tf.norm(anchor - positive + eps, axis=-1)\n    d_neg = tf.norm(anchor - negative + eps, axis=-1)\n    return tf.reduce_mean(tf.maximum(0.0, margin + d_pos - d_neg))\n\nloss = triplet_margin_loss(${3:anchor}, ${4:positive}, ${5:negative})',
      jax: 'loss = optax.losses.triplet_margin_loss(${1:anchor}, ${2:positive}, ${3:negative}, margin=${4:1.0}).mean()',
    },
  },
  {
    id: 'triplet-margin-with-distance-loss',
    names: { en: 'Triplet Margin Loss with Custom Distance', zh: '自定义距离的三元组间隔损失' },
    aliases: ['TripletMarginWithDistanceLoss', 'triplet loss with distance function', '自定义距离三元组损失'],
    category: 'metric-learning',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.triplet_margin_with_distance_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.TripletMarginWithDistanceLoss', kind: 'class' },
    ],
    formula: '\\ell_i = \\max\\big(0,\\ d(a_i, p_i) - d(a_i, n_i) + \\Delta\\big),\\quad d = \\texttt{distance\\_function}\\ (\\text{default } \\lVert u - v + 10^{-6} \\rVert_2)',
    formulaText: 'ℓᵢ = max(0, d(aᵢ, pᵢ) − d(aᵢ, nᵢ) + Δ),  d = distance_function (default: pairwise_distance, ‖u − v + 1e-6‖₂)',
    inputs: TRIPLET_INPUTS,
    params: [
      REDUCTION,
      MARGIN(1.0, 'Required gap between the negative and the positive distance (non-negative).', '负样本距离与正样本距离之间要求的最小差距（非负）。'),
      SWAP,
    ],
    summary: {
      en: 'The triplet loss with a pluggable distance: any callable that returns one non-negative distance per row (cosine distance, a learned metric); by default the Euclidean pairwise_distance.',
      zh: '距离函数可替换的三元组损失：任何对每一行返回一个非负距离的可调用对象都可以（余弦距离、学习得到的度量）；默认是欧氏距离 pairwise_distance。',
    },
    whenToUse: {
      en: 'Triplet training where Euclidean distance is the wrong geometry, e.g. cosine distance for normalised text/image embeddings, or a distance that includes a learned projection.',
      zh: '欧氏距离不适合的三元组训练，例如对归一化的文本 / 图像嵌入使用余弦距离，或使用包含可学习投影的距离。',
    },
    pitfalls: {
      en: `${TRIPLET_PITFALLS.en} The custom distance must be non-negative and computed row-wise; a similarity (larger = closer) must be turned into a distance first. This playground computes the default distance only.`,
      zh: `${TRIPLET_PITFALLS.zh}自定义距离必须非负并逐行计算；相似度（越大越近）需要先转换为距离。本工具只计算默认距离。`,
    },
    frameworkNotes: {
      en: 'With the default distance it equals triplet_margin_loss(p=2, eps=1e-6) (up to rounding). distance_function is keyword-only and cannot be scripted with TorchScript. Keras and optax have no counterpart; write the distance and the hinge yourself.',
      zh: '使用默认距离时等同于 triplet_margin_loss(p=2, eps=1e-6)（仅有舍入差异）。distance_function 只能以关键字传入，且无法用 TorchScript 编译。Keras 和 optax 没有对应实现，需要自行写出距离和合页部分。',
    },
    paper: {
      authors: 'Vassileios Balntas, Edgar Riba, Daniel Ponsa, Krystian Mikolajczyk',
      year: 2016,
      title: 'Learning local feature descriptors with triplets and shallow convolutional neural networks',
      url: 'https://bmva-archive.org.uk/bmvc/2016/papers/paper119/abstract119.pdf',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES],
    related: ['triplet-margin-loss', 'cosine-embedding-loss'],
    snippets: {
      torch:
        'criterion = nn.TripletMarginWithDistanceLoss(distance_function=${1:nn.PairwiseDistance()}, margin=${2:1.0}, swap=${3|False,True|}, reduction=${4|\'mean\',\'sum\',\'none\'|})\nloss = criterion(${5:anchor}, ${6:positive}, ${7:negative})',
      tf: 'def triplet_with_distance(anchor, positive, negative, distance=lambda u, v: tf.norm(u - v + 1e-6, axis=-1), margin=${1:1.0}):\n    return tf.reduce_mean(tf.maximum(0.0, distance(anchor, positive) - distance(anchor, negative) + margin))\n\nloss = triplet_with_distance(${2:anchor}, ${3:positive}, ${4:negative})',
      jax: 'def triplet_with_distance(anchor, positive, negative, distance=optax.cosine_distance, margin=${1:1.0}):\n    return jnp.maximum(0.0, distance(anchor, positive) - distance(anchor, negative) + margin).mean()\n\nloss = triplet_with_distance(${2:anchor}, ${3:positive}, ${4:negative})',
    },
  },
];
