/**
 * The parameter rules, read from each call of a library loss: LA201 kl_div with
 * reduction='mean' (explicit or default), LA202 a loss class called with the
 * tensors, LA203 the deprecated size_average / reduce / 'elementwise_mean'
 * (mapped the way torch.nn._reduction.legacy_get_string does), LA204 a literal
 * value the loss does not accept (reduction options from the entry's parameter
 * spec, label_smoothing in [0, 1], Huber delta > 0, smooth-L1 beta ≥ 0).
 * Pure: no `vscode`.
 */
import { bareName, LOSSES, resolveSymbol, symbolForms } from '../../losses/registry';
import type { ApiSymbol, LossEntry } from '../../losses/types';
import { dotted, keyword, lastName, quoteLike, unwrap, type Arg, type Expr } from './expr';
import type { CallExpr, Program, Stmt } from './program';
import { exprRange, insertAt, replaceTokens, spanBetween, tokenEnd, tokenRange, tokenStart, type LintEdit, type Reporter } from './report';
import { stringValue } from './tokens';

interface LossCall {
  entry: LossEntry;
  api: ApiSymbol;
  symbol: string;
  written: string;
}

let bareNames: Set<string> | undefined;
/** The last names of every catalog API (`cross_entropy`, `CrossEntropyLoss`, …): a call named otherwise is no loss. */
function lossBareNames(): Set<string> {
  return (bareNames ??= new Set(LOSSES.flatMap((e) => e.apis.map((a) => bareName(a.symbol)))));
}

/** The library loss a call's callee names, through the file's imports. */
export function lossCallee(prog: Program, c: CallExpr): LossCall | undefined {
  const fn = unwrap(c.fn);
  if (!lossBareNames().has(lastName(fn) ?? '')) return undefined;
  const q = prog.qualify(fn);
  const found = q === undefined ? undefined : catalogApi(q);
  if (!found) return undefined;
  return { entry: found.entry, api: found.api, symbol: q!, written: fn.k === 'attr' || fn.k === 'name' ? dottedText(prog, fn) : q! };
}

/**
 * The catalog entry and API of a fully qualified symbol (Keras's also under `tf.`), or undefined:
 * a pure function of the symbol, kept (a file calls the same few losses again and again).
 */
function catalogApi(q: string): { entry: LossEntry; api: ApiSymbol } | undefined {
  let found = catalogApis.get(q);
  if (found === undefined) {
    found = null;
    for (const f of q.startsWith('keras.') ? [q, 'tf.' + q] : [q]) {
      const entry = resolveSymbol(f);
      const api = entry?.apis.find((a) => symbolForms(a).includes(f));
      if (entry && api) {
        found = { entry, api };
        break;
      }
    }
    if (catalogApis.size >= CATALOG_APIS_LIMIT) catalogApis.clear();
    catalogApis.set(q, found);
  }
  return found ?? undefined;
}

const catalogApis = new Map<string, { entry: LossEntry; api: ApiSymbol } | null>();
const CATALOG_APIS_LIMIT = 4096;

function dottedText(prog: Program, fn: Expr): string {
  const parts: string[] = [];
  let x: Expr = fn;
  while (x.k === 'attr') {
    parts.unshift(x.name);
    x = x.obj;
  }
  if (x.k === 'name') parts.unshift(x.name);
  void prog;
  return parts.join('.');
}

