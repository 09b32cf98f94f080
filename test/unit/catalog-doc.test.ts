import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CATALOG_DOC_PATH, README_PATH, renderCatalogDoc, updateReadmeCounts } from '../../scripts/catalog-doc';

describe('generated catalog docs (run `npm run docs` to regenerate)', () => {
  it('docs/catalog.md is in sync with the catalog', () => {
    assert.equal(readFileSync(CATALOG_DOC_PATH, 'utf8'), renderCatalogDoc());
  });
  it("the README's counts by category are in sync with the catalog", () => {
    const readme = readFileSync(README_PATH, 'utf8');
    assert.equal(readme, updateReadmeCounts(readme));
  });
});
