/**
 * How scripts/snippet-worklist.ts binds a snippet to the core's inputs where the default
 * (placeholders matched to the entry's inputs by name, then in order; a snippet that only
 * defines a function or class is called with the inputs) does not fit, and the probes:
 * extra inputs that reach an entry's documented edge cases.
 */
import type { Tensor } from '../src/losses';

export interface SnippetBinding {
  /** Placeholder name -> Python expression over `I` (the input tensors by the entry's input names). */
  bind?: Record<string, string>;
  /** More names to bind before the code runs. */
  extra?: Record<string, string>;
  /** Python statements that set `loss` after the code ran. */
  call?: string;
  /** Python statements run before the code. */
  setup?: string;
  /** The non-default parameter set to use for `playground-changed` (merged over the defaults). */
  changed?: Record<string, unknown>;
  /** computeLoss parameters the snippet fixes (merged over every variant's). */
  params?: Record<string, unknown>;
  /** Text replacements made in the code before it runs (a user's own object, e.g. trained weights in place of a fresh layer). */
  rewrite?: ReadonlyArray<readonly [string, string]>;
  /** Leave out the playground's example inputs (they lack an input the snippet needs). */
  skipExample?: boolean;
  /** Use the first golden case whose name contains this text. */
  golden?: string;
  /** Why the value cannot be compared with computeLoss. */
  noCompare?: string;
}

