/**
 * Loss lint: `lintCells(cells)` checks the Python source of a file (one cell)
 * or a notebook (its code cells in order) for loss misuse and returns
 * diagnostics with 0-based positions, codes (LA101–LA109, LA201–LA205), a
 * message in the requested language and the quick fixes. Lines carrying
 * `# loss-atlas: ignore[LA101]` (or a bare `# loss-atlas: ignore`) are
 * skipped. Pure: no `vscode`, no Node API; never throws.
 */
import type { Language } from '../../losses/types';
import { checkFlow } from './flow-rules';
import { checkKeras } from './keras-rules';
import { checkParams } from './param-rules';
import { ParseCache } from './parse-cache';
import { Program } from './program';
import { Reporter, type LintDiagnostic } from './report';
import { suppressedCodes } from './suppress';
import type { Comment } from './tokens';

export type { LintDiagnostic, LintEdit, LintFix, LintRange } from './report';
export { suppressText } from './suppress';
export { ParseCache } from './parse-cache';
export { LINT_CODES, LINT_RULES, lintRule, type LintCode, type LintRule, type LintSeverity } from './rules';

export interface LintOptions {
  /** Language of the messages and fix titles (default English). */
  language?: Language;
  /** Read every statement (the oracle of the tests; see ProgramOptions). */
  exhaustive?: boolean;
  /**
   * Parses kept from one lint to the next (see ParseCache): by default one cache shared by every
   * call, so linting a document's next version parses only the statements that changed; `null` for none.
   */
  parseCache?: ParseCache | null;
  /**
   * The source of a module of the user's project that the cells import (`from network import Net`:
   * `network`; relative ones as written, `.model`), or undefined for any other (see ProgramOptions.modules).
   */
  modules?: (name: string) => string | undefined;
}

/** The cache lintCells uses unless told otherwise. */
const sharedParseCache = new ParseCache();

/** Suppressed codes per `cell:line` (`*` for all). */
function suppressions(comments: readonly Comment[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of comments) {
    const codes = suppressedCodes(c.text);
    if (codes) out.set(`${c.cell}:${c.line}`, codes);
  }
  return out;
}

function suppressed(d: LintDiagnostic, sup: Map<string, Set<string>>): boolean {
  for (const line of new Set([d.line, d.endLine])) {
    const s = sup.get(`${d.cell}:${line}`);
    if (s && (s.has('*') || s.has(d.code))) return true;
  }
  return false;
}

/** Lints the cells; a `.py` file is one cell. */
export function lintCells(cells: readonly string[], options: LintOptions = {}): LintDiagnostic[] {
  // The exhaustive oracle parses everything afresh and leaves the cache as it was.
  const cache = options.exhaustive ? undefined : options.parseCache === undefined ? sharedParseCache : (options.parseCache ?? undefined);
  try {
    const prog = new Program(Array.isArray(cells) ? cells : [], { exhaustive: options.exhaustive === true, cache, modules: options.modules });
    const rep = new Reporter(prog, options.language === 'zh' ? 'zh' : 'en');
    checkFlow(prog, rep);
    checkParams(prog, rep);
    checkKeras(prog, rep);
    const sup = suppressions(prog.comments);
    // The diagnostics hold no token: the tapes can serve the next lint.
    prog.release();
    return rep.out
      .filter((d) => !suppressed(d, sup))
      .sort((a, b) => a.cell - b.cell || a.line - b.line || a.character - b.character || a.code.localeCompare(b.code));
  } catch {
    // Bad input never breaks the editor: no diagnostics rather than an exception.
    return [];
  } finally {
    cache?.turn();
  }
}
