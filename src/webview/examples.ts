/**
 * Per-entry playground examples for losses whose inputs cannot be inferred from their catalog
 * shape and domain texts (sizes tied to parameters, lengths tied to other inputs, the playground's
 * default mode). `exampleInputs` in generators.ts uses a hook when an entry has one.
 */
import type { TypedTensor } from '../losses/types';
import { distribution, normal, round, tensor } from './random';

export type ExampleHook = (r: () => number) => Record<string, TypedTensor>;

const logits = (r: () => number, shape: number[]) => tensor(shape, () => round(normal(r) * 1.5));

/** SMP's Dice/Jaccard/Tversky start in 'binary' mode: one foreground channel, a {0, 1} mask. */
function binarySegmentation(r: () => number): Record<string, TypedTensor> {
  const y_true = tensor([2, 1, 2, 3], () => (r() < 0.5 ? 0 : 1));
  const y_pred = tensor(y_true.shape, (i) => round((y_true.data[i] ? 1 : -1) + normal(r)));
  return { y_pred, y_true };
}

/** `rows` distributions over `classes` (rows of probabilities, or of log-probabilities with `log`). */
function distributions(r: () => number, rows: number, classes: number, log: boolean): TypedTensor {
  const t = tensor([rows, classes], () => 0);
  for (let row = 0; row < rows; row++) distribution(Array.from({ length: classes }, () => normal(r)), log).forEach((v, k) => (t.data[row * classes + k] = v));
  return t;
}

export const EXAMPLE_HOOKS: Readonly<Record<string, ExampleHook>> = {
  // Its inputs are "any shape", but KL compares distributions: a batch of 4 rows over 3 classes,
  // log-probabilities against probabilities (the batch is the first axis for 'batchmean').
  'kl-div': (r) => ({ input: distributions(r, 4, 3, true), target: distributions(r, 4, 3, false) }),
  // T = 5 steps, N = 2 sequences, C = 4 classes (0 is the blank); padded targets (N, S = 2)
  // with lengths ≤ S and input lengths ≤ T, log-probabilities normalised over C.
  'ctc-loss': (r) => {
    const [T, N, C, S] = [5, 2, 4, 2];
    const log_probs = distributions(r, T * N, C, true);
    log_probs.shape = [T, N, C];
    return {
      log_probs,
      targets: tensor([N, S], (i) => 1 + (i % (C - 1))),
      input_lengths: tensor([N], (b) => T - b),
      target_lengths: tensor([N], (b) => S - b),
    };
  },
  // ncrops = 2 (the parameter's default) crops of a batch B = 2: both outputs have 2·B rows.
  'dino-loss': (r) => ({ student_output: logits(r, [4, 3]), teacher_output: logits(r, [4, 3]) }),
  'dice-loss': binarySegmentation,
  'jaccard-loss': binarySegmentation,
  'tversky-loss': binarySegmentation,
};
