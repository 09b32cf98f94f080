/**
 * The lint's torchvision head slots (src/python/lint/torchvision-heads.ts) against what torchvision does:
 * test/fixtures/lint/torchvision-heads.json, written by scripts/fixtures/torchvision_heads.py with Debian's
 * torchvision (a forward hook on each slot compared with the model's output, in eval mode).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { torchvisionHeadSlot } from '../../../src/python/lint/torchvision-heads';

interface Measured {
  heads?: { attr: string; last?: number; lastName?: string }[];
  tensorWhileTraining?: boolean;
  error?: string;
}
const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'lint', 'torchvision-heads.json'), 'utf8')) as {
  torchvision: string;
  models: Record<string, Measured>;
};

describe('lint: torchvision head slots (measured in torchvision)', () => {
  const measured = Object.entries(fixture.models);

  it(`the fixture covers torchvision ${fixture.torchvision}'s classification constructors`, () => {
    assert.ok(measured.filter(([, m]) => m.heads?.length).length >= 60, `${measured.length} constructors`);
  });

  for (const [name, m] of measured) {
    const slot = torchvisionHeadSlot(`torchvision.models.${name}`);
    // What the lint may use: one slot that gives the output, and a tensor while training too.
    const usable = m.heads?.length === 1 && m.tensorWhileTraining === true ? m.heads[0] : undefined;
    it(`${name}: ${slot ? `${slot.attr}${slot.last !== undefined ? `[${slot.last}]` : ''}` : 'not followed'}`, () => {
      if (!slot) {
        // Left out only where torchvision gives no single slot, or a tuple while training (googlenet, inception_v3).
        assert.ok(!usable, `${name} has the usable slot ${JSON.stringify(usable)} that the lint does not know`);
        return;
      }
      assert.ok(usable, `${name}: the lint follows ${JSON.stringify(slot)}, torchvision measured ${JSON.stringify(m)}`);
      assert.equal(slot.attr, usable.attr);
      assert.equal(slot.last, usable.last);
      assert.equal(slot.lastName, usable.lastName);
    });
  }

  it('a module path or another task is not a classifier (torchvision.models.resnet.resnet18 is)', () => {
    assert.deepEqual(torchvisionHeadSlot('torchvision.models.resnet.resnet18'), { attr: 'fc' });
    assert.equal(torchvisionHeadSlot('torchvision.models.detection.fasterrcnn_resnet50_fpn'), undefined);
    assert.equal(torchvisionHeadSlot('torchvision.models.quantization.resnet18'), undefined);
    assert.equal(torchvisionHeadSlot('timm.models.resnet18'), undefined);
    assert.equal(torchvisionHeadSlot(undefined), undefined);
  });
});
