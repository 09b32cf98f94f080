/**
 * `computeLoss`: resolves the entry, checks inputs and parameters against the
 * catalog's specification, fills defaults, and runs the family's kernel.
 */
import { LossInputError } from './errors';
import { KERNELS } from './kernels';
import { EAGER_GRADIENT } from './reduction';
import { getEntry } from './registry';
import { isTypedTensor, toTyped } from './tensor';
import { expectNotNaN, type ChecksNaN } from './validate';
import type { LossEntry, LossResult, ParamSpec, TensorLike, TypedTensor } from './types';

function describe(v: unknown): string {
  if (v === null) return 'None (null)';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}

function checkParam(spec: ParamSpec, value: unknown): unknown {
  if (value === undefined) return spec.default;
  if (value === null) {
    if (spec.default === null) return null;
    throw new LossInputError(`${spec.name}: expected ${spec.type}, found None (null)`, spec.name);
  }
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) {
        throw new LossInputError(`${spec.name}: expected a number, found ${describe(value)}`, spec.name);
      }
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw new LossInputError(`${spec.name}: expected an integer, found ${describe(value)}`, spec.name);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') {
        throw new LossInputError(`${spec.name}: expected true or false, found ${describe(value)}`, spec.name);
      }
      return value;
    case 'enum':
      if (typeof value !== 'string' || !(spec.options ?? []).includes(value)) {
        const opts = (spec.options ?? []).map((o) => `'${o}'`).join(', ');
        throw new LossInputError(`${spec.name}: expected one of ${opts}, found ${describe(value)}`, spec.name);
      }
      return value;
    case 'string':
      if (typeof value !== 'string') {
        throw new LossInputError(`${spec.name}: expected a string, found ${describe(value)}`, spec.name);
      }
      return value;
    case 'tensor':
      if (typeof value === 'number' || Array.isArray(value) || isTypedTensor(value)) {
        const t = toTyped(value as TensorLike, spec.name);
        expectNotNaN(t, spec.name);
        return t;
      }
      throw new LossInputError(`${spec.name}: expected a number or an array, found ${describe(value)}`, spec.name);
  }
}

/** Validates and completes the parameters of `entry` (unknown names rejected). */
export function resolveParams(entry: LossEntry, params: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const known = new Map(entry.params.map((p) => [p.name, p]));
  for (const name of Object.keys(params)) {
    if (!known.has(name)) {
      const list = entry.params.map((p) => p.name).join(', ') || 'none';
      throw new LossInputError(`${name}: unknown parameter for ${entry.id} (parameters: ${list})`, name);
    }
  }
  const out: Record<string, unknown> = {};
  for (const spec of entry.params) out[spec.name] = checkParam(spec, params[spec.name]);
  return out;
}

/**
 * Validates the input names of `entry` and converts them to typed tensors, into `out` (so a
 * caller sees the ones converted before an error); `checkNaN: false` leaves the NaN scan to the caller.
 */
function resolveInputsInto(
  entry: LossEntry,
  inputs: Readonly<Record<string, TensorLike | undefined>>,
  out: Record<string, TypedTensor>,
  checkNaN: boolean,
): Record<string, TypedTensor> {
  const known = new Set(entry.inputs.map((i) => i.name));
  for (const name of Object.keys(inputs)) {
    if (!known.has(name)) {
      const list = entry.inputs.map((i) => i.name).join(', ');
      throw new LossInputError(`${name}: unknown input for ${entry.id} (inputs: ${list})`, name);
    }
  }
  for (const spec of entry.inputs) {
    const v = inputs[spec.name];
    if (v === undefined || v === null) {
      if (spec.optional) continue;
      throw new LossInputError(`${spec.name}: missing input (${spec.shape})`, spec.name);
    }
    out[spec.name] = toTyped(v, spec.name);
    if (checkNaN) expectNotNaN(out[spec.name], spec.name); // never a silent NaN loss
  }
  return out;
}

/** Validates the input names of `entry` and converts them to typed tensors (NaN rejected). */
export function resolveInputs(entry: LossEntry, inputs: Readonly<Record<string, TensorLike | undefined>>): Record<string, TypedTensor> {
  return resolveInputsInto(entry, inputs, {}, true);
}

export function isComputable(id: string): boolean {
  return KERNELS.has(id);
}

/** How `computeLoss` should treat the gradient. */
export interface ComputeOptions {
  /**
   * 'lazy' (the default): kernels that can (mse, l1, bce_with_logits, cross_entropy with class
   * indices, for 'mean' and 'sum') run the forward pass alone and compute `grad` on its first read,
   * so a caller that needs only the value pays for the forward pass. 'eager': the caller will read
   * the gradient, so they make one fused value-and-gradient pass instead of two.
   */
  gradient?: 'lazy' | 'eager';
}

/**
 * Computes loss `id` on `inputs` with `params`, with the semantics of the entry's
 * primary library (for PyTorch entries, `torch.nn.functional`).
 */
export function computeLoss(
  id: string,
  inputs: Readonly<Record<string, TensorLike | undefined>>,
  params?: Readonly<Record<string, unknown>>,
  options: ComputeOptions = {},
): LossResult {
  const entry = getEntry(id);
  if (!entry) throw new LossInputError(`unknown loss '${id}'`);
  const impl = KERNELS.get(entry.id);
  if (!impl) throw new LossInputError(`${entry.id} is a reference entry and has no numeric implementation`);
  const resolved = () => {
    const p = resolveParams(entry, params ?? {});
    if (options.gradient === 'eager') Object.defineProperty(p, EAGER_GRADIENT, { value: true, enumerable: false });
    return p;
  };
  if (!(impl as ChecksNaN).checksNaN) {
    const typedInputs = resolveInputs(entry, inputs);
    return impl.kernel(typedInputs, resolved());
  }
  // The kernel finds NaN inputs in its own pass. Errors keep their precedence: whatever is
  // thrown, a NaN in an input converted before it is reported first, as the scan above would.
  const typedInputs: Record<string, TypedTensor> = {};
  try {
    resolveInputsInto(entry, inputs, typedInputs, false);
    return impl.kernel(typedInputs, resolved());
  } catch (e) {
    for (const [name, t] of Object.entries(typedInputs)) expectNotNaN(t, name);
    throw e;
  }
}
