/**
 * Python tokens for the lint: names, numbers, strings (every prefix, triple
 * quotes across lines), operators and comments, with 0-based cell / line /
 * character positions (UTF-16 code units, as VS Code counts), grouped into
 * logical statements (bracket and backslash continuations joined, `;` split).
 * Pure: no `vscode`. Never throws on bad input: an unterminated string runs to
 * the end of its cell.
 */

export type TokenKind = 'name' | 'number' | 'string' | 'op';

export interface Token {
  kind: TokenKind;
  text: string;
  cell: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface Comment {
  cell: number;
  line: number;
  text: string;
}

/** One logical statement: its tokens and the indentation of its first line. */
export interface Statement {
  tokens: Token[];
  indent: number;
  cell: number;
}

export interface Tokenized {
  statements: Statement[];
  comments: Comment[];
}

const THREE_CHAR_OPS = new Set(['**=', '//=', '>>=', '<<=', '...', '!=']);
const TWO_CHAR_OPS = new Set(['**', '//', '<<', '>>', '<=', '>=', '==', '!=', '->', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=']);

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** String prefixes Python accepts (case-insensitive). */
const PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);

/** Tokenizes one cell's source, appending statements and comments. */
function tokenizeCell(src: string, cell: number, out: Tokenized): void {
  const lines = src.split('\n');
  let depth = 0;
  let cur: Token[] = [];
  let indent = 0;
  let atLineStart = true;
  let continued = false;
  const end = () => {
    if (cur.length) out.statements.push({ tokens: cur, indent, cell });
    cur = [];
  };
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    let i = 0;
    if (depth === 0 && !continued) {
      atLineStart = true;
    }
    continued = false;
    while (i < line.length) {
      const c = line.charCodeAt(i);
      if (c === 32 || c === 9 || c === 12) {
        i++;
        continue;
      }
      if (atLineStart) {
        atLineStart = false;
        if (c !== 35) {
          end();
          indent = i;
        }
      }
      if (c === 35 /* # */) {
        out.comments.push({ cell, line: li, text: line.slice(i) });
        break;
      }
      if (c === 92 /* \ */ && i === line.length - 1) {
        continued = true;
        i++;
        continue;
      }
      const start = i;
      if (isIdentStart(c)) {
        while (i < line.length && isIdentPart(line.charCodeAt(i))) i++;
        const word = line.slice(start, i);
        const q = line[i];
        if ((q === '"' || q === "'") && PREFIXES.has(word.toLowerCase())) {
          const r = readString(lines, li, i, q);
          cur.push({ kind: 'string', text: r.text(start), cell, line: li, character: start, endLine: r.line, endCharacter: r.end });
          if (r.line !== li) {
            li = r.line;
            line = lines[li].endsWith('\r') ? lines[li].slice(0, -1) : lines[li];
          }
          i = r.end;
          continue;
        }
        cur.push({ kind: 'name', text: word, cell, line: li, character: start, endLine: li, endCharacter: i });
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(line.charCodeAt(i + 1)))) {
        i++;
        while (i < line.length) {
          const d = line.charCodeAt(i);
          if (isIdentPart(d) || d === 46) i++;
          else if ((d === 43 || d === 45) && /[eE]/.test(line[i - 1]) && !/^0[xX]/.test(line.slice(start, i))) i++;
          else break;
        }
        cur.push({ kind: 'number', text: line.slice(start, i), cell, line: li, character: start, endLine: li, endCharacter: i });
        continue;
      }
      if (c === 34 || c === 39) {
        const r = readString(lines, li, i, line[i]);
        cur.push({ kind: 'string', text: r.text(start), cell, line: li, character: start, endLine: r.line, endCharacter: r.end });
        if (r.line !== li) {
          li = r.line;
          line = lines[li].endsWith('\r') ? lines[li].slice(0, -1) : lines[li];
        }
        i = r.end;
        continue;
      }
      // Most operators are one character: look at two- and three-character ones only when the next character can extend them.
      let op = line[i];
      const next = line.charCodeAt(i + 1);
      if (next === 61 /* = */ || next === 62 /* > */ || next === 42 /* * */ || next === 47 /* / */ || next === 60 /* < */ || next === 46 /* . */) {
        const three = line.slice(i, i + 3);
        if (THREE_CHAR_OPS.has(three)) op = three;
        else if (TWO_CHAR_OPS.has(three.slice(0, 2))) op = three.slice(0, 2);
      }
      i += op.length;
      if (op === '(' || op === '[' || op === '{') depth++;
      else if (op === ')' || op === ']' || op === '}') depth = Math.max(0, depth - 1);
      if (op === ';' && depth === 0) {
        end();
        continue;
      }
      cur.push({ kind: 'op', text: op, cell, line: li, character: start, endLine: li, endCharacter: i });
    }
    if (depth === 0 && !continued) {
      end();
    }
  }
  end();
}

/** Reads a string literal opening at lines[li][i] (the quote); returns where it ends. */
function readString(lines: readonly string[], li: number, i: number, q: string): { line: number; end: number; text(start: number): string } {
  const first = lines[li];
  const triple = first.startsWith(q + q + q, i);
  const close = triple ? q + q + q : q;
  let l = li;
  let k = i + close.length;
  for (;;) {
    const s = lines[l];
    while (k < s.length) {
      const ch = s[k];
      if (ch === '\\') {
        k += 2;
        continue;
      }
      if (s.startsWith(close, k)) {
        const endK = k + close.length;
        const endL = l;
        return {
          line: endL,
          end: endK,
          text: (start) => (endL === li ? first.slice(start, endK) : [first.slice(start), ...lines.slice(li + 1, endL), lines[endL].slice(0, endK)].join('\n')),
        };
      }
      k++;
    }
    // A single-quoted string ends at the line's end unless continued with a backslash.
    if ((!triple && !s.endsWith('\\')) || l + 1 >= lines.length) {
      const endL = l;
      const endK = s.length;
      return {
        line: endL,
        end: endK,
        text: (start) => (endL === li ? first.slice(start, endK) : [first.slice(start), ...lines.slice(li + 1, endL + 1)].join('\n')),
      };
    }
    l++;
    k = 0;
  }
}

/** Every code cell's tokens, grouped into statements (cells in order). */
export function tokenizeCells(cells: readonly string[]): Tokenized {
  const out: Tokenized = { statements: [], comments: [] };
  cells.forEach((src, cell) => tokenizeCell(typeof src === 'string' ? src : '', cell, out));
  return out;
}

/** The value of a plain string literal token (prefixes r/u/b only; f-strings give undefined). */
export function stringValue(t: Token): string | undefined {
  if (t.kind !== 'string') return undefined;
  const m = /^([A-Za-z]*)('''|"""|'|")([\s\S]*)\2$/.exec(t.text);
  if (!m) return undefined;
  if (/f/i.test(m[1])) return undefined;
  return m[3];
}
