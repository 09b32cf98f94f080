/**
 * Python import statements: which local name each one binds, to which module or symbol, as
 * Python would bind it (`import a.b` binds `a`; `import a.b as c` binds `c` to `a.b`;
 * `from a import b as c` binds `c` to `a.b`; relative imports bind names of the project itself,
 * written with a leading dot so they never resolve to a library). Also the legacy per-text import
 * table and where to add a new import. Pure: no `vscode` import.
 */
import type { Statement } from './statements';
import { tokenize, type Token } from './tokens';
import { statementsOf } from './statements';

export interface ImportBinding {
  /** The local name bound. */
  readonly local: string;
  /** The module or symbol it is bound to: `torch.nn`, `torch.nn.MSELoss`; relative ones start with `.`. */
  readonly target: string;
  readonly relative: boolean;
  /** `from m import *`: `local` is `*`, `target` the module. */
  readonly star: boolean;
  /** The token of the bound name (the alias after `as` when there is one). */
  readonly localToken: Token;
  /** For `from m import x [as y]`: the token of `x`. */
  readonly nameToken?: Token;
}

function dotted(ts: readonly Token[], i: number): { text: string; next: number } | undefined {
  if (ts[i]?.kind !== 'name') return undefined;
  let text = ts[i].text;
  let k = i + 1;
  while (ts[k]?.text === '.' && ts[k + 1]?.kind === 'name') {
    text += '.' + ts[k + 1].text;
    k += 2;
  }
  return { text, next: k };
}

/** The bindings of one `import …` / `from … import …` statement; undefined for any other statement. */
export function importBindings(st: Statement): ImportBinding[] | undefined {
  const ts = st.tokens;
  const head = ts[0];
  if (head?.kind !== 'name' || (head.text !== 'import' && head.text !== 'from')) return undefined;
  const out: ImportBinding[] = [];
  if (head.text === 'import') {
    let i = 1;
    while (i < ts.length) {
      const d = dotted(ts, i);
      if (!d) break;
      i = d.next;
      if (ts[i]?.text === 'as' && ts[i + 1]?.kind === 'name') {
        out.push({ local: ts[i + 1].text, target: d.text, relative: false, star: false, localToken: ts[i + 1] });
        i += 2;
      } else {
        const first = d.text.split('.')[0];
        out.push({ local: first, target: first, relative: false, star: false, localToken: ts[i - (d.text.split('.').length * 2 - 1)] });
      }
      if (ts[i]?.text !== ',') break;
      i++;
    }
    return out;
  }
  if (head.text !== 'from') return undefined;
  let i = 1;
  let dots = '';
  while (ts[i]?.kind === 'op' && (ts[i].text === '.' || ts[i].text === '...')) dots += ts[i++].text;
  let mod = '';
  const d = dotted(ts, i);
  if (d && d.text !== 'import') {
    mod = d.text;
    i = d.next;
  }
  if (ts[i]?.text !== 'import') return out;
  i++;
  const relative = dots.length > 0;
  const base = relative ? dots + mod : mod;
  if (!base) return out;
  const join = (name: string) => (relative && !mod ? base + name : `${base}.${name}`);
  if (ts[i]?.text === '*') {
    out.push({ local: '*', target: base, relative, star: true, localToken: ts[i] });
    return out;
  }
  for (; i < ts.length; i++) {
    const t = ts[i];
    if (t.kind !== 'name') continue;
    if (ts[i + 1]?.text === 'as' && ts[i + 2]?.kind === 'name') {
      out.push({ local: ts[i + 2].text, target: join(t.text), relative, star: false, localToken: ts[i + 2], nameToken: t });
      i += 2;
    } else out.push({ local: t.text, target: join(t.text), relative, star: false, localToken: t, nameToken: t });
  }
  return out;
}

// ---- legacy table (snippet insertion asks which names are bound) ---------------------

export interface ImportTable {
  /** Local name -> fully qualified module or symbol it is bound to (relative ones start with `.`). */
  readonly names: ReadonlyMap<string, string>;
  /** Modules imported with `from m import *`. */
  readonly stars: readonly string[];
}

export const EMPTY_IMPORTS: ImportTable = { names: new Map(), stars: [] };

/** Every import statement of a Python source, at any indentation, skipping strings and comments. */
export function parseImports(text: string): ImportTable {
  const names = new Map<string, string>();
  const stars: string[] = [];
  for (const st of statementsOf(tokenize(text))) {
    for (const b of importBindings(st) ?? []) {
      if (b.star) stars.push(b.target);
      else if (b.local === b.target && names.has(b.local) && names.get(b.local) !== b.local) continue; // `import torch` after `import x as torch`
      else names.set(b.local, b.target);
    }
  }
  return { names, stars };
}

/** Imports of several cells (a notebook): later cells win on a clash, as when run in order. */
export function mergeImports(tables: readonly ImportTable[]): ImportTable {
  if (tables.length === 1) return tables[0];
  const names = new Map<string, string>();
  const stars: string[] = [];
  for (const t of tables) {
    for (const [k, v] of t.names) names.set(k, v);
    stars.push(...t.stars);
  }
  return { names, stars };
}

// ---- where to add an import --------------------------------------------------------

/**
 * The line to insert a new top-level import at: after the file's leading import
 * block, else after the shebang, encoding line, comments, module docstring and
 * `from __future__` imports.
 */
export function importInsertLine(text: string): number {
  const lines = text.split('\n');
  let after = 0;
  let sawStatement = false;
  let inDoc: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (inDoc) {
      if (t.includes(inDoc)) {
        inDoc = undefined;
        after = i + 1;
      }
      continue;
    }
    if (t === '') continue;
    if (t.startsWith('#')) {
      if (!sawStatement) after = i + 1;
      continue;
    }
    const q = t.slice(0, 3);
    if ((q === '"""' || q === "'''") && !sawStatement) {
      sawStatement = true;
      if (t.indexOf(q, 3) >= 0) after = i + 1;
      else inDoc = q;
      continue;
    }
    if (/^(import|from)\s/.test(lines[i])) {
      sawStatement = true;
      let j = i;
      if (lines[j].includes('(') && !lines[j].includes(')')) while (j + 1 < lines.length && !lines[j].includes(')')) j++;
      while (lines[j].trimEnd().endsWith('\\') && j + 1 < lines.length) j++;
      i = j;
      after = j + 1;
      continue;
    }
    break;
  }
  return after;
}
