/**
 * docs/coverage.md matches what `npm run docs` generates from test/fixtures/apis/*.json and the
 * catalog; every listed symbol is covered or left out with a reason; every third-party binding
 * names an existing entry and a symbol its library's list holds.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COVERAGE_DOC_PATH, APIS_DIR, coveredBy, libraryCoverage, readApiLists, renderCoverageDoc } from '../../scripts/coverage-doc';
import { LIBRARY_APIS } from '../../src/losses/catalog/apis';
import { getEntry, resolveSymbol } from '../../src/losses';

describe('API coverage (docs/coverage.md; run `npm run docs` to regenerate)', () => {
  const lists = readApiLists();

  it('docs/coverage.md is in sync with the API lists and the catalog', () => {
    assert.equal(readFileSync(COVERAGE_DOC_PATH, 'utf8'), renderCoverageDoc(lists));
  });

  for (const list of lists) {
    describe(list.library, () => {
      it('is well formed: named file, version, unique symbols, reasons only for listed symbols', () => {
        assert.ok(existsSync(join(APIS_DIR, `${list.library}.json`)), `${list.library}.json`);
        assert.ok(list.version && list.source && list.displayName, 'version, source, displayName');
        if (list.commit !== undefined) assert.match(list.commit, /^[0-9a-f]{40}$/, 'commit');
        const seen = new Set<string>();
        for (const s of list.symbols) {
          assert.ok(!seen.has(s.symbol), `duplicate ${s.symbol}`);
          seen.add(s.symbol);
          assert.ok(['class', 'function', 'alias', 'registry', 'module'].includes(s.kind), `${s.symbol}: kind ${s.kind}`);
        }
        for (const [symbol, reason] of Object.entries(list.leftOut ?? {})) {
          assert.ok(seen.has(symbol), `leftOut ${symbol} is not a listed symbol`);
          assert.ok(reason.trim().length > 10, `leftOut ${symbol}: a specific reason`);
        }
      });

      it('every symbol is covered by an entry or left out with a reason, never both', () => {
        const c = libraryCoverage(list);
        assert.deepEqual(c.unexplained.map((s) => s.symbol), [], 'neither covered nor left out');
        for (const { symbol } of c.covered) assert.equal(list.leftOut?.[symbol.symbol], undefined, `${symbol.symbol} is covered and left out`);
      });

      it('an alias resolves to the same entry as the symbol it names', () => {
        for (const s of list.symbols) {
          if (s.kind !== 'alias' || !s.of) continue;
          const a = coveredBy(s);
          const b = resolveSymbol(s.of)?.id;
          assert.equal(a, b, `${s.symbol} -> ${a ?? 'nothing'}, ${s.of} -> ${b ?? 'nothing'}`);
        }
      });
    });
  }

  it("every third-party binding names an existing entry and a symbol of its library's list", () => {
    const listed = new Set(lists.flatMap((l) => l.symbols.map((s) => s.symbol)));
    for (const b of LIBRARY_APIS) {
      assert.ok(getEntry(b.entry), `${b.api.symbol}: no entry ${b.entry}`);
      assert.ok(listed.has(b.api.symbol), `${b.api.symbol} is bound but not in any test/fixtures/apis list`);
      assert.equal(resolveSymbol(b.api.symbol)?.id, b.entry, `${b.api.symbol} resolves elsewhere`);
      if (b.note) assert.ok(getEntry(b.entry)!.frameworkNotes.en.includes(b.note.en), `${b.api.symbol}: note not attached`);
    }
  });
});
