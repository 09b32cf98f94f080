/**
 * Seed coverage: every loss and idea named in the user's four source notes
 * (../shared/seeds, Chinese) is covered by a catalog entry or a concept.
 *
 * The list is written by hand from the notes' headings, <summary> titles and the
 * losses named in their text. Each row gives the term as it appears in the note and the
 * entry or concept ids that cover it; every id must exist. When the notes are present
 * on this machine, the test also checks that each term really occurs in its note, so
 * the list cannot drift from the sources.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCEPTS, LOSSES } from '../../../src/losses';

interface SeedItem {
  /** The heading, <summary> or term exactly as written in the note. */
  term: string;
  /** Entry or concept ids that cover it (all must exist). */
  ids: readonly string[];
}

interface SeedDoc {
  /** File name prefix in the seeds folder. */
  file: string;
  what: string;
  items: readonly SeedItem[];
}

export const SEEDS: readonly SeedDoc[] = [
  {
    file: '000_',
    what: 'regression / classification / contrastive notes (multi-bin, CE family, focal, CTC, contrastive)',
    items: [
      { term: '回归损失函数', ids: ['choosing-a-loss', 'multimodal-regression-targets'] },
      { term: '单峰', ids: ['multimodal-regression-targets'] },
      { term: 'L2 损失会产生不良结果', ids: ['multimodal-regression-targets', 'mse-loss'] },
      { term: '高斯先验', ids: ['multimodal-regression-targets', 'mse-loss'] },
      { term: '拉普拉斯先验', ids: ['multimodal-regression-targets', 'l1-loss'] },
      { term: '平滑 L1 损失', ids: ['smooth-l1-loss'] },
      { term: 'Huber 损失', ids: ['huber-loss'] },
      { term: '多bin损失', ids: ['multi-bin-angle-loss', 'multimodal-regression-targets'] },
      { term: '3D Bounding Box Estimation Using Deep Learning and Geometry', ids: ['multi-bin-angle-loss'] },
      { term: 'anchors-and-multi-bin-loss', ids: ['multimodal-regression-targets'] },
      { term: '均方误差损失（MSE）& L2', ids: ['mse-loss'] },
      { term: 'L1（MAE）', ids: ['l1-loss'] },
      { term: '独热编码值之间的平方差', ids: ['mse-loss'] },
      { term: '基尼指数和信息熵增益', ids: ['entropy-cross-entropy-kl'] },
      { term: '交叉熵', ids: ['cross-entropy', 'entropy-cross-entropy-kl'] },
      { term: '纳特', ids: ['entropy-cross-entropy-kl'] },
      { term: '二元交叉熵', ids: ['binary-cross-entropy', 'keras-binary-crossentropy'] },
      { term: '多分类交叉熵', ids: ['keras-categorical-crossentropy', 'cross-entropy'] },
      { term: '稀疏分类交叉熵', ids: ['keras-sparse-categorical-crossentropy'] },
      { term: '稀疏编码', ids: ['keras-sparse-categorical-crossentropy', 'dense-vs-sparse-labels'] },
      { term: '稠密编码', ids: ['dense-vs-sparse-labels', 'keras-categorical-crossentropy'] },
      { term: 'Focal Loss', ids: ['focal-loss', 'sigmoid-focal-loss'] },
      { term: '焦点参数', ids: ['focal-loss'] },
      { term: '类别不平衡', ids: ['class-imbalance-and-hard-examples', 'focal-loss', 'balanced-cross-entropy'] },
      { term: 'CTC', ids: ['ctc-loss'] },
      { term: 'Gumbel-Softmax', ids: ['gumbel-softmax', 'gumbel-softmax-straight-through'] },
      { term: 'Contrastive Loss', ids: ['contrastive-loss'] },
      { term: 'Dimensionality Reduction by Learning an Invariant Mapping', ids: ['contrastive-loss'] },
      { term: '同一个图片做不同变换后不改变其语义类别', ids: ['nt-xent-loss', 'infonce-loss'] },
    ],
  },
  {
    file: '001_',
    what: 'overview: definition, distance-based vs distribution-based losses, how to choose',
    items: [
      { term: '损失函数就是来度量模型的预测值与真实值的差异程度', ids: ['what-is-a-loss-function'] },
      { term: '反向传播', ids: ['what-is-a-loss-function'] },
      { term: '基于距离度量的损失函数', ids: ['distance-vs-probability-losses'] },
      { term: '均方误差损失函数(MSE)', ids: ['mse-loss'] },
      { term: 'L2范数损失函数', ids: ['mse-loss', 'l1-vs-l2'] },
      { term: 'L1范数损失函数', ids: ['l1-loss', 'l1-vs-l2'] },
      { term: 'Smooth L1损失函数', ids: ['smooth-l1-loss'] },
      { term: 'Huber损失', ids: ['huber-loss'] },
      { term: '基于概率分布的损失度量', ids: ['distance-vs-probability-losses'] },
      { term: 'KL散度函数（相对熵）', ids: ['kl-div', 'entropy-cross-entropy-kl'] },
      { term: 'JS散度', ids: ['js-divergence', 'entropy-cross-entropy-kl'] },
      { term: '交叉熵损失', ids: ['cross-entropy'] },
      { term: '对数损失函数', ids: ['binary-cross-entropy', 'logistic-loss'] },
      { term: 'Softmax损失函数', ids: ['softmax-loss'] },
      { term: '中心损失', ids: ['center-loss'] },
      { term: 'Focal损失', ids: ['focal-loss'] },
      { term: '感知损失', ids: ['perceptual-loss'] },
      { term: 'Perceptual Losses for Real-Time Style Transfer and Super-Resolution', ids: ['perceptual-loss', 'style-loss'] },
      { term: '如何选择损失函数', ids: ['choosing-a-loss'] },
      { term: '合理组合不同的损失函数', ids: ['choosing-a-loss'] },
    ],
  },
  {
    file: '002_',
    what: '"a record of 100 loss functions": CE, KL, BCE, balanced CE, focal, Lovász',
    items: [
      { term: '交叉熵（Cross Entropy）', ids: ['cross-entropy'] },
      { term: 'KL 散度（KL Divergence）', ids: ['kl-div', 'entropy-cross-entropy-kl'] },
      { term: '二值交叉熵（Binary Cross Entropy）', ids: ['binary-cross-entropy', 'entropy-cross-entropy-kl'] },
      { term: '对数似然', ids: ['entropy-cross-entropy-kl'] },
      { term: '平衡交叉熵（Balenced Cross Entropy）', ids: ['balanced-cross-entropy', 'class-imbalance-and-hard-examples'] },
      { term: '样本难易问题', ids: ['focal-loss', 'class-imbalance-and-hard-examples'] },
      { term: '### Focal Loss', ids: ['focal-loss'] },
      { term: 'Lovasz Loss', ids: ['lovasz-softmax-loss', 'lovasz-hinge-loss', 'lovasz-extension'] },
      { term: 'jaccard index', ids: ['jaccard-loss', 'iou-loss', 'lovasz-extension'] },
      { term: '次模函数', ids: ['lovasz-extension'] },
      { term: 'Lovasz extension', ids: ['lovasz-extension'] },
      { term: 'Lovasz Loss在多类分割中的应用', ids: ['lovasz-softmax-loss'] },
      { term: 'errors = (1. - logits * Variable(signs))', ids: ['lovasz-hinge-loss'] },
    ],
  },
  {
    file: '003_',
    what: 'categorised summaries (<details>): classification, regression, task-specific',
    items: [
      { term: '<summary>Cross Entropy</summary>', ids: ['cross-entropy'] },
      { term: '<summary>Focal Loss</summary>', ids: ['focal-loss'] },
      { term: 'one-stage detector', ids: ['focal-loss', 'sigmoid-focal-loss', 'class-imbalance-and-hard-examples'] },
      { term: '<summary>Hinge Loss</summary>', ids: ['hinge'] },
      { term: '<summary>Logistic Loss</summary>', ids: ['logistic-loss'] },
      { term: '<summary>Quantile Loss</summary>', ids: ['quantile-loss'] },
      { term: '<summary>Huber loss</summary>', ids: ['huber-loss'] },
      { term: '<summary>L1/L2 loss</summary>', ids: ['l1-loss', 'mse-loss', 'l1-vs-l2'] },
      { term: 'L1和L2 损失函数区别', ids: ['l1-vs-l2'] },
      { term: '高斯马尔可夫条件', ids: ['l1-vs-l2'] },
      { term: '<summary>Verification loss(Re-ID)</summary>', ids: ['verification-loss'] },
      { term: '<summary>Triplet Loss</summary>', ids: ['triplet-margin-loss'] },
      { term: '<summary>Contrastive Loss</summary>', ids: ['contrastive-loss'] },
      { term: '<summary>Quadruplet loss</summary>', ids: ['quadruplet-loss'] },
      { term: '<summary>KL散度</summary>', ids: ['kl-div'] },
      { term: '<summary>Siamese network</summary>', ids: ['siamese-networks'] },
      { term: '伪孪生网络', ids: ['siamese-networks'] },
      { term: 'cosine距离', ids: ['cosine-embedding-loss', 'siamese-networks'] },
      { term: '<summary>distribution ranking</summary>', ids: ['distribution-ranking-loss'] },
      { term: '<summary>Temporal difference</summary>', ids: ['temporal-difference-learning', 'td-loss'] },
      { term: '<summary>DAMSM</summary>', ids: ['damsm-loss'] },
    ],
  },
];

