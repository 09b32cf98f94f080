import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOSSES } from '../../../src/losses';
import { snippetDefaults, snippetFrameworks, snippetImports, snippetPrefix, snippetWithParams } from '../../../src/losses/snippets';
import { frameworkPicks, lossPicks, matches } from '../../../src/extension/editor/loss-picks';

describe('editor: snippet helpers', () => {
  it('parameter values replace tab-stop defaults and choices', () => {
    const body = "criterion = nn.HuberLoss(delta=${1:1.0}, reduction=${2|'mean','sum','none'|})\nloss = criterion(${3:pred}, ${4:target})";
    const out = snippetWithParams(body, { delta: 0.5, reduction: 'sum' });
    assert.equal(out, "criterion = nn.HuberLoss(delta=${1:0.5}, reduction=${2:'sum'})\nloss = criterion(${3:pred}, ${4:target})");
    assert.equal(snippetWithParams(body, { unknown: 1 }), body);
    assert.equal(snippetWithParams('f(x=${1:None})', { x: true }), 'f(x=${1:True})');
  });
  it('defaults: the code a user gets by tabbing through', () => {
    assert.equal(snippetDefaults("f(${1:a}, r=${2|'mean','sum'|}, n=${3:${4:inner}})$0"), "f(a, r='mean', n=inner)");
  });
  it('imports a body needs, minus those already bound or in the body', () => {
    assert.deepEqual(snippetImports('c = nn.MSELoss()\nl = F.mse_loss(a, b)'), ['import torch.nn as nn', 'import torch.nn.functional as F']);
    assert.deepEqual(snippetImports('l = tf.keras.losses.Huber()'), ['import tensorflow as tf']);
    assert.deepEqual(snippetImports('l = optax.l2_loss(p, t)\nm = jnp.mean(l)'), ['import optax', 'import jax.numpy as jnp']);
    assert.deepEqual(snippetImports('c = nn.MSELoss()', new Set(['nn'])), []);
    assert.deepEqual(snippetImports('import torch\nx = torch.ones(1)'), []);
    assert.deepEqual(snippetImports('x = self.nn.foo  # nn.X in a comment\ns = "F.x"'), []);
  });
  it('every catalog snippet, defaults filled in, is valid Python (py_compile)', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'snip-'));
    const files: string[] = [];
    for (const e of LOSSES) {
      for (const fw of snippetFrameworks(e)) {
        const f = join(dir, `${e.id.replace(/-/g, '_')}_${fw}.py`);
        writeFileSync(f, snippetDefaults(e.snippets[fw]!) + '\n');
        files.push(f);
      }
    }
    assert.ok(files.length > 10);
    const script = 'import sys, ast\nbad = []\nfor f in sys.argv[1:]:\n    try:\n        ast.parse(open(f).read())\n    except SyntaxError as e:\n        bad.append(f"{f}: {e}")\nprint("\\n".join(bad))';
    const out = execFileSync('/usr/bin/python3', ['-c', script, ...files], { encoding: 'utf8' });
    assert.equal(out.trim(), '', out);
  });
  it('prefixes follow loss-<id>-<framework>', () => {
    assert.equal(snippetPrefix('mse-loss', 'torch'), 'loss-mse-loss-torch');
  });
});

describe('editor: loss Quick Pick rows', () => {
  const picks = lossPicks('en');
  const find = (q: string) => picks.filter((p) => matches(p, q)).map((p) => p.entry.id);
  it('one row per entry', () => assert.equal(picks.length, LOSSES.length));
  it('searchable by name, alias, Chinese name, category and API', () => {
    assert.ok(find('Mean Squared').includes('mse-loss'));
    assert.ok(find('MSE').includes('mse-loss'));
    assert.ok(find('均方误差').includes('mse-loss'));
    assert.ok(find('regression').includes('huber-loss'));
    assert.ok(find('HuberLoss').includes('huber-loss'));
    assert.deepEqual(find('zzzz-no-such-loss'), []);
  });
  it('Chinese rows lead with the Chinese name', () => {
    const zh = lossPicks('zh').find((p) => p.entry.id === 'mse-loss')!;
    assert.equal(zh.label, zh.entry.names.zh);
    assert.ok(zh.description.includes(zh.entry.names.en));
  });
  it('framework rows show the prefix and the first line without tab-stop syntax', () => {
    const e = LOSSES.find((x) => x.id === 'mse-loss')!;
    const rows = frameworkPicks(e, 'en');
    assert.deepEqual(rows.map((r) => r.framework), snippetFrameworks(e));
    assert.equal(rows[0].description, 'loss-mse-loss-torch');
    assert.ok(!rows[0].detail.includes('${'), rows[0].detail);
  });
});
