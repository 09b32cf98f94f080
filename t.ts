import { lintCells } from './src/python/lint';
const head = `import torch.nn as nn
import torch.nn.functional as F
class Net(nn.Module):
    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)
class Trainer:
    def __init__(self, model, criterion, optimizer):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
    def train_step(self, x, y):
        out = self.model(x)
        loss = self.criterion(out, y)
        return loss
net = Net()
`;
for (const tail of ['criterion = nn.CrossEntropyLoss()\ntrainer = Trainer(net, criterion, opt)\n', 'trainer = Trainer(net, nn.CrossEntropyLoss(), opt)\n', 'trainer = Trainer(model=net, criterion=nn.CrossEntropyLoss(), optimizer=opt)\n'])
  console.log(JSON.stringify(tail), lintCells([head + tail]).map((d) => d.code + ': ' + d.message.slice(0, 60)));
