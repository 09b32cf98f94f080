/**
 * The lint rows of the desktop extension, which lints in a thread of its own
 * (src/extension/editor/lint-runner.ts over the platform's lint thread, with its young generation:
 * LINT_YOUNG_GENERATION_MB): the same files and runs as ./lint-files.ts timeLints, each lint sent
 * to the thread as the editor sends it. Two figures per run: the lint's own time in the thread (what
 * the "lint under 20 ms" is), and the round trip the editor waits for (the message both ways,
 * the diagnostics cloned back). The worker is the one scripts/bench.mjs bundles from the source
 * beside the bench (LOSS_ATLAS_LINT_WORKER).
 */
import { LintRunner } from '../src/extension/editor/lint-runner';
import { LINT_YOUNG_GENERATION_MB, lintThreadAt } from '../src/extension/platform';
import { LINT_RUNS, LINT_WARM_UP, lintRows, lintTimeCells, timeLints, type LintTimes } from './lint-files';
import type { Row } from './table';

export interface ThreadLintTimes {
  /** Round trips (the editor's wait), with the machine reference. */
  trip: LintTimes;
  /** The lint's own time in the thread, per timed run. */
  cold: number[];
  cached: number[];
}

/** The worker bundle scripts/bench.mjs made, or undefined (the bench run alone through tsx). */
export function benchLintWorker(): string | undefined {
  return process.env.LOSS_ATLAS_LINT_WORKER || undefined;
}

export async function timeThreadLints(src: string, workerFile: string): Promise<ThreadLintTimes> {
  const runner = new LintRunner(() => lintThreadAt(workerFile));
  const inThread: number[] = [];
  let fresh = 0;
  try {
    const trip = await timeLints(src, async (text, mode) => {
      // Nothing cached: a unit the thread has never seen, let go right after its lint (the forget is
      // queued behind the lint, so the thread drops the unit's parses before it is idle and collects);
      // else one unit, as one open file.
      const unit = mode === 'cold' ? `bench-cold-${fresh++}` : 'bench-file';
      const linted = runner.lint({ unit, cells: [text], language: 'en', modules: [] });
      if (mode === 'cold') runner.forget(unit);
      const found = await linted;
      const state = runner.state();
      if (state.where !== 'thread') throw new Error(`the lint thread did not run (${state.lastStop ?? 'no thread'})`);
      inThread.push(state.lastThreadMs ?? NaN);
      return found.length;
    });
    // timeLints' order: the first lint, then per mode LINT_WARM_UP untimed and LINT_RUNS timed runs.
    const timed = (k: number) => inThread.slice(1 + k * (LINT_WARM_UP + LINT_RUNS) + LINT_WARM_UP, 1 + (k + 1) * (LINT_WARM_UP + LINT_RUNS));
    return { trip, cold: timed(0), cached: timed(1) };
  } finally {
    runner.dispose();
  }
}

/** A file's rows in the lint thread: the lint's own time per mode, then the round trips with the machine reference. */
export function threadLintRows(suite: string, what: string, label: string, t: ThreadLintTimes): Row[] {
  const modes = [[t.cold, 'first lint, nothing cached'], [t.cached, "after a one-line edit, the version before's parses kept"]] as const;
  return [
    ...modes.map(([times, how]) => ({ suite, cells: { case: `${what}: ${label} (${t.trip.found} diagnostics), ${how}: lint in the thread`, ...lintTimeCells(times) } })),
    ...lintRows(suite, `${what}, round trip`, label, t.trip),
  ];
}

export const THREAD_NOTE = `lint rows "in the desktop's lint thread": the same files and runs, each lint sent to the thread the desktop extension lints in (src/extension/editor/lint-runner.ts; a worker thread with a ${LINT_YOUNG_GENERATION_MB} MB young generation, the worker bundled from the source by scripts/bench.mjs), one event-loop turn apart. "Lint in the thread" is the lint's own time there (the figure the target is about); "round trip" is what the editor waits for, from sending the file to having the diagnostics (both messages, the diagnostics cloned back). The in-process rows are the web extension's path, which lints in its extension host (itself a Web Worker).`;
