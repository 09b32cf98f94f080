/**
 * The Chinese glossary (src/losses/catalog/glossary.ts): every zh text of the catalog (entry
 * names, summaries, advice, notes, input and parameter meanings, concepts) uses each term's one
 * rendering, has no ASCII quotes around Chinese words and no "梯度对 X 求" word order; entries
 * named by a term carry its other names (the seed notes' terms among them) as aliases.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCEPTS, LOSSES } from '../../../src/losses';
import { checkZh, GLOSSARY } from '../../../src/losses/catalog/glossary';

function zhTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const e of LOSSES) {
    out.push([`${e.id} name`, e.names.zh]);
    for (const k of ['summary', 'whenToUse', 'pitfalls', 'frameworkNotes'] as const) out.push([`${e.id} ${k}`, e[k].zh]);
    for (const i of e.inputs) out.push([`${e.id} input ${i.name}`, `${i.meaning.zh} ${i.domain.zh}`]);
    for (const p of e.params) out.push([`${e.id} param ${p.name}`, p.meaning.zh]);
  }
  for (const c of CONCEPTS) out.push([`concept ${c.id}`, `${c.title.zh}\n${c.body.zh}`]);
  return out;
}

describe('Chinese glossary', () => {
  it('the rules find what they should and nothing else', () => {
    assert.deepEqual(checkZh("reduction='mean' 时取平均；\"xyxy\" 格式；'aa' 之间插入空白"), []);
    assert.deepEqual(checkZh('多裁剪（multi-crop）视图'), []);
    assert.deepEqual(checkZh('把概率裁剪到 [ε, 1]').map((f) => f.rule), ['variant']);
    assert.deepEqual(checkZh('嵌入塌缩到一点').map((f) => f.found), ['塌缩']);
    assert.deepEqual(checkZh('称为"最后一层 + softmax"。').map((f) => f.rule), ['quote']);
    assert.deepEqual(checkZh("即 '困难' 样本").map((f) => f.rule), ['quote']);
    assert.deepEqual(checkZh('一个 " 号').map((f) => f.rule), ['quote']);
    assert.deepEqual(checkZh('此处梯度对 logits 求。').map((f) => f.rule), ['word-order']);
    assert.deepEqual(checkZh('此处计算对 logits 的梯度。'), []);
  });

  it('each term has one rendering, distinct from every variant of another term unless excepted', () => {
    const seen = new Set<string>();
    for (const t of GLOSSARY) {
      assert.ok(!seen.has(t.en), `${t.en} twice`);
      seen.add(t.en);
      assert.ok(!(t.variants ?? []).includes(t.zh), `${t.en}: its rendering is also a variant`);
    }
    for (const t of GLOSSARY) {
      for (const o of GLOSSARY) {
        if (o === t || !(o.variants ?? []).includes(t.zh)) continue;
        // A rendering that is another term's variant (裁剪: crop vs clip) must be covered by that term's exceptions.
        assert.ok((o.except ?? []).some((p) => p.includes(t.zh)), `${t.en}'s ${t.zh} is a variant of ${o.en} with no exception`);
      }
    }
  });

  it('no zh text uses a variant, ASCII quotes around Chinese, or "梯度对 X 求"', () => {
    const problems: string[] = [];
    for (const [where, text] of zhTexts()) {
      for (const f of checkZh(text)) problems.push(`${where}: ${f.rule} ${JSON.stringify(f.found)} (${f.hint})`);
    }
    assert.deepEqual(problems, []);
  });

  it("entries named by a term carry the term's other names (the seed notes' terms) as aliases", () => {
    for (const t of GLOSSARY) {
      if (!t.entries) continue;
      const entries = t.entries.map((id) => LOSSES.find((x) => x.id === id));
      entries.forEach((e, i) => assert.ok(e, `${t.en}: no entry ${t.entries![i]}`));
      for (const a of t.aliases ?? []) assert.ok(entries.some((e) => e?.aliases?.includes(a)), `no entry of ${t.entries.join(', ')} has the alias ${a}`);
    }
  });

  const seedsDir = process.env.SEEDS_DIR ?? join(__dirname, '..', '..', '..', '..', 'shared', 'seeds');
  const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), 'utf8')).join('\n') : '';
  (seeds ? it : it.skip)('the seed notes use the aliases the glossary credits to them', () => {
    for (const a of ['稀疏分类交叉熵', '多分类交叉熵', '二值交叉熵', '焦点参数', '相对熵', '独热', '困难样本', '异常值', '批次']) {
      assert.ok(seeds.includes(a), `${a} is not in the seed notes`);
      assert.ok(GLOSSARY.some((t) => t.aliases?.includes(a)), `${a} is no glossary alias`);
    }
  });
});