/** Keyed by `${entryId}/${kind}`. */
export const SNIPPET_BINDINGS: Readonly<Record<string, SnippetBinding>> = {
  // The snippet applies the sigmoid; the core takes probabilities.
  'binary-cross-entropy/torch': { bind: { logits: "torch.logit(I['input'])", target: "I['target']" } },
  // The snippet applies log_softmax; the core takes log-probabilities (normalised here, so both read the same numbers).
  'kl-div/torch': { setup: "I['input'] = torch.log_softmax(I['input'], -1); I['target'] = I['target'] / I['target'].sum(-1, keepdim=True)" },
  'softmax-loss/torch': {
    bind: { embedding_dim: "I['input'].shape[1]", num_classes: "I['input'].shape[1]", features: "I['input']", labels: "I['target']" },
    noCompare: 'a freshly initialised nn.Linear',
  },
  'supcon-loss/scratch': { call: "loss = supcon_loss(I['features'], I.get('labels'))" },
  'arcface-loss/scratch': { call: "_m = ArcFace(I['input'].shape[1], I['weight'].shape[0]); _m.weight.data = I['weight']; loss = _m(I['input'], I['label'])" },
  'center-loss/scratch': { call: "_m = CenterLoss(*I['centers'].shape); _m.centers.data = I['centers']; loss = _m(I['features'], I['labels'])" },
  // The core's SimSiam term is one direction, D(p, z); the symmetric snippet gives it with both views equal.
  'simsiam-loss/scratch': { call: "loss = simsiam_loss(I['p'], I['p'], I['z'], I['z'])" },
  'dino-loss/scratch': {
    call: "loss = dino_loss(I['student_output'], I['teacher_output'], I.get('center', torch.zeros(1, I['teacher_output'].shape[1])))",
    changed: { student_temp: 0.2 },
  },
  'knowledge-distillation-loss/torch': { golden: 'with labels mean', skipExample: true },
  'diffusion-noise-prediction-loss/torch': { bind: { snr: "I.get('snr', torch.ones(I['input'].shape[0]))" }, golden: 'min-SNR gamma=5 (4, 2, 3) mean', skipExample: true, changed: { snr_gamma: 2 } },
  'soft-bce-with-logits-loss/scratch': { changed: { smooth_factor: 0.2 } },
  'soft-cross-entropy-loss/scratch': { changed: { smooth_factor: 0.2 } },
  'ctc-loss/torch': { changed: { zero_infinity: true } },
  'poisson-nll-loss/torch': { changed: { full: true } },
  'gan-discriminator-loss/torch': { call: 'loss = loss_d' },
  'gan-generator-minimax-loss/torch': { call: 'loss = loss_g' },
  'gan-generator-non-saturating-loss/torch': { call: 'loss = loss_g' },
  'lsgan-discriminator-loss/torch': { call: 'loss = loss_d' },
  'lsgan-generator-loss/torch': { call: 'loss = loss_g' },
  'wgan-critic-loss/torch': { call: 'loss = loss_d' },
  'wgan-generator-loss/torch': { call: 'loss = loss_g' },
  'hinge-gan-discriminator-loss/torch': { call: 'loss = loss_d' },
  'vae-kl-loss/torch': { call: 'loss = kld' },
  'wgan-gp-penalty/torch': { bind: { critic: 'lambda x: (x ** 2).flatten(1).sum(1)' }, call: 'loss = gp' },
  'r1-penalty/torch': { bind: { discriminator: 'lambda x: (x ** 2).flatten(1).sum(1)' }, call: 'loss = r1' },
  // The core takes feature maps already flattened to (C, L); the snippet flattens (…, H, W) itself.
  'style-loss/torch': { bind: { feat_pred: "I['input'].unsqueeze(-1)", feat_style: "I['target'].unsqueeze(-1)" } },
  // The core takes the reconstruction F(G(x)) and x; the generators here return them.
  'cycle-consistency-loss/torch': {
    bind: { G_ba: "lambda z: I['input']", G_ab: 'lambda z: z', x: "I['target']", y: "I['input']" },
    call: 'loss = loss_cyc',
  },
  'td-loss/torch': { bind: { value: "I['input']", reward: "I['reward']", done: "I.get('done', torch.zeros_like(I['reward']))", next_value: "I['next_value']" } },
  'n-step-return-loss/torch': { bind: { value: "I['input']", rewards: "I['rewards']", done: "I.get('done', torch.zeros_like(I['bootstrap_value']))", bootstrap_value: "I['bootstrap_value']" } },
  'dqn-loss/torch': { bind: { q_values: "I['input']", action: "I['action']", reward: "I['reward']", next_q: "I['next_q']", done: "I.get('done', torch.zeros_like(I['reward']))" } },
  'double-dqn-loss/torch': {
    bind: { q_values: "I['input']", action: "I['action']", reward: "I['reward']", next_q_online: "I['next_q_online']", next_q_target: "I['next_q_target']", done: "I.get('done', torch.zeros_like(I['reward']))" },
  },
  'sac-q-loss/torch': { bind: { q: "I['input']", reward: "I['reward']", next_q: "I['next_q']", next_log_prob: "I['next_log_prob']", done: "I.get('done', torch.zeros_like(I['reward']))" } },
  // The core's input holds per bin [logit, cos, sin].
  'multi-bin-angle-loss/torch': { bind: { conf: "I['input'][..., 0]", orient: "I['input'][..., 1:]", theta: "I['target']" } },
  'verification-loss/torch': {
    bind: { f_i: "I['input']", f_j: "I['other']", same: "I['target']" },
    rewrite: [['loss = VerificationHead()(', "_head = VerificationHead(I['input'].shape[1]); _head.fc.weight.data = I['classifier_weight']; _head.fc.bias.data = I.get('classifier_bias', I['input'].new_zeros(2)); loss = _head("]],
  },
  'mixture-density-nll/torch': { bind: { logits: "I['input'][..., 0]", mu: "I['input'][..., 1]", log_sigma: "I['input'][..., 2]", target: "I['target']" } },
  'gumbel-softmax-straight-through/torch': { bind: { downstream_loss: 'lambda y: y.sum()' } },
  'perceptual-loss/torch': { rewrite: [['weights=torchvision.models.VGG16_Weights.DEFAULT', 'weights=None']], noCompare: 'no computeLoss kernel' },
  // The from-scratch Dice, Jaccard and Tversky take probabilities; the core's default applies the sigmoid.
  'dice-loss/scratch': { call: "loss = dice_loss(torch.sigmoid(I['y_pred']), I['y_true'])" },
  'jaccard-loss/scratch': { call: "loss = soft_jaccard_loss(torch.sigmoid(I['y_pred']), I['y_true'])" },
  'tversky-loss/scratch': { call: "loss = tversky_loss(torch.sigmoid(I['y_pred']), I['y_true'])" },
};

