/**
 * Catalog entries: generative-model losses (GANs, VAEs, diffusion and score matching,
 * perceptual/style/total-variation, cycle consistency, pixel reconstruction).
 */
import type { InputSpec, LossEntry, ParamSpec } from '../types';
import { POINTWISE_INPUTS, REDUCTION } from './common';

const D_REAL: InputSpec = {
  name: 'd_real',
  meaning: { en: 'Raw discriminator (critic) outputs on real samples, D(x).', zh: '判别器（critic）对真实样本的原始输出 D(x)。' },
  shape: '(N), (N, 1) or any shape; same shape as d_fake',
  domain: { en: 'real scores (logits for the original GAN)', zh: '实数得分（原始 GAN 中为 logits）' },
};
const D_FAKE: InputSpec = {
  name: 'd_fake',
  meaning: { en: 'Raw discriminator (critic) outputs on generated samples, D(G(z)).', zh: '判别器（critic）对生成样本的原始输出 D(G(z))。' },
  shape: '(N), (N, 1) or any shape',
  domain: { en: 'real scores (logits for the original GAN)', zh: '实数得分（原始 GAN 中为 logits）' },
};
const PAIR_NOTE = {
  en: 'Written from scratch (torch, Keras and optax ship no GAN objectives; TF-GAN has them in tfgan.losses.wargs.*, and in tfgan.losses.* taking a GANModel tuple). Here d_real and d_fake must have the same shape; the value is mean(real terms) + mean(fake terms), and the gradient shown is with respect to d_fake.',
  zh: '从零实现（PyTorch、Keras 和 optax 都没有提供 GAN 目标；TF-GAN 在 tfgan.losses.wargs.* 中提供，tfgan.losses.* 中的版本则以 GANModel 元组为参数）。这里 d_real 与 d_fake 形状必须相同；结果为真实项均值加生成项均值，显示的梯度是对 d_fake 的梯度。',
};
const GAN_PAPER = {
  authors: 'Ian J. Goodfellow, Jean Pouget-Abadie, Mehdi Mirza, Bing Xu, David Warde-Farley, Sherjil Ozair, Aaron Courville, Yoshua Bengio',
  year: 2014,
  title: 'Generative Adversarial Nets',
  url: 'https://arxiv.org/abs/1406.2661',
};
const WGAN_PAPER = {
  authors: 'Martin Arjovsky, Soumith Chintala, Léon Bottou',
  year: 2017,
  title: 'Wasserstein GAN',
  url: 'https://arxiv.org/abs/1701.07875',
};
const LSGAN_PAPER = {
  authors: 'Xudong Mao, Qing Li, Haoran Xie, Raymond Y.K. Lau, Zhen Wang, Stephen Paul Smolley',
  year: 2017,
  title: 'Least Squares Generative Adversarial Networks',
  url: 'https://arxiv.org/abs/1611.04076',
};
const VAE_PAPER = {
  authors: 'Diederik P. Kingma, Max Welling',
  year: 2014,
  title: 'Auto-Encoding Variational Bayes',
  url: 'https://arxiv.org/abs/1312.6114',
};

function num(name: string, def: number | null, range: readonly [number, number], en: string, zh: string): ParamSpec {
  return { name, type: 'number', default: def, range, meaning: { en, zh } };
}

const VAE_INPUTS: readonly InputSpec[] = [
  {
    name: 'input',
    meaning: { en: 'The decoder output (reconstruction x̂).', zh: '解码器输出（重建结果 x̂）。' },
    shape: '(N, D) or (N, D1, D2)',
    domain: { en: 'probabilities in [0, 1] for BCE, real numbers for MSE', zh: 'BCE 时为 [0, 1] 内的概率，MSE 时为实数' },
  },
  {
    name: 'target',
    meaning: { en: 'The original data x.', zh: '原始数据 x。' },
    shape: 'same shape as input',
    domain: { en: '[0, 1] for BCE, real numbers for MSE', zh: 'BCE 时为 [0, 1]，MSE 时为实数' },
  },
  {
    name: 'mu',
    meaning: { en: 'Encoder mean μ of q(z|x).', zh: '编码器给出的 q(z|x) 的均值 μ。' },
    shape: '(N, K)',
    domain: { en: 'real numbers', zh: '实数' },
  },
  {
    name: 'logvar',
    meaning: { en: 'Encoder log-variance log σ² of q(z|x).', zh: '编码器给出的 q(z|x) 的对数方差 log σ²。' },
    shape: '(N, K)',
    domain: { en: 'real numbers', zh: '实数' },
  },
];
const RECON: ParamSpec = {
  name: 'reconstruction',
  type: 'enum',
  default: 'bce',
  options: ['bce', 'mse'],
  meaning: {
    en: "Reconstruction term summed over features: 'bce' (Bernoulli decoder, as in the PyTorch VAE example) or 'mse' (Gaussian decoder with fixed variance, up to constants).",
    zh: "按特征求和的重建项：'bce'（伯努利解码器，与 PyTorch 官方 VAE 示例相同）或 'mse'（方差固定的高斯解码器，忽略常数）。",
  },
};
const VAE_REDUCTION: ParamSpec = {
  ...REDUCTION,
  meaning: {
    en: "How per-sample losses (reconstruction summed over features + β·KL) are combined over the batch: 'mean', 'sum' (the PyTorch example's choice) or 'none'.",
    zh: "每个样本的损失（按特征求和的重建项 + β·KL）在 batch 上的汇总方式：'mean'、'sum'（PyTorch 示例的做法）或 'none'。",
  },
};

