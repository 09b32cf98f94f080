/**
 * A torchvision classification model whose head the code replaces (`model.fc = nn.Sequential(…,
 * nn.Softmax(dim=1))`, `model.classifier[6] = …`): the module the model's output comes from. Each
 * architecture's head attribute, and its last index when it is an nn.Sequential, was measured with
 * torchvision 0.14.1 (Debian's python3-torchvision) by scripts/fixtures/torchvision_heads.py: a forward
 * hook on the attribute gives exactly the model's output values in eval mode
 * (test/fixtures/lint/torchvision-heads.json; lint-torchvision-heads.test.ts holds the table to it).
 * googlenet and inception_v3 are left out: while training they return a tuple with their auxiliary
 * logits. Pure: no `vscode`.
 */
import { dotted, unwrap, type Expr } from './expr';
import { withoutPassMethods, type Binding, type CallExpr, type Program, type Stmt } from './program';
import { outputLayer } from './sequential-layers';

interface HeadSlot {
  /** The attribute that holds the head (`fc`, `classifier`, `heads`). */
  attr: string;
  /** For an nn.Sequential head: the index of its last layer (`classifier[6]` of a VGG). */
  last?: number;
  /** The last layer's own attribute name in the Sequential (`heads.head` of a ViT). */
  lastName?: string;
}

const HEADS: ReadonlyArray<[RegExp, HeadSlot]> = [
  [/^(resnet\d+|resnext\d+_\w+|wide_resnet\d+_2|regnet_[xy]_\w+|shufflenet_v2_x\d_\d)$/, { attr: 'fc' }],
  [/^densenet\d+$/, { attr: 'classifier' }],
  [/^(alexnet|vgg\d+(_bn)?)$/, { attr: 'classifier', last: 6 }],
  [/^(efficientnet_(b\d|v2_[sml])|mnasnet\d_\d+|mobilenet_v2)$/, { attr: 'classifier', last: 1 }],
  [/^mobilenet_v3_(large|small)$/, { attr: 'classifier', last: 3 }],
  [/^convnext_(tiny|small|base|large)$/, { attr: 'classifier', last: 2 }],
  [/^maxvit_t$/, { attr: 'classifier', last: 5 }],
  // Its forward flattens the classifier's (N, classes, 1, 1) output: the same values.
  [/^squeezenet1_[01]$/, { attr: 'classifier', last: 3 }],
  [/^swin_(v2_)?[tsb]$/, { attr: 'head' }],
  [/^vit_[bhl]_\d+$/, { attr: 'heads', last: 0, lastName: 'head' }],
];

/** Sub-packages of torchvision.models whose models are not classifiers with these heads. */
const OTHER_TASKS = /^torchvision\.models\.(detection|segmentation|video|optical_flow|quantization)\./;

/** The head slot of the torchvision classifier that `qualified` (a constructor's qualified name) builds. */
export function torchvisionHeadSlot(qualified: string | undefined): HeadSlot | undefined {
  if (!qualified?.startsWith('torchvision.models.') || OTHER_TASKS.test(qualified)) return undefined;
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  for (const [re, slot] of HEADS) if (re.test(name)) return slot;
  return undefined;
}

/**
 * The module the output of model `key` (built by binding `built`) comes from at `at`, when a head
 * put in the model's slot after it was built reaches `at`: the new head itself, or the last layer of
 * an nn.Sequential head. Undefined when the head is not replaced (torchvision's own is a Linear), or
 * is changed in a way not read.
 */
export function replacedHeadLayer(prog: Program, key: string, built: Binding, slot: HeadSlot, at: Stmt): { layer: CallExpr; stmt: Stmt } | undefined {
  // The latest assignment that reaches `at`: of the slot (`model.fc = …`, `model.classifier[6] = …`) or of
  // the last layer by name (`model.heads.head = …`). It must have run on every path to `at`: the model's own
  // head is there before it (an assignment in an `if` may not have replaced it).
  let head: Binding | undefined;
  for (const path of slot.lastName ? [slot.attr, `${slot.attr}.${slot.lastName}`] : [slot.attr]) {
    const c = certainBinding(prog, `${key}.${path}`, at);
    if (c && (!head || c.stmt.index > head.stmt.index)) head = c;
  }
  if (!head || head.stmt.index <= built.stmt.index) return undefined;
  // The name still holds the model built there where the head is put in: that binding, or one that moves
  // it (`model = model.to(device)`), not a wrapper of it (`model = nn.DataParallel(model)` then
  // `model.fc = …` sets an attribute of the wrapper).
  const holder = prog.reaching(key, head.stmt);
  const held = holder?.value && withoutPassMethods(holder.value);
  if (!holder || (holder !== built && (!held || held.k === 'call' || prog.objectBehind(holder) !== built))) return undefined;
  const value = headValue(prog, head, slot);
  const v = value && unwrap(value);
  return v && v.k === 'call' ? outputLayer(prog, v, head.stmt) : undefined;
}

/** The binding of `key` that reaches `at` and ran on every path to it (the only one that may reach). */
function certainBinding(prog: Program, key: string, at: Stmt): Binding | undefined {
  const all = prog.reachingAll(key, at);
  return all && all.length === 1 ? all[0] : undefined;
}

/** What binding `b` puts in the slot: the whole head (`model.fc = …`), or its last layer (`model.classifier[6] = …`, `[-1]`). */
function headValue(prog: Program, b: Binding, slot: HeadSlot): Expr | undefined {
  if (b.how === 'assign') return b.value;
  const p = b.stmt.p;
  if (b.how !== 'other' || p.kind !== 'assign' || p.targets.length !== 1 || !p.value || slot.last === undefined) return undefined;
  const t = unwrap(p.targets[0]);
  if (t.k !== 'sub' || dotted(t.obj) !== b.key || t.items.length !== 1) return undefined;
  const index = t.items[0];
  const text = prog.text(b.stmt, index.t0, index.t1).replace(/\s+/g, '');
  return text === String(slot.last) || text === '-1' ? p.value : undefined;
}
