/**
 * The model-head rules: LA106 a Keras loss whose from_logits does not match the
 * output layer's activation (Sequential lists, `model.add(...)`, functional
 * `Model(inputs, outputs)`; string losses included), LA107 a softmax over a
 * single unit (Keras `Dense(1, activation='softmax')`, a `Dense(1)` or torch
 * `nn.Linear(…, 1)` followed by a softmax layer over the last axis), LA108
 * binary cross-entropy on a softmax multi-class head. The model and its
 * `compile` must be in the same scope of one file or notebook, or the model
 * built by a function of the file (`model = build_model()`, every return the
 * same head) or a subclass of `keras.Model` in the file (the layer its `call`
 * returns, or a TF or Keras activation function applied to the output:
 * `return tf.nn.softmax(x)`). Pure: no `vscode`.
 */
import { ACT_FUNCTIONS, sameActivationFromEvery } from './activations';
import { argument, dotted, keyword, lastName, quoteLike, unwrap, type Arg, type Expr } from './expr';
import { lastSegment, type Binding, type CallExpr, type Program, type Stmt } from './program';
import { exprRange, insertAt, replaceTokens, type LintEdit, type Reporter } from './report';
import { literalValue } from './param-rules';

type HeadAct = 'softmax' | 'sigmoid' | 'linear';

interface Layer {
  stmt: Stmt;
  call: CallExpr;
  /** The output activation; undefined when the layer is not one the lint understands. */
  act?: HeadAct;
  /** Units when they are a literal number (written, or a name bound to one). */
  units?: number;
  /** True for `Dense`, whose output is its units. */
  dense: boolean;
  /** The activation argument, when written. */
  actArg?: Arg;
  /** An activation function applied to the last layer's output (`tf.nn.softmax(x)`), as written: the call is that function's. */
  applied?: string;
}

const DENSE = new Set(['keras.layers.Dense']);

function activationName(prog: Program, s: Stmt, e: Expr | undefined): HeadAct | 'other' | undefined {
  if (!e) return 'linear';
  const v = literalValue(prog, s, e);
  if (v === null) return 'linear';
  if (typeof v === 'string') return v === 'softmax' || v === 'sigmoid' || v === 'linear' ? v : 'other';
  const q = prog.qualify(e);
  if (q === 'keras.activations.softmax' || q === 'tf.nn.softmax') return 'softmax';
  if (q === 'keras.activations.sigmoid' || q === 'tf.nn.sigmoid' || q === 'tf.sigmoid') return 'sigmoid';
  if (q === 'keras.activations.linear') return 'linear';
  return undefined;
}

/** A literal number, or a name bound to one (`NUM_CLASSES = 2`) by the binding that reaches `s`. */
function numberValue(prog: Program, s: Stmt, e: Expr): number | undefined {
  const v = literalValue(prog, s, e);
  if (typeof v === 'number') return v;
  const x = unwrap(e);
  if (x.k !== 'name') return undefined;
  const b = prog.reaching(x.name, s);
  const bound = b?.value && literalValue(prog, b.stmt, b.value);
  return typeof bound === 'number' ? bound : undefined;
}

/**
 * The activation a layer call writes: `activation=` or its positional place. Left out, it is
 * linear, unless the call has `*args` or `**kwargs` (`Dense(10, **head_kwargs)`), which may hold it.
 */
function writtenActivation(prog: Program, s: Stmt, call: CallExpr, pos: number): { act?: HeadAct; actArg?: Arg } {
  const actArg = argument(call, pos, ['activation']);
  if (!actArg && call.args.some((a) => a.star)) return {};
  const act = activationName(prog, s, actArg?.value);
  return { act: act === 'other' ? undefined : act, actArg };
}

/** A Layer with every field written, in one order (one shape for every layer). */
function layer(stmt: Stmt, call: CallExpr, dense: boolean, written: { act?: HeadAct; actArg?: Arg }, units?: number, applied?: string): Layer {
  return { stmt, call, act: written.act, units, dense, actArg: written.actArg, applied };
}

/**
 * A layer the lint does not read (a model such as a pretrained base, a layer bound to a name, a call
 * of the user's own function): no activation is known, so it is never a head, and a head after it
 * does not take its units. `call` is where it is added, for a range only.
 */
function unknownLayer(stmt: Stmt, call: CallExpr): Layer {
  return layer(stmt, call, false, {});
}

