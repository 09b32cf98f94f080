/**
 * The data-flow rules: an activation's output reaching the prediction argument
 * of a loss that expects something else (LA101 softmax → cross-entropy, LA102
 * sigmoid → with-logits, LA103 softmax → NLL, LA104 kl_div input / log-space
 * target, LA105 softmax → CTC, LA109 sigmoid → BCE, LA205 a torch softmax
 * without dim feeding a loss). Losses are found as functions, as inline
 * instances (`nn.CrossEntropyLoss()(p, y)`), as criterion objects or loss
 * functions bound to a name or `self.x` (`loss_fn = F.cross_entropy`), and
 * through loss wrappers, functions of the file that hand
 * a parameter to a loss (./wrappers.ts). The target argument is never flagged for its activation
 * (soft labels made with softmax are legal). Pure: no `vscode`.
 */
import type { Localized } from '../../losses/types';
import { argument, dotted, keyword, lastName, parameterPosition, positional, unwrap, type Arg, type Expr } from './expr';
import { lastSegment, PASS_METHODS, withoutPassMethods, type CallExpr, type Program, type Stmt } from './program';
import { exprRange, insertAt, replaceTokens, type LintEdit, type Reporter } from './report';
import type { LintCode } from './rules';
import { originOf, type Origin } from './values';
import { lossWrappers, wrappedArgument, type LossWrapper } from './wrappers';

type LossKind = 'ce' | 'bce-logits' | 'nll' | 'kl' | 'ctc' | 'bce';

interface Sink {
  loss: LossKind;
  pred: { pos: number; names: readonly string[] };
  target: { pos: number; names: readonly string[] };
  torch: boolean;
  /** A Keras loss: it applies the activation itself only when given `from_logits=True` (by keyword). */
  fromLogits?: true;
}

const TORCH_IO = { pred: { pos: 0, names: ['input'] }, target: { pos: 1, names: ['target'] }, torch: true } as const;
const TF2 = { pred: { pos: 1, names: ['logits'] }, target: { pos: 0, names: ['labels'] }, torch: false } as const;
const TF1 = { pred: { pos: 2, names: ['logits'] }, target: { pos: 1, names: ['labels'] }, torch: false } as const;
const OPTAX = { pred: { pos: 0, names: ['logits'] }, target: { pos: 1, names: ['labels'] }, torch: false } as const;
/** Keras losses, called as `loss_fn(y_true, y_pred)` in custom training loops. */
const KERAS_LOGITS = { pred: { pos: 1, names: ['y_pred'] }, target: { pos: 0, names: ['y_true'] }, torch: false, fromLogits: true } as const;

