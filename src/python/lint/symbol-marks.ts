/**
 * What the program's reading asks of a name or operator token, as bits per symbol of the shared
 * table (./tape.ts Symbols): a reserved word, a bracket, an assignment operator, `(`, `.`, `:=`,
 * `as`, a method name that works in place (`add_`). Each symbol's marks are worked out from its
 * text once; reading a statement's tokens is then integer tests, with no text compared. Pure: no
 * `vscode`.
 */
import type { Symbols } from './tape';
import { grown } from './typed-arrays';

export const RESERVED = 1;
export const OPEN = 2;
export const CLOSE = 4;
/** `=`, an augmented assignment, or an annotation's `:` (what ends a simple statement's targets). */
export const ASSIGN = 8;
export const LPAREN = 16;
export const DOT = 32;
export const WALRUS = 64;
export const AS = 128;
/** A method that changes its receiver (see isInPlaceMethod). */
export const IN_PLACE = 256;
/** Set on every symbol once its marks are known. */
const KNOWN = 1 << 15;

/** Python's reserved words: never bound, called or looked up. */
export const RESERVED_WORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

const ASSIGN_OPS = new Set(['=', ':', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '>>=', '<<=']);

/** Methods of containers (an nn.Sequential, a list) that change them: a model changed after it is built. */
const CONTAINER_CHANGES = new Set(['append', 'extend', 'insert', 'add_module', 'register_module', 'pop', 'remove', 'clear']);

/**
 * Whether a method called on a name changes the value the name holds: torch's in-place methods
 * (`p.log_()`: a name that ends with `_` and does not start with one) and the container changes
 * (`model.append(nn.Linear(5, 5))`). Keras's `model.add` is not one: the Keras rules read those.
 */
export function isInPlaceMethod(name: string): boolean {
  return (name.endsWith('_') && !name.startsWith('_') && !KEEP_VALUES.has(name)) || CONTAINER_CHANGES.has(name);
}

/** In-place methods that keep the values (a frozen teacher: `teacher.requires_grad_(False)`). */
const KEEP_VALUES = new Set(['requires_grad_', 'share_memory_', 'detach_']);

function marksOfText(t: string): number {
  let m = KNOWN;
  if (RESERVED_WORDS.has(t)) m |= RESERVED;
  if (t === '(' || t === '[' || t === '{') m |= OPEN;
  if (t === ')' || t === ']' || t === '}') m |= CLOSE;
  if (ASSIGN_OPS.has(t)) m |= ASSIGN;
  if (t === '(') m |= LPAREN;
  if (t === '.') m |= DOT;
  if (t === ':=') m |= WALRUS;
  if (t === 'as') m |= AS;
  if (isInPlaceMethod(t)) m |= IN_PLACE;
  return m;
}

/** The marks of each symbol of one table, worked out as they are asked for. */
export class SymbolMarks {
  private marks = new Uint16Array(256);

  constructor(readonly symbols: Symbols) {}

  of(sym: number): number {
    if (sym < 0) return 0;
    if (sym >= this.marks.length) this.marks = grown(this.marks, Math.max(sym + 1, this.marks.length * 2), 0);
    const m = this.marks[sym];
    return m !== 0 ? m : (this.marks[sym] = marksOfText(this.symbols.texts[sym]));
  }
}

let current: SymbolMarks | undefined;

/** The marks of the table `symbols` (kept while readings share it: see sharedSymbols). */
export function marksFor(symbols: Symbols): SymbolMarks {
  if (current?.symbols !== symbols) current = new SymbolMarks(symbols);
  return current;
}