/** What a layer constructor call makes of its input. */
function layerOf(prog: Program, s: Stmt, call: CallExpr): Layer | undefined {
  const q = prog.qualify(call.fn);
  if (!q) return undefined;
  if (DENSE.has(q)) {
    const u = argument(call, 0, ['units']);
    return layer(s, call, true, writtenActivation(prog, s, call, 1), u ? numberValue(prog, s, u.value) : undefined);
  }
  if (q === 'keras.layers.Activation') return layer(s, call, false, writtenActivation(prog, s, call, 0));
  if (q === 'keras.layers.Softmax') return layer(s, call, false, { act: 'softmax' });
  return layer(s, call, false, {});
}

/**
 * Whether statement `s` runs whenever `until` (after it) does, as far as blocks tell: no statement
 * after it, up to `until` itself, is in a shallower block (`if x:\n    m.add(…)\nm.compile(…)`,
 * or an `else:` between the two, makes it a maybe).
 */
function onPathTo(prog: Program, s: Stmt, until: Stmt): boolean {
  for (let k = s.index + 1; k <= until.index; k++) if (prog.stmts[k].indent < s.indent) return false;
  return true;
}

/**
 * The layers of `keras.Sequential([...])`, or of `m = Sequential()` then `m.add(...)`, as they are at
 * `until`. A layer added off the path to `until` (in a branch, a loop) may or may not be there: the
 * list then restarts after it, so only the layers certainly added last are known.
 */
function sequentialLayers(prog: Program, key: string, ctor: CallExpr, ctorStmt: Stmt, until: Stmt): Layer[] | undefined {
  const list = argument(ctor, 0, ['layers'])?.value;
  const layers: Layer[] = [];
  if (list) {
    const l = unwrap(list);
    if (l.k !== 'group' || l.bracket !== '[') return undefined;
    for (const item of l.items) {
      const x = unwrap(item);
      // A model or layer the lint does not read (`Sequential([base_model, Dense(10, activation='softmax')])`):
      // its activation is unknown, but the head is still the last layer.
      layers.push((x.k === 'call' ? layerOf(prog, ctorStmt, x) : undefined) ?? unknownLayer(ctorStmt, ctor));
    }
  }
  // A module-level model used in a function (`model(x)` in `train_step`): an `.add` anywhere makes the head unknown.
  const crossScope = until.scope !== ctorStmt.scope;
  for (const s of statementsAfter(prog, key, ctorStmt, until)) {
    for (const e of s.p.exprs) {
      const x = modelMethodCall(e, key, 'add');
      if (x) {
        if (crossScope) return undefined;
        if (!onPathTo(prog, s, until)) {
          layers.length = 0;
          continue;
        }
        const arg = x.args[0] && unwrap(x.args[0].value);
        if (!arg) return undefined;
        // `model.add(conv_base)`, `model.add(block(64))`: a layer of unknown activation (the head is the last one added).
        layers.push((arg.k === 'call' ? layerOf(prog, s, arg) : undefined) ?? unknownLayer(s, x));
      }
    }
    if (changesModel(prog, s, key)) return undefined;
  }
  return layers;
}

/**
 * The statements of `built`'s scope after it that name the model `key` (a statement that adds to,
 * rebuilds or pops it has the model's last name as a token): up to `until`, or to the end when the
 * model is used in another scope (a function, which may run after any statement of the model's).
 */
function statementsAfter(prog: Program, key: string, built: Stmt, until: Stmt): Stmt[] {
  const keyName = lastSegment(key);
  const end = until.scope !== built.scope ? prog.stmts.length : until.index;
  const out: Stmt[] = [];
  for (let k = built.index + 1; k < end; k++) {
    const s = prog.stmts[k];
    if (s.scope === built.scope && prog.mentionsName(s, keyName)) out.push(s);
  }
  return out;
}

/** `e` when it is a call of the model's method `method` (`model.add(…)`, `model.pop()`). */
function modelMethodCall(e: Expr, key: string, method: string): CallExpr | undefined {
  const x = unwrap(e);
  return x.k === 'call' && x.fn.k === 'attr' && x.fn.name === method && dotted(x.fn.obj) === key ? x : undefined;
}

/**
 * Whether statement `s` rebuilds the model `key`, pops a layer or changes its layers
 * (`model.layers[-1].activation = None`, `model[0] = …`).
 */
