/**
 * The searchable loss list, grouped by category: an ARIA listbox driven by the
 * keyboard (Up/Down/Home/End, Enter or Space to pick; Enter in the search box picks
 * the top match) and filtered by names in both languages, aliases, ids and API symbols.
 */
import { CATEGORIES, isComputable } from '../losses';
import type { LossEntry } from '../losses/types';
import type { DisplayLanguage } from '../extension/protocol';
import { h, clear, on } from './dom';
import { CATEGORY_NAMES, strings } from './i18n';

export function matches(entry: LossEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [entry.id, entry.names.en, entry.names.zh, ...(entry.aliases ?? []), ...entry.apis.map((a) => a.symbol)]
    .join('\n')
    .toLowerCase();
  return q.split(/\s+/).every((w) => hay.includes(w));
}

export class Picker {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly search: HTMLInputElement;
  private options: HTMLElement[] = [];

  constructor(
    private readonly entries: readonly LossEntry[],
    private lang: DisplayLanguage,
    private selected: string,
    query: string,
    private readonly onPick: (id: string) => void,
    private readonly onSearch: (q: string) => void,
  ) {
    const t = strings(lang);
    this.search = h('input', { type: 'search', class: 'la-search', placeholder: t.search, 'aria-label': t.search, value: query });
    this.search.value = query;
    this.list = h('div', { role: 'listbox', class: 'la-list', tabindex: 0, 'aria-label': t.lossList, id: 'la-loss-list' });
    this.el = h('nav', { class: 'la-picker', 'aria-label': t.lossList }, this.search, this.list);
    on(this.search, 'input', () => {
      this.onSearch(this.search.value);
      this.fill();
    });
    on(this.search, 'keydown', (e) => {
      const key = (e as KeyboardEvent).key;
      if (key === 'ArrowDown') {
        e.preventDefault();
        this.list.focus();
        this.move(0, true);
      } else if (key === 'Enter') {
        // As in VS Code's Quick Open: Enter opens the top match of the filtered list.
        e.preventDefault();
        const top = this.options[0]?.dataset.id;
        if (top) this.pick(top);
      }
    });
    on(this.list, 'keydown', (e) => this.key(e as KeyboardEvent));
    this.fill();
  }

  setLanguage(lang: DisplayLanguage): void {
    this.lang = lang;
    const t = strings(lang);
    this.search.placeholder = t.search;
    this.search.setAttribute('aria-label', t.search);
    this.list.setAttribute('aria-label', t.lossList);
    this.fill();
  }

  select(id: string): void {
    this.selected = id;
    for (const o of this.options) {
      const on = o.dataset.id === id;
      o.setAttribute('aria-selected', String(on));
      o.classList.toggle('selected', on);
      if (on) this.list.setAttribute('aria-activedescendant', o.id);
    }
  }

  private fill(): void {
    const t = strings(this.lang);
    clear(this.list);
    this.options = [];
    const q = this.search.value;
    for (const cat of CATEGORIES) {
      const items = this.entries.filter((e) => e.category === cat && matches(e, q));
      if (items.length === 0) continue;
      const head = h('div', { class: 'la-group-title', role: 'presentation', id: `la-group-${cat}` }, CATEGORY_NAMES[cat]?.[this.lang] ?? cat);
      const group = h('div', { role: 'group', 'aria-labelledby': `la-group-${cat}` });
      for (const e of items) {
        const other = this.lang === 'zh' ? e.names.en : e.names.zh;
        const computable = isComputable(e.id);
        const opt = h(
          'div',
          { role: 'option', id: `la-opt-${e.id}`, class: 'la-option', 'data-id': e.id, 'aria-selected': String(e.id === this.selected) },
          h('span', { class: 'la-opt-name' }, e.names[this.lang]),
          h('span', { class: 'la-opt-sub' }, other),
          computable ? null : h('span', { class: 'la-badge' }, t.referenceOnly),
        );
        if (e.id === this.selected) opt.classList.add('selected');
        on(opt, 'click', () => this.pick(e.id));
        group.appendChild(opt);
        this.options.push(opt);
      }
      this.list.append(head, group);
    }
    if (this.options.length === 0) this.list.appendChild(h('div', { class: 'la-empty' }, '—'));
    this.select(this.selected);
  }

  private pick(id: string): void {
    this.select(id);
    this.onPick(id);
  }

  private move(delta: number, fromStart = false): void {
    if (this.options.length === 0) return;
    let i = fromStart ? 0 : this.options.findIndex((o) => o.classList.contains('active'));
    if (!fromStart) i = i < 0 ? Math.max(0, this.options.findIndex((o) => o.dataset.id === this.selected)) : i + delta;
    i = Math.max(0, Math.min(this.options.length - 1, i));
    for (const o of this.options) o.classList.remove('active');
    const o = this.options[i];
    o.classList.add('active');
    this.list.setAttribute('aria-activedescendant', o.id);
    o.scrollIntoView({ block: 'nearest' });
  }

  private key(e: KeyboardEvent): void {
    const active = this.options.find((o) => o.classList.contains('active'));
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        this.move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        this.move(-1);
        break;
      case 'Home':
        e.preventDefault();
        this.move(0, true);
        break;
      case 'End':
        e.preventDefault();
        this.move(this.options.length);
        break;
      case 'Enter':
      case ' ':
        if (active?.dataset.id) {
          e.preventDefault();
          this.pick(active.dataset.id);
        }
        break;
    }
  }
}
