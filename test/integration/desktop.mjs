// `npm run test:desktop`: the same integration suites in VS Code desktop through
// @vscode/test-electron's runTests (it downloads VS Code, so this needs
// internet; on machines without it use `npm run test:integration`, which runs
// them in code-server). One VS Code launch per session (./sessions.mjs).
// Env: LOSS_ATLAS_VSCODE_VERSION (default: stable).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildIntegration, SUITE_INDEX } from './build.mjs';
import { DEMO_WORKSPACE, ROOT, run, shutdown, tempDir } from './harness/code-server.mjs';
import { SESSIONS } from './sessions.mjs';

let failed = 0;
try {
  run(process.execPath, [join(ROOT, 'scripts/build.mjs')], { what: 'build (scripts/build.mjs)' });
  await buildIntegration();
  for (const session of SESSIONS) {
    console.log(`\n  session: ${session.name}`);
    if (session.trust === false) {
      // Not set up for VS Code desktop (its trust prompt and development-mode rules differ); covered under code-server.
      console.log('    skipped in VS Code desktop: run `npm run test:integration` for restricted mode');
      continue;
    }
    const workspace = join(tempDir('workspace'), 'demo');
    cpSync(DEMO_WORKSPACE, workspace, { recursive: true });
    try {
      await runTests({
        version: process.env.LOSS_ATLAS_VSCODE_VERSION,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: SUITE_INDEX,
        extensionTestsEnv: { LOSS_ATLAS_TEST_GREP: session.grep, LOSS_ATLAS_TEST_INVERT: session.invert ? '1' : '0' },
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${tempDir('user-data')}`],
      });
    } catch (e) {
      failed++;
      console.error(`session "${session.name}" failed: ${e?.message ?? e}`);
    }
  }
} catch (e) {
  failed++;
  console.error(`test:desktop failed: ${e?.stack ?? e}`);
} finally {
  await shutdown();
}
process.exit(failed ? 1 : 0);
