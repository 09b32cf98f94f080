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

  it('the lint runs in its own thread (Node extension host), and a thread that stops is replaced at the next lint', async () => {
    type State = { where: string; threadLints: number; restarts: number; lastStop?: string };
    const debug = (req?: object) => vscode.commands.executeCommand<State>('lossAtlas.lint.debug', req);
    const editor = await pythonDoc('import torch.nn as nn\ncriterion = nn.NLLLoss()\nloss = criterion(out.softmax(dim=1), y)\n');
    const uri = editor.document.uri;
    const [d] = await lintDiagnostics(uri, (n) => n >= 1);
    assert.equal(d?.code, 'LA103');
    const before = await debug();
    assert.equal(before.where, 'thread');
    assert.ok(before.threadLints >= 1, JSON.stringify(before));

    // As a crash would: the next lint (after an edit that fixes the misuse) starts a new thread.
    const stopped = await debug({ stopThread: true });
    assert.equal(stopped.restarts, before.restarts + 1);
    assert.match(stopped.lastStop ?? '', /debug command/);
    const line = editor.document.lineAt(2);
    assert.ok(await editor.edit((e) => e.replace(line.range, 'loss = criterion(out.log_softmax(dim=1), y)')));
    assert.equal((await lintDiagnostics(uri, (n) => n === 0)).length, 0);
    assert.ok(await editor.edit((e) => e.replace(editor.document.lineAt(2).range, 'loss = criterion(out.softmax(dim=1), y)')));
    assert.equal((await lintDiagnostics(uri, (n) => n === 1))[0]?.code, 'LA103');
    const after = await debug();
    assert.equal(after.where, 'thread');
    assert.ok(after.threadLints > stopped.threadLints, JSON.stringify({ stopped, after }));
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

  it('a model class in another file of the project: its softmax reaches the loss here, and a change to that file lints this one again', async () => {
    // Modelled on clvrai/ACGAN-PyTorch (issue #8): network.py's discriminator ends in nn.Softmax(), main.py uses nn.NLLLoss().
    const dir = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'lint_project');
    const network = vscode.Uri.joinPath(dir, 'network.py');
    const main = vscode.Uri.joinPath(dir, 'train_acgan.py');
    const head = (act: string) =>
      `import torch.nn as nn\n\nclass _netD(nn.Module):\n    def __init__(self, n):\n        super().__init__()\n        self.fc = nn.Linear(512, n)\n        self.act = ${act}\n\n    def forward(self, x):\n        return self.act(self.fc(x))\n`;
    await vscode.workspace.fs.writeFile(network, Buffer.from(head('nn.Softmax(dim=1)')));
    await vscode.workspace.fs.writeFile(main, Buffer.from('import torch.nn as nn\nfrom network import _netD\n\nnetD = _netD(10)\naux_criterion = nn.NLLLoss()\nloss = aux_criterion(netD(x), y)\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(main);
      await vscode.window.showTextDocument(doc);
      const [d] = await lintDiagnostics(main, (n) => n >= 1);
      assert.equal(d?.code, 'LA103');
      assert.equal(doc.getText(d.range), 'netD(x)');
      assert.match(d.message, /from line 10 of module network/);
      // The softmax is in network.py: no fix edits this file; Explain and Suppress remain.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', main, d.range, vscode.CodeActionKind.QuickFix.value);
      assert.deepEqual(actions.map((a) => a.title).sort(), ['Explain LA103', 'Suppress LA103 on this line']);
      // network.py rewritten on disk with a log_softmax head: this file is linted again, and the warning goes.
      await vscode.workspace.fs.writeFile(network, Buffer.from(head('nn.LogSoftmax(dim=1)')));
      assert.equal((await lintDiagnostics(main, (n) => n === 0)).length, 0);
      // And back, as an unsaved edit in an open editor of network.py.
      const net = await vscode.workspace.openTextDocument(network);
      const edit = new vscode.WorkspaceEdit();
      const at = net.getText().indexOf('nn.LogSoftmax(dim=1)');
      edit.replace(network, new vscode.Range(net.positionAt(at), net.positionAt(at + 'nn.LogSoftmax(dim=1)'.length)), 'nn.Softmax(dim=1)');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal((await lintDiagnostics(main, (n) => n === 1)).length, 1);
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    }
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
