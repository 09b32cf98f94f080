/**
 * For the docs page (docs/lint.md, scripts/lint-doc.ts) only: each rule's
 * minimal wrong snippet, its fixed form and what the framework does at runtime
 * with the wrong code. Not imported by the lint itself, so it stays out of the
 * extension bundle. Pure: no `vscode`.
 */
import type { Localized } from '../../losses/types';
import type { LintCode } from './rules';

export interface RuleDoc {
  title: Localized;
  /** What the quick fix does. */
  fix: Localized;
  framework: 'pytorch' | 'keras' | 'tensorflow' | 'optax' | 'several';
  wrong: string;
  right: string;
  runtime: Localized;
}

export const RULE_DOCS: Readonly<Record<LintCode, RuleDoc>> = {
  LA101: {
    title: { en: 'Softmax output passed to a loss that applies softmax itself', zh: '把 softmax 的输出传给了自带 softmax 的损失函数' },
    fix: { en: 'Pass the pre-softmax tensor (the logits).', zh: '传入 softmax 之前的张量（logits）。' },
    framework: 'several',
    wrong: 'loss = F.cross_entropy(F.softmax(logits, dim=1), target)',
    right: 'loss = F.cross_entropy(logits, target)',
    runtime: {
      en: 'No error and no warning: cross_entropy applies log_softmax to what it gets, so the probabilities are squashed a second time. With C classes the loss can only move between log(C − 1 + e) − 1 and log(C − 1 + e), its gradients shrink, and training stalls or converges slowly.',
      zh: '不报错也不警告：cross_entropy 会对输入再做 log_softmax，概率被第二次压缩。C 个类别时损失只能在 log(C − 1 + e) − 1 到 log(C − 1 + e) 之间变化，梯度变小，训练停滞或收敛缓慢。',
    },
  },
  LA102: {
    title: { en: 'Sigmoid output passed to a with-logits loss', zh: '把 sigmoid 的输出传给了 with-logits 损失函数' },
    fix: { en: 'Pass the logits (remove the sigmoid).', zh: '传入 logits（去掉 sigmoid）。' },
    framework: 'several',
    wrong: 'loss = nn.BCEWithLogitsLoss()(torch.sigmoid(logits), target)',
    right: 'loss = nn.BCEWithLogitsLoss()(logits, target)',
    runtime: {
      en: 'No error: the loss applies a sigmoid again, so every prediction is squeezed into [0.5, 0.73]. The loss cannot go below about 0.31 per element for a correct positive and the gradient is tiny.',
      zh: '不报错：损失函数会再做一次 sigmoid，所有预测被压进 [0.5, 0.73]。正确的正样本每个元素的损失也降不到约 0.31 以下，梯度很小。',
    },
  },
  LA103: {
    title: { en: 'NLL loss given probabilities instead of log-probabilities', zh: 'NLL 损失收到的是概率而不是对数概率' },
    fix: { en: 'Use log_softmax instead of softmax (or cross-entropy on the logits).', zh: '用 log_softmax 代替 softmax（或对 logits 用交叉熵）。' },
    framework: 'pytorch',
    wrong: 'loss = F.nll_loss(F.softmax(logits, dim=1), target)',
    right: 'loss = F.nll_loss(F.log_softmax(logits, dim=1), target)',
    runtime: {
      en: 'No error: nll_loss only picks −input[target], so with probabilities the "loss" is minus the probability of the right class. It is negative, lies in [−1, 0], and its gradient ignores the other classes.',
      zh: '不报错：nll_loss 只取 −input[target]，传入概率时“损失”就是正确类别概率的相反数，为负值、落在 [−1, 0] 内，梯度也不考虑其他类别。',
    },
  },
  LA104: {
    title: { en: 'kl_div input that is not log-probabilities, or a log-space target without log_target=True', zh: 'kl_div 的输入不是对数概率，或目标是对数概率却没有 log_target=True' },
    fix: { en: 'Use log_softmax for the input; add log_target=True for a log-space target.', zh: '输入改用 log_softmax；目标是对数概率时加上 log_target=True。' },
    framework: 'pytorch',
    wrong: 'loss = F.kl_div(F.softmax(student, dim=1), F.softmax(teacher, dim=1), reduction="batchmean")',
    right: 'loss = F.kl_div(F.log_softmax(student, dim=1), F.softmax(teacher, dim=1), reduction="batchmean")',
    runtime: {
      en: 'No error: kl_div computes target · (log target − input), so it treats the input as log-probabilities. Probabilities there give a wrong value that can be negative; a log-space target without log_target=True is read as probabilities and gives NaN or nonsense.',
      zh: '不报错：kl_div 计算 target · (log target − input)，把输入当作对数概率。输入是概率时结果错误且可能为负；目标是对数概率却没有 log_target=True 时会被当作概率，得到 NaN 或无意义的值。',
    },
  },
  LA105: {
    title: { en: 'CTC loss given softmax probabilities', zh: 'CTC 损失收到的是 softmax 概率' },
    fix: { en: 'Use log_softmax on the class axis.', zh: '在类别维上用 log_softmax。' },
    framework: 'pytorch',
    wrong: 'loss = F.ctc_loss(F.softmax(x, dim=2), targets, input_lengths, target_lengths)',
    right: 'loss = F.ctc_loss(F.log_softmax(x, dim=2), targets, input_lengths, target_lengths)',
    runtime: {
      en: 'No error: ctc_loss adds its inputs along each alignment path as log-probabilities. Probabilities in [0, 1] there give a value with no meaning (often negative) and gradients that do not train the model.',
      zh: '不报错：ctc_loss 沿每条对齐路径把输入当作对数概率相加。传入 [0, 1] 内的概率得到的数值没有意义（常为负），梯度也无法训练模型。',
    },
  },
  LA106: {
    title: { en: "Keras from_logits does not match the output layer's activation", zh: 'Keras 的 from_logits 与输出层的激活函数不一致' },
    fix: { en: 'Set from_logits to match the output layer (or change the activation).', zh: '按输出层设置 from_logits（或修改激活函数）。' },
    framework: 'keras',
    wrong: "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10)])\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy')",
    right: "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10)])\nmodel.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))",
    runtime: {
      en: 'With from_logits=False (the default, and every string loss) Keras treats the outputs as probabilities: on logits it clips them to [ε, 1 − ε] (the categorical loss also rescales them to sum to 1) and trains on a wrong loss; some backends warn, others say nothing. With from_logits=True on a softmax or sigmoid layer, the activation is applied twice, as in LA101.',
      zh: 'from_logits=False（默认值，字符串形式的损失都是如此）时，Keras 把输出当作概率：对 logits 会截断到 [ε, 1 − ε]（类别交叉熵还会缩放使其和为 1），用错误的损失训练；有的后端会警告，有的不会。对 softmax 或 sigmoid 输出层用 from_logits=True 时，激活函数被应用两次，与 LA101 相同。',
    },
  },
  LA107: {
    title: { en: 'Softmax over a single unit', zh: '只对一个单元做 softmax' },
    fix: { en: 'Use sigmoid with binary cross-entropy.', zh: '改用 sigmoid 与二元交叉熵。' },
    framework: 'several',
    wrong: "layers.Dense(1, activation='softmax')",
    right: "layers.Dense(1, activation='sigmoid')",
    runtime: {
      en: 'No error: softmax over one unit is always exactly 1.0, whatever the input. The model predicts the positive class for every sample and the gradient through that output is zero.',
      zh: '不报错：对一个单元做 softmax 的结果恒为 1.0，与输入无关。模型对每个样本都预测正类，经过该输出的梯度为零。',
    },
  },
  LA108: {
    title: { en: 'Binary cross-entropy on a softmax multi-class head', zh: '对 softmax 多类输出使用了二元交叉熵' },
    fix: { en: 'Use the categorical loss that fits the labels (categorical_crossentropy for one-hot, sparse_categorical_crossentropy for class indices).', zh: '改用与标签相符的类别损失（独热标签用 categorical_crossentropy，类别索引用 sparse_categorical_crossentropy）。' },
    framework: 'keras',
    wrong: "model.add(layers.Dense(10, activation='softmax'))\nmodel.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])",
    right: "model.add(layers.Dense(10, activation='softmax'))\nmodel.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])",
    runtime: {
      en: "No error: binary_crossentropy treats each of the C outputs as its own yes/no problem and averages them. The loss no longer matches the task, and 'accuracy' silently becomes binary accuracy over all C outputs, which looks high (about (C − 1)/C) even for a useless model.",
      zh: "不报错：binary_crossentropy 把 C 个输出各自当作一个二分类问题再取平均，损失与任务不符；'accuracy' 也会悄悄变成对 C 个输出的二元准确率，即使模型无用也显得很高（约 (C − 1)/C）。",
    },
  },
  LA109: {
    title: { en: 'Sigmoid followed by BCELoss / binary_cross_entropy', zh: 'sigmoid 之后接 BCELoss / binary_cross_entropy' },
    fix: { en: 'Use the with-logits form on the logits.', zh: '对 logits 使用 with-logits 形式。' },
    framework: 'pytorch',
    wrong: 'loss = F.binary_cross_entropy(torch.sigmoid(logits), target)',
    right: 'loss = F.binary_cross_entropy_with_logits(logits, target)',
    runtime: {
      en: 'Same value while the logits are moderate, but binary_cross_entropy clamps log(p) at −100, so large logits give a flat loss with a zero gradient; under CUDA autocast torch raises an error and asks for binary_cross_entropy_with_logits.',
      zh: 'logits 适中时数值相同，但 binary_cross_entropy 把 log(p) 截断在 −100，较大的 logits 使损失变平、梯度为零；在 CUDA autocast 下 torch 会直接报错，要求改用 binary_cross_entropy_with_logits。',
    },
  },
  LA201: {
    title: { en: "kl_div / KLDivLoss with reduction='mean'", zh: "kl_div / KLDivLoss 使用了 reduction='mean'" },
    fix: { en: "Use reduction='batchmean' (the value changes scale: it is multiplied by the number of classes).", zh: "改用 reduction='batchmean'（数值尺度会变：乘以类别数）。" },
    framework: 'pytorch',
    wrong: 'criterion = nn.KLDivLoss()',
    right: "criterion = nn.KLDivLoss(reduction='batchmean')",
    runtime: {
      en: "reduction='mean' (the default) divides the summed divergence by the number of elements, not by the batch size, so the value is not the KL divergence; PyTorch only warns once, and the docs say 'batchmean' gives the true KL.",
      zh: "reduction='mean'（默认值）用元素个数而不是批大小去除总散度，得到的不是 KL 散度；PyTorch 只警告一次，文档说明 'batchmean' 才是真正的 KL。",
    },
  },
  LA202: {
    title: { en: 'A loss class called with the tensors', zh: '把张量直接传给了损失函数类的构造函数' },
    fix: { en: 'Create the loss first, then call it: nn.CrossEntropyLoss()(out, y).', zh: '先创建损失对象再调用：nn.CrossEntropyLoss()(out, y)。' },
    framework: 'several',
    wrong: 'loss = nn.CrossEntropyLoss(outputs, labels)',
    right: 'loss = nn.CrossEntropyLoss()(outputs, labels)',
    runtime: {
      en: "The tensors go to the constructor's parameters, in order. PyTorch then fails, e.g. 'Boolean value of Tensor with more than one value is ambiguous', or builds a loss object where a value was expected (Keras too: the tensors become the loss's options).",
      zh: "张量按顺序被传给了构造函数的参数。PyTorch 随后报错，例如 'Boolean value of Tensor with more than one value is ambiguous'，或在需要数值的地方得到一个损失对象（Keras 也是如此：张量成了损失对象的选项）。",
    },
  },
  LA203: {
    title: { en: "Deprecated size_average / reduce / 'elementwise_mean'", zh: "已弃用的 size_average / reduce / 'elementwise_mean'" },
    fix: { en: "Use the equivalent reduction= (PyTorch's own legacy mapping).", zh: '改用等价的 reduction=（按 PyTorch 自己的旧参数映射）。' },
    framework: 'pytorch',
    wrong: 'criterion = nn.MSELoss(size_average=False)',
    right: "criterion = nn.MSELoss(reduction='sum')",
    runtime: {
      en: "PyTorch maps the legacy flags with torch.nn._reduction.legacy_get_string (size_average and reduce both true or unset → 'mean'; reduce alone → 'sum'; reduce=False → 'none') and warns that they are deprecated; 'elementwise_mean' is read as 'mean' with a warning.",
      zh: "PyTorch 用 torch.nn._reduction.legacy_get_string 映射旧参数（size_average 与 reduce 都为真或未设 → 'mean'；只有 reduce → 'sum'；reduce=False → 'none'），并警告它们已弃用；'elementwise_mean' 被当作 'mean' 并给出警告。",
    },
  },
  LA204: {
    title: { en: 'An invalid literal parameter value', zh: '参数的字面值无效' },
    fix: { en: 'Use the nearest valid value.', zh: '改为最接近的有效值。' },
    framework: 'several',
    wrong: "criterion = nn.CrossEntropyLoss(reduction='average', label_smoothing=-0.1)",
    right: "criterion = nn.CrossEntropyLoss(reduction='mean', label_smoothing=0.0)",
    runtime: {
      en: "An unknown reduction raises ValueError only when the loss is first computed; a negative label_smoothing is accepted silently and ignored (torch smooths only when it is > 0), while one above 1 raises; a non-positive Huber delta or a negative smooth-L1 beta raise at the first call.",
      zh: '未知的 reduction 要到第一次计算损失时才抛出 ValueError；负的 label_smoothing 会被静默接受并被忽略（torch 只在它 > 0 时做平滑），大于 1 则报错；非正的 Huber delta 或负的 smooth-L1 beta 在第一次调用时报错。',
    },
  },
  LA205: {
    title: { en: 'softmax / log_softmax without dim feeding a loss', zh: '传给损失函数的 softmax / log_softmax 没有指定 dim' },
    fix: { en: 'Add dim= (the class axis: 1 for (N, C, …), -1 for the last axis).', zh: '加上 dim=（类别维：(N, C, …) 用 1，最后一维用 -1）。' },
    framework: 'pytorch',
    wrong: 'loss = F.nll_loss(F.log_softmax(x), target)',
    right: 'loss = F.nll_loss(F.log_softmax(x, dim=1), target)',
    runtime: {
      en: 'F.softmax / F.log_softmax and nn.Softmax() without dim pick an axis from the number of dimensions (0 for 0-, 1- and 3-D inputs, else 1) and warn that this is deprecated: a 3-D (T, N, C) or (N, C, L) input is normalised over the wrong axis. torch.softmax(x) and x.softmax() without dim raise a TypeError.',
      zh: 'F.softmax / F.log_softmax 与 nn.Softmax() 没有 dim 时按维数选择轴（0、1、3 维输入取 0，否则取 1），并警告此用法已弃用：3 维的 (T, N, C) 或 (N, C, L) 输入会在错误的轴上归一化。torch.softmax(x) 与 x.softmax() 没有 dim 时直接抛出 TypeError。',
    },
  },
};
