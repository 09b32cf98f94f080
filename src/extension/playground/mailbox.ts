/**
 * Delivery of the host's messages to the playground page.
 *
 * VS Code destroys the page while its panel is hidden (no `retainContextWhenHidden`) and builds a new
 * one when the panel is shown; each page says `ready` once it listens. A message posted before that
 * can be lost although `postMessage` answers true: an integration run under load posted a prefill
 * 90 ms after the panel opened, 1.9 s before its page said `ready`, and the page never saw it. So
 * nothing is posted until the page listens; until then messages wait, and a prefill waits for the
 * page's `init`.
 *
 * Whether the page listens: yes once it says `ready` (or answers anything); no when VS Code says the
 * panel is hidden or a post is not delivered (VS Code answers false while no page exists). A page
 * that is shown again without having been rebuilt would never say `ready` again, and every message
 * would wait for ever: so when the panel is shown and no page has spoken, `probe` posts a
 * `requestState` anyway, and its answer says the page listens. (CI's "no answer for 30 s" was not
 * that: its trail showed a new page that never spoke at all; the panel's watchdog then sets the HTML
 * again, and replaces the panel: see watchdog.ts.)
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

/** The id of a probe's `requestState`: no caller waits for its answer. */
export const PROBE_ID = 0;

export class Mailbox {
  /** Messages no page took, in order: given to the next page that listens. */
  private readonly queue: HostMessage[] = [];
  private pendingView: PlaygroundView;
  private pendingPrefill: Prefill | undefined;
  /** Whether the current page has said `ready` (or answered) since the last sign that it went away. */
  private listening = false;
  /** Whether any page of the panel has said anything. */
  private spoke = false;
  /** What happened lately, oldest first: "+1234ms prefill delivered". */
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

  /** Whether any page of the panel has said anything (a page that did may have the user's work in its state). */
  get spokeOnce(): boolean {
    return this.spoke;
  }

  /**
   * What waits for a page, taken out for a panel that replaces this one: the view and prefill its
   * page's `init` carries, and the messages in order.
   */
  handOver(): { view: PlaygroundView; prefill: Prefill | undefined; queue: HostMessage[] } {
    const out = { view: this.pendingView, prefill: this.pendingPrefill, queue: this.queue.splice(0) };
    this.forgetPrefill();
    return out;
  }

  /** Whether messages are posted now (a page listens) or wait. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Notes an event in the trail. */
  note(event: string): void {
    this.trail.push(`+${this.now() - this.started}ms ${event}`);
    if (this.trail.length > TRAIL_LENGTH) this.trail.splice(0, this.trail.length - TRAIL_LENGTH);
  }

  /** Posts `msg` if a page listens; otherwise it waits for one (a prefill, in its `init`). */
  send(msg: HostMessage): void {
    if (msg.type === 'prefill') {
      this.pendingView = msg.view;
      this.pendingPrefill = msg.prefill;
    }
    if (!this.listening) {
      if (msg.type !== 'prefill') this.queue.push(msg);
      return;
    }
    void this.post(msg).then((delivered) => {
      if (delivered) {
        if (msg.type === 'prefill' && this.pendingPrefill === msg.prefill) this.forgetPrefill();
        return;
      }
      this.listening = false;
      if (msg.type !== 'prefill') this.queue.push(msg);
    });
  }

  /** A page said `ready`: it gets `init` (with a prefill no page took), then the waiting messages. */
  async ready(language: DisplayLanguage): Promise<void> {
    this.spoke = true;
    const init: HostMessage = { type: 'init', language, view: this.pendingView };
    const prefill = this.pendingPrefill;
    if (prefill) init.prefill = prefill;
    this.forgetPrefill();
    if (!(await this.post(init))) {
      // The page went away before its init: the next page gets the prefill.
      if (prefill && !this.pendingPrefill) {
        this.pendingPrefill = prefill;
        this.pendingView = init.view;
      }
      this.listening = false;
      return;
    }
    this.listen();
  }

  /** The page answered something: it listens (a page shown again without being rebuilt says no `ready`). */
  heard(): void {
    this.spoke = true;
    if (this.listening) return;
    this.note('heard from a page that had not said ready');
    if (this.pendingPrefill) this.queue.unshift({ type: 'prefill', view: this.pendingView, prefill: this.pendingPrefill });
    this.listen();
  }

  /** VS Code said the panel is hidden: its page is destroyed, and the next one will say `ready`. */
  hidden(): void {
    this.listening = false;
  }

  /** If no page listens, asks the page for its state anyway (see the module comment); its answer calls `heard`. */
  probe(): void {
    if (this.listening) return;
    this.note('probe');
    void this.post({ type: 'requestState', id: PROBE_ID });
  }

  private listen(): void {
    this.listening = true;
    for (const m of this.queue.splice(0)) this.send(m);
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
    // requestState is asked often by the tests; its deliveries would push everything else out.
    if (!delivered || msg.type !== 'requestState') this.note(`${msg.type} ${delivered ? 'delivered' : 'not delivered'}`);
    return delivered;
  }
}