const SINK_FUNCTIONS: Readonly<Record<string, Sink>> = {
  'torch.nn.functional.cross_entropy': { loss: 'ce', ...TORCH_IO },
  'torch.nn.functional.binary_cross_entropy_with_logits': { loss: 'bce-logits', ...TORCH_IO },
  'torch.nn.functional.nll_loss': { loss: 'nll', ...TORCH_IO },
  'torch.nn.functional.kl_div': { loss: 'kl', ...TORCH_IO },
  'torch.nn.functional.ctc_loss': { loss: 'ctc', pred: { pos: 0, names: ['log_probs'] }, target: { pos: 1, names: ['targets'] }, torch: true },
  'torch.nn.functional.binary_cross_entropy': { loss: 'bce', ...TORCH_IO },
  'torchvision.ops.sigmoid_focal_loss': { loss: 'bce-logits', pred: { pos: 0, names: ['inputs'] }, target: { pos: 1, names: ['targets'] }, torch: true },
  'torchvision.ops.focal_loss.sigmoid_focal_loss': { loss: 'bce-logits', pred: { pos: 0, names: ['inputs'] }, target: { pos: 1, names: ['targets'] }, torch: true },
  'tf.nn.softmax_cross_entropy_with_logits': { loss: 'ce', ...TF2 },
  'tf.nn.softmax_cross_entropy_with_logits_v2': { loss: 'ce', ...TF2 },
  'tf.nn.sparse_softmax_cross_entropy_with_logits': { loss: 'ce', ...TF2 },
  'tf.nn.sigmoid_cross_entropy_with_logits': { loss: 'bce-logits', ...TF2 },
  'tf.nn.weighted_cross_entropy_with_logits': { loss: 'bce-logits', ...TF2 },
  'tf.compat.v1.nn.softmax_cross_entropy_with_logits': { loss: 'ce', ...TF1 },
  'tf.compat.v1.nn.softmax_cross_entropy_with_logits_v2': { loss: 'ce', ...TF2 },
  'tf.compat.v1.nn.sparse_softmax_cross_entropy_with_logits': { loss: 'ce', ...TF1 },
  'tf.compat.v1.nn.sigmoid_cross_entropy_with_logits': { loss: 'bce-logits', ...TF1 },
  // TF 1's tf.losses.* (the shared canonical path spells tf.losses as keras.losses, TF 2's alias; Keras has no such names).
  'keras.losses.softmax_cross_entropy': { loss: 'ce', ...TF2 },
  'keras.losses.sparse_softmax_cross_entropy': { loss: 'ce', ...TF2 },
  'keras.losses.sigmoid_cross_entropy': { loss: 'bce-logits', ...TF2 },
  'tf.compat.v1.losses.softmax_cross_entropy': { loss: 'ce', ...TF2 },
  'tf.compat.v1.losses.sparse_softmax_cross_entropy': { loss: 'ce', ...TF2 },
  'tf.compat.v1.losses.sigmoid_cross_entropy': { loss: 'bce-logits', ...TF2 },
  'optax.softmax_cross_entropy': { loss: 'ce', ...OPTAX },
  'optax.softmax_cross_entropy_with_integer_labels': { loss: 'ce', ...OPTAX },
  'optax.safe_softmax_cross_entropy': { loss: 'ce', ...OPTAX },
  'optax.sigmoid_binary_cross_entropy': { loss: 'bce-logits', ...OPTAX },
  'optax.sigmoid_focal_loss': { loss: 'bce-logits', ...OPTAX },
  'keras.losses.categorical_crossentropy': { loss: 'ce', ...KERAS_LOGITS },
  'keras.losses.sparse_categorical_crossentropy': { loss: 'ce', ...KERAS_LOGITS },
  'keras.losses.categorical_focal_crossentropy': { loss: 'ce', ...KERAS_LOGITS },
  'keras.losses.binary_crossentropy': { loss: 'bce-logits', ...KERAS_LOGITS },
  'keras.losses.binary_focal_crossentropy': { loss: 'bce-logits', ...KERAS_LOGITS },
};

const SINK_CLASSES: Readonly<Record<string, Sink>> = {
  'torch.nn.CrossEntropyLoss': { loss: 'ce', ...TORCH_IO },
  'torch.nn.BCEWithLogitsLoss': { loss: 'bce-logits', ...TORCH_IO },
  'torch.nn.NLLLoss': { loss: 'nll', ...TORCH_IO },
  'torch.nn.NLLLoss2d': { loss: 'nll', ...TORCH_IO },
  'torch.nn.KLDivLoss': { loss: 'kl', ...TORCH_IO },
  'torch.nn.CTCLoss': { loss: 'ctc', pred: { pos: 0, names: ['log_probs'] }, target: { pos: 1, names: ['targets'] }, torch: true },
  'torch.nn.BCELoss': { loss: 'bce', ...TORCH_IO },
  'keras.losses.CategoricalCrossentropy': { loss: 'ce', ...KERAS_LOGITS },
  'keras.losses.SparseCategoricalCrossentropy': { loss: 'ce', ...KERAS_LOGITS },
  'keras.losses.CategoricalFocalCrossentropy': { loss: 'ce', ...KERAS_LOGITS },
  'keras.losses.BinaryCrossentropy': { loss: 'bce-logits', ...KERAS_LOGITS },
  'keras.losses.BinaryFocalCrossentropy': { loss: 'bce-logits', ...KERAS_LOGITS },
};

/**
 * The sink as found, or undefined when it is a Keras loss not given `from_logits=True` (by keyword,
 * on the call of a function or the constructor of an object): only then does it apply the
 * activation itself. Its name in messages then says so.
 */
function applies(found: FoundSink, holder: CallExpr): FoundSink | undefined {
  if (!found.sink.fromLogits) return found;
  const v = keyword(holder, 'from_logits');
  const x = v && unwrap(v.value);
  if (!x || x.k !== 'name' || x.name !== 'True') return undefined;
  return foundSink(found.sink, `${found.written} (from_logits=True)`, found.ctor, found.fnName, found.instanceKey, found.through);
}

