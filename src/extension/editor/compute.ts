/**
 * `Loss Atlas: Compute Loss on Selection`: reads the selected numbers (one
 * selection holding two arrays, or two selections), decides which is the
 * prediction (asking once when it cannot tell, then remembering), offers the
 * losses whose inputs fit, and shows the value with follow-up actions.
 */
import * as vscode from 'vscode';
import { computeLoss, getEntry, LossInputError } from '../../losses';
import type { ParsedArray, SelectionParse } from '../../losses/selection';
import { shapeText } from '../../losses/tensor';
import { COMMANDS, type OpenPlaygroundArgs } from '../commands';
import { describeArray, evaluate, fittingLosses, formatValue, nested, orderArrays, type Candidate } from './fit';
import { displayLanguage } from './language';
import { parseSelections, WORKER_THRESHOLD } from './parse-selection';

export const PREDICTION_KEY = 'lossAtlas.selection.predictionIndex';

export interface ComputeArgs {
  /** Compute this loss instead of asking. */
  lossId?: string;
  /** When the order is ambiguous: 0 if the first array is the prediction, 1 if the second. */
  prediction?: 0 | 1;
  /** Show the result notification (default true). */
  notify?: boolean;
}

export type ComputeResult =
  | {
      lossId: string;
      value: number;
      predInput: string;
      targetInput: string;
      predShape: number[];
      targetShape: number[];
      /** Every loss that fitted, best first. */
      candidates: string[];
    }
  | { error: string };

/** Selection-relative `line L, column C` to document positions. */
export function toDocumentPositions(message: string, sel: vscode.Selection): string {
  return message.replace(/line (\d+)(, column (\d+))?/g, (_m, l: string, _c, c: string | undefined) => {
    const line = Number(l);
    const docLine = sel.start.line + line;
    if (c === undefined) return `line ${docLine}`;
    const col = line === 1 ? sel.start.character + Number(c) : Number(c);
    return `line ${docLine}, column ${col}`;
  });
}

function fail(message: string, quiet = false): ComputeResult {
  if (!quiet) void vscode.window.showErrorMessage(`Loss Atlas: ${message}`);
  return { error: message };
}

/** Two arrays (prediction first when names tell) out of all the parsed arrays. */
function pickTwo(arrays: ParsedArray[]): ParsedArray[] | string {
  if (arrays.length === 2) return arrays;
  if (arrays.length < 2) {
    const one = arrays[0] ? describeArray(arrays[0]) : '';
    return vscode.l10n.t(
      'found one array {0}; select a prediction and a target: two selections (Alt+click), one selection with lines such as pred = [...] and target = [...], or a two-row table',
      one,
    );
  }
  const named = arrays.filter((a) => a.name);
  if (named.length === 2) return named;
  return vscode.l10n.t('found {0} arrays ({1}); select exactly two: a prediction and a target', arrays.length, arrays.map(describeArray).join('; '));
}

async function askPrediction(a: ParsedArray, b: ParsedArray): Promise<0 | 1 | undefined> {
  const items = [
    { label: vscode.l10n.t('The first is the prediction'), detail: `${describeArray(a)}  →  ${describeArray(b)}`, index: 0 as const },
    { label: vscode.l10n.t('The second is the prediction'), detail: `${describeArray(b)}  →  ${describeArray(a)}`, index: 1 as const },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Which array is the prediction? (remembered for this workspace)'),
  });
  return picked?.index;
}

function valueOf(c: Candidate): number {
  return c.result!.value as number;
}

function commentLine(editor: vscode.TextEditor, c: Candidate, pred: ParsedArray, target: ParsedArray): void {
  const last = editor.selections.reduce((m, s) => (s.end.line > m ? s.end.line : m), 0);
  const line = editor.document.lineAt(last);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const sym = c.entry.apis[0]?.symbol ?? c.entry.id;
  const text = `\n${indent}# ${sym}: ${formatValue(valueOf(c), true)}  (${c.predInput} ${shapeText(pred.tensor.shape)}, ${c.targetInput} ${shapeText(target.tensor.shape)})`;
  void editor.edit((e) => e.insert(line.range.end, text));
}

function notifyResult(editor: vscode.TextEditor, c: Candidate, pred: ParsedArray, target: ParsedArray): void {
  const lang = displayLanguage();
  const open = vscode.l10n.t('Open in Playground');
  const copy = vscode.l10n.t('Copy value');
  const insert = vscode.l10n.t('Insert as comment');
  const msg = vscode.l10n.t('{0} = {1}  ({2} {3}, {4} {5})', c.entry.names[lang], formatValue(valueOf(c)), c.predInput, shapeText(pred.tensor.shape), c.targetInput, shapeText(target.tensor.shape));
  void vscode.window.showInformationMessage(msg, open, copy, insert).then((choice) => {
    if (choice === open) {
      const args: OpenPlaygroundArgs = { lossId: c.entry.id, inputs: { [c.predInput]: nested(pred), [c.targetInput]: nested(target) } };
      void vscode.commands.executeCommand(COMMANDS.openPlayground, args);
    } else if (choice === copy) {
      void vscode.env.clipboard.writeText(formatValue(valueOf(c), true));
    } else if (choice === insert) {
      commentLine(editor, c, pred, target);
    }
  });
}

