/**
 * An input's shape as the catalog writes it (`(N, C) or (N, C, d1)`, `same shape as input`,
 * `class indices: …; probabilities: …`), in the reader's language. The catalog keeps one English
 * form: the playground's generators read it (see webview/generators.ts). Dimension letters,
 * input names and code (`sum(target_lengths)`) stay as written; only the words between them change.
 */
import type { Language } from './types';

/** English phrase (a pattern; `$1` is a name it captures) -> Simplified Chinese, longest first. */
const ZH_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/any shape works \(the loss is elementwise\)/g, '任意形状均可（逐元素计算）'],
  [/first dimension is the batch for batchmean/g, '第一维是 batchmean 所除的批大小'],
  [/no sample may be all zeros/g, '任何样本都不能全为零'],
  [/\(D\) with a 0-D target, \(N, D\) with a \(N\) target/g, '(D) 配 0 维 target，(N, D) 配 (N) 的 target'],
  [/ ?\bper input column\b/g, '（每个输入列）'],
  [/\bas the inner loss\b/g, '与内层损失相同'],
  [/\blist of (\([^)]*\))/g, '由 $1 组成的列表'],
  [/\bclass indices: ?/g, '类别索引：'],
  [/\bprobabilities: ?/g, '概率：'],
  [/\bbinary: ?/g, '二分类：'],
  [/ ?\(or broadcastable\)/g, '（或可广播）'],
  [/ ?\(broadcastable\)/g, '（可广播）'],
  [/\bsame shape as ([A-Za-z_][\w.]*)/g, '与 $1 形状相同'],
  [/\bsame as ([A-Za-z_][\w.]*)/g, '与 $1 相同'],
  [/\bbroadcastable to ([A-Za-z_][\w.]*)/g, '可广播到 $1'],
  [/\bany shape\b/g, '任意形状'],
  [/ or /g, ' 或 '],
  [/; /g, '；'],
];

/** `shape` (the catalog's English) for `lang`. */
export function shapeInWords(shape: string, lang: Language): string {
  if (lang !== 'zh') return shape;
  let out = shape;
  for (const [pattern, zh] of ZH_PHRASES) out = out.replace(pattern, zh);
  return out;
}
