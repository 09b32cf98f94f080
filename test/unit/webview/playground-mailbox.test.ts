/**
 * The host's delivery of messages to the playground page (src/extension/playground/mailbox.ts),
 * against a fake webview that behaves as VS Code's: `postMessage` answers false while no page exists,
 * and a page, once built, takes what is posted to it (VS Code holds messages while it loads).
 */
import { strict as assert } from 'node:assert';
import type { HostMessage, Prefill } from '../../../src/extension/protocol';
import { Mailbox, PROBE_ID } from '../../../src/extension/playground/mailbox';

/** A webview whose page exists or not; `received` is what each page got, in order. */
class FakeWebview {
  alive = true;
  pages: HostMessage[][] = [[]];
  failWith: Error | undefined;
  postMessage = async (m: HostMessage): Promise<boolean> => {
    await Promise.resolve();
    if (this.failWith) throw this.failWith;
    if (!this.alive) return false;
    this.pages[this.pages.length - 1].push(m);
    return true;
  };
  hide(): void {
    this.alive = false;
  }
  /** Shown again: VS Code builds a new page. */
  show(): void {
    this.alive = true;
    this.pages.push([]);
  }
  get received(): HostMessage[] {
    return this.pages[this.pages.length - 1];
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const types = (ms: readonly HostMessage[]) => ms.map((m) => (m.type === 'requestState' ? `requestState ${m.id}` : m.type));
const huber: Prefill = { lossId: 'huber-loss', params: { delta: 2 } };

describe('playground mailbox (host → page delivery)', () => {
  it('posts nothing before the page says ready: it gets init, then what waited, in order', async () => {
    // A prefill posted 90 ms after the panel opened, before its page listened, was lost (integration run under load).
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    box.send({ type: 'requestState', id: 1 });
    box.send({ type: 'prefill', view: 'reference', prefill: huber });
    box.send({ type: 'copied', ok: true });
    await settle();
    assert.deepEqual(web.received, []);
    assert.deepEqual(types(box.waiting), ['requestState 1', 'copied'], 'a prefill travels in init, not in the queue');
    await box.ready('zh');
    await settle();
    assert.deepEqual(types(web.received), ['init', 'requestState 1', 'copied']);
    assert.deepEqual(web.received[0], { type: 'init', language: 'zh', view: 'reference', prefill: huber });
    assert.deepEqual(box.waiting, []);
  });

  it('hands what waits for a page to a panel that replaces it, and says whether a page ever spoke', async () => {
    // The watchdog's last step (watchdog.ts): a panel whose page never spoke is replaced, and the new one's page gets it all.
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    box.send({ type: 'prefill', view: 'reference', prefill: huber });
    box.send({ type: 'requestState', id: 7 });
    await settle();
    assert.equal(box.spokeOnce, false);
    const waiting = box.handOver();
    assert.deepEqual({ view: waiting.view, prefill: waiting.prefill, queue: types(waiting.queue) }, { view: 'reference', prefill: huber, queue: ['requestState 7'] });
    assert.deepEqual(box.waiting, [], 'the old panel keeps nothing');
    assert.equal(box.prefill, undefined);
    const next = new FakeWebview();
    const replacement = new Mailbox(next.postMessage, waiting.view, waiting.prefill);
    for (const m of waiting.queue) replacement.send(m);
    await replacement.ready('en');
    await settle();
    assert.deepEqual(types(next.received), ['init', 'requestState 7']);
    assert.deepEqual(next.received[0], { type: 'init', language: 'en', view: 'reference', prefill: huber });
    assert.equal(replacement.spokeOnce, true);
    // An answer without `ready` (a page shown again, not rebuilt) counts as speaking too.
    const shown = new Mailbox(new FakeWebview().postMessage, 'playground', undefined);
    shown.heard();
    assert.equal(shown.spokeOnce, true);
  });

  it('posts at once while the page listens; a prefill it took is forgotten', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    await box.ready('en');
    box.send({ type: 'prefill', view: 'playground', prefill: huber });
    box.send({ type: 'requestState', id: 2 });
    await settle();
    assert.deepEqual(types(web.received), ['init', 'prefill', 'requestState 2']);
    assert.equal(box.prefill, undefined);
    web.hide();
    box.hidden();
    web.show();
    await box.ready('en');
    assert.deepEqual(web.received, [{ type: 'init', language: 'en', view: 'playground' }], 'no prefill again for a page rebuilt after a hide');
  });

  it('gives the first page its prefill in init, once: a later page starts from its own saved state', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'reference', huber);
    await box.ready('en');
    assert.deepEqual(web.received[0], { type: 'init', language: 'en', view: 'reference', prefill: huber });
    web.hide();
    box.hidden();
    web.show();
    await box.ready('en');
    assert.deepEqual(web.received, [{ type: 'init', language: 'en', view: 'playground' }]);
  });

