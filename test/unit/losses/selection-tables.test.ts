/**
 * The selection parser's tables (unnamed rows, one item however many rows), its chunked
 * number buffer and its two number paths (digits below 2^53 converted inline, the rest
 * through `numberRest`): what the speed work of issue 7 changed, pinned at the edges.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fail, ok, vals } from './selection-helpers';

describe('selection parser: tables of rows', () => {
  it('200,003 rows, one number each, give one column with every number in place', () => {
    const n = 200_003;
    const text = 'pred = [0.5]\n' + Array.from({ length: n }, (_, i) => String(i)).join('\n') + '\n';
    const arrays = ok(text);
    assert.equal(arrays.length, 2);
    const col = arrays[1];
    assert.deepEqual(col.tensor.shape, [n]);
    assert.equal(col.line, 2);
    assert.equal(col.integer, true);
    assert.equal(col.name, undefined);
    for (let i = 0; i < n; i += 997) assert.equal(col.tensor.data[i], i);
    assert.equal(col.tensor.data[n - 1], n - 1);
  });

  it('one number written as a float anywhere makes the whole table non-integer', () => {
    assert.equal(ok('1 2\n3 4\n5 6')[0].integer, true);
    assert.equal(ok('1 2\n3 4\n5 6.0')[0].integer, false);
    assert.equal(ok('1 2\n3 4\n5 1e0')[0].integer, false);
  });

  it('one or two rows give one array per row, with its own line and integer flag', () => {
    const one = ok('x = [1]\n\n0.5 2 3');
    assert.deepEqual(one.map((a) => [a.line, a.tensor.shape, a.integer]), [[1, [1], true], [3, [3], false]]);
    const two = ok('1 2 3\n# a comment\n0.5 2 3');
    assert.deepEqual(two.map((a) => [a.line, vals(a), a.integer]), [[1, [1, 2, 3], true], [3, [0.5, 2, 3], false]]);
  });

  it('tables separated by a named array are separate tables (each with its own width)', () => {
    const arrays = ok('1 2\n3 4\n5 6\ny = [0]\n1 2 3\n4 5 6\n7 8 9');
    assert.deepEqual(arrays.map((a) => [a.name, a.line, a.tensor.shape]), [[undefined, 1, [3, 2]], ['y', 4, [1]], [undefined, 5, [3, 3]]]);
    assert.deepEqual(vals(arrays[2]), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('the first row of another length is the one reported, against the first row', () => {
    assert.equal(fail('1 2 3\n4 5 6\n7 8\n9').error, 'the row at line 3, column 1 has 2 numbers but the row at line 1 has 3');
    assert.equal(fail('x = [1]\n\n1 2\n3 4\n5 6 7').error, 'the row at line 5, column 1 has 3 numbers but the row at line 3 has 2');
    // a scan error later in the text comes first: the rows are checked once the text is read
    assert.equal(fail('1 2\n3\nfoo').error, "found 3 numbers and the token 'foo' at line 3, column 1");
  });
});

describe('selection parser: tables under a header', () => {
  it('each column is integer when every row wrote it as an integer', () => {
    const arrays = ok('a, b, c\n1, 2.5, 3\n4, 5, 6\n7, 8, 9.0');
    assert.deepEqual(arrays.map((a) => [a.name, vals(a), a.integer, a.line]), [
      ['a', [1, 4, 7], true, 1],
      ['b', [2.5, 5, 8], false, 1],
      ['c', [3, 6, 9], false, 1],
    ]);
  });

  it('a header with many rows (the columns are read across the rows)', () => {
    const rows = 50_000;
    const text = 'x y\n' + Array.from({ length: rows }, (_, i) => `${i} ${0 - i / 4}`).join('\n');
    const [x, y] = ok(text);
    assert.deepEqual([x.tensor.shape, y.tensor.shape], [[rows], [rows]]);
    assert.equal(x.integer, true);
    assert.equal(y.integer, false);
    for (let i = 0; i < rows; i += 499) {
      assert.equal(x.tensor.data[i], i);
      assert.equal(y.tensor.data[i], 0 - i / 4);
    }
  });

  it('the first row of another width is reported, even when a later one is wrong too', () => {
    assert.equal(fail('a b\n1 2\n1 2 3\n4').error, 'the row at line 3, column 1 has 3 numbers but the header names 2 columns');
    assert.equal(fail('a b\n1.5\n1 2').error, 'the row at line 2, column 1 has 1 number but the header names 2 columns');
  });

  it('a header without rows, then another header with rows', () => {
    assert.equal(fail('a b\nc d\n1 2').error, "found the header 'a', 'b' at line 1, column 1 but no rows of numbers under it");
  });

  it('an empty object between a header and its rows leaves the rows under the header (was an internal error)', () => {
    const arrays = ok('a, b\n{}\n1, 2\n3, 4');
    assert.deepEqual(arrays.map((a) => [a.name, vals(a), a.line]), [['a', [1, 3], 1], ['b', [2, 4], 1]]);
    // without a header an empty object was and is transparent too
    assert.deepEqual(ok('1 2\n{}\n3 4\n5 6')[0].tensor.shape, [3, 2]);
  });
});

describe('selection parser: the number buffer grows in chunks', () => {
  it('400,000 numbers across many chunks are all in place, in order', () => {
    const n = 400_000;
    const [a] = ok('[' + Array.from({ length: n }, (_, i) => String(i / 2)).join(', ') + ']');
    assert.equal(a.tensor.data.length, n);
    assert.equal(a.tensor.data.buffer.byteLength, n * 8, 'the result holds exactly its numbers');
    for (let i = 0; i < n; i++) if (a.tensor.data[i] !== i / 2) assert.fail(`number ${i} is ${a.tensor.data[i]}`);
  });

  it('many small arrays after a large one are views at the right offsets', () => {
    const big = Array.from({ length: 5000 }, (_, i) => i).join(' ');
    const arrays = ok(`big = ${big}\n` + Array.from({ length: 3000 }, (_, i) => `a${i} = [${i}, ${-i}]`).join('\n'));
    assert.equal(arrays.length, 3001);
    assert.equal(arrays[0].tensor.data[4999], 4999);
    for (let i = 0; i < 3000; i += 37) assert.deepEqual([arrays[i + 1].name, vals(arrays[i + 1]), arrays[i + 1].line], [`a${i}`, [i, 0 - i], i + 2]);
  });

  it('the limit stops at the number after it, at chunk edges too (1024, 1024 + 2048, 2^17)', () => {
    for (const max of [1023, 1024, 1025, 3072, 131_072]) {
      // numbers "7" separated by ", ": the (max + 1)-th number ends at column 3 * max + 2
      const text = '[' + new Array(max + 5).fill('7').join(', ') + ']';
      const e = fail(text, max);
      assert.equal(
        e.error,
        `the selection holds more than ${max} numbers (the limit); select fewer numbers or raise the limit (stopped at line 1, column ${3 * max + 3})`,
      );
      assert.equal(ok('[' + new Array(max).fill('7').join(', ') + ']', max)[0].tensor.data.length, max);
    }
  });
});

describe('selection parser: both number paths read numbers as Number() does', () => {
  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: min, maxLength: max });
  const literal = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 20 })).map(([x, k]) => x.toFixed(k)),
    fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 21 })).map(([x, k]) => x.toPrecision(k)),
    fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 })).map(([x, k]) => x.toExponential(k)),
    // mantissas of 1 to 20 digits around the 15-digit edge of the inline path, with and without a point and exponent
    fc
      .tuple(fc.constantFrom('', '-', '+'), digits(1, 20), fc.option(digits(0, 20), { nil: undefined }), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), digits(1, 3)), { nil: undefined }))
      .map(([sign, int, frac, exp]) => sign + int + (frac === undefined ? '' : '.' + frac) + (exp === undefined ? '' : exp.join(''))),
  );

  it('value, sign of zero, and the integer flag (property)', () => {
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 8 }), fc.constantFrom(', ', ' ', '\t'), (xs, sep) => {
        for (const text of [`[${xs.join(', ')}]`, xs.join(sep)]) {
          const [a] = ok(text);
          assert.deepEqual(a.tensor.shape, [xs.length]);
          xs.forEach((x, i) => assert.ok(Object.is(a.tensor.data[i], Number(x)), `${x}: ${a.tensor.data[i]} vs ${Number(x)}`));
          assert.equal(a.integer, xs.every((x) => /^[+-]?\d+$/.test(x)), text);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('at the edges of the inline path (digits below 2^53, at most 22 after the point)', () => {
    const xs = [
      '999999999999999', '9999999999999999', '99999999999999.9', '9999999999999.99', '0.123456789012345', '0.1234567890123456',
      '9007199254740991', '9007199254740992', '9007199254740993', '900719925474099.3', '0.9007199254740991', '0.9007199254740993',
      '0.12345678901234567', '1.0000000000000000000001', '0.0000000000000000000001', '0.00000000000000000000001', '0.0000000000000000000000123',
      '-0', '-0.0', '5.', '.5', '-.5', '+5',
    ];
    const [a] = ok(xs.join(' '));
    xs.forEach((x, i) => assert.ok(Object.is(a.tensor.data[i], Number(x)), x));
  });

  it('what may not follow a number is still reported where it was', () => {
    assert.equal(fail('1.5.2').error, "found 0 numbers and the token '.' at line 1, column 4");
    assert.equal(fail('12x').error, "found 0 numbers and the token '12x' at line 1, column 1");
    assert.equal(fail('1234567890123456789x').error, "found 0 numbers and the token '1234567890123456789x' at line 1, column 1");
    assert.equal(fail('2 1e5q').error, "found 1 number and the token '1e5q' at line 1, column 3");
    assert.equal(fail('[1, 2e]').error, "found 1 number and the token '2e' at line 1, column 5");
  });
});
