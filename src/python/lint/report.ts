/**
 * What the lint returns (diagnostics with their quick fixes, 0-based cell /
 * line / character positions) and the helpers the checks use to build them
 * from statement tokens. Pure: no `vscode`.
 */
import type { Language, Localized } from '../../losses/types';
import type { Expr } from './expr';
import type { Program, Stmt } from './program';
import { lintRule, type LintCode, type LintSeverity } from './rules';

export interface LintRange {
  cell: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface LintEdit extends LintRange {
  newText: string;
}

export interface LintFix {
  title: string;
  /** Edits that only touch the needed spans (may be in several cells). */
  edits: LintEdit[];
  preferred: boolean;
}

export interface LintDiagnostic extends LintRange {
  code: LintCode;
  severity: LintSeverity;
  message: string;
  /** The catalog entry that explains it ("Explain LA1xx"). */
  entryId: string;
  fixes: LintFix[];
}

/**
 * `fields` copied onto an object made by a builtin: the literal passed in dies at once, and the kept
 * object comes from no literal site V8 could pretenure (see the note on pretenuring in ./expr.ts).
 */
function built<T extends object>(fields: T): T {
  return Object.assign(Object.create(Object.prototype) as T, fields);
}

/** Collects diagnostics for one run, in one language. */
export class Reporter {
  readonly out: LintDiagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly prog: Program,
    readonly lang: Language,
  ) {}

  add(code: LintCode, range: LintRange, message: Localized, fixes: { title: Localized; edits: LintEdit[]; preferred?: boolean }[] = [], entryId?: string): void {
    const key = `${code}|${range.cell}|${range.line}|${range.character}|${range.endLine}|${range.endCharacter}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const rule = lintRule(code);
    this.out.push(built<LintDiagnostic>({
      cell: range.cell,
      line: range.line,
      character: range.character,
      endLine: range.endLine,
      endCharacter: range.endCharacter,
      code,
      severity: rule.severity,
      message: message[this.lang],
      entryId: entryId ?? rule.entryId,
      fixes: fixes
        .filter((f) => f.edits.length)
        .map((f, i) => built<LintFix>({ title: f.title[this.lang], edits: f.edits, preferred: f.preferred ?? i === 0 })),
    }));
  }
}

/** Where token `t` of a statement starts. */
export function tokenStart(s: Stmt, t: number): { line: number; character: number } {
  const i = s.from + t;
  return { line: s.tape.lines[i], character: s.tape.cols[i] };
}

/** Where token `t` of a statement ends. */
export function tokenEnd(s: Stmt, t: number): { line: number; character: number } {
  const i = s.from + t;
  return { line: s.tape.endLines[i], character: s.tape.endCols[i] };
}

/** The range from where token `a` starts or ends to where token `b` starts or ends. */
export function spanBetween(s: Stmt, a: { line: number; character: number }, b: { line: number; character: number }): LintRange {
  return { cell: s.cell, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
}

/** The range of tokens [t0, t1) of a statement. */
export function tokenRange(s: Stmt, t0: number, t1: number): LintRange {
  return spanBetween(s, tokenStart(s, t0), tokenEnd(s, Math.max(t0, t1 - 1)));
}

export function exprRange(s: Stmt, e: Expr): LintRange {
  return tokenRange(s, e.t0, e.t1);
}

/** Replace tokens [t0, t1) with `text`. */
export function replaceTokens(s: Stmt, t0: number, t1: number, newText: string): LintEdit {
  return editOf(tokenRange(s, t0, t1), newText);
}

/** An edit of `r` (its fields written out: a spread is slow, and gives edits another shape). */
function editOf(r: LintRange, newText: string): LintEdit {
  return { cell: r.cell, line: r.line, character: r.character, endLine: r.endLine, endCharacter: r.endCharacter, newText };
}

/** Insert `newText` right after token `t` (or before it with `before`). */
export function insertAt(s: Stmt, t: number, newText: string, before = false): LintEdit {
  const at = before ? tokenStart(s, t) : tokenEnd(s, t);
  return editOf(spanBetween(s, at, at), newText);
}
