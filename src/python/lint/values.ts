/**
 * Follows a value back to the activation that made it: a softmax, log_softmax
 * or sigmoid written as a function (`F.softmax(x, 1)`, `torch.sigmoid`,
 * `tf.nn.softmax`, `jax.nn.softmax`, `keras.activations.softmax`), a tensor
 * method (`x.softmax(dim=1)`), a module (`nn.Softmax(dim=1)(x)`, or a module
 * bound to a name or `self.x`), directly or through local variables with no
 * reassignment between, and through value-keeping methods (`.to(dev)`,
 * `.transpose(0, 1)`). Pure: no `vscode`.
 */
import { ACT_FUNCTIONS, ACT_MODULES, sameActivationFromEvery, type ActFunction, type Activation } from './activations';
import { argument, dotted, positional, unwrap, type Expr } from './expr';
import { kerasModelActivation } from './keras-rules';
import { PASS_METHODS, withoutPassMethods, type Binding, type CallExpr, type Program, type Stmt } from './program';
import { outputLayer } from './sequential-layers';
import { replacedHeadLayer, torchvisionHeadSlot } from './torchvision-heads';

export interface Origin {
  act: Activation;
  /** The call that applies the activation (`F.softmax(x, 1)`, `x.softmax(1)`, `nn.Softmax(1)(x)`, `self.sm(x)`). */
  call: CallExpr;
  stmt: Stmt;
  form: 'function' | 'method' | 'module';
  /** The tensor the activation is applied to (for "pass the logits"). */
  input?: Expr;
  /** Where the activation's name is written (the token to rename `softmax` → `log_softmax`), and its statement. */
  nameToken?: { stmt: Stmt; index: number };
  /** The call that holds `dim=` (the function call, or the module's constructor), and its statement. */
  dimCall: { stmt: Stmt; call: CallExpr };
  /** Whether `dim`/`axis` is given (or needs none: TF, JAX and Keras default to the last axis). */
  hasDim: boolean;
  /** A torch form, where a missing dim matters. */
  torch: boolean;
  /** The local variable the value went through, when not direct. */
  via?: Binding;
  /** `torch.log(softmax(x))`: a log of probabilities. */
  logOf?: boolean;
  /** Every value that may reach the use is this activation's, from several bindings (branches): no fix edits one of them. */
  merged?: boolean;
  /**
   * The project module whose class applies the activation (`network` for `from network import Net`),
   * when not this file: `stmt`, `call` and the other places are that module's, so no fix edits them
   * and no diagnostic is put there; the message names the module.
   */
  module?: string;
}

/**
 * Every Origin is made here, with the same fields in the same order (built by spreading, with fields
 * left out or in another order, they took a dozen shapes, and building by spread was itself slow).
 */
class OriginRecord implements Origin {
  constructor(
    public act: Activation,
    public call: CallExpr,
    public stmt: Stmt,
    public form: Origin['form'],
    public input: Expr | undefined,
    public nameToken: { stmt: Stmt; index: number } | undefined,
    public dimCall: { stmt: Stmt; call: CallExpr },
    public hasDim: boolean,
    public torch: boolean,
    public via: Binding | undefined = undefined,
    public logOf: boolean | undefined = undefined,
    public merged: boolean | undefined = undefined,
    public module: string | undefined = undefined,
  ) {}
}

/** `o` reached through `via` (kept when it already went through a variable); `merged` as for Origin. */
function through(o: Origin, via: Binding, merged = o.merged): Origin {
  return new OriginRecord(o.act, o.call, o.stmt, o.form, o.input, o.nameToken, o.dimCall, o.hasDim, o.torch, o.via ?? via, o.logOf, merged, o.module);
}

/** `o`, found in the project module `module`, reached here through `via` (the model built from its class). */
function fromModule(o: Origin, via: Binding, module: string): Origin {
  return new OriginRecord(o.act, o.call, o.stmt, o.form, o.input, o.nameToken, o.dimCall, o.hasDim, o.torch, via, o.logOf, o.merged, module);
}

/** The log of a softmax origin (`torch.log(F.softmax(x))`): a log_softmax. */
function logOfSoftmax(o: Origin): Origin {
  return new OriginRecord('log_softmax', o.call, o.stmt, o.form, o.input, o.nameToken, o.dimCall, o.hasDim, o.torch, o.via, true, o.merged, o.module);
}

