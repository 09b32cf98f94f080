/**
 * Catalog entries: sequence losses.
 */
import type { LossEntry } from '../types';
import { KERAS_LOSSES, KERAS_TF_NN, OPTAX_CLASSIFICATION, TORCH_FUNCTIONAL, TORCH_LOSS_MODULES } from './sources';
import { REDUCTION } from './common';

export const SEQUENCE_ENTRIES: readonly LossEntry[] = [
  {
    id: 'ctc-loss',
    names: { en: 'Connectionist Temporal Classification Loss (CTC)', zh: '连接时序分类损失（CTC）' },
    aliases: ['CTC', 'CTCLoss', 'connectionist temporal classification', 'CTC 损失', '连接时序分类'],
    category: 'sequence',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.ctc_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.CTCLoss', kind: 'class' },
      { framework: 'tensorflow', symbol: 'tf.nn.ctc_loss', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'keras', symbol: 'tf.keras.backend.ctc_batch_cost', kind: 'function' },
      { framework: 'keras', symbol: 'tf.keras.losses.CTC', kind: 'class' },
      { framework: 'keras', symbol: 'keras.losses.ctc', kind: 'function', defaults: { reduction: 'none' } },
      { framework: 'optax', symbol: 'optax.ctc_loss', kind: 'function', defaults: { reduction: 'none' } },
    ],
    formula:
      '\\ell_n = -\\log \\sum_{\\pi \\in \\mathcal{B}^{-1}(y_n)} \\prod_{t=1}^{T_n} \\exp\\big(\\mathrm{lp}[t, n, \\pi_t]\\big),\\qquad \\text{mean: } \\frac{1}{N}\\sum_{n} \\frac{\\ell_n}{\\max(|y_n|, 1)}',
    formulaText: 'ℓₙ = −log Σ_{π ∈ B⁻¹(yₙ)} Πₜ exp(lp[t, n, πₜ])  (B removes repeats, then blanks);  mean = (1/N) Σₙ ℓₙ / max(|yₙ|, 1)',
    inputs: [
      {
        name: 'log_probs',
        meaning: {
          en: 'Log-probabilities over the C classes (blank included) at every time step, e.g. log_softmax of the network output.',
          zh: '每个时间步在 C 个类别（含空白符 blank）上的对数概率，例如网络输出经过 log_softmax 的结果。',
        },
        shape: '(T, N, C), (T, C)',
        domain: { en: 'log-probabilities (≤ 0, each row should log-sum-exp to 0)', zh: '对数概率（≤ 0，每行的 log-sum-exp 应为 0）' },
      },
      {
        name: 'targets',
        meaning: {
          en: 'Label sequences without blanks: padded to (N, S), or all sequences concatenated into one 1-D array.',
          zh: '不含空白符的标签序列：填充成 (N, S)，或把所有序列首尾相接成一维数组。',
        },
        shape: '(N, S), (sum(target_lengths)), (S)',
        domain: { en: 'class indices in [0, C), never the blank', zh: '[0, C) 内的类别索引，不能是空白符' },
        integer: true,
      },
      {
        name: 'input_lengths',
        meaning: { en: 'Number of valid time steps of each sequence in log_probs.', zh: 'log_probs 中每个序列的有效时间步数。' },
        shape: '(N), ()',
        domain: { en: 'integers in [1, T]', zh: '[1, T] 内的整数' },
        integer: true,
      },
      {
        name: 'target_lengths',
        meaning: { en: 'Length of each target sequence.', zh: '每个目标序列的长度。' },
        shape: '(N), ()',
        domain: { en: 'integers ≥ 0 (≤ S when padded)', zh: '≥ 0 的整数（填充格式时 ≤ S）' },
        integer: true,
      },
    ],
    params: [
      {
        name: 'blank',
        type: 'integer',
        default: 0,
        range: [0, 50],
        meaning: { en: 'Index of the blank class in log_probs.', zh: '空白符（blank）在 log_probs 中的类别索引。' },
      },
      {
        ...REDUCTION,
        meaning: {
          en: "'mean' divides each sequence's loss by its target length, then averages over the batch; 'sum' adds the losses; 'none' returns one loss per sequence.",
          zh: "'mean' 先把每个序列的损失除以其目标长度，再对 batch 取平均；'sum' 求和；'none' 返回每个序列各自的损失。",
        },
      },
      {
        name: 'zero_infinity',
        type: 'boolean',
        default: false,
        meaning: {
          en: 'Replace infinite losses (no valid alignment, e.g. a target longer than its input) and their gradients by zero.',
          zh: '把无穷大的损失（不存在合法对齐，例如目标比输入还长）及其梯度置为 0。',
        },
      },
    ],
    summary: {
      en: 'Negative log-likelihood of a label sequence summed over every frame-level alignment that collapses to it (merge repeats, drop blanks), computed by a forward-backward recursion; lets you train a sequence model without frame-level labels.',
      zh: '对所有能折叠成目标序列的逐帧对齐路径（先合并重复、再删除空白符）求概率之和，再取负对数似然；通过前向-后向（forward-backward）递推计算，使序列模型无需逐帧标注即可训练。',
    },
    whenToUse: {
      en: 'Speech recognition, handwriting and scene-text recognition (CRNN), and other tasks where the output is a shorter, monotonically aligned label sequence and the alignment is unknown.',
      zh: '语音识别、手写体和场景文字识别（CRNN），以及输出是较短、单调对齐的标签序列且对齐方式未知的任务。',
    },
    pitfalls: {
      en: "Each input needs at least as many frames as labels plus one per repeated pair (\"aa\" needs a blank between): otherwise the loss is infinite and, in PyTorch, the gradient NaN — set zero_infinity=True when that can happen. log_probs must be log_softmax outputs over the class axis (not softmax, not raw logits), laid out (T, N, C), not batch-first. The gradient PyTorch returns, exp(lp) − posterior, is the gradient for the logits behind a log_softmax, not the partial derivative with respect to log_probs as free inputs. CTC assumes outputs are conditionally independent given the input, so it needs a language model or beam search for good decoding.",
      zh: '每个输入的帧数至少要等于标签数，再加上每对相邻重复标签所需的一帧（"aa" 中间要插入 blank）；否则损失为无穷大，PyTorch 的梯度为 NaN——可能出现这种情况时请设置 zero_infinity=True。log_probs 必须是在类别轴上做过 log_softmax 的结果（不是 softmax，也不是原始 logits），排布为 (T, N, C) 而非 batch 在前。PyTorch 返回的梯度 exp(lp) − 后验概率，是针对 log_softmax 之前的 logits 的梯度，而不是把 log_probs 当作独立变量时的偏导数。CTC 假设给定输入时各输出条件独立，因此解码时通常需要语言模型或束搜索（beam search）。',
    },
    frameworkNotes: {
      en: "PyTorch takes log_probs (T, N, C), blank = 0 by default, and 'mean' divides by target lengths before averaging. tf.nn.ctc_loss takes unnormalised logits (time-major by default), labels with label_length and logit_length, blank_index 0 by default, and returns one loss per sequence. tf.keras.backend.ctc_batch_cost takes softmax probabilities (batch, T, C) and uses the last class as blank. Keras 3's keras.losses.CTC takes logits with 0 as the blank/mask label and averages over the batch. optax.ctc_loss takes logits (B, T, K) with padding masks (1.0 = padded) instead of lengths, blank_id = 0, and returns per-sequence losses.",
      zh: "PyTorch 接收 (T, N, C) 的 log_probs，blank 默认 0，'mean' 先除以目标长度再取平均。tf.nn.ctc_loss 接收未归一化的 logits（默认时间维在前），配合 label_length 与 logit_length，blank_index 默认 0，返回每个序列的损失。tf.keras.backend.ctc_batch_cost 接收 softmax 概率 (batch, T, C)，并把最后一个类别作为 blank。Keras 3 的 keras.losses.CTC 接收 logits，以 0 作为 blank/掩码标签，并对 batch 求平均。optax.ctc_loss 接收 (B, T, K) 的 logits，用填充掩码（1.0 表示填充）代替长度，blank_id = 0，返回每个序列的损失。",
    },
    paper: {
      authors: 'Alex Graves, Santiago Fernández, Faustino Gomez, Jürgen Schmidhuber',
      year: 2006,
      title: 'Connectionist Temporal Classification: Labelling Unsegmented Sequence Data with Recurrent Neural Networks',
      url: 'https://dl.acm.org/doi/10.1145/1143844.1143891',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, KERAS_TF_NN, OPTAX_CLASSIFICATION],
    related: ['nll-loss', 'cross-entropy'],
    snippets: {
      torch:
        'criterion = nn.CTCLoss(blank=${1:0}, reduction=${2|\'mean\',\'sum\',\'none\'|}, zero_infinity=${3|False,True|})\n# log_probs: (T, N, C) log_softmax output; targets: (N, S) padded labels\nloss = criterion(${4:log_probs}, ${5:targets}, ${6:input_lengths}, ${7:target_lengths})',
      tf: 'loss = tf.reduce_mean(tf.nn.ctc_loss(labels=${1:labels}, logits=${2:logits}, label_length=${3:label_length}, logit_length=${4:logit_length}, logits_time_major=${5|True,False|}, blank_index=${6:0}))',
      jax: '# logits: (B, T, K); paddings: 1.0 where padded\nloss = optax.ctc_loss(${1:logits}, ${2:logit_paddings}, ${3:labels}, ${4:label_paddings}, blank_id=${5:0}).mean()',
    },
  },
];
