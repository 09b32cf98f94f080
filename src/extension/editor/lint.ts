/**
 * Loss lint in the editor: runs the pure `lintCells` (src/python/lint) on a
 * Python file or on every code cell of a notebook, debounced and keyed by the
 * documents' versions, converts the results into VS Code diagnostics (source
 * "Loss Atlas", severities from `lossAtlas.lint.severity`) and offers their
 * code actions: the quick fixes, "Explain LAxxx" and "Suppress LAxxx on this
 * line". The lint itself runs in a thread of its own on the desktop and in
 * the extension host on the web (./lint-runner.ts); this module uses no Node API.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { LINT_SOURCE } from '../contributions';
import { suppressText, type LintDiagnostic, type LintEdit, type LintSeverity } from '../../python/lint';
import { platform } from '../platform';
import { displayLanguage } from './language';
import { notebookOf } from './document-imports';
import { LINT_PAUSE_MS, lintPauseMs } from './lint-pause';
import { ProjectModules } from './lint-modules';
import { LintRunner, type LintRunnerState } from './lint-runner';

type Setting = LintSeverity | 'off';

const SEVERITY: Readonly<Record<string, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What was linted for one file or notebook: the documents of its cells and the results. */
interface Linted {
  /** Cell index -> document. */
  docs: vscode.TextDocument[];
  signature: string;
  results: { lint: LintDiagnostic; diag: vscode.Diagnostic }[];
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('lossAtlas').get<boolean>('lint.enabled', true);
}

/** `lossAtlas.lint.severity`: the valid entries only (code -> error / warning / information / off). */
function severitySettings(): Record<string, Setting> {
  const all = vscode.workspace.getConfiguration('lossAtlas').get<Record<string, unknown>>('lint.severity', {});
  const out: Record<string, Setting> = {};
  if (all && typeof all === 'object') {
    for (const [code, v] of Object.entries(all)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') out[code] = v;
    }
  }
  return out;
}

/** The documents linted together with `doc`: itself, or every Python code cell of its notebook. */
function unitOf(doc: vscode.TextDocument): { key: string; docs: vscode.TextDocument[] } | undefined {
  if (doc.uri.scheme === 'vscode-notebook-cell') {
    const nb = notebookOf(doc);
    if (!nb) return undefined;
    const docs = nb
      .getCells()
      .filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python')
      .map((c) => c.document);
    return { key: nb.uri.toString(), docs };
  }
  if (doc.languageId !== 'python') return undefined;
  return { key: doc.uri.toString(), docs: [doc] };
}

function toRange(d: { line: number; character: number; endLine: number; endCharacter: number }): vscode.Range {
  return new vscode.Range(d.line, d.character, d.endLine, d.endCharacter);
}

