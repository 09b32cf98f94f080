/**
 * pytorch-metric-learning v2.8.1 `pytorch_metric_learning.losses` (KevinMusgrave/
 * pytorch-metric-learning src/pytorch_metric_learning/losses/__init__.py, commit 216a792c).
 * Most of its losses are listed by their entries already; this binds the rest. The full list
 * is test/fixtures/apis/pytorch-metric-learning.json.
 */
import { cls, type ApiBinding } from './binding';

export const PML_APIS: readonly ApiBinding[] = [
  cls('triplet-margin-loss', 'pytorch_metric_learning.losses.TripletMarginLoss', { margin: 0.05 }, {
    en: "pytorch_metric_learning.losses.TripletMarginLoss(margin=0.05, swap=False, smooth_loss=False, triplets_per_anchor='all') is called as loss_fn(embeddings, labels): it forms every valid (anchor, positive, negative) triplet in the batch from the labels (or a miner's), uses Euclidean distance between L2-normalised embeddings by default, and averages only the triplets with a non-zero loss; smooth_loss=True uses softplus instead of the hinge.",
    zh: "pytorch_metric_learning.losses.TripletMarginLoss(margin=0.05, swap=False, smooth_loss=False, triplets_per_anchor='all') 的调用方式是 loss_fn(embeddings, labels)：它根据标签（或挖掘器给出的索引）在批内构成所有合法的（锚点、正例、负例）三元组，默认在 L2 归一化后的嵌入上用欧氏距离，并只对损失非零的三元组取平均；smooth_loss=True 时用 softplus 代替 hinge。",
  }),
];
