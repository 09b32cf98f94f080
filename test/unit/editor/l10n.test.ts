import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('editor: translations', () => {
  it('every vscode.l10n.t string of the editor has a Chinese translation with the same placeholders', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const dir = 'src/extension/editor';
    const keys = new Set<string>();
    for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.ts'))) {
      for (const m of read(`${dir}/${f}`).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
    }
    assert.ok(keys.size > 20, `only ${keys.size} strings found`);
    const missing = [...keys].filter((k) => !(k in bundle));
    assert.deepEqual(missing, []);
    for (const k of keys) {
      const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(ph(bundle[k]), ph(k), `placeholders differ for "${k}"`);
    }
  });

  it('every %key% of package.json has an English and a Chinese value', () => {
    const pkg = read('package.json');
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    const keys = [...pkg.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(zh[k], `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.equal(zh['lossAtlas.command.computeOnSelection'], '对选中内容计算损失');
  });
});