  it('a post that is not delivered (no page) stops posting until the next ready; the prefill rides in its init', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    await box.ready('en');
    web.hide(); // VS Code's event has not arrived yet
    box.send({ type: 'requestState', id: 3 });
    await settle();
    assert.equal(box.isListening, false);
    box.send({ type: 'prefill', view: 'guide', prefill: huber });
    box.send({ type: 'copied', ok: false });
    await settle();
    assert.deepEqual(types(box.waiting), ['requestState 3', 'copied']);
    web.show();
    await box.ready('en');
    await settle();
    assert.deepEqual(types(web.received), ['init', 'requestState 3', 'copied']);
    assert.deepEqual(web.received[0], { type: 'init', language: 'en', view: 'guide', prefill: huber });
  });

  it('the newest prefill wins over one still waiting', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    box.send({ type: 'prefill', view: 'reference', prefill: huber });
    const mse: Prefill = { lossId: 'mse-loss' };
    box.send({ type: 'prefill', view: 'guide', prefill: mse });
    await box.ready('en');
    assert.deepEqual(web.received, [{ type: 'init', language: 'en', view: 'guide', prefill: mse }]);
  });

  it('a page gone before its init leaves the prefill and the waiting messages to the next page', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'reference', huber);
    box.send({ type: 'requestState', id: 7 });
    web.hide();
    await box.ready('en');
    assert.equal(box.prefill, huber);
    assert.deepEqual(types(box.waiting), ['requestState 7']);
    web.show();
    await box.ready('en');
    await settle();
    assert.deepEqual(types(web.received), ['init', 'requestState 7']);
    assert.equal((web.received[0] as Extract<HostMessage, { type: 'init' }>).prefill, huber);
  });

  it('a page that was never rebuilt is found by a probe: its answer delivers what waited, the prefill first', async () => {
    // VS Code said "hidden" and "shown", but the page was not destroyed, so it says no ready.
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    await box.ready('en');
    box.hidden();
    box.send({ type: 'prefill', view: 'reference', prefill: huber });
    box.send({ type: 'requestState', id: 4 });
    await settle();
    assert.deepEqual(types(web.received), ['init'], 'nothing posted while the page is taken to be gone');
    box.probe();
    await settle();
    assert.deepEqual(types(web.received), ['init', `requestState ${PROBE_ID}`]);
    box.heard(); // the page answered the probe
    await settle();
    assert.deepEqual(types(web.received), ['init', `requestState ${PROBE_ID}`, 'prefill', 'requestState 4']);
    assert.equal(box.prefill, undefined);
    box.probe();
    await settle();
    assert.equal(web.received.length, 4, 'no probe while the page listens');
  });

  it('a post that throws counts as not delivered, and the trail says so', async () => {
    const web = new FakeWebview();
    let t = 1000;
    const box = new Mailbox(web.postMessage, 'playground', undefined, () => t);
    await box.ready('en');
    web.failWith = new Error('webview is disposed');
    t = 1250;
    box.send({ type: 'requestState', id: 3 });
    await settle();
    assert.deepEqual(types(box.waiting), ['requestState 3']);
    assert.deepEqual(box.trail, ['+0ms init delivered', '+250ms requestState not delivered']);
  });

  it('keeps only the last 40 events in its trail', () => {
    const box = new Mailbox(async () => true, 'playground', undefined, () => 0);
    for (let i = 0; i < 45; i++) box.note(`event ${i}`);
    assert.equal(box.trail.length, 40);
    assert.equal(box.trail[0], '+0ms event 5');
    assert.equal(box.trail[39], '+0ms event 44');
  });
});
