/**
 * The lint across the files of a project: a model class defined in a module the file imports
 * (`from network import _netD`), given to lintCells as `modules` (the editor reads them from the
 * workspace). Modelled on clvrai/ACGAN-PyTorch, whose discriminator in network.py ends in
 * `nn.Softmax()` while main.py gives its output to `nn.NLLLoss()` (its issue #8, PR #4, open).
 */
import { strict as assert } from 'node:assert';
import { lintCells, rangeText, TORCH, withCode } from './lint-helpers';

const NETWORK = `${TORCH}
class _netD(nn.Module):
    def __init__(self, ngpu, num_classes=10):
        super(_netD, self).__init__()
        self.fc_dis = nn.Linear(13 * 13 * 512, 1)
        self.fc_aux = nn.Linear(13 * 13 * 512, num_classes)
        self.softmax = nn.Softmax()
        self.sigmoid = nn.Sigmoid()

    def forward(self, input):
        flat6 = input.view(-1, 13 * 13 * 512)
        fc_dis = self.fc_dis(flat6)
        fc_aux = self.fc_aux(flat6)
        classes = self.softmax(fc_aux)
        realfake = self.sigmoid(fc_dis).view(-1, 1).squeeze(1)
        return realfake, classes
`;

const MAIN = `${TORCH}from network import _netG, _netD

netD = _netD(opt.ngpu, num_classes)
dis_criterion = nn.BCELoss()
aux_criterion = nn.NLLLoss()

for epoch in range(opt.niter):
    for i, data in enumerate(dataloader, 0):
        dis_output, aux_output = netD(input)
        dis_errD_real = dis_criterion(dis_output, dis_label)
        aux_errD_real = aux_criterion(aux_output, aux_label)
`;

/** A module lookup that knows `sources` only (as the editor's, which gives nothing for a library). */
const project = (sources: Record<string, string>) => (name: string) => sources[name];

const NET = `${TORCH}
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return F.softmax(self.fc(x), dim=1)
`;

const TRAIN = (imports: string, ctor: string) => `${TORCH}${imports}

model = ${ctor}()
criterion = nn.CrossEntropyLoss()
for x, y in loader:
    out = model(x)
    loss = criterion(out, y)
`;