/** The activation a binding's value comes from (an item of it for `a, b = …`). */
function bindingOrigin(prog: Program, b: Binding, depth: number): Origin | undefined {
  if (b.unpacked) return itemOrigin(prog, b.unpacked.value, b.unpacked.element, b.stmt, depth);
  return b.how === 'assign' && b.value ? originOf(prog, b.value, b.stmt, depth) : undefined;
}

/**
 * When no one binding of `key` certainly reaches `at`: the activation of every binding that may reach
 * it (Program.reachingAll), when each has one and they agree (`x = self.out(x)` with a softmax head,
 * then `if not training: x = tf.nn.softmax(x)`). The nearest one is named; it is `merged`.
 */
function agreeingOrigin(prog: Program, key: string, at: Stmt, depth: number): Origin | undefined {
  const all = prog.reachingAll(key, at);
  if (!all || all.length < 2) return undefined;
  const o = sameActivationFromEvery(all, (b) => bindingOrigin(prog, b, depth + 1));
  return o && through(o, all[0], true);
}

/** Tensor methods: `x.softmax(dim)`, `x.log_softmax(dim)`, `x.sigmoid()`. */
const ACT_METHODS: Readonly<Record<string, Activation>> = { softmax: 'softmax', log_softmax: 'log_softmax', sigmoid: 'sigmoid' };

/** Modules whose methods these names would be (never a tensor method). */
function isModulePath(q: string | undefined): boolean {
  return !!q && /^(torch|tf|keras|jax|flax|optax|numpy|scipy|np)(\.|$)/.test(q);
}

const LOG_FUNCTIONS = new Set(['torch.log', 'tf.math.log', 'tf.log', 'jax.numpy.log', 'numpy.log']);

/** The activation a value comes from, or undefined when it is not certain. */
export function originOf(prog: Program, e: Expr, at: Stmt, depth = 0): Origin | undefined {
  if (depth > 6) return undefined;
  const x = unwrap(e);
  if (x.k === 'name' || (x.k === 'attr' && x.obj.k === 'name' && x.obj.name === 'self')) {
    const key = x.k === 'name' ? x.name : `self.${x.name}`;
    const b = prog.reaching(key, at);
    if (!b) return agreeingOrigin(prog, key, at, depth);
    // `recon, mu, logvar = model(x)`: the item at the name's place (bindingOrigin).
    const o = bindingOrigin(prog, b, depth + 1);
    return o && through(o, b);
  }
  if (x.k !== 'call') return undefined;
  const fn = unwrap(x.fn);
  const q = prog.qualify(fn);
  // An activation function kept under another name: `self.softmax = F.softmax` … `self.softmax(z, dim=1)`.
  const alias = q === undefined ? aliasedActivation(prog, fn, at) : undefined;
  if (q !== undefined || alias !== undefined) {
    const f = alias ?? ACT_FUNCTIONS[q!];
    if (f) {
      const input = argument(x, 0, f.input)?.value;
      const hasDim = f.dim ? !!argument(x, f.dim.pos, [f.dim.name]) || x.args.some((a) => a.star) : true;
      // The function's name is written where the alias is bound: no rename here.
      const nameToken = alias ? undefined : fn.k === 'attr' ? { stmt: at, index: fn.nameToken } : fn.k === 'name' ? { stmt: at, index: fn.t0 } : undefined;
      return new OriginRecord(f.act, x, at, 'function', input, nameToken, { stmt: at, call: x }, hasDim, f.torch);
    }
    if (q !== undefined && LOG_FUNCTIONS.has(q)) {
      const inner = x.args[0] && !x.args[0].name ? originOf(prog, x.args[0].value, at, depth + 1) : undefined;
      return inner && inner.act === 'softmax' ? logOfSoftmax(inner) : undefined;
    }
  }
  // Inside a method, the module itself or another method of its class applied (`self(x)`, `self.decode(z)`).
  const own = ownMethodOutput(prog, fn, at, depth);
  if (own) return own;
  // A model applied whose output is an activation's: a class of this file whose every `forward`
  // return is one, or an nn.Sequential ending with an activation module.
  const model = modelOutput(prog, fn, at, depth);
  if (model) return model;
  // A module applied: `nn.Softmax(dim=1)(x)`, or a name / self.x bound to one.
  const mod = moduleOf(prog, fn, at);
  if (mod) {
    const input = positional(x, 0)?.value;
    return new OriginRecord(mod.act, x, at, 'module', input, mod.nameToken, mod.ctor, mod.hasDim, mod.torch);
  }
  if (fn.k === 'attr') {
    if (PASS_METHODS.has(fn.name)) return originOf(prog, fn.obj, at, depth + 1);
    if (fn.name === 'log' && x.args.length === 0 && !isModulePath(prog.qualify(fn.obj))) {
      const inner = originOf(prog, fn.obj, at, depth + 1);
      return inner && inner.act === 'softmax' ? logOfSoftmax(inner) : undefined;
    }
    const act = ACT_METHODS[fn.name];
    if (act && q === undefined && isTensorMethodCall(x, fn.obj) && !isModulePath(prog.qualify(fn.obj)) && !isModuleObject(prog, fn.obj, at)) {
      const hasDim = act === 'sigmoid' || !!argument(x, 0, ['dim']) || x.args.some((a) => a.star);
      return new OriginRecord(act, x, at, 'method', fn.obj, { stmt: at, index: fn.nameToken }, { stmt: at, call: x }, hasDim, true);
    }
  }
  return undefined;
}

