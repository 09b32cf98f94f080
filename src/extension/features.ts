/**
 * Everything Loss Atlas does, behind the activation layer (./extension.ts). In the
 * Node build this is its own bundle, `dist/features.js`, loaded the first time a
 * feature is used (a hover, a command, a restored playground, a Python document
 * to lint), so activating the extension costs only the small `dist/extension.js`
 * (scripts/build.mjs).
 */
import { initCatalogText } from './catalog-text';
import { LINT_DEBUG_COMMAND } from './contributions';
import { LintFeature } from './editor/lint';
import { editorFeatures } from './editor/register';
import type { FeatureHost, Features } from './feature-types';
import { playgroundFeatures } from './playground/register';

export function createFeatures(host: FeatureHost): Features {
  initCatalogText(host.context.extensionUri);
  const editor = editorFeatures(host);
  const playground = playgroundFeatures(host);
  const lint = new LintFeature(host.context.extensionPath);
  return {
    hover: editor.hover,
    serializer: playground.serializer,
    lint,
    commands: {
      ...editor.commands,
      ...playground.commands,
      [LINT_DEBUG_COMMAND]: (req: unknown) => {
        if (req && typeof req === 'object' && (req as { stopThread?: unknown }).stopThread === true) lint.stopThreadForTest();
        return lint.debugState();
      },
    },
    forgetDocument: (doc) => {
      editor.forgetDocument?.(doc);
      lint.forget(doc);
    },
    forgetNotebook: (nb) => {
      editor.forgetNotebook?.(nb);
      lint.forgetNotebook(nb);
    },
    dispose() {
      editor.dispose();
      playground.dispose();
      lint.dispose();
    },
  };
}
