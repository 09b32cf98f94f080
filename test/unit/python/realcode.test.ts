/**
 * Replays `lossAtPosition` over the real-code corpus in test/fixtures/realcode (issue 12):
 * every hand-checked label (library names, loss instances, string losses, negatives) and every
 * identifier, string word, comment word and docstring word of the corpus, then prints recall per
 * kind, precision, wrong entries, the false-hover rate and hovers in comments/docstrings, and fails
 * below the issue's targets. The label format and the symbol canonicalisation are described in
 * test/fixtures/realcode/README.md. `REALCODE_WRITE_MISSES=1` rewrites MISSES.md from the run.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveBareName, resolveSymbol } from '../../../src/losses';
import { lossAtPosition } from '../../../src/python';

const DIR = path.join(__dirname, '..', '..', 'fixtures', 'realcode');

type Kind = 'library' | 'instance' | 'string' | 'negative' | 'maybe';
const KINDS: readonly Kind[] = ['library', 'instance', 'string', 'negative', 'maybe'];

interface RawLabel {
  needle: string;
  occurrence?: number;
  offset?: number;
  kind: Kind;
  expect: string | string[] | null;
  /** Expected entry id when it is not the one of `expect`'s symbol (`use_sigmoid=True`). */
  entry?: string;
  note?: string;
}

interface Hover {
  entryId: string;
  symbol: string;
  via: string;
}

// ---- canonical symbols ------------------------------------------------------------------

/** Keras short names that are the same function as the long one. */
const KERAS_ALIASES: Record<string, string> = {
  mae: 'mean_absolute_error', MAE: 'mean_absolute_error',
  mse: 'mean_squared_error', MSE: 'mean_squared_error',
  mape: 'mean_absolute_percentage_error', MAPE: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error', MSLE: 'mean_squared_logarithmic_error',
  kld: 'kl_divergence', KLD: 'kl_divergence', kullback_leibler_divergence: 'kl_divergence',
  logcosh: 'log_cosh',
  bce: 'binary_crossentropy', BCE: 'binary_crossentropy',
};

/**
 * One spelling per API symbol: `tensorflow.` is `tf.`, `tf.keras.` is `keras.`, `optax.losses.X`
 * is `optax.X`, `smp.` is `segmentation_models_pytorch.`, `tensorflow_addons.` is `tfa.`,
 * `torch.nn.modules.loss.X` is `torch.nn.X`, and a Keras short alias (`mae`, `bce`) is its function.
 */
export function canonicalSymbol(symbol: string): string {
  let s = symbol.trim();
  s = s.replace(/^tensorflow\./, 'tf.');
  s = s.replace(/^tf\.keras\./, 'keras.');
  s = s.replace(/^tensorflow_addons\./, 'tfa.');
  s = s.replace(/^smp\./, 'segmentation_models_pytorch.');
  s = s.replace(/^optax\.losses\./, 'optax.');
  s = s.replace(/^torch\.nn\.modules\.loss\./, 'torch.nn.');
  const m = /^keras\.losses\.(\w+)$/.exec(s);
  if (m && KERAS_ALIASES[m[1]]) s = `keras.losses.${KERAS_ALIASES[m[1]]}`;
  return s;
}

// ---- corpus -----------------------------------------------------------------------------

interface CorpusFile {
  name: string;
  cells: string[];
  /** Every `Modelled on:` line: `owner/repo path@commit`. */
  sources: string[];
}

function notebookCells(json: string): { code: string[]; markdown: string[] } {
  const nb = JSON.parse(json) as { cells: Array<{ cell_type: string; source: string | string[] }> };
  const text = (c: { source: string | string[] }) => (Array.isArray(c.source) ? c.source.join('') : c.source);
  return {
    code: nb.cells.filter((c) => c.cell_type === 'code').map(text),
    markdown: nb.cells.filter((c) => c.cell_type === 'markdown').map(text),
  };
}

const MODELLED = /Modelled on:\s*([\w.-]+\/[\w.-]+)\s+(\S+)@([0-9a-f]{7,40})/g;

function loadCorpus(): CorpusFile[] {
  const names = fs.readdirSync(DIR).filter((f) => f.endsWith('.py') || f.endsWith('.ipynb')).sort();
  return names.map((name) => {
    const raw = fs.readFileSync(path.join(DIR, name), 'utf8');
    let cells: string[];
    let header: string;
    if (name.endsWith('.ipynb')) {
      const nb = notebookCells(raw);
      cells = nb.code;
      header = nb.markdown.join('\n') + '\n' + cells.join('\n');
    } else {
      cells = [raw];
      header = raw;
    }
    const sources = [...header.matchAll(MODELLED)].map((m) => `${m[1]} ${m[2]}@${m[3]}`);
    return { name, cells, sources };
  });
}

