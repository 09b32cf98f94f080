/**
 * Which modules of the user's project a file may take classes from, for the loss lint (its
 * `modules` option): the names its imports give, and where each would be as a file. The editor
 * reads those files from the workspace and hands their sources to the lint. Pure: no `vscode`,
 * no Node API.
 */
import { importBindings } from './imports';
import { statementsOf } from './statements';
import { tokenizeCell } from './tokens';

/** At most this many names per file: a file that imports hundreds of modules is read for the first ones only. */
export const MAX_MODULE_NAMES = 64;

/**
 * The module names the cells' imports may refer to, in order, each once: the module of
 * `import a.b` / `from a.b import *`, and for `from a import x` both `a` and `a.x` (x may be a
 * submodule, a file `a/x.py`). Relative names keep their dots (`.model`, `..nets.gan`).
 */
export function importedModuleNames(cells: readonly string[]): string[] {
  const out = new Set<string>();
  cells.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    for (const st of statementsOf(tokenizeCell(cell), index)) {
      for (const b of importBindings(st) ?? []) {
        const target = b.target;
        if (!target || target === '.' || /\.$/.test(target)) continue;
        if (!b.star) {
          const dot = target.lastIndexOf('.');
          // `from . import model`: `.model` only (the package itself is its __init__).
          if (dot > 0 && !/^\.+$/.test(target.slice(0, dot))) out.add(target.slice(0, dot));
        }
        out.add(target);
      }
    }
  });
  return [...out].slice(0, MAX_MODULE_NAMES);
}

/**
 * Where module `name` would be, as paths of `/`-separated segments: for an absolute name, from a
 * root of the project (the file's own folder, the workspace folder); for a relative one, from the
 * file's folder, `up` folders above it (`.model` → 0, `..nets.gan` → 1). `a.b` is `a/b.py` or the
 * package `a/b/__init__.py`. Undefined for what cannot be a module name.
 */
export function moduleFilePaths(name: string): { relative: boolean; up: number; paths: string[] } | undefined {
  const m = /^(\.*)([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/.exec(name);
  if (!m) return undefined;
  const dots = m[1].length;
  const segments = m[2].split('.');
  const path = segments.join('/');
  return { relative: dots > 0, up: Math.max(0, dots - 1), paths: [`${path}.py`, `${path}/__init__.py`] };
}