describe('lint: classes of the project\'s modules', () => {
  it("ACGAN-PyTorch: network.py's softmax and sigmoid heads reach main.py's NLLLoss and BCELoss (LA103, LA109)", () => {
    const ds = lintCells([MAIN], { modules: project({ network: NETWORK }) });
    const nll = withCode(ds, 'LA103');
    assert.deepEqual(nll.map((d) => rangeText([MAIN], d)), ['aux_output']);
    assert.match(nll[0].message, /from line 17 of module network/);
    assert.deepEqual(withCode(ds, 'LA109').map((d) => rangeText([MAIN], d)), ['dis_output']);
    // Nothing in this file to edit: the softmax is in network.py. Its missing dim is not reported here either.
    for (const d of ds) assert.deepEqual(d.fixes.flatMap((f) => f.edits), [], `${d.code} has no edit of this file`);
    assert.deepEqual(withCode(ds, 'LA205'), []);
  });

  it("as in ACGAN-PyTorch's main.py: the discriminator chosen by dataset in an if/else, both classes of network.py ending in a softmax", () => {
    const network = `${NETWORK}\nclass _netD_CIFAR10(nn.Module):\n    def __init__(self, ngpu, num_classes=10):\n        super(_netD_CIFAR10, self).__init__()\n        self.fc_aux = nn.Linear(4 * 4 * 512, num_classes)\n        self.softmax = nn.Softmax()\n\n    def forward(self, input):\n        return self.fc_dis(input), self.softmax(self.fc_aux(input.view(-1, 4 * 4 * 512)))\n`;
    const main = MAIN.replace('from network import _netG, _netD', 'from network import _netG, _netD, _netD_CIFAR10').replace('netD = _netD(opt.ngpu, num_classes)', "if opt.dataset == 'imagenet':\n    netD = _netD(opt.ngpu, num_classes)\nelse:\n    netD = _netD_CIFAR10(opt.ngpu, num_classes)\nnetD.apply(weights_init)");
    const ds = lintCells([main], { modules: project({ network }) });
    assert.deepEqual(withCode(ds, 'LA103').map((d) => rangeText([main], d)), ['aux_output']);
    assert.match(withCode(ds, 'LA103')[0].message, /of module network and the other bindings that may reach it/);
    // The CIFAR-10 class's first item is not a sigmoid: the two classes disagree there, so no LA109.
    assert.deepEqual(withCode(ds, 'LA109'), []);
  });

  it('the message names the module in Chinese too', () => {
    const [d] = withCode(lintCells([MAIN], { language: 'zh', modules: project({ network: NETWORK }) }), 'LA103');
    assert.match(d.message, /来自模块 network 第 17 行/);
  });

  it('every import style: by name, through the module, relative, a star import', () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['from models import Net', 'Net', { models: NET }],
      ['import models', 'models.Net', { models: NET }],
      ['import models.vision as mv', 'mv.Net', { 'models.vision': NET }],
      ['from .model import Net', 'Net', { '.model': NET }],
      ['from model import *', 'Net', { model: NET }],
    ];
    for (const [imports, ctor, sources] of cases) {
      const src = TRAIN(imports, ctor);
      const ds = withCode(lintCells([src], { modules: project(sources) }), 'LA101');
      assert.deepEqual(ds.map((d) => rangeText([src], d)), ['out'], imports);
      assert.match(ds[0].message, new RegExp(`module ${Object.keys(sources)[0].replace('.', '\\.')}\\)`), imports);
    }
  });

  it('near misses: no module given, a library, a class defined twice or rebound, logits, two star modules, a module of a module', () => {
    const twice = `${TORCH}\nclass Net(nn.Module):\n    def forward(self, x):\n        return self.fc(x)\n${NET.slice(TORCH.length)}`;
    const logits = NET.replace('F.softmax(self.fc(x), dim=1)', 'self.fc(x)');
    const reexport = `${TORCH}from layers import Net\n`;
    const silent: Array<[string, string, Record<string, string>]> = [
      ['no module given (the default)', TRAIN('from models import Net', 'Net'), {}],
      ['a library module the lookup does not know', TRAIN('from torchvision.models import Net', 'Net'), { models: NET }],
      ['the module defines the class twice', TRAIN('from models import Net', 'Net'), { models: twice }],
      ['the name is rebound in the file', TRAIN('from models import Net\nNet = build_net', 'Net'), { models: NET }],
      ['the forward returns logits', TRAIN('from models import Net', 'Net'), { models: logits }],
      ['two star-imported modules define it', TRAIN('from a import *\nfrom b import *', 'Net'), { a: NET, b: NET }],
      ['the module itself imports the class (not followed further)', TRAIN('from models import Net', 'Net'), { models: reexport, layers: NET }],
      ['a class of the file with the same name', TRAIN('from models import Net\n\nclass Net(nn.Module):\n    def forward(self, x):\n        return self.fc(x)', 'Net'), { models: NET }],
    ];
    for (const [name, src, sources] of silent) assert.deepEqual(withCode(lintCells([src], { modules: project(sources) }), 'LA101'), [], name);
  });

  it('a lookup that throws, or gives something not a string, is no module, and the rest of the file is still linted', () => {
    const src = `${TRAIN('from models import Net', 'Net')}p = F.softmax(z, dim=1)\nl2 = F.cross_entropy(p, y)\n`;
    for (const modules of [
      () => {
        throw new Error('unreadable');
      },
      () => 42 as unknown as string,
    ]) {
      const ds = withCode(lintCells([src], { modules }), 'LA101');
      assert.deepEqual(ds.map((d) => rangeText([src], d)), ['p']);
    }
  });
});
