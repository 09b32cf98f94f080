/**
 * The hover's Markdown for a catalog entry, in English or Chinese: name, summary,
 * formula image (with the Unicode text as its alt and fallback), parameters with
 * this call's values, when to use it, pitfalls, framework notes, paper, and
 * command links. Pure: no `vscode` import (the provider wraps it).
 */
import type { Language, LossEntry } from '../../losses';
import { pythonRepr } from '../../losses/snippets';
import { COMMANDS, type InsertSnippetArgs, type OpenPlaygroundArgs } from '../commands';
import type { CallArgument } from '../../python';

export const HOVER_LABELS = {
  en: {
    parameters: 'Parameters',
    default: 'default',
    thisCall: 'this call',
    builtWith: 'built with',
    inThisCall: 'In this call',
    builtWithArgs: 'Built with',
    boundAt: (line: number, cell?: number) => (cell === undefined ? `an instance bound at line ${line}` : `an instance bound in cell ${cell}, line ${line}`),
    unknownParam: 'not a parameter Loss Atlas knows for this loss',
    whenToUse: 'When to use',
    pitfalls: 'Pitfalls',
    frameworks: 'Frameworks',
    paper: 'Paper',
    openReference: 'Open in reference',
    openPlayground: 'Open in playground',
    insertSnippet: 'Insert snippet…',
    none: 'none',
  },
  zh: {
    parameters: '参数',
    default: '默认',
    thisCall: '本次调用',
    builtWith: '构造时',
    inThisCall: '本次调用的参数',
    builtWithArgs: '构造时的参数',
    boundAt: (line: number, cell?: number) => (cell === undefined ? `实例，绑定于第 ${line} 行` : `实例，绑定于第 ${cell} 个单元格第 ${line} 行`),
    unknownParam: 'Loss Atlas 不认识的参数',
    whenToUse: '适用场景',
    pitfalls: '常见陷阱',
    frameworks: '框架差异',
    paper: '论文',
    openReference: '在参考中打开',
    openPlayground: '在演练场中打开',
    insertSnippet: '插入代码片段…',
    none: '无',
  },
} as const;

const CATEGORY_ZH: Record<string, string> = {
  regression: '回归',
  classification: '分类',
  divergence: '散度',
  ranking: '排序',
  'metric-learning': '度量学习',
  contrastive: '对比学习',
  segmentation: '分割',
  detection: '检测',
  sequence: '序列',
  generative: '生成模型',
  reinforcement: '强化学习',
  'task-specific': '特定任务',
};

/** Escapes Markdown punctuation in catalog text. */
export function md(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|~]/g, (c) => '\\' + c);
}

/** Inline code that survives backticks in the text. */
function code(s: string): string {
  const t = s.replace(/\n/g, ' ');
  return t.includes('`') ? '`` ' + t + ' ``' : '`' + t + '`';
}

/**
 * A text's sentences, each with its trailing space. A sentence ends at . ! ? before a space or the
 * end of the text (so `optax.huber_loss`, 0.25 and e.g. do not end one) or at 。！？ anywhere.
 */
function splitSentences(s: string): string[] {
  const guarded = s.replace(/\b(e\.g|i\.e|etc|vs|cf|approx|resp)\./gi, (m) => m.replace(/\./g, '\uE000'));
  const parts: string[] = [];
  let start = 0;
  for (const m of guarded.matchAll(/[.!?]+(?=\s|$)\s*|[。！？]+\s*/g)) {
    const end = m.index + m[0].length;
    parts.push(guarded.slice(start, end));
    start = end;
  }
  if (start < guarded.length) parts.push(guarded.slice(start));
  return parts.map((p) => p.replace(/\uE000/g, '.'));
}

/** The first `n` sentences of a text (English or Chinese punctuation). */
export function sentences(s: string, n: number): string {
  const parts = splitSentences(s);
  const head = parts.slice(0, n).join('').trim();
  return parts.length > n ? head + ' …' : head;
}

/**
 * Up to `n` sentences of an entry's framework notes for the symbol under the cursor: those that
 * name it, when some do (the notes on `optax.sigmoid_focal_loss`, not torchvision's defaults), else
 * the first ones. " …" marks sentences left out.
 */
export function notesFor(s: string, symbol: string | undefined, n: number): string {
  const parts = splitSentences(s);
  const naming = symbol ? parts.filter((p) => p.includes(symbol)).slice(0, n) : [];
  if (!naming.length) return sentences(s, n);
  const text = naming.join('').trim();
  return naming.length < parts.length ? text + ' …' : text;
}

export function commandUri(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** Commands the hover links to; the MarkdownString trusts exactly these. */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.openReference, COMMANDS.openPlayground, COMMANDS.insertSnippet];

