/**
 * Test-only extension installed beside Loss Atlas under code-server. On
 * activation it runs the integration suites (the suite index's `runSuites()`)
 * inside this extension host and reports to the driver over loopback HTTP:
 * POST /started, one POST /test per finished test, then POST /report.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type * as vscode from 'vscode';
import type { RunOptions, SuiteReport, TestResult } from '../suite/index';

interface RunnerConfig {
  /** Absolute path of the compiled suite index (out/test/integration/suite/index.js). */
  index: string;
  /** http://127.0.0.1:PORT/TOKEN of the driver. */
  reportUrl: string;
  grep?: string;
  invert?: boolean;
  /** Only these suite files (names without `.test.js`); all when absent. */
  files?: string[];
  timeoutMs?: number;
}

function post(url: string, body: unknown): Promise<void> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', (e) => {
      console.error('[loss-atlas-test-runner] cannot reach the driver:', e.message);
      resolve();
    });
    req.end(data);
  });
}

export async function activate(_context: vscode.ExtensionContext): Promise<void> {
  const configPath = process.env.LOSS_ATLAS_TEST_CONFIG;
  if (!configPath) return;
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as RunnerConfig;
  await post(`${config.reportUrl}/started`, { pid: process.pid, node: process.versions.node });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const suite = require(config.index) as { runSuites(o: RunOptions): Promise<SuiteReport> };
    const pending: Promise<void>[] = [];
    const report = await suite.runSuites({
      grep: config.grep,
      invert: config.invert,
      files: config.files,
      timeoutMs: config.timeoutMs,
      onTest: (t: TestResult) => { pending.push(post(`${config.reportUrl}/test`, t)); },
    });
    await Promise.all(pending);
    await post(`${config.reportUrl}/report`, report);
  } catch (e) {
    const err = e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
    await post(`${config.reportUrl}/report`, { error: err });
  }
}

export function deactivate(): void {}
