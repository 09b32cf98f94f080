/**
 * The formula images ship packed in one JSON (scripts/gen-assets.mjs `packFormulas`,
 * glyph outlines stored once); unpacking (src/extension/editor/formula-pack.ts)
 * must give back byte for byte the standalone SVG of each entry in each ink.
 */
import { strict as assert } from 'node:assert';
import { LOSSES } from '../../src/losses';
import { unpackFormula, type FormulaPack } from '../../src/extension/editor/formula-pack';

type GenAssets = typeof import('../../scripts/gen-assets.mjs');

describe('formula images packed in dist/formulas.json', function () {
  this.timeout(120_000);
  let gen: GenAssets;
  let rendered: [string, string][];
  let pack: FormulaPack;

  before(async () => {
    gen = await import('../../scripts/gen-assets.mjs');
    const render = gen.mathjaxRenderer();
    rendered = [];
    for (const e of LOSSES) {
      try {
        rendered.push([e.id, render(e.formula)]);
      } catch { /* gen-assets.test.ts reports formulas that do not render */ }
    }
    pack = gen.packFormulas(rendered);
  });

  it('unpacks to exactly the standalone SVG of every entry, in both inks', () => {
    assert.ok(rendered.length > 100, `only ${rendered.length} formulas rendered`);
    for (const [id, svg] of rendered) {
      for (const kind of ['light', 'dark'] as const) {
        assert.equal(unpackFormula(pack, id, kind), gen.standalone(svg, gen.FORMULA_INK[kind]), `${id} (${kind})`);
      }
    }
  });

  it('stores each glyph outline once: the pack is much smaller than the SVGs it replaces', () => {
    const unpacked = rendered.reduce((n, [, svg]) => n + 2 * gen.standalone(svg, gen.FORMULA_INK.dark).length, 0);
    const packed = JSON.stringify(pack).length;
    assert.ok(Object.keys(pack.glyphs).length > 50, 'no shared glyphs');
    assert.ok(packed < unpacked / 3, `packed ${packed} bytes vs ${unpacked} bytes of SVG files`);
  });

  it('has no image for an unknown id (the hover then shows the text form)', () => {
    assert.equal(unpackFormula(pack, 'no-such-loss', 'dark'), undefined);
    assert.equal(unpackFormula(pack, 'constructor', 'dark'), undefined);
  });
});
