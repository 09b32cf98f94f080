/**
 * Which modules of the user's project a file may take classes from, for the loss lint (its
 * `modules` option): the names its imports give, and where each would be as a file. The editor
 * reads those files from the workspace and hands their sources to the lint. Pure: no `vscode`,
 * no Node API.
 */
import { importBindings } from './imports';
import { statementsOf } from './statements';
import { cellSource, tokenize } from './tokens';

/** At most this many names per file: a file that imports hundreds of modules is read for the first ones only. */
export const MAX_MODULE_NAMES = 64;

/**
 * The module names the cells' imports may refer to, in order, each once: the module of
 * `import a.b` / `from a.b import *`, and for `from a import x` both `a` and `a.x` (x may be a
 * submodule, a file `a/x.py`). Relative names keep their dots (`.model`, `..nets.gan`).
 */
export function importedModuleNames(cells: readonly string[]): string[] {
  const out = new Set<string>();
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    for (const text of importStatementTexts(cellSource(cell))) {
      for (const st of statementsOf(tokenize(text))) {
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
    }
  }
  return [...out].slice(0, MAX_MODULE_NAMES);
}

/**
 * The text of each line that starts with `import` or `from` (indented or not), with the lines a
 * bracket or a backslash continues it on: only these are tokenized (the editor asks on every lint,
 * and tokenizing a 5,000-line file took 9 ms). A docstring line that starts with "from" gives a
 * name that is no file of the project, which is harmless.
 */
function importStatementTexts(src: string): string[] {
  const out: string[] = [];
  const at = /^[ \t]*(?:import|from)[ \t.]/gm;
  for (let m = at.exec(src); m; m = at.exec(src)) {
    const start = m.index + m[0].length - m[0].trimStart().length;
    let end = lineEnd(src, start);
    let text = src.slice(start, end);
    let open = brackets(text);
    while ((open > 0 || text.endsWith('\\')) && end < src.length && text.length < 10_000) {
      const next = lineEnd(src, end + 1);
      const line = src.slice(end + 1, next);
      text += `\n${line}`;
      open += brackets(line);
      end = next;
    }
    out.push(text);
    at.lastIndex = Math.max(at.lastIndex, end);
  }
  return out;
}

/** Where the line at `from` ends (its `\n` or `\r`, or the end of `src`). */
function lineEnd(src: string, from: number): number {
  for (let k = from; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 10 || c === 13) return k;
  }
  return src.length;
}

/** Opening minus closing round brackets on a line (strings and comments are not told apart: an import line has neither, as a rule). */
function brackets(line: string): number {
  let n = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 40) n++;
    else if (c === 41) n--;
    else if (c === 35) break;
  }
  return n;
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
