/**
 * The loss lint inside the real VS Code: diagnostics on a Python file and across
 * the cells of a notebook (source Loss Atlas, code, range), the severity and
 * enable settings, and the code actions (preferred quick fix editing another
 * cell, Explain, Suppress).
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateLossAtlas } from './helpers';
import { closeAll, notebookFile, pythonDoc, setSetting } from './editor-helpers';

async function lintDiagnostics(uri: vscode.Uri, count: (n: number) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Loss Atlas');
    if (count(ds.length) || Date.now() > deadline) return ds;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('editor: loss lint', () => {
  before(async () => {
    await activateLossAtlas();
  });
  afterEach(async () => {
    await setSetting('lint.severity', undefined);
    await setSetting('lint.enabled', undefined);
  });
  after(closeAll);

  it('a Python file: LA101 with its range, severity setting, code actions', async () => {
    const editor = await pythonDoc('import torch.nn.functional as F\nloss = F.cross_entropy(F.softmax(z, dim=1), y)\n');
    const uri = editor.document.uri;
    let [d] = await lintDiagnostics(uri, (n) => n >= 1);
    assert.ok(d, 'no lint diagnostic');
    assert.equal(d.code, 'LA101');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [1, 23, 1, 42]);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Pass the logits (remove the softmax)'), JSON.stringify(titles));
    assert.ok(titles.includes('Explain LA101') && titles.includes('Suppress LA101 on this line'), JSON.stringify(titles));
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, 'Pass the logits (remove the softmax)');

    await setSetting('lint.severity', { LA101: 'error' });
    [d] = await lintDiagnostics(uri, (n) => n >= 1 && vscode.languages.getDiagnostics(uri).some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    await setSetting('lint.severity', { LA101: 'off' });
    assert.equal((await lintDiagnostics(uri, (n) => n === 0)).length, 0);
    await setSetting('lint.severity', undefined);
    assert.equal((await lintDiagnostics(uri, (n) => n === 1)).length, 1);
    await setSetting('lint.enabled', false);
    assert.equal((await lintDiagnostics(uri, (n) => n === 0)).length, 0);
    await setSetting('lint.enabled', undefined);

    // The preferred fix applied: the diagnostic goes away with the edit.
    [d] = await lintDiagnostics(uri, (n) => n === 1);
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(again.find((a) => a.isPreferred)!.edit!));
    assert.equal(editor.document.lineAt(1).text, 'loss = F.cross_entropy(z, y)');
    assert.equal((await lintDiagnostics(uri, (n) => n === 0)).length, 0);
  });

  it('a file of 25,000 lines is linted too (after the longer pause for very large files), and again after an edit', async () => {
    const filler = Array.from({ length: 25_000 }, (_, i) => `x_${i} = ${i}`).join('\n');
    const editor = await pythonDoc(`import torch.nn.functional as F\n${filler}\nloss = F.cross_entropy(F.softmax(z, dim=1), y)\n`);
    const uri = editor.document.uri;
    const [d] = await lintDiagnostics(uri, (n) => n >= 1, 30_000);
    assert.equal(d?.code, 'LA101');
    assert.equal(d.range.start.line, 25_001);
    // An edit that fixes it: the diagnostic goes once the lint runs again.
    const line = editor.document.lineAt(25_001);
    assert.ok(await editor.edit((e) => e.replace(line.range, 'loss = F.cross_entropy(z, y)')));
    assert.equal((await lintDiagnostics(uri, (n) => n === 0, 30_000)).length, 0);
  });

  it('a notebook: softmax in one cell, nll_loss in the next; the fix edits the first cell', async () => {
    const nb = await notebookFile('lint_cells.ipynb', [
      ['code', 'import torch.nn.functional as F\np = F.softmax(model(x), dim=1)\n'],
      ['markdown', '# training'],
      ['code', 'loss = F.nll_loss(p, y)\n'],
    ]);
    await vscode.window.showNotebookDocument(nb);
    const [first, , third] = nb.getCells();
    const ds = await lintDiagnostics(third.document.uri, (n) => n >= 1);
    assert.deepEqual(ds.map((d) => d.code), ['LA103']);
    assert.equal(third.document.getText(ds[0].range), 'p');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', third.document.uri, ds[0].range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, 'Use log_softmax');
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.equal(first.document.lineAt(1).text, 'p = F.log_softmax(model(x), dim=1)');
    assert.equal((await lintDiagnostics(third.document.uri, (n) => n === 0)).length, 0);
  });
});
