import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { corpusDiagnostics, corpusFiles, LINT_DOC_PATH, renderLintDoc, VERDICTS_PATH, type Verdict } from '../../../scripts/lint-doc';

describe('lint: docs/lint.md (run `npm run docs` to regenerate) and precision on real code', () => {
  it('docs/lint.md is in sync with the rule table, the measured values and the verdicts', () => {
    assert.equal(readFileSync(LINT_DOC_PATH, 'utf8'), renderLintDoc());
  });

  it('every warning on the real-code corpus has a verdict, and none is a false positive', function () {
    if (!corpusFiles().length) this.skip();
    const verdicts = existsSync(VERDICTS_PATH) ? (JSON.parse(readFileSync(VERDICTS_PATH, 'utf8')) as { verdicts: Verdict[] }).verdicts : [];
    for (const f of corpusDiagnostics()) {
      const v = verdicts.find((x) => x.file === f.file && x.line === f.line && x.code === f.d.code);
      assert.ok(v, `no verdict for ${f.d.code} at ${f.file}:${f.line}: ${f.text}`);
      assert.equal(v.verdict, 'true positive', `${f.d.code} at ${f.file}:${f.line}: ${v.note}`);
    }
  });
});
