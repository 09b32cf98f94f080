// `npm run test:ui`: runs the UI specs (test/ui/specs/*.spec.mjs) with mocha.
// Each spec drives the real workbench (code-server + headless Chromium, with
// Loss Atlas installed from its .vsix) through ./lib.mjs and saves PNG
// screenshots under test-output/screenshots/. Exits non-zero on any failure.
//   node test/ui/driver.mjs [--grep TEXT] [spec files…]
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import { ROOT, log, shutdown } from '../integration/harness/code-server.mjs';
import { SCREENSHOT_DIR, prepare } from './lib.mjs';

const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;
const specDir = join(ROOT, 'test/ui/specs');
const specs = args.length
  ? args.map((a) => resolve(a))
  : readdirSync(specDir).filter((f) => f.endsWith('.spec.mjs')).sort().map((f) => join(specDir, f));

const t0 = Date.now();
let failures;
try {
  await prepare();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120_000, slow: 10_000, color: process.stdout.isTTY });
  if (grep) mocha.grep(grep);
  for (const s of specs) mocha.addFile(s);
  await mocha.loadFilesAsync();
  const { failures: f, total } = await new Promise((res) => {
    const runner = mocha.run((n) => res({ failures: n, total: runner.total }));
  });
  failures = f;
  if (total === 0) { console.error('[ui] no UI test ran'); failures = Math.max(failures, 1); }
} catch (e) {
  // Printed like a mocha failure so that summaries count it.
  console.log(`\n  0 passing\n  1 failing\n\n  1) UI setup (before any spec ran):\n     ${String(e.stack ?? e).replace(/\n/g, '\n     ')}\n`);
  failures = 1;
} finally {
  await shutdown();
}
log(`UI: ${((Date.now() - t0) / 1000).toFixed(1)}s; screenshots in ${SCREENSHOT_DIR}`);
process.exit(failures ? 1 : 0);
