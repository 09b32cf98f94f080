/**
 * The catalog's structure/text split (src/losses/catalog-text.ts): splitting,
 * packing and rebuilding gives back exactly the source catalog, the structure
 * holds no text, and text read before it is installed fails with a clear message.
 */
import { strict as assert } from 'node:assert';
import { CONCEPTS, LOSSES, computeLoss } from '../../../src/losses';
import {
  CatalogTextStore,
  ENTRY_TEXT_KEYS,
  lazyCatalog,
  packStructure,
  splitCatalog,
  unpackStructure,
} from '../../../src/losses/catalog-text';

describe('catalog text split', () => {
  const { structure, text } = splitCatalog(LOSSES, CONCEPTS);

  it('the structure holds no text: no summary, advice, formula, snippet, paper or meaning', () => {
    for (const e of structure.entries) {
      for (const k of ENTRY_TEXT_KEYS) assert.ok(!(k in e), `${e.id}.${k} is in the structure`);
      for (const i of e.inputs) assert.ok(!('meaning' in i) && !('domain' in i), `${e.id} input ${i.name} has text`);
      for (const p of e.params) assert.ok(!('meaning' in p), `${e.id} param ${p.name} has text`);
    }
    for (const c of structure.concepts) assert.ok(!('body' in c), `concept ${c.id} has its body`);
    const json = JSON.stringify(structure);
    const mse = LOSSES.find((e) => e.id === 'mse-loss')!;
    assert.ok(!json.includes(mse.summary.en.slice(0, 40)));
    assert.ok(!json.includes(mse.pitfalls.zh.slice(0, 20)));
  });

  it('the text holds every entry and concept', () => {
    assert.deepEqual(Object.keys(text.entries).sort(), LOSSES.map((e) => e.id).sort());
    assert.deepEqual(Object.keys(text.concepts).sort(), CONCEPTS.map((c) => c.id).sort());
  });

  it('packing stores each distinct input and parameter spec once and unpacks to the same structure', () => {
    const packed = packStructure(structure);
    const roundTrip = unpackStructure(JSON.parse(JSON.stringify(packed)));
    assert.deepStrictEqual(roundTrip, JSON.parse(JSON.stringify(structure)));
    const uses = structure.entries.reduce((n, e) => n + e.params.length, 0);
    assert.ok(packed.params.length < uses / 2, `${packed.params.length} distinct params for ${uses} uses`);
    assert.equal(new Set(packed.params.map((p) => JSON.stringify(p))).size, packed.params.length);
  });

  it('rebuilt entries and concepts equal the source catalog once the text is installed (through JSON, as shipped)', () => {
    const store = new CatalogTextStore();
    const shipped = unpackStructure(JSON.parse(JSON.stringify(packStructure(structure))));
    const lazy = lazyCatalog(shipped, store);
    assert.equal(store.ready, false);
    store.install(JSON.parse(JSON.stringify(text)));
    assert.equal(store.ready, true);
    assert.deepStrictEqual(lazy.entries, JSON.parse(JSON.stringify(LOSSES)));
    assert.deepStrictEqual(lazy.concepts, JSON.parse(JSON.stringify(CONCEPTS)));
    // `paper` is present exactly where the source has one.
    for (let i = 0; i < LOSSES.length; i++) assert.equal('paper' in lazy.entries[i], 'paper' in LOSSES[i], LOSSES[i].id);
    // So is `sources`, and it is text: it lives in the JSON, not in the structure.
    for (let i = 0; i < LOSSES.length; i++) assert.equal('sources' in lazy.entries[i], 'sources' in LOSSES[i], LOSSES[i].id);
    const cited = LOSSES.find((e) => e.sources?.length);
    if (cited) {
      assert.ok(!JSON.stringify(structure).includes(cited.sources![0].url), `${cited.id}'s source url is in the structure`);
      assert.deepStrictEqual(text.entries[cited.id].sources, cited.sources);
    }
  });

  it('before the text is installed: structure reads work, text reads throw a message naming the entry and the file', () => {
    const store = new CatalogTextStore();
    const lazy = lazyCatalog(unpackStructure(packStructure(structure)), store);
    const ce = lazy.entries.find((e) => e.id === 'cross-entropy')!;
    assert.equal(ce.names.en, LOSSES.find((e) => e.id === 'cross-entropy')!.names.en);
    assert.deepEqual(ce.params.map((p) => p.name), ['weight', 'ignore_index', 'reduction', 'label_smoothing']);
    assert.throws(() => ce.summary, /text of catalog entry 'cross-entropy' was read before dist\/catalog-text\.json was loaded/);
    assert.throws(() => ce.params[0].meaning, /cross-entropy/);
    assert.throws(() => lazy.concepts[0].body, /concept '.+' was read before/);
  });

  it('an installed text that lacks an entry says to rebuild', () => {
    const store = new CatalogTextStore();
    const lazy = lazyCatalog(unpackStructure(packStructure(structure)), store);
    store.install({ entries: {}, concepts: {} });
    assert.throws(() => lazy.entries[0].summary, /has no text for entry '.+'; rebuild the extension/);
  });

  it('the source catalog needs no text to be installed: computeLoss works as before', () => {
    const r = computeLoss('mse-loss', { input: [1, 2], target: [0, 0] }, {});
    assert.equal(r.value, 2.5);
  });
});