/** The activation function a name or `self.x` is bound to as a plain value (`sm = F.softmax`), if any. */
function aliasedActivation(prog: Program, fn: Expr, at: Stmt): ActFunction | undefined {
  if (fn.k !== 'name' && !(fn.k === 'attr' && fn.obj.k === 'name' && fn.obj.name === 'self')) return undefined;
  const b = prog.objectBinding(fn, at);
  const v = b?.value && unwrap(b.value);
  if (!v || (v.k !== 'name' && v.k !== 'attr')) return undefined;
  const q = prog.qualify(v);
  return q === undefined ? undefined : ACT_FUNCTIONS[q];
}

/**
 * Whether `obj.softmax(…)` / `obj.sigmoid(…)` can be the tensor method: not a method of the instance
 * (`self.softmax(x)` in a class that defines its own), and `sigmoid` with no argument (the tensor
 * method takes none: `calibrator.sigmoid(logits)` is some other object's).
 */
function isTensorMethodCall(call: CallExpr, obj: Expr): boolean {
  const o = unwrap(obj);
  if (o.k === 'name' && (o.name === 'self' || o.name === 'cls')) return false;
  const f = unwrap(call.fn);
  return !(f.k === 'attr' && f.name === 'sigmoid' && call.args.length > 0);
}

/** Item `element` of a tuple written out: `(a, b)`, or `a, b` as a `return` gives it. */
function tupleItem(e: Expr | undefined, element: number): Expr | undefined {
  return e && e.k === 'group' && (e.bracket === ',' || (e.bracket === '(' && e.items.length > 1)) ? e.items[element] : undefined;
}

/**
 * The activation of item `element` of what `value` (at `at`) gives: of a tuple written out, or of a
 * model's output whose every `forward` return is a tuple (`return torch.sigmoid(h), mu, logvar`).
 */
function itemOrigin(prog: Program, value: Expr, element: number, at: Stmt, depth: number): Origin | undefined {
  if (depth > 6) return undefined;
  const v = unwrap(value);
  const item = tupleItem(v, element);
  if (item) return originOf(prog, item, at, depth);
  if (v.k !== 'call') return undefined;
  const fn = unwrap(v.fn);
  return ownMethodOutput(prog, fn, at, depth, element) ?? modelOutput(prog, fn, at, depth, element);
}

/**
 * The activation every `return` of a `forward` method gives (the same from each), or undefined; with
 * `element`, of that item of each return, every one a tuple written out.
 */
function forwardOutput(prog: Program, forward: number, depth: number, element?: number): Origin | undefined {
  return sameActivationFromEvery(prog.returnsIn(forward), (r) => {
    const value = element === undefined ? r.p.value : tupleItem(r.p.value, element);
    return value && originOf(prog, value, r, depth + 1);
  });
}

/**
 * In a method of a class of the file, the class's own method applied: `self(x)` and
 * `self.forward(x)` (its `forward`: a LightningModule's `training_step`), or another method
 * (`self.decode(z)`): what that method returns, when every return agrees. Not a method some method
 * assigns (`self.forward = …`), nor a decorated one (`@staticmethod`, `@property`). (A subclass that
 * overrides the method is not known here.)
 */
