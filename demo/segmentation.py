"""Detection and segmentation losses from torchvision and segmentation-models-pytorch."""
import segmentation_models_pytorch as smp
import torch
import torchvision

logits = torch.randn(2, 1, 64, 64, requires_grad=True)  # (N, 1, H, W)
mask = torch.randint(0, 2, (2, 1, 64, 64)).float()

focal = torchvision.ops.sigmoid_focal_loss(logits, mask, alpha=0.25, gamma=2.0, reduction="mean")

dice = smp.losses.DiceLoss(mode="binary", from_logits=True)
loss_dice = dice(logits, mask)

# smp's focal loss is the same sigmoid form with other defaults: hover the class below to compare
smp_focal = smp.losses.FocalLoss(mode="binary", gamma=2.0)
loss_smp_focal = smp_focal(logits, mask)

(focal + loss_dice + loss_smp_focal).backward()
print(float(focal), float(loss_dice), float(loss_smp_focal))