interface FoundSink {
  sink: Sink;
  /** The loss as written at the call (`F.cross_entropy`, `criterion`, `self.loss_fn`). */
  written: string;
  /** The constructor of an instance, and where it is. */
  ctor?: { stmt: Stmt; call: CallExpr };
  /** The callee's last name token, for renaming the function (functional form). */
  fnName?: { stmt: Stmt; index: number };
  /** The name or `self.x` a criterion object is called through. */
  instanceKey?: string;
  /** For a call of a loss wrapper (`written` is then the wrapper's name): the loss it passes the prediction to, and where that call is. */
  through?: { written: string; at: Localized };
}

/** A FoundSink with every field written, in one order (one shape for the rules that read them). */
function foundSink(sink: Sink, written: string, ctor?: FoundSink['ctor'], fnName?: FoundSink['fnName'], instanceKey?: string, through?: FoundSink['through']): FoundSink {
  return { sink, written, ctor, fnName, instanceKey, through };
}

/** How a message names the loss: as written, or for a wrapper the wrapper and the loss it calls. */
function lossNamed(found: FoundSink): Localized {
  const { written, through } = found;
  if (!through) return { en: written, zh: written };
  return {
    en: `${written} (which passes it to ${through.written} on ${through.at.en})`,
    zh: `${written}（${through.at.zh}把它传给 ${through.written}）`,
  };
}

function stripPass(e: CallExpr): CallExpr {
  let v: CallExpr = e;
  for (;;) {
    const fn = unwrap(v.fn);
    if (fn.k === 'attr' && PASS_METHODS.has(fn.name)) {
      const o = unwrap(fn.obj);
      if (o.k === 'call') {
        v = o;
        continue;
      }
    }
    return v;
  }
}

function sinkOf(prog: Program, c: CallExpr, s: Stmt, criteria: Set<string>): FoundSink | undefined {
  const fn = unwrap(c.fn);
  const name = lastName(fn);
  // Cheap filters first: a loss function's name, an inline constructor, or a known criterion.
  if (fn.k === 'call') {
    if (!SINK_CLASS_NAMES.has(lastName(stripPass(fn).fn) ?? '')) return undefined;
  } else if (name === undefined || (!SINK_FUNCTION_NAMES.has(name) && !criteria.has(dotted(fn) ?? ''))) return undefined;
  const q = prog.qualify(fn);
  if (q !== undefined) {
    const sink = SINK_FUNCTIONS[q];
    if (sink) return applies(foundSink(sink, prog.text(s, fn.t0, fn.t1), undefined, fn.k === 'attr' ? { stmt: s, index: fn.nameToken } : undefined), c);
    return undefined;
  }
  if (fn.k === 'call') {
    const ctor = stripPass(fn);
    const cq = prog.qualify(ctor.fn);
    const sink = cq ? SINK_CLASSES[cq] : undefined;
    return sink && applies(foundSink(sink, prog.text(s, ctor.fn.t0, ctor.fn.t1), { stmt: s, call: ctor }), ctor);
  }
  if (dotted(fn) === undefined) return undefined;
  const b = prog.objectBinding(fn, s);
  if (!b || !b.value) return undefined;
  const v = unwrap(b.value);
  // A loss function kept under another name (`loss_fn = F.cross_entropy`): called as that function.
  if (v.k === 'name' || v.k === 'attr') {
    const alias = SINK_FUNCTIONS[prog.qualify(v) ?? ''];
    return alias && applies(foundSink(alias, `${prog.text(s, fn.t0, fn.t1)} (= ${prog.text(b.stmt, v.t0, v.t1)})`), c);
  }
  if (v.k !== 'call') return undefined;
  const ctor = stripPass(v);
  const cq = prog.qualify(ctor.fn);
  const sink = cq ? SINK_CLASSES[cq] : undefined;
  return sink && applies(foundSink(sink, prog.text(s, fn.t0, fn.t1), { stmt: b.stmt, call: ctor }, undefined, dotted(fn)), ctor);
}

const ACT_TEXT: Readonly<Record<string, string>> = { softmax: 'softmax', log_softmax: 'log_softmax', sigmoid: 'sigmoid' };

