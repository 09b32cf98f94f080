/**
 * The playground's watch over a page that never speaks (src/extension/playground/watchdog.ts), on a
 * fake clock: what it does, and when, while the shown panel's page stays quiet or once it speaks.
 */
import { strict as assert } from 'node:assert';
import { PageWatchdog, WATCH_STEPS, type Timers } from '../../../src/extension/playground/watchdog';

/** Timers on a clock that moves only when told. */
class FakeClock implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }
  /** Moves to `to` ms, running what falls due on the way, in time order. */
  advance(to: number): void {
    for (;;) {
      const first = [...this.due].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
    }
    this.now = to;
  }
  get pending(): number {
    return this.due.size;
  }
}

/** A panel whose page stays quiet until `speak()`; what the watchdog did, with the time. */
function watchedPanel(clock: FakeClock) {
  const did: string[] = [];
  const panel = { quiet: true };
  const dog = new PageWatchdog(
    {
      quiet: () => panel.quiet,
      probe: () => did.push(`${clock.now} probe`),
      reload: (at) => did.push(`${clock.now} reload (${at})`),
      replace: (at) => did.push(`${clock.now} replace (${at})`),
    },
    clock,
  );
  return { did, panel, dog };
}

describe('playground watchdog (a shown page that never speaks)', () => {
  it('probes at 3 s, sets the HTML again at 8 s, replaces the panel at 16 s, and stops there', () => {
    const clock = new FakeClock();
    const { did, dog } = watchedPanel(clock);
    dog.start();
    clock.advance(2_999);
    assert.deepEqual(did, []);
    clock.advance(60_000);
    assert.deepEqual(did, ['3000 probe', '8000 reload (8000)', '16000 replace (16000)']);
    assert.equal(clock.pending, 0, 'a timer left after the last step');
    assert.deepEqual(WATCH_STEPS.map((s) => s.at), [3_000, 8_000, 16_000]);
  });

  it('does nothing more once the page has spoken (here after the probe)', () => {
    const clock = new FakeClock();
    const { did, panel, dog } = watchedPanel(clock);
    dog.start();
    clock.advance(4_000);
    panel.quiet = false;
    clock.advance(60_000);
    assert.deepEqual(did, ['3000 probe']);
    assert.equal(clock.pending, 0);
  });

  it('starts over when the panel is shown again, dropping the earlier watch', () => {
    const clock = new FakeClock();
    const { did, dog } = watchedPanel(clock);
    dog.start();
    clock.advance(5_000);
    dog.start();
    clock.advance(12_000);
    // The first watch's reload at 8 s does not come: the second watch probes at 5 + 3 s instead.
    assert.deepEqual(did, ['3000 probe', '8000 probe']);
    clock.advance(40_000);
    assert.deepEqual(did, ['3000 probe', '8000 probe', '13000 reload (8000)', '21000 replace (16000)']);
  });

  it('stop ends the watch (the panel is disposed)', () => {
    const clock = new FakeClock();
    const { did, dog } = watchedPanel(clock);
    dog.start();
    clock.advance(3_500);
    dog.stop();
    clock.advance(60_000);
    assert.deepEqual(did, ['3000 probe']);
    assert.equal(clock.pending, 0);
  });
});