const known = new Set<string>([...LOSSES.map((e) => e.id), ...CONCEPTS.map((c) => c.id)]);

/** The notes live beside the repository (../shared/seeds); SEEDS_DIR overrides. */
const SEEDS_DIR = process.env.SEEDS_DIR ?? join(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

describe('seed coverage: every loss and idea in the user\'s notes is in the catalog', () => {
  it('covers four notes with at least 80 items in all', () => {
    assert.equal(SEEDS.length, 4);
    assert.ok(SEEDS.reduce((n, d) => n + d.items.length, 0) >= 80);
  });

  for (const doc of SEEDS) {
    describe(`${doc.file}: ${doc.what}`, () => {
      for (const item of doc.items) {
        it(`${item.term} → ${item.ids.join(', ')}`, () => {
          assert.ok(item.ids.length > 0, 'no covering id');
          const missing = item.ids.filter((id) => !known.has(id));
          assert.deepEqual(missing, [], `"${item.term}" needs ${missing.join(', ')} in LOSSES or CONCEPTS`);
        });
      }
    });
  }

  const haveNotes = existsSync(SEEDS_DIR);
  (haveNotes ? describe : describe.skip)('the listed terms occur in the notes', () => {
    for (const doc of SEEDS) {
      it(`${doc.file}: every term is found in the note`, () => {
        const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(doc.file));
        assert.ok(file, `no note starting with ${doc.file} in ${SEEDS_DIR}`);
        const text = readFileSync(join(SEEDS_DIR, file), 'utf8').toLowerCase();
        const absent = doc.items.filter((i) => !text.includes(i.term.toLowerCase())).map((i) => i.term);
        assert.deepEqual(absent, [], `terms not found in ${file}`);
      });
    }
  });
});
