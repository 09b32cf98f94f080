/**
 * The playground webview panel: one at a time, created on demand or revived by
 * VS Code after a reload (`PlaygroundSerializer`).
 */
import * as vscode from 'vscode';
import { randomBase64 } from '../base64';
import { COMMANDS, type InsertSnippetArgs } from '../commands';
import { PLAYGROUND_VIEW_TYPE } from '../contributions';
import {
  parseWebviewMessage,
  type DisplayLanguage,
  type HostMessage,
  type PlaygroundView,
  type Prefill,
  type WebviewMessage,
} from '../protocol';
import { buildHtml } from './html';
import { Mailbox, PROBE_ID } from './mailbox';
import { PageWatchdog } from './watchdog';

/** What the panel needs from its surroundings (kept small so tests can see what it uses). */
export interface PanelHost {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** The text editor that was active before the panel took focus. */
  lastEditor(): vscode.TextEditor | undefined;
}

export function displayLanguage(): DisplayLanguage {
  const setting = vscode.workspace.getConfiguration('lossAtlas').get<string>('language', 'auto');
  if (setting === 'en' || setting === 'zh') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function makeNonce(): string {
  return randomBase64(24);
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class PlaygroundPanel {
  static current: PlaygroundPanel | undefined;
  /**
   * The next new panel's page loads a script that does not exist, so it never speaks (the integration
   * tests' stand-in for a page whose script never ran; set by the internal debug command).
   */
  static muteNextPanel = false;
  private readonly muted = PlaygroundPanel.muteNextPanel;

  /** Messages rejected by the host's validator (for the log and the tests). */
  readonly rejected: string[] = [];
  /** Rejections the webview reported back for messages the host sent. */
  readonly rejectedByWebview: string[] = [];
  html = '';
  /** Delivers messages to the page, which VS Code destroys while the panel is hidden. */
  readonly mailbox: Mailbox;
  private readonly stateWaiters = new Map<number, (s: { state: unknown; summary: string }) => void>();
  private nextId = 1;
  /** Probes, then loads the page again, when a shown panel's page says nothing (see watchdog.ts). */
  private readonly watchdog: PageWatchdog;
  private readonly disposables: vscode.Disposable[] = [];

  static createOrShow(host: PanelHost, view: PlaygroundView = 'playground', prefill?: Prefill): PlaygroundPanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const cur = PlaygroundPanel.current;
    if (cur) {
      cur.panel.reveal(undefined, false);
      if (prefill || view !== 'playground') cur.send({ type: 'prefill', view, prefill: prefill ?? {} });
      return cur;
    }
    return new PlaygroundPanel(newWebviewPanel(host, column, false), host, view, prefill);
  }

  /** Called by the serializer after a reload; the webview restores its own state with getState(). */
  static revive(panel: vscode.WebviewPanel, host: PanelHost): PlaygroundPanel {
    PlaygroundPanel.current?.panel.dispose();
    return new PlaygroundPanel(panel, host, 'playground', undefined);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PanelHost,
    view: PlaygroundView,
    prefill: Prefill | undefined,
    /** This panel replaces one whose page never spoke (it is not replaced in turn). */
    private readonly replacement = false,
  ) {
    PlaygroundPanel.current = this;
    PlaygroundPanel.muteNextPanel = false;
    this.mailbox = new Mailbox((m) => panel.webview.postMessage(m), view, prefill);
    this.watchdog = new PageWatchdog({
      quiet: () => this.panel.visible && !this.mailbox.isListening,
      probe: () => this.mailbox.probe(),
      reload: (atMs) => {
        this.mailbox.note(`no page spoke in ${atMs / 1000} s: its HTML is set again`);
        this.host.log.warn(`playground: the page said nothing for ${atMs / 1000} s after the panel was shown; loading it again (${this.mailbox.trail.join(' | ')})`);
        this.render();
      },
      replace: (atMs) => this.replaceQuietPanel(atMs),
    });
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'playground.svg');
    this.render();
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw), null, this.disposables);
    panel.onDidChangeViewState((e) => this.viewStateChanged(e.webviewPanel.visible), null, this.disposables);
  }

  /** Hidden: the page is destroyed. Shown: a new page will say `ready`; if none has spoken after a while, probe. */
  private viewStateChanged(visible: boolean): void {
    this.mailbox.note(visible ? 'shown' : 'hidden');
    if (!visible) {
      this.mailbox.hidden();
      return;
    }
    this.watchdog.start();
  }

  /**
   * The watchdog's last step: a panel whose page never spoke is replaced by a new one in its column,
   * which gets what waited for the page (a new frame loads its page from the start). A panel whose
   * page spoke once may hold the user's work in its saved state, which a new panel would not have,
   * and a replacement is not replaced again: the user is told and offered a window reload (VS Code
   * keeps the playground's state across it).
   */
  private replaceQuietPanel(atMs: number): void {
    const trail = this.mailbox.trail.join(' | ');
    if (this.mailbox.spokeOnce || this.replacement) {
      this.mailbox.note(`no page spoke in ${atMs / 1000} s: the user is told`);
      this.host.log.error(`playground: the page did not load in ${atMs / 1000} s (${trail})`);
      const reload = vscode.l10n.t('Reload Window');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('Loss Atlas: the playground did not load. Reloading the window usually helps; the playground keeps its inputs.'), reload)
        .then((choice) => (choice === reload ? vscode.commands.executeCommand('workbench.action.reloadWindow') : undefined));
      return;
    }
    this.mailbox.note(`no page spoke in ${atMs / 1000} s: the panel is replaced by a new one`);
    this.host.log.warn(`playground: the page said nothing for ${atMs / 1000} s after the panel was shown; opening a new panel in its place (${trail})`);
    const column = this.panel.viewColumn ?? vscode.ViewColumn.Active;
    const waiting = this.mailbox.handOver();
    this.dispose();
    const next = new PlaygroundPanel(newWebviewPanel(this.host, column, true), this.host, waiting.view, waiting.prefill, true);
    next.mailbox.note('replaces a panel whose page never spoke');
    for (const m of waiting.queue) next.send(m);
  }

  private render(): void {
    const webview = this.panel.webview;
    const uri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...p)).toString();
    this.html = buildHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: uri('dist', this.muted ? 'no-such-script.js' : 'webview.js'),
      styleUris: [uri('dist', 'katex', 'katex.min.css'), uri('dist', 'uPlot.min.css'), uri('media', 'playground.css')],
      language: displayLanguage(),
    });
    webview.html = this.html;
  }

  /** Sends a typed message to the page, now or, if no page takes it, when the next page is ready. */
  send(msg: HostMessage): void {
    this.mailbox.send(msg);
  }

  /** Posts anything (tests use it to check that the webview rejects malformed messages). */
  postRaw(raw: unknown): Thenable<boolean> {
    return this.panel.webview.postMessage(raw);
  }

  /** Asks the webview for its current state (used by tests and diagnostics). */
  requestState(timeoutMs = 5000): Promise<{ state: unknown; summary: string }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.stateWaiters.delete(id);
        this.mailbox.note(`requestState ${id} unanswered after ${timeoutMs} ms`);
        reject(new Error('the playground did not answer requestState in time'));
      }, timeoutMs);
      this.stateWaiters.set(id, (s) => {
        clearTimeout(t);
        resolve(s);
      });
      this.send({ type: 'requestState', id });
    });
  }

  /** Every message from the webview passes here: validated, then handled; junk is logged and dropped. */
  receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.rejected.push(parsed.error);
      this.host.log.warn(`playground: rejected a message from the webview: ${parsed.error}`);
      return;
    }
    void this.handle(parsed.value).catch((e: unknown) => this.host.log.error(`playground: ${String(e)}`));
  }

  private async handle(msg: WebviewMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.mailbox.note('ready');
        return this.mailbox.ready(displayLanguage());
      case 'insertCode':
        return this.insert(msg);
      case 'copy':
        await vscode.env.clipboard.writeText(msg.text);
        this.send({ type: 'copied', ok: true });
        return;
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(msg.url, true));
        return;
      case 'log':
        this.host.log[msg.level](`webview: ${msg.message}`);
        return;
      case 'rejected':
        this.rejectedByWebview.push(msg.reason);
        this.host.log.warn(`playground: the webview rejected a message: ${msg.reason}`);
        return;
      case 'state': {
        this.mailbox.heard();
        if (msg.id === PROBE_ID) return;
        const w = this.stateWaiters.get(msg.id);
        this.stateWaiters.delete(msg.id);
        w?.({ state: msg.state, summary: msg.summary });
        return;
      }
    }
  }

  private async insert(msg: Extract<WebviewMessage, { type: 'insertCode' }>): Promise<void> {
    const last = this.host.lastEditor();
    if (last && !last.document.isClosed) {
      const editor = await vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: false });
      const ok = await editor.insertSnippet(new vscode.SnippetString().appendText(msg.code), editor.selections);
      const name = last.document.uri.path.split('/').pop() ?? last.document.uri.toString();
      this.send({ type: 'inserted', ok, detail: ok ? name : `could not edit ${name}` });
      return;
    }
    const args: InsertSnippetArgs = { lossId: msg.lossId, framework: msg.framework, params: msg.params };
    try {
      await vscode.commands.executeCommand(COMMANDS.insertSnippet, args);
      this.send({ type: 'inserted', ok: true, detail: COMMANDS.insertSnippet });
    } catch (e) {
      this.send({ type: 'inserted', ok: false, detail: `no editor to insert into (${e instanceof Error ? e.message : String(e)})` });
    }
  }

  dispose(): void {
    this.watchdog.stop();
    if (PlaygroundPanel.current === this) PlaygroundPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** A new playground webview panel in `column`. */
function newWebviewPanel(host: PanelHost, column: vscode.ViewColumn, preserveFocus: boolean): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    PLAYGROUND_VIEW_TYPE,
    'Loss Atlas Playground',
    { viewColumn: column, preserveFocus },
    { ...webviewOptions(host.extensionUri), retainContextWhenHidden: false },
  );
}

/** Restores the playground after VS Code reloads (its state comes back through getState()). */
export class PlaygroundSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly host: PanelHost) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, _state: unknown): Promise<void> {
    PlaygroundPanel.revive(panel, this.host);
  }
}
