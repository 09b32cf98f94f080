/**
 * The catalog's data model and the numeric contract shared by every loss family.
 *
 * Pure TypeScript: no `vscode`, no DOM. Used by the extension host, the webview,
 * the build scripts (snippets, formula images) and the tests.
 */

/** Nested arrays, row-major. A scalar is a 0-d tensor. */
export type Tensor = number | Tensor[];

/** Flat storage with an explicit shape; what the numeric code works on. */
export interface TypedTensor {
  shape: number[];
  data: Float64Array;
}

/** What `computeLoss` accepts for each input: nested arrays or typed storage. */
export type TensorLike = Tensor | TypedTensor;

/** Text in every language the catalog is written in. */
export interface Localized {
  en: string;
  zh: string;
}

export type Language = keyof Localized;

export const CATEGORIES = [
  'regression',
  'classification',
  'divergence',
  'ranking',
  'metric-learning',
  'contrastive',
  'segmentation',
  'detection',
  'sequence',
  'generative',
  'reinforcement',
  'task-specific',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Where a loss lives in a library. `symbol` is the fully qualified name people
 * would write, e.g. `torch.nn.functional.cross_entropy` or `tf.keras.losses.Huber`. `tensorflow` is
 * TensorFlow's own ops outside Keras (`tf.nn.ctc_loss`).
 */
export type Framework = 'pytorch' | 'keras' | 'tensorflow' | 'optax' | 'torchvision' | 'smp' | 'other';
export interface ApiSymbol {
  framework: Framework;
  symbol: string;
  /** A class to instantiate (`nn.MSELoss()`) or a function to call (`F.mse_loss(...)`). */
  kind: 'class' | 'function';
  /**
   * This symbol's own defaults for the entry's parameters, where they differ from the entry's
   * (which follow its first symbol): `{ alpha: null, reduction: 'mean' }` for smp's FocalLoss on
   * an entry that follows torchvision. Hovers on the symbol show these.
   */
  defaults?: Readonly<Record<string, unknown>>;
}

export interface InputSpec {
  /** The argument name the primary library uses (`input`, `target`, `y_true`, ...). */
  name: string;
  meaning: Localized;
  /** Shapes in the library's notation, e.g. `(N, C)` or `(C), (N, C), (N, C, d1)`. */
  shape: string;
  /** The values it takes, e.g. `real logits`, `class indices in [0, C)`, `[0, 1]`. */
  domain: Localized;
  /** Integer data (class indices, lengths). */
  integer?: boolean;
  /** Inputs the user may leave out (e.g. `weight`). */
  optional?: boolean;
}

export type ParamType = 'number' | 'integer' | 'boolean' | 'enum' | 'tensor' | 'string';
export interface ParamSpec {
  /** The keyword argument name of the primary library. */
  name: string;
  type: ParamType;
  /** The primary library's default; `null` for "None". */
  default: number | boolean | string | null;
  /** Allowed choices for `enum`. */
  options?: readonly string[];
  /** Sensible slider range for numbers (inclusive); the UI may allow typing beyond it if `open`. */
  range?: readonly [number, number];
  meaning: Localized;
}

/**
 * A primary source an entry's text was checked against: a library's source file or doc at a
 * named version or commit, or a paper. The reference lists them under the entry.
 */
export interface SourceRef {
  /** What was read, e.g. `PyTorch torch/nn/functional.py`, `Keras keras/src/losses/losses.py`, `paper`. */
  label: string;
  /** The version, tag or commit read (`v2.5.1`, `3.6.0`, `a1b2c3d`); for a paper, its arXiv version or year. */
  version: string;
  url: string;
}

export interface Paper {
  authors: string;
  year: number;
  title: string;
  url: string;
}

/** A VS Code snippet body (tab stops `${1:default}`), one per framework. */
export interface Snippets {
  torch?: string;
  tf?: string;
  jax?: string;
  /** From-scratch implementation where no framework ships the loss. */
  scratch?: string;
}

export interface LossEntry {
  /** kebab-case, unique, stable: used in URLs, snippet prefixes, fixtures. */
  id: string;
  names: Localized;
  /** Other names people search for (`MSE`, `L2 loss`, `对数损失`). */
  aliases?: readonly string[];
  category: Category;
  apis: readonly ApiSymbol[];
  /** LaTeX, rendered with KaTeX in the webview and MathJax SVG in hovers. */
  formula: string;
  /** A plain-text rendering for places that cannot show images. */
  formulaText: string;
  inputs: readonly InputSpec[];
  params: readonly ParamSpec[];
  summary: Localized;
  whenToUse: Localized;
  pitfalls: Localized;
  frameworkNotes: Localized;
  paper?: Paper;
  /** The primary sources this entry's text was checked against (library source at a version, docs, the paper). */
  sources?: readonly SourceRef[];
  related: readonly string[];
  snippets: Snippets;
}

/** The result of `computeLoss`. */
export interface LossResult {
  /** What the library returns: a number for 'mean'/'sum', nested arrays for 'none'. */
  value: Tensor;
  /**
   * The unreduced loss, one value per element the reduction runs over. Some kernels
   * compute it (and `contributions`) on first read, from the input arrays they were
   * given: read it before changing those arrays in place.
   */
  elements: TypedTensor;
  /**
   * Each element's share of the reduced value (same shape as `elements`):
   * sums to the value for 'mean' and 'sum'; equals `elements` for 'none'.
   */
  contributions: TypedTensor;
  /** Which input the gradient is taken with respect to (the prediction). */
  gradInput: string;
  /**
   * d(value)/d(prediction); for 'none', the gradient of the sum of the output. Some kernels
   * (mse, l1, bce_with_logits, cross_entropy with class indices, for 'mean' and 'sum') run
   * only the forward pass and compute it on first read, like `elements`: a caller that only
   * needs the value pays for the forward pass alone.
   */
  grad: TypedTensor;
}

/** What a family module implements for one entry. Inputs arrive validated and typed. */
export type LossKernel = (
  inputs: Readonly<Record<string, TypedTensor>>,
  params: Readonly<Record<string, unknown>>,
) => LossResult;

export interface LossImplementation {
  id: string;
  /** The input the gradient is taken with respect to. */
  gradInput: string;
  kernel: LossKernel;
}

/**
 * An idea from the literature that is not itself a loss (Siamese networks, how to
 * choose a loss, ...): shown in the reference beside the entries.
 */
export interface Concept {
  id: string;
  title: Localized;
  /** Markdown body. */
  body: Localized;
  related: readonly string[];
}
