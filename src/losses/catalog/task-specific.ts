/**
 * Catalog entries: task-specific losses (3D orientation, text-to-image matching,
 * person re-identification, face landmarks, sequence-level training, distillation,
 * discrete relaxations).
 */
import type { LossEntry } from '../types';
import { POINTWISE_INPUTS, REDUCTION } from './common';

export const TASK_SPECIFIC_ENTRIES: readonly LossEntry[] = [
  {
    id: 'multi-bin-angle-loss',
    names: { en: 'Multi-Bin Orientation Loss', zh: '多 bin 角度损失（MultiBin）' },
    aliases: ['MultiBin loss', 'multi-bin loss', 'hybrid classification/regression loss', 'discrete-continuous loss', '多bin损失', '混合分类/回归损失', '离散/连续损失', 'anchor-based regression'],
    category: 'task-specific',
    apis: [],
    formula:
      '\\mathcal{L}_\\theta = \\underbrace{-\\log \\mathrm{softmax}(z)_{b^*}}_{\\text{bin confidence}} + w \\cdot \\frac{1}{n_{\\theta^*}} \\sum_{i \\in \\mathcal{B}(\\theta^*)} \\Big(1 - \\cos\\big(\\theta^* - c_i - \\Delta\\theta_i\\big)\\Big), \\quad \\Delta\\theta_i = \\operatorname{atan2}(\\sin_i, \\cos_i)',
    formulaText: 'L = CE(bin logits, nearest bin b*) + w·(1/n)·Σ_{bins i covering θ*} (1 − cos(θ* − c_i − atan2(sin_i, cos_i)))',
    inputs: [
      {
        name: 'input',
        meaning: {
          en: 'Per bin: [confidence logit, cos Δθ, sin Δθ] (the offset from the bin centre as an unnormalised (cos, sin) pair).',
          zh: '每个 bin 输出 [置信度 logit, cos Δθ, sin Δθ]（相对 bin 中心的偏移，以未归一化的 (cos, sin) 表示）。',
        },
        shape: '(N, B, 3)',
        domain: { en: 'real numbers; (cos, sin) not both 0', zh: '实数；(cos, sin) 不能同时为 0' },
      },
      {
        name: 'target',
        meaning: { en: 'Ground-truth angle θ* (e.g. the local orientation α of a car).', zh: '真实角度 θ*（如车辆的局部朝向角 α）。' },
        shape: '(N)',
        domain: { en: 'radians (any real; wrapped to (−π, π])', zh: '弧度（任意实数，会被折算到 (−π, π]）' },
      },
    ],
    params: [
      {
        name: 'overlap',
        type: 'number',
        default: 0.1,
        range: [0, 1],
        meaning: {
          en: 'Bin overlap: bin i (centred at 2πi/B) covers θ when |θ − c_i| ≤ (1 + overlap)·π/B.',
          zh: 'bin 的重叠比例：中心为 2πi/B 的第 i 个 bin 在 |θ − c_i| ≤ (1 + overlap)·π/B 时覆盖 θ。',
        },
      },
      {
        name: 'w',
        type: 'number',
        default: 0.4,
        range: [0, 5],
        meaning: { en: 'Weight w of the localisation (offset) term (0.4 in a widely used PyTorch reimplementation).', zh: '定位（偏移）项的权重 w（一个常用的 PyTorch 复现中取 0.4）。' },
      },
      {
        ...REDUCTION,
        meaning: { en: "Over samples: 'mean', 'sum' or 'none' (per-sample losses).", zh: "在样本上的汇总方式：'mean'、'sum' 或 'none'（逐样本损失）。" },
      },
    ],
    summary: {
      en: 'Splits the angle range into B overlapping bins: a softmax classifies which bin the angle falls in, and each bin regresses the residual from its centre as a (cos, sin) pair. A hybrid discrete–continuous loss that handles multimodal or wrapped targets which L1/L2 regression averages badly.',
      zh: '把角度范围划分为 B 个相互重叠的 bin：softmax 判断角度落在哪个 bin，每个 bin 再以 (cos, sin) 回归相对其中心的残差。这种离散–连续混合损失能处理多峰或周期性（环绕）的目标，而 L1/L2 回归会把它们错误地平均。',
    },
    whenToUse: {
      en: 'Orientation (yaw/observation angle) in monocular 3D detection (Deep3DBox and its successors) and, as heading-bin classification plus residual regression, in point-cloud detectors such as Frustum PointNet, and any regression target that is multimodal: classify the mode (bin/anchor), then regress the offset.',
      zh: '单目与点云三维检测中的朝向角（航向角/观测角）回归（Deep3DBox 及其后续工作；Frustum PointNet 等点云检测器中则是“航向 bin 分类 + 残差回归”的形式），以及任何多峰的回归目标：先分类所属模式（bin/anchor），再回归偏移量。',
    },
    pitfalls: {
      en: 'Bin centres, overlap and the confidence target (nearest bin here; some code uses the first covering bin) differ between implementations. Predicting the offset as (cos, sin) avoids the ±π discontinuity; normalise the pair before decoding. The cosine term is the paper\'s −cos plus a constant 1, so it is non-negative but has the same gradient.',
      zh: '各实现的 bin 中心、重叠比例和置信度目标（这里取最近的 bin；有的代码取第一个覆盖的 bin）不尽相同。以 (cos, sin) 预测偏移可避免 ±π 处的不连续，解码前应先归一化。余弦项是论文中的 −cos 加常数 1，因此非负，但梯度相同。',
    },
    frameworkNotes: {
      en: 'No framework ships it; this kernel packs each bin\'s three outputs into one input so that the gradient covers both the confidences and the offsets. Written in torch in the fixture script (F.cross_entropy + torch.atan2).',
      zh: '各框架都没有内置。本实现把每个 bin 的三个输出放在同一个输入中，使梯度同时覆盖置信度和偏移。夹具脚本中用 torch 编写（F.cross_entropy + torch.atan2）。',
    },
    paper: {
      authors: 'Arsalan Mousavian, Dragomir Anguelov, John Flynn, Jana Košecká',
      year: 2017,
      title: '3D Bounding Box Estimation Using Deep Learning and Geometry',
      url: 'https://arxiv.org/abs/1612.00496',
    },
    sources: [
      { label: 'paper (Mousavian et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1612.00496' },
      { label: 'paper (Qi et al. 2018, Frustum PointNets)', version: '2018', url: 'https://arxiv.org/abs/1711.08488' },
    ],
    related: ['cross-entropy', 'smooth-l1-loss', 'mse-loss', 'l1-loss'],
    snippets: {
      torch:
        "def multibin_loss(conf, orient, theta, overlap=${2:0.1}, w=${3:0.4}):\n    # conf: (N, B) logits; orient: (N, B, 2) (cos, sin); theta: (N,) radians\n    bins = conf.shape[1]\n    centres = torch.arange(bins, dtype=theta.dtype) * 2 * torch.pi / bins\n    diff = torch.remainder(theta[:, None] - centres + torch.pi, 2 * torch.pi) - torch.pi\n    covers = diff.abs() <= (1 + overlap) * torch.pi / bins\n    conf_loss = F.cross_entropy(conf, diff.abs().argmin(dim=1))\n    delta = torch.atan2(orient[..., 1], orient[..., 0])\n    loc = (1 - torch.cos(theta[:, None] - centres - delta)) * covers\n    return conf_loss + w * (loc.sum(1) / covers.sum(1)).mean()\n\nloss = multibin_loss(${4:conf}, ${5:orient}, ${6:theta})",
      tf: 'def multibin_loss(conf, orient, theta, bins=${1:2}, overlap=${2:0.1}, w=${3:0.4}):\n    centres = tf.range(bins, dtype=theta.dtype) * 2 * 3.141592653589793 / bins\n    diff = tf.math.floormod(theta[:, None] - centres + 3.141592653589793, 2 * 3.141592653589793) - 3.141592653589793\n    covers = tf.cast(tf.abs(diff) <= (1 + overlap) * 3.141592653589793 / bins, theta.dtype)\n    conf_loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(tf.argmin(tf.abs(diff), axis=1), conf, from_logits=True))\n    delta = tf.atan2(orient[..., 1], orient[..., 0])\n    loc = (1 - tf.cos(theta[:, None] - centres - delta)) * covers\n    return conf_loss + w * tf.reduce_mean(tf.reduce_sum(loc, 1) / tf.reduce_sum(covers, 1))\n\nloss = multibin_loss(${4:conf}, ${5:orient}, ${6:theta})',
    },
  },
  {
    id: 'damsm-loss',
    names: { en: 'DAMSM Loss (Deep Attentional Multimodal Similarity Model)', zh: 'DAMSM 损失（深度注意力多模态相似度模型）' },
    aliases: ['DAMSM', 'AttnGAN matching loss', 'word-region matching loss', '图文匹配损失', '深度注意力多模态相似模型'],
    category: 'task-specific',
    apis: [],
    formula:
      'R(Q, D) = \\log\\Big(\\sum_{i=1}^{T} \\exp\\big(\\gamma_2 R(c_i, e_i)\\big)\\Big)^{1/\\gamma_2}, \\quad P(D_i \\mid Q_i) = \\frac{\\exp(\\gamma_3 R(Q_i, D_i))}{\\sum_{j=1}^{M} \\exp(\\gamma_3 R(Q_i, D_j))}, \\quad \\mathcal{L}_{\\text{DAMSM}} = L_1^w + L_2^w + L_1^s + L_2^s',
    formulaText:
      'word level: c_i = Σ_j softmax_j(γ₁·s_ij)·v_j (region context for word i), R(Q, D) = (1/γ₂)·log Σ_i exp(γ₂·cos(c_i, e_i)); L₁ʷ = −Σ log P(D|Q), L₂ʷ = −Σ log P(Q|D) with P = softmax over the batch of γ₃·R; sentence level Lˢ₁, Lˢ₂ the same with cos(global image, sentence)',
    inputs: [
      { name: 'regions', meaning: { en: 'Image sub-region features (e.g. the 17×17 = 289 regions of Inception-v3 mixed_6e, projected to D).', zh: '图像子区域特征（如 Inception-v3 mixed_6e 的 17×17 = 289 个区域，投影到 D 维）。' }, shape: '(M, R, D)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'words', meaning: { en: 'Word features from the text encoder.', zh: '文本编码器输出的词特征。' }, shape: '(M, T, D)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'img_code', meaning: { en: 'Global image feature.', zh: '图像全局特征。' }, shape: '(M, D)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'sent_code', meaning: { en: 'Sentence feature.', zh: '句子特征。' }, shape: '(M, D)', domain: { en: 'real numbers', zh: '实数' } },
    ],
    params: [
      { name: 'gamma1', type: 'number', default: 5, range: [1, 10], meaning: { en: 'γ₁: sharpness of word-to-region attention (5 in AttnGAN).', zh: 'γ₁：词到图像区域注意力的锐度（AttnGAN 取 5）。' } },
      { name: 'gamma2', type: 'number', default: 5, range: [1, 10], meaning: { en: 'γ₂: how much the most relevant word dominates the image–sentence score (5).', zh: 'γ₂：最相关的词在图像–句子得分中的主导程度（取 5）。' } },
      { name: 'gamma3', type: 'number', default: 10, range: [1, 20], meaning: { en: 'γ₃: smoothing (inverse temperature) of the posterior over the batch (10).', zh: 'γ₃：batch 内后验概率的平滑因子（逆温度，取 10）。' } },
    ],
    summary: {
      en: 'A text–image matching loss from AttnGAN: each word attends over image sub-regions, the attended context is compared with the word by cosine similarity, and the scores of matching image–caption pairs are pushed up against the other pairs in the batch, at word level and at sentence level.',
      zh: '来自 AttnGAN 的图文匹配损失：每个词对图像子区域做注意力，注意力得到的区域上下文与词向量计算余弦相似度；在词级和句子级两个层面，把匹配图文对的得分相对 batch 内其他配对拉高。',
    },
    whenToUse: {
      en: 'Pretraining text and image encoders for text-to-image GANs (AttnGAN, DM-GAN, ControlGAN), and as an extra generator loss that rewards fine-grained word–region consistency.',
      zh: '为文本生成图像的 GAN（AttnGAN、DM-GAN、ControlGAN）预训练文本与图像编码器，并作为生成器的附加损失，奖励细粒度的词–区域一致性。',
    },
    pitfalls: {
      en: 'Needs the encoders\' region features (e.g. Inception-v3 mixed_6e, 17×17) and word features; batches with duplicate captions create false negatives. Reference only here: it is a function of two encoders and attention, so the playground does not compute it.',
      zh: '需要编码器输出的区域特征（如 Inception-v3 的 mixed_6e，17×17）和词特征；batch 中若有重复描述会产生假负例。此处仅作参考：它依赖两个编码器与注意力计算，playground 不计算它。',
    },
    frameworkNotes: {
      en: 'No framework ships it; the AttnGAN code (words_loss / sent_loss) is the reference. It is the ancestor of CLIP-style symmetric contrastive losses.',
      zh: '各框架都没有内置，以 AttnGAN 代码（words_loss / sent_loss）为准。它是 CLIP 式对称对比损失的前身。',
    },
    paper: {
      authors: 'Tao Xu, Pengchuan Zhang, Qiuyuan Huang, Han Zhang, Zhe Gan, Xiaolei Huang, Xiaodong He',
      year: 2018,
      title: 'AttnGAN: Fine-Grained Text to Image Generation with Attentional Generative Adversarial Networks',
      url: 'https://arxiv.org/abs/1711.10485',
    },
    sources: [
      { label: 'AttnGAN code/miscc/config.py, losses.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/taoxugit/AttnGAN' },
      { label: 'paper (Xu et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1711.10485' },
    ],
    related: ['infonce-loss', 'clip-loss', 'cross-entropy', 'cosine-embedding-loss', 'gan-generator-non-saturating-loss'],
    snippets: {
      torch:
        'def sent_loss(img, sent, gamma3=${1:10.0}):\n    # img, sent: (M, D) global image / sentence features of matching pairs\n    sim = gamma3 * F.normalize(img, dim=1) @ F.normalize(sent, dim=1).t()\n    labels = torch.arange(img.size(0))\n    return F.cross_entropy(sim, labels) + F.cross_entropy(sim.t(), labels)\n\n\ndef words_loss(regions, words, gamma1=${2:5.0}, gamma2=${3:5.0}, gamma3=${1:10.0}):\n    # regions: (M, R, D) image sub-regions; words: (M, T, D) word features\n    m = regions.size(0)\n    scores = torch.empty(m, m)\n    for i in range(m):\n        for j in range(m):\n            attn = torch.softmax(gamma1 * words[i] @ regions[j].t(), dim=1)\n            ctx = attn @ regions[j]\n            r = F.cosine_similarity(ctx, words[i], dim=1)\n            scores[j, i] = torch.logsumexp(gamma2 * r, 0) / gamma2\n    labels = torch.arange(m)\n    return F.cross_entropy(gamma3 * scores, labels) + F.cross_entropy(gamma3 * scores.t(), labels)\n\nloss = words_loss(${4:regions}, ${5:words}) + sent_loss(${6:img_code}, ${7:sent_code})',
      tf: 'def sent_loss(img, sent, gamma3=${1:10.0}):\n    sim = gamma3 * tf.matmul(tf.math.l2_normalize(img, 1), tf.math.l2_normalize(sent, 1), transpose_b=True)\n    labels = tf.range(tf.shape(img)[0])\n    ce = tf.keras.losses.sparse_categorical_crossentropy\n    return tf.reduce_mean(ce(labels, sim, from_logits=True)) + tf.reduce_mean(ce(labels, tf.transpose(sim), from_logits=True))\n\nloss = sent_loss(${2:img_code}, ${3:sent_code})',
    },
  },
  {
    id: 'verification-loss',
    names: { en: 'Verification Loss (Re-ID pair classification)', zh: '验证损失（行人重识别中的样本对分类）' },
    aliases: ['verification loss', 'Re-ID verification loss', 'pair classification loss', 'Siamese verification loss', '验证损失', '行人重识别验证损失'],
    category: 'task-specific',
    apis: [],
    formula: 'f_{ij} = (f_i - f_j)^2, \\quad p(\\delta_{ij} \\mid f_{ij}) = \\mathrm{softmax}(W f_{ij} + b), \\quad \\mathcal{L} = -\\delta_{ij} \\log p(1 \\mid f_{ij}) - (1 - \\delta_{ij}) \\log p(0 \\mid f_{ij})',
    formulaText: 'f_ij = (f_i − f_j)² (elementwise); p = softmax(W·f_ij + b); L = −δ·log p(same) − (1 − δ)·log p(different)',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Embeddings f_i of the first image of each pair.', zh: '每对样本中第一张图像的嵌入特征 f_i。' },
        shape: '(N, D)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'other',
        meaning: { en: 'Embeddings f_j of the second image.', zh: '第二张图像的嵌入特征 f_j。' },
        shape: '(N, D)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'classifier_weight',
        meaning: { en: 'Weights W of the two-way same/different classifier (row 0: different, row 1: same).', zh: '“相同/不同”二分类器的权重 W（第 0 行为不同，第 1 行为相同）。' },
        shape: '(2, D)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'classifier_bias',
        meaning: { en: 'Bias b of the classifier (zeros if omitted).', zh: '分类器偏置 b（省略时为 0）。' },
        shape: '(2)',
        domain: { en: 'real numbers', zh: '实数' },
        optional: true,
      },
      {
        name: 'target',
        meaning: { en: 'δ_ij: 1 if both images show the same person, else 0.', zh: 'δ_ij：两张图像是同一个人时为 1，否则为 0。' },
        shape: '(N)',
        domain: { en: '{0, 1}', zh: '取值 0 或 1' },
        integer: true,
      },
    ],
    params: [REDUCTION],
    summary: {
      en: 'Turns re-identification into binary classification of image pairs: the squared difference of the two embeddings is fed to a small classifier that predicts "same identity" or "different", trained with cross-entropy.',
      zh: '把重识别转化为图像对的二分类：两个嵌入特征的差的平方输入一个小分类器，预测“同一身份”或“不同身份”，用交叉熵训练。',
    },
    whenToUse: {
      en: 'Person/vehicle re-identification and face verification with Siamese networks, usually together with an identification (softmax ID) loss on each branch.',
      zh: '基于孪生网络的行人/车辆重识别与人脸验证，通常与每个分支上的身份分类（softmax ID）损失联合使用。',
    },
    pitfalls: {
      en: 'Negative pairs vastly outnumber positives; sample pairs in a balanced way. A pair classifier ignores the relative ordering of distances that triplet losses enforce, so retrieval ranking can lag.',
      zh: '负样本对远多于正样本对，采样时要平衡。样本对分类器不考虑三元组损失所约束的距离相对顺序，检索排序效果可能较弱。',
    },
    frameworkNotes: {
      en: 'No framework ships it: a square layer, a linear layer and F.cross_entropy (or BCE on a single logit). Gradient here with respect to the first embedding.',
      zh: '各框架都没有内置：平方层 + 线性层 + F.cross_entropy（或单 logit 的 BCE）。此处对第一个嵌入求梯度。',
    },
    paper: {
      authors: 'Zhedong Zheng, Liang Zheng, Yi Yang',
      year: 2017,
      title: 'A Discriminatively Learned CNN Embedding for Person Re-identification',
      url: 'https://arxiv.org/abs/1611.05666',
    },
    sources: [
      { label: 'paper (Zheng et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1611.05666' },
    ],
    related: ['contrastive-loss', 'triplet-margin-loss', 'cross-entropy', 'binary-cross-entropy'],
    snippets: {
      torch:
        'class VerificationHead(nn.Module):\n    def __init__(self, dim=${1:512}):\n        super().__init__()\n        self.fc = nn.Linear(dim, 2)\n\n    def forward(self, f_i, f_j, same):\n        return F.cross_entropy(self.fc((f_i - f_j) ** 2), same)\n\nloss = VerificationHead()(${2:f_i}, ${3:f_j}, ${4:same})',
      tf: 'head = tf.keras.layers.Dense(2)\nlogits = head(tf.square(${1:f_i} - ${2:f_j}))\nloss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(${3:same}, logits, from_logits=True))',
    },
  },
  {
    id: 'wing-loss',
    names: { en: 'Wing Loss', zh: 'Wing 损失（人脸关键点）' },
    aliases: ['Wing', 'wing loss', 'facial landmark loss', '翼损失', '人脸关键点损失'],
    category: 'task-specific',
    apis: [],
    formula: '\\mathrm{wing}(x) = \\begin{cases} w \\ln\\big(1 + |x|/\\epsilon\\big) & |x| < w \\\\ |x| - C & \\text{otherwise} \\end{cases}, \\quad C = w - w \\ln(1 + w/\\epsilon)',
    formulaText: 'wing(x) = w·ln(1 + |x|/ε) if |x| < w, else |x| − C, with C = w − w·ln(1 + w/ε), x = input − target',
    inputs: POINTWISE_INPUTS,
    params: [
      { name: 'w', type: 'number', default: 10, range: [0.5, 30], meaning: { en: 'Width w of the logarithmic region (in the units of the coordinates; 10 in the paper, for pixel coordinates).', zh: '对数区域的宽度 w（与坐标同量纲；论文中针对像素坐标取 10）。' } },
      { name: 'epsilon', type: 'number', default: 2, range: [0.1, 10], meaning: { en: 'Curvature ε of the logarithmic part (smaller = sharper; 2 in the paper).', zh: '对数部分的曲率 ε（越小越陡；论文取 2）。' } },
      REDUCTION,
    ],
    summary: {
      en: 'A landmark-regression loss that is logarithmic for small and medium errors, amplifying their gradient relative to L1/L2, and linear (L1) for large errors so outliers do not dominate.',
      zh: '关键点回归损失：小到中等误差时为对数形式，相对 L1/L2 放大其梯度；大误差时为线性（L1），避免离群点主导。',
    },
    whenToUse: {
      en: 'Direct coordinate regression of facial (or body) landmarks, where many small errors matter for accuracy.',
      zh: '人脸（或人体）关键点的坐标直接回归，精度取决于大量小误差时。',
    },
    pitfalls: {
      en: 'The gradient w/(ε + |x|) is large near 0 and jumps in sign at 0, which can oscillate; adaptive wing smooths it. w and ε depend on the coordinate scale (pixels vs normalised).',
      zh: '梯度 w/(ε + |x|) 在 0 附近很大且在 0 处符号跳变，可能引起震荡；adaptive wing 对此做了平滑。w 和 ε 与坐标尺度（像素还是归一化坐标）有关。',
    },
    frameworkNotes: {
      en: 'No framework ships it; a few lines with torch.where. Residual x = input − target; gradient 0 at x = 0.',
      zh: '各框架都没有内置，用 torch.where 写几行即可。残差 x = input − target；在 x = 0 处梯度取 0。',
    },
    paper: {
      authors: 'Zhen-Hua Feng, Josef Kittler, Muhammad Awais, Patrik Huber, Xiao-Jun Wu',
      year: 2018,
      title: 'Wing Loss for Robust Facial Landmark Localisation with Convolutional Neural Networks',
      url: 'https://arxiv.org/abs/1711.06753',
    },
    sources: [
      { label: 'paper (Feng et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1711.06753' },
    ],
    related: ['adaptive-wing-loss', 'l1-loss', 'smooth-l1-loss'],
    snippets: {
      torch:
        "def wing_loss(pred, target, w=${1:10.0}, epsilon=${2:2.0}):\n    x = (pred - target).abs()\n    c = w - w * math.log(1 + w / epsilon)\n    return torch.where(x < w, w * torch.log1p(x / epsilon), x - c).mean()\n\nloss = wing_loss(${3:pred}, ${4:target})",
      tf: 'def wing_loss(y_true, y_pred, w=${1:10.0}, eps=${2:2.0}):\n    x = tf.abs(y_pred - y_true)\n    c = w - w * tf.math.log(1 + w / eps)\n    return tf.reduce_mean(tf.where(x < w, w * tf.math.log1p(x / eps), x - c))\n\nloss = wing_loss(${3:y_true}, ${4:y_pred})',
    },
  },
  {
    id: 'adaptive-wing-loss',
    names: { en: 'Adaptive Wing Loss', zh: '自适应 Wing 损失（Adaptive Wing）' },
    aliases: ['AWing', 'adaptive wing', 'AWing loss', '自适应翼损失'],
    category: 'task-specific',
    apis: [],
    formula:
      '\\mathrm{AWing}(y, \\hat{y}) = \\begin{cases} \\omega \\ln\\Big(1 + \\big|\\tfrac{y - \\hat{y}}{\\epsilon}\\big|^{\\alpha - y}\\Big) & |y - \\hat{y}| < \\theta \\\\ A|y - \\hat{y}| - C & \\text{otherwise} \\end{cases}, \\quad A = \\omega\\frac{(\\alpha - y)(\\theta/\\epsilon)^{\\alpha - y - 1}}{\\epsilon\\,\\big(1 + (\\theta/\\epsilon)^{\\alpha - y}\\big)}, \\quad C = \\theta A - \\omega \\ln\\big(1 + (\\theta/\\epsilon)^{\\alpha - y}\\big)',
    formulaText: 'AWing = ω·ln(1 + |(y − ŷ)/ε|^(α − y)) if |y − ŷ| < θ, else A·|y − ŷ| − C (A, C make it continuous and smooth at θ)',
    inputs: [
      { ...POINTWISE_INPUTS[0], meaning: { en: 'Predicted heatmap ŷ.', zh: '预测的热力图 ŷ。' } },
      { ...POINTWISE_INPUTS[1], meaning: { en: 'Target heatmap y (Gaussian blobs in [0, 1]).', zh: '目标热力图 y（[0, 1] 内的高斯斑点）。' }, domain: { en: '[0, 1]', zh: '[0, 1] 区间内的值' } },
    ],
    params: [
      { name: 'omega', type: 'number', default: 14, range: [1, 30], meaning: { en: 'Overall scale ω (14 in the paper).', zh: '整体尺度 ω（论文取 14）。' } },
      { name: 'theta', type: 'number', default: 0.5, range: [0.05, 2], meaning: { en: 'Switch point θ between the nonlinear and linear parts (0.5).', zh: '非线性部分与线性部分的切换点 θ（0.5）。' } },
      { name: 'epsilon', type: 'number', default: 1, range: [0.1, 5], meaning: { en: 'Scale ε of the error inside the log (1).', zh: '对数内误差的缩放 ε（1）。' } },
      { name: 'alpha', type: 'number', default: 2.1, range: [1.01, 4], meaning: { en: 'Exponent α (> 1); the exponent α − y makes the loss L2-like on background pixels (y ≈ 0) and wing-like on foreground (y ≈ 1). 2.1 in the paper.', zh: '指数 α（> 1）；指数 α − y 使背景像素（y ≈ 0）上近似 L2、前景像素（y ≈ 1）上近似 Wing。论文取 2.1。' } },
      REDUCTION,
    ],
    summary: {
      en: 'A heatmap-regression loss whose shape adapts to the target value: on foreground pixels it behaves like the wing loss (strong gradients for small errors), on background pixels like MSE (small errors tolerated), and it is smooth at zero.',
      zh: '一种形状随目标值自适应的热力图回归损失：在前景像素上类似 Wing 损失（小误差梯度大），在背景像素上类似 MSE（容忍小误差），且在 0 处光滑。',
    },
    whenToUse: {
      en: 'Heatmap-based face alignment and pose estimation, often with a weighted loss map that emphasises foreground and boundary pixels.',
      zh: '基于热力图的人脸对齐和姿态估计，常配合强调前景与边界像素的加权图。',
    },
    pitfalls: {
      en: 'Targets must lie in [0, 1] (heatmaps); α must exceed 1 so the exponent stays positive. The four hyperparameters were tuned for 64×64 heatmaps.',
      zh: '目标必须在 [0, 1] 内（热力图）；α 必须大于 1 以保证指数为正。四个超参数是针对 64×64 热力图调出来的。',
    },
    frameworkNotes: {
      en: "No framework ships it. This follows the paper's formula; the gradient is with respect to the prediction.",
      zh: '各框架都没有内置。本实现遵循论文公式；对预测值求梯度。',
    },
    paper: {
      authors: 'Xinyao Wang, Liefeng Bo, Li Fuxin',
      year: 2019,
      title: 'Adaptive Wing Loss for Robust Face Alignment via Heatmap Regression',
      url: 'https://arxiv.org/abs/1904.07399',
    },
    sources: [
      { label: 'paper (Wang et al. 2019)', version: '2019', url: 'https://arxiv.org/abs/1904.07399' },
    ],
    related: ['wing-loss', 'mse-loss', 'smooth-l1-loss'],
    snippets: {
      torch:
        "def adaptive_wing_loss(pred, target, omega=${1:14.0}, theta=${2:0.5}, epsilon=${3:1.0}, alpha=${4:2.1}):\n    d = (target - pred).abs()\n    e = alpha - target\n    a = omega * e * (theta / epsilon) ** (e - 1) / (1 + (theta / epsilon) ** e) / epsilon\n    c = theta * a - omega * torch.log1p((theta / epsilon) ** e)\n    return torch.where(d < theta, omega * torch.log1p((d / epsilon) ** e), a * d - c).mean()\n\nloss = adaptive_wing_loss(${5:pred_heatmap}, ${6:target_heatmap})",
      tf: 'def adaptive_wing_loss(y_true, y_pred, omega=${1:14.0}, theta=${2:0.5}, eps=${3:1.0}, alpha=${4:2.1}):\n    d = tf.abs(y_true - y_pred)\n    e = alpha - y_true\n    a = omega * e * (theta / eps) ** (e - 1) / (1 + (theta / eps) ** e) / eps\n    c = theta * a - omega * tf.math.log1p((theta / eps) ** e)\n    return tf.reduce_mean(tf.where(d < theta, omega * tf.math.log1p((d / eps) ** e), a * d - c))\n\nloss = adaptive_wing_loss(${5:target_heatmap}, ${6:pred_heatmap})',
    },
  },
  {
    id: 'minimum-risk-training',
    names: { en: 'Minimum Risk Training (sequence-level expected cost)', zh: '最小风险训练（序列级期望代价）' },
    aliases: ['MRT', 'sequence-level risk', 'expected risk minimization', 'sequence-level cross entropy', 'sequence-level loss', '最小风险训练', '序列级损失', '序列级交叉熵'],
    category: 'sequence',
    apis: [],
    formula: 'Q(y \\mid x; \\theta, \\alpha) = \\frac{p(y \\mid x; \\theta)^\\alpha}{\\sum_{y\' \\in S(x)} p(y\' \\mid x; \\theta)^\\alpha}, \\quad \\mathcal{R}(\\theta) = \\sum_{y \\in S(x)} Q(y \\mid x; \\theta, \\alpha)\\, \\Delta(y, y^*)',
    formulaText: 'Q(y|x) = p(y|x)^α / Σ_{y′∈S(x)} p(y′|x)^α over K sampled candidates;  R = Σ_y Q(y|x)·Δ(y, y*)  (Δ = cost, e.g. 1 − sentence BLEU)',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Sequence log-probabilities log p(y|x) of K candidate outputs (sum of token log-probs) per source.', zh: '每个源句的 K 个候选输出的序列对数概率 log p(y|x)（各词元对数概率之和）。' },
        shape: '(K) or (N, K)',
        domain: { en: 'log-probabilities (≤ 0)', zh: '对数概率（≤ 0）' },
      },
      {
        name: 'cost',
        meaning: { en: 'Cost Δ(y, y*) of each candidate against the reference, e.g. 1 − sentence-BLEU.', zh: '每个候选相对参考答案的代价 Δ(y, y*)，如 1 − 句子级 BLEU。' },
        shape: 'same shape as input',
        domain: { en: 'real numbers (usually [0, 1])', zh: '实数（通常在 [0, 1] 内）' },
      },
    ],
    params: [
      { name: 'alpha', type: 'number', default: 0.005, range: [0.001, 1], meaning: { en: 'Sharpness α of the renormalised distribution over candidates (5e-3 in the paper).', zh: '候选集上重新归一化分布的锐度 α（论文取 5e-3）。' } },
      REDUCTION,
    ],
    summary: {
      en: 'A sequence-level objective: instead of token-level cross-entropy on the reference, minimise the expected task cost (e.g. 1 − BLEU) of the model\'s own sampled outputs, under its renormalised distribution over the sample set.',
      zh: '一种序列级目标：不再对参考答案做词元级交叉熵，而是在模型自己采样得到的候选集上（按重新归一化的分布）最小化期望任务代价（如 1 − BLEU）。',
    },
    whenToUse: {
      en: 'Fine-tuning a cross-entropy-trained translation, summarisation or ASR model to the evaluation metric, and to reduce exposure bias.',
      zh: '对已经用交叉熵训练好的翻译、摘要或语音识别模型，按评价指标进行微调，并缓解曝光偏差（exposure bias）。',
    },
    pitfalls: {
      en: 'Start from a pretrained model; from scratch the samples are useless. α must be tuned (too large makes Q nearly one-hot). Include the reference in the candidate set for stability, and mix with token-level cross-entropy.',
      zh: '应从已预训练的模型开始，从头训练时采样结果毫无意义。α 需要调节（过大会让 Q 几乎变成 one-hot）。为稳定起见可把参考答案加入候选集，并与词元级交叉熵混合使用。',
    },
    frameworkNotes: {
      en: 'No framework ships it; it is a softmax over candidates and a dot product with the costs. Gradient with respect to the candidates\' sequence log-probabilities: α·Q·(Δ − R).',
      zh: '各框架都没有内置；就是对候选做 softmax 再与代价做点积。对候选的序列对数概率求梯度：α·Q·(Δ − R)。',
    },
    paper: {
      authors: 'Shiqi Shen, Yong Cheng, Zhongjun He, Wei He, Hua Wu, Maosong Sun, Yang Liu',
      year: 2016,
      title: 'Minimum Risk Training for Neural Machine Translation',
      url: 'https://arxiv.org/abs/1512.02433',
    },
    sources: [
      { label: 'paper (Shen et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1512.02433' },
    ],
    related: ['label-smoothed-sequence-nll', 'cross-entropy', 'reinforce-loss', 'ctc-loss'],
    snippets: {
      torch:
        "alpha = ${1:0.005}\nq = torch.softmax(alpha * ${2:seq_log_probs}, dim=-1)  # (N, K) candidates\nloss = (q * ${3:cost}).sum(-1).mean()",
      tf: 'q = tf.nn.softmax(${1:0.005} * ${2:seq_log_probs}, axis=-1)\nloss = tf.reduce_mean(tf.reduce_sum(q * ${3:cost}, axis=-1))',
      jax: 'q = jax.nn.softmax(${1:0.005} * ${2:seq_log_probs}, axis=-1)\nloss = jnp.mean(jnp.sum(q * ${3:cost}, axis=-1))',
    },
  },
  {
    id: 'label-smoothed-sequence-nll',
    names: { en: 'Label-Smoothed Sequence NLL (fairseq)', zh: '标签平滑的序列负对数似然（fairseq）' },
    aliases: ['label smoothed cross entropy', 'label_smoothed_cross_entropy', 'label-smoothed NLL', 'token-level label smoothing', '序列标签平滑交叉熵', '序列负对数似然'],
    category: 'sequence',
    apis: [{ framework: 'other', symbol: 'fairseq.criterions.label_smoothed_cross_entropy.label_smoothed_nll_loss', kind: 'function' }],
    formula: '\\ell_t = \\Big(1 - \\epsilon - \\frac{\\epsilon}{V - 1}\\Big)\\big(-\\log p_t(y_t)\\big) + \\frac{\\epsilon}{V - 1} \\sum_{v=1}^{V} \\big(-\\log p_t(v)\\big), \\quad \\mathcal{L} = \\sum_{t:\\, y_t \\ne \\text{pad}} \\ell_t',
    formulaText: 'ℓ_t = (1 − ε − ε/(V−1))·(−log p_t(y_t)) + ε/(V−1)·Σ_v(−log p_t(v));  L = Σ over non-padding tokens',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Log-probabilities over the vocabulary for every target position (log_softmax output).', zh: '每个目标位置在词表上的对数概率（log_softmax 的输出）。' },
        shape: '(M, V) or (N, T, V)',
        domain: { en: 'log-probabilities (≤ 0)', zh: '对数概率（≤ 0）' },
      },
      {
        name: 'target',
        meaning: { en: 'Reference token ids; positions equal to ignore_index (padding) are skipped.', zh: '参考答案的词元 id；等于 ignore_index（填充）的位置被跳过。' },
        shape: '(M) or (N, T)',
        domain: { en: 'integers in [0, V) or ignore_index', zh: '[0, V) 内的整数或 ignore_index' },
        integer: true,
      },
    ],
    params: [
      { name: 'epsilon', type: 'number', default: 0.1, range: [0, 0.5], meaning: { en: 'Smoothing mass ε (0.1 is standard for Transformer NMT).', zh: '平滑质量 ε（Transformer 机器翻译中通常取 0.1）。' } },
      { name: 'ignore_index', type: 'integer', default: -100, meaning: { en: 'Target value treated as padding (fairseq uses its dictionary pad index, usually 1).', zh: '视为填充的目标值（fairseq 使用词典的 pad 索引，通常为 1）。' } },
      {
        name: 'reduction',
        type: 'enum',
        default: 'sum',
        options: ['mean', 'sum', 'none'],
        meaning: {
          en: "'sum' over tokens (fairseq's default; it later divides by the token count for logging), 'mean' over non-padding tokens, or 'none'.",
          zh: "'sum' 对词元求和（fairseq 的默认做法，记录日志时再除以词元数），'mean' 对非填充词元求平均，或 'none'。",
        },
      },
    ],
    summary: {
      en: 'Token-level cross-entropy for sequence models with label smoothing in fairseq\'s form: the target token keeps 1 − ε of the mass and the remaining ε is spread over the other V − 1 tokens (fairseq 0.12 and later; up to 0.10.2 fairseq spread ε over all V tokens); summed over the non-padding tokens of the batch.',
      zh: 'fairseq 形式的带标签平滑的序列模型词元级交叉熵：目标词元保留 1 − ε 的概率质量，其余 ε 均匀分给另外 V − 1 个词元（fairseq 0.12 及以后；0.10.2 及以前 fairseq 把 ε 均分给全部 V 个词元）；对 batch 中所有非填充词元求和。',
    },
    whenToUse: {
      en: 'Training Transformer translation, summarisation and speech models; the standard "label_smoothed_cross_entropy" criterion.',
      zh: '训练 Transformer 翻译、摘要和语音模型；即标准的 “label_smoothed_cross_entropy” 准则。',
    },
    pitfalls: {
      en: "Since fairseq 0.12 (change #3182, 2021) it differs slightly from F.cross_entropy(label_smoothing=ε), which spreads ε over all V classes (the target gets 1 − ε + ε/V); fairseq up to 0.10.2 did the same as torch. Label smoothing hurts perplexity and calibration-sensitive uses (e.g. distillation teachers) while improving BLEU.",
      zh: '自 fairseq 0.12（2021 年的改动 #3182）起，它与 F.cross_entropy(label_smoothing=ε) 略有不同：后者把 ε 均分到全部 V 个类别（目标类得到 1 − ε + ε/V）；fairseq 0.10.2 及以前与 torch 相同。标签平滑会损害困惑度以及对校准敏感的用途（如作为蒸馏教师），但能提升 BLEU。',
    },
    frameworkNotes: {
      en: "fairseq's label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index) with reduce=True returns (loss, nll_loss); loss is this sum (fairseq ≥ 0.12 form). Gradient with respect to the log-probabilities.",
      zh: 'fairseq 的 label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index) 在 reduce=True 时返回 (loss, nll_loss)，其中 loss 即该总和（fairseq ≥ 0.12 的形式）。对对数概率求梯度。',
    },
    paper: {
      authors: 'Christian Szegedy, Vincent Vanhoucke, Sergey Ioffe, Jonathon Shlens, Zbigniew Wojna',
      year: 2016,
      title: 'Rethinking the Inception Architecture for Computer Vision',
      url: 'https://arxiv.org/abs/1512.00567',
    },
    sources: [
      { label: 'fairseq fairseq/criterions/label_smoothed_cross_entropy.py', version: 'v0.12.2', url: 'https://github.com/facebookresearch/fairseq/blob/v0.12.2/fairseq/criterions/label_smoothed_cross_entropy.py' },
      { label: 'fairseq fairseq/criterions/label_smoothed_cross_entropy.py', version: 'v0.10.2', url: 'https://github.com/facebookresearch/fairseq/blob/v0.10.2/fairseq/criterions/label_smoothed_cross_entropy.py' },
      { label: 'PyTorch torch/nn/functional.py', version: 'v1.13.0 (Debian python3-torch)', url: 'https://github.com/pytorch/pytorch/blob/v1.13.0/torch/nn/functional.py' },
      { label: 'paper (Szegedy et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1512.00567' },
    ],
    related: ['cross-entropy', 'nll-loss', 'minimum-risk-training', 'knowledge-distillation-loss'],
    snippets: {
      torch:
        "def label_smoothed_nll(lprobs, target, epsilon=${1:0.1}, ignore_index=${2:-100}):\n    mask = target != ignore_index\n    t = target.clamp(min=0)\n    nll = -lprobs.gather(-1, t.unsqueeze(-1)).squeeze(-1)\n    smooth = -lprobs.sum(-1)\n    eps_i = epsilon / (lprobs.size(-1) - 1)\n    return (((1 - epsilon - eps_i) * nll + eps_i * smooth) * mask).sum()\n\nloss = label_smoothed_nll(F.log_softmax(${3:logits}, dim=-1), ${4:target})",
      tf: 'def label_smoothed_nll(lprobs, target, eps=${1:0.1}, pad=${2:-100}):\n    mask = tf.cast(target != pad, lprobs.dtype)\n    t = tf.maximum(target, 0)\n    nll = -tf.gather(lprobs, t, axis=-1, batch_dims=len(target.shape))\n    smooth = -tf.reduce_sum(lprobs, axis=-1)\n    eps_i = eps / (lprobs.shape[-1] - 1)\n    return tf.reduce_sum(((1 - eps - eps_i) * nll + eps_i * smooth) * mask)\n\nloss = label_smoothed_nll(tf.nn.log_softmax(${3:logits}), ${4:target})',
    },
  },
  {
    id: 'knowledge-distillation-loss',
    names: { en: 'Knowledge Distillation Loss (Hinton)', zh: '知识蒸馏损失（Hinton）' },
    aliases: ['KD loss', 'distillation loss', 'soft target loss', 'temperature distillation', '知识蒸馏', '蒸馏损失', '软目标损失'],
    category: 'task-specific',
    apis: [],
    formula: '\\mathcal{L} = \\alpha\\, T^2\\, D_{KL}\\Big(\\mathrm{softmax}\\big(\\tfrac{z_t}{T}\\big) \\,\\Big\\|\\, \\mathrm{softmax}\\big(\\tfrac{z_s}{T}\\big)\\Big) + (1 - \\alpha)\\, \\mathrm{CE}\\big(\\mathrm{softmax}(z_s), y\\big)',
    formulaText: 'L = α·T²·KL(softmax(z_t/T) ‖ softmax(z_s/T)) + (1 − α)·CE(z_s, y);  without labels: T²·KL only',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Student logits z_s.', zh: '学生模型的 logits z_s。' },
        shape: '(N, C)',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'teacher_logits',
        meaning: { en: 'Teacher logits z_t (no gradient).', zh: '教师模型的 logits z_t（不求梯度）。' },
        shape: '(N, C)',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'target',
        meaning: { en: 'Hard labels y for the supervised term (optional).', zh: '监督项使用的硬标签 y（可选）。' },
        shape: '(N)',
        domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' },
        integer: true,
        optional: true,
      },
    ],
    params: [
      { name: 'temperature', type: 'number', default: 4, range: [1, 20], meaning: { en: 'Temperature T > 0 that softens both distributions (2–8 is typical; no library default).', zh: '使两个分布变平滑的温度 T > 0（常用 2–8；没有库默认值）。' } },
      { name: 'alpha', type: 'number', default: 0.9, range: [0, 1], meaning: { en: 'Weight α of the distillation term versus the hard-label term (ignored without a target).', zh: '蒸馏项相对硬标签项的权重 α（无 target 时忽略）。' } },
      {
        ...REDUCTION,
        meaning: { en: "Over samples: 'mean' (KL with batchmean + mean CE), 'sum' or 'none'.", zh: "在样本上的汇总：'mean'（KL 取 batchmean、CE 取平均）、'sum' 或 'none'。" },
      },
    ],
    summary: {
      en: 'Trains a small student to match a large teacher\'s temperature-softened class probabilities ("dark knowledge" in the relative sizes of wrong-class probabilities), usually mixed with ordinary cross-entropy on the true labels.',
      zh: '训练小的学生模型去拟合大的教师模型经温度软化后的类别概率（错误类别之间相对大小所包含的“暗知识”），通常与真实标签上的普通交叉熵混合使用。',
    },
    whenToUse: {
      en: 'Model compression, ensembling into one model, self-distillation, and transferring from a model trained on more data.',
      zh: '模型压缩、把集成模型蒸馏成单个模型、自蒸馏，以及从在更多数据上训练的模型迁移知识。',
    },
    pitfalls: {
      en: 'Forgetting the T² factor shrinks the soft-target gradients by 1/T² relative to the hard-label term. F.kl_div expects the student\'s log-probabilities as input and the teacher\'s probabilities as target, with reduction="batchmean"; the argument order is easy to swap.',
      zh: '忘记乘 T² 会使软目标的梯度相对硬标签项缩小 1/T²。F.kl_div 的 input 是学生的对数概率、target 是教师的概率，并应使用 reduction="batchmean"；参数顺序很容易写反。',
    },
    frameworkNotes: {
      en: 'No framework ships the combined loss; in torch it is F.kl_div(F.log_softmax(s/T), F.softmax(t/T), reduction="batchmean")·T² plus F.cross_entropy. Keras\' Distiller example uses KLDivergence on softened outputs. Gradient with respect to the student logits.',
      zh: '各框架没有内置组合后的损失；在 torch 中为 F.kl_div(F.log_softmax(s/T), F.softmax(t/T), reduction="batchmean")·T² 加上 F.cross_entropy。Keras 的 Distiller 示例在软化输出上使用 KLDivergence。对学生 logits 求梯度。',
    },
    paper: {
      authors: 'Geoffrey Hinton, Oriol Vinyals, Jeff Dean',
      year: 2015,
      title: 'Distilling the Knowledge in a Neural Network',
      url: 'https://arxiv.org/abs/1503.02531',
    },
    sources: [
      { label: 'paper (Hinton et al. 2015)', version: '2015', url: 'https://arxiv.org/abs/1503.02531' },
      { label: 'Keras example knowledge_distillation', version: 'keras.io, read 2026-12', url: 'https://keras.io/examples/vision/knowledge_distillation/' },
    ],
    related: ['kl-div', 'cross-entropy', 'label-smoothed-sequence-nll'],
    snippets: {
      torch:
        "temperature = ${1:4.0}\nalpha = ${2:0.9}\nsoft = F.kl_div(F.log_softmax(${3:student_logits} / temperature, dim=-1), F.softmax(${4:teacher_logits} / temperature, dim=-1), reduction='batchmean') * temperature ** 2\nloss = alpha * soft + (1 - alpha) * F.cross_entropy(${3:student_logits}, ${5:labels})",
      tf: 'T, alpha = ${1:4.0}, ${2:0.9}\nkl = tf.keras.losses.KLDivergence()\nsoft = kl(tf.nn.softmax(${4:teacher_logits} / T), tf.nn.softmax(${3:student_logits} / T)) * T * T\nhard = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)(${5:labels}, ${3:student_logits})\nloss = alpha * soft + (1 - alpha) * hard',
      jax: 'T, alpha = ${1:4.0}, ${2:0.9}\nsoft = optax.kl_divergence(jax.nn.log_softmax(${3:student_logits} / T), jax.nn.softmax(${4:teacher_logits} / T)).mean() * T * T\nloss = alpha * soft + (1 - alpha) * optax.softmax_cross_entropy_with_integer_labels(${3:student_logits}, ${5:labels}).mean()',
    },
  },
  {
    id: 'gumbel-softmax-straight-through',
    names: { en: 'Gumbel-Softmax (Straight-Through) Objective', zh: 'Gumbel-Softmax（直通估计）目标' },
    aliases: ['Gumbel-Softmax', 'Gumbel softmax', 'Concrete distribution', 'straight-through Gumbel', 'ST-Gumbel', 'Gumbel-Softmax 算法', '直通估计器'],
    category: 'task-specific',
    apis: [{ framework: 'pytorch', symbol: 'torch.nn.functional.gumbel_softmax', kind: 'function' }],
    formula: 'y_i = \\frac{\\exp\\big((\\log \\pi_i + g_i)/\\tau\\big)}{\\sum_{j} \\exp\\big((\\log \\pi_j + g_j)/\\tau\\big)}, \\quad g_i = -\\log(-\\log u_i),\\ u_i \\sim U(0, 1); \\quad y_{\\text{hard}} = \\mathrm{onehot}(\\arg\\max y) - \\mathrm{sg}(y) + y',
    formulaText: 'y = softmax((log π + g)/τ), g = −log(−log U);  straight-through: forward onehot(argmax y), backward through y:  y_hard − stop_grad(y) + y',
    inputs: [
      { name: 'logits', meaning: { en: 'Unnormalised log-probabilities of the categorical distribution.', zh: '类别分布的未归一化对数概率。' }, shape: '(*, C)', domain: { en: 'real numbers', zh: '实数' } },
    ],
    params: [
      { name: 'tau', type: 'number', default: 1, range: [0.1, 10], meaning: { en: 'Temperature τ (torch default 1): small τ gives nearly one-hot samples with high-variance gradients.', zh: '温度 τ（torch 默认 1）：τ 越小样本越接近 one-hot，但梯度方差越大。' } },
      { name: 'hard', type: 'boolean', default: false, meaning: { en: 'Return one-hot samples in the forward pass with soft gradients (straight-through).', zh: '前向返回 one-hot 样本、反向使用软梯度（直通估计）。' } },
    ],
    summary: {
      en: 'Not a loss itself but a way to train through discrete choices: a differentiable relaxation of sampling from a categorical distribution, so any downstream loss can backpropagate into the logits; the straight-through variant uses hard one-hot samples forward and the relaxed gradient backward.',
      zh: '它本身不是损失，而是让离散选择可训练的方法：对类别分布采样的可微松弛，使任何下游损失都能反传到 logits；直通（straight-through）版本前向使用 one-hot 硬样本，反向使用松弛后的梯度。',
    },
    whenToUse: {
      en: 'Discrete latent variables (categorical VAEs, VQ alternatives), architecture search, hard attention, and text GANs where tokens must be sampled inside the graph.',
      zh: '离散潜变量（类别 VAE、VQ 的替代方案）、神经架构搜索、硬注意力，以及需要在计算图内采样词元的文本 GAN。',
    },
    pitfalls: {
      en: 'Biased gradients (especially straight-through); anneal τ from about 1 toward 0.5 rather than starting small. Pass logits or log-probabilities, not probabilities. Reference only: its output is random.',
      zh: '梯度有偏（直通版本尤甚）；τ 应从约 1 逐渐退火到 0.5 左右，而不是一开始就很小。传入的应是 logits 或对数概率，而不是概率。此处仅作参考：输出是随机的。',
    },
    frameworkNotes: {
      en: 'torch.nn.functional.gumbel_softmax(logits, tau=1, hard=False, dim=-1); TensorFlow Probability has tfp.distributions.RelaxedOneHotCategorical; in JAX, jax.random.gumbel plus softmax.',
      zh: 'torch.nn.functional.gumbel_softmax(logits, tau=1, hard=False, dim=-1)；TensorFlow Probability 提供 tfp.distributions.RelaxedOneHotCategorical；JAX 中用 jax.random.gumbel 加 softmax。',
    },
    paper: {
      authors: 'Eric Jang, Shixiang Gu, Ben Poole',
      year: 2017,
      title: 'Categorical Reparameterization with Gumbel-Softmax',
      url: 'https://arxiv.org/abs/1611.01144',
    },
    sources: [
      { label: 'PyTorch torch/nn/functional.py', version: 'v1.13.0 (Debian python3-torch)', url: 'https://github.com/pytorch/pytorch/blob/v1.13.0/torch/nn/functional.py' },
      { label: 'paper (Jang et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1611.01144' },
    ],
    related: ['vae-elbo-loss', 'reinforce-loss', 'cross-entropy'],
    snippets: {
      torch: 'y = F.gumbel_softmax(${1:logits}, tau=${2:1.0}, hard=${3|True,False|})\nloss = ${4:downstream_loss}(y)',
      tf: 'g = -tf.math.log(-tf.math.log(tf.random.uniform(tf.shape(${1:logits}), 1e-10, 1.0)))\ny = tf.nn.softmax((${1:logits} + g) / ${2:1.0})\ny_hard = tf.one_hot(tf.argmax(y, -1), tf.shape(y)[-1], dtype=y.dtype)\ny = tf.stop_gradient(y_hard - y) + y',
      jax: 'g = jax.random.gumbel(${1:key}, ${2:logits}.shape)\ny = jax.nn.softmax((${2:logits} + g) / ${3:1.0})\ny = jax.lax.stop_gradient(jax.nn.one_hot(y.argmax(-1), y.shape[-1]) - y) + y',
    },
  },
];
