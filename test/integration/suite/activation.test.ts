/**
 * The vertical slice's activation checks. Each trigger is checked from a fresh
 * extension host: the notebook test runs alone in its own session (tagged with
 * FRESH_NOTEBOOK_TAG, see ../sessions.mjs); the Python test is the first test
 * of the main session (index.ts loads this file first).
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { demoFile, lossAtlas, waitUntil } from './helpers';

// Keep in sync with FRESH_NOTEBOOK_TAG in ../sessions.mjs.
const FRESH_NOTEBOOK_TAG = '[fresh host: notebook]';

describe('activation', () => {
  it(`activates when a notebook of the demo workspace is opened ${FRESH_NOTEBOOK_TAG}`, async () => {
    const ext = lossAtlas();
    assert.equal(ext.isActive, false, 'Loss Atlas was already active before any notebook was opened');
    const notebook = await vscode.workspace.openNotebookDocument(demoFile('loss_tour.ipynb'));
    assert.equal(notebook.notebookType, 'jupyter-notebook');
    assert.ok(
      notebook.getCells().some((c) => c.document.getText().includes('CrossEntropyLoss')),
      'the demo notebook should contain a CrossEntropyLoss cell',
    );
    await vscode.window.showNotebookDocument(notebook);
    await waitUntil(() => ext.isActive, 'Loss Atlas did not activate after opening loss_tour.ipynb');
  });

  it('activates when a Python file of the demo workspace is opened', async () => {
    const ext = lossAtlas();
    assert.equal(ext.isActive, false, 'Loss Atlas was already active before any Python file was opened');
    const doc = await vscode.workspace.openTextDocument(demoFile('classification.py'));
    assert.equal(doc.languageId, 'python');
    await vscode.window.showTextDocument(doc);
    await waitUntil(() => ext.isActive, 'Loss Atlas did not activate after opening classification.py');
  });

  it('declares activation on Python files and Jupyter notebooks', () => {
    const events: string[] = lossAtlas().packageJSON.activationEvents ?? [];
    assert.ok(events.includes('onLanguage:python'), `activationEvents: ${JSON.stringify(events)}`);
    assert.ok(events.includes('onNotebook:jupyter-notebook'), `activationEvents: ${JSON.stringify(events)}`);
  });
});
