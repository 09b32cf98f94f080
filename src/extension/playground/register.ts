/**
 * The playground webview panel and its commands. Created on first use by
 * ../features.ts; ../extension.ts registers them with VS Code.
 */
import * as vscode from 'vscode';
import { COMMANDS, type OpenPlaygroundArgs } from '../commands';
import { PLAYGROUND_DEBUG_COMMAND } from '../contributions';
import type { FeatureHost, FeatureSet } from '../feature-types';
import { parsePrefill, type PlaygroundView, type Prefill } from '../protocol';
import { PlaygroundPanel, PlaygroundSerializer, type PanelHost } from './panel';

export type PlaygroundDebugRequest =
  | { action: 'info' }
  | { action: 'post'; message: unknown }
  | { action: 'inject'; message: unknown }
  | { action: 'state' }
  | { action: 'close' }
  | { action: 'muteNextPanel' };

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

export function playgroundFeatures(feature: FeatureHost): FeatureSet & { serializer: vscode.WebviewPanelSerializer } {
  const log = vscode.window.createOutputChannel('Loss Atlas Playground', { log: true });
  const host: PanelHost = { extensionUri: feature.context.extensionUri, log, lastEditor: feature.lastEditor };

  const open = (view: PlaygroundView) => (args?: unknown) => {
    PlaygroundPanel.createOrShow(host, view, toPrefill(args, log));
  };

  return {
    commands: {
      [COMMANDS.openPlayground]: open('playground'),
      [COMMANDS.openReference]: open('reference'),
      [PLAYGROUND_DEBUG_COMMAND]: (req: unknown) => debug(req as PlaygroundDebugRequest),
    },
    serializer: new PlaygroundSerializer(host),
    dispose: () => {
      PlaygroundPanel.current?.dispose();
      log.dispose();
    },
  };
}

/** What the integration tests ask the playground through PLAYGROUND_DEBUG_COMMAND. */
async function debug(req: PlaygroundDebugRequest): Promise<unknown> {
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
            trail: [...p.mailbox.trail],
            waiting: p.mailbox.waiting.map((m) => m.type),
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
    case 'muteNextPanel':
      PlaygroundPanel.muteNextPanel = true;
      return true;
    default:
      return undefined;
  }
}
