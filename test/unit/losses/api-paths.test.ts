/**
 * API paths that exist: every entry's `apis` symbol, every dotted library name in its text and
 * every library name its snippets use is checked against the committed API lists
 * (test/fixtures/apis/*.json, read from each library's source at a named version).
 *
 * A name is checked when its module (the part before the last dot, after expanding the usual
 * import forms `F.`, `nn.`, `tensorflow.`) is a module some list covers (`torch.nn.functional`,
 * `tf.nn`, `keras.losses`, `optax`, `monai.losses`, ...); other names (`torch.log`, `jnp.exp`)
 * are outside the lists and are not checked here. A list added for another library extends the
 * check with no change to this file.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOSSES, resolveSymbol } from '../../../src/losses';

interface ListedSymbol {
  symbol: string;
  kind: 'class' | 'function' | 'alias' | 'registry' | 'module';
  of?: string;
  note?: string;
}
interface ApiList {
  library: string;
  displayName: string;
  version: string;
  commit?: string;
  source: string;
  howExtracted: string;
  symbols: ListedSymbol[];
  helpers?: ListedSymbol[];
  leftOut: Record<string, string>;
}

const DIR = join(__dirname, '../../fixtures/apis');
const LISTS: ApiList[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as ApiList);

/** Import forms people write in text and snippets, and the qualified module they stand for. */
const SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['F.', 'torch.nn.functional.'],
  ['nn.', 'torch.nn.'],
  ['tensorflow.', 'tf.'],
  ['smp.', 'segmentation_models_pytorch.'],
];

/**
 * Libraries that have `apis` symbols in the catalog but no list yet: their symbols are not
 * checked. Each names the helper expected to add the list; the lead empties this after merging.
 */
const NO_LIST_YET: Readonly<Record<string, string>> = {
  allrank: 'apis-libs',
  info_nce: 'apis-libs',
  keras_cv: 'apis-libs',
  lovasz_losses: 'apis-libs',
  lpips: 'apis-libs',
  neuralop: 'apis-libs',
  open_clip: 'apis-libs',
  rlax: 'apis-libs',
  robust_loss_pytorch: 'apis-libs',
  tfa: 'apis-libs',
  tfgan: 'apis-libs',
  tfr: 'apis-libs',
  torchrl: 'apis-libs',
};

/**
 * Names in entry text or snippets that do not exist and belong to another helper's files. Each
 * item must still fail (a fixed one must leave this list); the lead empties it after merging.
 */
const PENDING: ReadonlyArray<{ entry: string; where: string; name: string; owner: string }> = [];

function canonical(name: string): string {
  for (const [short, full] of SHORT_FORMS) if (name.startsWith(short)) return full + name.slice(short.length);
  return name;
}

function moduleOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(0, i);
}

const LOSS_SYMBOLS = new Set<string>();
const EXISTING = new Set<string>();
const MODULES = new Set<string>();
for (const list of LISTS) {
  for (const s of list.symbols) if (s.kind !== 'registry') LOSS_SYMBOLS.add(s.symbol);
  for (const s of [...list.symbols, ...(list.helpers ?? [])]) {
    if (s.kind === 'registry') continue;
    EXISTING.add(s.symbol);
    MODULES.add(moduleOf(s.symbol));
  }
}
for (const m of MODULES) {
  const parts = m.split('.');
  for (let i = 1; i <= parts.length; i++) EXISTING.add(parts.slice(0, i).join('.'));
}