/** Where the activation was applied, for the message: "(line 12)" when through a variable. */
function where(o: Origin, use: Stmt): Localized {
  if (!o.via) return { en: '', zh: '' };
  // The line of the activation itself (a `nn.Sequential(` list spans several).
  const line = o.stmt.tok(o.call.t0).line + 1;
  // Several bindings that all give the activation (branches): the nearest is named, and the others said.
  const others = o.merged ? { en: ' and the other bindings that may reach it', zh: '及其他可能到达此处的赋值' } : { en: '', zh: '' };
  // In a module of the project: its line there (a module is one file).
  if (o.module !== undefined) return { en: ` (from line ${line} of module ${o.module}${others.en})`, zh: `（来自模块 ${o.module} 第 ${line} 行${others.zh}）` };
  const place = linePlace(line, o.stmt.cell, use.cell);
  return { en: ` (from ${place.en}${others.en})`, zh: `（来自${place.zh}${others.zh}）` };
}

/** "line 12", or in a notebook "line 12 of cell 3" for a line of another cell than the use's (cells counted from 1, as shown). */
function linePlace(line: number, cell: number, useCell: number): Localized {
  return cell === useCell ? { en: `line ${line}`, zh: `第 ${line} 行` } : { en: `line ${line} of cell ${cell + 1}`, zh: `第 ${cell + 1} 个单元格第 ${line} 行` };
}

/** "Pass the pre-activation tensor": replaces the activation call (direct) or the variable (through one). */
function removeActivationEdits(prog: Program, o: Origin, predArg: Arg, s: Stmt): LintEdit[] {
  // Several activations may reach the loss (`merged`): removing one would leave the others. In
  // another module (`module`): an edit of this file cannot remove it.
  if (!o.input || o.merged || o.module !== undefined) return [];
  if (!o.via) {
    if (o.stmt !== s) return [];
    // An input that is not one term (`a + b`) keeps its parentheses: the call may be followed by `.view(…)`.
    const input = prog.text(s, o.input.t0, o.input.t1);
    return [replaceTokens(s, o.call.t0, o.call.t1, unwrap(o.input).k === 'other' ? `(${input})` : input)];
  }
  // Through a variable: only when the variable is the whole argument, it holds exactly the
  // activation's output, and the input is a plain name that still has the same value here.
  const arg = unwrap(predArg.value);
  if (arg.k !== 'name' || !o.via.value || unwrap(o.via.value) !== o.call) return [];
  const inKey = dotted(unwrap(o.input));
  if (!inKey) return [];
  const b1 = prog.reaching(inKey, o.stmt);
  const b2 = prog.reaching(inKey, s);
  if (b1 !== b2) return [];
  return [replaceTokens(s, arg.t0, arg.t1, prog.text(o.stmt, o.input.t0, o.input.t1))];
}

/** `softmax` → `log_softmax` (`Softmax` → `LogSoftmax`) where the activation is named. */
function toLogSoftmaxEdits(prog: Program, o: Origin): LintEdit[] {
  // Several softmax calls may reach the loss (`merged`): renaming one would leave the others; one in another module is not this file's.
  if (!o.nameToken || o.logOf || o.merged || o.module !== undefined) return [];
  const { stmt, index } = o.nameToken;
  // A bare imported `softmax(x)` would need another import: no fix.
  if (!stmt.isOp(index - 1, '.')) return [];
  void prog;
  const name = stmt.text(index);
  if (name === 'softmax') return [replaceTokens(stmt, index, index + 1, 'log_softmax')];
  if (name === 'Softmax') return [replaceTokens(stmt, index, index + 1, 'LogSoftmax')];
  return [];
}

/** Adds `dim=…` to the call that applies (or builds) the activation. */
function addDimEdits(o: Origin, dim: string): LintEdit[] {
  const { stmt, call } = o.dimCall;
  if (call.args.length === 0) return [insertAt(stmt, call.open, `dim=${dim}`)];
  const last = call.args[call.args.length - 1];
  return [insertAt(stmt, last.t1 - 1, `, dim=${dim}`)];
}

const SINK_FUNCTION_NAMES = new Set(Object.keys(SINK_FUNCTIONS).map(lastSegment));
const SINK_CLASS_NAMES = new Set(Object.keys(SINK_CLASSES).map(lastSegment));
const SINK_NAMES = [...SINK_FUNCTION_NAMES, ...SINK_CLASS_NAMES];

/**
 * Names and `self.x` keys ever assigned a loss-class constructor (`criterion = nn.NLLLoss()`) or a loss
 * function itself (`loss_fn = F.cross_entropy`): the only criteria worth looking up.
 */
