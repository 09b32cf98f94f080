import { strict as assert } from 'node:assert';
import { LOSSES } from '../../../src/losses';
import { snippetFrameworks } from '../../../src/losses/snippets';

type GenAssets = typeof import('../../../scripts/gen-assets.mjs');

describe('editor: build-time assets (scripts/gen-assets.mjs)', () => {
  let gen: GenAssets;
  before(async () => {
    gen = await import('../../../scripts/gen-assets.mjs');
  });

  it('one snippet per entry and framework, prefixed loss-<id>-<framework>, body = the catalog text', () => {
    const out = gen.snippetsFor(LOSSES);
    let n = 0;
    for (const e of LOSSES) {
      for (const fw of snippetFrameworks(e)) {
        const s = out[`loss-${e.id}-${fw}`];
        assert.ok(s, `loss-${e.id}-${fw}`);
        assert.deepEqual(s.prefix, [`loss-${e.id}-${fw}`]);
        assert.equal(s.body.join('\n'), e.snippets[fw]);
        n++;
      }
    }
    assert.equal(Object.keys(out).length, n);
  });

  it('every catalog formula renders with MathJax into a standalone SVG with explicit ink and pixel size', function () {
    this.timeout(120_000);
    const render = gen.mathjaxRenderer();
    const failed: string[] = [];
    for (const e of LOSSES) {
      try {
        const svg = gen.standalone(render(e.formula), gen.FORMULA_INK.dark);
        assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.match(svg, /xmlns:xlink=/);
        assert.match(svg, / width="[\d.]+" height="[\d.]+"/);
        assert.ok(!svg.includes('currentColor') && svg.includes(gen.FORMULA_INK.dark));
      } catch (err) {
        failed.push(`${e.id}: ${(err as Error).message}`);
      }
    }
    assert.deepEqual(failed, []);
  });

  it('MathJax errors are reported, not rendered', () => {
    const render = gen.mathjaxRenderer();
    assert.throws(() => render('\\frac{1}{'), /./);
  });
});
