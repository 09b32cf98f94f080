/**
 * Third-party library APIs attached to the catalog (src/losses/catalog/apis): the symbols the
 * hover checks rely on resolve to the right entry with the library's own defaults, entries keep
 * their own APIs first, and OpenMMLab registry names map to class paths.
 */
import { strict as assert } from 'node:assert';
import { getEntry, resolveSymbol } from '../../../src/losses';
import { attachLibraryApis, LIBRARY_APIS } from '../../../src/losses/catalog/apis';
import { cls } from '../../../src/losses/catalog/apis/binding';
import { DEFINING_MODULES } from '../../../src/losses/catalog/apis/modules';

function apiOf(symbol: string) {
  const e = resolveSymbol(symbol);
  return { entry: e?.id, api: e?.apis.find((a) => a.symbol === symbol) };
}

describe('third-party loss APIs in the catalog', () => {
  it('MONAI DiceCELoss, DiceLoss and FocalLoss resolve with MONAI defaults', () => {
    assert.equal(apiOf('monai.losses.DiceCELoss').entry, 'dice-ce-loss');
    assert.equal(apiOf('monai.losses.dice_ce').entry, 'dice-ce-loss');
    assert.deepEqual(apiOf('monai.losses.DiceLoss'), {
      entry: 'dice-loss',
      api: { framework: 'other', symbol: 'monai.losses.DiceLoss', kind: 'class', defaults: { from_logits: false, smooth: 1e-5 } },
    });
    assert.deepEqual(apiOf('monai.losses.FocalLoss').api?.defaults, { alpha: null, reduction: 'mean' });
    assert.ok(getEntry('dice-loss')!.frameworkNotes.en.includes('smooth_nr = smooth_dr = 1e-5'));
    assert.ok(getEntry('dice-loss')!.frameworkNotes.zh.includes('MaskedDiceLoss'));
  });

  it('timm LabelSmoothingCrossEntropy is cross-entropy with label_smoothing 0.1', () => {
    const { entry, api } = apiOf('timm.loss.LabelSmoothingCrossEntropy');
    assert.equal(entry, 'cross-entropy');
    assert.deepEqual(api?.defaults, { label_smoothing: 0.1 });
    assert.equal(apiOf('timm.loss.JsdCrossEntropy').entry, 'jsd-cross-entropy');
  });

  it("entries keep their own APIs first; the library's are appended", () => {
    const ce = getEntry('cross-entropy')!;
    assert.equal(ce.apis[0].symbol, 'torch.nn.functional.cross_entropy');
    assert.ok(ce.apis.findIndex((a) => a.symbol.startsWith('timm.')) > ce.apis.findIndex((a) => a.symbol.startsWith('torch.')));
  });

  it('a binding of a symbol the entry already lists adds its defaults in place, and a note once', () => {
    const base = getEntry('mse-loss')!;
    const entry = { ...base, apis: [{ framework: 'other' as const, symbol: 'lib.Mse', kind: 'class' as const }], frameworkNotes: { en: 'A.', zh: '甲。' } };
    const note = { en: 'B.', zh: '乙。' };
    const [out] = attachLibraryApis([entry], [cls('mse-loss', 'lib.Mse', { reduction: 'sum' }, note), cls('mse-loss', 'lib.mse', undefined, note), cls('nope', 'lib.X')]);
    assert.deepEqual(out.apis.map((a) => [a.symbol, a.defaults]), [['lib.Mse', { reduction: 'sum' }], ['lib.mse', undefined]]);
    assert.deepEqual(out.frameworkNotes, { en: 'A. B.', zh: '甲。 乙。' });
  });

  it("OpenMMLab registry names resolve as <package>.models.losses.<type>, with each package's defaults", () => {
    assert.equal(resolveSymbol('mmdet.models.losses.FocalLoss')?.id, 'sigmoid-focal-loss');
    assert.equal(resolveSymbol('mmdet.models.losses.CrossEntropyLoss')?.id, 'cross-entropy');
    assert.equal(resolveSymbol('mmdet.models.losses.binary_cross_entropy')?.id, 'bce-with-logits');
    assert.deepEqual(apiOf('mmseg.models.losses.FocalLoss').api?.defaults, { reduction: 'mean', alpha: 0.5 });
    assert.equal(resolveSymbol('mmpretrain.models.losses.LabelSmoothLoss')?.id, 'cross-entropy');
    assert.equal(resolveSymbol('mmseg.models.losses.TverskyLoss')?.id, 'tversky-loss');
    assert.equal(resolveSymbol('mmdet.models.losses.GHMC'), undefined, 'left out: no entry');
    assert.equal(resolveSymbol('mmdet.models.losses.TverskyLoss'), undefined, 'mmdet registers no TverskyLoss');
  });

  it('a symbol imported from its defining submodule resolves like the re-export, and only that symbol', () => {
    assert.equal(resolveSymbol('monai.losses.dice.DiceCELoss')?.id, 'dice-ce-loss');
    assert.equal(resolveSymbol('timm.loss.cross_entropy.LabelSmoothingCrossEntropy')?.id, 'cross-entropy');
    assert.equal(resolveSymbol('mmdet.models.losses.focal_loss.FocalLoss')?.id, 'sigmoid-focal-loss');
    assert.equal(resolveSymbol('segmentation_models_pytorch.losses.dice.DiceLoss')?.id, 'dice-loss');
    assert.equal(resolveSymbol('monai.losses.dice.FocalLoss'), undefined);
    assert.equal(resolveSymbol('timm.loss.jsd.LabelSmoothingCrossEntropy'), undefined);
    for (const [prefix, modules] of DEFINING_MODULES) {
      for (const [module, names] of Object.entries(modules)) {
        for (const name of names) {
          const entry = resolveSymbol(prefix + name);
          assert.ok(entry, `${prefix}${name} is not a catalog symbol`);
          assert.equal(resolveSymbol(`${prefix}${module}.${name}`), entry, `${prefix}${module}.${name}`);
        }
      }
    }
  });

  it("every library symbol is named in its entry's framework notes (en, zh), so its hover shows that sentence", () => {
    const unnamed: string[] = [];
    for (const b of LIBRARY_APIS) {
      const notes = getEntry(b.entry)!.frameworkNotes;
      for (const lang of ['en', 'zh'] as const) if (!notes[lang].includes(b.api.symbol)) unnamed.push(`${b.entry} ${lang}: ${b.api.symbol}`);
    }
    assert.deepEqual(unnamed, []);
  });
});
