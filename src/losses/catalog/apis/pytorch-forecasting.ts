/**
 * pytorch-forecasting v1.8.0 `pytorch_forecasting.metrics` (sktime/pytorch-forecasting
 * pytorch_forecasting/metrics/__init__.py, commit 4d8d97cd), the metrics used as training losses;
 * QuantileLoss and SMAPE are already listed by their entries. Full list:
 * test/fixtures/apis/pytorch-forecasting.json.
 */
import { cls, type ApiBinding } from './binding';

const M = 'pytorch_forecasting.metrics.';

const HORIZON = {
  en: 'pytorch-forecasting metrics compute the value per time step of the prediction horizon, mask padded steps of shorter series and average the rest (reduction="mean"); passed to a model as loss=….',
  zh: 'pytorch-forecasting 的指标在预测区间的每个时间步上计算数值，屏蔽较短序列的填充步并对其余步取平均（reduction="mean"）；通过 loss=… 传给模型。',
};

export const PYTORCH_FORECASTING_APIS: readonly ApiBinding[] = [
  cls('l1-loss', `${M}MAE`, undefined, { en: `pytorch_forecasting.metrics.MAE() is |ŷ − y| averaged. ${HORIZON.en}`, zh: `pytorch_forecasting.metrics.MAE() 是 |ŷ − y| 的平均。${HORIZON.zh}` }),
  cls('mean-absolute-percentage-error', `${M}MAPE`, undefined, {
    en: `pytorch_forecasting.metrics.MAPE() is |ŷ − y| / (|y| + 1e-8) without Keras's factor of 100. ${HORIZON.en}`,
    zh: `pytorch_forecasting.metrics.MAPE() 为 |ŷ − y| / (|y| + 1e-8)，没有 Keras 中的 100 倍系数。${HORIZON.zh}`,
  }),
  cls('poisson-nll-loss', `${M}PoissonLoss`, { eps: 1e-6 }, {
    en: `pytorch_forecasting.metrics.PoissonLoss() calls F.poisson_nll_loss(log_input=True, full=False, eps=1e-6) on the network output (a log rate) and predicts exp(output). ${HORIZON.en}`,
    zh: `pytorch_forecasting.metrics.PoissonLoss() 对网络输出（对数速率）调用 F.poisson_nll_loss(log_input=True, full=False, eps=1e-6)，预测值为 exp(output)。${HORIZON.zh}`,
  }),
  cls('cross-entropy', `${M}CrossEntropy`, undefined, {
    en: `pytorch_forecasting.metrics.CrossEntropy() is F.cross_entropy over the classes of a categorical target at each horizon step. ${HORIZON.en}`,
    zh: `pytorch_forecasting.metrics.CrossEntropy() 是在每个预测步上对类别型目标的各类别做 F.cross_entropy。${HORIZON.zh}`,
  }),
  cls('gaussian-nll-loss', `${M}NormalDistributionLoss`, { full: true }, {
    en: `pytorch_forecasting.metrics.NormalDistributionLoss() is −log N(y; μ, σ) with the constant (full=True) and the network predicting μ and σ (not the variance), rescaled by the target normaliser. ${HORIZON.en}`,
    zh: `pytorch_forecasting.metrics.NormalDistributionLoss() 为 −log N(y; μ, σ)，含常数项（full=True），网络预测 μ 和 σ（而不是方差），并按目标归一化器重新缩放。${HORIZON.zh}`,
  }),
];