/** Dotted names in free text or code, not preceded by a word character or a dot. */
const DOTTED = /(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/g;
const MOVED_WORDS = /\b(?:moved|renamed|removed|deprecated)\b|移至|移到|更名|改名|移除|弃用/;

interface Finding {
  entry: string;
  where: string;
  name: string;
}

/** Names whose module a list covers but that no list holds. */
function missingNames(entry: string, where: string, text: string, allowMoved: boolean): Finding[] {
  const names = [...new Set(text.match(DOTTED) ?? [])];
  const out: Finding[] = [];
  for (const raw of names) {
    const name = canonical(raw);
    if (!MODULES.has(moduleOf(name)) || EXISTING.has(name)) continue;
    if (allowMoved && MOVED_WORDS.test(text)) {
      const bare = name.slice(name.lastIndexOf('.') + 1);
      const movedTo = names.map(canonical).find((n) => n !== name && n.endsWith('.' + bare) && EXISTING.has(n));
      if (movedTo) continue;
    }
    out.push({ entry, where, name: raw });
  }
  return out;
}

function textFindings(): Finding[] {
  const out: Finding[] = [];
  for (const e of LOSSES) {
    for (const field of ['summary', 'whenToUse', 'pitfalls', 'frameworkNotes'] as const) {
      for (const lang of ['en', 'zh'] as const) out.push(...missingNames(e.id, `${field}.${lang}`, e[field][lang], true));
    }
  }
  return out;
}

function snippetFindings(): Finding[] {
  const out: Finding[] = [];
  for (const e of LOSSES) {
    for (const [kind, body] of Object.entries(e.snippets)) {
      if (typeof body === 'string') out.push(...missingNames(e.id, `snippets.${kind}`, body, false));
    }
  }
  return out;
}

const key = (f: Finding): string => `${f.entry} ${f.where}: ${f.name}`;

/** Fails on findings not in PENDING, and on PENDING items that no longer fail. */
function assertOnlyPending(findings: Finding[], kind: 'text' | 'snippets'): void {
  const pending = PENDING.filter((p) => (kind === 'snippets') === p.where.startsWith('snippets.'));
  const pendingKeys = new Set(pending.map(key));
  const unexpected = findings.filter((f) => !pendingKeys.has(key(f))).map(key);
  assert.deepEqual(unexpected, [], `names that no API list holds:\n  ${unexpected.join('\n  ')}`);
  const found = new Set(findings.map(key));
  const stale = pending.filter((p) => !found.has(key(p))).map((p) => `${key(p)} (${p.owner})`);
  assert.deepEqual(stale, [], `fixed: remove from PENDING in api-paths.test.ts:\n  ${stale.join('\n  ')}`);
}

describe('API paths', () => {
  describe('the committed API lists', () => {
    it('are there, one per library, for at least torch, torchvision, tensorflow, keras and optax', () => {
      const names = LISTS.map((l) => l.library);
      for (const lib of ['torch', 'torchvision', 'tensorflow', 'keras', 'optax']) assert.ok(names.includes(lib), lib);
      assert.equal(new Set(names).size, names.length);
      for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json'))) {
        const l = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as ApiList;
        assert.equal(`${l.library}.json`, f, `${f}: library is ${l.library}`);
      }
    });

    for (const list of LISTS) {
      describe(list.library, () => {
        it('names its version, source and how it was read', () => {
          for (const k of ['displayName', 'version', 'source', 'howExtracted'] as const) {
            assert.ok(typeof list[k] === 'string' && list[k].trim().length > 0, `${k} missing`);
          }
          if (list.commit !== undefined) assert.match(list.commit, /^[0-9a-f]{40}$/);
          assert.ok(list.symbols.length > 0);
        });

        it('lists each symbol once, with a known kind; aliases and registry names point at a listed symbol', () => {
          const seen = new Set<string>();
          for (const s of [...list.symbols, ...(list.helpers ?? [])]) {
            assert.ok(!seen.has(`${s.kind === 'registry' ? 'r:' : ''}${s.symbol}`), `${s.symbol} twice`);
            seen.add(`${s.kind === 'registry' ? 'r:' : ''}${s.symbol}`);
            assert.ok(['class', 'function', 'alias', 'registry', 'module'].includes(s.kind), `${s.symbol}: kind ${s.kind}`);
            if (s.kind === 'alias') assert.ok(s.of && EXISTING.has(s.of), `${s.symbol}: alias of ${String(s.of)}`);
            if (s.kind === 'registry' && s.of) assert.ok(EXISTING.has(s.of), `${s.symbol}: registry name for ${s.of}`);
          }
        });

        it('covers every symbol (the catalog resolves it) or leaves it out with a reason, never both', () => {
          const uncovered: string[] = [];
          const both: string[] = [];
          for (const s of list.symbols) {
            const target = s.kind === 'registry' ? s.of : s.symbol;
            const covered = target !== undefined && resolveSymbol(target) !== undefined;
            const left = Object.hasOwn(list.leftOut, s.symbol);
            if (!covered && !left) uncovered.push(s.symbol);
            if (covered && left) both.push(s.symbol);
          }
          assert.deepEqual(uncovered, [], 'neither covered nor left out');
          assert.deepEqual(both, [], 'covered and also left out');
          const listed = new Set(list.symbols.map((s) => s.symbol));
          for (const [sym, why] of Object.entries(list.leftOut)) {
            assert.ok(listed.has(sym), `leftOut names ${sym}, which the list does not hold`);
            assert.ok(why.trim().length >= 10, `${sym}: give a real reason`);
          }
        });
      });
    }
  });

  it("every entry's apis symbol exists in its library's list (libraries without a list are named in NO_LIST_YET)", () => {
    const missing: string[] = [];
    const unlisted = new Set<string>();
    for (const e of LOSSES) {
      for (const api of e.apis) {
        const name = canonical(api.symbol);
        if (MODULES.has(moduleOf(name))) {
          if (!LOSS_SYMBOLS.has(name)) missing.push(`${e.id}: ${api.symbol}`);
        } else {
          const root = name.split('.')[0];
          if (!Object.hasOwn(NO_LIST_YET, root)) unlisted.add(`${e.id}: ${api.symbol}`);
        }
      }
    }
    assert.deepEqual(missing, [], 'apis symbols that no list holds');
    assert.deepEqual([...unlisted], [], 'apis symbols of a library with no list (add its list, or name it in NO_LIST_YET)');
  });

  it('NO_LIST_YET names only libraries that still have no list and still have apis symbols', () => {
    const roots = new Set(LOSSES.flatMap((e) => e.apis.map((a) => canonical(a.symbol).split('.')[0])));
    const listed = new Set([...MODULES].map((m) => m.split('.')[0]));
    for (const lib of Object.keys(NO_LIST_YET)) {
      assert.ok(!listed.has(lib), `${lib} has a list now: remove it from NO_LIST_YET`);
      assert.ok(roots.has(lib), `no entry uses ${lib}: remove it from NO_LIST_YET`);
    }
  });

  it('every dotted library name in entry text (summary, whenToUse, pitfalls, frameworkNotes; en and zh) exists, or the text says where it moved', () => {
    assertOnlyPending(textFindings(), 'text');
  });

  it('every library name a snippet uses exists', () => {
    assertOnlyPending(snippetFindings(), 'snippets');
  });

  describe('the check itself', () => {
    it('fails a placeholder and a misplaced optax path, and passes real names in their short forms', () => {
      assert.deepEqual(
        missingNames('x', 'summary.en', 'Use keras.losses.X_fn or optax.kl_divergence_with_log_targets.', true).map((f) => f.name),
        ['keras.losses.X_fn', 'optax.kl_divergence_with_log_targets'],
      );
      assert.deepEqual(missingNames('x', 'summary.en', 'F.cross_entropy, nn.CTCLoss, tf.nn.ctc_loss, tensorflow.keras.losses.Huber, optax.losses.ntxent.', true), []);
      assert.deepEqual(missingNames('x', 'snippets.jax', 'loss = optax.l2_loss(p, t).mean() + jnp.exp(x) + torch.log(y)', false), []);
    });

    it('accepts an old path only when the same text says where it moved', () => {
      const moved = 'optax.ranking_softmax_loss moved to optax.losses.ranking_softmax_loss.';
      assert.deepEqual(missingNames('x', 'frameworkNotes.en', moved, true), []);
      assert.equal(missingNames('x', 'frameworkNotes.en', 'See optax.ranking_softmax_loss.', true).length, 1);
      assert.equal(missingNames('x', 'snippets.jax', moved, false).length, 1);
    });
  });
});
