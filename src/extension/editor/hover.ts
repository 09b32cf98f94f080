/**
 * Hover docs for loss APIs in Python files and notebook cells: shown exactly when the pure
 * resolution (src/python, `PythonAnalysis.lossAt`) finds a loss at the position.
 */
import * as vscode from 'vscode';
import type { LossHit } from '../../python';
import { catalogTextOrSay } from '../catalog-text';
import { analysisOf } from './document-imports';
import { formulaUri, themeInk, type FormulaFiles, type FormulaMode } from './formula';
import { HOVER_COMMANDS, hoverMarkdown } from './hover-content';
import { displayLanguage } from './language';

/** The loss at `pos`, with the call's or the constructor's arguments. */
export function lossAt(doc: vscode.TextDocument, pos: vscode.Position): LossHit | undefined {
  const { analysis, cell } = analysisOf(doc);
  return analysis.lossAt(cell, pos.line, pos.character);
}

/** Recent hover Markdown by entry, language, ink and call arguments (a hover is asked for repeatedly while the mouse rests). */
const recent = new Map<string, string>();
const RECENT_MAX = 64;

export class LossHoverProvider implements vscode.HoverProvider {
  constructor(private readonly files: FormulaFiles) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const config = vscode.workspace.getConfiguration('lossAtlas');
    if (!config.get<boolean>('hover.enabled', true)) return undefined;
    const hit = lossAt(doc, pos);
    if (!hit) return undefined;
    const mode = config.get<FormulaMode>('hover.formulaImage', 'data');
    const lang = displayLanguage();
    const ink = themeInk();
    const { cell } = analysisOf(doc);
    const bound = hit.bound && { line: hit.bound.line, ...(hit.bound.cell !== cell ? { cell: hit.bound.cell } : {}) };
    const key = `${hit.entryId}|${lang}|${ink}|${mode}|${hit.symbol}|${hit.written}|${hit.via}|${hit.args ? JSON.stringify(hit.args) : ''}|${bound ? JSON.stringify(bound) : ''}`;
    let md = recent.get(key);
    if (md === undefined) {
      // The catalog's text is read on the first hover; when it cannot be, say why once and show no hover.
      if (!(await catalogTextOrSay(true))) return undefined;
      md = hoverMarkdown(hit.entry, {
        lang,
        written: hit.written,
        qualified: hit.symbol,
        formulaUri: await formulaUri(this.files, hit.entry.id, ink, mode),
        args: hit.args,
        ...(hit.via === 'instance' ? { instance: { ...(bound ?? {}) } } : {}),
      });
      if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
      recent.set(key, md);
    }
    const ms = new vscode.MarkdownString(md);
    ms.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    const r = hit.range;
    return new vscode.Hover(ms, new vscode.Range(r.line, r.start, r.endLine, r.end));
  }
}
