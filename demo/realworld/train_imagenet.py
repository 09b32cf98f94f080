"""Image classification training loop, in the style of pytorch/examples imagenet/main.py:
the criterion is built once in main() and handed to train() and validate()."""
import torch
import torch.nn as nn


def train(train_loader, model, criterion, optimizer, device):
    model.train()
    for images, target in train_loader:
        images, target = images.to(device), target.to(device)
        output = model(images)
        loss = criterion(output, target)  # CTC is not used here; this comment names no loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def validate(val_loader, model, criterion, device):
    model.eval()
    total = 0.0
    with torch.no_grad():
        for images, target in val_loader:
            total += criterion(model(images.to(device)), target.to(device)).item()
    print(f"val loss {total:.3f} (mean dice is not computed here)")
    return total


def main(model, train_loader, val_loader, epochs=90):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for epoch in range(epochs):
        train(train_loader, model, criterion, optimizer, device)
        validate(val_loader, model, criterion, device)
