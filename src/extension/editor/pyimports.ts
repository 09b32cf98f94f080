/**
 * Reads Python import statements (no Python process, no language server) and
 * resolves the dotted name under the cursor to a catalog entry the way Python
 * would bind it: `nn.X` after `import torch.nn as nn`, bare `CE` after
 * `from torch.nn import CrossEntropyLoss as CE`, `losses.X` after
 * `from keras import losses`, and so on. Pure: no `vscode` import.
 */
import { resolveBareName, resolveSymbol } from '../../losses';
import type { LossEntry } from '../../losses';

export interface ImportTable {
  /** Local name -> fully qualified module or symbol it is bound to. */
  readonly names: ReadonlyMap<string, string>;
  /** Modules imported with `from m import *`. */
  readonly stars: readonly string[];
}

export const EMPTY_IMPORTS: ImportTable = { names: new Map(), stars: [] };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Long module paths people import from, mapped to the public path the catalog uses. */
const CANONICAL: ReadonlyArray<readonly [string, string]> = [
  ['torch.nn.modules.loss.', 'torch.nn.'],
  ['tensorflow.python.keras.losses.', 'tensorflow.keras.losses.'],
  ['tf_keras.losses.', 'keras.losses.'],
  ['keras.src.losses.', 'keras.losses.'],
  ['keras.api.losses.', 'keras.losses.'],
  ['torchvision.ops.focal_loss.', 'torchvision.ops.'],
  ['torchvision.ops.giou_loss.', 'torchvision.ops.'],
  ['torchvision.ops.diou_loss.', 'torchvision.ops.'],
  ['torchvision.ops.ciou_loss.', 'torchvision.ops.'],
  ['optax._src.loss.', 'optax.'],
];

export function canonical(path: string): string {
  for (const [from, to] of CANONICAL) if (path.startsWith(from)) return to + path.slice(from.length);
  return path;
}

function stripComment(line: string): string {
  const k = line.indexOf('#');
  return k < 0 ? line : line.slice(0, k);
}

/** One logical statement `import ...` or `from ... import ...` into the table. */
function addStatement(stmt: string, names: Map<string, string>, stars: string[]): void {
  const s = stmt.trim();
  if (s.startsWith('import ')) {
    for (const part of s.slice(7).split(',')) {
      const m = part.trim().split(/\s+as\s+/);
      const mod = m[0].trim();
      if (!DOTTED.test(mod)) continue;
      if (m.length === 2 && IDENT.test(m[1].trim())) names.set(m[1].trim(), mod);
      else {
        const head = mod.split('.')[0];
        if (!names.has(head) || names.get(head) === head) names.set(head, head);
      }
    }
  } else if (s.startsWith('from ')) {
    const m = /^from\s+([A-Za-z_][\w.]*)\s+import\s+(.*)$/s.exec(s);
    if (!m) return; // relative imports and malformed statements
    const mod = m[1];
    const list = m[2].replace(/[()\\]/g, ' ').trim();
    if (list === '*') {
      stars.push(canonical(mod + '.').slice(0, -1));
      return;
    }
    for (const part of list.split(',')) {
      const p = part.trim().split(/\s+as\s+/);
      const name = p[0].trim();
      if (!IDENT.test(name)) continue;
      const local = p.length === 2 ? p[1].trim() : name;
      if (IDENT.test(local)) names.set(local, `${mod}.${name}`);
    }
  }
}

/**
 * Every import statement of a Python source (at any indentation, including
 * parenthesised and backslash-continued ones, skipping triple-quoted strings).
 */
