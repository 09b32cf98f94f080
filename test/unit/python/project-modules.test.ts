/** Which modules of the project a file's imports name, and where each would be (src/python/project-modules.ts). */
import { strict as assert } from 'node:assert';
import { importedModuleNames, MAX_MODULE_NAMES, moduleFilePaths } from '../../../src/python/project-modules';

describe('project modules: the names a file imports', () => {
  it('every import form, relative ones with their dots, each name once, in order; a cell that is not Python is skipped', () => {
    const cells = [
      'import torch.nn as nn\nfrom network import _netG, _netD\nfrom . import model\nfrom .model import Net\nfrom ..nets.gan import D\nfrom utils import *\nimport models.vision as mv\nfrom x import (\n    a,\n    b,\n)\nimport network\n',
      '%%bash\nimport not_python\n',
    ];
    assert.deepEqual(importedModuleNames(cells), [
      'torch', 'torch.nn', 'network', 'network._netG', 'network._netD', '.model', '.model.Net', '..nets.gan', '..nets.gan.D', 'utils', 'models', 'models.vision', 'x', 'x.a', 'x.b',
    ]);
  });

  it('no imports, broken code or a non-string cell give none; at most MAX_MODULE_NAMES names', () => {
    assert.deepEqual(importedModuleNames(['x = 1\n', 'from import\nimport\n', 42 as unknown as string]), []);
    const many = Array.from({ length: 100 }, (_, i) => `import m${i}`).join('\n');
    assert.equal(importedModuleNames([many]).length, MAX_MODULE_NAMES);
  });
});

describe('project modules: where a module would be', () => {
  it('a module file or a package, from a root or from the file\'s folder for a relative name', () => {
    assert.deepEqual(moduleFilePaths('network'), { relative: false, up: 0, paths: ['network.py', 'network/__init__.py'] });
    assert.deepEqual(moduleFilePaths('models.vision'), { relative: false, up: 0, paths: ['models/vision.py', 'models/vision/__init__.py'] });
    assert.deepEqual(moduleFilePaths('.model'), { relative: true, up: 0, paths: ['model.py', 'model/__init__.py'] });
    assert.deepEqual(moduleFilePaths('..nets.gan'), { relative: true, up: 1, paths: ['nets/gan.py', 'nets/gan/__init__.py'] });
  });

  it('what cannot be a module name has no place (no path out of the project is made from it)', () => {
    for (const bad of ['', '.', '..', 'a-b', 'a..b', '../x', 'a/b', 'a.', '1abc']) assert.equal(moduleFilePaths(bad), undefined, bad);
  });
});
