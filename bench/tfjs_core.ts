/**
 * TensorFlow.js side of the core suite: the same inputs as computeLoss and PyTorch, on
 * `@tensorflow/tfjs-core` with `@tensorflow/tfjs-backend-cpu` (`tf.setBackend('cpu')`, pure
 * JavaScript, one thread). The CPU backend computes in float32 only (it has no float64), so the
 * inputs are rounded to float32 once, outside the timing.
 *
 * What is timed is value + gradient with respect to the prediction (`tf.valueAndGrad`), both read
 * back with `dataSync()`, inside `tf.tidy` — the same work computeLoss does (value + gradient) and
 * PyTorch's forward + backward. Dev dependency of the benchmark only: never imported from src/.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import type { TypedTensor } from '../src/losses';

type LossFn = (pred: tf.Tensor, rest: tf.Tensor[]) => tf.Scalar;

/** The tfjs formulation of each catalog id with the torch defaults (reduction 'mean'); undefined = no tfjs equivalent. */
const TFJS_LOSSES: Record<string, { fn: LossFn; how: string; prep?: (rest: TypedTensor[]) => tf.Tensor[] } | undefined> = {
  'mse-loss': { fn: (p, [t]) => tf.losses.meanSquaredError(t, p) as tf.Scalar, how: 'tf.losses.meanSquaredError' },
  'bce-with-logits': { fn: (p, [t]) => tf.losses.sigmoidCrossEntropy(t, p) as tf.Scalar, how: 'tf.losses.sigmoidCrossEntropy' },
  'cross-entropy': {
    fn: (p, [t]) => tf.losses.softmaxCrossEntropy(t, p) as tf.Scalar,
    how: 'tf.losses.softmaxCrossEntropy on one-hot labels (made once, untimed)',
    prep: ([t]) => [tf.oneHot(tf.tensor1d(Int32Array.from(t.data), 'int32'), 10)],
  },
  'huber-loss': { fn: (p, [t]) => tf.losses.huberLoss(t, p, undefined, 1) as tf.Scalar, how: 'tf.losses.huberLoss(delta=1)' },
  'kl-div': {
    fn: (p, [t]) => tf.mean(tf.mul(t, tf.sub(tf.log(t), p))) as tf.Scalar,
    how: 'tf.mean(target·(log target − input)) from ops (tfjs has no KL loss)',
  },
  'ctc-loss': undefined,
};

export interface TfjsCase {
  /** One value + gradient run, in ns. */
  time(): number;
  value: number;
  how: string;
  dispose(): void;
}

let ready: Promise<string> | undefined;

/** Selects the CPU backend once; resolves to a description (version, backend). */
export function startTfjs(): Promise<string> {
  ready ??= (async () => {
    tf.env().set('PROD', true); // no "install tfjs-node" banner, no debug checks
    await tf.setBackend('cpu');
    await tf.ready();
    return `@tensorflow/tfjs-core ${tf.version_core}, backend '${tf.getBackend()}', float32`;
  })();
  return ready;
}

/** Prepares the tfjs side of a case, or returns why there is none. */
export function tfjsCase(id: string, inputs: readonly TypedTensor[]): TfjsCase | string {
  const spec = TFJS_LOSSES[id];
  if (!spec) return `${id}: tfjs has no equivalent (n/a)`;
  const toTf = (t: TypedTensor) => tf.tensor(Float32Array.from(t.data), [...t.shape], 'float32');
  const pred = toTf(inputs[0]);
  const rest = spec.prep ? spec.prep(inputs.slice(1)) : inputs.slice(1).map(toTf);
  const vg = tf.valueAndGrad((p: tf.Tensor) => spec.fn(p, rest));
  const run = () =>
    tf.tidy(() => {
      const { value, grad } = vg(pred);
      grad.dataSync();
      return value.dataSync()[0];
    });
  const value = run();
  return {
    value,
    how: spec.how,
    time() {
      const t0 = process.hrtime.bigint();
      run();
      return Number(process.hrtime.bigint() - t0);
    },
    dispose() {
      pred.dispose();
      for (const r of rest) r.dispose();
    },
  };
}
