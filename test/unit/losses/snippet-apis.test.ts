/**
 * Every library name the TensorFlow / Keras and JAX / optax snippets use exists: the dotted names
 * of each `tf` and `jax` snippet (as inserted, comments and strings left out) are looked up in the
 * committed API lists: the loss lists of test/fixtures/apis (checked by api-paths.test.ts) and
 * the general operations the snippets need, test/fixtures/snippet-apis/jax.json (read from JAX's
 * source by scripts/snippet-apis-jax.py) and test/fixtures/snippet-apis/tensorflow.json (names
 * looked up in TensorFlow's API golden files and the Keras, KerasCV, TF Addons, TF-Ranking exports).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOSSES } from '../../../src/losses';
import { snippetDefaults } from '../../../src/losses/snippets';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

/** The libraries whose names are checked, and the full module each short form stands for. */
const ROOTS: ReadonlyArray<readonly [string, string]> = [
  ['jnp.', 'jax.numpy.'],
  ['tensorflow.', 'tf.'],
  ['tf.', 'tf.'],
  ['keras.', 'keras.'],
  ['keras_cv.', 'keras_cv.'],
  ['tfa.', 'tfa.'],
  ['tfr.', 'tfr.'],
  ['optax.', 'optax.'],
  ['jax.', 'jax.'],
];

function known(): Set<string> {
  const names = new Set<string>();
  const add = (full: string): void => {
    const parts = full.split('.');
    for (let i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('.'));
  };
  for (const f of readdirSync(join(FIXTURES, 'apis')).filter((n) => n.endsWith('.json'))) {
    const list = JSON.parse(readFileSync(join(FIXTURES, 'apis', f), 'utf8')) as { symbols: Array<{ symbol: string; kind: string }>; helpers?: Array<{ symbol: string }> };
    for (const s of [...list.symbols.filter((x) => x.kind !== 'registry'), ...(list.helpers ?? [])]) add(s.symbol);
  }
  const jax = JSON.parse(readFileSync(join(FIXTURES, 'snippet-apis', 'jax.json'), 'utf8')) as { symbols: string[] };
  for (const s of jax.symbols) add(s);
  const tf = JSON.parse(readFileSync(join(FIXTURES, 'snippet-apis', 'tensorflow.json'), 'utf8')) as { sources: Array<{ module: string; names: string[] }> };
  for (const src of tf.sources) for (const n of src.names) add(`${src.module}.${n}`);
  return names;
}

/** The dotted library names a snippet uses, canonical (`jnp.exp` -> `jax.numpy.exp`). */
export function snippetLibraryNames(body: string): string[] {
  const code = snippetDefaults(body)
    .replace(/#.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
  const out = new Set<string>();
  for (const m of code.matchAll(/(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/g)) {
    const root = ROOTS.find(([short]) => m[0].startsWith(short));
    if (root) out.add(root[1] + m[0].slice(root[0].length));
  }
  return [...out].sort();
}

describe('TensorFlow and JAX snippets use names that exist', () => {
  const names = known();
  let checked = 0;
  const distinct = new Set<string>();
  for (const e of LOSSES) {
    for (const kind of ['tf', 'jax'] as const) {
      const body = e.snippets[kind];
      if (!body) continue;
      it(`${e.id}/${kind}`, () => {
        const used = snippetLibraryNames(body);
        checked += used.length;
        used.forEach((n) => distinct.add(n));
        assert.deepEqual(used.filter((n) => !names.has(n)), [], 'names no API list holds (look each up in the library source and add it)');
      });
    }
  }
  it('extracts and canonicalises names, and flags a misspelt one', () => {
    assert.deepEqual(snippetLibraryNames("x = jnp.exp(${1:a}) + tf.reduce_mean(b)  # tf.nope\ny = 'tf.nope2'"), ['jax.numpy.exp', 'tf.reduce_mean']);
    assert.ok(!names.has('tf.reduce_meen') && names.has('tf.reduce_mean') && names.has('jax.numpy.take_along_axis'));
  });
  after(() => console.log(`      tf/jax snippet names: ${checked} uses, ${distinct.size} distinct names checked against the API lists`));
});
