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
    this.out.push({
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
        .map((f, i) => ({ title: f.title[this.lang], edits: f.edits, preferred: f.preferred ?? i === 0 })),
    });
  }
}

/** The range of tokens [t0, t1) of a statement. */
export function tokenRange(s: Stmt, t0: number, t1: number): LintRange {
  const { tape, from } = s;
  const a = from + t0;
  const b = from + Math.max(t0, t1 - 1);
  return { cell: s.cell, line: tape.lines[a], character: tape.cols[a], endLine: tape.endLines[b], endCharacter: tape.endCols[b] };
}

export function exprRange(s: Stmt, e: Expr): LintRange {
  return tokenRange(s, e.t0, e.t1);
}

/** Replace tokens [t0, t1) with `text`. */
export function replaceTokens(s: Stmt, t0: number, t1: number, newText: string): LintEdit {
  return { ...tokenRange(s, t0, t1), newText };
}

/** Insert `newText` right after token `t` (or before it with `before`). */
export function insertAt(s: Stmt, t: number, newText: string, before = false): LintEdit {
  const { tape } = s;
  const i = s.from + t;
  const line = before ? tape.lines[i] : tape.endLines[i];
  const character = before ? tape.cols[i] : tape.endCols[i];
  return { cell: s.cell, line, character, endLine: line, endCharacter: character, newText };
}
