import assert from 'node:assert/strict';
import { LOSSES } from '../../../src/losses';
import { shapeInWords } from '../../../src/losses/shape-words';

describe('shapeInWords: input shapes in the reader\'s language', () => {
  it('keeps the English as written', () => {
    for (const e of LOSSES) for (const i of e.inputs) assert.equal(shapeInWords(i.shape, 'en'), i.shape);
  });

  it('turns the words of common shapes into Chinese and keeps dimensions and names', () => {
    assert.equal(shapeInWords('(*), same shape as input', 'zh'), '(*), 与 input 形状相同');
    assert.equal(shapeInWords('(C) or (N, C)', 'zh'), '(C) 或 (N, C)');
    assert.equal(shapeInWords('(*), any shape', 'zh'), '(*), 任意形状');
    assert.equal(shapeInWords('class indices: (), (N) or (N, d1); probabilities: same shape as input', 'zh'), '类别索引：(), (N) 或 (N, d1)；概率：与 input 形状相同');
    assert.equal(shapeInWords('list of (B, K)', 'zh'), '由 (B, K) 组成的列表');
  });

  it('leaves no English word in the Chinese shape of any catalog input (names, dimensions and code aside)', () => {
    const left: string[] = [];
    for (const e of LOSSES) {
      // Words that are names: the entry's inputs and parameters, and identifiers (a digit, an underscore or a capital).
      const names = new Set([...e.inputs.map((i) => i.name), ...e.params.map((p) => p.name), 'sum', 'batch', 'batchmean']);
      for (const i of e.inputs) {
        const zh = shapeInWords(i.shape, 'zh');
        const words = (zh.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => /^[a-z]{2,}$/.test(w) && !names.has(w));
        if (words.length) left.push(`${e.id}.${i.name}: "${i.shape}" -> "${zh}" (${words.join(', ')})`);
      }
    }
    assert.deepEqual(left, []);
  });
});
