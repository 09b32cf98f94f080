/**
 * The activations the lint follows, by fully qualified name (as Program.qualify spells them): the
 * functions (`F.softmax`, `tf.nn.softmax`, `jax.nn.sigmoid`, …) and the modules or layers applied by
 * calling an instance (`nn.Softmax(dim=1)`, `keras.layers.Softmax()`). Read by the data-flow rules
 * (./values.ts) and by the Keras head rules (./keras-rules.ts). Pure: no `vscode`.
 */

export type Activation = 'softmax' | 'log_softmax' | 'sigmoid';

export interface ActFunction {
  act: Activation;
  torch: boolean;
  /** Input keyword names; the input is the first positional argument otherwise. */
  input: readonly string[];
  /** The axis keyword and its position, when one must be given (torch). */
  dim?: { name: string; pos: number };
}

const T_IN = ['input'];
export const ACT_FUNCTIONS: Readonly<Record<string, ActFunction>> = {
  'torch.nn.functional.softmax': { act: 'softmax', torch: true, input: T_IN, dim: { name: 'dim', pos: 1 } },
  'torch.softmax': { act: 'softmax', torch: true, input: T_IN, dim: { name: 'dim', pos: 1 } },
  'torch.special.softmax': { act: 'softmax', torch: true, input: T_IN, dim: { name: 'dim', pos: 1 } },
  'torch.nn.functional.log_softmax': { act: 'log_softmax', torch: true, input: T_IN, dim: { name: 'dim', pos: 1 } },
  'torch.log_softmax': { act: 'log_softmax', torch: true, input: T_IN, dim: { name: 'dim', pos: 1 } },
  'torch.special.log_softmax': { act: 'log_softmax', torch: true, input: T_IN, dim: { name: 'dim', pos: 1 } },
  'torch.sigmoid': { act: 'sigmoid', torch: true, input: T_IN },
  'torch.nn.functional.sigmoid': { act: 'sigmoid', torch: true, input: T_IN },
  'torch.special.expit': { act: 'sigmoid', torch: true, input: T_IN },
  'tf.nn.softmax': { act: 'softmax', torch: false, input: ['logits'] },
  'tf.math.softmax': { act: 'softmax', torch: false, input: ['logits'] },
  'tf.nn.log_softmax': { act: 'log_softmax', torch: false, input: ['logits'] },
  'tf.math.log_softmax': { act: 'log_softmax', torch: false, input: ['logits'] },
  'tf.sigmoid': { act: 'sigmoid', torch: false, input: ['x'] },
  'tf.nn.sigmoid': { act: 'sigmoid', torch: false, input: ['x'] },
  'tf.math.sigmoid': { act: 'sigmoid', torch: false, input: ['x'] },
  'keras.activations.softmax': { act: 'softmax', torch: false, input: ['x'] },
  'keras.activations.sigmoid': { act: 'sigmoid', torch: false, input: ['x'] },
  'keras.activations.log_softmax': { act: 'log_softmax', torch: false, input: ['x'] },
  'keras.ops.softmax': { act: 'softmax', torch: false, input: ['x'] },
  'keras.ops.log_softmax': { act: 'log_softmax', torch: false, input: ['x'] },
  'keras.ops.sigmoid': { act: 'sigmoid', torch: false, input: ['x'] },
  'jax.nn.softmax': { act: 'softmax', torch: false, input: ['x'] },
  'jax.nn.log_softmax': { act: 'log_softmax', torch: false, input: ['x'] },
  'jax.nn.sigmoid': { act: 'sigmoid', torch: false, input: ['x'] },
  'flax.linen.softmax': { act: 'softmax', torch: false, input: ['x'] },
  'flax.linen.log_softmax': { act: 'log_softmax', torch: false, input: ['x'] },
  'flax.linen.sigmoid': { act: 'sigmoid', torch: false, input: ['x'] },
};

/** Activation modules (applied by calling an instance); `dim` is their first parameter in torch. */
export const ACT_MODULES: Readonly<Record<string, { act: Activation; torch: boolean }>> = {
  'torch.nn.Softmax': { act: 'softmax', torch: true },
  'torch.nn.LogSoftmax': { act: 'log_softmax', torch: true },
  'torch.nn.Sigmoid': { act: 'sigmoid', torch: true },
  'keras.layers.Softmax': { act: 'softmax', torch: false },
};

/**
 * What every one of `items` gives (`at`), when each gives something and all with the same
 * activation; the first item's answer. Undefined for none. (Every return of a `forward` or a Keras
 * `call`, every binding that may reach a use.)
 */
export function sameActivationFromEvery<T, R extends { act: string }>(items: readonly T[], at: (item: T) => R | undefined): R | undefined {
  let first: R | undefined;
  for (const item of items) {
    const r = at(item);
    if (!r || (first && r.act !== first.act)) return undefined;
    first ??= r;
  }
  return first;
}
