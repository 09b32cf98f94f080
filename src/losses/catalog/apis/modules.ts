/**
 * The defining submodule of library loss symbols whose package re-exports them, as read from
 * each package's `__init__.py` at the versions of test/fixtures/apis: `from monai.losses.dice
 * import DiceCELoss` names the same class as `monai.losses.DiceCELoss`. Only exact pairs are
 * listed, so `monai.losses.dice.FocalLoss` (which does not exist) resolves to nothing.
 * Small and text-free: the registry bundles it.
 */
type Modules = Readonly<Record<string, readonly string[]>>;

/** Public prefix -> defining submodule -> the names it defines. */
export const DEFINING_MODULES: ReadonlyArray<readonly [string, Modules]> = [
  [
    'monai.losses.',
    {
      dice: ['Dice', 'DiceLoss', 'MaskedDiceLoss', 'GeneralizedDiceLoss', 'DiceCELoss', 'DiceFocalLoss', 'dice_ce', 'dice_focal', 'generalized_dice'],
      focal_loss: ['FocalLoss'],
      tversky: ['TverskyLoss'],
      ssim_loss: ['SSIMLoss'],
      contrastive: ['ContrastiveLoss'],
      barlow_twins: ['BarlowTwinsLoss'],
      giou_loss: ['BoxGIoULoss', 'giou'],
      hausdorff_loss: ['HausdorffDTLoss'],
      perceptual: ['PerceptualLoss'],
    },
  ],
  [
    'timm.loss.',
    {
      cross_entropy: ['LabelSmoothingCrossEntropy', 'SoftTargetCrossEntropy'],
      binary_cross_entropy: ['BinaryCrossEntropy'],
      jsd: ['JsdCrossEntropy'],
      asymmetric_loss: ['AsymmetricLossMultiLabel'],
    },
  ],
  [
    'mmdet.models.losses.',
    {
      cross_entropy_loss: ['CrossEntropyLoss', 'cross_entropy', 'binary_cross_entropy'],
      focal_loss: ['FocalLoss', 'sigmoid_focal_loss'],
      smooth_l1_loss: ['SmoothL1Loss', 'smooth_l1_loss', 'L1Loss', 'l1_loss'],
      mse_loss: ['MSELoss', 'mse_loss'],
      iou_loss: ['GIoULoss', 'DIoULoss', 'CIoULoss'],
      dice_loss: ['DiceLoss'],
    },
  ],
  [
    'lightly.loss.',
    {
      ntx_ent_loss: ['NTXentLoss'],
      dino_loss: ['DINOLoss'],
      swav_loss: ['SwaVLoss'],
      sym_neg_cos_sim_loss: ['SymNegCosineSimilarityLoss'],
      barlow_twins_loss: ['BarlowTwinsLoss'],
      negative_cosine_similarity: ['NegativeCosineSimilarity'],
      vicreg_loss: ['VICRegLoss'],
    },
  ],
  [
    'kornia.losses.',
    {
      focal: ['FocalLoss', 'focal_loss', 'BinaryFocalLossWithLogits', 'binary_focal_loss_with_logits'],
      dice: ['DiceLoss', 'dice_loss'],
      tversky: ['TverskyLoss', 'tversky_loss'],
      ssim: ['SSIMLoss', 'ssim_loss'],
    },
  ],
  [
    'segmentation_models_pytorch.losses.',
    {
      dice: ['DiceLoss'],
      focal: ['FocalLoss'],
      jaccard: ['JaccardLoss'],
      lovasz: ['LovaszLoss'],
      soft_bce: ['SoftBCEWithLogitsLoss'],
      soft_ce: ['SoftCrossEntropyLoss'],
      tversky: ['TverskyLoss'],
      mcc: ['MCCLoss'],
    },
  ],
  ['fvcore.nn.', { focal_loss: ['sigmoid_focal_loss', 'sigmoid_focal_loss_jit'], giou_loss: ['giou_loss'], smooth_l1_loss: ['smooth_l1_loss'] }],
  ['detectron2.layers.', { losses: ['ciou_loss', 'diou_loss'], wrappers: ['cross_entropy'] }],
];

/** `symbol` as imported from its defining submodule, when the list above knows it. */
export function definingModuleForm(symbol: string): string | undefined {
  for (const [prefix, modules] of DEFINING_MODULES) {
    if (!symbol.startsWith(prefix)) continue;
    const name = symbol.slice(prefix.length);
    for (const [module, names] of Object.entries(modules)) if (names.includes(name)) return `${prefix}${module}.${name}`;
  }
  return undefined;
}