export const GENERATIVE_ENTRIES: readonly LossEntry[] = [
  {
    id: 'gan-discriminator-loss',
    names: { en: 'GAN Discriminator Loss (minimax)', zh: 'GAN 判别器损失（极小极大）' },
    aliases: ['GAN D loss', 'minimax discriminator loss', 'adversarial loss', '对抗损失', '判别器损失'],
    category: 'generative',
    apis: [
      { framework: 'other', symbol: 'tfgan.losses.minimax_discriminator_loss', kind: 'function' },
      { framework: 'other', symbol: 'tfgan.losses.modified_discriminator_loss', kind: 'function' },
    ],
    formula: '\\mathcal{L}_D = -\\mathbb{E}_{x}\\big[\\log \\sigma(D(x))\\big] - \\mathbb{E}_{z}\\big[\\log\\big(1 - \\sigma(D(G(z)))\\big)\\big]',
    formulaText: 'L_D = −E_x[log σ(D(x))] − E_z[log(1 − σ(D(G(z))))]',
    inputs: [D_REAL, D_FAKE],
    params: [REDUCTION],
    summary: {
      en: 'The discriminator side of the original GAN game: binary cross-entropy that labels real samples 1 and generated samples 0. At the optimum of D, the generator minimises the Jensen–Shannon divergence between data and model.',
      zh: '原始 GAN 博弈中判别器一方的目标：把真实样本标为 1、生成样本标为 0 的二元交叉熵。判别器达到最优时，生成器等价于最小化数据分布与模型分布之间的 JS 散度（Jensen–Shannon divergence）。',
    },
    whenToUse: {
      en: 'Training the discriminator of a standard (DCGAN-style) GAN, paired with the non-saturating generator loss.',
      zh: '训练标准（DCGAN 式）GAN 的判别器，通常与非饱和生成器损失搭配使用。',
    },
    pitfalls: {
      en: 'Compute it from logits (softplus form), not from sigmoid outputs, or log(0) appears once D is confident. A discriminator that wins too easily starves the generator of gradient; balance update steps, use spectral normalisation or a gradient penalty.',
      zh: '应从 logits 计算（softplus 形式），不要先过 sigmoid，否则判别器很自信时会出现 log(0)。判别器太强会让生成器得不到梯度；需平衡更新次数，或使用谱归一化、梯度惩罚。',
    },
    frameworkNotes: {
      en: "Written from scratch here; d_real and d_fake must have the same shape, the value is mean(real terms) + mean(fake terms), and the gradient shown is with respect to d_fake. TF-GAN (2.1.0) computes it in minimax_discriminator_loss and modified_discriminator_loss (the two are the same function), but both default to label_smoothing=0.25: the real targets become 1 − 0.25/2 = 0.875, so called with defaults they do not compute the loss above; pass label_smoothing=0.0 to match. tfgan.losses.* take a GANModel tuple; the versions that take d_real and d_fake directly are tfgan.losses.wargs.*.",
      zh: '这里从零实现；d_real 与 d_fake 形状必须相同，结果为真实项均值加生成项均值，显示的梯度是对 d_fake 的梯度。TF-GAN（2.1.0）中的 minimax_discriminator_loss 与 modified_discriminator_loss 计算它（两者是同一个函数），但默认 label_smoothing=0.25：真实样本的目标变为 1 − 0.25/2 = 0.875，因此按默认参数调用时算的并不是上面的损失；需传入 label_smoothing=0.0 才一致。tfgan.losses.* 的参数是 GANModel 元组；直接接收 d_real、d_fake 的版本在 tfgan.losses.wargs.* 中。',
    },
    paper: GAN_PAPER,
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'TF-GAN tensorflow_gan/python/losses/tuple_losses.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/tuple_losses.py' },
      { label: 'paper (Goodfellow et al. 2014)', version: '2014', url: 'https://arxiv.org/abs/1406.2661' },
    ],
    related: ['gan-generator-non-saturating-loss', 'gan-generator-minimax-loss', 'bce-with-logits', 'r1-penalty'],
    snippets: {
      torch:
        'loss_d = F.binary_cross_entropy_with_logits(${1:d_real}, torch.ones_like(${1:d_real})) + \\\n    F.binary_cross_entropy_with_logits(${2:d_fake}, torch.zeros_like(${2:d_fake}))',
      tf: 'bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)\nloss_d = bce(tf.ones_like(${1:d_real}), ${1:d_real}) + bce(tf.zeros_like(${2:d_fake}), ${2:d_fake})',
      jax: 'loss_d = optax.sigmoid_binary_cross_entropy(${1:d_real}, jnp.ones_like(${1:d_real})).mean() + \\\n    optax.sigmoid_binary_cross_entropy(${2:d_fake}, jnp.zeros_like(${2:d_fake})).mean()',
    },
  },
  {
    id: 'gan-generator-minimax-loss',
    names: { en: 'GAN Generator Loss (minimax, saturating)', zh: 'GAN 生成器损失（极小极大，饱和形式）' },
    aliases: ['saturating generator loss', 'minimax generator loss', '饱和生成器损失'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'tfgan.losses.minimax_generator_loss', kind: 'function' }],
    formula: '\\mathcal{L}_G = \\mathbb{E}_{z}\\big[\\log\\big(1 - \\sigma(D(G(z)))\\big)\\big]',
    formulaText: 'L_G = E_z[log(1 − σ(D(G(z))))]',
    inputs: [D_FAKE],
    params: [REDUCTION],
    summary: {
      en: 'The generator term of the original minimax game, minimised by the generator: it is exactly the negative of the discriminator\'s fake term. Negative-valued by construction.',
      zh: '原始极小极大博弈中生成器要最小化的项，恰好是判别器生成样本项的相反数。按定义其值为负。',
    },
    whenToUse: {
      en: 'Mostly for theory and teaching; in practice use the non-saturating form, which has the same fixed point and better gradients.',
      zh: '主要用于理论分析和教学；实践中应使用非饱和形式，它的不动点相同但梯度更好。',
    },
    pitfalls: {
      en: 'Saturates early in training: when D confidently rejects fakes, σ(D(G(z))) ≈ 0 and the gradient −σ(D(G(z))) vanishes, so the generator barely learns.',
      zh: '训练初期会饱和：判别器很容易识别生成样本时 σ(D(G(z))) ≈ 0，梯度 −σ(D(G(z))) 几乎为零，生成器几乎学不到东西。',
    },
    frameworkNotes: {
      en: 'Written from scratch; gradient with respect to d_fake (logits). TF-GAN (2.1.0) names it minimax_generator_loss, but computes it as the negative of its discriminator loss with the real logits set to the constant 1, so its value is this entry\'s minus log(1 + e⁻¹) ≈ 0.3133; the gradient is the same.',
      zh: '从零实现；梯度是对 d_fake（logits）的梯度。TF-GAN（2.1.0）中名为 minimax_generator_loss，但它把判别器损失中的真实 logits 固定为常数 1 再取相反数，因此其值等于本条目的值减去 log(1 + e⁻¹) ≈ 0.3133；梯度相同。',
    },
    paper: GAN_PAPER,
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Goodfellow et al. 2014)', version: '2014', url: 'https://arxiv.org/abs/1406.2661' },
    ],
    related: ['gan-generator-non-saturating-loss', 'gan-discriminator-loss'],
    snippets: {
      torch: 'loss_g = -F.softplus(${1:d_fake}).mean()  # = mean(log(1 - sigmoid(d_fake)))',
      tf: 'loss_g = -tf.reduce_mean(tf.math.softplus(${1:d_fake}))',
      jax: 'loss_g = -jnp.mean(jax.nn.softplus(${1:d_fake}))',
    },
  },
  {
    id: 'gan-generator-non-saturating-loss',
    names: { en: 'GAN Generator Loss (non-saturating)', zh: 'GAN 生成器损失（非饱和）' },
    aliases: ['non-saturating GAN loss', 'NS-GAN', 'modified generator loss', '非饱和 GAN 损失'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'tfgan.losses.modified_generator_loss', kind: 'function' }],
    formula: '\\mathcal{L}_G = -\\mathbb{E}_{z}\\big[\\log \\sigma(D(G(z)))\\big]',
    formulaText: 'L_G = −E_z[log σ(D(G(z)))]',
    inputs: [D_FAKE],
    params: [REDUCTION],
    summary: {
      en: 'The generator maximises log D(G(z)) instead of minimising log(1 − D(G(z))): binary cross-entropy of the fakes against the "real" label. Strong gradients exactly when the generator is losing.',
      zh: '生成器改为最大化 log D(G(z))，而不是最小化 log(1 − D(G(z)))：即把生成样本标为“真”的二元交叉熵。生成器处于劣势时梯度反而最大。',
    },
    whenToUse: {
      en: 'The default generator loss for standard GANs (DCGAN, StyleGAN with R1).',
      zh: '标准 GAN（DCGAN、搭配 R1 的 StyleGAN 等）默认的生成器损失。',
    },
    pitfalls: {
      en: 'No longer a zero-sum game; its divergence view is a KL minus 2·JS mix, which can favour mode dropping. Still compute from logits.',
      zh: '不再是零和博弈；从散度角度看相当于 KL 减 2 倍 JS，可能导致模式丢失（mode dropping）。同样应从 logits 计算。',
    },
    frameworkNotes: {
      en: "TF-GAN's modified_generator_loss; in PyTorch it is BCE-with-logits against ones. Gradient with respect to d_fake.",
      zh: '对应 TF-GAN 的 modified_generator_loss；在 PyTorch 中就是以全 1 为目标的 BCE-with-logits。梯度是对 d_fake 的梯度。',
    },
    paper: GAN_PAPER,
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Goodfellow et al. 2014)', version: '2014', url: 'https://arxiv.org/abs/1406.2661' },
      { label: 'paper (Arjovsky & Bottou 2017)', version: '2017', url: 'https://arxiv.org/abs/1701.04862' },
    ],
    related: ['gan-discriminator-loss', 'gan-generator-minimax-loss', 'bce-with-logits'],
    snippets: {
      torch: 'loss_g = F.binary_cross_entropy_with_logits(${1:d_fake}, torch.ones_like(${1:d_fake}))',
      tf: 'bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)\nloss_g = bce(tf.ones_like(${1:d_fake}), ${1:d_fake})',
      jax: 'loss_g = optax.sigmoid_binary_cross_entropy(${1:d_fake}, jnp.ones_like(${1:d_fake})).mean()',
    },
  },
  {
    id: 'lsgan-discriminator-loss',
    names: { en: 'LSGAN Discriminator Loss', zh: 'LSGAN 判别器损失（最小二乘 GAN）' },
    aliases: ['least squares GAN', 'LSGAN', '最小二乘 GAN'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'tfgan.losses.least_squares_discriminator_loss', kind: 'function' }],
    formula: '\\mathcal{L}_D = \\tfrac{1}{2}\\mathbb{E}_x\\big[(D(x) - b)^2\\big] + \\tfrac{1}{2}\\mathbb{E}_z\\big[(D(G(z)) - a)^2\\big]',
    formulaText: 'L_D = ½E_x[(D(x) − b)²] + ½E_z[(D(G(z)) − a)²]',
    inputs: [D_REAL, D_FAKE],
    params: [
      num('real_label', 1, [-1, 1], 'Target b for real samples.', '真实样本的目标值 b。'),
      num('fake_label', 0, [-1, 1], 'Target a for generated samples.', '生成样本的目标值 a。'),
      REDUCTION,
    ],
    summary: {
      en: 'Replaces the sigmoid cross-entropy of the discriminator with a least-squares regression of its raw output onto target codes, penalising fakes that lie far on the correct side of the boundary too.',
      zh: '把判别器的 sigmoid 交叉熵换成对原始输出做最小二乘回归到目标编码，即使生成样本已落在决策边界正确一侧，离得远也会受到惩罚。',
    },
    whenToUse: {
      en: 'Image-to-image and CycleGAN/pix2pixHD-style training, where it is more stable than the log loss and gives non-vanishing gradients.',
      zh: '图像到图像翻译以及 CycleGAN/pix2pixHD 式训练，比对数损失更稳定，梯度不容易消失。',
    },
    pitfalls: {
      en: 'The raw output must be unbounded (no sigmoid). The paper\'s link to the Pearson χ² divergence holds only when b − c = 1 and b − a = 2 (e.g. a = −1, b = 1, c = 0); the 0-1 coding a = 0, b = c = 1 (the defaults here and in TF-GAN) is equally common but does not satisfy it.',
      zh: '判别器输出不要加 sigmoid。论文中与 Pearson χ² 散度的对应关系只在 b − c = 1 且 b − a = 2 时成立（如 a = −1、b = 1、c = 0）；0-1 编码 a = 0、b = c = 1（本条目和 TF-GAN 的默认值）同样常用，但不满足该条件。',
    },
    frameworkNotes: PAIR_NOTE,
    paper: LSGAN_PAPER,
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Mao et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1611.04076' },
    ],
    related: ['lsgan-generator-loss', 'gan-discriminator-loss', 'mse-loss'],
    snippets: {
      torch:
        "real_label = ${3:1.0}\nfake_label = ${4:0.0}\nloss_d = 0.5 * ((${1:d_real} - real_label) ** 2).mean() + 0.5 * ((${2:d_fake} - fake_label) ** 2).mean()",
      tf: 'loss_d = 0.5 * tf.reduce_mean(tf.square(${1:d_real} - ${3:1.0})) + 0.5 * tf.reduce_mean(tf.square(${2:d_fake} - ${4:0.0}))',
      jax: 'loss_d = 0.5 * jnp.mean((${1:d_real} - ${3:1.0}) ** 2) + 0.5 * jnp.mean((${2:d_fake} - ${4:0.0}) ** 2)',
    },
  },
  {
    id: 'lsgan-generator-loss',
    names: { en: 'LSGAN Generator Loss', zh: 'LSGAN 生成器损失' },
    aliases: ['least squares generator loss', '最小二乘生成器损失'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'tfgan.losses.least_squares_generator_loss', kind: 'function' }],
    formula: '\\mathcal{L}_G = \\tfrac{1}{2}\\mathbb{E}_z\\big[(D(G(z)) - c)^2\\big]',
    formulaText: 'L_G = ½E_z[(D(G(z)) − c)²]',
    inputs: [D_FAKE],
    params: [
      num('target_label', 1, [-1, 1], 'The value c the generator wants D to output on fakes.', '生成器希望判别器对生成样本输出的值 c。'),
      REDUCTION,
    ],
    summary: {
      en: 'The generator regresses the discriminator\'s output on its samples toward c (usually the real label).',
      zh: '生成器让判别器对其样本的输出回归到 c（通常等于真实标签）。',
    },
    whenToUse: {
      en: 'Together with the LSGAN discriminator loss (CycleGAN uses this pair).',
      zh: '与 LSGAN 判别器损失配套使用（CycleGAN 使用这一组合）。',
    },
    pitfalls: {
      en: 'Mixing label codings between D and G (e.g. D with a = −1 and G with c = 1) changes what is optimised; keep them consistent.',
      zh: '判别器与生成器的标签编码不一致（如 D 用 a = −1 而 G 用 c = 1）会改变优化目标，应保持一致。',
    },
    frameworkNotes: {
      en: "TF-GAN's least_squares_generator_loss defaults to real_label=1 and includes the ½ factor. Gradient with respect to d_fake.",
      zh: 'TF-GAN 的 least_squares_generator_loss 默认 real_label=1 并带 ½ 系数。梯度是对 d_fake 的梯度。',
    },
    paper: LSGAN_PAPER,
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Mao et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1611.04076' },
    ],
    related: ['lsgan-discriminator-loss', 'mse-loss'],
    snippets: {
      torch:
        "target_label = ${2:1.0}\nloss_g = 0.5 * ((${1:d_fake} - target_label) ** 2).mean()",
      tf: 'loss_g = 0.5 * tf.reduce_mean(tf.square(${1:d_fake} - ${2:1.0}))',
      jax: 'loss_g = 0.5 * jnp.mean((${1:d_fake} - ${2:1.0}) ** 2)',
    },
  },
  {
    id: 'wgan-critic-loss',
    names: { en: 'Wasserstein GAN Critic Loss', zh: 'WGAN 判别器（critic）损失' },
    aliases: ['WGAN critic loss', 'Wasserstein loss', 'earth mover loss', 'Wasserstein 损失', '推土机距离损失'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'tfgan.losses.wasserstein_discriminator_loss', kind: 'function' }],
    formula: '\\mathcal{L}_D = \\mathbb{E}_z\\big[D(G(z))\\big] - \\mathbb{E}_x\\big[D(x)\\big]',
    formulaText: 'L_D = E_z[D(G(z))] − E_x[D(x)]',
    inputs: [D_REAL, D_FAKE],
    params: [REDUCTION],
    summary: {
      en: 'The critic estimates the Wasserstein-1 (earth mover\'s) distance through Kantorovich–Rubinstein duality: it maximises the gap between its mean score on real and on fake samples, subject to being 1-Lipschitz.',
      zh: '判别器（critic）通过 Kantorovich–Rubinstein 对偶估计 Wasserstein-1（推土机）距离：在 1-Lipschitz 约束下最大化真实样本与生成样本平均得分之差。',
    },
    whenToUse: {
      en: 'WGAN and WGAN-GP training: the negated loss tracks sample quality and gives useful gradients even when the supports do not overlap.',
      zh: 'WGAN 与 WGAN-GP 训练：损失的相反数能反映样本质量，即使两个分布的支撑集不重叠也能提供有效梯度。',
    },
    pitfalls: {
      en: 'Meaningless without a Lipschitz constraint (weight clipping, gradient penalty or spectral norm): the critic output then grows without bound. No sigmoid, no log.',
      zh: '没有 Lipschitz 约束（权重截断、梯度惩罚或谱归一化）就没有意义，critic 输出会无限增大。不要加 sigmoid 和 log。',
    },
    frameworkNotes: PAIR_NOTE,
    paper: WGAN_PAPER,
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Arjovsky et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1701.07875' },
    ],
    related: ['wgan-generator-loss', 'wgan-gp-penalty', 'hinge-gan-discriminator-loss'],
    snippets: {
      torch: 'loss_d = ${2:d_fake}.mean() - ${1:d_real}.mean()',
      tf: 'loss_d = tf.reduce_mean(${2:d_fake}) - tf.reduce_mean(${1:d_real})',
      jax: 'loss_d = jnp.mean(${2:d_fake}) - jnp.mean(${1:d_real})',
    },
  },
  {
    id: 'wgan-generator-loss',
    names: { en: 'Wasserstein / Hinge GAN Generator Loss', zh: 'WGAN / Hinge GAN 生成器损失' },
    aliases: ['WGAN generator loss', 'hinge GAN generator loss', 'WGAN 生成器损失'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'tfgan.losses.wasserstein_generator_loss', kind: 'function' }],
    formula: '\\mathcal{L}_G = -\\mathbb{E}_z\\big[D(G(z))\\big]',
    formulaText: 'L_G = −E_z[D(G(z))]',
    inputs: [D_FAKE],
    params: [REDUCTION],
    summary: {
      en: 'The generator raises the critic\'s mean score on its samples. Used both with the Wasserstein critic and with the hinge discriminator (SAGAN, BigGAN).',
      zh: '生成器提高 critic 对其样本的平均得分。既用于 Wasserstein critic，也用于 hinge 判别器（SAGAN、BigGAN）。',
    },
    whenToUse: {
      en: 'Generator side of WGAN, WGAN-GP and hinge-loss GANs.',
      zh: 'WGAN、WGAN-GP 以及 hinge 损失 GAN 的生成器一方。',
    },
    pitfalls: {
      en: 'Unbounded below; only its gradient matters. Its value is not comparable across runs unless the critic is constrained the same way.',
      zh: '没有下界，只有梯度有意义；除非 critic 约束方式相同，否则不同实验的数值不可比较。',
    },
    frameworkNotes: {
      en: "TF-GAN's wasserstein_generator_loss. Gradient with respect to d_fake (constant −1/N for 'mean').",
      zh: '对应 TF-GAN 的 wasserstein_generator_loss。梯度是对 d_fake 的梯度（mean 时为常数 −1/N）。',
    },
    paper: WGAN_PAPER,
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Arjovsky et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1701.07875' },
    ],
    related: ['wgan-critic-loss', 'hinge-gan-discriminator-loss'],
    snippets: {
      torch: 'loss_g = -${1:d_fake}.mean()',
      tf: 'loss_g = -tf.reduce_mean(${1:d_fake})',
      jax: 'loss_g = -jnp.mean(${1:d_fake})',
    },
  },
  {
    id: 'hinge-gan-discriminator-loss',
    names: { en: 'Hinge GAN Discriminator Loss', zh: 'Hinge GAN 判别器损失' },
    aliases: ['hinge adversarial loss', 'GAN hinge loss', 'Hinge GAN', 'hinge 对抗损失'],
    category: 'generative',
    apis: [],
    formula: '\\mathcal{L}_D = \\mathbb{E}_x\\big[\\max(0, 1 - D(x))\\big] + \\mathbb{E}_z\\big[\\max(0, 1 + D(G(z)))\\big]',
    formulaText: 'L_D = E_x[max(0, 1 − D(x))] + E_z[max(0, 1 + D(G(z)))]',
    inputs: [D_REAL, D_FAKE],
    params: [REDUCTION],
    summary: {
      en: 'An SVM-style margin loss for the discriminator: real scores are pushed above +1 and fake scores below −1, and samples beyond the margin stop contributing.',
      zh: '判别器的 SVM 式间隔损失：真实样本得分推到 +1 以上、生成样本推到 −1 以下，超过间隔的样本不再贡献损失。',
    },
    whenToUse: {
      en: 'Spectral-normalised GANs, SAGAN and BigGAN; paired with the generator loss −E[D(G(z))].',
      zh: '谱归一化 GAN、SAGAN、BigGAN；生成器使用 −E[D(G(z))]。',
    },
    pitfalls: {
      en: 'The generator side is not a hinge (it is −E[D(G(z))]). Negating the discriminator\'s fake hinge for the generator, −E[max(0, 1 + D(G(z)))], gives no gradient for fakes scored below −1, exactly the ones the generator most needs to improve.',
      zh: '生成器一方不是 hinge（而是 −E[D(G(z))]）。若生成器直接取判别器生成样本 hinge 项的相反数 −E[max(0, 1 + D(G(z)))]，得分低于 −1 的生成样本就没有梯度，而这些恰恰是生成器最需要改进的样本。',
    },
    frameworkNotes: {
      en: 'Written from scratch here; d_real and d_fake must have the same shape, the value is mean(real terms) + mean(fake terms), and the gradient shown is with respect to d_fake. TF-GAN (2.1.0) has it as wasserstein_hinge_discriminator_loss (real_hinge=1.0, generated_hinge=1.0), with wasserstein_hinge_generator_loss an alias of wasserstein_generator_loss.',
      zh: '这里从零实现；d_real 与 d_fake 形状必须相同，结果为真实项均值加生成项均值，显示的梯度是对 d_fake 的梯度。TF-GAN（2.1.0）中为 wasserstein_hinge_discriminator_loss（real_hinge=1.0、generated_hinge=1.0），其 wasserstein_hinge_generator_loss 是 wasserstein_generator_loss 的别名。',
    },
    paper: {
      authors: 'Jae Hyun Lim, Jong Chul Ye',
      year: 2017,
      title: 'Geometric GAN',
      url: 'https://arxiv.org/abs/1705.02894',
    },
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Lim & Ye 2017)', version: '2017', url: 'https://arxiv.org/abs/1705.02894' },
      { label: 'paper (Miyato et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1802.05957' },
    ],
    related: ['wgan-generator-loss', 'wgan-critic-loss', 'hinge'],
    snippets: {
      torch: 'loss_d = F.relu(1 - ${1:d_real}).mean() + F.relu(1 + ${2:d_fake}).mean()',
      tf: 'loss_d = tf.reduce_mean(tf.nn.relu(1 - ${1:d_real})) + tf.reduce_mean(tf.nn.relu(1 + ${2:d_fake}))',
      jax: 'loss_d = jnp.mean(jax.nn.relu(1 - ${1:d_real})) + jnp.mean(jax.nn.relu(1 + ${2:d_fake}))',
    },
  },
  {
    id: 'wgan-gp-penalty',
    names: { en: 'WGAN-GP Gradient Penalty', zh: 'WGAN-GP 梯度惩罚' },
    aliases: ['gradient penalty', 'WGAN-GP', '梯度惩罚'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'tfgan.losses.wasserstein_gradient_penalty', kind: 'function' }],
    formula: '\\mathcal{L}_{GP} = \\lambda\\, \\mathbb{E}_{\\hat{x}}\\Big[\\big(\\lVert \\nabla_{\\hat{x}} D(\\hat{x}) \\rVert_2 - 1\\big)^2\\Big], \\quad \\hat{x} = \\epsilon x + (1 - \\epsilon)\\, G(z)',
    formulaText: 'L_GP = λ·E[(‖∇_x̂ D(x̂)‖₂ − 1)²], x̂ = εx + (1 − ε)G(z), ε ~ U[0, 1]',
    inputs: [
      { name: 'real', meaning: { en: 'A batch of real samples x.', zh: '一批真实样本 x。' }, shape: '(N, *)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'fake', meaning: { en: 'A batch of generated samples G(z), same shape.', zh: '一批生成样本 G(z)，形状相同。' }, shape: '(N, *)', domain: { en: 'real numbers', zh: '实数' } },
    ],
    params: [num('lambda_gp', 10, [0, 100], 'Penalty weight λ (10 in the paper).', '惩罚权重 λ（论文取 10）。')],
    summary: {
      en: 'Enforces the critic\'s 1-Lipschitz constraint softly by penalising gradient norms that differ from 1 at random interpolates between real and fake samples; replaces weight clipping.',
      zh: '在真实样本与生成样本之间的随机插值点上，惩罚梯度范数偏离 1 的程度，以软约束方式实现 critic 的 1-Lipschitz 条件，取代权重截断。',
    },
    whenToUse: {
      en: 'Added to the WGAN critic loss (WGAN-GP); also used with other GAN losses as a general regulariser.',
      zh: '加在 WGAN critic 损失上（WGAN-GP）；也可作为通用正则项用于其他 GAN 损失。',
    },
    pitfalls: {
      en: 'Needs a second backward pass (create_graph=True), roughly doubling critic cost. Do not combine with batch normalisation in the critic (it mixes samples; use layer norm). Reference only here: the value depends on the critic network, not on arrays.',
      zh: '需要二阶反向传播（create_graph=True），critic 的计算量约翻倍。critic 中不要用批归一化（会混合样本，应改用层归一化）。此处仅作参考：其值依赖判别器网络本身，无法只由数组计算。',
    },
    frameworkNotes: {
      en: 'No single call in torch/Keras; written with torch.autograd.grad. TF-GAN (2.1.0) has wasserstein_gradient_penalty: it returns the unweighted mean penalty (λ is applied by the caller), adds epsilon=1e-10 inside the square root of the norm, and raises an error in eager mode (graph mode only).',
      zh: 'PyTorch/Keras 没有现成函数，需用 torch.autograd.grad 编写。TF-GAN（2.1.0）提供 wasserstein_gradient_penalty：它返回未加权的平均惩罚（λ 由调用方乘上），在求范数的平方根内加 epsilon=1e-10，且在 eager 模式下会报错（只支持图模式）。',
    },
    paper: {
      authors: 'Ishaan Gulrajani, Faruk Ahmed, Martin Arjovsky, Vincent Dumoulin, Aaron Courville',
      year: 2017,
      title: 'Improved Training of Wasserstein GANs',
      url: 'https://arxiv.org/abs/1704.00028',
    },
    sources: [
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
      { label: 'paper (Gulrajani et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1704.00028' },
    ],
    related: ['wgan-critic-loss', 'r1-penalty'],
    snippets: {
      torch:
        "lambda_gp = ${4:10.0}\neps = torch.rand(${1:real}.size(0), *([1] * (${1:real}.dim() - 1)), device=${1:real}.device)\nx_hat = (eps * ${1:real} + (1 - eps) * ${2:fake}.detach()).requires_grad_(True)\ngrad, = torch.autograd.grad(${3:critic}(x_hat).sum(), x_hat, create_graph=True)\ngp = lambda_gp * ((grad.flatten(1).norm(dim=1) - 1) ** 2).mean()",
      tf: 'eps = tf.random.uniform([tf.shape(${1:real})[0]] + [1] * (len(${1:real}.shape) - 1))\nx_hat = eps * ${1:real} + (1 - eps) * ${2:fake}\nwith tf.GradientTape() as tape:\n    tape.watch(x_hat)\n    out = ${3:critic}(x_hat)\ngrad = tape.gradient(out, x_hat)\ngp = ${4:10.0} * tf.reduce_mean((tf.norm(tf.reshape(grad, [tf.shape(grad)[0], -1]), axis=1) - 1) ** 2)',
    },
  },
  {
    id: 'r1-penalty',
    names: { en: 'R1 Gradient Penalty', zh: 'R1 梯度惩罚' },
    aliases: ['R1 regularization', 'zero-centered gradient penalty', 'R1 正则', '零中心梯度惩罚'],
    category: 'generative',
    apis: [],
    formula: 'R_1 = \\frac{\\gamma}{2}\\, \\mathbb{E}_{x \\sim p_{\\text{data}}}\\Big[\\lVert \\nabla_x D(x) \\rVert_2^2\\Big]',
    formulaText: 'R₁ = (γ/2)·E_x~data[‖∇ₓ D(x)‖₂²]',
    inputs: [
      { name: 'real', meaning: { en: 'A batch of real samples x at which the discriminator gradient is penalised.', zh: '一批真实样本 x，在这些点上惩罚判别器的梯度。' }, shape: '(N, *)', domain: { en: 'real numbers', zh: '实数' } },
    ],
    params: [num('gamma', 10, [0, 100], 'Penalty weight γ (dataset dependent; StyleGAN uses 10 at 1024², smaller for low resolution).', '惩罚权重 γ（与数据集有关；StyleGAN 在 1024² 上取 10，低分辨率时更小）。')],
    summary: {
      en: 'Penalises the squared gradient norm of the discriminator on real data only, pulling it toward zero; this makes GAN training locally convergent around the equilibrium.',
      zh: '只在真实数据上惩罚判别器梯度范数的平方，使其趋向零；这让 GAN 训练在平衡点附近局部收敛。',
    },
    whenToUse: {
      en: 'With the non-saturating loss in StyleGAN-family models; since StyleGAN2 often applied lazily (every 16 minibatches, scaled up accordingly).',
      zh: '在 StyleGAN 系列中与非饱和损失搭配；自 StyleGAN2 起常采用“惰性”正则（每 16 个 minibatch 计算一次并相应放大）。',
    },
    pitfalls: {
      en: 'Needs gradients through the discriminator input (create_graph=True). γ matters a lot and scales with resolution. Reference only: the value depends on D itself.',
      zh: '需要对判别器输入求梯度并保留计算图（create_graph=True）。γ 影响很大，且与分辨率有关。此处仅作参考：其值依赖判别器本身。',
    },
    frameworkNotes: {
      en: 'No framework call; written with torch.autograd.grad or tf.GradientTape.',
      zh: '各框架没有现成函数，用 torch.autograd.grad 或 tf.GradientTape 编写。',
    },
    paper: {
      authors: 'Lars Mescheder, Andreas Geiger, Sebastian Nowozin',
      year: 2018,
      title: 'Which Training Methods for GANs do actually Converge?',
      url: 'https://arxiv.org/abs/1801.04406',
    },
    sources: [
      { label: 'paper (Mescheder et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1801.04406' },
      { label: 'paper (Karras et al. 2020, StyleGAN2)', version: '2020', url: 'https://arxiv.org/abs/1912.04958' },
    ],
    related: ['wgan-gp-penalty', 'gan-discriminator-loss', 'gan-generator-non-saturating-loss'],
    snippets: {
      torch:
        "gamma = ${3:10.0}\nx = ${1:real}.detach().requires_grad_(True)\ngrad, = torch.autograd.grad(${2:discriminator}(x).sum(), x, create_graph=True)\nr1 = gamma / 2 * grad.pow(2).flatten(1).sum(1).mean()",
      tf: 'with tf.GradientTape() as tape:\n    tape.watch(${1:real})\n    out = ${2:discriminator}(${1:real})\ngrad = tape.gradient(out, ${1:real})\nr1 = ${3:10.0} / 2 * tf.reduce_mean(tf.reduce_sum(tf.reshape(grad, [tf.shape(grad)[0], -1]) ** 2, axis=1))',
    },
  },
  {
    id: 'vae-kl-loss',
    names: { en: 'VAE KL Term (Gaussian to N(0, I))', zh: 'VAE 的 KL 项（高斯后验到标准正态）' },
    aliases: ['KLD', 'Gaussian KL divergence', 'latent KL', 'KL 正则项', '潜变量 KL'],
    category: 'generative',
    apis: [],
    formula: 'D_{KL}\\big(\\mathcal{N}(\\mu, \\sigma^2) \\,\\|\\, \\mathcal{N}(0, I)\\big) = -\\frac{1}{2}\\sum_{k=1}^{K}\\big(1 + \\log\\sigma_k^2 - \\mu_k^2 - \\sigma_k^2\\big)',
    formulaText: 'KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ_k (1 + log σ²_k − μ²_k − σ²_k)',
    inputs: [
      {
        name: 'mu',
        meaning: { en: 'Encoder mean μ.', zh: '编码器输出的均值 μ。' },
        shape: '(K) or (N, K)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'logvar',
        meaning: { en: 'Encoder log-variance log σ².', zh: '编码器输出的对数方差 log σ²。' },
        shape: 'same shape as mu',
        domain: { en: 'real numbers', zh: '实数' },
      },
    ],
    params: [REDUCTION],
    summary: {
      en: 'The closed-form KL divergence between a diagonal Gaussian posterior and the standard normal prior, summed over latent dimensions: the regulariser of the VAE objective.',
      zh: '对角高斯后验与标准正态先验之间 KL 散度的闭式解（按潜变量维度求和），是 VAE 目标中的正则项。',
    },
    whenToUse: {
      en: 'Any model with a Gaussian reparameterised latent (VAE, CVAE, VAE-GAN), alone when the reconstruction term is computed elsewhere, or weighted by β / annealed.',
      zh: '使用高斯重参数化潜变量的任何模型（VAE、CVAE、VAE-GAN）；重建项另行计算时可单独使用，也可乘以 β 或做退火。',
    },
    pitfalls: {
      en: 'Sum over latent dimensions, then average over the batch; averaging over dimensions silently shrinks the KL weight by K. Posterior collapse: a strong decoder drives this term to 0 (use KL annealing or free bits).',
      zh: '应先在潜变量维度上求和，再对 batch 平均；若对维度求平均，KL 权重会被悄悄缩小 K 倍。后验坍塌：解码器很强时该项会被压到 0（可用 KL 退火或 free bits）。',
    },
    frameworkNotes: {
      en: 'torch.distributions.kl_divergence(Normal(mu, std), Normal(0, 1)).sum(-1) gives the same values. Gradient here with respect to mu (it equals mu per element, over N for mean).',
      zh: 'torch.distributions.kl_divergence(Normal(mu, std), Normal(0, 1)).sum(-1) 结果相同。此处对 mu 求梯度（逐元素等于 mu，mean 时再除以 N）。',
    },
    paper: VAE_PAPER,
    sources: [
      { label: 'paper (Kingma & Welling 2014)', version: '2014', url: 'https://arxiv.org/abs/1312.6114' },
      { label: 'PyTorch examples vae/main.py', version: '77f55b9', url: 'https://github.com/pytorch/examples/blob/77f55b912142e11fcfdf5b530231fb9c52f181e8/vae/main.py' },
    ],
    related: ['vae-elbo-loss', 'beta-vae-loss', 'kl-div'],
    snippets: {
      torch: 'kld = (-0.5 * (1 + ${2:logvar} - ${1:mu} ** 2 - ${2:logvar}.exp()).sum(dim=1)).mean()',
      tf: 'kld = tf.reduce_mean(-0.5 * tf.reduce_sum(1 + ${2:logvar} - ${1:mu} ** 2 - tf.exp(${2:logvar}), axis=1))',
      jax: 'kld = jnp.mean(-0.5 * jnp.sum(1 + ${2:logvar} - ${1:mu} ** 2 - jnp.exp(${2:logvar}), axis=1))',
    },
  },
  {
    id: 'vae-elbo-loss',
    names: { en: 'VAE Loss (negative ELBO)', zh: 'VAE 损失（负证据下界 ELBO）' },
    aliases: ['ELBO', 'negative ELBO', 'variational lower bound', '证据下界', '变分下界', 'VAE loss'],
    category: 'generative',
    apis: [],
    formula: '\\mathcal{L} = \\underbrace{-\\mathbb{E}_{q(z|x)}\\big[\\log p(x|z)\\big]}_{\\text{reconstruction}} + \\beta\\, D_{KL}\\big(q(z|x) \\,\\|\\, \\mathcal{N}(0, I)\\big)',
    formulaText: 'L = −E_q(z|x)[log p(x|z)] + β·KL(q(z|x) ‖ N(0, I)),  reconstruction summed over features',
    inputs: VAE_INPUTS,
    params: [RECON, num('beta', 1, [0, 10], 'Weight β of the KL term (1 for the plain ELBO).', 'KL 项的权重 β（标准 ELBO 为 1）。'), VAE_REDUCTION],
    summary: {
      en: 'The variational autoencoder objective: reconstruction negative log-likelihood plus the KL divergence of the approximate posterior from the prior. Minimising it maximises a lower bound on log p(x).',
      zh: '变分自编码器（VAE）的目标：重建负对数似然加上近似后验与先验之间的 KL 散度。最小化它等价于最大化 log p(x) 的一个下界。',
    },
    whenToUse: {
      en: 'Training VAEs and their conditional variants for generation, representation learning and anomaly detection.',
      zh: '训练 VAE 及其条件版本，用于生成、表征学习和异常检测。',
    },
    pitfalls: {
      en: 'The reconstruction term must be summed over pixels (a log-likelihood); averaging it makes the KL dominate and gives blurry, collapsed models. BCE assumes data in [0, 1]. MSE corresponds to a Gaussian decoder with fixed variance, so its scale sets an implicit β.',
      zh: '重建项必须按像素求和（它是对数似然）；若取平均，KL 会占主导，模型变得模糊甚至坍塌。BCE 要求数据在 [0, 1] 内。MSE 相当于方差固定的高斯解码器，其尺度隐含了一个 β。',
    },
    frameworkNotes: {
      en: "No framework call; the PyTorch VAE example uses F.binary_cross_entropy(..., reduction='sum') + KLD summed over the batch. Gradient here with respect to the reconstruction (input); for BCE it matches torch's clamped-log implementation.",
      zh: '各框架没有现成函数；PyTorch 官方 VAE 示例使用 F.binary_cross_entropy(..., reduction="sum") 加 KLD，并对 batch 求和。此处对重建结果（input）求梯度；BCE 与 torch 的对数截断实现一致。',
    },
    paper: VAE_PAPER,
    sources: [
      { label: 'paper (Kingma & Welling 2014)', version: '2014', url: 'https://arxiv.org/abs/1312.6114' },
      { label: 'PyTorch examples vae/main.py', version: '77f55b9', url: 'https://github.com/pytorch/examples/blob/77f55b912142e11fcfdf5b530231fb9c52f181e8/vae/main.py' },
    ],
    related: ['vae-kl-loss', 'beta-vae-loss', 'binary-cross-entropy', 'mse-loss'],
    snippets: {
      torch:
        "beta = ${5:1.0}\nrecon = F.binary_cross_entropy(${1:x_hat}, ${2:x}, reduction='sum')\nkld = -0.5 * torch.sum(1 + ${4:logvar} - ${3:mu} ** 2 - ${4:logvar}.exp())\nloss = (recon + beta * kld) / ${2:x}.size(0)",
      tf: 'recon = tf.reduce_sum(tf.keras.losses.binary_crossentropy(${2:x}, ${1:x_hat}) * tf.cast(tf.shape(${2:x})[-1], tf.float32))\nkld = -0.5 * tf.reduce_sum(1 + ${4:logvar} - ${3:mu} ** 2 - tf.exp(${4:logvar}))\nloss = (recon + kld) / tf.cast(tf.shape(${2:x})[0], tf.float32)',
      jax: 'recon = -jnp.sum(${2:x} * jnp.log(${1:x_hat}) + (1 - ${2:x}) * jnp.log(1 - ${1:x_hat}))\nkld = -0.5 * jnp.sum(1 + ${4:logvar} - ${3:mu} ** 2 - jnp.exp(${4:logvar}))\nloss = (recon + kld) / ${2:x}.shape[0]',
    },
  },
  {
    id: 'beta-vae-loss',
    names: { en: 'β-VAE Loss', zh: 'β-VAE 损失' },
    aliases: ['beta-VAE', 'β-VAE', 'beta VAE', '解耦 VAE'],
    category: 'generative',
    apis: [],
    formula: '\\mathcal{L} = -\\mathbb{E}_{q(z|x)}\\big[\\log p(x|z)\\big] + \\beta\\, D_{KL}\\big(q(z|x) \\,\\|\\, \\mathcal{N}(0, I)\\big), \\quad \\beta > 1',
    formulaText: 'L = −E_q[log p(x|z)] + β·KL(q(z|x) ‖ N(0, I)), β > 1',
    inputs: VAE_INPUTS,
    params: [RECON, num('beta', 4, [0, 20], 'KL weight β; values above 1 favour disentangled latents (4 is a common starting point).', 'KL 权重 β；大于 1 时更倾向解耦的潜变量（常从 4 开始尝试）。'), VAE_REDUCTION],
    summary: {
      en: 'The VAE objective with the KL term weighted by β > 1, which pressures the posterior toward the factorised prior and encourages each latent to capture one factor of variation.',
      zh: '把 KL 项权重设为 β > 1 的 VAE 目标，迫使后验更接近可分解的先验，鼓励每个潜变量只刻画一个变化因素。',
    },
    whenToUse: {
      en: 'Disentangled representation learning; β < 1 is used the other way round to reduce posterior collapse or improve reconstructions.',
      zh: '学习解耦表征（disentangled representation）；反过来取 β < 1 可缓解后验坍塌或提升重建质量。',
    },
    pitfalls: {
      en: 'Higher β trades reconstruction quality for disentanglement; the right β depends on data size and the reconstruction scale (sum vs mean). Capacity annealing (Burgess et al.) is often more stable than a fixed β.',
      zh: 'β 越大，重建质量越差、解耦越好；合适的 β 与数据量和重建项尺度（求和还是平均）有关。容量退火（Burgess 等人）往往比固定 β 更稳定。',
    },
    frameworkNotes: {
      en: 'Same computation as vae-elbo-loss with a different default β. Gradient with respect to the reconstruction (input).',
      zh: '与 vae-elbo-loss 计算相同，只是 β 默认值不同。对重建结果（input）求梯度。',
    },
    paper: {
      authors: 'Irina Higgins, Loic Matthey, Arka Pal, Christopher Burgess, Xavier Glorot, Matthew Botvinick, Shakir Mohamed, Alexander Lerchner',
      year: 2017,
      title: 'beta-VAE: Learning Basic Visual Concepts with a Constrained Variational Framework',
      url: 'https://openreview.net/forum?id=Sy2fzU9gl',
    },
    sources: [
      { label: 'paper (Higgins et al. 2017)', version: 'ICLR 2017', url: 'https://openreview.net/forum?id=Sy2fzU9gl' },
      { label: 'paper (Burgess et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1804.03599' },
      { label: 'PyTorch examples vae/main.py', version: '77f55b9', url: 'https://github.com/pytorch/examples/blob/77f55b912142e11fcfdf5b530231fb9c52f181e8/vae/main.py' },
    ],
    related: ['vae-elbo-loss', 'vae-kl-loss'],
    snippets: {
      torch:
        "beta = ${5:4.0}\nrecon = F.binary_cross_entropy(${1:x_hat}, ${2:x}, reduction='sum')\nkld = -0.5 * torch.sum(1 + ${4:logvar} - ${3:mu} ** 2 - ${4:logvar}.exp())\nloss = (recon + beta * kld) / ${2:x}.size(0)",
      tf: 'recon = tf.reduce_sum(tf.keras.losses.binary_crossentropy(${2:x}, ${1:x_hat}) * tf.cast(tf.shape(${2:x})[-1], tf.float32))\nkld = -0.5 * tf.reduce_sum(1 + ${4:logvar} - ${3:mu} ** 2 - tf.exp(${4:logvar}))\nloss = (recon + ${5:4.0} * kld) / tf.cast(tf.shape(${2:x})[0], tf.float32)',
    },
  },
  {
    id: 'diffusion-noise-prediction-loss',
    names: { en: 'Diffusion Noise-Prediction Loss (ε-MSE)', zh: '扩散模型噪声预测损失（ε-MSE）' },
    aliases: ['DDPM loss', 'epsilon prediction loss', 'simple diffusion loss', 'Min-SNR weighting', '扩散损失', '去噪扩散损失'],
    category: 'generative',
    apis: [],
    formula: '\\mathcal{L}_{\\text{simple}} = \\mathbb{E}_{t, x_0, \\epsilon}\\Big[ w_t \\,\\big\\lVert \\epsilon - \\epsilon_\\theta\\big(\\sqrt{\\bar\\alpha_t}\\,x_0 + \\sqrt{1 - \\bar\\alpha_t}\\,\\epsilon,\\ t\\big) \\big\\rVert^2 \\Big], \\quad w_t = \\frac{\\min(\\mathrm{SNR}_t, \\gamma)}{\\mathrm{SNR}_t}',
    formulaText: 'L = E[w_t·mean‖ε − ε_θ(√ᾱ_t x₀ + √(1 − ᾱ_t) ε, t)‖²], w_t = 1 or min(SNR_t, γ)/SNR_t',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Predicted noise ε_θ(x_t, t).', zh: '模型预测的噪声 ε_θ(x_t, t)。' },
        shape: '(N), (N, D) or (N, D1, D2)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'target',
        meaning: { en: 'The Gaussian noise ε that was added.', zh: '实际加入的高斯噪声 ε。' },
        shape: 'same shape as input',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'snr',
        meaning: { en: 'Signal-to-noise ratio ᾱ_t / (1 − ᾱ_t) of each sample\'s timestep (needed when snr_gamma is set).', zh: '每个样本对应时间步的信噪比 ᾱ_t / (1 − ᾱ_t)（设置 snr_gamma 时需要）。' },
        shape: '(N)',
        domain: { en: 'positive numbers', zh: '正数' },
        optional: true,
      },
    ],
    params: [
      num('snr_gamma', null, [1, 20], 'Min-SNR-γ weighting (None = unweighted; 5 is the paper\'s recommendation).', 'Min-SNR-γ 加权（None 表示不加权；论文推荐 5）。'),
      {
        ...REDUCTION,
        meaning: {
          en: "How per-sample losses (mean squared error over each sample, times its weight) are combined: 'mean', 'sum' or 'none'.",
          zh: "每个样本的损失（该样本上的均方误差乘以权重）的汇总方式：'mean'、'sum' 或 'none'。",
        },
      },
    ],
    summary: {
      en: 'DDPM\'s "simple" objective: the network predicts the noise that was added at a random timestep, trained with plain MSE; optional Min-SNR-γ weights stop low-noise timesteps from dominating.',
      zh: 'DDPM 的“简化”目标：网络预测随机时间步上加入的噪声，用普通 MSE 训练；可选的 Min-SNR-γ 权重避免低噪声时间步主导训练。',
    },
    whenToUse: {
      en: 'Training denoising diffusion models (DDPM, Stable Diffusion-style latent diffusion) with ε-parameterisation.',
      zh: '以 ε 参数化训练去噪扩散模型（DDPM、Stable Diffusion 式潜空间扩散）。',
    },
    pitfalls: {
      en: 'The unweighted loss is not the true ELBO (it reweights timesteps); that is deliberate. For v- or x₀-prediction the target and the SNR weight change (Min-SNR for v-prediction divides by SNR + 1). Compare losses only at matching timestep distributions.',
      zh: '不加权的损失并不是真正的 ELBO（它对时间步做了重新加权），这是有意为之。若使用 v 预测或 x₀ 预测，目标和 SNR 权重都要相应改变（v 预测的 Min-SNR 权重除以 SNR + 1）。只有时间步分布相同时损失才可比较。',
    },
    frameworkNotes: {
      en: "No single call: diffusers training scripts compute F.mse_loss(pred, noise, reduction='none').mean over non-batch dims, times min(snr, γ)/snr, then the mean. That is what this kernel does.",
      zh: '没有单独的函数：diffusers 训练脚本先对非 batch 维度求 F.mse_loss(pred, noise, reduction="none") 的均值，乘以 min(snr, γ)/snr，再求均值。本实现与之一致。',
    },
    paper: {
      authors: 'Jonathan Ho, Ajay Jain, Pieter Abbeel',
      year: 2020,
      title: 'Denoising Diffusion Probabilistic Models',
      url: 'https://arxiv.org/abs/2006.11239',
    },
    sources: [
      { label: 'paper (Ho et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/2006.11239' },
      { label: 'paper (Hang et al. 2023, Min-SNR)', version: '2023', url: 'https://arxiv.org/abs/2303.09556' },
      { label: 'diffusers examples/text_to_image/train_text_to_image.py', version: '58eb52c', url: 'https://github.com/huggingface/diffusers/blob/58eb52c0803ea9af3abec60841c2a093bdf1f951/examples/text_to_image/train_text_to_image.py' },
    ],
    related: ['mse-loss', 'denoising-score-matching-loss', 'vae-elbo-loss'],
    snippets: {
      torch:
        "loss = F.mse_loss(${1:noise_pred}, ${2:noise}, reduction='none').mean(dim=list(range(1, ${2:noise}.ndim)))\nsnr_gamma = ${4:5.0}  # Min-SNR weighting; None for the plain MSE\nif snr_gamma is not None:\n    loss = loss * torch.clamp(${3:snr}, max=snr_gamma) / ${3:snr}\nloss = loss.mean()",
      tf: 'loss = tf.reduce_mean(tf.reshape(tf.square(${1:noise_pred} - ${2:noise}), [tf.shape(${2:noise})[0], -1]), axis=1)\nweights = tf.minimum(${3:snr}, ${4:5.0}) / ${3:snr}\nloss = tf.reduce_mean(loss * weights)',
      jax: 'loss = jnp.mean((${1:noise_pred} - ${2:noise}) ** 2, axis=tuple(range(1, ${2:noise}.ndim)))\nloss = jnp.mean(loss * jnp.minimum(${3:snr}, ${4:5.0}) / ${3:snr})',
    },
  },
  {
    id: 'denoising-score-matching-loss',
    names: { en: 'Denoising Score Matching Loss', zh: '去噪得分匹配损失' },
    aliases: ['DSM', 'score matching', 'NCSN loss', '得分匹配', '分数匹配'],
    category: 'generative',
    apis: [],
    formula: '\\mathcal{L} = \\frac{1}{2}\\,\\mathbb{E}\\Big[\\sigma^2 \\big\\lVert s_\\theta(\\tilde{x}, \\sigma) + \\frac{\\tilde{x} - x}{\\sigma^2} \\big\\rVert_2^2\\Big], \\quad \\tilde{x} = x + \\sigma z',
    formulaText: 'L = ½·E[σ²·‖s_θ(x̃, σ) + (x̃ − x)/σ²‖²], x̃ = x + σz',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Predicted score s_θ(x̃, σ) ≈ ∇ log p_σ(x̃).', zh: '预测的得分 s_θ(x̃, σ) ≈ ∇ log p_σ(x̃)。' },
        shape: '(N, D) or (N, D1, D2)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'perturbation',
        meaning: { en: 'The added noise x̃ − x (= σz).', zh: '加入的扰动 x̃ − x（= σz）。' },
        shape: 'same shape as input',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'sigma',
        meaning: { en: 'Noise level σ of each sample.', zh: '每个样本的噪声水平 σ。' },
        shape: '(N)',
        domain: { en: 'positive numbers', zh: '正数' },
      },
    ],
    params: [REDUCTION],
    summary: {
      en: 'Trains a network to output the score (gradient of the log density) of noise-perturbed data by regressing onto −(x̃ − x)/σ², the score of the Gaussian perturbation kernel; weighted by σ² across noise levels as in NCSN.',
      zh: '训练网络输出加噪数据的得分（对数密度的梯度）：回归到高斯扰动核的得分 −(x̃ − x)/σ²；不同噪声水平按 σ² 加权（与 NCSN 相同）。',
    },
    whenToUse: {
      en: 'Score-based generative models (NCSN, score SDEs) and energy-based models where the normalising constant is intractable.',
      zh: '基于得分的生成模型（NCSN、Score SDE），以及配分函数难以计算的能量模型。',
    },
    pitfalls: {
      en: 'Without the σ² weight, small noise levels dominate (their targets are huge). Very small σ makes the target high-variance. It is equivalent to ε-prediction up to the weight s = −ε/σ.',
      zh: '不乘 σ² 时，小噪声水平的目标值很大，会主导训练。σ 过小时目标方差很大。它与 ε 预测只差一个权重（s = −ε/σ）。',
    },
    frameworkNotes: {
      en: 'No framework call. The reference NCSN code (anneal_dsm_score_estimation) flattens each sample, computes ½·((scores − target)²).sum(dim=-1)·σ² and averages over the batch; this kernel does the same, summing over all non-batch dimensions. Gradient with respect to the predicted score.',
      zh: '各框架没有现成函数。NCSN 参考实现（anneal_dsm_score_estimation）先把每个样本展平，计算 ½·((scores − target)²).sum(dim=-1)·σ² 并对 batch 求平均；本实现与之相同，对所有非 batch 维度求和。对预测得分求梯度。',
    },
    paper: {
      authors: 'Yang Song, Stefano Ermon',
      year: 2019,
      title: 'Generative Modeling by Estimating Gradients of the Data Distribution',
      url: 'https://arxiv.org/abs/1907.05600',
    },
    sources: [
      { label: 'paper (Song & Ermon 2019)', version: '2019', url: 'https://arxiv.org/abs/1907.05600' },
      { label: 'NCSN reference code losses/dsm.py', version: 'master', url: 'https://github.com/ermongroup/ncsn/blob/master/losses/dsm.py' },
    ],
    related: ['diffusion-noise-prediction-loss', 'mse-loss'],
    snippets: {
      torch:
        'target = -${2:perturbation} / ${3:sigma}.view(-1, *([1] * (${2:perturbation}.dim() - 1))) ** 2\nsq = ((${1:score} - target) ** 2).flatten(1).sum(1)\nloss = (0.5 * sq * ${3:sigma} ** 2).mean()',
      tf: 's2 = tf.reshape(${3:sigma} ** 2, [-1] + [1] * (len(${2:perturbation}.shape) - 1))\nsq = tf.reduce_sum(tf.reshape((${1:score} + ${2:perturbation} / s2) ** 2, [tf.shape(${1:score})[0], -1]), axis=1)\nloss = tf.reduce_mean(0.5 * sq * ${3:sigma} ** 2)',
    },
  },
  {
    id: 'perceptual-loss',
    names: { en: 'Perceptual (Feature Reconstruction) Loss', zh: '感知损失（特征重建损失）' },
    aliases: ['VGG loss', 'content loss', 'feature loss', 'LPIPS', '感知损失', '内容损失', 'VGG 损失'],
    category: 'generative',
    apis: [{ framework: 'other', symbol: 'lpips.LPIPS', kind: 'class' }],
    formula: '\\mathcal{L}_{\\text{feat}}^{\\phi, j}(\\hat{y}, y) = \\frac{1}{C_j H_j W_j}\\big\\lVert \\phi_j(\\hat{y}) - \\phi_j(y) \\big\\rVert_2^2',
    formulaText: 'L_feat = (1/(C_j·H_j·W_j))·‖φ_j(ŷ) − φ_j(y)‖₂², φ_j = layer j of a fixed pretrained CNN (e.g. VGG-16 relu2_2)',
    inputs: [
      { name: 'input', meaning: { en: 'Generated or restored images (normalised like the feature network training data).', zh: '生成或复原的图像（按特征网络训练数据的方式归一化）。' }, shape: '(N, C, H, W)', domain: { en: 'real numbers', zh: '实数' } },
      { name: 'target', meaning: { en: 'Target images.', zh: '目标图像。' }, shape: '(N, C, H, W)', domain: { en: 'real numbers', zh: '实数' } },
    ],
    params: [],
    summary: {
      en: 'Compares images in the feature space of a fixed pretrained network (typically VGG) instead of pixel space, so matching high-level content and structure matters more than exact pixel values.',
      zh: '在固定预训练网络（通常为 VGG）的特征空间而不是像素空间比较图像，使高层内容与全局结构的接近比逐像素相等更重要。',
    },
    whenToUse: {
      en: 'Style transfer, super-resolution, image synthesis and GAN generators: it yields sharper, more natural textures than MSE, and feed-forward style transfer trained with it runs in real time.',
      zh: '风格迁移、超分辨率、图像生成以及 GAN 的生成器：比 MSE 得到更锐利、自然的纹理；用它训练的前馈风格迁移网络可以实时运行。',
    },
    pitfalls: {
      en: 'Inputs must be normalised the way the feature network was trained (ImageNet mean/std). Deep layers alone can produce checkerboard or colour shifts; combine with a pixel loss. Reference only: it depends on a pretrained network\'s weights, not just on arrays (style-loss computes on given feature maps).',
      zh: '输入必须按特征网络训练时的方式归一化（ImageNet 均值/方差）。只用深层特征可能出现棋盘格或色偏，应与像素损失结合。此处仅作参考：其值依赖预训练网络权重，无法只由数组计算（style-loss 可在给定特征图上计算）。',
    },
    frameworkNotes: {
      en: 'Not a framework call; build it from torchvision.models.vgg16(weights=...).features. LPIPS (lpips.LPIPS(net="vgg")) is a learned, calibrated variant.',
      zh: '不是框架内置函数，需用 torchvision.models.vgg16(weights=...).features 自行搭建。LPIPS（lpips.LPIPS(net="vgg")）是经过学习与校准的变体。',
    },
    paper: {
      authors: 'Justin Johnson, Alexandre Alahi, Li Fei-Fei',
      year: 2016,
      title: 'Perceptual Losses for Real-Time Style Transfer and Super-Resolution',
      url: 'https://arxiv.org/abs/1603.08155',
    },
    sources: [
      { label: 'paper (Johnson et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1603.08155' },
      { label: 'paper (Zhang et al. 2018, LPIPS)', version: '2018', url: 'https://arxiv.org/abs/1801.03924' },
    ],
    related: ['style-loss', 'total-variation-loss', 'mse-loss', 'pixel-reconstruction-loss'],
    snippets: {
      torch:
        'import torchvision\n\nclass PerceptualLoss(nn.Module):\n    def __init__(self, layer=${1:9}):\n        super().__init__()\n        vgg = torchvision.models.vgg16(weights=torchvision.models.VGG16_Weights.DEFAULT).features[:layer]\n        self.vgg = vgg.eval().requires_grad_(False)\n\n    def forward(self, pred, target):\n        return F.mse_loss(self.vgg(pred), self.vgg(target))\n\nloss = PerceptualLoss()(${2:pred}, ${3:target})',
      tf: 'vgg = tf.keras.applications.VGG16(include_top=False, weights="imagenet")\nfeat = tf.keras.Model(vgg.input, vgg.get_layer("${1:block2_conv2}").output)\nfeat.trainable = False\nloss = tf.reduce_mean(tf.square(feat(${2:pred}) - feat(${3:target})))',
      scratch: 'import lpips\n\nloss_fn = lpips.LPIPS(net=${1:"vgg"})\nloss = loss_fn(${2:pred}, ${3:target}).mean()',
    },
  },
  {
    id: 'style-loss',
    names: { en: 'Style Loss (Gram matrix)', zh: '风格损失（Gram 矩阵）' },
    aliases: ['Gram loss', 'Gram matrix loss', 'texture loss', 'Gram 矩阵损失', '纹理损失'],
    category: 'generative',
    apis: [],
    formula: 'G(F)_{ij} = \\frac{1}{C L}\\sum_{t=1}^{L} F_{it}F_{jt}, \\quad \\mathcal{L}_{\\text{style}} = \\frac{1}{C^2}\\sum_{i,j}\\big(G(F_x) - G(F_y)\\big)_{ij}^2',
    formulaText: 'G(F) = F·Fᵀ/(C·L);  L = mean_ij (G(F_x) − G(F_y))²_ij  (F: C channels × L = H·W positions)',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Feature maps of the generated image, flattened to channels × positions.', zh: '生成图像的特征图，展平为“通道 × 位置”。' },
        shape: '(C, L) or (N, C, L), L = H·W',
        domain: { en: 'real numbers (activations)', zh: '实数（激活值）' },
      },
      {
        name: 'target',
        meaning: { en: 'Feature maps of the style image at the same layer.', zh: '风格图像在同一层的特征图。' },
        shape: 'same shape as input',
        domain: { en: 'real numbers (activations)', zh: '实数（激活值）' },
      },
    ],
    params: [
      {
        ...REDUCTION,
        meaning: {
          en: "Over the Gram-matrix entries: 'mean' (as F.mse_loss on Gram matrices), 'sum', or 'none' (the squared differences, shape (C, C) or (N, C, C)).",
          zh: "针对 Gram 矩阵元素：'mean'（等同于对 Gram 矩阵做 F.mse_loss）、'sum'，或 'none'（平方差，形状 (C, C) 或 (N, C, C)）。",
        },
      },
    ],
    summary: {
      en: 'Matches the second-order statistics (channel correlations, the Gram matrix) of feature maps, which capture texture and style while discarding spatial layout.',
      zh: '匹配特征图的二阶统计量（通道间相关性，即 Gram 矩阵），它刻画纹理与风格而丢弃空间布局。',
    },
    whenToUse: {
      en: 'Neural style transfer and texture synthesis, summed over several VGG layers and combined with a content (perceptual) loss.',
      zh: '神经风格迁移与纹理合成：在多个 VGG 层上求和，并与内容（感知）损失结合。',
    },
    pitfalls: {
      en: 'Gram normalisation differs between papers (C·H·W, H·W, or none) and changes the loss scale by orders of magnitude; the style weight must be retuned accordingly. Features must come from the same layer and normalisation for both images.',
      zh: '不同论文对 Gram 矩阵的归一化不同（C·H·W、H·W 或不归一化），损失尺度可能相差几个数量级，风格权重要随之调整。两张图的特征必须来自同一层、同样的归一化。',
    },
    frameworkNotes: {
      en: 'No framework call. This follows the PyTorch neural-style tutorial: G = F Fᵀ / (C·H·W) per image, then F.mse_loss between Gram matrices (the tutorial divides by N·C·H·W with a batch of one image). Gradient with respect to the input features.',
      zh: '各框架没有现成函数。本实现遵循 PyTorch 神经风格迁移教程：每张图 G = F Fᵀ / (C·H·W)，再对两个 Gram 矩阵做 F.mse_loss（教程除以 N·C·H·W，其 batch 只有一张图）。对 input 特征求梯度。',
    },
    paper: {
      authors: 'Leon A. Gatys, Alexander S. Ecker, Matthias Bethge',
      year: 2016,
      title: 'Image Style Transfer Using Convolutional Neural Networks',
      url: 'https://openaccess.thecvf.com/content_cvpr_2016/html/Gatys_Image_Style_Transfer_CVPR_2016_paper.html',
    },
    sources: [
      { label: 'paper (Gatys et al. 2016)', version: 'CVPR 2016', url: 'https://openaccess.thecvf.com/content_cvpr_2016/html/Gatys_Image_Style_Transfer_CVPR_2016_paper.html' },
      { label: 'PyTorch tutorials advanced_source/neural_style_tutorial.py', version: 'main', url: 'https://github.com/pytorch/tutorials/blob/main/advanced_source/neural_style_tutorial.py' },
    ],
    related: ['perceptual-loss', 'total-variation-loss'],
    snippets: {
      torch:
        'def gram(f):\n    c, l = f.shape[-2], f.shape[-1]\n    return f @ f.transpose(-1, -2) / (c * l)\n\nloss = F.mse_loss(gram(${1:feat_pred}.flatten(-2)), gram(${2:feat_style}.flatten(-2)))',
      tf: 'def gram(f):\n    c, l = f.shape[-2], f.shape[-1]\n    return tf.matmul(f, f, transpose_b=True) / (c * l)\n\nloss = tf.reduce_mean(tf.square(gram(${1:feat_pred}) - gram(${2:feat_style})))',
    },
  },
  {
    id: 'total-variation-loss',
    names: { en: 'Total Variation Loss', zh: '全变分损失（TV 损失）' },
    aliases: ['TV loss', 'total variation', 'TV regularization', '全变分', '总变分', 'TV 正则'],
    category: 'generative',
    apis: [
      { framework: 'other', symbol: 'kornia.losses.total_variation', kind: 'function' },
      { framework: 'other', symbol: 'kornia.losses.TotalVariation', kind: 'class' },
      { framework: 'other', symbol: 'tf.image.total_variation', kind: 'function' },
    ],
    formula: '\\mathrm{TV}(x) = \\sum_{i,j} \\lvert x_{i+1,j} - x_{i,j} \\rvert + \\sum_{i,j} \\lvert x_{i,j+1} - x_{i,j} \\rvert',
    formulaText: 'TV(x) = Σ|x[i+1, j] − x[i, j]| + Σ|x[i, j+1] − x[i, j]|, per (H, W) map',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'Image or images; differences are taken along the last two axes (H, W).', zh: '图像（或一批图像）；沿最后两个轴（H, W）做差分。' },
        shape: '(H, W), (C, H, W) or (N, C, H, W)',
        domain: { en: 'real numbers', zh: '实数' },
      },
    ],
    params: [
      {
        name: 'reduction',
        type: 'enum',
        default: 'sum',
        options: ['sum', 'mean'],
        meaning: {
          en: "'sum' adds the absolute differences of each (H, W) map; 'mean' averages the vertical and the horizontal differences separately and adds the two means. The result keeps the leading dimensions, as kornia does.",
          zh: "'sum' 对每个 (H, W) 图的绝对差求和；'mean' 分别对竖直与水平差分求平均再相加。结果保留前面的维度（与 kornia 相同）。",
        },
      },
    ],
    summary: {
      en: 'Sums the absolute differences between neighbouring pixels: small for piecewise-smooth images, large for noise, so it acts as a smoothness prior that preserves edges.',
      zh: '对相邻像素差的绝对值求和：分段平滑的图像取值小、噪声图像取值大，因此是一种保留边缘的平滑先验。',
    },
    whenToUse: {
      en: 'As a small-weight regulariser in style transfer, feature inversion, super-resolution and denoising, to suppress high-frequency artefacts.',
      zh: '在风格迁移、特征可视化（反演）、超分辨率和去噪中作为小权重正则项，抑制高频伪影。',
    },
    pitfalls: {
      en: "Too much weight gives cartoon-like, flattened images. Layouts differ: tf.image.total_variation expects channels-last (H, W, C) and sums over everything per image. Its absolute value has a kink at 0 (gradient 0 there, like torch's abs).",
      zh: '权重过大会让图像变得像卡通一样平坦。布局有差异：tf.image.total_variation 使用通道在后的 (H, W, C)，并对每张图的所有元素求和。绝对值在 0 处不可导（与 torch 的 abs 一样取梯度 0）。',
    },
    frameworkNotes: {
      en: "Follows kornia.losses.total_variation(img, reduction='sum'|'mean') on (*, H, W) (kornia 0.6.12 to 0.8): the output has shape (*); the gradient shown is that of its sum. The kornia.losses.TotalVariation module takes no reduction argument and always uses 'sum'. Style-transfer code usually multiplies it by a small weight (around 1e-5) before adding it to the other losses; that weight is not part of the value here.",
      zh: '与 kornia.losses.total_variation(img, reduction="sum"|"mean") 对 (*, H, W) 输入的行为一致（kornia 0.6.12 至 0.8）：输出形状为 (*)，显示的梯度是其总和的梯度。kornia.losses.TotalVariation 模块没有 reduction 参数，始终使用 sum。风格迁移代码通常先乘以一个很小的权重（约 1e-5）再与其他损失相加；这里的数值不包含该权重。',
    },
    paper: {
      authors: 'Leonid I. Rudin, Stanley Osher, Emad Fatemi',
      year: 1992,
      title: 'Nonlinear Total Variation Based Noise Removal Algorithms',
      url: 'https://doi.org/10.1016/0167-2789(92)90242-F',
    },
    sources: [
      { label: 'kornia kornia/losses/total_variation.py', version: 'v0.8.0', url: 'https://github.com/kornia/kornia/blob/v0.8.0/kornia/losses/total_variation.py' },
      { label: 'TensorFlow tf.image.total_variation docs', version: 'v2.21.0', url: 'https://www.tensorflow.org/api_docs/python/tf/image/total_variation' },
      { label: 'paper (Rudin et al. 1992)', version: 'Physica D 60', url: 'https://doi.org/10.1016/0167-2789(92)90242-F' },
    ],
    related: ['perceptual-loss', 'style-loss', 'l1-loss'],
    snippets: {
      torch:
        "def total_variation(img):\n    dv = (img[..., 1:, :] - img[..., :-1, :]).abs().sum(dim=(-2, -1))\n    dh = (img[..., :, 1:] - img[..., :, :-1]).abs().sum(dim=(-2, -1))\n    return dv + dh\n\nloss = total_variation(${1:img}).sum()  # in training, multiply by a small weight (style transfer uses ~1e-5)",
      tf: 'loss = ${1:1e-5} * tf.reduce_sum(tf.image.total_variation(${2:img}))',
      scratch: 'import kornia\n\nloss = kornia.losses.total_variation(${1:img}, reduction=${2|\'sum\',\'mean\'|}).sum()',
    },
  },
  {
    id: 'cycle-consistency-loss',
    names: { en: 'Cycle-Consistency Loss', zh: '循环一致性损失' },
    aliases: ['cycle loss', 'CycleGAN loss', 'cycle consistency', '循环一致损失', 'CycleGAN 损失'],
    category: 'generative',
    apis: [],
    formula: '\\mathcal{L}_{\\text{cyc}} = \\lambda\\Big(\\mathbb{E}_x\\big\\lVert F(G(x)) - x \\big\\rVert_1 + \\mathbb{E}_y\\big\\lVert G(F(y)) - y \\big\\rVert_1\\Big)',
    formulaText: 'L_cyc = λ·(E‖F(G(x)) − x‖₁ + E‖G(F(y)) − y‖₁); one direction per call: λ·mean|input − target|',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'The round-trip reconstruction F(G(x)) (or G(F(y))).', zh: '往返重建结果 F(G(x))（或 G(F(y))）。' },
        shape: '(*), any shape',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'target',
        meaning: { en: 'The original image x (or y).', zh: '原始图像 x（或 y）。' },
        shape: 'same shape as input',
        domain: { en: 'real numbers', zh: '实数' },
      },
    ],
    params: [
      num('lambda_cycle', 10, [0, 20], 'Weight λ of the cycle term relative to the adversarial losses (10 in CycleGAN).', '循环项相对对抗损失的权重 λ（CycleGAN 取 10）。'),
      REDUCTION,
    ],
    summary: {
      en: 'For unpaired translation with two generators G: X→Y and F: Y→X, translating there and back should return the input; the L1 distance of the round trip is penalised.',
      zh: '在无配对的图像翻译中有两个生成器 G: X→Y 和 F: Y→X，翻译过去再翻译回来应得到原图；对往返结果与原图的 L1 距离进行惩罚。',
    },
    whenToUse: {
      en: 'CycleGAN, DualGAN, DiscoGAN and other unpaired domain-translation models, alongside the adversarial losses (and optionally an identity loss).',
      zh: 'CycleGAN、DualGAN、DiscoGAN 等无配对域翻译模型，与对抗损失（以及可选的 identity 损失）一起使用。',
    },
    pitfalls: {
      en: 'Generators can "hide" the source information in imperceptible high-frequency patterns to satisfy the cycle (steganography). A very large λ suppresses geometric changes (e.g. cat→dog shape changes).',
      zh: '生成器可能把原图信息以难以察觉的高频图案“藏”在输出里来满足循环约束（隐写现象）。λ 过大会抑制几何形变（如猫→狗的形状变化）。',
    },
    frameworkNotes: {
      en: "No torch/Keras call; it is λ·F.l1_loss(rec, x) per direction. This kernel computes one direction; add the other direction's call. TF-GAN (2.1.0) has cycle_consistency_loss(data_x, reconstructed_data_x, data_y, reconstructed_data_y) in tfgan.losses.wargs, which returns the average of the two directions' mean L1 (half the sum here, without λ).",
      zh: 'PyTorch/Keras 没有现成函数；每个方向就是 λ·F.l1_loss(rec, x)。本实现计算一个方向，另一方向再调用一次相加即可。TF-GAN（2.1.0）在 tfgan.losses.wargs 中提供 cycle_consistency_loss(data_x, reconstructed_data_x, data_y, reconstructed_data_y)，返回两个方向平均 L1 的平均值（即这里两方向之和的一半，且不含 λ）。',
    },
    paper: {
      authors: 'Jun-Yan Zhu, Taesung Park, Phillip Isola, Alexei A. Efros',
      year: 2017,
      title: 'Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks',
      url: 'https://arxiv.org/abs/1703.10593',
    },
    sources: [
      { label: 'paper (Zhu et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1703.10593' },
      { label: 'TF-GAN tensorflow_gan/python/losses/losses_impl.py', version: '2.1.0 (bc369b7)', url: 'https://github.com/tensorflow/gan/blob/bc369b7ec040f2c4f04e4daf29f60252118e72c7/tensorflow_gan/python/losses/losses_impl.py' },
    ],
    related: ['l1-loss', 'lsgan-generator-loss', 'pixel-reconstruction-loss'],
    snippets: {
      torch:
        "lambda_cycle = ${1:10.0}\nloss_cyc = lambda_cycle * (F.l1_loss(${2:G_ba}(${3:G_ab}(${4:x})), ${4:x}) + F.l1_loss(${3:G_ab}(${2:G_ba}(${5:y})), ${5:y}))",
      tf: 'mae = tf.keras.losses.MeanAbsoluteError()\nloss_cyc = ${1:10.0} * (mae(${4:x}, ${2:G_ba}(${3:G_ab}(${4:x}))) + mae(${5:y}, ${3:G_ab}(${2:G_ba}(${5:y}))))',
    },
  },
  {
    id: 'pixel-reconstruction-loss',
    names: { en: 'Pixel-wise Reconstruction Loss', zh: '逐像素重建损失' },
    aliases: ['pixel loss', 'reconstruction loss', 'pixel-wise loss', '像素损失', '重建损失'],
    category: 'generative',
    apis: [],
    formula: '\\mathcal{L}_{\\text{pix}} = \\frac{1}{n}\\sum_{i=1}^{n} \\lvert \\hat{x}_i - x_i \\rvert^p, \\quad p \\in \\{1, 2\\}',
    formulaText: 'L_pix = (1/n)·Σᵢ |x̂ᵢ − xᵢ|^p, p = 1 (L1) or 2 (L2)',
    inputs: POINTWISE_INPUTS,
    params: [
      {
        name: 'norm',
        type: 'enum',
        default: 'l1',
        options: ['l1', 'l2'],
        meaning: { en: "'l1' (absolute error, sharper) or 'l2' (squared error, matches PSNR).", zh: "'l1'（绝对误差，结果更锐利）或 'l2'（平方误差，与 PSNR 对应）。" },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The per-pixel distance between a generated or restored image and its ground truth; the baseline term of autoencoders, super-resolution and paired image translation (pix2pix uses L1).',
      zh: '生成或复原图像与真实图像之间的逐像素距离；自编码器、超分辨率和配对图像翻译中的基础项（pix2pix 使用 L1）。',
    },
    whenToUse: {
      en: 'Whenever aligned ground-truth images exist; usually combined with perceptual and adversarial losses, since alone it favours blurry averages.',
      zh: '存在对齐的真实图像时使用；通常与感知损失和对抗损失结合，因为单独使用会倾向于模糊的平均结果。',
    },
    pitfalls: {
      en: 'L2 on images averages over plausible outputs (blur, the multimodal-target problem); L1 is sharper but still picks a median. Misaligned targets make any pixel loss misleading.',
      zh: '图像上的 L2 会对多种合理输出取平均（模糊，即多模态目标问题）；L1 更锐利但仍取中位数。目标未对齐时任何像素损失都会产生误导。',
    },
    frameworkNotes: {
      en: "Identical to F.l1_loss / F.mse_loss on image tensors; listed separately because generative papers name it as its own term.",
      zh: '与对图像张量使用 F.l1_loss / F.mse_loss 完全相同；之所以单列，是因为生成模型论文通常把它作为单独的一项。',
    },
    paper: {
      authors: 'Phillip Isola, Jun-Yan Zhu, Tinghui Zhou, Alexei A. Efros',
      year: 2017,
      title: 'Image-to-Image Translation with Conditional Adversarial Networks',
      url: 'https://arxiv.org/abs/1611.07004',
    },
    sources: [
      { label: 'paper (Isola et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1611.07004' },
      { label: 'PyTorch torch/nn/functional.py', version: 'v1.13.0 (Debian python3-torch)', url: 'https://github.com/pytorch/pytorch/blob/v1.13.0/torch/nn/functional.py' },
    ],
    related: ['l1-loss', 'mse-loss', 'perceptual-loss', 'cycle-consistency-loss'],
    snippets: {
      torch: 'loss = F.l1_loss(${1:pred}, ${2:target})  # or F.mse_loss for L2',
      tf: 'loss = tf.keras.losses.MeanAbsoluteError()(${1:target}, ${2:pred})',
      jax: 'loss = jnp.mean(jnp.abs(${1:pred} - ${2:target}))',
    },
  },
];
