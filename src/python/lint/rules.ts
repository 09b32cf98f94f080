/**
 * The lint's rule table: every code (LA101–LA109, LA201–LA205), its default
 * severity and the catalog entry that explains it (the docs page's titles,
 * fixes, wrong and right code and runtime behaviour are in ./rule-docs.ts,
 * kept out of the extension bundle). The codes are part of the product
 * (suppression comments, settings, docs): never renumber them.
 * Pure: no `vscode`.
 */
export type LintSeverity = 'error' | 'warning' | 'information' | 'hint';

export type LintCode =
  | 'LA101' | 'LA102' | 'LA103' | 'LA104' | 'LA105' | 'LA106' | 'LA107' | 'LA108' | 'LA109'
  | 'LA201' | 'LA202' | 'LA203' | 'LA204' | 'LA205';

export interface LintRule {
  code: LintCode;
  severity: LintSeverity;
  /** The catalog entry whose reference (pitfalls) explains the rule. */
  entryId: string;
}

export const LINT_RULES: readonly LintRule[] = [
  { code: 'LA101', severity: 'warning', entryId: 'cross-entropy' },
  { code: 'LA102', severity: 'warning', entryId: 'bce-with-logits' },
  { code: 'LA103', severity: 'warning', entryId: 'nll-loss' },
  { code: 'LA104', severity: 'warning', entryId: 'kl-div' },
  { code: 'LA105', severity: 'warning', entryId: 'ctc-loss' },
  { code: 'LA106', severity: 'warning', entryId: 'keras-categorical-crossentropy' },
  { code: 'LA107', severity: 'warning', entryId: 'keras-binary-crossentropy' },
  { code: 'LA108', severity: 'warning', entryId: 'keras-binary-crossentropy' },
  { code: 'LA109', severity: 'warning', entryId: 'binary-cross-entropy' },
  { code: 'LA201', severity: 'warning', entryId: 'kl-div' },
  { code: 'LA202', severity: 'error', entryId: 'cross-entropy' },
  { code: 'LA203', severity: 'warning', entryId: 'mse-loss' },
  { code: 'LA204', severity: 'error', entryId: 'cross-entropy' },
  { code: 'LA205', severity: 'warning', entryId: 'nll-loss' },
];

const BY_CODE = new Map(LINT_RULES.map((r) => [r.code, r]));

export function lintRule(code: LintCode): LintRule {
  return BY_CODE.get(code)!;
}

export const LINT_CODES: readonly LintCode[] = LINT_RULES.map((r) => r.code);
