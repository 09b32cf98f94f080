/**
 * Loss Atlas core: the catalog and PyTorch-exact loss computation.
 * Pure TypeScript (no `vscode`, no DOM), shared by the extension host and the webview.
 */
export type {
  Concept,
  Tensor,
  TypedTensor,
  TensorLike,
  LossEntry,
  LossResult,
  Localized,
  Language,
  Category,
  ApiSymbol,
  Framework,
  InputSpec,
  ParamSpec,
  Paper,
  SourceRef,
  Snippets,
} from './types';
export { CATEGORIES } from './types';
export { LossInputError } from './errors';
export { CONCEPTS } from './catalog';
export { LOSSES, findLoss, getEntry, resolveBareName, resolveSymbol, symbolForms } from './registry';
export { OPENMMLAB_SCOPES, openmmlabLossSymbol, type OpenMMLabScope } from './openmmlab';
export { computeLoss, isComputable, resolveParams, type ComputeOptions } from './compute';
export { toTyped, toNested } from './tensor';
export { setSimdEnabled, simdAvailable } from './simd/pointwise-simd';
