/**
 * The playground's watch over a page that never speaks. After the panel is shown, if no page has
 * said anything: a probe at 3 s (a page shown again without being rebuilt answers it; see
 * mailbox.ts), the HTML set again at 8 s, and at 16 s the panel replaced (a new panel has a new
 * frame; the panel only replaces one whose page never spoke, with nothing of the user's in it, and
 * otherwise tells the user). CI and two full local runs of 13 saw a new panel's page, visible, say
 * nothing for 30 s: no `ready`, no answer to the probe, nothing after its HTML was set again at 10
 * and 20 s (the mailbox trails of 7 December).
 *
 * Pure (no `vscode`): the panel says what "quiet" means and what a probe and a reload do, and the
 * timers can be replaced (tests run the steps on a fake clock).
 */

export interface WatchStep {
  /** Milliseconds after the panel was shown. */
  at: number;
  action: 'probe' | 'reload' | 'replace';
}

export const WATCH_STEPS: readonly WatchStep[] = [
  { at: 3_000, action: 'probe' },
  { at: 8_000, action: 'reload' },
  { at: 16_000, action: 'replace' },
];

/** What the watchdog asks of its panel. */
export interface Watched {
  /** The panel is visible and no page listens. */
  quiet(): boolean;
  probe(): void;
  /** Sets the page's HTML again, `atMs` after the panel was shown. */
  reload(atMs: number): void;
  /** The last step, `atMs` after the panel was shown: a new panel in its place, or the user told. */
  replace(atMs: number): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class PageWatchdog {
  private timer: unknown;

  constructor(
    private readonly watched: Watched,
    private readonly timers: Timers = REAL_TIMERS,
    private readonly steps: readonly WatchStep[] = WATCH_STEPS,
  ) {}

  /** The panel was shown: the steps start again from the first (an earlier watch ends). */
  start(): void {
    this.schedule(0);
  }

  /** No more steps (the panel is disposed). */
  stop(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  /** Takes the steps from `step` on while the panel stays quiet: the first time it is not, they end. */
  private schedule(step: number): void {
    this.stop();
    const s = this.steps[step];
    if (!s) return;
    const before = step > 0 ? this.steps[step - 1].at : 0;
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      if (!this.watched.quiet()) return;
      if (s.action === 'probe') this.watched.probe();
      else if (s.action === 'reload') this.watched.reload(s.at);
      else this.watched.replace(s.at);
      this.schedule(step + 1);
    }, s.at - before);
  }
}
