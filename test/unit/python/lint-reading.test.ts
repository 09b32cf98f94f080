/**
 * The pieces the lazy lint reading rests on, checked on every file of the real-code corpus and on
 * edge cases: a statement's tokens read again from its span are the tokens of the whole-file
 * reading; tokens from a TokenPool (objects used again line by line) have the values of fresh
 * ones; StatementReader groups tokens as statementsOf does; headerShape gives what the parser gives.
 */
import { strict as assert } from 'node:assert';
import { tokenize, tokenizeCell, TokenPool, type Token } from '../../../src/python/tokens';
import { StatementReader, statementsOf } from '../../../src/python/statements';
import { headerShape, parsedShape, parseStatement } from '../../../src/python/lint/expr';
import { readCells, rereadTokens } from '../../../src/python/lint/tokens';
import { cellsOf, corpusFiles } from '../../../scripts/lint-doc';

const plain = (t: Token) => ({ kind: t.kind, text: t.text, start: t.start, end: t.end, line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol, prefix: t.prefix, bodyStart: t.bodyStart, bodyEnd: t.bodyEnd });

/** Every cell of the corpus plus sources that stress spans: `;`, inline bodies, continuations, strings over lines, CRLF. */
function sources(): string[] {
  const edge = [
    'a = 1; b = F.softmax(x, dim=1); c = nn.CrossEntropyLoss()(b, y)\n',
    'if p: q = F.softmax(x, 1)\nelse: q = x\nfor i in r: loss = crit(q, y); loss.backward()\n',
    'x = f(1,\n      2) + \\\n    g("""a\nb""", rb\'c\')\ndef h(a, b=(1, 2), *c, d: int = 3, **e) -> None: return a\n',
    'class N(nn.Module):\r\n    def forward(self, x):\r\n        return F.log_softmax(x, dim=1)  # c\r\n',
    'async def main(x):\n    async with s as t, u as (v, w):\n        await q(x)\n',
    'match = re.match(p, s)\nmatch x:\n    case [a, b]:\n        pass\n',
    '%timeit f(x)\n!ls\nx = f"{y!r:>{w}} {{z}}"\n',
  ];
  return [...corpusFiles().flatMap((f) => cellsOf(f)), ...edge];
}

describe('lint reading: spans, pooled tokens, headers', () => {
  it("a statement's tokens read again from its span are those of the whole reading", () => {
    let checked = 0;
    for (const src of sources()) {
      for (const st of statementsOf(tokenizeCell(src))) {
        const first = st.tokens[0];
        const last = st.tokens[st.tokens.length - 1];
        const again = rereadTokens(src, { from: first.start, to: last.end, line: first.line, lineStart: first.start - first.col }, false);
        assert.deepEqual(again.map(plain), st.tokens.map(plain), JSON.stringify(src.slice(first.start, last.end)));
        checked++;
      }
    }
    assert.ok(checked > 1500, `${checked} statements`);
  });

  it('pooled tokens have the values of fresh ones, line by line', () => {
    for (const src of sources()) {
      const fresh = tokenize(src).map(plain);
      const pooled: ReturnType<typeof plain>[] = [];
      const pool = new TokenPool();
      tokenize(src, (t) => {
        pooled.push(plain(t));
        if (t.kind === 'newline') pool.reset();
      }, undefined, pool);
      assert.deepEqual(pooled, fresh);
    }
  });

  it('StatementReader groups as statementsOf; readCells gives the same statements from pooled tokens', () => {
    for (const src of sources()) {
      const expected = statementsOf(tokenizeCell(src)).map((st) => ({ depth: st.depth, header: st.header, tokens: st.tokens.map(plain) }));
      const streamed: typeof expected = [];
      const reader = new StatementReader(0, (st) => streamed.push({ depth: st.depth, header: st.header, tokens: st.tokens.map(plain) }));
      tokenizeCell(src, (t) => reader.push(t));
      reader.finish();
      assert.deepEqual(streamed, expected);
      const read: string[][] = [];
      readCells([src], { pooled: true }, (st) => read.push(st.tokens.filter((t) => t.end > t.start).map((t) => t.text)));
      assert.deepEqual(read, expected.map((st) => st.tokens.map((t) => t.text)));
    }
  });

  it('headerShape gives the kind, name, parameters and opensBlock the parser gives', () => {
    let headers = 0;
    for (const src of sources()) {
      readCells([src], { pooled: false }, (st) => {
        const parsed = parsedShape(parseStatement(st));
        assert.deepEqual(headerShape(st.tokens), parsed, st.tokens.map((t) => t.text).join(' '));
        if (parsed) headers++;
      });
    }
    assert.ok(headers > 250, `${headers} headers`);
  });
});