function changesModel(prog: Program, s: Stmt, key: string): boolean {
  if (s.p.targets.some((t) => dotted(t) === key || changesLayers(prog.text(s, t.t0, t.t1), key))) return true;
  return s.p.exprs.some((e) => modelMethodCall(e, key, 'pop'));
}

/** Whether the model `key`, built at `built` by a call, may have changed before `until`: a layer added or popped, its layers changed, or it rebuilt. */
function changedAfterBuilt(prog: Program, key: string, built: Stmt, until: Stmt): boolean {
  return statementsAfter(prog, key, built, until).some((s) => changesModel(prog, s, key) || s.p.exprs.some((e) => modelMethodCall(e, key, 'add')));
}

/** Whether an assignment target's text reaches into the model's layers: `model.layers[-1].activation`, `model[0]`. */
function changesLayers(target: string, key: string): boolean {
  return target.startsWith(`${key}.layers`) || target.startsWith(`${key}[`);
}

interface Head {
  act: HeadAct;
  /** The layer that sets the activation. */
  layer: Layer;
  /** Output units when a literal number (from the Dense the activation follows). */
  units?: number;
}

function headOf(layers: readonly Layer[]): Head | undefined {
  const last = layers[layers.length - 1];
  if (!last || !last.act) return undefined;
  if (last.dense) return { act: last.act, layer: last, units: last.units };
  const prev = layers[layers.length - 2];
  return { act: last.act, layer: last, units: prev?.dense ? prev.units : undefined };
}

/**
 * The head of the model bound to `key` at `at` (by `binding` when the caller has found it: a
 * module-level model used in a function). A parameter (`def fit(model, x, y): model.compile(…)`) is
 * the model every call of the function passes (Program.objectBinding), read under its own name.
 */
function modelHead(prog: Program, key: string, at: Stmt, binding?: Binding, depth = 0): Head | undefined {
  let b = binding ?? prog.reaching(key, at);
  if (b && b.how === 'param') b = prog.objectBindingOf(key, at);
  if (!b || !b.value) return undefined;
  return builtHead(prog, b.key, b.value, b.stmt, at, depth);
}

/**
 * The head of the model that `value` (at `stmt`, bound to `key`, or '' for a value returned as it is
 * built) builds, as it is at `until`: a Sequential, a functional Model, or a call of a function of
 * the file that builds one (`model = build_model()`: every return gives the same activation).
 */
function builtHead(prog: Program, key: string, value: Expr, stmt: Stmt, until: Stmt, depth: number): Head | undefined {
  const v = unwrap(value);
  if (v.k !== 'call') return undefined;
  const q = prog.qualify(v.fn);
  if (q === undefined) return depth < 2 ? (factoryHead(prog, key, v, stmt, until, depth) ?? subclassHead(prog, key, v, stmt, until)) : undefined;
  if (q === 'keras.Sequential') {
    const layers = sequentialLayers(prog, key, v, stmt, until);
    return layers && headOf(layers);
  }
  if (q === 'keras.Model') {
    const out = argument(v, 1, ['outputs']);
    const o = out && unwrap(out.value);
    if (!o) return undefined;
    let applied: Expr | undefined = o;
    let at = stmt;
    if (o.k === 'name') {
      const ob = prog.reaching(o.name, stmt);
      if (!ob || !ob.value) return undefined;
      applied = unwrap(ob.value);
      at = ob.stmt;
    }
    // `layers.Dense(10, activation='softmax')(x)`: a layer applied to a tensor; or an activation
    // function applied to one (`keras.activations.softmax(x)`).
    if (!applied || applied.k !== 'call') return undefined;
    const fnHead = appliedActivationHead(prog, applied, at, 1);
    if (fnHead) return fnHead;
    const ctor = unwrap(applied.fn);
    if (ctor.k !== 'call') return undefined;
    const layer = layerOf(prog, at, ctor);
    return layer && headOf([layer]);
  }
  return undefined;
}

/**
 * `model = Net()` where `Net` is the file's subclass of `keras.Model`: the head every return of its
 * `call` applies, when each is a layer the class holds (`return self.d2(x)`, or a name bound to it)
 * and they agree, and the model is not changed after it is built.
 */
function subclassHead(prog: Program, key: string, call: CallExpr, stmt: Stmt, until: Stmt): Head | undefined {
  const fn = unwrap(call.fn);
  if (fn.k !== 'name') return undefined;
  const header = prog.fileClass(fn.name, stmt);
  if (!header || !subclassesKerasModel(prog, header)) return undefined;
  const scope = prog.methodScope(fn.name, 'call');
  if (scope === undefined) return undefined;
  if (key && changedAfterBuilt(prog, key, stmt, until)) return undefined;
  return sameActivationFromEvery(prog.returnsIn(scope), (r) => (r.p.value ? appliedLayerHead(prog, unwrap(r.p.value), r, 0) : undefined));
}

