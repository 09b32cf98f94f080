// Packages the current build (dist/, run `npm run build` or `npm run package` first) as a
// web-only extension: the same files, but a package.json with `browser` and no `main`, so
// that only a web extension host can run it (in code-server: the browser's Web Worker
// extension host). Used by test/ui/specs/web.spec.mjs; by hand:
//   npm run build && node scripts/package-web.mjs      -> dist-vsix/loss-atlas-web.vsix
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = ['dist', 'media', 'l10n', 'docs/screenshots', 'README.md', 'LICENSE', 'CHANGELOG.md', '.vscodeignore'];

/** Writes the web-only .vsix to `out`; returns its path. Throws with vsce's output on failure. */
export function packageWebOnly(out = join(ROOT, 'dist-vsix/loss-atlas-web.vsix')) {
  if (!existsSync(join(ROOT, 'dist/web/extension.js'))) throw new Error('dist/web/extension.js is missing: run `npm run build` first');
  const stage = mkdtempSync(join(tmpdir(), 'loss-atlas-web-'));
  try {
    for (const f of FILES) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(stage, f), { recursive: true });
    for (const f of readdirSync(ROOT)) if (/^package\.nls(\.[a-z-]+)?\.json$/.test(f)) cpSync(join(ROOT, f), join(stage, f));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    if (!pkg.browser) throw new Error('package.json has no browser entry');
    for (const k of ['main', 'scripts', 'devDependencies', 'dependencies']) delete pkg[k];
    writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2));
    mkdirSync(dirname(out), { recursive: true });
    rmSync(out, { force: true });
    const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out],
      { cwd: stage, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vsce package (web-only) failed:\n${r.stdout}${r.stderr}`);
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  console.log(`web-only extension: ${packageWebOnly()}`);
}
