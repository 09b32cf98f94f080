# Modelled on: Project-MONAI/tutorials 3d_segmentation/brats_segmentation_3d.ipynb@cc7b248201f0b75729ed562c4df845c67f16f84b
# Modelled on: Project-MONAI/MONAI monai/losses/__init__.py@e1aa836ed89cf69e7877e99de669a04a0a8527d2
import monai
import torch
from monai.losses import TverskyLoss
from monai.losses.dice import DiceLoss as MonaiDice
from monai.networks.nets import SegResNet

model = SegResNet(blocks_down=[1, 2, 2, 4], blocks_up=[1, 1, 1], init_filters=16, in_channels=4, out_channels=3)
# sigmoid, not softmax: the three BraTS regions overlap
loss_function = MonaiDice(smooth_nr=0, smooth_dr=1e-5, squared_pred=True, to_onehot_y=False, sigmoid=True)
tversky = TverskyLoss(sigmoid=True, alpha=0.3, beta=0.7)
focal = monai.losses.FocalLoss(gamma=2.0, use_softmax=False)
hausdorff = monai.losses.HausdorffDTLoss(sigmoid=True)
optimizer = torch.optim.Adam(model.parameters(), 1e-4, weight_decay=1e-5)


def step(inputs, labels):
    outputs = model(inputs)
    loss = loss_function(outputs, labels) + 0.5 * tversky(outputs, labels) + focal(outputs, labels)
    loss = loss + 0.1 * hausdorff(outputs, labels)
    loss.backward()
    optimizer.step()
    return loss
