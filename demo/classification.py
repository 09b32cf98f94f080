"""Classification losses in PyTorch, written in every common import style."""
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn import CrossEntropyLoss as CE

logits = torch.randn(8, 5, requires_grad=True)  # (N, C) raw scores
target = torch.randint(0, 5, (8,))  # (N,) class indices

# Fully qualified module.
criterion = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
loss = criterion(logits, target)

# `from torch import nn`.
weighted = nn.CrossEntropyLoss(weight=torch.ones(5), reduction="sum")
loss_sum = weighted(logits, target)

# The functional form, `import torch.nn.functional as F`.
loss_f = F.cross_entropy(logits, target, reduction="mean")
log_probs = F.log_softmax(logits, dim=1)
loss_nll = F.nll_loss(log_probs, target)

# An aliased class, `from torch.nn import CrossEntropyLoss as CE`.
ce = CE(ignore_index=-100)
loss_ce = ce(logits, target)

# Binary classification on logits.
bce = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0]))
binary_logits = torch.randn(8, 1)
binary_target = torch.randint(0, 2, (8, 1)).float()
loss_bce = bce(binary_logits, binary_target)

total = loss + loss_sum + loss_f + loss_nll + loss_ce + loss_bce
total.backward()
print(float(total))