export function parseImports(text: string): ImportTable {
  const names = new Map<string, string>();
  const stars: string[] = [];
  const lines = text.split('\n');
  let inString: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (inString) {
      if (raw.includes(inString)) inString = undefined;
      continue;
    }
    const t = raw.trimStart();
    const first = t.charCodeAt(0);
    // Fast reject: only lines starting with `i`, `f`, or a triple quote matter.
    if (first !== 105 && first !== 102 && first !== 34 && first !== 39) {
      continue;
    }
    if (first === 34 || first === 39) {
      const q = t.slice(0, 3);
      if ((q === '"""' || q === "'''") && t.indexOf(q, 3) < 0) inString = q;
      continue;
    }
    if (!t.startsWith('import ') && !t.startsWith('from ')) continue;
    let stmt = stripComment(t);
    // Continuations: an open parenthesis or a trailing backslash.
    while (i + 1 < lines.length && ((stmt.includes('(') && !stmt.includes(')')) || stmt.trimEnd().endsWith('\\'))) {
      stmt = stmt.trimEnd().replace(/\\$/, '') + ' ' + stripComment(lines[++i]);
    }
    for (const part of stmt.split(';')) addStatement(part, names, stars);
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

export interface ResolvedName {
  entry: LossEntry;
  /** The dotted expression as written, e.g. `nn.CrossEntropyLoss`. */
  written: string;
  /** The fully qualified symbol it resolved through, e.g. `torch.nn.CrossEntropyLoss`. */
  qualified: string;
  /** How it was resolved. */
  via: 'import' | 'star-import' | 'bare-name';
  /** Column range of the expression on its line (end exclusive). */
  start: number;
  end: number;
}

function isIdentCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** The dotted expression ending with the word at `character`: `nn.CrossEntropyLoss` in `x = nn.CrossEntropyLoss(...)`. */
export function dottedAt(line: string, character: number): { text: string; start: number; end: number } | undefined {
  let ws = character;
  let we = character;
  while (ws > 0 && isIdentCode(line.charCodeAt(ws - 1))) ws--;
  while (we < line.length && isIdentCode(line.charCodeAt(we))) we++;
  if (ws === we) return undefined;
  const c0 = line.charCodeAt(ws);
  if (c0 >= 48 && c0 <= 57) return undefined;
  let start = ws;
  while (start > 1 && line.charCodeAt(start - 1) === 46 /* . */ && isIdentCode(line.charCodeAt(start - 2))) {
    let s = start - 1;
    while (s > 0 && isIdentCode(line.charCodeAt(s - 1))) s--;
    start = s;
  }
  return { text: line.slice(start, we), start, end: we };
}

/** Resolves a dotted expression through the file's imports; falls back to an unambiguous bare name. */
export function resolveDotted(text: string, imports: ImportTable): Omit<ResolvedName, 'start' | 'end'> | undefined {
  const dot = text.indexOf('.');
  const head = dot < 0 ? text : text.slice(0, dot);
  const bound = imports.names.get(head);
  if (bound !== undefined) {
    const qualified = canonical(dot < 0 ? bound : bound + text.slice(dot));
    const entry = resolveSymbol(qualified);
    return entry ? { entry, written: text, qualified, via: 'import' } : undefined;
  }
  if (dot < 0) {
    for (const m of imports.stars) {
      const entry = resolveSymbol(`${m}.${text}`);
      if (entry) return { entry, written: text, qualified: `${m}.${text}`, via: 'star-import' };
    }
  }
  const last = text.slice(text.lastIndexOf('.') + 1);
  const entry = resolveBareName(last);
  if (!entry) return undefined;
  const api = entry.apis.find((a) => a.symbol.endsWith('.' + last) || a.symbol === last);
  return { entry, written: text, qualified: api?.symbol ?? last, via: 'bare-name' };
}

/** The loss API under the cursor, if any. */
export function resolveAt(line: string, character: number, imports: ImportTable): ResolvedName | undefined {
  const d = dottedAt(line, character);
  if (!d) return undefined;
  const r = resolveDotted(d.text, imports);
  return r && { ...r, start: d.start, end: d.end };
}

// ---- call arguments ---------------------------------------------------------------

export interface CallArgument {
  /** Keyword name; undefined for a positional argument. */
  name?: string;
  /** The value as written. */
  text: string;
  /** The value as a JSON-able literal when it is one (number, bool, None, string). */
  value?: number | boolean | string | null;
}

/** A Python literal to a JS value, or undefined when the text is not a plain literal. */
export function pythonLiteral(text: string): number | boolean | string | null | undefined {
  const t = text.trim();
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (t === 'None') return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?(float\(['"](inf|nan)['"]\))$/i.test(t)) return Number(t.replace(/float\(['"]|['"]\)/g, '').replace(/^(-?)inf$/i, '$1Infinity'));
  const m = /^(['"])(.*)\1$/s.exec(t);
  if (m && !m[2].includes(m[1])) return m[2];
  return undefined;
}

/**
 * The arguments of the call whose `(` is at `text[open]`, or undefined when the
 * parenthesis does not close within `text`.
 */
export function callArguments(text: string, open = 0): CallArgument[] | undefined {
  if (text[open] !== '(') return undefined;
  const args: CallArgument[] = [];
  let depth = 0;
  let cur = '';
  let quote = '';
  const flush = () => {
    const t = cur.trim();
    cur = '';
    if (!t) return;
    const m = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(t);
    const a: CallArgument = m ? { name: m[1], text: m[2].trim() } : { text: t };
    const v = pythonLiteral(a.text);
    if (v !== undefined) a.value = v;
    args.push(a);
  };
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      cur += c;
      if (c === '\\') cur += text[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      cur += c;
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        flush();
        return args;
      }
      depth--;
      cur += c;
    } else if (c === ',' && depth === 0) flush();
    else cur += c;
  }
  return undefined;
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