/** Whether a class statement's bases name `keras.Model` (`class Net(keras.Model):`, `Model` imported from Keras). */
function subclassesKerasModel(prog: Program, header: Stmt): boolean {
  if (!header.isOp(2, '(')) return false;
  for (let i = 3; i < header.length; i++) {
    if (header.kind(i) !== 'name' || header.isOp(i - 1, '.')) continue;
    let d = header.text(i)!;
    let k = i;
    while (header.isOp(k + 1, '.') && header.kind(k + 2) === 'name') {
      d += `.${header.text(k + 2)!}`;
      k += 2;
    }
    // `metaclass=…` and other keywords are not bases.
    if (!header.isOp(k + 1, '=') && prog.qualifyDotted(d) === 'keras.Model') return true;
    i = k;
  }
  return false;
}

/**
 * The head of a layer the class holds applied to a tensor (`self.d2(x)`), of an activation function
 * applied to a tensor (`tf.nn.softmax(x)`: see appliedActivationHead), or of a name in `call` bound
 * to either (one name is followed: `depth` 1 after it).
 */
function appliedLayerHead(prog: Program, e: Expr, at: Stmt, depth: number): Head | undefined {
  if (e.k === 'name' && depth === 0) {
    const b = prog.reaching(e.name, at);
    if (b) return b.value ? appliedLayerHead(prog, unwrap(b.value), b.stmt, 1) : undefined;
    // No one binding certainly reaches: every one that may (branches) must give the same activation.
    const all = prog.reachingAll(e.name, at);
    return all && all.length > 1 ? sameActivationFromEvery(all, (x) => (x.how === 'assign' && x.value ? appliedLayerHead(prog, unwrap(x.value), x.stmt, 1) : undefined)) : undefined;
  }
  if (e.k !== 'call') return undefined;
  const fnHead = appliedActivationHead(prog, e, at, depth);
  if (fnHead) return fnHead;
  const f = unwrap(e.fn);
  if (f.k !== 'attr' || f.obj.k !== 'name' || f.obj.name !== 'self') return undefined;
  const b = prog.objectBinding(f, at);
  const v = b?.value && unwrap(b.value);
  if (!b || !v || v.k !== 'call') return undefined;
  const layer = layerOf(prog, b.stmt, v);
  return layer && headOf([layer]);
}

/**
 * A Keras or TF activation function applied to a tensor (`tf.nn.softmax(x)`,
 * `keras.activations.sigmoid(x)`, `keras.ops.softmax(x)`): the model's output is then that
 * activation's, whatever the tensor was. Its units are those of the Dense layer it is applied to,
 * when that is known (`tf.nn.softmax(self.d2(x))`). Torch's functions and log_softmax are not heads.
 */
function appliedActivationHead(prog: Program, e: CallExpr, at: Stmt, depth: number): Head | undefined {
  const written = dotted(unwrap(e.fn));
  const f = written === undefined ? undefined : ACT_FUNCTIONS[prog.qualify(e.fn) ?? ''];
  if (!f || f.torch || f.act === 'log_softmax') return undefined;
  const input = argument(e, 0, f.input)?.value;
  const inner = input && unwrap(input);
  const under = inner && (inner.k === 'call' || inner.k === 'name') ? appliedLayerHead(prog, inner, at, depth) : undefined;
  return { act: f.act, layer: layer(at, e, false, { act: f.act }, undefined, written), units: under?.layer.dense ? under.units : undefined };
}

/**
 * `model = build_model()`: the head every return of the file's function `build_model` builds (the
 * same activation from each, or unknown), when the model is not changed after the call.
 */
function factoryHead(prog: Program, key: string, call: CallExpr, stmt: Stmt, until: Stmt, depth: number): Head | undefined {
  const fn = unwrap(call.fn);
  if (fn.k !== 'name') return undefined;
  const scope = prog.fileFunctionScope(fn.name, stmt);
  if (scope === undefined) return undefined;
  if (key && changedAfterBuilt(prog, key, stmt, until)) return undefined;
  return sameActivationFromEvery(prog.returnsIn(scope), (r) => {
    const rv = r.p.value && unwrap(r.p.value);
    if (!rv) return undefined;
    return rv.k === 'name' ? modelHead(prog, rv.name, r, undefined, depth + 1) : builtHead(prog, '', rv, r, r, depth + 1);
  });
}

