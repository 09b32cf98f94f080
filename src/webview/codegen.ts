/**
 * Framework code for exactly the current parameters: the catalog snippet with
 * its tab stops filled (shared helpers of `src/losses/snippets.ts`), preceded by
 * the imports it needs.
 */
import type { LossEntry, Snippets } from '../losses/types';
import { SNIPPET_FRAMEWORKS, pythonRepr, snippetDefaults, snippetImports, snippetWithParams } from '../losses/snippets';
import type { ParamValue, SnippetFramework } from '../extension/protocol';

export function availableFrameworks(snippets: Snippets): SnippetFramework[] {
  return SNIPPET_FRAMEWORKS.filter((f) => typeof snippets[f] === 'string' && snippets[f]!.length > 0);
}

/** Whether the snippet has a tab stop for keyword `name` (`name=${1:...}`). */
function hasStop(body: string, name: string): boolean {
  return new RegExp(`\\b${name}\\s*=\\s*\\$\\{\\d+[:|]`).test(body);
}

/** The snippet of `framework` with the current parameters; notes the changed parameters it cannot show. */
export function codeFor(entry: LossEntry, framework: SnippetFramework, params: Readonly<Record<string, ParamValue>>): string {
  const body = entry.snippets[framework];
  if (!body) return '';
  const code = snippetDefaults(snippetWithParams(body, params));
  const imports = snippetImports(body);
  const missing = entry.params.filter((p) => !hasStop(body, p.name) && p.name in params && params[p.name] !== p.default && p.type !== 'tensor');
  // The parameters are the entry's (PyTorch's names for a PyTorch loss, Keras's for a Keras one): this
  // framework's API may name them otherwise or lack them, so the note says what differs, not what to type.
  const note = missing.length ? `\n# playground parameters not set in this code: ${missing.map((p) => `${p.name}=${pythonRepr(params[p.name])}`).join(', ')}` : '';
  return `${imports.length ? `${imports.join('\n')}\n\n` : ''}${code}${note}`;
}
