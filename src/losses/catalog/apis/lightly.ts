/**
 * lightly v1.5.26 `lightly.loss` (lightly-ai/lightly lightly/loss/__init__.py, commit e7c81fa1),
 * bound to catalog entries; the full list is test/fixtures/apis/lightly.json.
 */
import { cls, type ApiBinding } from './binding';

export const LIGHTLY_APIS: readonly ApiBinding[] = [
  cls('nt-xent-loss', 'lightly.loss.NTXentLoss', undefined, {
    en: 'lightly lightly.loss.NTXentLoss(temperature=0.5, memory_bank_size=0, gather_distributed=False) is this loss on the two views out0, out1 (B, D), L2-normalised, averaged over the 2B anchors; with memory_bank_size > 0 it becomes MoCo-style InfoNCE with the bank as negatives.',
    zh: 'lightly 的 lightly.loss.NTXentLoss(temperature=0.5, memory_bank_size=0, gather_distributed=False) 就是作用于两个视图 out0、out1 (B, D) 的这种损失，先做 L2 归一化，再在 2B 个锚点上取平均；memory_bank_size > 0 时变为以存储库为负样本的 MoCo 式 InfoNCE。',
  }),
  cls('dino-loss', 'lightly.loss.DINOLoss', undefined, {
    en: 'lightly lightly.loss.DINOLoss(output_dim=65536, warmup_teacher_temp=0.04, teacher_temp=0.04, warmup_teacher_temp_epochs=30, student_temp=0.1, center_momentum=0.9) is called as loss_fn(teacher_out, student_out) with lists of views, skips pairs of the same view index, and updates the centre after each call.',
    zh: 'lightly 的 lightly.loss.DINOLoss(output_dim=65536, warmup_teacher_temp=0.04, teacher_temp=0.04, warmup_teacher_temp_epochs=30, student_temp=0.1, center_momentum=0.9) 的调用方式为 loss_fn(teacher_out, student_out)，参数是视图列表，跳过视图序号相同的配对，并在每次调用后更新中心。',
  }),
  cls('simsiam-loss', 'lightly.loss.SymNegCosineSimilarityLoss', undefined, {
    en: 'lightly.loss.SymNegCosineSimilarityLoss() takes the pairs (z0, p0), (z1, p1) and returns ½D(p0, z1) + ½D(p1, z0) with the stop-gradient on z built in.',
    zh: 'lightly.loss.SymNegCosineSimilarityLoss() 接收 (z0, p0)、(z1, p1) 两组，返回 ½D(p0, z1) + ½D(p1, z0)，并已内置对 z 的停止梯度。',
  }),
  cls('swav-loss', 'lightly.loss.SwaVLoss'),
];
