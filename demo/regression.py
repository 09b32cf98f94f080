"""Regression losses in PyTorch: mean squared error, L1 and Huber."""
import torch
import torch.nn.functional as F
from torch import nn

prediction = torch.randn(16, 3, requires_grad=True)
target = torch.randn(16, 3)

mse = nn.MSELoss()(prediction, target)
mae = F.l1_loss(prediction, target, reduction="sum")
huber = nn.HuberLoss(delta=2.0)(prediction, target)
smooth = F.smooth_l1_loss(prediction, target, beta=0.5)

(mse + mae + huber + smooth).backward()
print(prediction.grad.shape)
