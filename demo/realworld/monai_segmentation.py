"""3D segmentation with MONAI, in the style of the Project-MONAI tutorials (swin_unetr_btcv,
spleen_segmentation_3d): a DiceCE loss on one-hot labels, a sliding-window validation."""
import torch
from monai.losses import DiceCELoss
from monai.metrics import DiceMetric
from monai.networks.nets import UNet

model = UNet(spatial_dims=3, in_channels=1, out_channels=14, channels=(16, 32, 64, 128), strides=(2, 2, 2))
loss_function = DiceCELoss(to_onehot_y=True, softmax=True, lambda_dice=1.0, lambda_ce=1.0)
dice_metric = DiceMetric(include_background=True, reduction="mean")
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=1e-5)

for batch in train_loader:
    x, y = batch["image"], batch["label"]
    logit_map = model(x)
    loss = loss_function(logit_map, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