function criterionKeys(prog: Program): Set<string> {
  const keys = new Set<string>();
  // A loss function kept under another name: the statement names it without calling it.
  for (const s of prog.statementsNaming(SINK_FUNCTION_NAMES, true)) {
    if (s.p.kind !== 'assign' || !s.p.value) continue;
    const v = unwrap(s.p.value);
    if ((v.k !== 'name' && v.k !== 'attr') || !SINK_FUNCTION_NAMES.has(v.name)) continue;
    for (const t of s.p.targets) {
      const k = dotted(t);
      if (k) keys.add(k);
    }
  }
  // Such an assignment calls the class by its name (`nn.CrossEntropyLoss(…)`).
  for (const s of prog.statementsCalling(SINK_CLASS_NAMES)) {
    if (s.p.kind !== 'assign' || !s.p.value) continue;
    const v = withoutPassMethods(s.p.value);
    if (v.k !== 'call' || !SINK_CLASS_NAMES.has(lastName(v.fn) ?? '')) continue;
    for (const t of s.p.targets) {
      const k = dotted(t);
      if (k) keys.add(k);
    }
  }
  criterionParameters(prog, keys);
  return keys;
}

/**
 * The name or `self.x` that statement `s` keeps a criterion under, when it is `name = key` or
 * `self.x = key` with `key` (a name or a dotted name) in `keys`; read from its tokens, unparsed.
 */
function keptUnderName(s: Stmt, keys: ReadonlySet<string>): string | undefined {
  let target: string | undefined;
  let at: number;
  if (s.kind(0) === 'name' && s.isOp(1, '=')) {
    target = s.text(0);
    at = 2;
  } else if (s.isName(0, 'self') && s.isOp(1, '.') && s.kind(2) === 'name' && s.isOp(3, '=')) {
    target = `self.${s.text(2)}`;
    at = 4;
  } else return undefined;
  // The value: a name, then `.name` parts, to the statement's end or to a value-keeping method's call (`.to(device)`).
  if (s.kind(at) !== 'name') return undefined;
  let value = s.text(at)!;
  for (let i = at + 1; i < s.length; i += 2) {
    if (!s.isOp(i, '.') || s.kind(i + 1) !== 'name') return undefined;
    if (s.isOp(i + 2, '(')) {
      if (!PASS_METHODS.has(s.text(i + 1)!)) return undefined;
      break;
    }
    value += `.${s.text(i + 1)}`;
  }
  return keys.has(value) ? target : undefined;
}

/** A criterion as an argument: a name or `self.x` bound to one (`keys`), or a loss class's constructor written out. */
function isCriterionArgument(e: Expr, keys: ReadonlySet<string>): boolean {
  const v = withoutPassMethods(e);
  if (v.k === 'call') return SINK_CLASS_NAMES.has(lastName(v.fn) ?? '');
  const k = dotted(v);
  return k !== undefined && keys.has(k);
}

/**
 * Adds to `keys` the parameters of the file's functions, and of its classes' `__init__`, that a call
 * hands a criterion to, under whatever name (`def train(model, loss_fn, loader)` … `train(net, criterion,
 * loader)`, `train(net, nn.NLLLoss(), loader)`, `Trainer(model, criterion)`), and the names a criterion is
 * kept under (`self.criterion = criterion`): sinkOf then asks objectBinding about `loss_fn(…)` or
 * `self.criterion(…)`, which follows the argument (Program.argumentBinding: every call must agree).
 * Twice, for a criterion handed on once more.
 */
function criterionParameters(prog: Program, keys: Set<string>): void {
  for (let round = 0; round < 2; round++) {
    const before = keys.size;
    const names = [...keys].map(lastSegment);
    const stmts = new Set([...prog.statementsNaming(names, true), ...prog.statementsCalling(SINK_CLASS_NAMES)]);
    for (const s of stmts) {
      // `self.criterion = criterion`, `loss_fn = criterion`: the name it is kept under is one too.
      const kept = keptUnderName(s, keys);
      if (kept !== undefined) keys.add(kept);
      // Only a statement that calls a function or class of the file can hand it one (checked on its tokens first).
      if (!prog.callsFileFunctionOrClass(s)) continue;
      for (const c of s.calls) {
        const f = unwrap(c.fn);
        if (f.k !== 'name' || !c.args.some((a) => isCriterionArgument(a.value, keys))) continue;
        // A function of the file, or a class of the file built with it (its `__init__`, after `self`).
        const callee = prog.fileCallee(f.name, s);
        if (!callee || callee.header.p.kind !== 'def') continue;
        const { header, shift } = callee;
        const params = header.p.params ?? [];
        let pos = 0;
        for (const a of c.args) {
          if (a.star) break;
          const at = a.name === undefined ? shift + pos++ : undefined;
          if (!isCriterionArgument(a.value, keys)) continue;
          const param = a.name ?? params.find((p) => parameterPosition(header, p) === at);
          if (param !== undefined && parameterPosition(header, param) !== null) keys.add(param);
        }
      }
    }
    if (keys.size === before) return;
  }
}