function ownMethodOutput(prog: Program, fn: Expr, at: Stmt, depth: number, element?: number): Origin | undefined {
  if (at.cls === undefined) return undefined;
  const x = unwrap(fn);
  const self = x.k === 'name' ? x : x.k === 'attr' ? unwrap(x.obj) : undefined;
  if (!self || self.k !== 'name' || self.name !== 'self') return undefined;
  const name = x.k === 'attr' ? x.name : 'forward';
  // Most `self.x(…)` calls apply a module the instance holds (`self.fc(h)`): no method of the name.
  const method = prog.methodOfClass(at.cls, name);
  if (method === undefined || method === at.scope) return undefined;
  const header = prog.methodHeader(method)?.header;
  if (!header || prog.isDecorated(header) || prog.bindsAttribute(at.cls, name)) return undefined;
  // `self` is the instance only as the method's own first parameter (not rebound, not a closure's).
  const b = prog.reaching('self', at);
  if (!b || b.how !== 'param') return undefined;
  const o = forwardOutput(prog, method, depth, element);
  // Through `self`: the message names the line of the activation in the method.
  return o && through(o, b);
}

/** `model(x)` where `model` is bound to `Net(...)` (a class of this file) or to `nn.Sequential(..., nn.Softmax(dim=1))`. */
function modelOutput(prog: Program, called: Expr, at: Stmt, depth: number, element?: number): Origin | undefined {
  const written = unwrap(called);
  // `model.forward(x)` runs the model as `model(x)` does (without its hooks).
  const fn = written.k === 'attr' && written.name === 'forward' && written.obj.k === 'name' && written.obj.name !== 'self' ? written.obj : called;
  const x = unwrap(fn);
  if (x.k !== 'name' && !(x.k === 'attr' && x.obj.k === 'name' && x.obj.name === 'self')) return undefined;
  const b = prog.objectBinding(x, at);
  if (b) return modelOutputOf(prog, fn, x, b, at, depth, element);
  // Built in each branch (`if imagenet: netD = _netD(…) else: netD = _netD_CIFAR10(…)`): every model that
  // may reach the call must give the same activation; the nearest is named, no fix (merged).
  const key = x.k === 'name' ? x.name : undefined;
  const all = key === undefined ? undefined : prog.reachingAll(key, at);
  if (!all || all.length < 2) return undefined;
  const o = sameActivationFromEvery(all, (one) => modelOutputOf(prog, fn, x, prog.objectBehind(one), at, depth, element));
  return o && through(o, all[0], true);
}

/** modelOutput for the model that binding `b` makes. */
function modelOutputOf(prog: Program, fn: Expr, x: Expr, b: Binding, at: Stmt, depth: number, element?: number): Origin | undefined {
  if (!b.value) return undefined;
  // A model whose forward (Keras: call) is replaced after it is built (`net.forward = …`) is not its class's.
  const key = dotted(x)!;
  const replacedIn = (scope: number) => prog.bindingsIn(scope, `${key}.forward`).length > 0 || prog.bindingsIn(scope, `${key}.call`).length > 0;
  if (replacedIn(b.stmt.scope) || (at.scope !== b.stmt.scope && replacedIn(at.scope))) return undefined;
  const v = withoutPassMethods(b.value);
  if (v.k !== 'call') return undefined;
  const ctor = unwrap(v.fn);
  // The name must be the file's class where the model is built: not a parameter, a local class, a
  // loop variable or a name rebound to another class (`Net = PretrainedNet`).
  // (A class without forward may be a Keras model, whose `call` the Keras rules read below.)
  const forward = ctor.k === 'name' && prog.fileClass(ctor.name, b.stmt) ? prog.methodScope(ctor.name, 'forward') : undefined;
  if (forward !== undefined) {
    const first = forwardOutput(prog, forward, depth, element);
    return first && through(first, b);
  }
  // A class of a module of the project (`from network import _netD`, `import models` … `models.Net()`).
  const imported = importedForward(prog, ctor, b.stmt);
  if (imported) {
    const first = forwardOutput(imported.prog, imported.forward, depth, element);
    return first && fromModule(first, b, imported.module);
  }
  // An item of a Keras model's or an nn.Sequential's output: not followed (they give one tensor).
  if (element !== undefined) return undefined;
  const torchSequential = prog.qualify(ctor) === 'torch.nn.Sequential';
  // A Keras model whose output layer applies the activation (`Dense(10, activation='softmax')`).
  const keras = torchSequential ? undefined : kerasModelActivation(prog, fn, at, b);
  if (keras) return new OriginRecord(keras.act, keras.call, keras.stmt, 'module', undefined, undefined, { stmt: keras.stmt, call: keras.call }, true, false, b);
  // The layer the model's output comes from: an nn.Sequential's last, or the new head of a torchvision
  // classifier whose head the code replaced (`model.fc = nn.Sequential(…, nn.Softmax(dim=1))`).
  const slot = torchSequential ? undefined : torchvisionHeadSlot(prog.qualify(ctor));
  const out = torchSequential ? outputLayer(prog, v, b.stmt) : slot && replacedHeadLayer(prog, key, b, slot, at);
  const mod = out && moduleOf(prog, out.layer, out.stmt);
  return mod && new OriginRecord(mod.act, out.layer, out.stmt, 'module', undefined, mod.nameToken, mod.ctor, mod.hasDim, mod.torch, b);
}

