import { strict as assert } from 'node:assert';
import { getEntry } from '../../../src/losses';
import { callParams, commandUri, hoverMarkdown, md, notesFor, sentences } from '../../../src/extension/editor/hover-content';
import { callArguments } from '../../../src/python';
import { languageFrom } from '../../../src/extension/editor/language.pure';

const ce = getEntry('cross-entropy') ?? getEntry('mse-loss')!;

function decodeCommand(mdText: string, command: string): unknown {
  const m = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^)]*)\\)`).exec(mdText);
  assert.ok(m, `no link to ${command}`);
  return JSON.parse(decodeURIComponent(m[1]));
}

describe('editor: hover content', () => {
  it('English: name, summary, formula image with Unicode alt and fallback, parameters, sections, links', () => {
    const text = hoverMarkdown(ce, { lang: 'en', qualified: ce.apis[0].symbol, formulaUri: 'data:image/svg+xml;base64,AAAA' });
    assert.ok(text.includes(md(ce.names.en)));
    assert.ok(text.includes(md(ce.summary.en)));
    assert.ok(text.includes(`![${md(ce.formulaText)}](data:image/svg+xml;base64,AAAA)`), 'the image with the Unicode formula as its alt text');
    for (const p of ce.params) assert.ok(text.includes('`' + p.name + '`'), p.name);
    for (const h of ['**Parameters**', '**When to use**', '**Pitfalls**', '**Frameworks**']) assert.ok(text.includes(h), h);
    assert.deepEqual(decodeCommand(text, 'lossAtlas.openReference'), [{ lossId: ce.id }]);
    assert.ok(text.includes('Insert snippet…'));
  });
  it('Chinese labels and text', () => {
    const text = hoverMarkdown(ce, { lang: 'zh' });
    assert.ok(text.includes(md(ce.names.zh)));
    assert.ok(text.includes('**参数**') && text.includes('**常见陷阱**') && text.includes('在演练场中打开'));
    assert.ok(!text.includes('**Parameters**'));
    assert.ok(text.includes('_分类_') || text.includes('_回归_'), 'the category in Chinese');
  });
  it('an alias shows what it stands for', () => {
    const text = hoverMarkdown(ce, { lang: 'en', written: 'CE', qualified: 'torch.nn.CrossEntropyLoss' });
    assert.ok(text.includes('`CE` → `torch.nn.CrossEntropyLoss`'));
    const same = hoverMarkdown(ce, { lang: 'en', written: 'torch.nn.CrossEntropyLoss', qualified: 'torch.nn.CrossEntropyLoss' });
    assert.ok(!same.includes('→ `torch'));
  });
  it('without an image, the Unicode formula is shown', () => {
    const text = hoverMarkdown(ce, { lang: 'en' });
    assert.ok(!text.includes('!['));
    assert.ok(text.includes(ce.formulaText));
  });
  it("this call's arguments: values, unknown names, and the playground link carries them", () => {
    const entry = getEntry('huber-loss')!;
    const args = callArguments("(delta=0.5, reduction='sum', foo=3)")!;
    const text = hoverMarkdown(entry, { lang: 'en', args });
    assert.match(text, /`delta` = `1` → \*\*this call: `0\.5`\*\*/);
    assert.match(text, /`reduction` = `'mean'` → \*\*this call: `'sum'`\*\*/);
    assert.match(text, /`foo=3` \(not a parameter Loss Atlas knows/);
    assert.deepEqual(decodeCommand(text, 'lossAtlas.openPlayground'), [{ lossId: 'huber-loss', params: { delta: 0.5, reduction: 'sum' } }]);
    assert.deepEqual(callParams(entry, args), { delta: 0.5, reduction: 'sum' });
  });
  it('an instance: where it was bound, and its constructor arguments as "built with" (en, zh)', () => {
    const args = callArguments('(label_smoothing=0.1)')!;
    const en = hoverMarkdown(ce, { lang: 'en', written: 'criterion', qualified: 'torch.nn.CrossEntropyLoss', args, instance: { line: 29 } });
    assert.ok(en.includes('`criterion` → `torch.nn.CrossEntropyLoss`'));
    assert.ok(en.includes('_an instance bound at line 30_'));
    assert.match(en, /`label_smoothing` = `0(\.0)?` → \*\*built with: `0\.1`\*\*/);
    assert.ok(!en.includes('this call'));
    const cell = hoverMarkdown(ce, { lang: 'en', instance: { line: 0, cell: 1 } });
    assert.ok(cell.includes('_an instance bound in cell 2, line 1_'));
    const zh = hoverMarkdown(ce, { lang: 'zh', args, instance: { line: 29 } });
    assert.ok(zh.includes('实例，绑定于第 30 行') && zh.includes('构造时'));
  });
  it('framework notes: the sentences that name the hovered symbol, else the first ones', () => {
    const notes = 'torch.a does X. optax.b does Y, e.g. Z. tf.c does W.';
    assert.equal(notesFor(notes, 'optax.b', 2), 'optax.b does Y, e.g. Z. …');
    assert.equal(notesFor(notes, 'torch.a', 2), 'torch.a does X. …');
    assert.equal(notesFor(notes, 'other.d', 2), 'torch.a does X. optax.b does Y, e.g. Z. …');
    assert.equal(notesFor(notes, undefined, 2), 'torch.a does X. optax.b does Y, e.g. Z. …');
    assert.equal(notesFor('torch.a does X.', 'torch.a', 2), 'torch.a does X.');
    // the real catalog: smp's FocalLoss hover gives smp's defaults, not torchvision's
    const focal = getEntry('sigmoid-focal-loss')!;
    for (const lang of ['en', 'zh'] as const) {
      const text = hoverMarkdown(focal, { lang, qualified: 'segmentation_models_pytorch.losses.FocalLoss' });
      const line = text.split('\n').find((l) => l.startsWith(lang === 'en' ? '**Frameworks**' : '**框架差异**'))!;
      assert.ok(line, `${lang}: frameworks line`);
      assert.match(line, /segmentation\\_models\\_pytorch\.losses\.FocalLoss\(mode, alpha=None/, `${lang}: ${line}`);
      const tv = hoverMarkdown(focal, { lang, qualified: 'torchvision.ops.sigmoid_focal_loss' });
      assert.ok(!tv.includes('segmentation\\_models'), `${lang}: torchvision's hover keeps torchvision's notes`);
      // the parameters list smp's own defaults; torchvision's hover keeps the entry's
      assert.match(text, /`alpha` = `None`/);
      assert.match(text, /`reduction` = `'mean'`/);
      assert.match(tv, /`alpha` = `0\.25`/);
      assert.match(tv, /`reduction` = `'none'`/);
    }
  });
  it('markdown in catalog text is escaped; sentences are cut', () => {
    assert.equal(md('a_b *c* [d]'), 'a\\_b \\*c\\* \\[d\\]');
    assert.equal(sentences('One. Two. Three.', 2), 'One. Two. …');
    assert.equal(sentences('一。二。', 1), '一。 …');
    assert.equal(sentences('Use it, e.g. for boxes. Then stop.', 1), 'Use it, e.g. for boxes. …');
    // dotted names and decimals are not sentence ends, and nothing before them is lost
    assert.equal(sentences("torchvision: alpha = 0.25, reduction 'none'. optax.sigmoid_focal_loss differs.", 1), "torchvision: alpha = 0.25, reduction 'none'. …");
    assert.equal(sentences('tf.keras.losses.Huber takes y_true first. Then stop.', 1), 'tf.keras.losses.Huber takes y_true first. …');
    assert.equal(sentences('No end mark', 1), 'No end mark');
    assert.equal(sentences('一。二！三', 5), '一。二！三');
    assert.equal(commandUri('x.y', { a: 1 }), 'command:x.y?' + encodeURIComponent('[{"a":1}]'));
  });
  it('language choice: setting overrides the display language', () => {
    assert.equal(languageFrom('auto', 'zh-cn'), 'zh');
    assert.equal(languageFrom('auto', 'en'), 'en');
    assert.equal(languageFrom('en', 'zh-cn'), 'en');
    assert.equal(languageFrom('zh-cn', 'en'), 'zh');
  });
});