/** A loss call in a function, with its prediction argument: a loss wrapper when that is a parameter (see ./wrappers.ts). */
type InFunction = { call: CallExpr; stmt: Stmt; sink: FoundSink; pred: Arg };

function checkCall(prog: Program, rep: Reporter, c: CallExpr, s: Stmt, criteria: Set<string>, inFunctions: InFunction[]): void {
  const found = sinkOf(prog, c, s, criteria);
  if (!found) return;
  const { sink, written } = found;
  const predArg = argument(c, sink.pred.pos, sink.pred.names);
  const targetArg = argument(c, sink.target.pos, sink.target.names);
  if (predArg && predArg !== targetArg) {
    if (s.scope !== 0) inFunctions.push({ call: c, stmt: s, sink: found, pred: predArg });
    const o = originOf(prog, predArg.value, s);
    if (o) predRules(prog, rep, s, found, predArg, o);
  }
  if (sink.loss === 'kl' && targetArg) {
    const o = originOf(prog, targetArg.value, s);
    // log_target by keyword or by position (F.kl_div's sixth parameter, KLDivLoss's fourth); unknown through `*`/`**`.
    const holderCall = found.ctor?.call ?? c;
    const logTarget = keyword(c, 'log_target') ?? keyword(holderCall, 'log_target') ?? positional(holderCall, found.ctor ? 3 : 5);
    const unknown = c.args.some((a) => a.star) || holderCall.args.some((a) => a.star);
    const lt = logTarget && unwrap(logTarget.value);
    const isFalse = !lt || (lt.k === 'name' && lt.name === 'False');
    if (o && o.act === 'log_softmax' && isFalse && !unknown) {
      const holder = found.ctor ?? { stmt: s, call: c };
      const last = holder.call.args[holder.call.args.length - 1];
      const edit = logTarget
        ? replaceTokens(holder.stmt, logTarget.value.t0, logTarget.value.t1, 'True')
        : last
          ? insertAt(holder.stmt, last.t1 - 1, ', log_target=True')
          : insertAt(holder.stmt, holder.call.open, 'log_target=True');
      rep.add(
        'LA104',
        exprRange(s, targetArg.value),
        {
          en: `${written}: the target is log-probabilities (log_softmax${where(o, s).en}) but log_target is not True, so it is read as probabilities. Add log_target=True.`,
          zh: `${written}：目标是对数概率（log_softmax${where(o, s).zh}），但 log_target 不是 True，会被当作概率读取。请加上 log_target=True。`,
        },
        // A criterion called elsewhere too may get probabilities there: its constructor is not changed for this call.
        [{ title: { en: 'Add log_target=True', zh: '加上 log_target=True' }, edits: ctorEditable(prog, found) ? [edit] : [] }],
      );
    }
  }
}