/**
 * The activation of a Keras model's output layer, for a model called by name (`model(x)` in a
 * custom training loop), and the layer that sets it; undefined when the head is linear or unknown.
 */
export function kerasModelActivation(prog: Program, fn: Expr, at: Stmt, binding: Binding): { act: 'softmax' | 'sigmoid'; stmt: Stmt; call: CallExpr } | undefined {
  const x = unwrap(fn);
  if (x.k !== 'name') return undefined;
  const head = modelHead(prog, x.name, at, binding);
  if (!head || head.act === 'linear') return undefined;
  return { act: head.act, stmt: head.layer.stmt, call: head.layer.call };
}

type Family = 'categorical' | 'sparse' | 'binary';

interface LossInfo {
  family: Family;
  /** from_logits as given (false when absent: the default, and every string loss). */
  fromLogits: boolean;
  /** The from_logits argument, when written. */
  fromArg?: Arg;
  stmt: Stmt;
  expr: Expr;
  form: 'string' | 'class' | 'function';
  call?: CallExpr;
}

const STRING_LOSSES: Readonly<Record<string, Family>> = {
  categorical_crossentropy: 'categorical',
  sparse_categorical_crossentropy: 'sparse',
  binary_crossentropy: 'binary',
  categorical_focal_crossentropy: 'categorical',
  binary_focal_crossentropy: 'binary',
};
const CLASS_LOSSES: Readonly<Record<string, Family>> = {
  'keras.losses.CategoricalCrossentropy': 'categorical',
  'keras.losses.SparseCategoricalCrossentropy': 'sparse',
  'keras.losses.BinaryCrossentropy': 'binary',
  'keras.losses.CategoricalFocalCrossentropy': 'categorical',
  'keras.losses.BinaryFocalCrossentropy': 'binary',
};
/**
 * The focal classes, whose from_logits comes after other parameters (BinaryFocalCrossentropy:
 * apply_class_balancing, alpha, gamma, or gamma alone before TF 2.10; CategoricalFocalCrossentropy:
 * alpha, gamma): from_logits is read by keyword only, and is unknown when more positional arguments
 * than the number here (those certainly before it) are given.
 */
const FOCAL_FROM_LOGITS_AFTER: Readonly<Record<string, number>> = {
  'keras.losses.BinaryFocalCrossentropy': 1,
  'keras.losses.CategoricalFocalCrossentropy': 2,
};
/** BinaryCrossentropy's keyword arguments that SparseCategoricalCrossentropy takes with the same meaning. */
const SPARSE_KEEPS = new Set(['from_logits', 'reduction', 'name']);
const FUNCTION_LOSSES: Readonly<Record<string, Family>> = {
  'keras.losses.categorical_crossentropy': 'categorical',
  'keras.losses.sparse_categorical_crossentropy': 'sparse',
  'keras.losses.binary_crossentropy': 'binary',
  'keras.metrics.categorical_crossentropy': 'categorical',
  'keras.metrics.sparse_categorical_crossentropy': 'sparse',
  'keras.metrics.binary_crossentropy': 'binary',
};

function lossInfo(prog: Program, s: Stmt, e: Expr, depth = 0): LossInfo | undefined {
  const x = unwrap(e);
  const v = literalValue(prog, s, x);
  if (typeof v === 'string') {
    const family = STRING_LOSSES[v];
    return family && { family, fromLogits: false, stmt: s, expr: x, form: 'string' };
  }
  if (x.k === 'call') {
    const q = prog.qualify(x.fn);
    const family = q ? CLASS_LOSSES[q] : undefined;
    if (!family) return undefined;
    const focal = FOCAL_FROM_LOGITS_AFTER[q ?? ''];
    const fromArg = focal === undefined ? argument(x, 0, ['from_logits']) : keyword(x, 'from_logits');
    // Not written by name or in its place: the default, unless `*args`/`**kwargs` or later positionals may hold it.
    if (!fromArg && (x.args.some((a) => a.star) || (focal !== undefined && x.args.filter((a) => a.name === undefined).length > focal))) return undefined;
    const fl = fromArg ? literalValue(prog, s, fromArg.value) : false;
    if (typeof fl !== 'boolean') return undefined;
    return { family, fromLogits: fl, fromArg, stmt: s, expr: x, form: 'class', call: x };
  }
  const q = prog.qualify(x);
  if (q && FUNCTION_LOSSES[q]) return { family: FUNCTION_LOSSES[q], fromLogits: false, stmt: s, expr: x, form: 'function' };
  if (x.k === 'name' && depth < 3) {
    const b = prog.reaching(x.name, s);
    if (b && b.value) return lossInfo(prog, b.stmt, b.value, depth + 1);
  }
  return undefined;
}

