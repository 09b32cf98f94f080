/**
 * The catalog's Chinese glossary: each technical term with the one rendering the zh text uses,
 * the renderings it must not use (variants), and the other names people search for (the terms
 * of the user's notes in ../shared/seeds among them), which belong in entries' `aliases`.
 *
 * test/unit/losses/glossary.test.ts reads every zh text of the catalog against it (and against
 * the two rules below), so the same thing is called the same way in every entry.
 */

export interface GlossaryTerm {
  /** The English term. */
  en: string;
  /** The one rendering the zh text uses. */
  zh: string;
  /** Renderings that must not appear in zh text (names, summaries, notes, meanings). */
  variants?: readonly string[];
  /**
   * Phrases in which a variant is right because it renders another term
   * (裁剪 for a crop in 多裁剪, not for a clip): a variant inside one of them is not flagged.
   */
  except?: readonly string[];
  /** Other names people search for, e.g. the seed notes' term; allowed in `aliases`, not flagged. */
  aliases?: readonly string[];
  /** Entries named by this term: each alias above is an alias of one of them (search finds it). */
  entries?: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: 'batch', zh: 'batch', variants: ['批次', '批量'], aliases: ['批次', '批量'] },
  { en: 'collapse (of embeddings or a distribution)', zh: '坍缩', variants: ['塌缩'] },
  { en: 'clip, clamp', zh: '截断', variants: ['裁剪'], except: ['多裁剪', '裁剪视图', '不同裁剪'] },
  { en: 'crop (an image view)', zh: '裁剪' },
  { en: 'hinge', zh: '合页', variants: ['铰链'], aliases: ['铰链'] },
  { en: 'reduction (combining per-element losses)', zh: '汇总', variants: ['归约', '规约'] },
  { en: 'margin', zh: '间隔', variants: ['边距'] },
  { en: 'bounding box', zh: '边界框', variants: ['包围框', '检测框'] },
  { en: 'mask', zh: '掩码', variants: ['掩膜'] },
  { en: 'outlier', zh: '离群点', variants: ['异常值'], aliases: ['异常值'] },
  { en: 'embedding', zh: '嵌入' },
  { en: 'anchor', zh: '锚点' },
  { en: 'logits', zh: 'logits' },
  { en: 'log-probability', zh: '对数概率' },
  { en: 'negative log-likelihood', zh: '负对数似然' },
  { en: 'label smoothing', zh: '标签平滑' },
  { en: 'one-hot', zh: 'one-hot', aliases: ['独热'] },
  { en: 'hard example', zh: '难例', aliases: ['困难样本', '难样本'] },
  { en: 'focusing parameter (focal loss γ)', zh: '聚焦参数', aliases: ['焦点参数'], entries: ['focal-loss'] },
  { en: 'KL divergence', zh: 'KL 散度', aliases: ['相对熵'], entries: ['kl-div'] },
  { en: 'binary cross-entropy', zh: '二元交叉熵', variants: ['二值交叉熵', '二分类交叉熵'], aliases: ['二值交叉熵', '二分类交叉熵'], entries: ['binary-cross-entropy'] },
  { en: 'categorical cross-entropy', zh: '类别交叉熵', aliases: ['分类交叉熵', '多分类交叉熵'], entries: ['keras-categorical-crossentropy', 'cross-entropy'] },
  {
    en: 'sparse categorical cross-entropy',
    zh: '稀疏类别交叉熵',
    variants: ['稀疏分类交叉熵'],
    aliases: ['稀疏分类交叉熵'],
    entries: ['keras-sparse-categorical-crossentropy'],
  },
];

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** One thing the glossary or the zh rules find wrong in a text. */
export interface ZhFinding {
  rule: 'variant' | 'quote' | 'word-order';
  /** The offending text as it stands. */
  found: string;
  /** What to write instead. */
  hint: string;
}

/**
 * Checks one zh text:
 * - variant: a glossary variant outside its `except` phrases;
 * - quote: ASCII quotes inside a Chinese sentence, that is a pair of ASCII quotes ('…' or "…")
 *   whose content holds a Chinese character, or an unpaired ASCII double quote. Quotes around
 *   ASCII-only content are code literals ('mean', "xyxy", "aa") and are fine; Chinese quotation
 *   uses “…”;
 * - word-order: "梯度对 X 求" (write "对 X 的梯度" / "对 X 求梯度").
 */
export function checkZh(text: string, glossary: readonly GlossaryTerm[] = GLOSSARY): ZhFinding[] {
  const out: ZhFinding[] = [];
  for (const term of glossary) {
    for (const v of term.variants ?? []) {
      let masked = text;
      for (const ok of term.except ?? []) masked = masked.split(ok).join(' '.repeat(ok.length));
      if (masked.includes(v)) out.push({ rule: 'variant', found: v, hint: `${term.en}: write ${term.zh}` });
    }
  }
  for (const m of text.matchAll(/"([^"]*)"|(?<![A-Za-z0-9_])'([^'\n]*)'(?![A-Za-z0-9_])/g)) {
    const inner = m[1] ?? m[2] ?? '';
    if (CJK.test(inner)) out.push({ rule: 'quote', found: m[0], hint: 'use “…” around Chinese words' });
  }
  if ((text.match(/"/g) ?? []).length % 2) out.push({ rule: 'quote', found: '"', hint: 'an unpaired ASCII double quote' });
  for (const m of text.matchAll(/梯度对[^，。；：]{0,40}?求/g)) out.push({ rule: 'word-order', found: m[0], hint: 'write 对 X 的梯度 / 对 X 求梯度' });
  return out;
}
