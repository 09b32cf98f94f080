/**
 * The integration suite index, in the `@vscode/test-electron` shape: `run()` is
 * called inside the extension host (by VS Code's test runner for
 * `npm run test:desktop`, or by the test-runner extension under code-server for
 * `npm run test:integration`) and runs every `*.test.js` beside it with mocha,
 * against the real `vscode` API.
 *
 * Environment: LOSS_ATLAS_TEST_GREP (mocha grep) and LOSS_ATLAS_TEST_INVERT=1
 * select a session's tests (see ../sessions.mjs); `RunOptions.files` narrows the
 * suite files (the driver's LOSS_ATLAS_INTEGRATION_FILES).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type MochaModule from 'mocha';

// mocha 12 is an ES module; its CommonJS build loads in any extension host.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha/lib/mocha.cjs') as typeof MochaModule;

export interface TestResult {
  /** Titles from the outermost suite to the test. */
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: { message: string; stack?: string };
}

export interface SuiteReport {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: TestResult[];
  /** Files that were loaded, in order. */
  files: string[];
}

export interface RunOptions {
  grep?: string;
  invert?: boolean;
  /** Only these suite files (names without `.test.js`, e.g. `playground`); all when absent. */
  files?: string[];
  timeoutMs?: number;
  /** Called as each test finishes (the code-server runner streams these to the driver). */
  onTest?: (t: TestResult) => void;
}

/** Suites that must run first in a fresh host (activation checks). */
const FIRST = ['activation.test.js'];

export function suiteFiles(dir = __dirname): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js'));
  files.sort((a, b) => {
    const ia = FIRST.indexOf(a);
    const ib = FIRST.indexOf(b);
    if (ia !== ib) return (ia < 0 ? FIRST.length : ia) - (ib < 0 ? FIRST.length : ib);
    return a.localeCompare(b);
  });
  return files.map((f) => join(dir, f));
}

function errorOf(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

/** Runs the suites and returns what happened (does not throw on test failures). */
export function runSuites(options: RunOptions = {}): Promise<SuiteReport> {
  const grep = options.grep ?? process.env.LOSS_ATLAS_TEST_GREP;
  const invert = options.invert ?? process.env.LOSS_ATLAS_TEST_INVERT === '1';
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: options.timeoutMs ?? 30_000, reporter: 'spec' });
  // A plain substring of the full title (mocha would read a string as a regular expression).
  if (grep) mocha.grep(new RegExp(grep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  if (grep && invert) mocha.invert();
  const only = options.files && new Set(options.files.map((f) => `${f}.test.js`));
  const files = suiteFiles().filter((f) => !only || only.has(f.split(/[\\/]/).pop()!));
  for (const f of files) mocha.addFile(f);

  const tests: TestResult[] = [];
  const record = (t: MochaModule.Test | MochaModule.Hook, state: TestResult['state'], err?: unknown): void => {
    const r: TestResult = { titlePath: t.titlePath(), state, durationMs: t.duration ?? 0 };
    if (err !== undefined) r.error = errorOf(err);
    tests.push(r);
    options.onTest?.(r);
  };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        resolve({
          passes: tests.filter((t) => t.state === 'passed').length,
          failures: tests.filter((t) => t.state === 'failed').length,
          pending: tests.filter((t) => t.state === 'pending').length,
          durationMs: Date.now() - started,
          tests,
          files,
        });
      });
      runner.on('pass', (t) => record(t, 'passed'));
      runner.on('fail', (t, err) => record(t, 'failed', err));
      runner.on('pending', (t) => record(t, 'pending'));
    } catch (e) {
      reject(e);
    }
  });
}

/** The `@vscode/test-electron` entry: resolves when every test passed. */
export async function run(): Promise<void> {
  const report = await runSuites();
  if (report.failures > 0) throw new Error(`${report.failures} integration test(s) failed`);
  if (report.passes === 0) throw new Error('no integration test ran');
}
