/**
 * The host's delivery of messages to the playground page (src/extension/playground/mailbox.ts),
 * against a fake webview that behaves as VS Code's: `postMessage` answers false while no page exists,
 * and a page, once built, takes what is posted to it (VS Code holds messages while it loads).
 */
import { strict as assert } from 'node:assert';
import type { HostMessage, Prefill } from '../../../src/extension/protocol';
import { Mailbox } from '../../../src/extension/playground/mailbox';

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
  it('posts to a page that exists at once, whatever the visibility events said, and before its ready', async () => {
    // The integration flake this replaces: the page was open and visible, and the host, which had
    // stopped posting on a "hidden" event, waited for a ready that never came.
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    box.note('hidden');
    box.note('shown');
    box.send({ type: 'requestState', id: 1 });
    await settle();
    assert.deepEqual(types(web.received), ['requestState 1']);
    assert.deepEqual(box.waiting, []);
  });

  it('keeps what no page took for the next ready, after its init, in order', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    web.hide();
    box.send({ type: 'requestState', id: 1 });
    box.send({ type: 'copied', ok: true });
    await settle();
    assert.deepEqual(types(box.waiting), ['requestState 1', 'copied']);
    web.show();
    await box.ready('zh');
    await settle();
    assert.deepEqual(types(web.received), ['init', 'requestState 1', 'copied']);
    assert.equal((web.received[0] as Extract<HostMessage, { type: 'init' }>).language, 'zh');
    assert.deepEqual(box.waiting, []);
  });

  it('gives the first page its prefill in init, once: a later page starts from its own saved state', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'reference', huber);
    await box.ready('en');
    assert.deepEqual(web.received[0], { type: 'init', language: 'en', view: 'reference', prefill: huber });
    web.hide();
    web.show();
    await box.ready('en');
    assert.deepEqual(web.received, [{ type: 'init', language: 'en', view: 'playground' }]);
  });

  it('a prefill sent while hidden waits for the next init; one a page took is forgotten', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    web.hide();
    box.send({ type: 'prefill', view: 'reference', prefill: huber });
    await settle();
    assert.equal(box.prefill, huber);
    assert.deepEqual(box.waiting, [], 'a prefill travels in init, not in the queue');
    web.show();
    await box.ready('en');
    assert.deepEqual(web.received, [{ type: 'init', language: 'en', view: 'reference', prefill: huber }]);
    box.send({ type: 'prefill', view: 'playground', prefill: { lossId: 'mse-loss' } });
    await settle();
    assert.deepEqual(types(web.received), ['init', 'prefill']);
    assert.equal(box.prefill, undefined, 'delivered, so forgotten');
    web.hide();
    web.show();
    await box.ready('en');
    assert.deepEqual(web.received, [{ type: 'init', language: 'en', view: 'playground' }]);
  });

  it('the newest prefill wins over one still waiting', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'playground', undefined);
    web.hide();
    box.send({ type: 'prefill', view: 'reference', prefill: huber });
    const mse: Prefill = { lossId: 'mse-loss' };
    box.send({ type: 'prefill', view: 'guide', prefill: mse });
    await settle();
    web.show();
    await box.ready('en');
    assert.deepEqual(web.received, [{ type: 'init', language: 'en', view: 'guide', prefill: mse }]);
  });

  it('a page gone before its init leaves the prefill and the waiting messages to the next page', async () => {
    const web = new FakeWebview();
    const box = new Mailbox(web.postMessage, 'reference', huber);
    web.hide();
    box.send({ type: 'requestState', id: 7 });
    await settle();
    await box.ready('en');
    assert.equal(box.prefill, huber);
    assert.deepEqual(types(box.waiting), ['requestState 7']);
    web.show();
    await box.ready('en');
    await settle();
    assert.deepEqual(types(web.received), ['init', 'requestState 7']);
    assert.equal((web.received[0] as Extract<HostMessage, { type: 'init' }>).prefill, huber);
  });

  it('a post that throws counts as not delivered, and the trail says so', async () => {
    const web = new FakeWebview();
    let t = 1000;
    const box = new Mailbox(web.postMessage, 'playground', undefined, () => t);
    web.failWith = new Error('webview is disposed');
    t = 1250;
    box.send({ type: 'requestState', id: 3 });
    await settle();
    assert.deepEqual(types(box.waiting), ['requestState 3']);
    assert.deepEqual(box.trail, ['+250ms requestState not delivered']);
  });

  it('keeps only the last 40 events in its trail', () => {
    const box = new Mailbox(async () => true, 'playground', undefined, () => 0);
    for (let i = 0; i < 45; i++) box.note(`event ${i}`);
    assert.equal(box.trail.length, 40);
    assert.equal(box.trail[0], '+0ms event 5');
    assert.equal(box.trail[39], '+0ms event 44');
  });
});