/** Keyed by entry id, then probe name: complete input sets (the entry's input names). */
const EMPTY_MASK = {
  y_pred: [[[[0.3, -1.2], [2.0, -0.4]]], [[[1.1, 0.2], [-0.7, 0.9]]]],
  y_true: [[[[0, 0], [0, 0]]], [[[0, 0], [0, 0]]]],
};
/** One image with no foreground pixel, one with some: the empty one contributes 0. */
const HALF_EMPTY_MASK = {
  y_pred: [[[[0.3, -1.2], [2.0, -0.4]]]],
  y_true: [[[[0, 0], [0, 0]]]],
};
/** Slates with −1 padding (allRank's padded_value_indicator). */
const PADDED_SLATES = {
  y_pred: [
    [0.5, -0.2, 1.3, 0.1, 0.9],
    [1.0, 0.4, -0.6, 2.0, 0.3],
  ],
  y_true: [
    [2, 0, 1, -1, -1],
    [0, 3, 1, 1, -1],
  ],
};
/** Embeddings whose angle to their class weight is past π − m (and near π): the margin fallbacks. */
const WIDE_ANGLES = {
  input: [
    [-1.0, 0.1, 0.05],
    [0.9, 0.3, -0.2],
    [0.2, -1.0, 0.1],
    [-0.3, 0.2, 1.0],
  ],
  weight: [
    [1.0, 0.0, 0.0],
    [0.0, 1.0, 0.0],
    [0.1, 0.2, 1.0],
  ],
  label: [0, 0, 1, 2],
};

export const SNIPPET_PROBES: Readonly<Record<string, Readonly<Record<string, Record<string, Tensor>>>>> = {
  'dice-loss': { 'no foreground': EMPTY_MASK },
  'jaccard-loss': { 'no foreground': EMPTY_MASK, 'one image, no foreground': HALF_EMPTY_MASK },
  'tversky-loss': { 'no foreground': EMPTY_MASK, 'one image, no foreground': HALF_EMPTY_MASK },
  'generalized-dice-loss': {
    'a class absent from one image': {
      input: [
        [[[0.7, 0.2], [0.1, 0.5]], [[0.2, 0.3], [0.6, 0.25]], [[0.1, 0.5], [0.3, 0.25]]],
        [[[0.4, 0.1], [0.3, 0.2]], [[0.5, 0.6], [0.3, 0.3]], [[0.1, 0.3], [0.4, 0.5]]],
      ],
      target: [
        [[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[0, 0], [0, 0]]],
        [[[1, 0], [0, 0]], [[0, 1], [0, 0]], [[0, 0], [1, 1]]],
      ],
    },
  },
  'lambdarank-loss': { 'padding -1': PADDED_SLATES },
  'listnet-loss': { 'padding -1': PADDED_SLATES },
  'listmle-loss': { 'padding -1': PADDED_SLATES },
  'ranknet-loss': { 'padding -1': PADDED_SLATES },
  'pairwise-logistic-loss': { 'padding -1': { y_true: PADDED_SLATES.y_true, y_pred: PADDED_SLATES.y_pred } },
  'arcface-loss': { 'angles past pi - m': WIDE_ANGLES },
  'sphereface-loss': { 'angles past pi / m': WIDE_ANGLES },
  'cosface-loss': { 'wide angles': WIDE_ANGLES },
};