// ---- a small Python tokenizer -------------------------------------------------------------

type TokKind = 'ident' | 'comment' | 'string' | 'docstring';
interface Tok {
  kind: TokKind;
  start: number;
  end: number;
}

function isIdentStart(c: string): boolean {
  return /[A-Za-z_]/.test(c);
}
function isIdentChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c);
}

/** Identifiers, comments and strings of one cell; a string that is a whole statement is a docstring. */
export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let depth = 0;
  let i = 0;
  const n = src.length;
  const lineStartBefore = (k: number) => {
    let j = k - 1;
    while (j >= 0 && (src[j] === ' ' || src[j] === '\t')) j--;
    return j < 0 || src[j] === '\n';
  };
  const restOfLineEmpty = (k: number) => {
    let j = k;
    while (j < n && (src[j] === ' ' || src[j] === '\t')) j++;
    return j >= n || src[j] === '\n' || src[j] === '\r' || src[j] === '#';
  };
  while (i < n) {
    const c = src[i];
    if (c === '#') {
      const e = src.indexOf('\n', i);
      const end = e < 0 ? n : e;
      toks.push({ kind: 'comment', start: i, end });
      i = end;
      continue;
    }
    // string prefix + quote
    const pm = /^([rRbBuUfF]{0,2})(['"])/.exec(src.slice(i, i + 4));
    if (pm && (pm[1] === '' || !isIdentChar(src[i - 1] ?? ' '))) {
      const start = i;
      const q = pm[2];
      let k = i + pm[1].length;
      const triple = src.startsWith(q.repeat(3), k);
      k += triple ? 3 : 1;
      for (;;) {
        if (k >= n) break;
        const ch = src[k];
        if (ch === '\\') { k += 2; continue; }
        if (triple) {
          if (src.startsWith(q.repeat(3), k)) { k += 3; break; }
        } else {
          if (ch === q) { k++; break; }
          if (ch === '\n') break;
        }
        k++;
      }
      const statement = depth === 0 && lineStartBefore(start) && restOfLineEmpty(k);
      toks.push({ kind: statement ? 'docstring' : 'string', start, end: k });
      i = k;
      continue;
    }
    if (isIdentStart(c)) {
      let k = i + 1;
      while (k < n && isIdentChar(src[k])) k++;
      toks.push({ kind: 'ident', start: i, end: k });
      i = k;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let k = i + 1;
      while (k < n && /[0-9A-Za-z_.]/.test(src[k])) k++;
      i = k;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    i++;
  }
  return toks;
}

/** Words (identifier-like runs) inside a comment or string token. */
function wordsIn(src: string, t: Tok): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[A-Za-z_][A-Za-z0-9_]*/g;
  const text = src.slice(t.start, t.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > 0 && /[0-9]/.test(text[m.index - 1])) continue;
    out.push({ start: t.start + m.index, end: t.start + m.index + m[0].length });
  }
  return out;
}

function lineChar(src: string, offset: number): { line: number; character: number } {
  let line = 0;
  let ls = 0;
  for (let k = 0; k < offset; k++) if (src[k] === '\n') { line++; ls = k + 1; }
  return { line, character: offset - ls };
}

// ---- labels -----------------------------------------------------------------------------

interface Label extends RawLabel {
  file: string;
  cell: number;
  offset: number; // absolute, in the cell
  line: number;
  character: number;
  expects: string[];
  index: number;
}

function resolveLabels(file: CorpusFile, raw: RawLabel[], problems: string[]): Label[] {
  const out: Label[] = [];
  raw.forEach((r, index) => {
    if (!KINDS.includes(r.kind)) problems.push(`${file.name} label ${index}: unknown kind ${r.kind}`);
    const hits: Array<{ cell: number; at: number }> = [];
    file.cells.forEach((src, cell) => {
      for (let k = src.indexOf(r.needle); k >= 0; k = src.indexOf(r.needle, k + 1)) hits.push({ cell, at: k });
    });
    const occ = r.occurrence ?? 0;
    const h = hits[occ];
    if (!h) {
      problems.push(`${file.name} label ${index}: needle ${JSON.stringify(r.needle)} occurrence ${occ} not found (${hits.length} found)`);
      return;
    }
    const off = r.offset ?? 0;
    if (off < 0 || off >= r.needle.length) problems.push(`${file.name} label ${index}: offset ${off} outside the needle`);
    const src = file.cells[h.cell];
    const abs = h.at + off;
    const expects = r.expect === null ? [] : Array.isArray(r.expect) ? r.expect : [r.expect];
    if (r.kind === 'negative' && expects.length) problems.push(`${file.name} label ${index}: a negative expects nothing`);
    if (r.kind !== 'negative' && !expects.length) problems.push(`${file.name} label ${index}: no expected symbol`);
    out.push({ ...r, file: file.name, cell: h.cell, offset: abs, ...lineChar(src, abs), expects, index });
  });
  return out;
}

