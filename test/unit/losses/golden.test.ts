/**
 * Every committed golden fixture (test/fixtures/*.json, written by real PyTorch through
 * scripts/make-fixtures.sh) against computeLoss: value and gradient, float64, 1e-9 relative.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeLoss, toNested, type Tensor } from '../../../src/losses';
import { decode, type Encoded } from '../support/fixtures';

interface Case {
  id: string;
  name: string;
  inputs: Record<string, Encoded>;
  params: Record<string, Encoded>;
  value: Encoded;
  gradInput: string;
  grad: Encoded | null;
}

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

const REL = 1e-9;
const ABS = 1e-12;

function close(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= ABS + REL * Math.abs(expected);
}

function assertClose(actual: Tensor, expected: Tensor, what: string, path = ''): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${what}${path}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${what}${path}: length`);
    expected.forEach((e, i) => assertClose((actual as Tensor[])[i], e, what, `${path}[${i}]`));
    return;
  }
  assert.equal(typeof actual, 'number', `${what}${path}: expected a number, got ${JSON.stringify(actual)}`);
  assert.ok(close(actual as number, expected), `${what}${path}: got ${actual}, PyTorch gives ${expected}`);
}

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

describe('golden fixtures from PyTorch', () => {
  it('has fixture files', () => assert.ok(files.length > 0));
  for (const file of files) {
    const { family, cases } = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { family: string; cases: Case[] };
    describe(family, () => {
      for (const c of cases) {
        it(`${c.id}: ${c.name}`, () => {
          const r = computeLoss(c.id, decode(c.inputs) as Record<string, Tensor>, decode(c.params) as Record<string, unknown>);
          assertClose(r.value, decode(c.value) as Tensor, 'value');
          if (c.grad !== null) {
            assert.equal(r.gradInput, c.gradInput, 'gradient input');
            assertClose(toNested(r.grad), decode(c.grad) as Tensor, 'grad');
          }
        });
      }
    });
  }
});
