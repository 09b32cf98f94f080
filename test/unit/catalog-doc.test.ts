import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CATALOG_DOC_PATH, renderCatalogDoc } from '../../scripts/catalog-doc';

describe('docs/catalog.md', () => {
  it('is in sync with the catalog (run `npm run docs` to regenerate)', () => {
    assert.equal(readFileSync(CATALOG_DOC_PATH, 'utf8'), renderCatalogDoc());
  });
});