function predRules(prog: Program, rep: Reporter, s: Stmt, found: FoundSink, predArg: Arg, o: Origin): void {
  const { sink } = found;
  const named = lossNamed(found);
  const range = exprRange(s, predArg.value);
  const act = ACT_TEXT[o.act];
  const w = where(o, s);
  const code = ((): LintCode | undefined => {
    if (o.act === 'softmax' && sink.loss === 'ce') return 'LA101';
    if (o.act === 'sigmoid' && sink.loss === 'bce-logits') return 'LA102';
    if (o.act === 'softmax' && sink.loss === 'nll') return 'LA103';
    if ((o.act === 'softmax' || o.act === 'sigmoid') && sink.loss === 'kl') return 'LA104';
    if (o.act === 'softmax' && sink.loss === 'ctc') return 'LA105';
    if (o.act === 'sigmoid' && sink.loss === 'bce') return 'LA109';
    return undefined;
  })();
  switch (code) {
    case 'LA101':
      rep.add(
        code,
        range,
        {
          en: `${named.en} applies softmax itself, and this prediction is already a softmax output${w.en}: softmax is applied twice and the loss is wrong, with no error. Pass the logits (the tensor before softmax).`,
          zh: `${named.zh} 自带 softmax，而这个预测值已经是 softmax 的输出${w.zh}：softmax 被应用了两次，损失值错误且不会报错。请传入 logits（softmax 之前的张量）。`,
        },
        [{ title: { en: 'Pass the logits (remove the softmax)', zh: '传入 logits（去掉 softmax）' }, edits: removeActivationEdits(prog, o, predArg, s) }],
      );
      break;
    case 'LA102':
      rep.add(
        code,
        range,
        {
          en: `${named.en} applies a sigmoid itself, and this prediction is already a sigmoid output${w.en}: the sigmoid is applied twice (predictions stuck in [0.5, 0.73]). Pass the logits.`,
          zh: `${named.zh} 自带 sigmoid，而这个预测值已经是 sigmoid 的输出${w.zh}：sigmoid 被应用了两次（预测值被限制在 [0.5, 0.73]）。请传入 logits。`,
        },
        [{ title: { en: 'Pass the logits (remove the sigmoid)', zh: '传入 logits（去掉 sigmoid）' }, edits: removeActivationEdits(prog, o, predArg, s) }],
      );
      break;
    case 'LA103':
      rep.add(
        code,
        range,
        {
          en: `${named.en} expects log-probabilities, but this is a softmax output (probabilities)${w.en}: the loss becomes −p[target], negative and wrong. Use log_softmax, or cross-entropy on the logits.`,
          zh: `${named.zh} 需要对数概率，但这里是 softmax 的输出（概率）${w.zh}：损失变成 −p[target]，为负且错误。请改用 log_softmax，或对 logits 使用交叉熵。`,
        },
        [{ title: { en: 'Use log_softmax', zh: '改用 log_softmax' }, edits: toLogSoftmaxEdits(prog, o) }],
      );
      break;
    case 'LA104':
      rep.add(
        code,
        range,
        {
          en: `${named.en} expects its input as log-probabilities, but this is a ${act} output (probabilities)${w.en}: the divergence is wrong and can be negative. Use log_softmax for the input.`,
          zh: `${named.zh} 的输入应为对数概率，但这里是 ${act} 的输出（概率）${w.zh}：散度错误，还可能为负。输入请改用 log_softmax。`,
        },
        o.act === 'softmax' ? [{ title: { en: 'Use log_softmax', zh: '改用 log_softmax' }, edits: toLogSoftmaxEdits(prog, o) }] : [],
      );
      break;
    case 'LA105':
      rep.add(
        code,
        range,
        {
          en: `${named.en} expects log-probabilities (log_softmax over the class axis), but this is a softmax output${w.en}: the value and gradients are meaningless. Use log_softmax.`,
          zh: `${named.zh} 需要对数概率（在类别维上做 log_softmax），但这里是 softmax 的输出${w.zh}：数值和梯度都没有意义。请改用 log_softmax。`,
        },
        [{ title: { en: 'Use log_softmax', zh: '改用 log_softmax' }, edits: toLogSoftmaxEdits(prog, o) }],
      );
      break;
    case 'LA109': {
      const edits = withLogitsEdits(prog, found, o, predArg, s);
      rep.add(
        code,
        range,
        {
          en: `${named.en} on a sigmoid output${w.en} is numerically unstable (log clamped at −100, zero gradients for large logits) and an error under CUDA autocast. Use the with-logits form on the logits.`,
          zh: `对 sigmoid 的输出${w.zh}使用 ${named.zh} 数值不稳定（log 被截断在 −100，大 logits 时梯度为零），在 CUDA autocast 下会报错。请对 logits 使用 with-logits 形式。`,
        },
        [{ title: { en: 'Use the with-logits form', zh: '改用 with-logits 形式' }, edits }],
      );
      break;
    }
    default:
  }
  // (A softmax in another module of the project is not reported here: the place to fix it is in that file.)
  if (sink.torch && o.torch && !o.hasDim && o.module === undefined && (o.act === 'softmax' || o.act === 'log_softmax')) {
    // The call that lacks dim (for a module, its constructor), wherever it is: where the fix adds it.
    const at = exprRange(o.dimCall.stmt, o.dimCall.call);
    // `torch.log(F.softmax(x))` is read as a log_softmax, but the call without dim is the softmax.
    const fnName = o.logOf ? 'softmax' : o.act;
    rep.add(
      'LA205',
      at,
      {
        en: `${fnName} without dim feeds ${named.en}: torch picks the axis from the number of dimensions (and warns, or raises for torch.softmax / x.softmax), which is wrong for 3-D inputs. Give dim= (the class axis).`,
        zh: `没有 dim 的 ${fnName} 被传给了 ${named.zh}：torch 会按维数选轴（并警告；torch.softmax / x.softmax 则直接报错），3 维输入时轴是错的。请指定 dim=（类别维）。`,
      },
      // The class axis: 1 for (N, C, …) predictions; CTC's log_probs are (T, N, C), so the last.
      [
        { title: { en: 'Add dim=1', zh: '加上 dim=1' }, edits: addDimEdits(o, '1'), preferred: sink.loss !== 'ctc' },
        { title: { en: 'Add dim=-1', zh: '加上 dim=-1' }, edits: addDimEdits(o, '-1'), preferred: sink.loss === 'ctc' },
      ],
    );
  }
}