/** How this file reaches `keras.losses` (`keras.losses`, `tf.keras.losses`, `losses`), or undefined. */
function lossesPrefix(prog: Program): string | undefined {
  for (const [local, mod] of prog.imports.names) {
    if (mod === 'keras.losses' || mod === 'tensorflow.keras.losses') return `${local}.`;
  }
  for (const [local, mod] of prog.imports.names) {
    if (mod === 'keras' || mod === 'tensorflow.keras') return `${local}.losses.`;
  }
  for (const [local, mod] of prog.imports.names) if (mod === 'tensorflow') return `${local}.keras.losses.`;
  return undefined;
}

const CLASS_FOR: Readonly<Record<string, string>> = {
  categorical_crossentropy: 'CategoricalCrossentropy',
  sparse_categorical_crossentropy: 'SparseCategoricalCrossentropy',
  binary_crossentropy: 'BinaryCrossentropy',
  categorical_focal_crossentropy: 'CategoricalFocalCrossentropy',
  binary_focal_crossentropy: 'BinaryFocalCrossentropy',
};

function setFromLogits(prog: Program, loss: LossInfo, value: boolean): LintEdit[] {
  const py = value ? 'True' : 'False';
  if (loss.form === 'class' && loss.call) {
    if (loss.fromArg) return [replaceTokens(loss.stmt, loss.fromArg.value.t0, loss.fromArg.value.t1, py)];
    const last = loss.call.args[loss.call.args.length - 1];
    return [last ? insertAt(loss.stmt, last.t1 - 1, `, from_logits=${py}`) : insertAt(loss.stmt, loss.call.open, `from_logits=${py}`)];
  }
  if (loss.form === 'string') {
    const prefix = lossesPrefix(prog);
    const name = literalValue(prog, loss.stmt, loss.expr) as string;
    if (!prefix || !CLASS_FOR[name]) return [];
    return [replaceTokens(loss.stmt, loss.expr.t0, loss.expr.t1, `${prefix}${CLASS_FOR[name]}(from_logits=${py})`)];
  }
  return [];
}

