/**
 * Catalog entries: probabilistic and divergence losses.
 */
import type { LossEntry } from '../types';
import { KERAS_LOSSES, OPTAX_CLASSIFICATION, TORCH_FUNCTIONAL, TORCH_LOSS_MODULES } from './sources';
import { REDUCTION } from './common';

export const DIVERGENCE_ENTRIES: readonly LossEntry[] = [
  {
    id: 'kl-div',
    names: { en: 'Kullback–Leibler Divergence Loss', zh: 'KL 散度损失' },
    aliases: ['KL divergence', 'KLDivLoss', 'relative entropy', 'KL 散度', '相对熵', 'Kullback-Leibler 散度'],
    category: 'divergence',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.kl_div', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.KLDivLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.kl_divergence', kind: 'function' },
      { framework: 'optax', symbol: 'optax.losses.kl_divergence_with_log_targets', kind: 'function', defaults: { log_target: true } },
    ],
    formula:
      '\\ell_i = y_i \\,(\\log y_i - x_i) \\;\\; (0 \\log 0 = 0), \\qquad \\text{batchmean: } \\frac{1}{N}\\sum_i \\ell_i, \\quad x = \\log q',
    formulaText: 'ℓᵢ = yᵢ·(log yᵢ − xᵢ) with 0·log 0 = 0, x = log q;  log_target: ℓᵢ = e^{yᵢ}·(yᵢ − xᵢ);  batchmean: Σ ℓᵢ / N',
    inputs: [
      {
        name: 'input',
        meaning: {
          en: 'The model\'s distribution q as log-probabilities (e.g. log_softmax output).',
          zh: '模型给出的分布 q，以对数概率表示（如 log_softmax 的输出）。',
        },
        shape: '(*), any shape; first dimension is the batch for batchmean',
        domain: { en: 'log-probabilities (≤ 0)', zh: '对数概率（≤ 0）' },
      },
      {
        name: 'target',
        meaning: {
          en: 'The reference distribution p: probabilities, or log-probabilities when log_target=True.',
          zh: '参考分布 p：概率；log_target=True 时为对数概率。',
        },
        shape: '(*), same shape as input',
        domain: { en: 'probabilities ≥ 0 (or log-probabilities)', zh: '概率 ≥ 0（或对数概率）' },
      },
    ],
    params: [
      {
        name: 'reduction',
        type: 'enum',
        default: 'mean',
        options: ['mean', 'batchmean', 'sum', 'none'],
        meaning: {
          en: "'batchmean' divides the sum by the batch size (the mathematically correct KL per sample); 'mean' divides by the number of elements, 'sum' adds, 'none' returns every term.",
          zh: "'batchmean' 把总和除以 batch 大小（数学上正确的每样本 KL）；'mean' 除以元素总数，'sum' 求和，'none' 返回每一项。",
        },
      },
      {
        name: 'log_target',
        type: 'boolean',
        default: false,
        meaning: {
          en: 'Whether target is given as log-probabilities (more stable when target probabilities are tiny).',
          zh: 'target 是否以对数概率给出（目标概率很小时更稳定）。',
        },
      },
    ],
    summary: {
      en: 'KL(p ‖ q) = Σ p (log p − log q) between a target distribution p and the model\'s q, with q passed as log-probabilities.',
      zh: '目标分布 p 与模型分布 q 之间的 KL(p ‖ q) = Σ p (log p − log q)，其中 q 以对数概率传入。',
    },
    whenToUse: {
      en: 'Knowledge distillation (teacher probabilities as target, student log_softmax as input), matching a target distribution (label distributions, policy distillation), and the KL term of variational methods when written elementwise.',
      zh: '知识蒸馏（教师模型概率作为 target，学生模型的 log_softmax 作为 input）、拟合目标分布（标签分布、策略蒸馏），以及以逐元素形式书写的变分方法中的 KL 项。',
    },
    pitfalls: {
      en: "The default reduction='mean' averages over every element, which divides the true KL by the number of classes: use 'batchmean'. The input must be log-probabilities, not probabilities, and the argument order is the reverse of the math (input is q, target is p). A negative target is rejected (PyTorch returns NaN); a zero target contributes 0.",
      zh: "默认的 reduction='mean' 对所有元素求平均，相当于把真正的 KL 再除以类别数：应使用 'batchmean'。input 必须是对数概率而不是概率，而且参数顺序与数学记号相反（input 是 q，target 是 p）。负的 target 会被拒绝（PyTorch 返回 NaN）；为 0 的 target 贡献 0。",
    },
    frameworkNotes: {
      en: "Keras' KLDivergence takes probabilities for both arguments (y_true, y_pred), clips them to [1e-7, 1] and sums over the last axis, so it equals PyTorch's 'batchmean' with input = log(y_pred) only for 2-D input and values the clipping leaves alone. optax.kl_divergence(log_predictions, targets) and optax.losses.kl_divergence_with_log_targets sum over the last axis per example, with no reduction over the batch.",
      zh: 'Keras 的 KLDivergence 两个参数（y_true、y_pred）都接受概率，并截断到 [1e-7, 1]、在最后一个轴上求和，因此只有在二维输入、数值未被截断时，才等于以 input = log(y_pred) 计算的 PyTorch \'batchmean\'。optax.kl_divergence(log_predictions, targets) 与 optax.losses.kl_divergence_with_log_targets 在每个样本的最后一个轴上求和，不对 batch 汇总。',
    },
    paper: {
      authors: 'Solomon Kullback, Richard A. Leibler',
      year: 1951,
      title: 'On Information and Sufficiency',
      url: 'https://doi.org/10.1214/aoms/1177729694',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES, OPTAX_CLASSIFICATION],
    related: ['cross-entropy', 'nll-loss', 'gaussian-nll-loss'],
    snippets: {
      torch:
        "criterion = nn.KLDivLoss(reduction=${1|'batchmean','mean','sum','none'|}, log_target=${2|False,True|})\nloss = criterion(F.log_softmax(${3:student_logits}, dim=-1), ${4:teacher_probs})",
      tf: 'loss_fn = tf.keras.losses.KLDivergence()\nloss = loss_fn(${1:p_true}, ${2:q_pred})',
      jax: 'loss = optax.kl_divergence(${1:log_predictions}, ${2:target_probs}).mean()',
    },
  },
  {
    id: 'js-divergence',
    names: { en: 'Jensen–Shannon Divergence', zh: 'JS 散度（Jensen–Shannon 散度）' },
    aliases: ['JS divergence', 'JSD', 'Jensen-Shannon divergence', 'JS 散度', 'JS散度', '詹森-香农散度'],
    category: 'divergence',
    apis: [],
    formula:
      '\\mathrm{JS}(p \\,\\|\\, q) = \\tfrac{1}{2}\\,\\mathrm{KL}(p \\,\\|\\, m) + \\tfrac{1}{2}\\,\\mathrm{KL}(q \\,\\|\\, m), \\qquad m = \\tfrac{1}{2}(p + q)',
    formulaText: 'JS(p‖q) = ½·KL(p‖m) + ½·KL(q‖m), m = ½(p + q)',
    inputs: [
      {
        name: 'input',
        meaning: { en: "The model's distribution p (probabilities along the last axis).", zh: '模型给出的分布 p（沿最后一个轴的概率）。' },
        shape: '(C) or (N, C)',
        domain: { en: 'probabilities in [0, 1]', zh: '[0, 1] 内的概率' },
      },
      {
        name: 'target',
        meaning: { en: 'The reference distribution q, same shape as input.', zh: '参考分布 q，形状与 input 相同。' },
        shape: '(C) or (N, C), same shape as input',
        domain: { en: 'probabilities in [0, 1]', zh: '[0, 1] 内的概率' },
      },
    ],
    params: [REDUCTION],
    summary: {
      en: 'A symmetric, bounded divergence: the average KL of each distribution to their midpoint, at most log 2 (natural log).',
      zh: '一种对称且有界的散度：两个分布分别到它们的中点分布的 KL 的平均，最大为 log 2（自然对数）。',
    },
    whenToUse: {
      en: 'Comparing two distributions when neither is the "true" one (symmetry matters), or when one may put zero mass where the other does not (KL would be infinite). It is the divergence the original GAN objective minimises at the optimal discriminator.',
      zh: '比较两个地位对等的分布（需要对称性），或其中一个分布在另一个分布非零处取 0（此时 KL 为无穷大）。原始 GAN 的目标在判别器最优时最小化的正是 JS 散度。',
    },
    pitfalls: {
      en: 'When the supports of p and q do not overlap, JS is constant (log 2) and its gradient vanishes: the reason GAN training stalls and why Wasserstein losses were proposed. Rows are not renormalised here: pass proper distributions. The gradient ½·log(p/m) is −∞ where p = 0 < q.',
      zh: '当 p 与 q 的支撑集不重叠时，JS 恒为 log 2、梯度消失：这正是 GAN 训练停滞、以及提出 Wasserstein 损失的原因。这里不会对每行重新归一化，请传入合法的分布。梯度 ½·log(p/m) 在 p = 0 < q 处为 −∞。',
    },
    frameworkNotes: {
      en: 'No PyTorch, Keras or optax built-in; compose it from KL terms (scipy.spatial.distance.jensenshannon returns its square root, with base-e logs by default). Here each row is one distribution, summed over the last axis, then reduced over rows.',
      zh: 'PyTorch、Keras、optax 均无内置实现，可由 KL 项组合得到（scipy.spatial.distance.jensenshannon 返回的是它的平方根，默认自然对数）。这里每一行是一个分布，先在最后一个轴上求和，再对各行汇总。',
    },
    paper: {
      authors: 'Jianhua Lin',
      year: 1991,
      title: 'Divergence Measures Based on the Shannon Entropy',
      url: 'https://doi.org/10.1109/18.61115',
    },
    sources: [TORCH_FUNCTIONAL, { label: 'SciPy docs scipy.spatial.distance.jensenshannon', version: '1.13.1', url: 'https://docs.scipy.org/doc/scipy-1.13.1/reference/generated/scipy.spatial.distance.jensenshannon.html' }],
    related: ['kl-div', 'cross-entropy'],
    snippets: {
      scratch:
        'def js_divergence(p, q, eps=${1:1e-12}):\n    m = 0.5 * (p + q)\n    kl_pm = (p * (torch.log(p + eps) - torch.log(m + eps))).sum(-1)\n    kl_qm = (q * (torch.log(q + eps) - torch.log(m + eps))).sum(-1)\n    return (0.5 * (kl_pm + kl_qm)).mean()',
      torch:
        'm = 0.5 * (${1:p} + ${2:q})\nloss = 0.5 * (F.kl_div(m.log(), ${1:p}, reduction="batchmean") + F.kl_div(m.log(), ${2:q}, reduction="batchmean"))',
      tf: 'kl = tf.keras.losses.KLDivergence()\nm = 0.5 * (${1:p} + ${2:q})\nloss = 0.5 * (kl(${1:p}, m) + kl(${2:q}, m))',
    },
  },
  {
    id: 'poisson-nll-loss',
    names: { en: 'Poisson Negative Log-Likelihood Loss', zh: '泊松负对数似然损失' },
    aliases: ['PoissonNLLLoss', 'Poisson NLL', 'Poisson loss (PyTorch)', '泊松损失', '泊松负对数似然'],
    category: 'divergence',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.poisson_nll_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.PoissonNLLLoss', kind: 'class' },
      { framework: 'tensorflow', symbol: 'tf.nn.log_poisson_loss', kind: 'function', defaults: { reduction: 'none' } },
    ],
    formula:
      '\\ell_i = \\begin{cases} e^{x_i} - y_i x_i & \\text{log\\_input} \\\\ x_i - y_i \\log(x_i + \\epsilon) & \\text{otherwise} \\end{cases} \\; + \\; \\mathbb{1}[y_i > 1]\\Big(y_i \\log y_i - y_i + \\tfrac{1}{2}\\log(2\\pi y_i)\\Big)_{\\text{full}}',
    formulaText:
      'ℓᵢ = exp(xᵢ) − yᵢ·xᵢ (log_input) or xᵢ − yᵢ·log(xᵢ + eps); full adds yᵢ·log yᵢ − yᵢ + ½·log(2π·yᵢ) where yᵢ > 1',
    inputs: [
      {
        name: 'input',
        meaning: {
          en: 'The predicted rate λ: its logarithm when log_input=True (default), else λ itself.',
          zh: '预测的泊松率 λ：log_input=True（默认）时为其对数，否则为 λ 本身。',
        },
        shape: '(*), any shape',
        domain: { en: 'real (log-rate), or a rate ≥ 0', zh: '实数（对数率），或 ≥ 0 的率' },
      },
      {
        name: 'target',
        meaning: { en: 'Observed counts.', zh: '观测到的计数。' },
        shape: '(*), broadcastable to input',
        domain: { en: 'counts ≥ 0', zh: '≥ 0 的计数' },
      },
    ],
    params: [
      {
        name: 'log_input',
        type: 'boolean',
        default: true,
        meaning: {
          en: 'If True the input is log λ and the loss is exp(input) − target·input; if False the input is λ.',
          zh: '为 True 时 input 是 log λ，损失为 exp(input) − target·input；为 False 时 input 是 λ 本身。',
        },
      },
      {
        name: 'full',
        type: 'boolean',
        default: false,
        meaning: {
          en: "Add Stirling's approximation of log(target!) so the value is the full negative log-likelihood (only where target > 1).",
          zh: '加上 log(target!) 的斯特林近似（Stirling approximation），得到完整的负对数似然（仅在 target > 1 处加）。',
        },
      },
      {
        name: 'eps',
        type: 'number',
        default: 1e-8,
        range: [0, 1e-3],
        meaning: { en: 'Added inside the log when log_input=False, so that a rate of 0 stays finite.', zh: 'log_input=False 时加在对数内部，使率为 0 时仍保持有限。' },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The negative log-likelihood of counts under a Poisson distribution with predicted rate, up to the constant log(y!) unless full=True.',
      zh: '在预测率下计数服从泊松分布（Poisson distribution）时的负对数似然；除非 full=True，否则省略常数项 log(y!)。',
    },
    whenToUse: {
      en: 'Regression of non-negative counts: event counts, photon or spike counts, demand forecasting, crowd counting density sums.',
      zh: '非负计数的回归：事件计数、光子或神经脉冲计数、需求预测、人群计数。',
    },
    pitfalls: {
      en: "The default log_input=True expects a log-rate: passing a rate there exponentiates it again. With log_input=False the input must be non-negative (PyTorch gives NaN for a negative rate; this playground rejects it). full=True only changes the value, not the gradient with respect to input, and it adds the Stirling term only where target > 1 (PyTorch's choice, so log(1!) = log(0!) = 0).",
      zh: '默认 log_input=True 要求输入对数率：若传入的是率本身，会被再次取指数。log_input=False 时 input 必须非负（速率为负时 PyTorch 得到 NaN，本 playground 会拒绝）。full=True 只改变损失值、不改变关于 input 的梯度，并且只在 target > 1 处加入斯特林项（PyTorch 的做法，因此 log(1!) = log(0!) = 0）。',
    },
    frameworkNotes: {
      en: "Keras' Poisson loss is y_pred − y_true·log(y_pred + 1e-7) on rates (like log_input=False with eps=1e-7), averaged over the last axis, with no full option. optax has no Poisson loss; write jnp.exp(x) − y * x. tf.nn.log_poisson_loss(targets, log_input, compute_full_loss=False) is this loss with log_input=True, unreduced and with the target first; compute_full_loss=True adds the same Stirling term as full=True.",
      zh: 'Keras 的 Poisson 损失对率计算 y_pred − y_true·log(y_pred + 1e-7)（类似 log_input=False、eps=1e-7），先在最后一个轴上求平均，没有 full 选项。optax 没有泊松损失，可写成 jnp.exp(x) − y * x。tf.nn.log_poisson_loss(targets, log_input, compute_full_loss=False) 即 log_input=True 时的本损失，不做汇总，且目标在前；compute_full_loss=True 时加上与 full=True 相同的 Stirling 项。',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, KERAS_LOSSES],
    related: ['gaussian-nll-loss', 'nll-loss', 'mse-loss'],
    snippets: {
      torch:
        "criterion = nn.PoissonNLLLoss(log_input=${1|True,False|}, full=${2|False,True|}, eps=${3:1e-08}, reduction=${4|'mean','sum','none'|})\nloss = criterion(${5:log_rate}, ${6:counts})",
      tf: 'loss_fn = tf.keras.losses.Poisson()\nloss = loss_fn(${1:counts}, ${2:rate})',
      jax: 'loss = jnp.mean(jnp.exp(${1:log_rate}) - ${2:counts} * ${1:log_rate})',
    },
  },
  {
    id: 'gaussian-nll-loss',
    names: { en: 'Gaussian Negative Log-Likelihood Loss', zh: '高斯负对数似然损失' },
    aliases: ['GaussianNLLLoss', 'Gaussian NLL', 'heteroscedastic regression loss', '高斯负对数似然', '异方差回归损失'],
    category: 'divergence',
    apis: [
      { framework: 'pytorch', symbol: 'torch.nn.functional.gaussian_nll_loss', kind: 'function' },
      { framework: 'pytorch', symbol: 'torch.nn.GaussianNLLLoss', kind: 'class' },
    ],
    formula:
      '\\ell_i = \\frac{1}{2}\\left(\\log \\max(\\sigma_i^2, \\epsilon) + \\frac{(x_i - y_i)^2}{\\max(\\sigma_i^2, \\epsilon)}\\right) \\; \\Big[+ \\tfrac{1}{2}\\log 2\\pi\\Big]_{\\text{full}}',
    formulaText: 'ℓᵢ = ½·(log max(varᵢ, eps) + (xᵢ − yᵢ)² / max(varᵢ, eps))  [+ ½·log 2π if full]',
    inputs: [
      {
        name: 'input',
        meaning: { en: 'The predicted mean μ.', zh: '预测的均值 μ。' },
        shape: '(N, *) or (*)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'target',
        meaning: { en: 'The observed value.', zh: '观测值。' },
        shape: 'same shape as input (or broadcastable)',
        domain: { en: 'real numbers', zh: '实数' },
      },
      {
        name: 'var',
        meaning: {
          en: 'The predicted variance σ²: same shape as input, or one dimension fewer / last dimension 1 (one variance shared by the last axis).',
          zh: '预测的方差 σ²：与 input 形状相同，或少一维 / 最后一维为 1（最后一个轴共享同一方差）。',
        },
        shape: '(N, *), (N, *[:-1]) or (N, *[:-1], 1)',
        domain: { en: 'variances ≥ 0', zh: '≥ 0 的方差' },
      },
    ],
    params: [
      {
        name: 'full',
        type: 'boolean',
        default: false,
        meaning: { en: 'Add the constant ½·log(2π), giving the exact negative log-likelihood.', zh: '加上常数 ½·log(2π)，得到精确的负对数似然。' },
      },
      {
        name: 'eps',
        type: 'number',
        default: 1e-6,
        range: [1e-12, 1e-2],
        meaning: {
          en: 'Lower clamp of the variance for stability. The clamp is done outside autograd: the gradient still reaches var (the clamp passes it through unchanged), evaluated at the clamped value, so a var below eps gets a large gradient, not zero.',
          zh: '为数值稳定而对方差设置的下限。该截断在 autograd 之外进行：梯度仍会传到 var（截断原样传递梯度），只是在截断后的值处求得，因此小于 eps 的 var 得到的是很大的梯度，而不是零。',
        },
      },
      REDUCTION,
    ],
    summary: {
      en: 'The negative log-likelihood of the target under a Gaussian with predicted mean and variance: a regression loss that also learns its own uncertainty.',
      zh: '目标在以预测均值和预测方差为参数的高斯分布下的负对数似然：一种同时学习自身不确定性（uncertainty）的回归损失。',
    },
    whenToUse: {
      en: 'Heteroscedastic regression where the noise level varies with the input, probabilistic forecasting, and any model that should output a calibrated uncertainty next to its prediction.',
      zh: '噪声水平随输入变化的异方差（heteroscedastic）回归、概率预测，以及任何需要在预测值之外输出校准不确定性的模型。',
    },
    pitfalls: {
      en: 'A negative variance is an error (predict it through softplus or exp). The model can lower the loss by inflating the variance on hard samples, which slows learning of the mean; the β-NLL variant reweights by σ^{2β}. A var tensor must have the shape of input, or that shape with the last dimension dropped or set to 1; other shapes are rejected (torch 1.13). Current PyTorch documents var as a Tensor or a float (one variance for every element; pytorch#138931); torch 1.13 and older 2.x releases reject a Python float (pytorch#149131), so pass torch.full_like(input, v) there. eps clamps the variance outside autograd, so the clamp does not stop the gradient: on torch 1.13, var = 1e−8 with a residual of 1 gets ∂ℓ/∂var ≈ −5e11 (evaluated at eps = 1e−6), not 0.',
      zh: '方差为负时报错（应通过 softplus 或 exp 输出方差）。模型可以通过在难样本上放大方差来降低损失，从而拖慢均值的学习；β-NLL 变体用 σ^{2β} 重新加权。var 为张量时，形状必须与 input 相同，或是去掉最后一维、或最后一维为 1 的形状，其他形状都会被拒绝（torch 1.13）。当前 PyTorch 文档把 var 写作张量或浮点数（浮点数表示所有元素共用一个方差；pytorch#138931）；torch 1.13 及较早的 2.x 版本不接受 Python 浮点数（pytorch#149131），这时应传入 torch.full_like(input, v)。eps 在 autograd 之外截断方差，因此截断不会阻断梯度：在 torch 1.13 上，var = 1e−8、残差为 1 时 ∂ℓ/∂var ≈ −5e11（在 eps = 1e−6 处求得），而不是 0。',
    },
    frameworkNotes: {
      en: 'Keras and optax have no built-in; TensorFlow Probability users write -tfd.Normal(mu, sigma).log_prob(y), which includes the ½·log 2π constant and takes a standard deviation rather than a variance.',
      zh: 'Keras 和 optax 没有内置实现；TensorFlow Probability 用户通常写 -tfd.Normal(mu, sigma).log_prob(y)，它包含 ½·log 2π 常数，且参数是标准差而不是方差。',
    },
    paper: {
      authors: 'David A. Nix, Andreas S. Weigend',
      year: 1994,
      title: 'Estimating the Mean and Variance of the Target Probability Distribution',
      url: 'https://doi.org/10.1109/ICNN.1994.374138',
    },
    sources: [TORCH_FUNCTIONAL, TORCH_LOSS_MODULES, { label: 'PyTorch docs torch.nn.functional.gaussian_nll_loss (var: Tensor or float)', version: 'stable docs (2.x)', url: 'https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.gaussian_nll_loss.html' }, { label: 'PyTorch pull request 138931 (float var)', version: 'merged late 2024', url: 'https://github.com/pytorch/pytorch/pull/138931' }, { label: 'PyTorch issue 149131 (float var rejected by a 2.x release)', version: 'reported 2025-03', url: 'https://github.com/pytorch/pytorch/issues/149131' }],
    related: ['mse-loss', 'poisson-nll-loss', 'kl-div'],
    snippets: {
      torch:
        "criterion = nn.GaussianNLLLoss(full=${1|False,True|}, eps=${2:1e-06}, reduction=${3|'mean','sum','none'|})\nloss = criterion(${4:mean}, ${5:target}, ${6:var})",
      jax: 'var = jnp.maximum(${1:var}, 1e-6)\nloss = jnp.mean(0.5 * (jnp.log(var) + (${2:mean} - ${3:target}) ** 2 / var))',
    },
  },
];
