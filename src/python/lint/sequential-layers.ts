/**
 * The last layer of a torch `nn.Sequential(…)`: the module its output comes from. It is the last
 * positional argument; the last entry of `nn.Sequential(OrderedDict([…, ('out', nn.Softmax(dim=1))]))`;
 * or, for `nn.Sequential(*layers)`, the last item of the list `layers` as the code builds it
 * before the call, in straight-line code: `layers = […]`, `layers = blocks + […]`,
 * `layers += […]`, `layers.append(m)` or `layers.extend([…])`. Any other change of the list, or a
 * last change the call may not follow (in a branch or a loop before it), leaves the layer unknown.
 * `outputLayer` gives it for any module (a module that is not an nn.Sequential is its own output
 * layer). Pure: no `vscode`.
 */
import { unwrap, type Expr } from './expr';
import type { Binding, CallExpr, Program, Stmt } from './program';

/** The last layer of `seq` (an nn.Sequential call of statement `at`) and the statement it is written in. */
function sequentialLastLayer(prog: Program, seq: CallExpr, at: Stmt): { layer: Expr; stmt: Stmt } | undefined {
  let last: CallExpr['args'][number] | undefined;
  for (const a of seq.args) if (!a.name) last = a;
  if (!last || last.star === '**') return undefined;
  if (!last.star) {
    const only = seq.args.length === 1 ? orderedDictLast(prog, last.value) : undefined;
    return { layer: only ?? last.value, stmt: at };
  }
  const list = unwrap(last.value);
  if (list.k !== 'name') return undefined;
  const b = prog.reaching(list.name, at);
  const layer = b && lastItemAfter(b);
  return layer && { layer, stmt: b.stmt };
}

/**
 * The layer whose output a module built by `module` (at `stmt`) gives: for an nn.Sequential its last
 * layer (see sequentialLastLayer), else the module itself; undefined when that layer is not a call.
 */
export function outputLayer(prog: Program, module: CallExpr, stmt: Stmt): { layer: CallExpr; stmt: Stmt } | undefined {
  if (prog.qualify(module.fn) !== 'torch.nn.Sequential') return { layer: module, stmt };
  const last = sequentialLastLayer(prog, module, stmt);
  const layer = last && unwrap(last.layer);
  return layer && layer.k === 'call' ? { layer, stmt: last.stmt } : undefined;
}

/** `OrderedDict([(name, module), …])` (collections'): its last module. */
function orderedDictLast(prog: Program, e: Expr): Expr | undefined {
  const c = unwrap(e);
  if (c.k !== 'call' || c.args.length !== 1 || c.args[0].name || c.args[0].star || prog.qualify(c.fn) !== 'collections.OrderedDict') return undefined;
  const pairs = unwrap(c.args[0].value);
  if (pairs.k !== 'group' || (pairs.bracket !== '[' && pairs.bracket !== '(')) return undefined;
  const pair = pairs.items.length ? unwrap(pairs.items[pairs.items.length - 1]) : undefined;
  return pair && pair.k === 'group' && pair.bracket === '(' && pair.items.length === 2 ? pair.items[1] : undefined;
}

/** The last item of the list that binding `b` of a name leaves it holding, when the statement says it. */
function lastItemAfter(b: Binding): Expr | undefined {
  const s = b.stmt;
  const p = s.p;
  if (b.how === 'assign') return b.value && lastOfListExpr(s, b.value);
  if (b.how !== 'other' || p.targets.length > 1) return undefined;
  // `layers += [nn.Linear(h, k), nn.Softmax()]`
  if (p.kind === 'augassign') {
    const target = p.targets[0];
    return target && unwrap(target).k === 'name' && s.isOp(target.t1, '+=') && p.value ? lastOfLiteral(p.value) : undefined;
  }
  // `layers.append(nn.Softmax(dim=1))`, `layers.extend([nn.Linear(h, k), nn.Softmax(dim=1)])`: the whole statement.
  const e = p.kind === 'other' && p.exprs.length === 1 && s.word === '' ? unwrap(p.exprs[0]) : undefined;
  if (!e || e.k !== 'call' || e.fn.k !== 'attr' || unwrap(e.fn.obj).k !== 'name' || e.args.length !== 1 || e.args[0].name || e.args[0].star) return undefined;
  if (e.t0 !== 0 || e.t1 !== s.length) return undefined;
  if (e.fn.name === 'append') return e.args[0].value;
  if (e.fn.name === 'extend') return lastOfLiteral(e.args[0].value);
  return undefined;
}

/** The last item of a list (or tuple) literal, or of `… + [...]` that ends with one. */
function lastOfListExpr(s: Stmt, value: Expr): Expr | undefined {
  const v = unwrap(value);
  if (v.k === 'group') return lastOfLiteral(v);
  // `blocks + [nn.Linear(h, k), nn.Softmax(dim=1)]`: the `+` just before the literal.
  if (v.k !== 'other' || v.items.length < 2) return undefined;
  const tail = v.items[v.items.length - 1];
  return tail.k === 'group' && tail.t0 > 0 && s.isOp(tail.t0 - 1, '+') ? lastOfLiteral(tail) : undefined;
}

function lastOfLiteral(e: Expr): Expr | undefined {
  const g = unwrap(e);
  if (g.k !== 'group' || (g.bracket !== '[' && g.bracket !== '(') || !g.items.length) return undefined;
  const last = g.items[g.items.length - 1];
  // A comprehension (`[nn.Linear(a, b) for a, b in sizes]`) reads as one item of several parts.
  return last.k === 'other' ? undefined : last;
}
