/**
 * Pure analysis of Python source (no `vscode` import, no Node APIs): the hover provider, the
 * commands and the tests all use it. A `.py` file is one cell; a notebook is its code cells in
 * order (bindings flow from cell to cell). Lines and characters are 0-based, as in VS Code.
 *
 * Loss resolution (issue 12):
 * - `lossAtPosition(cells, cell, line, character)` → `{ entryId, symbol, via }` or undefined;
 *   `via` is `'import'` (a library name through the file's imports, also in import lines),
 *   `'instance'` (a name or `self.<attr>` bound to a loss instance — also after `.to()`/`.cuda()`,
 *   through another name, `functools.partial(F.x, …)`, a function alias `loss_fn = F.mse_loss`, a
 *   parameter default or the argument every in-file caller passes — or a keyword given one),
 *   `'string'` (a loss string in a loss context) or `'unbound'` (a name bound nowhere in the
 *   file, called, that the catalog knows unambiguously or by a conventional alias such as `nn.`).
 * - `analyzePython(cells)` → `PythonAnalysis` (cached by content); `analysis.lossAt(cell, line,
 *   character)` → `LossHit` with the hovered range, the call's or the constructor's arguments and
 *   where an instance was bound; `analysis.imports` (name → target), `analysis.callSites(name)`,
 *   `analysis.cells[i]` (tokens, significant tokens with brackets, statements, line starts).
 * - Several bindings that may reach a use must agree on the loss API, else there is no hover.
 *
 * Building blocks, reusable by other analyses (the loss lint):
 * - `tokenize(source)` → `Token[]` (tokens.ts; `tokenizeCell` gives none for a `%%bash`-style cell): kinds name/number/string/op/comment/magic/newline/
 *   nl/indent/dedent/error/end, with offsets, 0-based line/col, string prefix and body offsets;
 *   `stringBody(source, token)`. `lex(source, sink)` gives the same tokens to a `TokenSink` as
 *   numbers, with no object per token (the loss lint's token tape, lint/tape.ts).
 * - `statementsOf(tokens, cell)` → `Statement[]` (statements.ts): simple statements and compound
 *   headers (`header: 'def' | 'for' | …`), each with its block `depth` and significant `tokens`.
 * - `importBindings(statement)` → `ImportBinding[]` (imports.ts): local name, target module or
 *   symbol, relative/star flags and tokens; `parseImports(text)` → `ImportTable` (name → target).
 * - `buildScopes(statements)` → `ScopeTree` (scopes.ts): the module scope and its nested class/
 *   function/lambda/comprehension scopes, each with `bindings` (name → `Binding[]`, with kind,
 *   token, statement and assigned value tokens), class `attributes` assigned through `self`,
 *   `scopeAt(posKey)`, `bindingAt` (binding sites by position key), `importTokens`, `boundNames`;
 *   `lookup(name, scope, module)` applies Python's scope rules; `posKey`/`tokenKey` order positions.
 * - `Evaluator` (values.ts): the value of an expression or binding (`path`, `api`, `instance`, …).
 * - `apiForPath(path)` / `canonicalPath(path)` (symbols.ts): qualified path → catalog API.
 * - `callArguments(text)` / `pythonLiteral(text)` (calls.ts): a call's arguments as written.
 * - `kerasStringApi(s)`, `kerasCvStringApi(kw, s)`, `openMMLabLoss(type, flags, scope)`
 *   (string-names.ts) and `stringLossAt` (strings.ts): loss strings and their contexts.
 */
import { PythonAnalysis, type LossAtPosition } from './analysis';

export { PythonAnalysis } from './analysis';
export type { CellAnalysis, LossAtPosition, LossHit, Via } from './analysis';
export { tokenize, tokenizeCell, stringBody, type Token, type TokenKind } from './tokens';
export { statementsOf, type Statement } from './statements';
export {
  importBindings, importInsertLine, mergeImports, parseImports, EMPTY_IMPORTS, type ImportBinding, type ImportTable,
} from './imports';
export {
  buildScopes, lookup, posKey, tokenKey, closing, splitCommas,
  type Binding, type BindingKind, type Expr, type Scope, type ScopeKind, type ScopeTree,
} from './scopes';
export { Evaluator, merge, type Origin, type Value } from './values';
export { apiForBareName, apiForPath, canonicalPath, CONVENTIONAL_ALIASES, type ApiRef } from './symbols';
export { callArguments, pythonLiteral, type CallArgument } from './calls';
export { KERAS_LOSS_STRINGS, kerasStringApi, kerasCvStringApi, openMMLabLoss } from './string-names';
export { bracketStructure, stringLossAt, type BracketedTokens } from './strings';
export { lintCells, LINT_RULES, type LintDiagnostic, type LintFix, type LintEdit, type LintOptions } from './lint';

/** Recent analyses, newest last: a hover asks again and again for the same text. */
const recent: PythonAnalysis[] = [];
const RECENT_MAX = 4;

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The analysis of these cells; the same object while the text does not change. */
export function analyzePython(cells: readonly string[]): PythonAnalysis {
  for (let i = recent.length - 1; i >= 0; i--) {
    if (sameCells(recent[i].sources, cells)) return recent[i];
  }
  const a = new PythonAnalysis([...cells]);
  recent.push(a);
  if (recent.length > RECENT_MAX) recent.shift();
  return a;
}

/** The loss at a position (see the module comment), or undefined. */
export function lossAtPosition(cells: readonly string[], cell: number, line: number, character: number): LossAtPosition | undefined {
  const hit = analyzePython(cells).lossAt(cell, line, character);
  return hit && { entryId: hit.entryId, symbol: hit.symbol, via: hit.via };
}