// ---- the run ------------------------------------------------------------------------------

interface Outcome {
  label: Label;
  hover?: Hover;
  ok: boolean;
  /** A hover with another entry than the label's. */
  wrong?: boolean;
  why?: string;
}

interface Run {
  files: CorpusFile[];
  labels: Label[];
  problems: string[];
  outcomes: Outcome[];
  /** Unlabelled probes (identifiers and words in ordinary strings) where a hover appeared. */
  falseHovers: Array<{ file: string; cell: number; line: number; character: number; word: string; hover: Hover }>;
  /** Hovers on words of comments and docstrings. */
  commentHovers: Array<{ file: string; cell: number; line: number; character: number; word: string; hover: Hover }>;
  /** Unlabelled probes whose word the old bare-name fallback matched. */
  oldFallbackMatched: number;
  probes: number;
  /** Probes on words of comments and docstrings. */
  commentProbes: number;
  crashes: string[];
}

function probe(cells: string[], cell: number, line: number, character: number, crashes: string[], where: string): Hover | undefined {
  try {
    const r = lossAtPosition(cells, cell, line, character);
    return r ? { entryId: r.entryId, symbol: r.symbol, via: r.via } : undefined;
  } catch (e) {
    crashes.push(`${where}: ${(e as Error).message}`);
    return undefined;
  }
}

function judge(l: Label, h: Hover | undefined): Outcome {
  if (l.kind === 'negative') return { label: l, hover: h, ok: !h, why: h ? `hover ${h.symbol} (${h.entryId})` : undefined };
  if (!h) return { label: l, ok: l.kind === 'maybe', why: 'no hover' };
  const got = canonicalSymbol(h.symbol);
  const match = l.expects.find((e) => canonicalSymbol(e) === got);
  const entries = l.entry ? [l.entry] : l.expects.map((e) => resolveSymbol(e)?.id).filter((x): x is string => !!x);
  if (!entries.length) return { label: l, hover: h, ok: false, why: `expected symbol not in the catalog; got ${h.symbol} (${h.entryId})` };
  if (!entries.includes(h.entryId)) return { label: l, hover: h, ok: false, wrong: true, why: `wrong entry ${h.entryId} (${h.symbol}), want ${entries.join(' | ')}` };
  if (!match) return { label: l, hover: h, ok: false, why: `right entry, symbol ${h.symbol}, want ${l.expects.join(' | ')}` };
  const want = l.entry ?? resolveSymbol(match)?.id;
  if (want && want !== h.entryId) return { label: l, hover: h, ok: false, wrong: true, why: `wrong entry ${h.entryId} for ${h.symbol}, want ${want}` };
  return { label: l, hover: h, ok: true };
}

