/**
 * The bundles' catalog (scripts/catalog-split.mjs): the core bundled the way the
 * extension host and the playground's worker bundle it, with the catalog's text
 * left out, computes exactly what the source core computes on every golden
 * fixture without the text, carries none of the text, and after
 * `installCatalogText` has every entry and concept exactly as in the source.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import * as source from '../../src/losses';
import { packStructure, splitCatalog } from '../../src/losses/catalog-text';
import { decode, type Encoded } from './support/fixtures';

const ROOT = resolve(__dirname, '../..');
type Core = typeof source & { installCatalogText: (t: unknown) => void; catalogTextInstalled: () => boolean };

describe('the bundles’ catalog (structure inline, text in dist/catalog-text.json)', function () {
  this.timeout(60_000);
  const { structure, text } = splitCatalog(source.LOSSES, source.CONCEPTS);
  let code: string;
  let core: Core;

  before(async () => {
    const { slimCatalogPlugin } = (await import(join(ROOT, 'scripts/catalog-split.mjs'))) as {
      slimCatalogPlugin: (root: string, packed: unknown) => esbuild.Plugin;
    };
    const out = await esbuild.build({
      stdin: {
        contents: "export * from './index'; export { installCatalogText, catalogTextInstalled } from './catalog-text';",
        resolveDir: join(ROOT, 'src/losses'),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      minify: true,
      charset: 'utf8',
      absWorkingDir: ROOT,
      logLevel: 'silent',
      plugins: [slimCatalogPlugin(ROOT, packStructure(structure))],
    });
    code = out.outputFiles[0].text;
    core = (await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'))) as Core;
  });

  it('holds none of the catalog’s text', () => {
    const mse = source.getEntry('mse-loss')!;
    const ce = source.getEntry('cross-entropy')!;
    for (const s of [mse.summary.en, mse.whenToUse.zh, ce.pitfalls.en, ce.frameworkNotes.zh, ce.params[0].meaning.en, source.CONCEPTS[0].body.en]) {
      assert.ok(!code.includes(s.slice(0, 30)), `the bundle holds ${JSON.stringify(s.slice(0, 30))}`);
    }
    assert.ok(code.length < JSON.stringify(text).length / 2, `bundle ${code.length} chars`);
  });

  it('computes every golden fixture exactly as the source core does, without the text', () => {
    assert.equal(core.catalogTextInstalled(), false);
    const dir = join(ROOT, 'test/fixtures');
    let n = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const { cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        cases: Array<{ id: string; name: string; inputs: Record<string, Encoded>; params: Record<string, Encoded> }>;
      };
      for (const c of cases) {
        const run = (m: typeof source) => {
          try {
            const r = m.computeLoss(c.id, decode(c.inputs) as Record<string, source.Tensor>, decode(c.params) as Record<string, unknown>);
            return { value: r.value, grad: Array.from(r.grad.data), gradShape: r.grad.shape, contributions: Array.from(r.contributions.data) };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        assert.deepStrictEqual(run(core), run(source), `${c.id}: ${c.name}`);
        n++;
      }
    }
    assert.ok(n > 500, `${n} cases`);
    assert.equal(core.catalogTextInstalled(), false, 'computing read no text');
  });

  it('resolves every API symbol form and name as the source does', () => {
    for (const e of source.LOSSES) {
      for (const api of e.apis) for (const f of source.symbolForms(api)) assert.equal(core.resolveSymbol(f)?.id, source.resolveSymbol(f)?.id, f);
      for (const n of [e.names.en, e.names.zh, ...(e.aliases ?? [])]) assert.equal(core.findLoss(n)?.id, source.findLoss(n)?.id, n);
    }
  });

  it('text read before installing fails clearly; after installing, the catalog equals the source', () => {
    assert.throws(() => core.LOSSES[0].summary, /read before dist\/catalog-text\.json was loaded/);
    core.installCatalogText(JSON.parse(JSON.stringify(text)));
    assert.equal(core.catalogTextInstalled(), true);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(core.LOSSES)), JSON.parse(JSON.stringify(source.LOSSES)));
    assert.deepStrictEqual(JSON.parse(JSON.stringify(core.CONCEPTS)), JSON.parse(JSON.stringify(source.CONCEPTS)));
  });
});
