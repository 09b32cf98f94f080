/**
 * sentence-transformers v5.1.2 `sentence_transformers.losses` (UKPLab/sentence-transformers
 * sentence_transformers/losses/__init__.py, commit dfcbbd93), bound to catalog entries; the full
 * list is test/fixtures/apis/sentence-transformers.json. Every loss takes the model as its
 * first argument and is called by the trainer with the embeddings of each input column.
 */
import { cls, type ApiBinding } from './binding';

const P = 'sentence_transformers.losses.';

const MNRL_NOTE = {
  en: 'sentence-transformers sentence_transformers.losses.MultipleNegativesRankingLoss(model, scale=20.0, similarity_fct=util.cos_sim) is this loss with in-batch negatives: each anchor is scored against every positive (and any hard-negative column) in the batch, scale 20 meaning temperature 0.05, then cross-entropy picks its own positive. sentence_transformers.losses.CachedMultipleNegativesRankingLoss computes the same value with gradient caching for large batches.',
  zh: 'sentence-transformers 的 sentence_transformers.losses.MultipleNegativesRankingLoss(model, scale=20.0, similarity_fct=util.cos_sim) 就是使用批内负样本的这种损失：每个锚点与批中所有正例（以及任何困难负例列）打分，scale 20 即温度 0.05，再用交叉熵选出它自己的正例。sentence_transformers.losses.CachedMultipleNegativesRankingLoss 借助梯度缓存在大 batch 下算出相同的值。',
};

export const SENTENCE_TRANSFORMERS_APIS: readonly ApiBinding[] = [
  cls('infonce-loss', `${P}MultipleNegativesRankingLoss`, { temperature: 0.05 }, MNRL_NOTE),
  cls('infonce-loss', `${P}CachedMultipleNegativesRankingLoss`, { temperature: 0.05 }),
  cls('cosine-similarity-regression-loss', `${P}CosineSimilarityLoss`),
  cls('cosent-loss', `${P}CoSENTLoss`),
  cls('matryoshka-loss', `${P}MatryoshkaLoss`),
  cls('contrastive-loss', `${P}ContrastiveLoss`, { margin: 0.5 }, {
    en: 'sentence-transformers sentence_transformers.losses.ContrastiveLoss(model, distance_metric=COSINE_DISTANCE, margin=0.5, size_average=True) uses the cosine distance 1 − cos(u, v) by default and halves each term: ½[y·d² + (1 − y)·max(m − d, 0)²], averaged.',
    zh: 'sentence-transformers 的 sentence_transformers.losses.ContrastiveLoss(model, distance_metric=COSINE_DISTANCE, margin=0.5, size_average=True) 默认使用余弦距离 1 − cos(u, v)，并把每一项减半：½[y·d² + (1 − y)·max(m − d, 0)²]，再取平均。',
  }),
  cls('triplet-margin-loss', `${P}TripletLoss`, { margin: 5 }, {
    en: 'sentence-transformers sentence_transformers.losses.TripletLoss(model, distance_metric=EUCLIDEAN, triplet_margin=5) is this hinge on (anchor, positive, negative) embedding columns with Euclidean distance and margin 5 (the keyword is triplet_margin), averaged.',
    zh: 'sentence-transformers 的 sentence_transformers.losses.TripletLoss(model, distance_metric=EUCLIDEAN, triplet_margin=5) 就是对（锚点、正例、负例）三列嵌入使用欧氏距离、间隔为 5 的这种 hinge（关键字为 triplet_margin），再取平均。',
  }),
  cls('batch-hard-triplet-loss', `${P}BatchHardTripletLoss`, { margin: 5 }, {
    en: 'sentence-transformers sentence_transformers.losses.BatchHardTripletLoss(model, distance_metric=eucledian_distance, margin=5) mines the hardest positive and negative of each anchor from single-column sentences with integer labels; sentence_transformers.losses.BatchHardSoftMarginTripletLoss is the soft-margin form log(1 + exp(d_ap − d_an)).',
    zh: 'sentence-transformers 的 sentence_transformers.losses.BatchHardTripletLoss(model, distance_metric=eucledian_distance, margin=5) 从带整数标签的单列句子中，为每个锚点挖掘最难的正例和负例；sentence_transformers.losses.BatchHardSoftMarginTripletLoss 是软间隔形式 log(1 + exp(d_ap − d_an))。',
  }),
  cls('batch-hard-triplet-loss', `${P}BatchHardSoftMarginTripletLoss`, { soft: true }),
  cls('triplet-semihard-loss', `${P}BatchSemiHardTripletLoss`, { margin: 5 }, {
    en: 'sentence-transformers sentence_transformers.losses.BatchSemiHardTripletLoss(model, distance_metric=eucledian_distance, margin=5) ports this TensorFlow semi-hard mining to PyTorch with margin 5.',
    zh: 'sentence-transformers 的 sentence_transformers.losses.BatchSemiHardTripletLoss(model, distance_metric=eucledian_distance, margin=5) 把这种 TensorFlow 半困难挖掘移植到 PyTorch，间隔为 5。',
  }),
  cls('mse-loss', `${P}MSELoss`, undefined, {
    en: 'sentence-transformers sentence_transformers.losses.MSELoss(model) regresses the student’s sentence embeddings onto teacher embeddings given as labels (knowledge distillation, multilingual extension) with torch.nn.MSELoss.',
    zh: 'sentence-transformers 的 sentence_transformers.losses.MSELoss(model) 用 torch.nn.MSELoss 把学生模型的句向量回归到作为标签给出的教师嵌入上（知识蒸馏、多语言扩展）。',
  }),
  cls('cross-entropy', `${P}SoftmaxLoss`, undefined, {
    en: 'sentence-transformers sentence_transformers.losses.SoftmaxLoss(model, sentence_embedding_dimension, num_labels, concatenation_sent_rep=True, concatenation_sent_difference=True, concatenation_sent_multiplication=False, loss_fct=nn.CrossEntropyLoss()) trains a linear classifier on (u, v, |u − v|) with this cross-entropy (the SBERT NLI objective).',
    zh: 'sentence-transformers 的 sentence_transformers.losses.SoftmaxLoss(model, sentence_embedding_dimension, num_labels, concatenation_sent_rep=True, concatenation_sent_difference=True, concatenation_sent_multiplication=False, loss_fct=nn.CrossEntropyLoss()) 在 (u, v, |u − v|) 上训练一个线性分类器，使用这种交叉熵（SBERT 的 NLI 目标）。',
  }),
];
