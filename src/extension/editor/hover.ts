/**
 * Hover docs for loss APIs in Python files and notebook cells.
 */
import * as vscode from 'vscode';
import { catalogTextOrSay } from '../catalog-text';
import { importsOf } from './document-imports';
import { formulaUri, themeInk, type FormulaFiles, type FormulaMode } from './formula';
import { HOVER_COMMANDS, hoverMarkdown } from './hover-content';
import { displayLanguage } from './language';
import { callArguments, resolveAt, type CallArgument, type ResolvedName } from './pyimports';

/** Lines after the name searched for the closing parenthesis of a call. */
const CALL_LINES = 40;

/** The loss API at `pos` and the arguments of its call, if the name is called there. */
export function lossAt(doc: vscode.TextDocument, pos: vscode.Position): { resolved: ResolvedName; args?: CallArgument[] } | undefined {
  const line = doc.lineAt(pos.line).text;
  const resolved = resolveAt(line, pos.character, importsOf(doc));
  if (!resolved) return undefined;
  let k = resolved.end;
  while (k < line.length && line.charCodeAt(k) === 32) k++;
  if (line[k] !== '(') return { resolved };
  const last = Math.min(doc.lineCount - 1, pos.line + CALL_LINES);
  const text = doc.getText(new vscode.Range(pos.line, k, last, doc.lineAt(last).text.length));
  return { resolved, args: callArguments(text, 0) };
}

/** Recent hover Markdown by entry, language, ink and call arguments (a hover is asked for repeatedly while the mouse rests). */
const recent = new Map<string, string>();
const RECENT_MAX = 64;

export class LossHoverProvider implements vscode.HoverProvider {
  constructor(private readonly files: FormulaFiles) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const config = vscode.workspace.getConfiguration('lossAtlas');
    if (!config.get<boolean>('hover.enabled', true)) return undefined;
    const found = lossAt(doc, pos);
    if (!found) return undefined;
    const { resolved, args } = found;
    const mode = config.get<FormulaMode>('hover.formulaImage', 'data');
    const lang = displayLanguage();
    const ink = themeInk();
    const key = `${resolved.entry.id}|${lang}|${ink}|${mode}|${resolved.qualified}|${args ? JSON.stringify(args) : ''}`;
    let md = recent.get(key);
    if (md === undefined) {
      // The catalog's text is read on the first hover; when it cannot be, say why once and show no hover.
      if (!(await catalogTextOrSay(true))) return undefined;
      md = hoverMarkdown(resolved.entry, {
        lang,
        written: resolved.written,
        qualified: resolved.qualified,
        formulaUri: await formulaUri(this.files, resolved.entry.id, ink, mode),
        args,
      });
      if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
      recent.set(key, md);
    }
    const ms = new vscode.MarkdownString(md);
    ms.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(ms, new vscode.Range(pos.line, resolved.start, pos.line, resolved.end));
  }
}