/**
 * The `forward` of the class that `ctor` names when the class is defined in a module of the project
 * (ProgramOptions.modules): imported by name or through its module (`from network import _netD`,
 * `from .model import Net`, `import models` … `models.Net`), or a bare name bound nowhere in the file
 * that exactly one star-imported module of the project defines (`from model import *`). The module
 * must bind the name once, by its `class` statement.
 */
function importedForward(prog: Program, ctor: Expr, at: Stmt): { prog: Program; forward: number; module: string } | undefined {
  const candidates: Array<[string, string]> = [];
  const written = dotted(ctor);
  const root = written?.split('.')[0];
  if (root !== undefined) {
    // The import must be the name's only binding in the module, and the scope of `at` must not bind it.
    const mod = prog.bindingsIn(0, root);
    if (mod.length > 1 || (mod.length === 1 && mod[0].how !== 'import') || (at.scope !== 0 && prog.bindingsIn(at.scope, root).length)) return undefined;
    const q = prog.qualify(ctor);
    const dot = q ? q.lastIndexOf('.') : -1;
    if (q && dot > 0) candidates.push([q.slice(0, dot), q.slice(dot + 1)]);
    else if (!q && ctor.k === 'name' && mod.length === 0 && prog.imports.stars.length && prog.unbound(ctor.name)) {
      for (const m of prog.imports.stars) candidates.push([m, ctor.name]);
    }
  }
  let found: { prog: Program; forward: number; module: string } | undefined;
  for (const [module, cls] of candidates) {
    const mp = prog.moduleProgram(module);
    if (!mp || !mp.fileClass(cls)) continue;
    const forward = mp.methodScope(cls, 'forward');
    // Two star-imported modules that both define it: which one wins depends on their order; not followed.
    if (forward === undefined || found) return undefined;
    found = { prog: mp, forward, module };
  }
  return found;
}

interface ModuleInfo {
  act: Activation;
  torch: boolean;
  hasDim: boolean;
  ctor: { stmt: Stmt; call: CallExpr };
  nameToken?: { stmt: Stmt; index: number };
}

function isModuleObject(prog: Program, e: Expr, at: Stmt): boolean {
  return !!moduleOf(prog, e, at);
}

/** An activation module: a constructor call, or a name / `self.x` bound to one. */
export function moduleOf(prog: Program, e: Expr, at: Stmt): ModuleInfo | undefined {
  const x = unwrap(e);
  let ctor: CallExpr | undefined;
  let stmt = at;
  if (x.k === 'call') ctor = x;
  else {
    const b = prog.objectBinding(x, at);
    if (!b || !b.value) return undefined;
    const v = withoutPassMethods(b.value);
    if (v.k !== 'call') return undefined;
    ctor = v;
    stmt = b.stmt;
  }
  const fn = unwrap(ctor.fn);
  const q = prog.qualify(fn);
  if (!q) return undefined;
  const m = ACT_MODULES[q];
  const nameToken = fn.k === 'attr' ? { stmt, index: fn.nameToken } : fn.k === 'name' ? { stmt, index: fn.t0 } : undefined;
  if (m) {
    // `nn.LogSoftmax(*args)` / `(**cfg)` may hold dim.
    const hasDim = !m.torch || m.act === 'sigmoid' || !!argument(ctor, 0, ['dim']) || ctor.args.some((a) => a.star);
    return { act: m.act, torch: m.torch, hasDim, ctor: { stmt, call: ctor }, nameToken };
  }
  if (q === 'keras.layers.Activation') {
    const a = argument(ctor, 0, ['activation'])?.value;
    const name = a && a.k === 'lit' ? /^['"](\w+)['"]$/.exec(a.text)?.[1] : undefined;
    if (name === 'softmax' || name === 'sigmoid' || name === 'log_softmax') return { act: name, torch: false, hasDim: true, ctor: { stmt, call: ctor } };
  }
  return undefined;
}