export interface HoverOptions {
  lang: Language;
  /** The symbol as written and its qualified form. */
  written?: string;
  qualified?: string;
  /** A data: or file: URI of the formula image, when there is one. */
  formulaUri?: string;
  /** Arguments of the call under the cursor (for an instance, those it was built with). */
  args?: readonly CallArgument[];
  /**
   * The hovered name holds an instance: where it was bound (0-based line; 0-based cell when it is
   * another notebook cell). The arguments are then the constructor's.
   */
  instance?: { readonly line?: number; readonly cell?: number };
}

/** Parameter values of this call that the catalog knows, as JSON-able literals. */
export function callParams(entry: LossEntry, args: readonly CallArgument[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of args ?? []) {
    if (!a.name || a.value === undefined) continue;
    const spec = entry.params.find((p) => p.name === a.name);
    if (!spec || spec.type === 'tensor') continue;
    out[a.name] = a.value;
  }
  return out;
}

export function hoverMarkdown(entry: LossEntry, o: HoverOptions): string {
  const L = HOVER_LABELS[o.lang];
  const t = (x: { en: string; zh: string }) => x[o.lang] || x.en;
  const out: string[] = [];
  const other = o.lang === 'en' ? entry.names.zh : entry.names.en;
  out.push(`**${md(t(entry.names))}** · ${md(other)}`);
  const sym = o.qualified ?? entry.apis[0]?.symbol;
  const api = entry.apis.find((a) => a.symbol === sym);
  const alias = o.written && sym && o.written !== sym ? `${code(o.written)} → ` : '';
  const category = o.lang === 'zh' ? (CATEGORY_ZH[entry.category] ?? entry.category) : entry.category;
  out.push(`${sym ? alias + code(sym) + ' · ' : ''}_${md(category)}_`);
  if (o.instance) {
    const where = o.instance.line === undefined ? undefined : L.boundAt(o.instance.line + 1, o.instance.cell === undefined ? undefined : o.instance.cell + 1);
    if (where) {
      out.push('');
      out.push(`_${md(where)}_`);
    }
  }
  out.push('');
  out.push(md(t(entry.summary)));
  out.push('');
  if (o.formulaUri) {
    // The Unicode form is the image's alt text: shown wherever the image cannot be.
    out.push(`![${md(entry.formulaText)}](${o.formulaUri})`);
  } else {
    out.push(code(entry.formulaText));
  }
  out.push('');

  const kw = new Map((o.args ?? []).filter((a) => a.name).map((a) => [a.name!, a]));
  if (entry.params.length) {
    out.push(`**${L.parameters}**`);
    out.push('');
    for (const p of entry.params) {
      const given = kw.get(p.name);
      const own = api?.defaults && Object.hasOwn(api.defaults, p.name) ? api.defaults[p.name] : p.default;
      const def = own === null ? 'None' : pythonRepr(own);
      const now = given ? ` → **${o.instance ? L.builtWith : L.thisCall}: ${code(given.text)}**` : '';
      out.push(`- ${code(p.name)} = ${code(def)}${now} — ${md(sentences(t(p.meaning), 1))}`);
    }
    out.push('');
  }
  const unknown = [...kw.values()].filter((a) => !entry.params.some((p) => p.name === a.name));
  if (unknown.length) {
    out.push(`**${o.instance ? L.builtWithArgs : L.inThisCall}**: ${unknown.map((a) => `${code(`${a.name}=${a.text}`)} (${L.unknownParam})`).join(', ')}`);
    out.push('');
  }
  out.push(`**${L.whenToUse}** — ${md(sentences(t(entry.whenToUse), 2))}`);
  out.push('');
  out.push(`**${L.pitfalls}** — ${md(sentences(t(entry.pitfalls), 2))}`);
  out.push('');
  out.push(`**${L.frameworks}** — ${md(notesFor(t(entry.frameworkNotes), sym, 2))}`);
  out.push('');
  if (entry.paper) {
    const p = entry.paper;
    out.push(`**${L.paper}** — [${md(p.title)}](${p.url}) — ${md(p.authors)}, ${p.year}`);
    out.push('');
  }
  const params = callParams(entry, o.args);
  const ref: OpenPlaygroundArgs = { lossId: entry.id };
  const play: OpenPlaygroundArgs = { lossId: entry.id, ...(Object.keys(params).length ? { params } : {}) };
  const snip: InsertSnippetArgs = { lossId: entry.id, ...(Object.keys(params).length ? { params } : {}) };
  out.push(
    [
      `[${L.openReference}](${commandUri(COMMANDS.openReference, ref)})`,
      `[${L.openPlayground}](${commandUri(COMMANDS.openPlayground, play)})`,
      `[${L.insertSnippet}](${commandUri(COMMANDS.insertSnippet, snip)})`,
    ].join(' · '),
  );
  return out.join('\n');
}
