/**
 * The playground webview: entry point. Builds the UI, talks to the host through
 * the typed protocol, keeps its state with getState/setState, and computes in a
 * Web Worker.
 */
import './javascript-loops';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import { parseHostMessage, type HostMessage, type WebviewMessage } from '../extension/protocol';
import { App } from './app';

interface VsCodeApi {
  postMessage(msg: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi =
  typeof acquireVsCodeApi === 'function'
    ? acquireVsCodeApi()
    : { postMessage: (m) => console.log('postMessage', m), getState: () => undefined, setState: () => undefined };

const app = new App(document.getElementById('app')!, {
  post: (m) => api.postMessage(m),
  getState: () => api.getState(),
  setState: (s) => api.setState(s),
});

// Every message from the host is validated; a malformed one is reported and dropped.
window.addEventListener('message', (event: MessageEvent) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`Loss Atlas: rejected a message from the host: ${parsed.error}`);
    app.noteRejected(parsed.error);
    api.postMessage({ type: 'rejected', reason: parsed.error });
    return;
  }
  try {
    app.handle(parsed.value as HostMessage);
  } catch (e) {
    // Also in the page's console, where the UI tests' failure reports read it.
    console.error(`Loss Atlas: handling ${parsed.value.type}:`, e);
    api.postMessage({ type: 'log', level: 'error', message: `handling ${parsed.value.type}: ${String(e)}` });
  }
});

// A CSP violation is a bug: report it so tests and logs see it.
document.addEventListener('securitypolicyviolation', (e) => {
  const where = e.sourceFile ? ` (${e.sourceFile.split('/').pop()}:${e.lineNumber})` : '';
  const msg = `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}${where}${e.sample ? `: ${e.sample}` : ''}`;
  app.noteCspViolation(msg);
  api.postMessage({ type: 'log', level: 'error', message: msg });
});

// `ready` is said even if the first render fails: the host then still delivers what it holds
// (a prefill can take the page to a loss that renders), and the error reaches its log.
try {
  app.start();
} catch (e) {
  console.error('Loss Atlas: starting the playground:', e);
  api.postMessage({ type: 'log', level: 'error', message: `starting the playground: ${String(e)}` });
} finally {
  api.postMessage({ type: 'ready' });
}
