/**
 * Editor commands inside the real VS Code: contributions, Insert Loss Snippet
 * (every framework path, imports added once, notebooks, Quick Picks), Search
 * Losses, Explain Loss at Cursor, and the contributed snippets.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { LOSSES } from '../../../src/losses';
import { snippetFrameworks } from '../../../src/losses/snippets';
import { activateLossAtlas, lossAtlas, sleep, waitUntil } from './helpers';
import { closeAll, notebookFile, positionOf, pythonDoc } from './editor-helpers';

const EDITOR_COMMANDS = ['searchLosses', 'openReference', 'openPlayground', 'insertSnippet', 'computeOnSelection', 'explainAtCursor'];

interface InsertResult {
  lossId: string;
  framework: string;
  imports: string[];
  body: string;
  inserted: boolean;
}

async function insert(args: unknown): Promise<InsertResult | undefined> {
  return vscode.commands.executeCommand<InsertResult | undefined>('lossAtlas.insertSnippet', args);
}

/** Accepts the active Quick Pick's first row (after typing `filter`, if any) once it shows. */
async function acceptQuickPick(filter?: string): Promise<void> {
  await sleep(400);
  if (filter) {
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  }
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

describe('editor: contributed commands', () => {
  before(activateLossAtlas);

  it('all six commands under the "Loss Atlas" category, registered', async () => {
    const contributed: Array<{ command: string; title: string; category: string }> = lossAtlas().packageJSON.contributes.commands;
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of EDITOR_COMMANDS) {
      const entry = contributed.find((x) => x.command === `lossAtlas.${c}`);
      assert.ok(entry, `lossAtlas.${c} not contributed`);
      assert.equal(entry.category, 'Loss Atlas');
      assert.ok(entry.title && !entry.title.startsWith('%'), `untranslated title for ${c}: ${entry.title}`);
      assert.ok(all.has(`lossAtlas.${c}`), `lossAtlas.${c} not registered`);
    }
  });

  it('Compute Loss on Selection is in the editor context menu when there is a selection', () => {
    const menu: Array<{ command: string; when?: string }> = lossAtlas().packageJSON.contributes.menus['editor/context'];
    const item = menu.find((m) => m.command === 'lossAtlas.computeOnSelection');
    assert.ok(item);
    assert.match(item.when ?? '', /editorHasSelection/);
  });

  it('settings: language (auto/en/zh-cn) and selection.maxNumbers', () => {
    const config = vscode.workspace.getConfiguration('lossAtlas');
    assert.equal(config.inspect('language')?.defaultValue, 'auto');
    assert.equal(config.inspect('selection.maxNumbers')?.defaultValue, 1000000);
  });
});

