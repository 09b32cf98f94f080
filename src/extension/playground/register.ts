/**
 * The playground webview panel and its commands.
 */
import * as vscode from 'vscode';
import { COMMANDS, type OpenPlaygroundArgs } from '../commands';
import { parsePrefill, type PlaygroundView, type Prefill } from '../protocol';
import { PlaygroundPanel, PlaygroundSerializer, VIEW_TYPE, type PanelHost } from './panel';

/** Internal command used by the integration tests (not contributed to the palette). */
export const PLAYGROUND_DEBUG_COMMAND = 'lossAtlas.playground.debug';

export type PlaygroundDebugRequest =
  | { action: 'info' }
  | { action: 'post'; message: unknown }
  | { action: 'inject'; message: unknown }
  | { action: 'state' }
  | { action: 'close' };

function toPrefill(args: unknown, log: vscode.LogOutputChannel): Prefill | undefined {
  if (args === undefined || args === null) return undefined;
  // Command URIs from hovers may pass the argument object inside an array.
  const a = Array.isArray(args) && args.length === 1 ? args[0] : args;
  if (typeof a === 'string') return { lossId: a };
  try {
    return parsePrefill(a as OpenPlaygroundArgs);
  } catch (e) {
    log.warn(`playground: ignoring malformed arguments: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export function registerPlayground(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Loss Atlas Playground', { log: true });
  let lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  const host: PanelHost = { extensionUri: context.extensionUri, log, lastEditor: () => lastEditor };

  const open = (view: PlaygroundView) => (args?: unknown) => {
    PlaygroundPanel.createOrShow(host, view, toPrefill(args, log));
  };

  context.subscriptions.push(
    log,
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e) lastEditor = e;
    }),
    vscode.commands.registerCommand(COMMANDS.openPlayground, open('playground')),
    vscode.commands.registerCommand(COMMANDS.openReference, open('reference')),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, new PlaygroundSerializer(host)),
    vscode.commands.registerCommand(PLAYGROUND_DEBUG_COMMAND, async (req: PlaygroundDebugRequest) => {
      const p = PlaygroundPanel.current;
      switch (req?.action) {
        case 'info':
          return p
            ? {
                open: true,
                visible: p.panel.visible,
                html: p.html,
                localResourceRoots: (p.panel.webview.options.localResourceRoots ?? []).map((u) => u.toString()),
                enableCommandUris: p.panel.webview.options.enableCommandUris ?? false,
                rejected: [...p.rejected],
                rejectedByWebview: [...p.rejectedByWebview],
              }
            : { open: false };
        case 'post':
          return p ? p.postRaw(req.message) : false;
        case 'inject':
          p?.receive(req.message);
          return p ? p.rejected.length : -1;
        case 'state':
          return p ? p.requestState() : undefined;
        case 'close':
          p?.dispose();
          return true;
        default:
          return undefined;
      }
    }),
    { dispose: () => PlaygroundPanel.current?.dispose() },
  );
}