export class LintFeature implements vscode.CodeActionProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection(LINT_SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly units = new Map<string, Linted>();
  /** Document URI -> the unit key it belongs to (for code actions and clean-up). */
  private readonly owner = new Map<string, string>();
  /**
   * Runs the lint (in its thread on the desktop), keeping each file's or notebook's parses
   * (src/python/lint/parse-cache.ts) for its next lint.
   */
  private readonly runner: LintRunner;
  private disposed = false;
  /** The project's modules the linted files import (a model class in `network.py`); a change to one lints its readers again. */
  private readonly modules = new ProjectModules((key) => this.relint(key));

  /** `extensionPath`: where dist/lint-worker.js is (the desktop's lint thread). */
  constructor(extensionPath: string) {
    this.runner = new LintRunner(() => platform.startLintThread(extensionPath));
  }

  /** Lints `doc`'s file or notebook after a short pause (restarted by each change; longer for very large files). */
  schedule(doc: vscode.TextDocument, delay = LINT_PAUSE_MS): void {
    const unit = unitOf(doc);
    if (!unit) return;
    const pause = lintPauseMs(unit.docs.reduce((n, d) => n + d.lineCount, 0), delay);
    const old = this.timers.get(unit.key);
    if (old !== undefined) clearTimeout(old);
    this.timers.set(
      unit.key,
      setTimeout(() => {
        this.timers.delete(unit.key);
        void this.run(doc);
      }, pause),
    );
  }

  /**
   * Lints now (skipped when the documents' versions are what was last linted), after reading the
   * project modules they import; when the documents change meanwhile, the lint their change
   * scheduled runs instead.
   */
  async run(doc: vscode.TextDocument): Promise<void> {
    const unit = unitOf(doc);
    if (!unit) return;
    if (!enabled()) {
      this.clear(unit.key);
      return;
    }
    const signature = `${displayLanguage()}|${unit.docs.map((d) => `${d.uri.toString()}@${d.version}`).join(',')}`;
    const prev = this.units.get(unit.key);
    if (prev && prev.signature === signature) return;
    const texts = unit.docs.map((d) => d.getText());
    const versions = unit.docs.map((d) => d.version);
    let sources: Map<string, string>;
    try {
      sources = await this.modules.sourcesFor(unit.key, texts);
    } catch {
      sources = new Map();
    }
    const stale = () => unit.docs.some((d, i) => d.isClosed || d.version !== versions[i]) || !enabled();
    if (stale()) return;
    const found = await this.runner.lint({ unit: unit.key, cells: texts, language: displayLanguage(), modules: [...sources] });
    // Edited, closed or switched off meanwhile: the lint that the change scheduled publishes instead.
    if (stale() || this.disposed) return;
    const results: Linted['results'] = [];
    const settings = severitySettings();
    for (const lint of found) {
      const setting = settings[lint.code] ?? lint.severity;
      if (setting === 'off' || !unit.docs[lint.cell]) continue;
      const diag = new vscode.Diagnostic(toRange(lint), lint.message, SEVERITY[setting]);
      diag.source = LINT_SOURCE;
      diag.code = lint.code;
      results.push({ lint, diag });
    }
    if (prev) for (const d of prev.docs) if (!unit.docs.includes(d)) this.collection.delete(d.uri);
    unit.docs.forEach((d, i) => {
      this.owner.set(d.uri.toString(), unit.key);
      this.collection.set(d.uri, results.filter((r) => r.lint.cell === i).map((r) => r.diag));
    });
    this.units.set(unit.key, { docs: unit.docs, signature, results });
  }

  /** Lints file or notebook `key` again, though its documents did not change (a module it imports did). */
  private relint(key: string): void {
    const unit = this.units.get(key);
    if (!unit || !unit.docs[0] || unit.docs[0].isClosed) return;
    unit.signature = '';
    this.schedule(unit.docs[0]);
  }

  /** Lints every open Python document again (settings changed). */
  refreshAll(): void {
    this.units.clear();
    this.collection.clear();
    for (const doc of vscode.workspace.textDocuments) if (doc.languageId === 'python') this.schedule(doc, 0);
  }

  forget(doc: vscode.TextDocument): void {
    const key = this.owner.get(doc.uri.toString());
    this.owner.delete(doc.uri.toString());
    this.collection.delete(doc.uri);
    // A closed file (not a notebook cell) ends its unit.
    if (key === doc.uri.toString()) this.clear(key);
  }

  forgetNotebook(nb: vscode.NotebookDocument): void {
    this.clear(nb.uri.toString());
  }

  private clear(key: string): void {
    this.modules.forget(key);
    this.runner.forget(key);
    const unit = this.units.get(key);
    if (unit) for (const d of unit.docs) this.collection.delete(d.uri);
    this.units.delete(key);
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const key = this.owner.get(doc.uri.toString());
    const unit = key ? this.units.get(key) : undefined;
    if (!unit) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diag of context.diagnostics) {
      if (diag.source !== LINT_SOURCE) continue;
      const hit = unit.results.find((r) => r.diag === diag || (r.diag.code === diag.code && r.diag.range.isEqual(diag.range) && unit.docs[r.lint.cell] === doc));
      if (!hit) continue;
      const { lint } = hit;
      for (const fix of lint.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diag];
        action.isPreferred = fix.preferred;
        action.edit = this.workspaceEdit(unit, fix.edits);
        actions.push(action);
      }
      const explain = new vscode.CodeAction(vscode.l10n.t('Explain {0}', lint.code), vscode.CodeActionKind.QuickFix);
      explain.diagnostics = [diag];
      explain.command = { title: explain.title, command: COMMANDS.openReference, arguments: [{ lossId: lint.entryId, section: 'pitfalls' }] };
      actions.push(explain);
      const suppress = new vscode.CodeAction(vscode.l10n.t('Suppress {0} on this line', lint.code), vscode.CodeActionKind.QuickFix);
      suppress.diagnostics = [diag];
      suppress.edit = suppressEdit(doc, lint);
      actions.push(suppress);
    }
    return actions;
  }

  private workspaceEdit(unit: Linted, edits: readonly LintEdit[]): vscode.WorkspaceEdit {
    const we = new vscode.WorkspaceEdit();
    for (const e of edits) {
      const target = unit.docs[e.cell];
      if (target) we.replace(target.uri, toRange(e), e.newText);
    }
    return we;
  }

  /** Where the lint runs and what it has done (the lint's debug command, for the integration tests). */
  debugState(): LintRunnerState {
    return this.runner.state();
  }

  /** Stops the lint's thread as a crash would (the debug command, for the integration tests). */
  stopThreadForTest(): void {
    this.runner.stopThreadForTest();
  }

  dispose(): void {
    this.disposed = true;
    this.runner.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.modules.dispose();
    this.collection.dispose();
  }
}

/**
 * `# loss-atlas: ignore[LA101]` at the end of the diagnostic's first line; a code added to an
 * existing `ignore[...]` list there.
 */
export function suppressEdit(doc: vscode.TextDocument, lint: LintDiagnostic): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  const line = doc.lineAt(lint.line);
  const text = line.text;
  const edit = suppressText(text, lint.code);
  we.replace(doc.uri, new vscode.Range(lint.line, edit.from, lint.line, edit.to), edit.insert);
  return we;
}
