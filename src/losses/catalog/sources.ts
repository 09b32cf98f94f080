/**
 * The primary sources catalog entries were checked against, at the versions read: each helper
 * builds a `SourceRef` for one file of one library at one tag, or for an entry's paper.
 */
import type { Paper, SourceRef } from '../types';

/** PyTorch at v1.13.1 (the release the numeric fixtures come from). */
export function torchSource(path: string, version = 'v1.13.1'): SourceRef {
  return { label: `PyTorch ${path}`, version, url: `https://github.com/pytorch/pytorch/blob/${version}/${path}` };
}

/** PyTorch's Python API of the losses: the functional forms and the loss modules. */
export const TORCH_FUNCTIONAL = torchSource('torch/nn/functional.py');
export const TORCH_LOSS_MODULES = torchSource('torch/nn/modules/loss.py');

/** Keras 3 at v3.8.0. */
export function kerasSource(path: string, version = 'v3.8.0'): SourceRef {
  return { label: `Keras ${path}`, version, url: `https://github.com/keras-team/keras/blob/${version}/${path}` };
}

export const KERAS_LOSSES = kerasSource('keras/src/losses/losses.py');
export const KERAS_TF_NN = kerasSource('keras/src/backend/tensorflow/nn.py');

/** optax at v0.2.4. */
export function optaxSource(path: string, version = 'v0.2.4'): SourceRef {
  return { label: `optax ${path}`, version, url: `https://github.com/google-deepmind/optax/blob/${version}/${path}` };
}

export const OPTAX_REGRESSION = optaxSource('optax/losses/_regression.py');
export const OPTAX_CLASSIFICATION = optaxSource('optax/losses/_classification.py');

/** The entry's paper as a source (its year stands for the version). */
export function paperSource(p: Paper): SourceRef {
  return { label: `paper: ${p.title}`, version: String(p.year), url: p.url };
}