function runCorpus(): Run {
  const files = loadCorpus();
  const problems: string[] = [];
  const crashes: string[] = [];
  const labels: Label[] = [];
  for (const f of files) {
    const lp = path.join(DIR, `${f.name}.labels.json`);
    if (!fs.existsSync(lp)) { problems.push(`${f.name}: no labels file`); continue; }
    const raw = JSON.parse(fs.readFileSync(lp, 'utf8')) as { labels: RawLabel[] };
    labels.push(...resolveLabels(f, raw.labels, problems));
  }
  const outcomes: Outcome[] = [];
  const falseHovers: Run['falseHovers'] = [];
  const commentHovers: Run['commentHovers'] = [];
  let oldFallbackMatched = 0;
  let probes = 0;
  let commentProbes = 0;
  for (const f of files) {
    const mine = labels.filter((l) => l.file === f.name);
    for (const l of mine) {
      const h = probe(f.cells, l.cell, l.line, l.character, crashes, `${f.name}:${l.line + 1}`);
      outcomes.push(judge(l, h));
    }
    f.cells.forEach((src, cell) => {
      const labelled = mine.filter((l) => l.cell === cell && l.kind !== 'negative');
      const covered = (start: number, end: number) => labelled.some((l) => l.offset >= start && l.offset < end);
      for (const t of tokenize(src)) {
        const words = t.kind === 'ident' ? [{ start: t.start, end: t.end }] : wordsIn(src, t);
        for (const w of words) {
          if (covered(w.start, w.end)) continue;
          const word = src.slice(w.start, w.end);
          const { line, character } = lineChar(src, w.start);
          probes++;
          const h = probe(f.cells, cell, line, character, crashes, `${f.name}:${line + 1}:${character + 1}`);
          const inText = t.kind === 'comment' || t.kind === 'docstring';
          if (inText) commentProbes++;
          if (!inText && resolveBareName(word)) oldFallbackMatched++;
          if (!h) continue;
          const where = { file: f.name, cell, line, character, word, hover: h };
          if (inText) commentHovers.push(where);
          else falseHovers.push(where);
        }
      }
    });
  }
  return { files, labels, problems, outcomes, falseHovers, commentHovers, oldFallbackMatched, probes, commentProbes, crashes };
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

function where(o: { file: string; cell: number; line: number; character?: number }, cells: number): string {
  const c = cells > 1 ? ` cell ${o.cell + 1}` : '';
  return `${o.file}${c}:${o.line + 1}${o.character !== undefined ? `:${o.character + 1}` : ''}`;
}

function summary(run: Run): { table: string; misses: string; stats: Record<string, number> } {
  const cellsOf = (name: string) => run.files.find((f) => f.name === name)?.cells.length ?? 1;
  const byKind = (k: Kind) => run.outcomes.filter((o) => o.label.kind === k);
  const rows: string[] = [];
  const stats: Record<string, number> = {};
  for (const k of KINDS) {
    const os = byKind(k);
    const ok = os.filter((o) => o.ok).length;
    stats[`${k}Total`] = os.length;
    stats[`${k}Ok`] = ok;
    rows.push(`| ${k} | ${os.length} | ${ok} | ${k === 'maybe' ? '(optional)' : pct(ok, os.length)} |`);
  }
  const wrong = run.outcomes.filter((o) => o.wrong);
  const positiveHits = run.outcomes.filter((o) => o.ok && o.hover && o.label.kind !== 'negative').length;
  const allHovers = run.outcomes.filter((o) => o.hover && o.label.kind !== 'negative').length + run.falseHovers.length + run.commentHovers.length;
  stats.wrong = wrong.length;
  stats.falseHovers = run.falseHovers.length;
  stats.oldFallbackMatched = run.oldFallbackMatched;
  stats.commentHovers = run.commentHovers.length;
  stats.precisionPermille = allHovers ? Math.round((1000 * positiveHits) / allHovers) : 1000;
  const VIA: Partial<Record<Kind, readonly string[]>> = { library: ['import', 'unbound'], instance: ['instance'], string: ['string'] };
  const viaOff = run.outcomes.filter((o) => o.ok && o.hover && VIA[o.label.kind] && !VIA[o.label.kind]!.includes(o.hover.via));
  stats.viaOff = viaOff.length;
  const unresolved = [...new Set(run.labels.filter((l) => l.kind !== 'negative' && !l.entry && !l.expects.some((e) => resolveSymbol(e))).map((l) => l.expects.join(' | ')))].sort();
  stats.unresolved = unresolved.length;
  const table = [
    `Real-code corpus: ${run.files.length} files, ${new Set(run.files.flatMap((f) => f.sources.map((s) => s.split(' ')[0]))).size} repositories, ${run.labels.length} labels, ${run.probes} unlabelled probes`,
    '',
    '| kind | labels | right | recall |',
    '|---|---|---|---|',
    ...rows,
    '',
    `| precision (right hovers / all hovers) | ${positiveHits} / ${allHovers} = ${pct(positiveHits, allHovers)} |`,
    '|---|---|',
    `| wrong entries | ${wrong.length} |`,
    `| false hovers (unlabelled probes, negatives included) / old-fallback-matched non-loss names | ${stats.falseHovers} / ${stats.oldFallbackMatched} = ${pct(stats.falseHovers, stats.oldFallbackMatched)} |`,
    `| false hovers / all unlabelled identifier and string-word probes | ${stats.falseHovers} / ${run.probes - run.commentProbes} |`,
    `| hovers in comments/docstrings | ${run.commentHovers.length} / ${run.commentProbes} probes |`,
    `| expected symbols the catalog does not resolve | ${unresolved.length} |`,
    `| right hovers whose via is not the label's kind (information) | ${viaOff.length} |`,
  ].join('\n');
  const lines: string[] = ['# Real-code corpus: misses', '', 'Written by `REALCODE_WRITE_MISSES=1 npx mocha --config test/unit/.mocharc.json test/unit/python/realcode.test.ts`.', '', '```', table, '```', ''];
  for (const k of KINDS) {
    const bad = byKind(k).filter((o) => !o.ok);
    if (!bad.length) continue;
    lines.push(`## ${k} (${bad.length})`, '');
    for (const o of bad) lines.push(`- ${where(o.label, cellsOf(o.label.file))} \`${o.label.needle}\` -> ${o.label.expects.join(' | ') || 'no hover'}: ${o.why}`);
    lines.push('');
  }
  if (viaOff.length) {
    lines.push(`## right hovers with another via (${viaOff.length})`, '');
    for (const o of viaOff) lines.push(`- ${where(o.label, cellsOf(o.label.file))} \`${o.label.needle}\` (${o.label.kind}): via ${o.hover!.via}`);
    lines.push('');
  }
  if (unresolved.length) {
    lines.push(`## expected symbols the catalog does not resolve (${unresolved.length})`, '');
    for (const u of unresolved) lines.push(`- ${u}`);
    lines.push('');
  }
  if (run.falseHovers.length) {
    lines.push(`## unlabelled hovers (${run.falseHovers.length})`, '');
    for (const h of run.falseHovers) lines.push(`- ${where(h, cellsOf(h.file))} \`${h.word}\` -> ${h.hover.symbol} (${h.hover.entryId}, ${h.hover.via})`);
    lines.push('');
  }
  if (run.commentHovers.length) {
    lines.push(`## hovers in comments/docstrings (${run.commentHovers.length})`, '');
    for (const h of run.commentHovers) lines.push(`- ${where(h, cellsOf(h.file))} \`${h.word}\` -> ${h.hover.symbol} (${h.hover.entryId})`);
    lines.push('');
  }
  return { table, misses: lines.join('\n'), stats };
}

describe('python: real-code corpus (issue 12)', function () {
  this.timeout(120000);
  let run: Run;
  let s: ReturnType<typeof summary>;
  before(() => {
    run = runCorpus();
    s = summary(run);
    console.log(s.table);
    if (process.env.REALCODE_WRITE_MISSES) fs.writeFileSync(path.join(DIR, 'MISSES.md'), s.misses);
  });

  it('the corpus is big enough, every file names its sources and every label is found', () => {
    assert.deepEqual(run.problems, []);
    assert.ok(run.files.length >= 55, `${run.files.length} files`);
    const repos = new Set(run.files.flatMap((f) => f.sources.map((x) => x.split(' ')[0])));
    assert.ok(repos.size >= 28, `${repos.size} repositories`);
    for (const f of run.files) assert.ok(f.sources.length > 0, `${f.name} names no source`);
    const orphans = fs.readdirSync(DIR).filter((f) => f.endsWith('.labels.json') && !fs.existsSync(path.join(DIR, f.slice(0, -'.labels.json'.length))));
    assert.deepEqual(orphans, [], 'labels without their file');
    const table = fs.readFileSync(path.join(DIR, 'SOURCES.md'), 'utf8');
    for (const f of run.files) assert.ok(table.includes(`\`${f.name}\``), `${f.name} is not in SOURCES.md`);
    const notebooks = run.files.filter((f) => f.name.endsWith('.ipynb')).length;
    assert.ok(notebooks >= 10, `${notebooks} notebooks`);
  });

  it('never throws', () => {
    assert.deepEqual(run.crashes.slice(0, 10), []);
  });

  it('finds >= 97% of library loss names', () => {
    assert.ok(s.stats.libraryOk >= 0.97 * s.stats.libraryTotal, `${s.stats.libraryOk}/${s.stats.libraryTotal}`);
  });

  it('finds >= 90% of loss instances', () => {
    assert.ok(s.stats.instanceOk >= 0.9 * s.stats.instanceTotal, `${s.stats.instanceOk}/${s.stats.instanceTotal}`);
  });

  it('finds every string loss in a loss context', () => {
    assert.equal(s.stats.stringOk, s.stats.stringTotal);
  });

  it('shows no wrong entry', () => {
    assert.equal(s.stats.wrong, 0);
  });

  it('false hovers stay within 1% of the names the old fallback matched', () => {
    assert.ok(s.stats.falseHovers <= 0.01 * s.stats.oldFallbackMatched, `${s.stats.falseHovers} / ${s.stats.oldFallbackMatched}`);
  });

  it('never hovers in comments or docstrings', () => {
    assert.equal(s.stats.commentHovers, 0);
  });
});
