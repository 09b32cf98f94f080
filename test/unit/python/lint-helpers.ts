/** Shared helpers of the lint tests: the text a diagnostic covers, applying a fix, the lazy-reading oracle. */
import { strict as assert } from 'node:assert';
import { lintCells as lintLazily, type LintDiagnostic, type LintEdit, type LintOptions } from '../../../src/python/lint';

/**
 * `lintCells`, checked against its oracle on every call: the lint reads statements lazily (only
 * those a rule reaches), and must give exactly what reading every statement gives.
 */
export function lintCells(cells: readonly string[], options: LintOptions = {}): LintDiagnostic[] {
  const lazy = lintLazily(cells, options);
  assert.deepEqual(lazy, lintLazily(cells, { ...options, exhaustive: true }), 'the lazy lint differs from reading every statement');
  return lazy;
}

export function rangeText(cells: readonly string[], d: { cell: number; line: number; character: number; endLine: number; endCharacter: number }): string {
  const lines = cells[d.cell].split('\n');
  if (d.line === d.endLine) return lines[d.line].slice(d.character, d.endCharacter);
  return [lines[d.line].slice(d.character), ...lines.slice(d.line + 1, d.endLine), lines[d.endLine].slice(0, d.endCharacter)].join('\n');
}

function offset(lines: readonly string[], line: number, character: number): number {
  let o = 0;
  for (let l = 0; l < line; l++) o += lines[l].length + 1;
  return o + character;
}

/** Applies edits (any order, non-overlapping) to the cells. */
export function applyEdits(cells: readonly string[], edits: readonly LintEdit[]): string[] {
  const out = [...cells];
  const byCell = new Map<number, LintEdit[]>();
  for (const e of edits) byCell.set(e.cell, [...(byCell.get(e.cell) ?? []), e]);
  for (const [cell, list] of byCell) {
    const lines = out[cell].split('\n');
    const spans = list
      .map((e) => ({ from: offset(lines, e.line, e.character), to: offset(lines, e.endLine, e.endCharacter), text: e.newText }))
      .sort((a, b) => b.from - a.from);
    let text = out[cell];
    for (let i = 0; i < spans.length; i++) {
      if (i > 0 && spans[i].to > spans[i - 1].from) throw new Error('overlapping edits');
      text = text.slice(0, spans[i].from) + spans[i].text + text.slice(spans[i].to);
    }
    out[cell] = text;
  }
  return out;
}

export function withCode(ds: readonly LintDiagnostic[], code: string): LintDiagnostic[] {
  return ds.filter((d) => d.code === code);
}

/** The imports most near misses and positives start with. */
export const TORCH = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
export const KERAS = 'import tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n';

/** Code the lint must stay silent on; `only` limits the silence to some codes (other codes may fire on purpose). */
export interface NearMiss {
  name: string;
  cells: string[];
  only?: string[];
}

/** One test per near miss: no diagnostic (of the codes in `only`, when given). Call inside a `describe`. */
export function itStaysSilent(cases: readonly NearMiss[]): void {
  for (const n of cases) {
    it(n.name, () => {
      const ds = lintCells(n.cells).filter((d) => !n.only || n.only.includes(d.code));
      assert.deepEqual(
        ds.map((d) => `${d.code}@${rangeText(n.cells, d)}`),
        [],
      );
    });
  }
}