/** LA109's fix: `binary_cross_entropy` → `…_with_logits` (or `BCELoss` → `BCEWithLogitsLoss`) and the sigmoid removed. */
function withLogitsEdits(prog: Program, found: FoundSink, o: Origin, predArg: Arg, s: Stmt): LintEdit[] {
  const remove = removeActivationEdits(prog, o, predArg, s);
  if (!remove.length) return [];
  if (found.fnName) {
    const { stmt, index } = found.fnName;
    if (stmt.text(index) !== 'binary_cross_entropy') return [];
    return [replaceTokens(stmt, index, index + 1, 'binary_cross_entropy_with_logits'), ...remove];
  }
  if (found.ctor) {
    const fn = unwrap(found.ctor.call.fn);
    if (fn.k !== 'attr' || fn.name !== 'BCELoss') return [];
    // A criterion object used elsewhere (with probabilities) must not change.
    if (!ctorEditable(prog, found)) return [];
    return [replaceTokens(found.ctor.stmt, fn.nameToken, fn.nameToken + 1, 'BCEWithLogitsLoss'), ...remove];
  }
  return [];
}

/**
 * Whether a fix may change the criterion's constructor: a criterion object called elsewhere too
 * (maybe with the right values there), or assigned more than once (`self.loss = nn.BCELoss().cuda()`
 * in one branch, `nn.BCELoss()` in the other: an edit of one would leave the other), must not change.
 */
function ctorEditable(prog: Program, found: FoundSink): boolean {
  if (found.instanceKey === undefined) return true;
  return prog.callsTo(found.instanceKey) <= 1 && (!found.ctor || prog.attributeAssignments(found.instanceKey, found.ctor.stmt) <= 1);
}

/** Runs the data-flow rules over every call of the program. */
export function checkFlow(prog: Program, rep: Reporter): void {
  const criteria = criterionKeys(prog);
  // sinkOf looks only at calls named like a loss function or class, or like a criterion.
  const names = [...SINK_NAMES];
  for (const key of criteria) names.push(lastSegment(key));
  const inFunctions: InFunction[] = [];
  for (const { call, stmt } of prog.callsNamed(names)) checkCall(prog, rep, call, stmt, criteria, inFunctions);
  checkWrapperCalls(prog, rep, lossWrappers(prog, inFunctions));
}

/**
 * The prediction rules on calls of the file's loss wrappers (`compute_loss(F.softmax(out, 1), y)`):
 * the argument for the parameter the wrapper hands to its loss. Its fixes edit only the caller's
 * side (the wrapper may be called with the right values elsewhere); the with-logits fix of LA109,
 * which would change the wrapper's loss, is not offered.
 */
function checkWrapperCalls(prog: Program, rep: Reporter, wrappers: ReadonlyMap<string, LossWrapper<FoundSink>[]>): void {
  if (!wrappers.size) return;
  for (const { call, stmt } of prog.callsNamed(wrappers.keys())) {
    const fn = unwrap(call.fn);
    if (fn.k !== 'name' && fn.k !== 'attr') continue;
    for (const w of wrappers.get(fn.name) ?? []) {
      const arg = wrappedArgument(prog, w, call, stmt);
      const o = arg && originOf(prog, arg.value, stmt);
      if (!arg || !o) continue;
      const through = { written: w.sink.written, at: linePlace(w.stmt.tok(w.call.t0).line + 1, w.stmt.cell, stmt.cell) };
      predRules(prog, rep, stmt, foundSink(w.sink.sink, prog.text(stmt, fn.t0, fn.t1), undefined, undefined, undefined, through), arg, o);
    }
  }
}
