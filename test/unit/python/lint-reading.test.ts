/**
 * The pieces the lint's reading rests on, checked on every file of the real-code corpus and on
 * edge cases: the token tape (src/python/lint/tape.ts) holds the tokens of the shared tokenizer
 * and groups them into the statements statementsOf gives; the comments are those the tokenizer
 * finds; headerShape gives what the parser gives.
 */
import { strict as assert } from 'node:assert';
import { tokenizeCell, type Token } from '../../../src/python/tokens';
import { statementsOf } from '../../../src/python/statements';
import { headerShape, parsedShape, parseStatement } from '../../../src/python/lint/expr';
import { Stmt } from '../../../src/python/lint/program';
import { BINDER, CALLED, NameIndex } from '../../../src/python/lint/name-index';
import { TokenTape } from '../../../src/python/lint/tape';
import { readCells } from '../../../src/python/lint/tokens';
import { cellsOf, corpusFiles } from '../../../scripts/lint-doc';

const plain = (t: Token) => ({ kind: t.kind, text: t.text, start: t.start, end: t.end, line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol, prefix: t.prefix, bodyStart: t.bodyStart, bodyEnd: t.bodyEnd });

/** Every cell of the corpus plus sources that stress statements: `;`, inline bodies, continuations, strings over lines, CRLF, magics. */
function sources(): string[] {
  const edge = [
    'a = 1; b = F.softmax(x, dim=1); c = nn.CrossEntropyLoss()(b, y)\n',
    'if p: q = F.softmax(x, 1)\nelse: q = x\nfor i in r: loss = crit(q, y); loss.backward()\n',
    'x = f(1,\n      2) + \\\n    g("""a\nb""", rb\'c\')\ndef h(a, b=(1, 2), *c, d: int = 3, **e) -> None: return a\n',
    'class N(nn.Module):\r\n    def forward(self, x):\r\n        return F.log_softmax(x, dim=1)  # c\r\n',
    'async def main(x):\n    async with s as t, u as (v, w):\n        await q(x)\n',
    'match = re.match(p, s)\nmatch x:\n    case [a, b]:\n        pass\n',
    '%timeit f(x)\n!ls\nx = f"{y!r:>{w}} {{z}}"\n',
    'f = lambda x: x; g = {1: 2}; h = x[1:2]\nwhile (lambda: 1)(): pass\n',
    'def broken(x\n    y = 1\n)]}\nif x\nclass',
    '%%bash\necho hi\n',
    '',
  ];
  return [...corpusFiles().flatMap((f) => cellsOf(f)), ...edge];
}

/** The statements of a cell as the tape reading gives them: depth, header, tokens (a header's without its `:`, checked apart). */
function tapeStatements(src: string) {
  const out: { depth: number; header: boolean; tokens: ReturnType<typeof plain>[] }[] = [];
  readCells([src], (tape, from, to, depth, header) => {
    if (header) assert.equal(tape.text(to - 1), ':', 'a header ends with its colon');
    const tokens: ReturnType<typeof plain>[] = [];
    for (let i = from; i < to - (header ? 1 : 0); i++) tokens.push(plain(tape.token(i)));
    out.push({ depth, header, tokens });
  });
  return out;
}