function checkCompile(prog: Program, rep: Reporter, c: CallExpr, s: Stmt): void {
  if (c.fn.k !== 'attr' || c.fn.name !== 'compile') return;
  const key = dotted(c.fn.obj);
  if (!key) return;
  const lossArg = argument(c, 1, ['loss']);
  if (!lossArg) return;
  const loss = lossInfo(prog, s, lossArg.value);
  if (!loss) return;
  const head = modelHead(prog, key, s);
  if (!head) return;
  // The layer's own line (a `Sequential([` list spans several), with its cell when the compile is in another.
  const layerLine = head.layer.stmt.tok(head.layer.call.t0).line + 1;
  const where = head.layer.stmt.cell === s.cell ? `${layerLine}` : `${layerLine}, cell ${head.layer.stmt.cell + 1}`;
  const whereZh = head.layer.stmt.cell === s.cell ? `第 ${layerLine} 行` : `第 ${head.layer.stmt.cell + 1} 个单元格第 ${layerLine} 行`;
  const lossText = prog.text(loss.stmt, loss.expr.t0, loss.expr.t1);
  // What sets the activation: the output layer, or a function applied to its output (`tf.nn.softmax(x)`).
  const output = head.layer.applied
    ? { en: `the model's output (${head.layer.applied}, line ${where})`, zh: `模型的输出（${head.layer.applied}，${whereZh}）` }
    : { en: `the output layer (line ${where})`, zh: `输出层（${whereZh}）` };
  // The activation the loss applies to logits: softmax for the categorical losses, sigmoid for the binary.
  const lossAct = loss.family === 'binary' ? 'sigmoid' : 'softmax';
  if (loss.fromLogits && (head.act === 'softmax' || head.act === 'sigmoid')) {
    rep.add(
      'LA106',
      exprRange(loss.stmt, loss.fromArg!.value),
      {
        en: `from_logits=True, but ${output.en} already applies ${head.act}: the loss applies ${lossAct} on top of it. Set from_logits=False, or remove the activation.`,
        zh: `from_logits=True，但${output.zh}已经应用了 ${head.act}：损失函数还会再应用 ${lossAct}。请设 from_logits=False，或去掉该激活函数。`,
      },
      [{ title: { en: 'Set from_logits=False', zh: '设 from_logits=False' }, edits: setFromLogits(prog, loss, false) }],
    );
    return;
  }
  if (!loss.fromLogits && head.act === 'linear' && head.layer.dense) {
    rep.add(
      'LA106',
      exprRange(loss.stmt, loss.expr),
      {
        en: `The output layer (line ${where}) has no activation, so the model outputs logits, but ${lossText} expects probabilities (from_logits=False${loss.form === 'string' ? ' for every string loss' : ''}). Use the loss with from_logits=True, or add the activation.`,
        zh: `输出层（${whereZh}）没有激活函数，模型输出的是 logits，但 ${lossText} 需要概率（from_logits=False${loss.form === 'string' ? '，字符串形式的损失都是如此' : ''}）。请使用 from_logits=True 的损失，或加上激活函数。`,
      },
      [{ title: { en: 'Set from_logits=True', zh: '设 from_logits=True' }, edits: setFromLogits(prog, loss, true) }],
    );
    return;
  }
  // Units not known as a number (`Dense(n_classes, …)`) may be 2, where the pair is equivalent to categorical.
  if (loss.family === 'binary' && head.act === 'softmax' && head.units !== undefined && head.units !== 1 && head.units !== 2) {
    const edits = (name: string): LintEdit[] => {
      if (loss.form === 'string') return [replaceTokens(loss.stmt, loss.expr.t0, loss.expr.t1, quoteLike(loss.expr, name))];
      if (loss.form === 'class' && loss.call) {
        const fn = unwrap(loss.call.fn);
        // SparseCategoricalCrossentropy has no label_smoothing or axis (its second parameter is
        // ignore_class): renamed only when what the call passes keeps its meaning there.
        const fits = name !== 'sparse_categorical_crossentropy' || loss.call.args.every((a, i) => (a.name === undefined ? i === 0 && !a.star : SPARSE_KEEPS.has(a.name)));
        if (fn.k === 'attr' && fn.name === 'BinaryCrossentropy' && fits) return [replaceTokens(loss.stmt, fn.nameToken, fn.nameToken + 1, CLASS_FOR[name])];
      }
      return [];
    };
    rep.add(
      'LA108',
      exprRange(loss.stmt, loss.expr),
      {
        en: `${lossText} treats each of the softmax head's outputs (line ${where}) as a separate yes/no problem: the loss does not fit a multi-class task and 'accuracy' becomes binary accuracy, which looks high. Use categorical_crossentropy (one-hot labels) or sparse_categorical_crossentropy (class indices).`,
        zh: `${lossText} 把 softmax 输出层（${whereZh}）的每个输出当作独立的二分类问题：损失与多类任务不符，'accuracy' 也变成看起来很高的二元准确率。请使用 categorical_crossentropy（独热标签）或 sparse_categorical_crossentropy（类别索引）。`,
      },
      [
        { title: { en: 'Use categorical_crossentropy (one-hot labels)', zh: '改用 categorical_crossentropy（独热标签）' }, edits: edits('categorical_crossentropy'), preferred: false },
        { title: { en: 'Use sparse_categorical_crossentropy (class indices)', zh: '改用 sparse_categorical_crossentropy（类别索引）' }, edits: edits('sparse_categorical_crossentropy'), preferred: false },
      ],
    );
  }
}

