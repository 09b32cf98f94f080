"""Select the two tensor lines below and run "Loss Atlas: Compute Loss on Selection"
(Command Palette, or right-click in the selection)."""
import torch

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]])
target = torch.tensor([0, 1])

# Numbers copied from a printout work too: numpy, torch or TensorFlow reprs, CSV, JSON.
pred = [0.9, 0.2, 0.7]
truth = [1.0, 0.0, 1.0]

# A typo (the letter O for a zero): the message says what it found and where.
bad = [0.1, 0.2, O.3]
