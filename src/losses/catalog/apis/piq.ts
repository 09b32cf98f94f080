/**
 * piq v0.8.0 (photosynthesis-team/piq piq/__init__.py, commit 9948a52f): its losses that match
 * catalog entries; the full list is test/fixtures/apis/piq.json.
 */
import { cls, fn, type ApiBinding } from './binding';

export const PIQ_APIS: readonly ApiBinding[] = [
  cls('ssim-loss', 'piq.SSIMLoss', undefined, {
    en: "piq piq.SSIMLoss(kernel_size=11, kernel_sigma=1.5, k1=0.01, k2=0.03, downsample=True, reduction='mean', data_range=1.0) returns 1 − SSIM; downsample=True first shrinks large images (factor round(min(H, W)/256)) as skimage and TensorFlow do. piq.ssim returns the index itself.",
    zh: "piq 的 piq.SSIMLoss(kernel_size=11, kernel_sigma=1.5, k1=0.01, k2=0.03, downsample=True, reduction='mean', data_range=1.0) 返回 1 − SSIM；downsample=True 时先像 skimage 和 TensorFlow 那样缩小大图（系数 round(min(H, W)/256)）。piq.ssim 返回指数本身。",
  }),
  fn('ssim-loss', 'piq.ssim'),
  cls('ms-ssim-loss', 'piq.MultiScaleSSIMLoss', { data_range: 1.0 }, {
    en: "piq piq.MultiScaleSSIMLoss(kernel_size=11, kernel_sigma=1.5, k1=0.01, k2=0.03, scale_weights=None, reduction='mean', data_range=1.0) returns 1 − MS-SSIM with the same five default weights; piq.multi_scale_ssim returns the index.",
    zh: "piq 的 piq.MultiScaleSSIMLoss(kernel_size=11, kernel_sigma=1.5, k1=0.01, k2=0.03, scale_weights=None, reduction='mean', data_range=1.0) 返回 1 − MS-SSIM，默认使用同样的五个权重；piq.multi_scale_ssim 返回指数本身。",
  }),
  fn('ms-ssim-loss', 'piq.multi_scale_ssim', { data_range: 1.0 }),
  cls('perceptual-loss', 'piq.ContentLoss', undefined, {
    en: "piq piq.ContentLoss(feature_extractor='vgg16', layers=('relu3_3',), weights=[1.0], distance='mse', reduction='mean', normalize_features=False) is the feature-space distance of a pretrained VGG; piq.LPIPS is ContentLoss with the five LPIPS layers, learned weights and normalised features.",
    zh: "piq 的 piq.ContentLoss(feature_extractor='vgg16', layers=('relu3_3',), weights=[1.0], distance='mse', reduction='mean', normalize_features=False) 是预训练 VGG 特征空间中的距离；piq.LPIPS 是使用 LPIPS 五个层、学习到的权重并对特征归一化的 ContentLoss。",
  }),
  cls('perceptual-loss', 'piq.LPIPS'),
  cls('style-loss', 'piq.StyleLoss', undefined, {
    en: "piq piq.StyleLoss(...) takes ContentLoss's arguments and compares Gram matrices of the VGG features (default layer relu3_3, distance 'mse').",
    zh: "piq 的 piq.StyleLoss(...) 使用与 ContentLoss 相同的参数，比较 VGG 特征的 Gram 矩阵（默认层 relu3_3，距离为 'mse'）。",
  }),
];
