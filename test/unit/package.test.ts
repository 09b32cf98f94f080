/**
 * The .vsix holds only what runs: it makes a production build and packages the
 * extension with `vsce` (as `npm run package` does, offline, no prompts) into a
 * temporary file, reads the zip's own file list and checks it against
 * .vscodeignore's intent; then the Marketplace parts (icon, banner, categories,
 * README screenshots inside the package), no warnings, the size (< 2 MB), the
 * declared capabilities and the web entry (a browser bundle with no Node import).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const VSCE = join(ROOT, 'node_modules/@vscode/vsce/vsce');
/** The flags of `npm run package` (README's relative images stay relative: there is no repository). */
const VSCE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
const MAX_BYTES = 2 * 1024 * 1024;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  assert.ok(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'not a PNG');
  assert.equal(buf.toString('latin1', 12, 16), 'IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Names of the entries of a zip file, from its central directory. */
export function zipEntries(buf: Buffer): string[] {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** What may ship, as paths inside the .vsix's `extension/` folder. */
const ALLOWED: RegExp[] = [
  /^dist\/.+\.(js|cjs|mjs|css|json|woff2?|ttf|svg|png|wasm)$/,
  /^media\/.+/,
  /^docs\/screenshots\/[^/]+\.png$/,
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE(\.txt)?$/,
];
const FORBIDDEN = /^(src|test|scripts|node_modules|demo|out|\.cache|\.ci|test-output|dist-vsix)\/|\.map$|\.ts$|tsconfig|eslint/;

describe('the packaged .vsix', function () {
  this.timeout(120_000);
  let files: string[] = [];
  let output = '';
  let dir = '';
  let size = 0;

  before(function () {
    // The size that matters is the shipped one: minified bundles, as `npm run package` builds them.
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--production'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, `build failed:\n${b.stdout}${b.stderr}`);
    dir = mkdtempSync(join(tmpdir(), 'loss-atlas-vsix-'));
    const vsix = join(dir, 'loss-atlas.vsix');
    const r = spawnSync(process.execPath, [VSCE, 'package', ...VSCE_FLAGS, '-o', vsix], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 100_000,
    });
    output = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, `vsce package failed:\n${output}`);
    const zip = readFileSync(vsix);
    size = zip.length;
    const entries = zipEntries(zip);
    assert.ok(entries.includes('extension.vsixmanifest') && entries.includes('[Content_Types].xml'), `not a VSIX: ${entries.join(', ')}`);
    files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  });

  after(function () {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packages without warnings or prompts', function () {
    assert.doesNotMatch(output, /WARNING|\?\s*\[y\/N\]/i, `vsce printed:\n${output}`);
    assert.match(output, /DONE\s+Packaged:/);
  });

  it(`is under 2 MB`, function () {
    assert.ok(size > 100_000, `suspiciously small: ${size} bytes`);
    assert.ok(size < MAX_BYTES, `the .vsix is ${(size / 1048576).toFixed(2)} MB`);
  });

  it('the host bundles are under 450 KB minified (with the Python analysis, the loss lint and 20 libraries\' API symbols): the catalog text ships apart, in dist/catalog-text.json', function () {
    // 330 KB since the scope-aware Python analysis (src/python, issue 12: about 30 KB minified) replaced the import table;
    // the loss lint (src/python/lint and its editor layer, issue 13: about 52 KB minified) comes on top (features 377 KB, web 382 KB
    // measured after merging main at 20:55 UTC).
    // 405 KB since the lint reads files into token tapes with a name index in typed arrays (issue 13's speed target,
    // 7 December: about 4 KB minified for a lint twice as fast; web 399.7 KB, features 394.4 KB when raised).
    // 415 KB since the lint's precision fixes (names bound inside a statement, where a block ends, alternative clauses,
    // `as` targets, match captures, Keras from_logits sinks; 7 December: web 403.7 KB before them, 410.1 KB after).
    // 425 KB since the playground's watchdog module, five more value-change rules and Keras models built by a
    // function of the file (7 December, second session: web 412.6 KB before them, 416.3 KB after).
    // 435 KB since the lint follows loss wrappers, loss-function aliases, a module's own methods, tuple items,
    // models and criteria passed as arguments and values agreeing across branches (7 December, third session:
    // web 417.4 KB before them, 425.1 KB after).
    // 440 KB since the lint runs in a thread of its own on the desktop (its runner, messages and debug command, about
    // 3 KB; 7 December, fifth session: web 431.8 KB before, 435.1 KB after).
    // 450 KB since the lint reads nn.Sequential's last layer from a list or an OrderedDict and the playground replaces a
    // panel whose page never speaks, then torchvision heads (7 December, sixth session: web 438.0 KB at its start,
    // 443.5 KB after).
    for (const [f, max] of [['dist/extension.js', 300_000], ['dist/features.js', 450_000], ['dist/web/extension.js', 450_000]] as const) {
      const bytes = readFileSync(join(ROOT, f)).length;
      assert.ok(bytes < max, `${f} is ${bytes} bytes`);
    }
    // The desktop's lint thread (the lint and the catalog's structure, no text): 335 KB when it came, 7 December (fifth session).
    const worker = readFileSync(join(ROOT, 'dist/lint-worker.js'), 'utf8');
    assert.ok(worker.length < 360_000, `dist/lint-worker.js is ${worker.length} bytes`);
    // The activation layer stays small: everything else waits in dist/features.js until first use.
    const entry = readFileSync(join(ROOT, 'dist/extension.js'), 'utf8');
    assert.ok(entry.length < 10_000, `dist/extension.js is ${entry.length} bytes`);
    assert.match(entry, /require\("\.\/features\.js"\)/);
    assert.ok(readFileSync(join(ROOT, 'dist/catalog-text.json')).length > 300_000, 'dist/catalog-text.json holds the text');
  });

  it('holds only runtime files', function () {
    const unexpected = files.filter((f) => FORBIDDEN.test(f) || !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(unexpected, [], `files that should not ship: ${unexpected.join(', ')}`);
  });

  it('holds the bundles, manifest, README, LICENSE and CHANGELOG', function () {
    const lower = files.map((f) => f.toLowerCase());
    for (const need of ['package.json', 'dist/extension.js', 'dist/features.js', 'dist/webview.js', 'dist/catalog-text.json', 'dist/lint-worker.js', 'dist/selection-worker.js', 'readme.md', 'changelog.md']) {
      assert.ok(lower.includes(need), `${need} is missing from the .vsix: ${files.join(', ')}`);
    }
    assert.ok(lower.some((f) => f === 'license' || f === 'license.txt'), `LICENSE is missing: ${files.join(', ')}`);
  });

  it('ships a manifest whose entry points (Node main, web browser) are in the package', function () {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };
    for (const entry of [pkg.main, pkg.browser]) {
      assert.ok(entry, 'package.json needs both main and browser');
      const f = entry.replace(/^\.\//, '');
      assert.ok(files.includes(f.endsWith('.js') ? f : `${f}.js`), `${entry} is not in the .vsix`);
    }
  });

  it('the web bundle requires nothing but vscode (no Node API)', function () {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser: string };
    const code = readFileSync(join(ROOT, pkg.browser), 'utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    assert.doesNotMatch(code, /\bBuffer\.|\bprocess\.(env|versions|platform)|__dirname|node:/, 'Node globals in the web bundle');
  });

  it('has the Marketplace parts: icon (PNG >= 128x128), gallery banner, categories, keywords', function () {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      icon: string; galleryBanner: { color: string; theme: string }; categories: string[]; keywords: string[];
    };
    assert.ok(files.includes(pkg.icon), `icon ${pkg.icon} is not in the .vsix`);
    const { width, height } = pngSize(readFileSync(join(ROOT, pkg.icon)));
    assert.ok(width >= 128 && height >= 128 && width === height, `icon is ${width}x${height}`);
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    assert.ok(pkg.categories.length >= 3 && pkg.keywords.length >= 5);
  });

  it('ships every image the README shows, as PNG, and the README shows at least three', function () {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, `README images: ${images.join(', ')}`);
    for (const src of images) {
      assert.doesNotMatch(src, /^[a-z]+:/i, `${src}: README images are files of the package`);
      assert.match(src, /\.png$/);
      assert.ok(files.includes(src), `${src} is not in the .vsix`);
      pngSize(readFileSync(join(ROOT, src)));
    }
  });

  it('declares restricted-mode and virtual-workspace support', function () {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { capabilities: unknown };
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });
});
