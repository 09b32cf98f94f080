/**
 * Loss wrappers: module-level functions of the file, or methods, that pass one of their parameters,
 * unchanged, as the prediction of a loss (`def compute_loss(outputs, labels): return
 * F.cross_entropy(outputs, labels)`; in a LightningModule, `def auxiliary_loss(self, y_hat, y)`). A
 * call of such a function (`compute_loss(F.softmax(out, 1), y)`, `self.auxiliary_loss(p, y)` in a
 * method of the class) is then read as a call of the loss, for the prediction only. Pure: no `vscode`.
 */
import { argument, parameterPosition, unwrap, type Arg, type CallExpr } from './expr';
import { defName, withoutPassMethods, type Program, type Stmt } from './program';

/** A function of the file (or a method, called as `self.name(…)`) that hands its parameter `param` to a loss as the prediction. */
export interface LossWrapper<T> {
  /** The function's name, and its scope. */
  name: string;
  scope: number;
  /** For a method: its class id. */
  cls: number | undefined;
  /** The parameter, and its place among the positional arguments of a call (undefined when keyword-only; a method's `self` is not counted). */
  param: string;
  pos: number | undefined;
  /** The loss call inside the function, its statement, and what the caller's rules know of it. */
  call: CallExpr;
  stmt: Stmt;
  sink: T;
}

/**
 * The loss wrappers among `sinks` (loss calls with their prediction argument, as the caller's rules
 * found them): a call in a module-level function, or in a method not decorated, whose prediction is
 * one of the function's parameters, by its name (through value-keeping methods), with the value it was called with (the
 * parameter's binding reaches the loss: no reassignment between). By function name.
 */
export function lossWrappers<T>(prog: Program, sinks: ReadonlyArray<{ call: CallExpr; stmt: Stmt; sink: T; pred: Arg }>): Map<string, LossWrapper<T>[]> {
  const out = new Map<string, LossWrapper<T>[]>();
  for (const { call, stmt, sink, pred } of sinks) {
    if (stmt.scope === 0) continue;
    // A bare name first (most predictions are locals, calls or subscripts), then the function it is in.
    const x = withoutPassMethods(pred.value);
    const param = x.k === 'name' ? x.name : undefined;
    if (!param) continue;
    const method = prog.methodHeader(stmt.scope);
    // A decorated method (`@staticmethod`, `@property`, …) may not take `self` first, or not be called at all.
    const header = method ? (prog.isDecorated(method.header) ? undefined : method.header) : prog.moduleFunctionHeader(stmt.scope);
    const name = header && defName(header);
    if (!header || !name) continue;
    // The header first (a scan of its tokens): most predictions are locals, not parameters.
    const at = parameterPosition(header, param);
    if (at === null || (method && at === 0)) continue;
    const pos = method && at !== undefined ? at - 1 : at;
    const b = prog.reaching(param, stmt);
    if (!b || b.how !== 'param' || b.stmt !== header) continue;
    const list = out.get(name) ?? [];
    list.push({ name, scope: stmt.scope, cls: method?.cls, param, pos, call, stmt, sink });
    out.set(name, list);
  }
  return out;
}

/**
 * The argument a call of `w` passes for its parameter, when `call` calls that function as the file
 * defines it: by its name (the module binds it once, the calling scope does not), or for a method
 * as `self.name(…)` in a method of its class, which never assigns `self.name`.
 */
export function wrappedArgument<T>(prog: Program, w: LossWrapper<T>, call: CallExpr, at: Stmt): Arg | undefined {
  const fn = unwrap(call.fn);
  if (w.cls === undefined) {
    if (fn.k !== 'name' || fn.name !== w.name || prog.fileFunctionScope(fn.name, at) !== w.scope) return undefined;
  } else {
    const self = fn.k === 'attr' && fn.name === w.name ? unwrap(fn.obj) : undefined;
    if (!self || self.k !== 'name' || self.name !== 'self' || at.cls !== w.cls || prog.bindsAttribute(w.cls, w.name)) return undefined;
  }
  return argument(call, w.pos, [w.param]);
}
