// `npm test`: every layer in order (typecheck, lint, build, setup-vscode, unit,
// integration, UI), each with its own output and a summary line, then a table
// and a final line `N passed, N failed`. Test layers count their tests (from
// mocha's closing lines); typecheck, lint, build and setup count as one check
// each. Integration and UI are skipped (and the run fails) when build or setup
// failed. Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LAYER_TIMEOUT_MS = Number(process.env.LOSS_ATLAS_LAYER_TIMEOUT ?? 20 * 60) * 1000;

const LAYERS = [
  { name: 'typecheck', kind: 'check', cmd: process.execPath, args: ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', kind: 'check', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'build', kind: 'check', cmd: 'npm', args: ['run', '--silent', 'build'], needed: true },
  { name: 'setup-vscode', kind: 'check', cmd: 'bash', args: ['scripts/setup-vscode.sh'], needed: true },
  { name: 'unit', kind: 'tests', cmd: 'npm', args: ['run', '--silent', 'test:unit'] },
  { name: 'integration', kind: 'tests', cmd: 'npm', args: ['run', '--silent', 'test:integration'], needs: ['build', 'setup-vscode'] },
  { name: 'ui', kind: 'tests', cmd: 'npm', args: ['run', '--silent', 'test:ui'], needs: ['build', 'setup-vscode'] },
];

// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/** Counts from mocha's closing lines ("N passing", "N failing", "N pending"); the last block wins. */
export function mochaCounts(output) {
  const text = stripAnsi(output);
  const last = (re) => {
    const all = [...text.matchAll(re)];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const passing = last(/^\s*(\d+) passing\b/gm);
  if (passing === undefined) return undefined;
  return { passed: passing, failed: last(/^\s*(\d+) failing\b/gm) ?? 0, pending: last(/^\s*(\d+) pending\b/gm) ?? 0 };
}

let current;
function runLayer(layer) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let output = '';
    const child = spawn(layer.cmd, layer.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    current = child;
    const onData = (stream) => (d) => { output += d; stream.write(d); };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const timer = setTimeout(() => {
      output += `\n[test-all] ${layer.name} timed out after ${LAYER_TIMEOUT_MS / 1000}s\n`;
      child.kill('SIGTERM');
    }, LAYER_TIMEOUT_MS);
    child.on('error', (e) => { output += `\n[test-all] cannot start ${layer.cmd}: ${e.message}\n`; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    // Let the running layer clean up its own children, then stop.
    if (current) current.kill(sig);
    setTimeout(() => process.exit(130), 8000).unref();
    current?.on('close', () => process.exit(130));
    if (!current) process.exit(130);
  });
}

const results = [];
const failedNames = new Set();
for (const layer of LAYERS) {
  const blocked = (layer.needs ?? []).filter((n) => failedNames.has(n));
  if (blocked.length) {
    console.log(`\n===== ${layer.name}: skipped (${blocked.join(', ')} failed) =====`);
    results.push({ layer, status: 'skipped', passed: 0, failed: 0, pending: 0, seconds: 0, note: `${blocked.join(', ')} failed` });
    continue;
  }
  console.log(`\n===== ${layer.name}: ${[layer.cmd === process.execPath ? 'node' : layer.cmd, ...layer.args].join(' ')} =====`);
  const { code, output, seconds } = await runLayer(layer);
  let passed = 0;
  let failed = 0;
  let pending = 0;
  let note = '';
  if (layer.kind === 'check') {
    if (code === 0) passed = 1; else failed = 1;
  } else {
    const counts = mochaCounts(output);
    if (counts) ({ passed, failed, pending } = counts);
    if (code !== 0 && failed === 0) { failed = 1; note = counts ? `exit ${code}` : `exit ${code}, no mocha summary`; }
    if (code === 0 && passed === 0) { failed = 1; note = 'no test ran'; }
  }
  const status = failed ? 'FAILED' : 'passed';
  if (failed) failedNames.add(layer.name);
  const counts = layer.kind === 'check' ? '' : ` — ${passed} passed, ${failed} failed${pending ? `, ${pending} pending` : ''}`;
  console.log(`\n----- ${layer.name}: ${status}${counts} (${seconds.toFixed(1)}s)${note ? ` [${note}]` : ''} -----`);
  results.push({ layer, status, passed, failed, pending, seconds, note });
}

const pad = (s, n) => String(s).padEnd(n);
console.log('\n===== summary =====');
for (const r of results) {
  const what = r.status === 'skipped'
    ? `skipped (${r.note})`
    : r.layer.kind === 'check'
      ? r.status
      : `${r.status}: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}${r.note ? ` [${r.note}]` : ''}`;
  console.log(`  ${pad(r.layer.name, 13)} ${pad(what, 52)} ${r.seconds.toFixed(1)}s`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
const skipped = results.filter((r) => r.status === 'skipped');
if (skipped.length) console.log(`  (${skipped.map((r) => r.layer.name).join(', ')} did not run)`);
console.log('  (typecheck, lint, build and setup-vscode count as one check each)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || skipped.length ? 1 : 0);
