/**
 * The .vsix holds only what runs: it packages the extension with `vsce` (as
 * `npm run package` does, offline, no prompts) into a temporary file, reads the
 * zip's own file list and checks it against .vscodeignore's intent.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const VSCE = join(ROOT, 'node_modules/@vscode/vsce/vsce');

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

  before(function () {
    if (!existsSync(join(ROOT, 'dist/extension.js')) || !existsSync(join(ROOT, 'dist/webview.js'))) {
      const b = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(b.status, 0, `build failed:\n${b.stdout}${b.stderr}`);
    }
    dir = mkdtempSync(join(tmpdir(), 'loss-atlas-vsix-'));
    const vsix = join(dir, 'loss-atlas.vsix');
    const r = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 100_000,
    });
    output = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, `vsce package failed:\n${output}`);
    const entries = zipEntries(readFileSync(vsix));
    assert.ok(entries.includes('extension.vsixmanifest') && entries.includes('[Content_Types].xml'), `not a VSIX: ${entries.join(', ')}`);
    files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  });

  after(function () {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packages without warnings or prompts', function () {
    assert.doesNotMatch(output, /WARNING|\?\s*\[y\/N\]/i, `vsce printed:\n${output}`);
  });

  it('holds only runtime files', function () {
    const unexpected = files.filter((f) => FORBIDDEN.test(f) || !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(unexpected, [], `files that should not ship: ${unexpected.join(', ')}`);
  });

  it('holds the bundles, manifest, README, LICENSE and CHANGELOG', function () {
    const lower = files.map((f) => f.toLowerCase());
    for (const need of ['package.json', 'dist/extension.js', 'dist/webview.js', 'readme.md', 'changelog.md']) {
      assert.ok(lower.includes(need), `${need} is missing from the .vsix: ${files.join(', ')}`);
    }
    assert.ok(lower.some((f) => f === 'license' || f === 'license.txt'), `LICENSE is missing: ${files.join(', ')}`);
  });

  it('ships a manifest whose entry point is in the package', function () {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    const main = pkg.main.replace(/^\.\//, '');
    assert.ok(files.includes(main.endsWith('.js') ? main : `${main}.js`), `main ${pkg.main} is not in the .vsix`);
  });
});
