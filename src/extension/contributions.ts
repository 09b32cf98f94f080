/**
 * What the extension registers with VS Code when it activates, named once for
 * the activation layer (./extension.ts) and the features behind it (./features.ts).
 * Constants only: this module is part of the small bundle loaded at activation.
 */
import type * as vscode from 'vscode';

/** Hovers: Python files, untitled buffers and notebook cells. */
export const PYTHON_SELECTOR: vscode.DocumentSelector = [{ language: 'python' }];

/** The playground's webview panel type (package.json `onWebviewPanel:` activation, the serializer). */
export const PLAYGROUND_VIEW_TYPE = 'lossAtlas.playground';

/** Internal command used by the integration tests (not contributed to the palette). */
export const PLAYGROUND_DEBUG_COMMAND = 'lossAtlas.playground.debug';

/**
 * Internal command used by the integration tests (not contributed to the palette): where the lint
 * runs and what it has done; `{ stopThread: true }` stops its thread as a crash would.
 */
export const LINT_DEBUG_COMMAND = 'lossAtlas.lint.debug';

/** The source of the loss lint's diagnostics (shown in Problems; code actions are asked for them only). */
export const LINT_SOURCE = 'Loss Atlas';