describe('editor: Insert Loss Snippet', () => {
  before(activateLossAtlas);
  afterEach(closeAll);

  it('PyTorch: inserts the snippet and adds `import torch.nn as nn` once', async () => {
    const editor = await pythonDoc('x = 1\n');
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const r = await insert({ lossId: 'mse-loss', framework: 'torch' });
    assert.deepEqual(r?.imports, ['import torch.nn as nn']);
    assert.equal(r?.inserted, true);
    const text = editor.document.getText();
    assert.ok(text.startsWith('import torch.nn as nn\nx = 1\n'), text);
    assert.match(text, /criterion = nn\.MSELoss\(reduction='mean'\)\nloss = criterion\(pred, target\)/);
    await insert({ lossId: 'huber-loss', framework: 'torch' });
    const again = editor.document.getText();
    assert.equal(again.split('import torch.nn as nn').length - 1, 1, 'the import was added twice');
    assert.match(again, /nn\.HuberLoss\(delta=1\.0/);
  });

  it('parameters from a hover link replace the defaults', async () => {
    const editor = await pythonDoc('');
    await insert({ lossId: 'huber-loss', framework: 'torch', params: { delta: 0.5, reduction: 'sum' } });
    assert.match(editor.document.getText(), /nn\.HuberLoss\(delta=0\.5, reduction='sum'\)/);
  });

  it('TensorFlow: adds `import tensorflow as tf`', async () => {
    const editor = await pythonDoc('');
    const r = await insert({ lossId: 'mse-loss', framework: 'tf' });
    assert.deepEqual(r?.imports, ['import tensorflow as tf']);
    assert.match(editor.document.getText(), /^import tensorflow as tf\n[\s\S]*tf\.keras\.losses\.MeanSquaredError\(\)/);
  });

  it('JAX: adds `import optax` (and jnp when used)', async () => {
    const editor = await pythonDoc('');
    const r = await insert({ lossId: 'mse-loss', framework: 'jax' });
    assert.ok(r?.imports.includes('import optax'));
    assert.match(editor.document.getText(), /optax\.squared_error\(pred, target\)/);
    const r2 = await insert({ lossId: 'l1-loss', framework: 'jax' });
    assert.deepEqual(r2?.imports, ['import jax.numpy as jnp']);
  });

  it('from scratch: a loss no framework ships', async () => {
    const entry = LOSSES.find((e) => e.snippets.scratch && !e.snippets.torch);
    assert.ok(entry, 'the catalog has a scratch-only entry');
    const editor = await pythonDoc('');
    const r = await insert({ lossId: entry.id, framework: 'scratch' });
    assert.equal(r?.framework, 'scratch');
    assert.match(editor.document.getText(), /\b(class|def) \w+/);
  });

  it('imports already present are not added; new ones go after the import block and docstring', async () => {
    const editor = await pythonDoc('"""Module."""\nimport numpy as np\nfrom torch import nn\n\nx = 1\n');
    editor.selection = new vscode.Selection(5, 0, 5, 0);
    const r = await insert({ lossId: 'mse-loss', framework: 'torch' });
    assert.deepEqual(r?.imports, []);
    const r2 = await insert({ lossId: 'mse-loss', framework: 'tf' });
    assert.deepEqual(r2?.imports, ['import tensorflow as tf']);
    assert.ok(editor.document.getText().startsWith('"""Module."""\nimport numpy as np\nfrom torch import nn\nimport tensorflow as tf\n'), editor.document.getText());
  });

  it('in a notebook, the import goes to the first code cell', async () => {
    const nb = await notebookFile('editor_insert.ipynb', [
      ['code', 'import numpy as np'],
      ['code', 'x = 1\n'],
    ]);
    await vscode.window.showNotebookDocument(nb, { selections: [new vscode.NotebookRange(1, 2)] });
    await vscode.commands.executeCommand('notebook.cell.edit');
    const cellEditor = await waitUntil(
      () => (vscode.window.activeTextEditor?.document === nb.cellAt(1).document ? vscode.window.activeTextEditor : undefined),
      'the second cell did not get an active editor',
    );
    cellEditor!.selection = new vscode.Selection(1, 0, 1, 0);
    const r = await insert({ lossId: 'mse-loss', framework: 'torch' });
    assert.deepEqual(r?.imports, ['import torch.nn as nn']);
    assert.equal(r?.inserted, true);
    assert.equal(nb.cellAt(0).document.getText(), 'import numpy as np\nimport torch.nn as nn');
    assert.match(nb.cellAt(1).document.getText(), /^x = 1\ncriterion = nn\.MSELoss/);
  });

  it('interactive: pick a loss, then a framework, in Quick Picks', async () => {
    const editor = await pythonDoc('');
    const pending = insert(undefined);
    await acceptQuickPick(); // first loss row
    await acceptQuickPick(); // first framework row
    const r = await pending;
    const first = LOSSES.find((e) => snippetFrameworks(e).length > 0)!;
    assert.equal(r?.lossId, first.id);
    assert.equal(r?.framework, snippetFrameworks(first)[0]);
    assert.ok(editor.document.getText().length > 10);
  });

  it('unknown loss and missing framework give clear results, no insertion', async () => {
    const editor = await pythonDoc('');
    assert.equal(await insert({ lossId: 'no-such-loss' }), undefined);
    const noTf = LOSSES.find((e) => !e.snippets.tf && snippetFrameworks(e).length > 0)!;
    assert.equal(await insert({ lossId: noTf.id, framework: 'tf' }), undefined);
    assert.equal(editor.document.getText(), '');
  });
});

describe('editor: contributed snippets', () => {
  before(activateLossAtlas);
  after(closeAll);

  it('dist/snippets/python.json holds loss-<id>-<framework> for every entry and framework', async () => {
    const uri = vscode.Uri.joinPath(lossAtlas().extensionUri, 'dist', 'snippets', 'python.json');
    const json = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
    const prefixes = new Set(Object.values(json).flatMap((s) => (s as { prefix: string[] }).prefix));
    let n = 0;
    for (const e of LOSSES) {
      for (const fw of snippetFrameworks(e)) {
        assert.ok(prefixes.has(`loss-${e.id}-${fw}`), `loss-${e.id}-${fw}`);
        n++;
      }
    }
    assert.equal(prefixes.size, n);
  });

  it('completion offers a snippet by its prefix', async () => {
    const editor = await pythonDoc('loss-mse-loss-tor');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(0, 17),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('loss-mse-loss-torch'), labels.slice(0, 20).join(', '));
  });
});

describe('editor: Search Losses and Explain Loss at Cursor', () => {
  before(activateLossAtlas);
  after(closeAll);

  it('Search Losses: accepting a row returns its id', async () => {
    const pending = vscode.commands.executeCommand<string | undefined>('lossAtlas.searchLosses');
    await acceptQuickPick();
    assert.equal(await pending, LOSSES[0].id);
  });

  it('Explain Loss at Cursor: the loss under the cursor, or none', async () => {
    const editor = await pythonDoc('import torch.nn.functional as F\nl = F.huber_loss(a, b, delta=2.0)\nx = 1\n');
    const pos = positionOf(editor.document, 'huber_loss');
    editor.selection = new vscode.Selection(pos, pos);
    assert.equal(await vscode.commands.executeCommand('lossAtlas.explainAtCursor'), 'huber-loss');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    assert.equal(await vscode.commands.executeCommand('lossAtlas.explainAtCursor'), undefined);
  });
});
