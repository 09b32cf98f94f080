import { strict as assert } from 'node:assert';
import { statementsOf, stringBody, tokenize, type Token } from '../../../src/python';

const kinds = (ts: readonly Token[]) => ts.map((t) => `${t.kind}:${t.text}`);
const sig = (src: string) => tokenize(src).filter((t) => !['nl', 'newline', 'indent', 'dedent', 'end', 'comment'].includes(t.kind));

describe('python: tokenizer', () => {
  it('names, numbers, operators, comments, newlines and indentation', () => {
    const ts = tokenize('def f(x=1.5e-3):  # c\n    return x ** 2\n');
    assert.deepEqual(kinds(ts), [
      'name:def', 'name:f', 'op:(', 'name:x', 'op:=', 'number:1.5e-3', 'op:)', 'op::', 'comment:# c', 'newline:\n',
      'indent:', 'name:return', 'name:x', 'op:**', 'number:2', 'newline:\n', 'dedent:', 'end:',
    ]);
  });
  it('strings: prefixes, triple quotes over lines, escapes, f-strings with nested quotes', () => {
    const src = 'a = rb"x\\"y"\nb = """one\n"two"\nthree"""\nc = f"{d["k"]} {{x}}"\nd = 1';
    const ts = sig(src);
    const strings = ts.filter((t) => t.kind === 'string');
    assert.deepEqual(strings.map((t) => t.prefix), ['rb', '', 'f']);
    assert.equal(stringBody(src, strings[1]), 'one\n"two"\nthree');
    assert.deepEqual([strings[1].line, strings[1].endLine], [1, 3]);
    assert.equal(strings[2].text, 'f"{d["k"]} {{x}}"');
    const d = ts.find((t) => t.text === 'd' && t.line === 5)!;
    assert.deepEqual([d.line, d.col], [5, 0], 'positions after a multi-line string');
  });
  it('brackets: newlines inside are not logical; a backslash continues the line', () => {
    const ts = tokenize('x = f(1,\n      2)\ny = 3 + \\\n    4\n');
    assert.equal(ts.filter((t) => t.kind === 'newline').length, 2);
    assert.equal(ts.filter((t) => t.kind === 'indent').length, 0);
    const four = ts.find((t) => t.text === '4')!;
    assert.deepEqual([four.line, four.col], [3, 4]);
  });
  it('a bracket closed on a later line does not start an indentation there', () => {
    const ts = tokenize('def f():\n    soft = kl(\n        a,\n    ) * (t * t)\n    return soft\n');
    assert.deepEqual(ts.filter((t) => t.kind === 'indent' || t.kind === 'dedent').map((t) => `${t.kind}@${t.line}`), ['indent@1', 'dedent@5']);
    const st = statementsOf(ts);
    assert.deepEqual(st.map((s) => s.depth), [0, 1, 1]);
  });
  it('CRLF and CR line ends count one line each', () => {
    const ts = sig('a = 1\r\nb = 2\rc = 3');
    assert.deepEqual(ts.filter((t) => t.kind === 'name').map((t) => t.line), [0, 1, 2]);
  });
  it('notebook magics and shell lines are single tokens; an unterminated string ends at the line', () => {
    const ts = tokenize('%matplotlib inline\n!pip install timm\nx = "open\ny = 2\n');
    assert.deepEqual(ts.filter((t) => t.kind === 'magic').map((t) => t.text), ['%matplotlib inline', '!pip install timm']);
    assert.ok(ts.some((t) => t.kind === 'name' && t.text === 'y' && t.line === 3));
  });
  it('never throws on odd input', () => {
    for (const s of ['', '\\', '"""', "f'{", ')))', '\t\t x', '$ ? `', 'é = 1', '\u00a0']) assert.ok(Array.isArray(tokenize(s)));
  });
});

describe('python: statements', () => {
  it('simple statements split at semicolons; headers with inline bodies; block depths', () => {
    const st = statementsOf(tokenize('import a; import b\nclass C:\n    def f(self): return 1\n    x = [i for i in y]\nif z: w = 2\n'));
    assert.deepEqual(st.map((s) => [s.header ?? '', s.depth, s.tokens.map((t) => t.text).join(' ')]), [
      ['', 0, 'import a'],
      ['', 0, 'import b'],
      ['class', 0, 'class C'],
      ['def', 1, 'def f ( self )'],
      ['', 2, 'return 1'],
      ['', 1, 'x = [ i for i in y ]'],
      ['if', 0, 'if z'],
      ['', 1, 'w = 2'],
    ]);
  });
  it('soft keywords: `match = …` is an assignment, a lambda colon is not a header colon', () => {
    const st = statementsOf(tokenize('match = re.match(p, s)\nif f(lambda a: a): pass\n'));
    assert.equal(st[0].header, undefined);
    assert.deepEqual([st[1].header, st[1].tokens.length], ['if', 8]);
  });
});
