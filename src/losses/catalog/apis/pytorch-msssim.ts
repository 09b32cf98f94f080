/**
 * pytorch_msssim v1.0.0 (VainF/pytorch-msssim pytorch_msssim/__init__.py, commit 6a2a7acb):
 * ssim, ms_ssim, SSIM, MS_SSIM, bound to the SSIM entries; test/fixtures/apis/pytorch-msssim.json.
 */
import { cls, fn, type ApiBinding } from './binding';

const SSIM_NOTE = {
  en: 'pytorch_msssim.ssim(X, Y, data_range=255, size_average=True, win_size=11, win_sigma=1.5, K=(0.01, 0.03), nonnegative_ssim=False) and the pytorch_msssim.SSIM module (channel=3, spatial_dims=2) return the SSIM index, valid-padded, not a loss: write 1 − ssim(...). Mind data_range=255 for images in [0, 1].',
  zh: 'pytorch_msssim.ssim(X, Y, data_range=255, size_average=True, win_size=11, win_sigma=1.5, K=(0.01, 0.03), nonnegative_ssim=False) 以及 pytorch_msssim.SSIM 模块（channel=3, spatial_dims=2）返回的是 SSIM 指数（valid 填充）而不是损失：需写成 1 − ssim(...)。图像在 [0, 1] 内时要注意 data_range 默认为 255。',
};

export const PYTORCH_MSSSIM_APIS: readonly ApiBinding[] = [
  fn('ssim-loss', 'pytorch_msssim.ssim', { data_range: 255 }, SSIM_NOTE),
  cls('ssim-loss', 'pytorch_msssim.SSIM', { data_range: 255 }),
  fn('ms-ssim-loss', 'pytorch_msssim.ms_ssim'),
  cls('ms-ssim-loss', 'pytorch_msssim.MS_SSIM'),
];
