/**
 * Commands of the vertical slice are contributed and registered once the
 * extension is active.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateLossAtlas, lossAtlas } from './helpers';

describe('commands', () => {
  before(async () => {
    await activateLossAtlas();
  });

  it('contributes "Loss Atlas: Open Playground" in package.json', () => {
    const commands: { command: string; title: string; category?: string }[] =
      lossAtlas().packageJSON.contributes?.commands ?? [];
    const open = commands.find((c) => c.command === 'lossAtlas.openPlayground');
    assert.ok(open, 'lossAtlas.openPlayground is not in contributes.commands');
    assert.equal(open.category, 'Loss Atlas');
    assert.equal(open.title, 'Open Playground');
  });

  it('registers lossAtlas.openPlayground with the command registry', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('lossAtlas.openPlayground'), 'lossAtlas.openPlayground is not a registered command after activation');
  });

  it('registers a handler for every contributed command', async () => {
    const contributed: string[] = (lossAtlas().packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !all.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