export async function computeOnSelection(context: vscode.ExtensionContext, args: ComputeArgs = {}): Promise<ComputeResult> {
  const quiet = args.notify === false;
  const editor = vscode.window.activeTextEditor;
  if (!editor) return fail(vscode.l10n.t('open a file and select numbers first'), quiet);
  const selections = editor.selections.filter((s) => !s.isEmpty);
  if (!selections.length) return fail(vscode.l10n.t('select numbers first: a prediction and a target'), quiet);
  const texts = selections.map((s) => editor.document.getText(s));
  const maxNumbers = vscode.workspace.getConfiguration('lossAtlas').get<number>('selection.maxNumbers', 1_000_000);
  const total = texts.reduce((n, t) => n + t.length, 0);
  const parse = () => parseSelections(texts, maxNumbers, context.extensionPath);
  const results: SelectionParse[] =
    total >= WORKER_THRESHOLD
      ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loss Atlas: reading the selected numbers…') }, parse)
      : await parse();
  const arrays: ParsedArray[] = [];
  for (let k = 0; k < results.length; k++) {
    const r = results[k];
    if (!r.ok) {
      let msg = toDocumentPositions(r.error, selections[k]);
      if (/more than \d+ numbers \(the limit\)/.test(r.error)) msg += ' ' + vscode.l10n.t('(setting: lossAtlas.selection.maxNumbers)');
      return fail(msg, quiet);
    }
    arrays.push(...r.arrays);
  }
  const two = pickTwo(arrays);
  if (typeof two === 'string') return fail(two, quiet);
  let order = orderArrays(two[0], two[1]);
  if ('ambiguous' in order) {
    let idx = args.prediction ?? context.workspaceState.get<0 | 1>(PREDICTION_KEY);
    if (idx === undefined) {
      if (quiet) return fail('ambiguous: which array is the prediction?', quiet);
      idx = await askPrediction(two[0], two[1]);
      if (idx === undefined) return { error: 'cancelled' };
      await context.workspaceState.update(PREDICTION_KEY, idx);
    }
    order = idx === 0 ? { pred: two[0], target: two[1], reason: 'names' } : { pred: two[1], target: two[0], reason: 'names' };
  }
  let { pred, target } = order;
  for (;;) {
    // With a named loss, the others are only probed (for the list); otherwise small selections are computed in full.
    const candidates = fittingLosses(pred, target, args.lossId ? false : undefined);
    let chosen: Candidate | undefined;
    if (args.lossId) {
      chosen = candidates.find((c) => c.entry.id === args.lossId);
      if (!chosen) {
        const entry = getEntry(args.lossId);
        if (!entry) return fail(vscode.l10n.t('Unknown loss: {0}', args.lossId), quiet);
        try {
          const inputs = entry.inputs.filter((i) => !i.optional);
          computeLoss(entry.id, { [inputs[0].name]: pred.tensor, [inputs[1]?.name ?? 'target']: target.tensor });
        } catch (e) {
          if (e instanceof LossInputError) return fail(`${entry.id}: ${e.message}`, quiet);
        }
        return fail(vscode.l10n.t('{0} does not accept a prediction {1} and a target {2}', entry.id, describeArray(pred), describeArray(target)), quiet);
      }
    } else {
      if (!candidates.length) {
        return fail(
          vscode.l10n.t('no loss in the catalog accepts a prediction {0} and a target {1}', describeArray(pred), describeArray(target)),
          quiet,
        );
      }
      const lang = displayLanguage();
      type Item = vscode.QuickPickItem & { c?: Candidate; swap?: boolean };
      const items: Item[] = candidates.map((c) => ({
        label: c.entry.names[lang],
        description: c.result ? `= ${formatValue(valueOf(c))}` : vscode.l10n.t('(computed when picked)'),
        detail: `${c.entry.apis[0]?.symbol ?? ''} · ${c.predInput} ${shapeText(pred.tensor.shape)}, ${c.targetInput} ${shapeText(target.tensor.shape)}${target.integer ? ' int' : ''}`,
        c,
      }));
      items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
      items.push({ label: `$(arrow-swap) ${vscode.l10n.t('Swap prediction and target')}`, detail: `${describeArray(target)}  →  ${describeArray(pred)}`, swap: true });
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Loss on prediction {0} and target {1}', describeArray(pred), describeArray(target)),
        placeHolder: vscode.l10n.t('Losses whose inputs fit these shapes'),
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (!picked) return { error: 'cancelled' };
      if (picked.swap) {
        [pred, target] = [target, pred];
        if ('ambiguous' in orderArrays(two[0], two[1])) {
          await context.workspaceState.update(PREDICTION_KEY, pred === two[0] ? 0 : 1);
        }
        continue;
      }
      chosen = picked.c;
    }
    if (chosen) {
      try {
        evaluate(chosen, pred, target);
      } catch (e) {
        if (e instanceof LossInputError) return fail(`${chosen.entry.id}: ${e.message}`, quiet);
        throw e;
      }
    }
    if (!chosen) return { error: 'cancelled' };
    if (!quiet) notifyResult(editor, chosen, pred, target);
    return {
      lossId: chosen.entry.id,
      value: valueOf(chosen),
      predInput: chosen.predInput,
      targetInput: chosen.targetInput,
      predShape: pred.tensor.shape,
      targetShape: target.tensor.shape,
      candidates: candidates.map((c) => c.entry.id),
    };
  }
}
