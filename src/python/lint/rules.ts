/**
 * The lint's rule table: every code (LA101–LA109, LA201–LA205), its default
 * severity, the catalog entry it explains, its title and its fix (the docs
 * page's wrong and right code and runtime behaviour are in ./rule-docs.ts, kept
 * out of the extension bundle). The codes are part of the product
 * (suppression comments, settings, docs): never renumber them.
 * Pure: no `vscode`.
 */
import type { Localized } from '../../losses/types';

export type LintSeverity = 'error' | 'warning' | 'information' | 'hint';

export type LintCode =
  | 'LA101' | 'LA102' | 'LA103' | 'LA104' | 'LA105' | 'LA106' | 'LA107' | 'LA108' | 'LA109'
  | 'LA201' | 'LA202' | 'LA203' | 'LA204' | 'LA205';

export interface LintRule {
  code: LintCode;
  severity: LintSeverity;
  /** The catalog entry whose reference (pitfalls) explains the rule. */
  entryId: string;
  title: Localized;
  /** What the quick fix does. */
  fix: Localized;
  framework: 'pytorch' | 'keras' | 'tensorflow' | 'optax' | 'several';
  /** Key of the measured values in test/fixtures/lint/values.json (torch rules). */
  measured?: string;
}

export const LINT_RULES: readonly LintRule[] = [
  {
    code: 'LA101',
    severity: 'warning',
    entryId: 'cross-entropy',
    framework: 'several',
    title: { en: 'Softmax output passed to a loss that applies softmax itself', zh: '把 softmax 的输出传给了自带 softmax 的损失函数' },
    fix: { en: 'Pass the pre-softmax tensor (the logits).', zh: '传入 softmax 之前的张量（logits）。' },
    measured: 'LA101',
  },
  {
    code: 'LA102',
    severity: 'warning',
    entryId: 'bce-with-logits',
    framework: 'several',
    title: { en: 'Sigmoid output passed to a with-logits loss', zh: '把 sigmoid 的输出传给了 with-logits 损失函数' },
    fix: { en: 'Pass the logits (remove the sigmoid).', zh: '传入 logits（去掉 sigmoid）。' },
    measured: 'LA102',
  },
  {
    code: 'LA103',
    severity: 'warning',
    entryId: 'nll-loss',
    framework: 'pytorch',
    title: { en: 'NLL loss given probabilities instead of log-probabilities', zh: 'NLL 损失收到的是概率而不是对数概率' },
    fix: { en: 'Use log_softmax instead of softmax (or cross-entropy on the logits).', zh: '用 log_softmax 代替 softmax（或对 logits 用交叉熵）。' },
    measured: 'LA103',
  },
  {
    code: 'LA104',
    severity: 'warning',
    entryId: 'kl-div',
    framework: 'pytorch',
    title: { en: 'kl_div input that is not log-probabilities, or a log-space target without log_target=True', zh: 'kl_div 的输入不是对数概率，或目标是对数概率却没有 log_target=True' },
    fix: { en: 'Use log_softmax for the input; add log_target=True for a log-space target.', zh: '输入改用 log_softmax；目标是对数概率时加上 log_target=True。' },
    measured: 'LA104',
  },
  {
    code: 'LA105',
    severity: 'warning',
    entryId: 'ctc-loss',
    framework: 'pytorch',
    title: { en: 'CTC loss given softmax probabilities', zh: 'CTC 损失收到的是 softmax 概率' },
    fix: { en: 'Use log_softmax on the class axis.', zh: '在类别维上用 log_softmax。' },
    measured: 'LA105',
  },
  {
    code: 'LA106',
    severity: 'warning',
    entryId: 'keras-categorical-crossentropy',
    framework: 'keras',
    title: { en: "Keras from_logits does not match the output layer's activation", zh: 'Keras 的 from_logits 与输出层的激活函数不一致' },
    fix: { en: 'Set from_logits to match the output layer (or change the activation).', zh: '按输出层设置 from_logits（或修改激活函数）。' },
  },
  {
    code: 'LA107',
    severity: 'warning',
    entryId: 'keras-binary-crossentropy',
    framework: 'several',
    title: { en: 'Softmax over a single unit', zh: '只对一个单元做 softmax' },
    fix: { en: 'Use sigmoid with binary cross-entropy.', zh: '改用 sigmoid 与二元交叉熵。' },
  },
  {
    code: 'LA108',
    severity: 'warning',
    entryId: 'keras-binary-crossentropy',
    framework: 'keras',
    title: { en: 'Binary cross-entropy on a softmax multi-class head', zh: '对 softmax 多类输出使用了二元交叉熵' },
    fix: { en: 'Use the categorical loss that fits the labels (categorical_crossentropy for one-hot, sparse_categorical_crossentropy for class indices).', zh: '改用与标签相符的类别损失（独热标签用 categorical_crossentropy，类别索引用 sparse_categorical_crossentropy）。' },
  },
  {
    code: 'LA109',
    severity: 'warning',
    entryId: 'binary-cross-entropy',
    framework: 'pytorch',
    title: { en: 'Sigmoid followed by BCELoss / binary_cross_entropy', zh: 'sigmoid 之后接 BCELoss / binary_cross_entropy' },
    fix: { en: 'Use the with-logits form on the logits.', zh: '对 logits 使用 with-logits 形式。' },
    measured: 'LA109',
  },
  {
    code: 'LA201',
    severity: 'warning',
    entryId: 'kl-div',
    framework: 'pytorch',
    title: { en: "kl_div / KLDivLoss with reduction='mean'", zh: "kl_div / KLDivLoss 使用了 reduction='mean'" },
    fix: { en: "Use reduction='batchmean' (the value changes scale: it is multiplied by the number of classes).", zh: "改用 reduction='batchmean'（数值尺度会变：乘以类别数）。" },
    measured: 'LA201',
  },
  {
    code: 'LA202',
    severity: 'error',
    entryId: 'cross-entropy',
    framework: 'several',
    title: { en: 'A loss class called with the tensors', zh: '把张量直接传给了损失函数类的构造函数' },
    fix: { en: 'Create the loss first, then call it: nn.CrossEntropyLoss()(out, y).', zh: '先创建损失对象再调用：nn.CrossEntropyLoss()(out, y)。' },
    measured: 'LA202',
  },
  {
    code: 'LA203',
    severity: 'warning',
    entryId: 'mse-loss',
    framework: 'pytorch',
    title: { en: "Deprecated size_average / reduce / 'elementwise_mean'", zh: "已弃用的 size_average / reduce / 'elementwise_mean'" },
    fix: { en: "Use the equivalent reduction= (PyTorch's own legacy mapping).", zh: '改用等价的 reduction=（按 PyTorch 自己的旧参数映射）。' },
  },
  {
    code: 'LA204',
    severity: 'error',
    entryId: 'cross-entropy',
    framework: 'several',
    title: { en: 'An invalid literal parameter value', zh: '参数的字面值无效' },
    fix: { en: 'Use the nearest valid value.', zh: '改为最接近的有效值。' },
    measured: 'LA204',
  },
  {
    code: 'LA205',
    severity: 'warning',
    entryId: 'nll-loss',
    framework: 'pytorch',
    title: { en: 'softmax / log_softmax without dim feeding a loss', zh: '传给损失函数的 softmax / log_softmax 没有指定 dim' },
    fix: { en: 'Add dim= (the class axis: 1 for (N, C, …), -1 for the last axis).', zh: '加上 dim=（类别维：(N, C, …) 用 1，最后一维用 -1）。' },
    measured: 'LA205',
  },
];

const BY_CODE = new Map(LINT_RULES.map((r) => [r.code, r]));

export function lintRule(code: LintCode): LintRule {
  return BY_CODE.get(code)!;
}

export const LINT_CODES: readonly LintCode[] = LINT_RULES.map((r) => r.code);