/** A literal's value: a number (with a sign), a plain string, True/False/None; undefined otherwise. */
export function literalValue(prog: Program, s: Stmt, e: Expr): number | string | boolean | null | undefined {
  const x = unwrap(e);
  if (x.k === 'lit') {
    if (x.kind === 'string') return x.t1 - x.t0 === 1 ? stringValue(x) : undefined;
    const n = Number(x.text.replace(/_/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (x.k === 'name') return x.name === 'True' ? true : x.name === 'False' ? false : x.name === 'None' ? null : undefined;
  const t = prog.text(s, x.t0, x.t1).replace(/\s+/g, '');
  if (/^[-+](\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t.replace(/_/g, ''));
  return undefined;
}

function isLiteral(prog: Program, s: Stmt, e: Expr): boolean {
  return literalValue(prog, s, e) !== undefined;
}

/** torch.nn._reduction.legacy_get_string. */
export function legacyReduction(sizeAverage: boolean | null, reduce: boolean | null): 'mean' | 'sum' | 'none' {
  const sa = sizeAverage ?? true;
  const r = reduce ?? true;
  if (sa && r) return 'mean';
  if (r) return 'sum';
  return 'none';
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** The valid option closest to `value` (prefix and synonym aware). */
export function nearestOption(value: string, options: readonly string[]): string {
  const v = value.toLowerCase();
  const synonyms: Record<string, string> = { average: 'mean', avg: 'mean', elementwise_mean: 'mean', total: 'sum', sum_over_batch_size: 'mean', batch_mean: 'batchmean', null: 'none', no: 'none' };
  if (synonyms[v] && options.includes(synonyms[v])) return synonyms[v];
  let best = options[0];
  let bestD = Infinity;
  for (const o of options) {
    const d = editDistance(v, o);
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best;
}

/** Removes `arg` from its call with one neighbouring comma, leaving the rest as written. */
function deleteArg(s: Stmt, call: CallExpr, arg: Arg): LintEdit {
  const i = call.args.indexOf(arg);
  if (i > 0) {
    const prev = call.args[i - 1];
    return { ...spanBetween(s, tokenEnd(s, prev.t1 - 1), tokenEnd(s, arg.t1 - 1)), newText: '' };
  }
  if (call.args.length > 1) return { ...spanBetween(s, tokenStart(s, arg.t0), tokenStart(s, call.args[1].t0)), newText: '' };
  return replaceTokens(s, arg.t0, arg.t1, '');
}

/**
 * Removes `args` (not every argument of the call) with their commas; adjacent ones go as one run,
 * so that no two edits overlap.
 */
function deleteArgs(s: Stmt, call: CallExpr, args: readonly Arg[]): LintEdit[] {
  const at = args.map((a) => call.args.indexOf(a)).sort((a, b) => a - b);
  const edits: LintEdit[] = [];
  for (let k = 0; k < at.length; ) {
    let end = k;
    while (end + 1 < at.length && at[end + 1] === at[end] + 1) end++;
    const first = call.args[at[k]];
    const last = call.args[at[end]];
    const next = call.args[at[end] + 1];
    edits.push(
      next
        ? { ...spanBetween(s, tokenStart(s, first.t0), tokenStart(s, next.t0)), newText: '' }
        : { ...spanBetween(s, tokenEnd(s, call.args[at[k] - 1].t1 - 1), tokenEnd(s, last.t1 - 1)), newText: '' },
    );
    k = end + 1;
  }
  return edits;
}

/**
 * LA202's fix: `Loss(out, y)` → `Loss()(out, y)`. Keyword arguments are the constructor's options
 * (`ignore_index=0`, `from_logits=True`): they move into the new constructor call, since the
 * instance's call takes only the tensors.
 */
function createFirstEdits(prog: Program, s: Stmt, c: CallExpr): LintEdit[] {
  const options = c.args.filter((a) => a.name !== undefined);
  const ctor = `(${options.map((a) => prog.text(s, a.t0, a.t1)).join(', ')})`;
  return [insertAt(s, c.open, ctor, true), ...deleteArgs(s, c, options)];
}

function appendArg(s: Stmt, call: CallExpr, text: string): LintEdit {
  const last = call.args[call.args.length - 1];
  return last ? insertAt(s, last.t1 - 1, `, ${text}`) : insertAt(s, call.open, text);
}

/**
 * Constructor parameters of the torch and Keras loss classes (with the entry's own, see
 * namesParameter). Names that often name a tensor too (`p`, `m`, `q`, `classes`, `mode`) count only
 * for the classes that have them.
 */
const CONSTRUCTOR_PARAMS = new Set([
  'size_average', 'reduce', 'reduction', 'weight', 'pos_weight', 'ignore_index', 'label_smoothing', 'name', 'from_logits', 'axis',
  'margin', 'blank', 'zero_infinity', 'log_input', 'full', 'eps', 'epsilon', 'delta', 'alpha', 'gamma', 'beta', 'swap', 'log_target',
  'apply_class_balancing', 'ignore_class', 'distance_function', 'log_loss', 'class_weights',
]);

/**
 * Whether a positional argument of a loss class names one of the constructor's parameters (`size_average`,
 * `args.margin`, `tf.keras.losses.Reduction.NONE`, `ReductionV2.NONE`): a wrapper passing its own parameters through, not the tensors.
 */
function namesParameter(entry: LossEntry, e: Expr): boolean {
  const x = unwrap(e);
  if (x.k !== 'name' && x.k !== 'attr') return false;
  const name = lastName(x);
  if (!name) return false;
  if (x.k === 'attr' && (dotted(x) ?? '').includes('Reduction')) return true;
  return CONSTRUCTOR_PARAMS.has(name) || entry.params.some((p) => p.name === name);
}

const KL_SYMBOLS = new Set(['torch.nn.functional.kl_div', 'torch.nn.KLDivLoss']);

function checkLossCall(prog: Program, rep: Reporter, c: CallExpr, s: Stmt): void {
  const lc = lossCallee(prog, c);
  if (!lc) return;
  const torch = lc.symbol.startsWith('torch.');
  const keras = lc.symbol.startsWith('keras.');
  const fn = unwrap(c.fn);
  const sizeAverage = keyword(c, 'size_average');
  const reduce = keyword(c, 'reduce');
  const reduction = keyword(c, 'reduction');
  const reductionValue = reduction ? literalValue(prog, s, reduction.value) : undefined;

  // LA202: a class called with the tensors.
  if (lc.api.kind === 'class' && (torch || keras)) {
    const pos = c.args.filter((a) => a.name === undefined && !a.star);
    if (pos.length >= 2 && pos.length <= 3 && pos.slice(0, 2).every((a) => !isLiteral(prog, s, a.value)) && !c.args.some((a) => a.star) && !pos.some((a) => namesParameter(lc.entry, a.value))) {
      rep.add(
        'LA202',
        exprRange(s, fn),
        {
          en: `${lc.written} is a class: called with the tensors, they are taken as its constructor's parameters and no loss is computed. Create the loss, then call it: ${lc.written}()(…).`,
          zh: `${lc.written} 是一个类：直接传入张量时，它们被当作构造函数的参数，并不会计算损失。请先创建再调用：${lc.written}()(…)。`,
        },
        [{ title: { en: `Create the loss first: ${lc.written}()(…)`, zh: `先创建损失对象：${lc.written}()(…)` }, edits: createFirstEdits(prog, s, c) }],
        lc.entry.id,
      );
      return;
    }
  }

  if (!torch && !keras) return;

  // LA203: deprecated size_average / reduce / 'elementwise_mean'. torch maps them only when one is
  // not None: every one written as None is silent, and so is a name passed through next to
  // reduction= (a wrapper that mirrors torch's own signature, whose defaults are None).
  const sa = sizeAverage ? literalValue(prog, s, sizeAverage.value) : null;
  const r = reduce ? literalValue(prog, s, reduce.value) : null;
  const legacyInEffect = (sa !== null || r !== null) && !(reduction && (sa === null || sa === undefined) && (r === null || r === undefined));
  if (torch && (sizeAverage || reduce) && legacyInEffect) {
    const known = (v: unknown) => v === null || typeof v === 'boolean';
    const edits: LintEdit[] = [];
    let mapped: string | undefined;
    if (known(sa) && known(r)) {
      mapped = legacyReduction(sa as boolean | null, r as boolean | null);
      const legacy = [sizeAverage, reduce].filter((a): a is Arg => !!a).sort((a, b) => a.t0 - b.t0);
      const text = `reduction=${quoteLike(legacy[0].value, mapped)}`;
      if (reduction) {
        edits.push(replaceTokens(s, reduction.value.t0, reduction.value.t1, quoteLike(reduction.value, mapped)));
        edits.push(...deleteArgs(s, c, legacy));
      } else {
        edits.push(replaceTokens(s, legacy[0].t0, legacy[0].t1, text));
        for (const a of legacy.slice(1)) edits.push(deleteArg(s, c, a));
      }
    }
    const first = [sizeAverage, reduce].filter((a): a is Arg => !!a).sort((a, b) => a.t0 - b.t0)[0];
    const last = [sizeAverage, reduce].filter((a): a is Arg => !!a).sort((a, b) => b.t0 - a.t0)[0];
    rep.add(
      'LA203',
      tokenRange(s, first.t0, last.t1),
      mapped
        ? {
            en: `size_average and reduce are deprecated in ${lc.written}: these values mean reduction='${mapped}'.`,
            zh: `${lc.written} 的 size_average 与 reduce 已弃用：这些取值等价于 reduction='${mapped}'。`,
          }
        : {
            en: `size_average and reduce are deprecated in ${lc.written}: use reduction= ('mean', 'sum' or 'none').`,
            zh: `${lc.written} 的 size_average 与 reduce 已弃用：请使用 reduction=（'mean'、'sum' 或 'none'）。`,
          },
      [{ title: { en: `Use reduction='${mapped}'`, zh: `改用 reduction='${mapped}'` }, edits }],
      lc.entry.id,
    );
    return;
  }
  if (torch && reduction && reductionValue === 'elementwise_mean') {
    rep.add(
      'LA203',
      exprRange(s, reduction.value),
      { en: `reduction='elementwise_mean' is deprecated in ${lc.written}: it means 'mean'.`, zh: `${lc.written} 的 reduction='elementwise_mean' 已弃用：它等价于 'mean'。` },
      [{ title: { en: "Use reduction='mean'", zh: "改用 reduction='mean'" }, edits: [replaceTokens(s, reduction.value.t0, reduction.value.t1, quoteLike(reduction.value, 'mean'))] }],
      lc.entry.id,
    );
    return;
  }

  // LA201: kl_div with reduction='mean', explicit or default.
  if (KL_SYMBOLS.has(lc.symbol)) {
    // Anything given by position after the tensors is size_average, reduce or reduction (KLDivLoss(False)
    // means reduction='sum'; F.kl_div(a, b, False, False) means 'none'): the reduction is not known to be 'mean'.
    const positionalOptions = c.args.filter((a) => !a.name).length > (lc.symbol === 'torch.nn.KLDivLoss' ? 0 : 2);
    if (!positionalOptions && !c.args.some((a) => a.star) && (reduction ? reductionValue === 'mean' : true)) {
      const edit = reduction ? replaceTokens(s, reduction.value.t0, reduction.value.t1, quoteLike(reduction.value, 'batchmean')) : appendArg(s, c, "reduction='batchmean'");
      rep.add(
        'LA201',
        reduction ? exprRange(s, reduction.value) : exprRange(s, fn),
        {
          en: `${lc.written} with reduction='mean'${reduction ? '' : ' (the default)'} divides by the number of elements, not the batch size: the value is not the KL divergence. Use reduction='batchmean' (the value is then multiplied by the number of classes).`,
          zh: `${lc.written} 使用 reduction='mean'${reduction ? '' : '（默认值）'}时除以的是元素个数而不是批大小：得到的不是 KL 散度。请改用 reduction='batchmean'（数值会乘以类别数）。`,
        },
        [{ title: { en: "Use reduction='batchmean'", zh: "改用 reduction='batchmean'" }, edits: [edit] }],
        lc.entry.id,
      );
    }
  }

  // LA204: invalid literal values.
  if (torch && reduction && typeof reductionValue === 'string') {
    const spec = lc.entry.params.find((p) => p.name === 'reduction');
    const options = spec?.options && spec.options.includes('mean') && spec.options.includes('none') ? spec.options : ['none', 'mean', 'sum'];
    if (!options.includes(reductionValue)) {
      const near = nearestOption(reductionValue, options);
      rep.add(
        'LA204',
        exprRange(s, reduction.value),
        {
          en: `${lc.written} has no reduction '${reductionValue}' (torch raises ValueError at the first call): use one of ${options.map((o) => `'${o}'`).join(', ')}.`,
          zh: `${lc.written} 没有 reduction '${reductionValue}'（torch 在第一次调用时抛出 ValueError）：请使用 ${options.map((o) => `'${o}'`).join('、')} 之一。`,
        },
        [{ title: { en: `Use '${near}'`, zh: `改用 '${near}'` }, edits: [replaceTokens(s, reduction.value.t0, reduction.value.t1, quoteLike(reduction.value, near))] }],
        lc.entry.id,
      );
    }
  }
  const numeric: { name: string; ok: (v: number) => boolean; fix: (v: number) => string; rule: { en: string; zh: string } }[] = [
    { name: 'label_smoothing', ok: (v) => v >= 0 && v <= 1, fix: (v) => (v < 0 ? '0.0' : '1.0'), rule: { en: 'must be in [0, 1]', zh: '必须在 [0, 1] 内' } },
  ];
  if (torch && /huber/.test(lc.symbol.toLowerCase())) numeric.push({ name: 'delta', ok: (v) => v > 0, fix: () => '1.0', rule: { en: 'must be > 0', zh: '必须 > 0' } });
  if (torch && /smooth_?l1/.test(lc.symbol.toLowerCase())) numeric.push({ name: 'beta', ok: (v) => v >= 0, fix: () => '0.0', rule: { en: 'must be ≥ 0', zh: '必须 ≥ 0' } });
  for (const n of numeric) {
    const a = keyword(c, n.name);
    if (!a || !lc.entry.params.some((p) => p.name === n.name)) continue;
    const v = literalValue(prog, s, a.value);
    if (typeof v !== 'number' || n.ok(v)) continue;
    const silently = torch && n.name === 'label_smoothing' && v < 0;
    rep.add(
      'LA204',
      exprRange(s, a.value),
      {
        en: `${lc.written}: ${n.name}=${v} ${n.rule.en}${silently ? ' (torch accepts a negative value silently and applies no smoothing at all)' : torch ? ' (torch raises at the first call)' : ''}.`,
        zh: `${lc.written}：${n.name}=${v} ${n.rule.zh}${silently ? '（torch 会静默接受负值，并且完全不做平滑）' : torch ? '（torch 在第一次调用时报错）' : ''}。`,
      },
      [{ title: { en: `Use ${n.name}=${n.fix(v)}`, zh: `改用 ${n.name}=${n.fix(v)}` }, edits: [replaceTokens(s, a.value.t0, a.value.t1, n.fix(v))] }],
      lc.entry.id,
    );
  }
}

/** Runs the parameter rules over every call of the program. */
export function checkParams(prog: Program, rep: Reporter): void {
  // lossCallee looks only at calls named like a catalog API.
  for (const { call, stmt } of prog.callsNamed(lossBareNames())) checkLossCall(prog, rep, call, stmt);
}
