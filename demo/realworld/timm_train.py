"""Training set-up in the style of huggingface/pytorch-image-models train.py: the train loss
depends on the flags (mixup, label smoothing), the validation loss is plain cross-entropy."""
import torch.nn as nn
from timm.loss import LabelSmoothingCrossEntropy, SoftTargetCrossEntropy


def build_losses(args, device, mixup_active):
    if mixup_active:
        train_loss_fn = SoftTargetCrossEntropy()
    elif args.smoothing:
        train_loss_fn = LabelSmoothingCrossEntropy(smoothing=args.smoothing)
    else:
        train_loss_fn = nn.CrossEntropyLoss()
    train_loss_fn = train_loss_fn.to(device=device)
    validate_loss_fn = nn.CrossEntropyLoss().to(device=device)
    return train_loss_fn, validate_loss_fn