/** LA107 on one layer list (a Sequential's, in order) or a single layer call. */
function checkSingleUnitSoftmax(prog: Program, rep: Reporter, c: CallExpr, s: Stmt): void {
  const name = lastName(c.fn);
  if (name !== 'Dense' && name !== 'Sequential') return;
  const q = prog.qualify(c.fn);
  if (!q) return;
  const msg = {
    en: 'Softmax over a single unit is always 1.0: the model predicts the same class for every input and gets no gradient. Use sigmoid with binary cross-entropy.',
    zh: '对单个单元做 softmax 恒为 1.0：模型对每个输入都预测同一类，且得不到梯度。请改用 sigmoid 与二元交叉熵。',
  };
  const title = { en: 'Use sigmoid', zh: '改用 sigmoid' };
  if (DENSE.has(q)) {
    const layer = layerOf(prog, s, c);
    if (layer && layer.units === 1 && layer.act === 'softmax' && layer.actArg) {
      const v = literalValue(prog, s, layer.actArg.value);
      const edits = typeof v === 'string' ? [replaceTokens(s, layer.actArg.value.t0, layer.actArg.value.t1, quoteLike(layer.actArg.value, 'sigmoid'))] : [];
      rep.add('LA107', exprRange(s, layer.actArg.value), msg, [{ title, edits }]);
    }
    return;
  }
  // A list of layers: Keras Sequential or torch nn.Sequential.
  if (q !== 'keras.Sequential' && q !== 'torch.nn.Sequential') return;
  const items: Expr[] = q === 'torch.nn.Sequential' ? c.args.filter((a) => !a.name).map((a) => a.value) : listItems(c);
  for (let k = 1; k < items.length; k++) {
    const prev = unwrap(items[k - 1]);
    const cur = unwrap(items[k]);
    if (prev.k !== 'call' || cur.k !== 'call') continue;
    const pq = prog.qualify(prev.fn);
    const cq = prog.qualify(cur.fn);
    let oneUnit = false;
    if (pq === 'torch.nn.Linear') {
      const out = argument(prev, 1, ['out_features']);
      oneUnit = !!out && literalValue(prog, s, out.value) === 1;
    } else if (pq === 'keras.layers.Dense') {
      const l = layerOf(prog, s, prev);
      oneUnit = !!l && l.units === 1 && l.act === 'linear';
    }
    if (!oneUnit) continue;
    // Over the last axis only is the softmax certainly over the single unit: with dim=1 or axis=1
    // on a (batch, steps, 1) output it runs over the steps (attention pooling), which is right.
    if (!overLastAxis(prog, s, cur, cq)) continue;
    if (cq === 'torch.nn.Softmax') {
      const fn = unwrap(cur.fn);
      const edits = fn.k === 'attr' ? [replaceTokens(s, fn.nameToken, cur.t1, 'Sigmoid()')] : [];
      rep.add('LA107', exprRange(s, cur), msg, [{ title, edits }]);
    } else if (cq === 'keras.layers.Softmax' || (cq === 'keras.layers.Activation' && layerOf(prog, s, cur)?.act === 'softmax')) {
      const a = argument(cur, 0, ['activation']);
      const edits = a && typeof literalValue(prog, s, a.value) === 'string' ? [replaceTokens(s, a.value.t0, a.value.t1, quoteLike(a.value, 'sigmoid'))] : [];
      rep.add('LA107', exprRange(s, cur), msg, [{ title, edits }]);
    }
  }
}

/**
 * Whether a softmax layer runs over the last axis: torch `nn.Softmax(dim=-1)` (its implicit dim
 * depends on the input's rank), Keras `Softmax()` (axis=-1 by default) or `Softmax(axis=-1)`, and
 * `Activation('softmax')`.
 */
function overLastAxis(prog: Program, s: Stmt, layer: CallExpr, q: string | undefined): boolean {
  if (layer.args.some((a) => a.star)) return false;
  if (q === 'torch.nn.Softmax') {
    const dim = argument(layer, 0, ['dim']);
    return !!dim && literalValue(prog, s, dim.value) === -1;
  }
  if (q === 'keras.layers.Softmax') {
    const axis = argument(layer, 0, ['axis']);
    return !axis || literalValue(prog, s, axis.value) === -1;
  }
  return true;
}

function listItems(c: CallExpr): Expr[] {
  const a = c.args[0] && !c.args[0].name ? unwrap(c.args[0].value) : keyword(c, 'layers') && unwrap(keyword(c, 'layers')!.value);
  return a && a.k === 'group' && a.bracket === '[' ? a.items : [];
}

const KERAS_ENTRY_NAMES = ['compile', 'Dense', 'Sequential'];

/** Runs the model-head rules. */
export function checkKeras(prog: Program, rep: Reporter): void {
  // checkCompile and checkSingleUnitSoftmax look only at calls named so.
  for (const { call, stmt } of prog.callsNamed(KERAS_ENTRY_NAMES)) {
    checkCompile(prog, rep, call, stmt);
    checkSingleUnitSoftmax(prog, rep, call, stmt);
  }
}
