/**
 * The lint's records are made in the young generation even in a large heap (see the note on
 * pretenuring in src/python/lint/expr.ts). The probe runs in a child process, because it needs V8's
 * `--allow-natives-syntax` (for `%InYoungGeneration`) and a heap of its own, about 100 MB.
 * With the bindings or their lists made as object or array literals (the code before 7 December),
 * the probe found none of them young; the parsed statements, call records and diagnostics it
 * checks too were pretenured in the bench's process but not in the probe's.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PROBE = join(__dirname, 'pretenure-probe.ts');

describe('lint: records made young in a large heap (no pretenuring)', function () {
  this.timeout(120_000);

  it('bindings, their lists, parsed statements, call records and diagnostics are made in the young generation', () => {
    // The young generation is set, not left to the machine: V8 pretenures a site only after scavenges
    // of a full-size young generation, and with semi-spaces of 1 MB a lint's records could instead be
    // promoted by surviving two scavenges inside one lint. With 4 MB and the probe's 100-block file,
    // the probe finds bindings or their lists 0 of 60 young when either is made as a literal again.
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--max-semi-space-size=4', '--import', 'tsx', PROBE], { encoding: 'utf8' });
    const { counts } = JSON.parse(out.trim().split('\n').pop()!) as { counts: Record<string, [number, number]> };
    for (const what of ['binding', 'binding list', 'parsed statement', 'call record', 'diagnostic']) {
      const [young, all] = counts[what] ?? [0, 0];
      assert.ok(all >= 20, `${what}: only ${all} sampled`);
      assert.ok(young >= 0.9 * all, `${what}: ${young} of ${all} made young; the rest were pretenured`);
    }
  });
});
