import { strict as assert } from 'node:assert';
import { expandSnippet } from './snippet-syntax';

describe('snippet syntax checker', () => {
  it('expands placeholders, choices, tab stops and escapes to their defaults', () => {
    assert.equal(expandSnippet("f(${1:x}, r=${2|'mean','sum'|})$0"), "f(x, r='mean')");
    assert.equal(expandSnippet('a ${1:b ${2:c}} \\$d'), 'a b c $d');
  });
  it('rejects unclosed placeholders and choices', () => {
    assert.throws(() => expandSnippet('f(${1:x)'), /unclosed placeholder/);
    assert.throws(() => expandSnippet("${1|'a','b'}"), /unclosed choice/);
  });
});
