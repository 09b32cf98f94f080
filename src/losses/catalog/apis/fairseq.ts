/**
 * fairseq v0.12.3 criterions (facebookresearch/fairseq fairseq/criterions/*.py, commit
 * e16e44c6): classes under their module paths; configs and the command line name them by the
 * registered string (`--criterion label_smoothed_cross_entropy`), listed as registry names in
 * test/fixtures/apis/fairseq.json.
 */
import { cls, type ApiBinding } from './binding';

const C = 'fairseq.criterions.';

const CRITERION_NOTE = {
  en: 'fairseq criterions sum the loss over the target tokens of a batch (padding ignored) and return it with sample_size (the token count, or sentences with --sentence-avg); the trainer divides the gradient by sample_size, so the effective loss is the per-token mean.',
  zh: 'fairseq 的 criterion 对一个批中目标词元的损失求和（忽略填充），并与 sample_size（词元数，使用 --sentence-avg 时为句子数）一起返回；训练器用 sample_size 去除梯度，因此实际效果是按词元平均的损失。',
};

export const FAIRSEQ_APIS: readonly ApiBinding[] = [
  cls('label-smoothed-sequence-nll', `${C}label_smoothed_cross_entropy.LabelSmoothedCrossEntropyCriterion`, { epsilon: 0 }, {
    en: `fairseq.criterions.label_smoothed_cross_entropy.LabelSmoothedCrossEntropyCriterion (registered as 'label_smoothed_cross_entropy') calls label_smoothed_nll_loss with epsilon = --label-smoothing, whose default is 0.0 (most translation recipes pass 0.1), ignore_index = padding and reduce=True (a sum); ignore_prefix_size skips leading target tokens. ${CRITERION_NOTE.en}`,
    zh: `fairseq.criterions.label_smoothed_cross_entropy.LabelSmoothedCrossEntropyCriterion（注册名 'label_smoothed_cross_entropy'）调用 label_smoothed_nll_loss，epsilon = --label-smoothing，其默认值为 0.0（大多数翻译配方传入 0.1），ignore_index 为填充符，reduce=True（求和）；ignore_prefix_size 会跳过目标开头的若干词元。${CRITERION_NOTE.zh}`,
  }),
  cls('cross-entropy', `${C}cross_entropy.CrossEntropyCriterion`, { reduction: 'sum' }, {
    en: `fairseq.criterions.cross_entropy.CrossEntropyCriterion (registered as 'cross_entropy') is F.nll_loss on the model's log-probabilities with ignore_index = padding and reduction='sum'. ${CRITERION_NOTE.en}`,
    zh: `fairseq.criterions.cross_entropy.CrossEntropyCriterion（注册名 'cross_entropy'）是对模型对数概率的 F.nll_loss，ignore_index 为填充符，reduction='sum'。${CRITERION_NOTE.zh}`,
  }),
  cls('ctc-loss', `${C}ctc.CtcCriterion`, { reduction: 'sum' }, {
    en: `fairseq.criterions.ctc.CtcCriterion (registered as 'ctc') calls F.ctc_loss with the dictionary's blank index, reduction='sum' and zero_infinity from its config (default False). ${CRITERION_NOTE.en}`,
    zh: `fairseq.criterions.ctc.CtcCriterion（注册名 'ctc'）调用 F.ctc_loss，使用词典中的 blank 索引、reduction='sum'，zero_infinity 取自配置（默认 False）。${CRITERION_NOTE.zh}`,
  }),
];
