/** The "Which loss?" tab: a short form and the suggestions of `suggestLosses`. */
import { GUIDE_TARGETS, GUIDE_TASKS, suggestLosses, type GuideAnswers } from '../losses/guide';
import { isComputable } from '../losses';
import type { DisplayLanguage } from '../extension/protocol';
import { h, on, clear } from './dom';
import { TARGET_NAMES, TASK_NAMES, strings } from './i18n';

export interface GuideActions {
  change(a: GuideAnswers): void;
  openPlayground(id: string): void;
  openReference(id: string): void;
}

function select(id: string, label: string, options: Array<[string, string]>, value: string, onChange: (v: string) => void): HTMLElement {
  const sel = h('vscode-single-select', { id, 'aria-label': label }) as HTMLElement & { value: string };
  for (const [v, text] of options) sel.appendChild(h('vscode-option', { value: v, selected: v === value }, text));
  on(sel, 'change', () => onChange(sel.value));
  return h('div', { class: 'la-field' }, h('vscode-label', { for: id }, label), sel);
}

function check(id: string, label: string, checked: boolean, onChange: (v: boolean) => void): HTMLElement {
  const cb = h('vscode-checkbox', { id, label, checked }) as HTMLElement & { checked: boolean };
  on(cb, 'change', () => onChange(cb.checked));
  return cb;
}

export function renderGuide(answers: GuideAnswers, lang: DisplayLanguage, act: GuideActions): HTMLElement {
  const t = strings(lang);
  const a: GuideAnswers = { ...answers };
  const out = h('div', { class: 'la-suggestions', role: 'region', 'aria-live': 'polite', 'aria-label': t.suggestions, id: 'la-guide-results' });
  const refresh = () => {
    clear(out);
    out.appendChild(h('h3', {}, t.suggestions));
    const list = suggestLosses(a);
    if (list.length === 0) out.appendChild(h('p', {}, t.noSuggestions));
    const ol = h('ol', {});
    for (const s of list) {
      const play = h('vscode-button', {}, t.open);
      if (!isComputable(s.id)) play.setAttribute('disabled', '');
      on(play, 'click', () => act.openPlayground(s.id));
      const ref = h('vscode-button', { secondary: true }, t.reference);
      on(ref, 'click', () => act.openReference(s.id));
      ol.appendChild(
        h(
          'li',
          { class: 'la-suggestion', 'data-id': s.id },
          h('strong', {}, s.entry.names[lang]),
          ' ',
          h('code', {}, s.id),
          h('ul', {}, ...s.reasons.map((r) => h('li', {}, r[lang]))),
          h('p', { class: 'la-hint' }, s.entry.summary[lang]),
          h('div', { class: 'la-row' }, play, ref),
        ),
      );
    }
    out.appendChild(ol);
  };
  const update = () => {
    act.change({ ...a });
    refresh();
  };
  const form = h(
    'form',
    { class: 'la-guide-form', 'aria-label': t.guide },
    select('la-guide-task', t.task, GUIDE_TASKS.map((k) => [k, TASK_NAMES[k][lang]]), a.task, (v) => {
      a.task = v as GuideAnswers['task'];
      update();
    }),
    select(
      'la-guide-target',
      t.target,
      [['', t.targetAny], ...GUIDE_TARGETS.map((k): [string, string] => [k, TARGET_NAMES[k][lang]])],
      a.target ?? '',
      (v) => {
        a.target = v ? (v as GuideAnswers['target']) : undefined;
        update();
      },
    ),
    h(
      'div',
      { class: 'la-checks' },
      check('la-guide-imbalance', t.imbalance, a.imbalance, (v) => {
        a.imbalance = v;
        update();
      }),
      check('la-guide-outliers', t.outliers, a.outliers, (v) => {
        a.outliers = v;
        update();
      }),
      check('la-guide-multimodal', t.multimodal, a.multimodal, (v) => {
        a.multimodal = v;
        update();
      }),
    ),
  );
  on(form, 'submit', (e) => e.preventDefault());
  refresh();
  return h('div', { class: 'la-guide' }, form, out);
}
