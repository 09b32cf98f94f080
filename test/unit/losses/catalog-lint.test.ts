/**
 * The catalog's own lint: every entry complete in both languages, ids and aliases
 * unique, API symbols resolving back, formulas rendering in KaTeX, snippets valid
 * VS Code snippets that expand to valid Python.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import katex from 'katex';
import { CATEGORIES, CONCEPTS, findLoss, LOSSES, symbolForms, type LossEntry } from '../../../src/losses';
import { expandSnippet } from '../support/snippet-syntax';

const LOCALIZED_FIELDS = ['names', 'summary', 'whenToUse', 'pitfalls', 'frameworkNotes'] as const;
const HAS_CJK = /[\u4e00-\u9fff]/;

function checkLocalized(where: string, value: { en: string; zh: string } | undefined): void {
  assert.ok(value, `${where}: missing`);
  assert.ok(value.en.trim().length > 0, `${where}.en is empty`);
  assert.ok(value.zh.trim().length > 0, `${where}.zh is empty`);
  assert.ok(HAS_CJK.test(value.zh), `${where}.zh has no Chinese text: ${JSON.stringify(value.zh)}`);
}

/** Expands every snippet, then asks Python's own parser about all of them at once. */
function pythonSyntaxErrors(sources: Map<string, string>): Map<string, string> {
  const script = [
    'import ast, json, sys',
    'src = json.load(sys.stdin)',
    'bad = {}',
    'for k, v in src.items():',
    '    try:',
    '        ast.parse(v)',
    '    except SyntaxError as e:',
    "        bad[k] = f'{e.msg} (line {e.lineno}): {(e.text or \"\").strip()}'",
    'json.dump(bad, sys.stdout)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(Object.fromEntries(sources)), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, string>));
}

describe('catalog lint', () => {
  it('has entries', () => assert.ok(LOSSES.length > 0));

  it('ids are unique kebab-case', () => {
    const seen = new Set<string>();
    for (const e of LOSSES) {
      assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `id ${e.id}`);
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
    for (const c of CONCEPTS) assert.ok(!seen.has(c.id), `concept id ${c.id} collides with an entry`);
  });

  it('names and aliases are unique across entries', () => {
    const owner = new Map<string, string>();
    for (const e of LOSSES) {
      const own = new Set<string>();
      for (const n of [e.names.en, e.names.zh, ...(e.aliases ?? [])]) {
        const k = n.trim().toLowerCase();
        if (own.has(k)) continue;
        own.add(k);
        const prev = owner.get(k);
        assert.ok(prev === undefined, `name/alias "${n}" of ${e.id} is also used by ${prev}`);
        owner.set(k, e.id);
      }
    }
  });

  for (const e of LOSSES) {
    describe(e.id, () => {
      it('has every field in English and Chinese', () => {
        assert.ok((CATEGORIES as readonly string[]).includes(e.category), `category ${e.category}`);
        for (const f of LOCALIZED_FIELDS) checkLocalized(`${e.id}.${f}`, e[f]);
        assert.ok(e.formula.trim(), 'formula');
        assert.ok(e.formulaText.trim(), 'formulaText');
        assert.ok(e.inputs.length > 0, 'inputs');
        for (const inp of e.inputs) {
          checkLocalized(`${e.id}.inputs.${inp.name}.meaning`, inp.meaning);
          checkLocalized(`${e.id}.inputs.${inp.name}.domain`, inp.domain);
          assert.ok(inp.shape.trim(), `${inp.name}.shape`);
        }
        for (const p of e.params) checkLocalized(`${e.id}.params.${p.name}.meaning`, p.meaning);
        if (e.paper) {
          assert.ok(e.paper.authors && e.paper.title, 'paper authors/title');
          assert.ok(e.paper.year > 1800 && e.paper.year < 2100, 'paper year');
          assert.match(e.paper.url, /^https:\/\//, 'paper url');
        }
        assert.ok(Object.values(e.snippets).some(Boolean), 'at least one snippet');
      });

      it('inputs and params are well formed', () => {
        const names = new Set<string>();
        for (const x of [...e.inputs.map((i) => i.name), ...e.params.map((p) => p.name)]) {
          assert.ok(!names.has(x), `duplicate input/param name ${x}`);
          names.add(x);
        }
        for (const p of e.params) {
          const d = p.default;
          switch (p.type) {
            case 'number':
            case 'integer':
              assert.ok(d === null || typeof d === 'number', `${p.name} default type`);
              if (p.type === 'integer' && d !== null) assert.ok(Number.isInteger(d), `${p.name} default integer`);
              break;
            case 'boolean':
              assert.equal(typeof d, 'boolean', `${p.name} default type`);
              break;
            case 'enum':
              assert.ok(p.options && p.options.length > 1, `${p.name} options`);
              assert.ok(p.options!.includes(d as string), `${p.name} default ${String(d)} not in options`);
              break;
            case 'string':
              assert.ok(d === null || typeof d === 'string', `${p.name} default type`);
              break;
            case 'tensor':
              assert.ok(d === null || typeof d === 'number', `${p.name} default must be None or a number`);
              break;
          }
          if (p.range) assert.ok(p.range[0] < p.range[1], `${p.name} range`);
        }
      });

      it("an API symbol's own defaults name parameters of the entry, with values of their type", () => {
        for (const api of e.apis) {
          for (const [name, value] of Object.entries(api.defaults ?? {})) {
            const p = e.params.find((q) => q.name === name);
            assert.ok(p, `${api.symbol}: ${name} is not a parameter of ${e.id}`);
            assert.notDeepEqual(value, p.default, `${api.symbol}: ${name} repeats the entry's default`);
            if (value !== null && p.type === 'enum') assert.ok(p.options?.includes(value as string), `${api.symbol}: ${name} = ${String(value)}`);
            if (value !== null && p.type === 'number') assert.equal(typeof value, 'number', `${api.symbol}: ${name}`);
          }
        }
      });

      it('every API symbol, in every import form, resolves back to this entry', () => {
        for (const api of e.apis) {
          for (const form of symbolForms(api)) {
            const found = findLoss(form);
            assert.equal(found?.id, e.id, `${form} resolves to ${found?.id ?? 'nothing'}`);
          }
        }
        assert.equal(findLoss(e.id)?.id, e.id);
        assert.equal(findLoss(e.names.en)?.id, e.id);
        assert.equal(findLoss(e.names.zh)?.id, e.id);
      });

      it('the formula renders in KaTeX', () => {
        assert.doesNotThrow(() => katex.renderToString(e.formula, { throwOnError: true, displayMode: true, strict: 'ignore' }));
      });

      it('related entries exist and are not itself', () => {
        for (const r of e.related) {
          assert.notEqual(r, e.id);
          assert.ok(LOSSES.some((x) => x.id === r) || CONCEPTS.some((c) => c.id === r), `related ${r} does not exist`);
        }
      });
    });
  }

  it('every snippet is a valid VS Code snippet that expands to valid Python', () => {
    const sources = new Map<string, string>();
    const syntax: string[] = [];
    for (const e of LOSSES as readonly LossEntry[]) {
      for (const [fw, body] of Object.entries(e.snippets)) {
        if (!body) continue;
        try {
          sources.set(`${e.id}/${fw}`, expandSnippet(body));
        } catch (err) {
          syntax.push(`${e.id}/${fw}: ${(err as Error).message}`);
        }
      }
    }
    assert.deepEqual(syntax, [], 'snippet syntax');
    const bad = pythonSyntaxErrors(sources);
    assert.deepEqual([...bad].map(([k, v]) => `${k}: ${v}`), [], 'Python syntax');
  });
});
