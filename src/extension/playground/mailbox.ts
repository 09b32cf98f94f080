/**
 * Delivery of the host's messages to the playground page.
 *
 * VS Code destroys the page while its panel is hidden (no `retainContextWhenHidden`) and builds a new
 * one when the panel is shown; each page says `ready` once it listens. Whether a message reached a
 * page is known only from `postMessage`'s answer: VS Code answers `false` while no page exists, and
 * keeps a message posted while a new page loads until the page listens. So every message is posted at
 * once, and one that was not delivered waits for the next `ready`. Nothing here trusts visibility
 * events to say whether a page exists: an earlier version stopped posting on a "hidden" event and
 * waited for a `ready`, so a page that was not in fact rebuilt would never hear from the host again
 * (CI once saw the playground, open and visible, not answer for 30 s; that path is the only one the
 * old code had to it).
 *
 * A prefill is kept until a page has taken it, and forgotten then: the page saves it in its own
 * state, so giving it again to a later page (shown after hidden) would overwrite what the user
 * changed since.
 *
 * Pure (no `vscode`): the panel passes its webview's `postMessage`.
 */
import type { DisplayLanguage, HostMessage, PlaygroundView, Prefill } from '../protocol';

/** Posts a message to the page; resolves to whether VS Code delivered it. */
export type Deliver = (msg: HostMessage) => PromiseLike<boolean>;

/** The last events kept in `trail` (for the debug command and failure reports). */
const TRAIL_LENGTH = 40;

export class Mailbox {
  /** Messages no page took, in order: given to the next page that says `ready`. */
  private readonly queue: HostMessage[] = [];
  private pendingView: PlaygroundView;
  private pendingPrefill: Prefill | undefined;
  /** What happened lately, oldest first: "+1234ms requestState delivered". */
  readonly trail: string[] = [];
  private readonly started: number;

  constructor(
    private readonly deliver: Deliver,
    view: PlaygroundView,
    prefill: Prefill | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.pendingView = view;
    this.pendingPrefill = prefill;
    this.started = now();
  }

  /** Messages waiting for a page (tests read it). */
  get waiting(): readonly HostMessage[] {
    return this.queue;
  }

  /** The prefill the next page's `init` carries, if no page has taken it yet. */
  get prefill(): Prefill | undefined {
    return this.pendingPrefill;
  }

  /** Notes an event in the trail. */
  note(event: string): void {
    this.trail.push(`+${this.now() - this.started}ms ${event}`);
    if (this.trail.length > TRAIL_LENGTH) this.trail.splice(0, this.trail.length - TRAIL_LENGTH);
  }

  /** Posts `msg` now; if no page takes it, it waits for the next `ready` (a prefill, in its `init`). */
  send(msg: HostMessage): void {
    if (msg.type === 'prefill') {
      this.pendingView = msg.view;
      this.pendingPrefill = msg.prefill;
    }
    void this.post(msg).then((delivered) => {
      if (msg.type === 'prefill') {
        if (delivered && this.pendingPrefill === msg.prefill) this.forgetPrefill();
      } else if (!delivered) {
        this.queue.push(msg);
      }
    });
  }

  /** A page said `ready`: it gets `init` (with a prefill no page took), then the waiting messages. */
  async ready(language: DisplayLanguage): Promise<void> {
    const init: HostMessage = { type: 'init', language, view: this.pendingView };
    const prefill = this.pendingPrefill;
    if (prefill) init.prefill = prefill;
    this.forgetPrefill();
    const waiting = this.queue.splice(0);
    if (!(await this.post(init))) {
      // The page went away before its init: the next page gets all of it.
      if (prefill && !this.pendingPrefill) {
        this.pendingPrefill = prefill;
        this.pendingView = init.view;
      }
      this.queue.unshift(...waiting);
      return;
    }
    for (const m of waiting) this.send(m);
  }

  private forgetPrefill(): void {
    this.pendingPrefill = undefined;
    this.pendingView = 'playground';
  }

  /** Delivers and notes the outcome; a rejected post counts as not delivered. */
  private async post(msg: HostMessage): Promise<boolean> {
    let delivered: boolean;
    try {
      delivered = await this.deliver(msg);
    } catch {
      delivered = false;
    }
    this.note(`${msg.type} ${delivered ? 'delivered' : 'not delivered'}`);
    return delivered;
  }
}