describe('lint reading: the token tape, statements, headers', () => {
  it('the tape groups the shared tokenizer\'s tokens into the statements statementsOf gives', () => {
    let checked = 0;
    for (const src of sources()) {
      const expected = statementsOf(tokenizeCell(src)).map((st) => ({ depth: st.depth, header: st.header !== undefined, tokens: st.tokens.map(plain) }));
      assert.deepEqual(tapeStatements(src), expected, JSON.stringify(src.slice(0, 80)));
      checked += expected.length;
    }
    assert.ok(checked > 1500, `${checked} statements`);
  });

  it('keeps the comments the tokenizer finds that name loss-atlas (the only ones that can suppress), with their lines', () => {
    const suppressing = '# loss-atlas: ignore\nx = 1  # LOSS-ATLAS: ignore[LA101]\ny = 2  # loss_atlas is not it; Loss-Atlas too\n# loss-atla\n#loss-atlas';
    let kept = 0;
    for (const src of [...sources(), suppressing]) {
      const expected = tokenizeCell(src).filter((t) => t.kind === 'comment' && /loss-atlas/i.test(t.text)).map((t) => ({ cell: 0, line: t.line, text: t.text }));
      assert.deepEqual(readCells([src], () => {}).comments, expected);
      kept += expected.length;
    }
    assert.ok(kept >= 4, `${kept} comments kept`);
  });

  it('grows past its first guess of the token count (one token per character)', () => {
    const src = `x = [${Array.from({ length: 3000 }, () => '1').join(',')}]\n`;
    const tapes: TokenTape[] = [];
    readCells([src], (tape) => void tapes.push(tape));
    assert.ok(tapes[0].length > src.length >> 2, `${tapes[0].length} tokens`);
    assert.deepEqual(tapeStatements(src), statementsOf(tokenizeCell(src)).map((st) => ({ depth: st.depth, header: false, tokens: st.tokens.map(plain) })));
  });

  it('a tape whose arrays served a longer file before (released, with stale rows) reads a new file as a fresh one', () => {
    const long = sources().slice(0, 20).join('\n');
    const first = readCells([long], () => {});
    for (const t of first.tapes) t.release();
    for (const src of ['x = 1\n', 'if a: b = F.softmax(c, 1)\n', sources()[3]]) {
      assert.deepEqual(tapeStatements(src), statementsOf(tokenizeCell(src)).map((st) => ({ depth: st.depth, header: st.header !== undefined, tokens: st.tokens.map(plain) })));
    }
  });

  it('the next version of a file, a few characters longer as typing makes it, reads into the arrays the last one released', () => {
    const src = sources().slice(0, 20).join('\n');
    const first = readCells([src], () => {});
    const arrays = first.tapes[0].kinds;
    first.tapes[0].release();
    const next = readCells([`${src}\nx = 1`], () => {});
    assert.equal(next.tapes[0].kinds, arrays, 'a new array was made for a slightly longer text');
    next.tapes[0].release();
  });

  it('the table of names is shared by readings: a name keeps its number, and each number gives back its text', () => {
    const a = readCells(['criterion_for_the_validation_split = nn.CrossEntropyLoss()\n'], () => {});
    const b = readCells(['y = criterion_for_the_validation_split(out, t)\n'], () => {});
    assert.equal(a.symbols, b.symbols);
    const id = a.symbols.ids.get('criterion_for_the_validation_split');
    assert.ok(id !== undefined);
    assert.equal(a.tapes[0].syms[0], id);
    assert.equal(b.tapes[0].syms[2], id);
    // Numbers found by hash equal those of the text itself, names of every length and operators alike.
    for (const src of sources().slice(0, 10)) {
      const r = readCells([src], () => {});
      const t = r.tapes[0];
      for (let i = 0; i < t.length; i++) if (t.syms[i] >= 0) assert.equal(r.symbols.texts[t.syms[i]], src.slice(t.starts[i], t.ends[i]));
    }
    // Many new names at once: the hash table grows, and every name keeps a number of its own.
    const many = Array.from({ length: 5000 }, (_, i) => `name_${i}_x = value_${i}`).join('\n');
    const r = readCells([many], () => {});
    const seen = new Map<number, string>();
    for (let i = 0; i < r.tapes[0].length; i++) {
      const text = many.slice(r.tapes[0].starts[i], r.tapes[0].ends[i]);
      const sym = r.tapes[0].syms[i];
      if (sym < 0) continue;
      assert.equal(seen.get(sym) ?? text, text);
      seen.set(sym, text);
    }
    assert.equal(seen.size, 10_001);
    for (const t of [...a.tapes, ...b.tapes, ...r.tapes]) t.release();
  });

  it('a released name index serves the next program empty', () => {
    const a = NameIndex.take();
    a.add(7, 0, CALLED, 0);
    a.add(7, 3, BINDER, 1);
    a.add(5000, 4, 0, 1);
    assert.deepEqual([a.statements(7, 0), a.statements(7, CALLED), a.statements(5000, 0)], [[0, 3], [0], [4]]);
    a.release();
    const b = NameIndex.take();
    assert.equal(b, a, 'the released index was not reused');
    assert.deepEqual([b.statements(7, 0), b.statements(5000, 0), b.firstBinder(7)], [[], [], -1]);
    b.add(7, 9, BINDER, 2);
    assert.deepEqual(b.statements(7, BINDER), [9]);
    b.release();
  });

  it("a name's binders are chained apart, in order, with their scopes", () => {
    const ix = NameIndex.take();
    ix.add(3, 0, BINDER, 0);
    ix.add(3, 1, CALLED, 1);
    // A later token of the same statement makes it a binder.
    ix.add(3, 2, 0, 1);
    ix.add(3, 2, BINDER, 1);
    ix.add(3, 2, BINDER, 1);
    ix.add(3, 5, BINDER | CALLED, 2);
    ix.add(4, 6, BINDER, 2);
    const binders = (sym: number) => {
      const out: Array<[number, number]> = [];
      for (let e = ix.firstBinder(sym); e >= 0; e = ix.nextBinder(e)) out.push([ix.stmtAt(e), ix.scopeAt(e)]);
      return out;
    };
    assert.deepEqual(binders(3), [[0, 0], [2, 1], [5, 2]]);
    assert.deepEqual(binders(4), [[6, 2]]);
    assert.deepEqual(binders(99), []);
    ix.release();
  });

  it('a statement reads its tokens by index and gives undefined past either end', () => {
    readCells(['loss = F.cross_entropy(out, y)\n'], (tape, from, to) => {
      const s = new Stmt(0, tape, from, to - from, 0, undefined, 0);
      assert.equal(s.length, 10);
      assert.deepEqual([s.kind(0), s.text(0), s.kind(9), s.text(9)], ['name', 'loss', 'op', ')']);
      assert.deepEqual([s.kind(-1), s.text(-1), s.kind(10), s.text(10)], [undefined, undefined, undefined, undefined]);
      assert.ok(s.isName(2, 'F') && s.isOp(3, '.') && !s.isOp(2, 'F') && !s.isName(10, ')'));
    });
  });

  it('headerShape gives the kind, name, parameters and opensBlock the parser gives', () => {
    let headers = 0;
    for (const src of sources()) {
      readCells([src], (tape, from, to, depth) => {
        const s = new Stmt(0, tape, from, to - from, 0, undefined, depth);
        const parsed = parsedShape(parseStatement(s));
        assert.deepEqual(headerShape(s), parsed, tape.src.slice(tape.starts[from], tape.ends[to - 1]));
        if (parsed) headers++;
      });
    }
    assert.ok(headers > 250, `${headers} headers`);
  });
});
