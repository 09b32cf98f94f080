/** The Reference tab: an entry's full text in the display language. */
import katex from 'katex';
import { CONCEPTS, getEntry, isComputable } from '../losses';
import { shapeInWords } from '../losses/shape-words';
import { pythonRepr } from '../losses/snippets';
import type { LossEntry } from '../losses/types';
import type { DisplayLanguage } from '../extension/protocol';
import { h, on } from './dom';
import { CATEGORY_NAMES, strings } from './i18n';

/**
 * Renders LaTeX with KaTeX under the strict CSP. `katex.render` builds DOM nodes
 * and sets HTML styles through the CSSOM (allowed), but gives its SVG parts
 * (stretchy braces, radicals) a `style` attribute with setAttribute, which
 * `style-src` without 'unsafe-inline' blocks; while it renders, such a call is
 * turned into the equivalent CSSOM assignment.
 */
export function renderFormula(el: HTMLElement, latex: string, fallback: string): void {
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  proto.setAttribute = function (this: Element, name: string, value: string): void {
    if (name.toLowerCase() === 'style' && (this instanceof SVGElement || this instanceof HTMLElement)) {
      this.style.cssText = value;
      return;
    }
    setAttribute.call(this, name, value);
  };
  try {
    katex.render(latex, el, { displayMode: true, throwOnError: true, output: 'htmlAndMathml' });
  } catch {
    el.textContent = fallback;
  } finally {
    proto.setAttribute = setAttribute;
  }
}

export interface ReferenceActions {
  pick(id: string): void;
  openPlayground(id: string): void;
  openExternal(url: string): void;
}

export function renderReference(entry: LossEntry, lang: DisplayLanguage, act: ReferenceActions): HTMLElement {
  const t = strings(lang);
  const other: DisplayLanguage = lang === 'zh' ? 'en' : 'zh';
  const section = (title: string, body: string, id?: string) => h('section', { class: 'la-ref-section', ...(id ? { id } : {}) }, h('h3', {}, title), h('p', {}, body));
  const formula = h('div', { class: 'la-formula', role: 'math', 'aria-label': entry.formulaText });
  renderFormula(formula, entry.formula, entry.formulaText);
  const apis = h(
    'ul',
    { class: 'la-apis' },
    ...entry.apis.map((a) => {
      const own = Object.entries(a.defaults ?? {}).map(([k, v]) => `${k}=${v === null ? 'None' : pythonRepr(v)}`);
      return h('li', {}, h('code', {}, a.symbol), ` — ${a.framework}, ${a.kind}${own.length ? `; ${t.ownDefaults}: ${own.join(', ')}` : ''}`);
    }),
  );
  const related = h('div', { class: 'la-related' });
  for (const id of entry.related) {
    const r = getEntry(id);
    const b = h('vscode-button', { secondary: true, 'data-related': id }, r ? r.names[lang] : id);
    if (!r) b.setAttribute('disabled', '');
    on(b, 'click', () => act.pick(id));
    related.appendChild(b);
  }
  let paper: HTMLElement | null = null;
  if (entry.paper) {
    const p = entry.paper;
    const link = h('a', { href: p.url, class: 'la-link' }, p.title);
    on(link, 'click', (e) => {
      e.preventDefault();
      act.openExternal(p.url);
    });
    paper = h('section', { class: 'la-ref-section' }, h('h3', {}, t.paper), h('p', {}, `${p.authors} (${p.year}). `, link));
  }
  const link = (text: string, url: string): HTMLElement => {
    const a = h('a', { href: url, class: 'la-link' }, text);
    on(a, 'click', (e) => {
      e.preventDefault();
      act.openExternal(url);
    });
    return a;
  };
  const sources = entry.sources?.length
    ? h(
        'section',
        { class: 'la-ref-section la-sources' },
        h('h3', {}, t.sources),
        h('ul', {}, ...entry.sources.map((s) => h('li', {}, link(s.label, s.url), ` — ${s.version}`))),
      )
    : null;
  const concepts = CONCEPTS.filter((c) => c.related.includes(entry.id));
  const open = h('vscode-button', { id: 'la-ref-open' }, t.open);
  if (!isComputable(entry.id)) open.setAttribute('disabled', '');
  on(open, 'click', () => act.openPlayground(entry.id));
  const params = entry.params.length
    ? h(
        'section',
        { class: 'la-ref-section' },
        h('h3', {}, t.params),
        h(
          'ul',
          {},
          ...entry.params.map((p) =>
            h('li', {}, h('code', {}, `${p.name}=${pythonRepr(p.default)}`), ` — ${p.meaning[lang]}`),
          ),
        ),
      )
    : null;
  const inputs = h(
    'section',
    { class: 'la-ref-section' },
    h('h3', {}, t.inputs),
    h('ul', {}, ...entry.inputs.map((i) => h('li', {}, h('code', {}, i.name), ` ${shapeInWords(i.shape, lang)} — ${i.meaning[lang]} (${i.domain[lang]})`))),
  );
  return h(
    'article',
    { class: 'la-reference', lang: lang === 'zh' ? 'zh-CN' : 'en', id: 'la-reference' },
    h('h2', {}, entry.names[lang]),
    h('p', { class: 'la-sub' }, `${entry.names[other]} · ${CATEGORY_NAMES[entry.category]?.[lang] ?? entry.category} · `, h('code', {}, entry.id)),
    formula,
    section(t.summary, entry.summary[lang]),
    section(t.whenToUse, entry.whenToUse[lang]),
    section(t.pitfalls, entry.pitfalls[lang], 'la-ref-pitfalls'),
    section(t.frameworkNotes, entry.frameworkNotes[lang]),
    inputs,
    params,
    h('section', { class: 'la-ref-section' }, h('h3', {}, t.apis), apis),
    paper,
    sources,
    entry.related.length ? h('section', { class: 'la-ref-section' }, h('h3', {}, t.related), related) : null,
    concepts.length
      ? h(
          'section',
          { class: 'la-ref-section' },
          h('h3', {}, t.concepts),
          ...concepts.map((c) => h('details', {}, h('summary', {}, c.title[lang]), h('p', { class: 'la-pre' }, c.body[lang]))),
        )
      : null,
    h('div', { class: 'la-row' }, open),
  );
}
