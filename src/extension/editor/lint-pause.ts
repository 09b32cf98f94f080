/**
 * How long the lint waits after the last change to a file or notebook before it runs. It runs in a
 * thread of its own on the desktop and on the web extension host's thread (./lint-runner.ts), and its
 * time grows with the file: the bench times 5,000 lines (3–17 ms
 * at p50), and loss-dense code took about 90 ms at 20,000 lines and 560 ms at 100,000 on the bench's
 * VM. Far above 5,000 lines it waits for a longer pause, so that it runs when the user has stopped
 * typing, not between two bursts of keystrokes. Pure: no `vscode`.
 */

/** The pause after the last keystroke for ordinary files (typing never waits for the lint). */
export const LINT_PAUSE_MS = 250;
/** Files and notebooks above this many lines wait LARGE_LINT_PAUSE_MS. */
export const LARGE_LINT_LINES = 20_000;
export const LARGE_LINT_PAUSE_MS = 2_000;

/** The pause before linting a unit of `lines` lines, when the caller asks for `requested` ms. */
export function lintPauseMs(lines: number, requested: number = LINT_PAUSE_MS): number {
  return lines > LARGE_LINT_LINES ? Math.max(requested, LARGE_LINT_PAUSE_MS) : requested;
}
