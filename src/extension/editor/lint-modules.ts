/**
 * The project modules a linted file imports, read from the workspace for the lint's `modules`
 * option (src/python/project-modules.ts says which names and where): an open document's text
 * first (unsaved edits count), else the file through `vscode.workspace.fs` (so it works in the web
 * extension and on virtual workspaces). Files are cached, absent ones too, until the file system
 * watcher or an edit says they changed; then every file or notebook that read them is linted
 * again. Nothing here throws: a file that cannot be read is no module.
 */
import * as vscode from 'vscode';
import { importedModuleNames, moduleFilePaths } from '../../python/project-modules';

/** Larger files are not read as modules (generated code, data in a `.py`). */
const MAX_MODULE_BYTES = 1_000_000;

export class ProjectModules implements vscode.Disposable {
  /** File URI -> its text, or null when there is no such file (or it cannot be read). */
  private readonly files = new Map<string, Promise<string | null>>();
  /** File URI -> the keys of the lint units (files, notebooks) that looked for it. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly disposables: vscode.Disposable[] = [];

  /** `relint(unitKey)` lints that file or notebook again (a module it reads changed). */
  constructor(private readonly relint: (unitKey: string) => void) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.py');
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => this.changed(uri)),
      watcher.onDidCreate((uri) => this.changed(uri)),
      watcher.onDidDelete((uri) => this.changed(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'python' && e.contentChanges.length) this.changed(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.files.delete(doc.uri.toString())),
    );
  }

  /**
   * The sources of the modules that the cells of unit `unitKey` (a file, or a notebook: its URI)
   * import, by module name, from its folder and its workspace folder.
   */
  async sourcesFor(unitKey: string, cells: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let base: vscode.Uri;
    try {
      base = vscode.Uri.parse(unitKey, true);
    } catch {
      return out;
    }
    if (base.scheme === 'untitled' || base.scheme === 'vscode-notebook-cell') return out;
    const folder = vscode.Uri.joinPath(base, '..');
    const root = vscode.workspace.getWorkspaceFolder(base)?.uri;
    // The open documents once per lint (a module open in an editor is read from it, unsaved edits included).
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const name of importedModuleNames(cells)) {
      const where = moduleFilePaths(name);
      if (!where) continue;
      let from = folder;
      for (let k = 0; k < where.up; k++) from = vscode.Uri.joinPath(from, '..');
      // A relative import is read inside the workspace folder only (or the file's own folder without one).
      if (where.relative && (root ? !isInside(from, root) : where.up > 0)) continue;
      const roots = where.relative ? [from] : root && root.toString() !== folder.toString() ? [folder, root] : [folder];
      found: for (const r of roots) {
        for (const path of where.paths) {
          const uri = vscode.Uri.joinPath(r, ...path.split('/'));
          // The file itself is not its own module.
          if (uri.toString() === base.toString()) continue;
          const text = await this.read(uri, unitKey, open);
          if (text !== null) {
            out.set(name, text);
            break found;
          }
        }
      }
    }
    return out;
  }

  private read(uri: vscode.Uri, unitKey: string, openDocuments: ReadonlyMap<string, vscode.TextDocument>): Promise<string | null> {
    const key = uri.toString();
    let readers = this.readers.get(key);
    if (!readers) this.readers.set(key, (readers = new Set()));
    readers.add(unitKey);
    const open = openDocuments.get(key);
    if (open) return Promise.resolve(open.getText());
    let text = this.files.get(key);
    if (!text) {
      text = readText(uri);
      this.files.set(key, text);
    }
    return text;
  }

  /** A file changed, appeared or went: read it afresh next time, and lint again what read it. */
  private changed(uri: vscode.Uri): void {
    const key = uri.toString();
    this.files.delete(key);
    for (const unit of this.readers.get(key) ?? []) this.relint(unit);
  }

  /** Forgets a unit that was closed (it no longer needs linting when its modules change). */
  forget(unitKey: string): void {
    for (const readers of this.readers.values()) readers.delete(unitKey);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.files.clear();
    this.readers.clear();
  }
}

/** Whether `uri` is `folder` or inside it. */
function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const f = folder.toString().replace(/\/$/, '');
  const u = uri.toString().replace(/\/$/, '');
  return u === f || u.startsWith(`${f}/`);
}

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0 || stat.size > MAX_MODULE_BYTES) return null;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}
