/**
 * The playground's controller: state, the three tabs, the input fields and
 * parameter controls, and the rendering of results. Input text is kept exactly as
 * typed; a field that does not parse (or that the core rejects) is marked with
 * the reason while the last good result stays on screen.
 */
import { LOSSES, findLoss, getEntry, isComputable, toTyped } from '../losses';
import type { GuideAnswers } from '../losses/guide';
import { shapeInWords } from '../losses/shape-words';
import type { LossEntry, ParamSpec, TypedTensor } from '../losses/types';
import type { DisplayLanguage, HostMessage, ParamValue, PlaygroundView, Prefill, SnippetFramework, WebviewMessage } from '../extension/protocol';
import { barChart, curveChart, type BarChart, type CurveChart } from './charts';
import { availableFrameworks, codeFor } from './codegen';
import { ComputeClient } from './compute-client';
import { flatIndexText, type CompareSpec, type ComputeResponse } from './engine';
import { GENERATORS, exampleInputs, generate, roles, type GeneratorId } from './generators';
import { h, clear, on } from './dom';
import { renderGuide } from './guide-view';
import { strings, type StringKey } from './i18n';
import { fmt, parseField, parseMany, tensorText } from './parse';
import { Picker } from './picker';
import { renderFormula, renderReference } from './reference';
import { sanitizeState, type LossSetup, type PlaygroundState } from './state';

export interface Bridge {
  post(m: WebviewMessage): void;
  getState(): unknown;
  setState(s: unknown): void;
}

type ValueEl = HTMLElement & { value: string; invalid?: boolean; checked?: boolean };

const VIEWS: readonly PlaygroundView[] = ['playground', 'reference', 'guide'];
const ROWS_PER_PAGE = 50;

/** Presets the issue asks for; ids that are not in the catalog are skipped (and said so). */
export const PRESETS = {
  robust: { main: ['mse-loss'], compare: ['l1-loss', 'huber-loss', 'log-cosh'], generator: 'regression-outliers' as GeneratorId },
  focal: { main: ['sigmoid-focal-loss', 'focal-loss'], compare: ['bce-with-logits', 'binary-cross-entropy-with-logits'], sweep: { param: 'gamma', values: [0, 1, 2, 5] }, generator: 'binary-logits' as GeneratorId },
};

/** A state whose inputs hold fewer characters than this is saved at every change (see App.save). */
const SAVE_AT_ONCE_CHARS = 100_000;

/** The characters of every setup's inputs: what makes a state large. */
function stateTextLength(state: PlaygroundState): number {
  let n = 0;
  for (const su of Object.values(state.setups)) for (const v of Object.values(su.inputs)) n += v.length;
  return n;
}

export class App {
  state: PlaygroundState;
  private t: Record<StringKey, string>;
  private readonly client: ComputeClient;
  private picker?: Picker;
  private tabs?: HTMLElement & { selectedIndex: number };
  private panels: HTMLElement[] = [];
  private main?: HTMLElement;
  private refHost?: HTMLElement;
  /** A reference section to scroll to once the reference renders (from a prefill). */
  private pendingSection?: { lossId: string; section: NonNullable<Prefill['section']> };
  private guideHost?: HTMLElement;
  // playground parts
  private fields = new Map<string, { el: ValueEl; msg: HTMLElement; info: HTMLElement }>();
  private paramEls = new Map<string, { el: ValueEl; msg: HTMLElement; range?: HTMLInputElement }>();
  private valueEl?: HTMLElement;
  private statusEl?: HTMLElement;
  private errorEl?: HTMLElement;
  private codeEl?: HTMLElement;
  private compareValuesEl?: HTMLElement;
  private tableEl?: HTMLElement;
  private plotInfoEl?: HTMLElement;
  private curve?: CurveChart;
  private bars?: BarChart;
  private page = 0;
  private lastGood?: ComputeResponse;
  private lastGoodInputs?: Record<string, TypedTensor>;
  private pendingInputs?: Record<string, TypedTensor>;
  private fieldErrors = new Map<string, string>();
  private changeStart = 0;
  /** Time from the last change to the end of drawing its result (ms). */
  lastUpdateMs = 0;
  lastComputeMs = 0;
  /** Where the last update's time went (parse, curve, bars, table), in ms. */
  phases: Record<string, number> = {};
  readonly rejected: string[] = [];
  readonly cspViolations: string[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private renderEnd = 0;
  private started = false;
  /** Whether the page was built from a saved state (then the host's language does not override it). */
  private readonly restored: boolean;

  constructor(
    private readonly root: HTMLElement,
    private readonly bridge: Bridge,
  ) {
    const lang: DisplayLanguage = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
    const saved = bridge.getState();
    this.restored = saved !== undefined;
    this.state = sanitizeState(saved, lang);
    this.t = strings(this.state.lang);
    this.client = new ComputeClient((res) => this.onResult(res));
    new ResizeObserver(() => {
      const w = this.main?.querySelector('.la-plot')?.clientWidth ?? 0;
      if (w > 0) {
        this.curve?.resize(w);
        this.bars?.resize(w);
      }
    }).observe(root);
    // theme switches: redraw the charts with the new colours
    new MutationObserver(() => {
      this.curve?.destroy();
      this.bars?.destroy();
      if (this.lastGood) this.renderResult(this.lastGood);
    }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  get computeMode(): string {
    return this.client.mode;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    if (!getEntry(this.state.lossId)) this.state.lossId = LOSSES[0]?.id ?? 'mse-loss';
    this.renderShell();
    this.root.removeAttribute('aria-busy');
    // 'worker' when the compute worker started under the page's CSP (worker-src blob:)
    this.root.dataset.computeMode = this.client.mode;
  }

  noteRejected(reason: string): void {
    this.rejected.push(reason);
    this.root.dataset.rejected = String(this.rejected.length);
  }

  noteCspViolation(msg: string): void {
    this.cspViolations.push(msg);
    this.root.dataset.cspViolations = String(this.cspViolations.length);
    this.root.dataset.cspLog = this.cspViolations.slice(-5).join(' | ');
  }

  handle(msg: HostMessage): void {
    switch (msg.type) {
      case 'init':
        // Not getState(): a prefill that reached the page before its init has saved a state already.
        if (!this.restored) this.state.lang = msg.language;
        if (msg.prefill) this.applyPrefill(msg.prefill, msg.view);
        else if (msg.view !== 'playground') this.state.view = msg.view;
        this.rerenderAll();
        return;
      case 'prefill':
        this.applyPrefill(msg.prefill, msg.view);
        this.rerenderAll();
        return;
      case 'inserted':
        this.flash(msg.ok ? `${this.t.inserted} ${msg.detail}` : msg.detail);
        return;
      case 'copied':
        this.flash(msg.ok ? this.t.copied : this.t.copyFailed);
        return;
      case 'requestState':
        this.bridge.post({ type: 'state', id: msg.id, state: this.state, summary: JSON.stringify(this.summary()) });
        return;
    }
  }

  /** What the tests and the host can read about the page. */
  summary(): Record<string, unknown> {
    return {
      lossId: this.state.lossId,
      view: this.state.view,
      value: this.valueEl?.dataset.value ?? null,
      error: this.errorEl?.textContent || null,
      fieldErrors: Object.fromEntries(this.fieldErrors),
      rejected: this.rejected.length,
      cspViolations: this.cspViolations,
      lastUpdateMs: this.lastUpdateMs,
      lastComputeMs: this.lastComputeMs,
      phases: this.phases,
      computeMode: this.client.mode,
      lastWhere: this.client.lastWhere,
    };
  }

  private applyPrefill(p: Prefill, view: PlaygroundView): void {
    this.state.view = view;
    this.pendingSection = undefined;
    if (p.lossId) {
      const e = getEntry(p.lossId) ?? findLoss(p.lossId);
      if (!e) {
        this.flash(`${p.lossId}: ${this.t.notInCatalog}`);
        return;
      }
      this.state.lossId = e.id;
      if (p.section) this.pendingSection = { lossId: e.id, section: p.section };
    }
    const entry = getEntry(this.state.lossId);
    if (!entry) return;
    const su = this.setup(entry);
    if (p.inputs) {
      for (const [name, v] of Object.entries(p.inputs)) {
        try {
          su.inputs[name] = tensorText(toTyped(v, name), 17);
        } catch (e) {
          su.inputs[name] = JSON.stringify(v);
          this.flash(String((e as Error).message));
        }
      }
    }
    if (p.params) for (const [k, v] of Object.entries(p.params)) su.params[k] = v;
    // Saved at once: the host forgets a prefill once the page has it.
    this.saveNow();
  }

  /**
   * Saves the state: at once while its text is small, else 150 ms after the last change. A hidden
   * playground is destroyed (no retainContextWhenHidden) and rebuilt from the saved state when shown,
   * and a change still waiting then is lost: typing and switching to another tab at once (Ctrl+PageDown)
   * lost the typed text when every save waited. Only large inputs (pasted arrays) wait, so that
   * each keystroke does not copy them to the host.
   */
  private save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (stateTextLength(this.state) < SAVE_AT_ONCE_CHARS) {
      this.saveNow();
      return;
    }
    this.saveTimer = setTimeout(() => this.saveNow(), 150);
  }

  private saveNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.bridge.setState(this.state);
  }

  private entry(): LossEntry | undefined {
    return getEntry(this.state.lossId);
  }

  /** The stored setup of `entry`, created from an example on first use. */
  private setup(entry: LossEntry): LossSetup {
    let su = this.state.setups[entry.id];
    if (!su) {
      su = { inputs: {}, params: {} };
      const ex = exampleInputs(entry);
      for (const [k, v] of Object.entries(ex)) su.inputs[k] = tensorText(v);
      this.state.setups[entry.id] = su;
    }
    return su;
  }

  // ---------------------------------------------------------------- shell

  private renderShell(): void {
    clear(this.root);
    this.t = strings(this.state.lang);
    document.documentElement.lang = this.state.lang === 'zh' ? 'zh-CN' : 'en';
    const langSel = h('vscode-single-select', { id: 'la-lang', 'aria-label': this.t.language }) as ValueEl;
    langSel.append(h('vscode-option', { value: 'en', selected: this.state.lang === 'en' }, 'English'), h('vscode-option', { value: 'zh', selected: this.state.lang === 'zh' }, '简体中文'));
    on(langSel, 'change', () => {
      const v = langSel.value === 'zh' ? 'zh' : 'en';
      if (v === this.state.lang) return;
      this.state.lang = v;
      this.saveNow();
      this.rerenderAll();
    });
    this.picker = new Picker(
      LOSSES,
      this.state.lang,
      this.state.lossId,
      this.state.search,
      (id) => this.selectLoss(id),
      (q) => {
        this.state.search = q;
        this.save();
      },
    );
    const tabs = h('vscode-tabs', { id: 'la-tabs', 'selected-index': VIEWS.indexOf(this.state.view) }) as HTMLElement & { selectedIndex: number };
    this.main = h('div', { class: 'la-main', id: 'la-playground' });
    this.refHost = h('div', { class: 'la-ref-host' });
    this.guideHost = h('div', { class: 'la-guide-host' });
    const hosts = [this.main, this.refHost, this.guideHost];
    this.panels = [];
    VIEWS.forEach((v, i) => {
      // the tabs component assigns the ids of headers and panels itself (for aria-controls)
      tabs.appendChild(h('vscode-tab-header', { slot: 'header', 'data-view': v }, this.t[v]));
      const panel = h('vscode-tab-panel', { 'data-view-panel': v }, hosts[i]);
      this.panels.push(panel);
      tabs.appendChild(panel);
    });
    tabs.appendChild(h('div', { slot: 'addons', class: 'la-addons' }, langSel));
    on(tabs, 'vsc-tabs-select', (e) => {
      const idx = (e as CustomEvent<{ selectedIndex: number }>).detail?.selectedIndex ?? tabs.selectedIndex;
      const v = VIEWS[idx];
      if (v && v !== this.state.view) {
        this.state.view = v;
        this.save();
        this.renderView();
      }
    });
    this.tabs = tabs;
    this.root.append(h('div', { class: 'la-layout' }, this.picker.el, h('div', { class: 'la-content' }, tabs)));
    this.renderView();
  }

  private rerenderAll(): void {
    this.curve?.destroy();
    this.bars?.destroy();
    this.curve = undefined;
    this.bars = undefined;
    this.renderShell();
  }

  private renderView(): void {
    const idx = VIEWS.indexOf(this.state.view);
    if (this.tabs && this.tabs.selectedIndex !== idx) this.tabs.selectedIndex = idx;
    if (this.state.view === 'playground') this.renderPlayground();
    else if (this.state.view === 'reference') this.renderReferenceTab();
    else this.renderGuideTab();
  }

  private selectLoss(id: string): void {
    if (!getEntry(id)) return;
    this.state.lossId = id;
    this.state.sliceIndex = null;
    if (this.state.sweep && !getEntry(id)!.params.some((p) => p.name === this.state.sweep!.param)) this.state.sweep = null;
    this.state.compare = this.state.compare.filter((c) => c !== id);
    this.picker?.select(id);
    this.save();
    this.lastGood = undefined;
    this.renderView();
  }

  private showView(v: PlaygroundView, id?: string): void {
    if (id) {
      this.state.lossId = id;
      this.picker?.select(id);
    }
    this.state.view = v;
    this.save();
    this.renderView();
  }

  private renderReferenceTab(): void {
    const entry = this.entry();
    clear(this.refHost!);
    if (!entry) return;
    this.refHost!.appendChild(
      renderReference(entry, this.state.lang, {
        pick: (id) => this.selectLoss(id),
        openPlayground: (id) => this.showView('playground', id),
        openExternal: (url) => this.bridge.post({ type: 'openExternal', url }),
      }),
    );
    const target = this.pendingSection && entry.id === this.pendingSection.lossId ? this.refHost!.querySelector<HTMLElement>(`#la-ref-${this.pendingSection.section}`) : null;
    if (target) {
      target.classList.add('la-ref-target');
      // After layout (the panel may have just been created or shown).
      const scroll = () => target.scrollIntoView({ block: 'start' });
      requestAnimationFrame(() => {
        scroll();
        setTimeout(scroll, 150);
      });
    }
  }

  private renderGuideTab(): void {
    clear(this.guideHost!);
    this.guideHost!.appendChild(
      renderGuide(this.state.guide, this.state.lang, {
        change: (a: GuideAnswers) => {
          this.state.guide = a;
          this.save();
        },
        openPlayground: (id) => this.showView('playground', id),
        openReference: (id) => this.showView('reference', id),
      }),
    );
  }

  // ---------------------------------------------------------------- playground

  private renderPlayground(): void {
    const main = this.main!;
    const entry = this.entry();
    this.curve?.destroy();
    this.bars?.destroy();
    this.curve = undefined;
    this.bars = undefined;
    clear(main);
    this.fields.clear();
    this.paramEls.clear();
    this.fieldErrors.clear();
    this.page = 0;
    if (!entry) return;
    const t = this.t;
    const lang = this.state.lang;
    const other = lang === 'zh' ? 'en' : 'zh';
    const su = this.setup(entry);
    main.appendChild(
      h('header', { class: 'la-entry-head' }, h('h2', { id: 'la-entry-title' }, entry.names[lang]), h('span', { class: 'la-sub' }, `${entry.names[other]} · `, h('code', {}, entry.id))),
    );
    if (!isComputable(entry.id)) {
      main.appendChild(h('p', { class: 'la-notice', role: 'status', id: 'la-not-computable' }, `${entry.id}: ${t.notComputable}. `));
      const f = h('div', { class: 'la-formula' });
      renderFormula(f, entry.formula, entry.formulaText);
      main.append(f, h('p', {}, entry.summary[lang]));
      return;
    }

    // inputs
    const inputs = h('section', { class: 'la-section', 'aria-labelledby': 'la-h-inputs' }, h('h3', { id: 'la-h-inputs' }, t.inputs));
    for (const spec of entry.inputs) {
      const id = `la-in-${spec.name}`;
      const text = su.inputs[spec.name] ?? '';
      const shape = shapeInWords(spec.shape, lang);
      const ta = h('vscode-textarea', {
        id,
        class: 'la-input',
        'data-input': spec.name,
        rows: Math.min(6, Math.max(2, text.split('\n').length)),
        label: `${spec.name}: ${spec.meaning[lang]} ${t.shape} ${shape}`,
        'aria-describedby': `${id}-info ${id}-msg`,
        monospace: true,
        resize: 'vertical',
      }) as ValueEl;
      ta.value = text;
      const info = h('span', { class: 'la-field-info', id: `${id}-info` });
      const msg = h('div', { class: 'la-field-msg', id: `${id}-msg`, role: 'alert' });
      on(ta, 'input', () => {
        this.changeStart = performance.now();
        su.inputs[spec.name] = ta.value;
        this.save();
        this.recompute();
      });
      on(ta, 'paste', (e) => {
        const text = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
        if (this.distributePaste(entry, text)) e.preventDefault();
      });
      this.fields.set(spec.name, { el: ta, msg, info });
      inputs.appendChild(
        h(
          'div',
          { class: 'la-field' },
          h(
            'label',
            { for: id, class: 'la-label' },
            h('code', {}, spec.name),
            spec.optional ? ` (${t.optional})` : '',
            ` — ${spec.meaning[lang]}`,
          ),
          h('div', { class: 'la-hint' }, `${t.shape} ${shape} · ${spec.domain[lang]}`, ' ', info),
          ta,
          msg,
        ),
      );
    }
    inputs.appendChild(this.generatorRow(entry));

    // parameters
    const params = h('section', { class: 'la-section', 'aria-labelledby': 'la-h-params' }, h('h3', { id: 'la-h-params' }, t.params));
    for (const p of entry.params) params.appendChild(this.paramControl(entry, p, su));
    if (entry.params.length === 0) params.appendChild(h('p', { class: 'la-hint' }, '—'));

    // result
    this.valueEl = h('div', { class: 'la-value', id: 'la-value', 'aria-live': 'polite' }, '…');
    this.statusEl = h('div', { class: 'la-status', id: 'la-status', role: 'status' });
    this.errorEl = h('div', { class: 'la-error', id: 'la-error', role: 'alert' });
    const formula = h('div', { class: 'la-formula', id: 'la-formula', role: 'math', 'aria-label': entry.formulaText });
    renderFormula(formula, entry.formula, entry.formulaText);
    const result = h(
      'section',
      { class: 'la-section la-result', 'aria-labelledby': 'la-h-result' },
      h('h3', { id: 'la-h-result' }, t.result),
      h('div', { class: 'la-value-row' }, h('span', { class: 'la-value-label' }, `${t.value}:`), this.valueEl),
      this.errorEl,
      this.statusEl,
      formula,
    );

    // code
    const code = this.codeSection(entry, su);

    // plot + compare
    const plotHost = h('div', { class: 'la-plot', id: 'la-curve', role: 'img', 'aria-label': t.plot });
    this.plotInfoEl = h('div', { class: 'la-hint', id: 'la-plot-info' });
    this.compareValuesEl = h('div', { class: 'la-compare-values', id: 'la-compare-values' });
    const plot = h(
      'section',
      { class: 'la-section', 'aria-labelledby': 'la-h-plot' },
      h('h3', { id: 'la-h-plot' }, t.plot),
      this.plotInfoEl,
      plotHost,
      this.compareControls(entry),
      this.compareValuesEl,
    );
    this.curve = curveChart(plotHost);

    // contributions
    const barHost = h('div', { class: 'la-plot', id: 'la-bars', role: 'img', 'aria-label': t.contributions });
    this.tableEl = h('div', { class: 'la-table-wrap', id: 'la-table' });
    const chartSel = h('vscode-single-select', { id: 'la-chart-kind', 'aria-label': t.contributions }) as ValueEl;
    chartSel.append(
      h('vscode-option', { value: 'contribution', selected: this.state.chart === 'contribution' }, t.chartContribution),
      h('vscode-option', { value: 'gradient', selected: this.state.chart === 'gradient' }, t.chartGradient),
    );
    on(chartSel, 'change', () => {
      this.state.chart = chartSel.value === 'gradient' ? 'gradient' : 'contribution';
      this.save();
      if (this.lastGood) this.renderResult(this.lastGood);
    });
    const contrib = h(
      'section',
      { class: 'la-section', 'aria-labelledby': 'la-h-contrib' },
      h('h3', { id: 'la-h-contrib' }, t.contributions),
      h('div', { class: 'la-row' }, chartSel),
      barHost,
      this.tableEl,
    );
    this.bars = barChart(barHost);

    main.append(h('div', { class: 'la-columns' }, h('div', { class: 'la-col' }, inputs, params), h('div', { class: 'la-col' }, result, code)), plot, contrib);
    this.recompute();
  }

  private generatorRow(entry: LossEntry): HTMLElement {
    const t = this.t;
    const n = h('vscode-textfield', { id: 'la-gen-n', type: 'number', min: 1, max: 100000, value: String(this.state.genN), label: t.genN, 'aria-label': t.genN, class: 'la-num' }) as ValueEl;
    const c = h('vscode-textfield', { id: 'la-gen-c', type: 'number', min: 2, max: 1000, value: String(this.state.genC), label: t.genC, 'aria-label': t.genC, class: 'la-num' }) as ValueEl;
    n.value = String(this.state.genN);
    c.value = String(this.state.genC);
    const read = () => {
      const nv = Math.round(Number(n.value));
      const cv = Math.round(Number(c.value));
      if (Number.isFinite(nv) && nv >= 1 && nv <= 100_000) this.state.genN = nv;
      if (Number.isFinite(cv) && cv >= 2 && cv <= 1000) this.state.genC = cv;
    };
    on(n, 'change', read);
    on(c, 'change', read);
    const buttons = GENERATORS.map((g) => {
      const b = h('vscode-button', { secondary: true, 'data-generator': g }, t[`gen.${g}` as StringKey]);
      on(b, 'click', () => {
        read();
        this.applyGenerator(entry, g);
      });
      return b;
    });
    const reset = h('vscode-button', { secondary: true, id: 'la-gen-example' }, t.reset);
    on(reset, 'click', () => {
      const su = this.setup(entry);
      for (const [k, v] of Object.entries(exampleInputs(entry))) su.inputs[k] = tensorText(v);
      this.refreshFields(entry);
    });
    return h(
      'div',
      { class: 'la-generators', role: 'group', 'aria-label': t.generators },
      h('span', { class: 'la-label' }, `${t.generators}:`),
      h('label', { class: 'la-inline', for: 'la-gen-n' }, t.genN, n),
      h('label', { class: 'la-inline', for: 'la-gen-c' }, t.genC, c),
      ...buttons,
      reset,
    );
  }

  applyGenerator(entry: LossEntry, g: GeneratorId): void {
    const su = this.setup(entry);
    const data = generate(g, entry, this.state.genN, this.state.genC, (Date.now() & 0xffff) + 1);
    for (const [k, v] of Object.entries(data)) su.inputs[k] = tensorText(v);
    this.refreshFields(entry);
  }

  /**
   * A paste holding several arrays (`pred = [...]` / `target = [...]`, CSV columns)
   * fills every input: by name (the input's name or its role), else in order.
   */
  distributePaste(entry: LossEntry, text: string): boolean {
    const arrays = parseMany(text);
    if (!arrays) return false;
    const su = this.setup(entry);
    const { pred, target } = roles(entry);
    const alias = (n: string): string | undefined => {
      if (entry.inputs.some((i) => i.name === n)) return n;
      if (/^(pred|preds|prediction|predictions|y_pred|logits|outputs?|yhat|y_hat)$/i.test(n)) return pred;
      if (/^(target|targets|y_true|labels?|y|truth|gt)$/i.test(n)) return target;
      return undefined;
    };
    const free = entry.inputs.map((i) => i.name);
    const assigned = new Map<string, TypedTensor>();
    for (const a of arrays) {
      const to = a.name ? alias(a.name) : undefined;
      if (to && !assigned.has(to)) assigned.set(to, a.tensor);
    }
    let k = 0;
    for (const a of arrays) {
      if (a.name && alias(a.name)) continue;
      while (k < free.length && assigned.has(free[k])) k++;
      if (k < free.length) assigned.set(free[k++], a.tensor);
    }
    for (const [name, t] of assigned) su.inputs[name] = tensorText(t, 17);
    this.refreshFields(entry);
    return assigned.size > 0;
  }

  private refreshFields(entry: LossEntry): void {
    const su = this.setup(entry);
    for (const [name, f] of this.fields) {
      f.el.value = su.inputs[name] ?? '';
    }
    this.changeStart = performance.now();
    this.save();
    this.recompute();
  }

  private paramControl(entry: LossEntry, p: ParamSpec, su: LossSetup): HTMLElement {
    const lang = this.state.lang;
    const id = `la-p-${p.name}`;
    const cur = p.name in su.params ? su.params[p.name] : p.default;
    const msg = h('div', { class: 'la-field-msg', id: `${id}-msg`, role: 'alert' });
    const set = (v: ParamValue) => {
      this.changeStart = performance.now();
      su.params[p.name] = v;
      this.save();
      this.updateCode(entry);
      this.recompute();
    };
    const label = h('label', { for: id, class: 'la-label' }, h('code', {}, p.name), ` — ${p.meaning[lang]}`);
    let control: HTMLElement;
    let el: ValueEl;
    let range: HTMLInputElement | undefined;
    switch (p.type) {
      case 'boolean': {
        el = h('vscode-checkbox', { id, 'data-param': p.name, checked: cur === true, label: p.name }) as ValueEl;
        on(el, 'change', () => set(!!el.checked));
        control = el;
        break;
      }
      case 'enum': {
        el = h('vscode-single-select', { id, 'data-param': p.name, 'aria-label': p.name }) as ValueEl;
        for (const o of p.options ?? []) el.appendChild(h('vscode-option', { value: o, selected: o === cur }, o));
        on(el, 'change', () => set(el.value));
        control = el;
        break;
      }
      case 'number':
      case 'integer': {
        // Integers get a number box; other numbers a text box. A number box's step makes the browser
        // mark every value off its grid invalid, in the error colours although torch takes it (delta=1.5
        // with a step of range/200, the default eps=1e-8 with 0.01), and vscode-textfield cannot take
        // step="any" (a Number property). The value is checked below, with the reason shown.
        const box = p.type === 'integer' ? { type: 'number', step: 1 } : { type: 'text' };
        el = h('vscode-textfield', { id, ...box, 'data-param': p.name, 'aria-label': p.name, class: 'la-num' }) as ValueEl;
        el.value = cur === null ? '' : String(cur);
        const none = p.default === null;
        if (p.range) {
          range = h('input', {
            type: 'range',
            class: 'la-range',
            min: p.range[0],
            max: p.range[1],
            step: p.type === 'integer' ? 1 : 'any',
            'aria-label': `${p.name} slider`,
            'data-param-range': p.name,
          });
          range.value = String(typeof cur === 'number' ? cur : p.range[0]);
          on(range, 'input', () => {
            el.value = range!.value;
            set(Number(range!.value));
          });
        }
        on(el, 'input', () => {
          const s = el.value.trim();
          if (s === '' && none) return set(null);
          const v = Number(s);
          if (s === '' || !Number.isFinite(v) || (p.type === 'integer' && !Number.isInteger(v))) {
            this.markParam(p.name, `${p.name}: ${p.type === 'integer' ? this.t.expectedInteger : this.t.expectedNumber}, ${this.t.found} '${s}'`);
            return;
          }
          if (range) range.value = String(v);
          set(v);
        });
        control = h('div', { class: 'la-slider' }, range ?? null, el, none ? h('span', { class: 'la-hint' }, '(empty = None)') : null);
        break;
      }
      default: {
        // tensor / string parameters: free text (tensors parsed like inputs; empty = None)
        el = h('vscode-textfield', { id, 'data-param': p.name, 'aria-label': p.name, placeholder: p.default === null ? 'None' : String(p.default) }) as ValueEl;
        el.value = cur === null || cur === undefined ? '' : String(cur);
        on(el, 'input', () => set(el.value.trim() === '' && p.default === null ? null : el.value));
        control = el;
      }
    }
    this.paramEls.set(p.name, { el, msg, range });
    return h('div', { class: 'la-field la-param' }, label, control, msg);
  }

  private codeSection(entry: LossEntry, su: LossSetup): HTMLElement {
    const t = this.t;
    const fws = availableFrameworks(entry.snippets);
    if (!fws.includes(this.state.framework) && fws.length) this.state.framework = fws[0];
    const sel = h('vscode-single-select', { id: 'la-framework', 'aria-label': t.framework }) as ValueEl;
    for (const f of fws) sel.appendChild(h('vscode-option', { value: f, selected: f === this.state.framework }, f));
    on(sel, 'change', () => {
      this.state.framework = sel.value as SnippetFramework;
      this.save();
      this.updateCode(entry);
    });
    this.codeEl = h('pre', { class: 'la-code', id: 'la-code', tabindex: 0, 'aria-label': t.code }, h('code', {}, ''));
    const copy = h('vscode-button', { id: 'la-copy', secondary: true }, t.copy);
    on(copy, 'click', () => this.bridge.post({ type: 'copy', text: this.codeEl!.textContent ?? '' }));
    const insert = h('vscode-button', { id: 'la-insert' }, t.insert);
    on(insert, 'click', () =>
      this.bridge.post({ type: 'insertCode', code: this.codeEl!.textContent ?? '', lossId: entry.id, framework: this.state.framework, params: this.currentParamValues(entry, su) }),
    );
    this.updateCode(entry);
    return h('section', { class: 'la-section', 'aria-labelledby': 'la-h-code' }, h('h3', { id: 'la-h-code' }, t.code), h('div', { class: 'la-row' }, sel, copy, insert), this.codeEl);
  }

  private currentParamValues(entry: LossEntry, su: LossSetup): Record<string, ParamValue> {
    const out: Record<string, ParamValue> = {};
    for (const p of entry.params) out[p.name] = p.name in su.params ? su.params[p.name] : p.default;
    return out;
  }

  private updateCode(entry: LossEntry): void {
    if (!this.codeEl) return;
    const su = this.setup(entry);
    this.codeEl.firstElementChild!.textContent = codeFor(entry, this.state.framework, this.currentParamValues(entry, su));
  }

  private compareControls(entry: LossEntry): HTMLElement {
    const t = this.t;
    const box = h('div', { class: 'la-compare', role: 'group', 'aria-label': t.compare });
    // presets
    const presetRow = h('div', { class: 'la-row' }, h('span', { class: 'la-label' }, `${t.presets}:`));
    const addPreset = (key: keyof typeof PRESETS, label: string) => {
      const p = PRESETS[key];
      const main = p.main.find((id) => getEntry(id) && isComputable(id));
      const b = h('vscode-button', { secondary: true, id: `la-preset-${key}` }, label);
      if (!main) {
        b.setAttribute('disabled', '');
        b.setAttribute('title', `${p.main.join(' / ')}: ${t.notInCatalog}`);
      }
      on(b, 'click', () => main && this.applyPreset(key, main));
      presetRow.appendChild(b);
    };
    addPreset('robust', t.presetRobust);
    addPreset('focal', t.presetFocal);
    box.appendChild(presetRow);
    // comparable entries: computable, same number of required inputs, pred/target roles
    const req = entry.inputs.filter((i) => !i.optional).length;
    const candidates = LOSSES.filter(
      (e) => e.id !== entry.id && isComputable(e.id) && e.inputs.filter((i) => !i.optional).length === req && (e.category === entry.category || this.state.compare.includes(e.id)),
    ).slice(0, 24);
    const checks = h('div', { class: 'la-checks', id: 'la-compare-list' }, h('span', { class: 'la-label' }, `${t.compare}:`));
    for (const e of candidates) {
      const cb = h('vscode-checkbox', { 'data-compare': e.id, label: e.names[this.state.lang], checked: this.state.compare.includes(e.id) }) as ValueEl;
      on(cb, 'change', () => {
        this.state.compare = cb.checked ? [...new Set([...this.state.compare, e.id])].slice(0, 8) : this.state.compare.filter((x) => x !== e.id);
        this.changeStart = performance.now();
        this.save();
        this.recompute();
      });
      checks.appendChild(cb);
    }
    const missing = this.state.compare.filter((id) => !getEntry(id) || !isComputable(id));
    if (missing.length) checks.appendChild(h('span', { class: 'la-hint' }, `${missing.join(', ')}: ${t.notInCatalog}`));
    box.appendChild(checks);
    // sweep
    const nums = entry.params.filter((p) => p.type === 'number' || p.type === 'integer');
    if (nums.length) {
      const sel = h('vscode-single-select', { id: 'la-sweep-param', 'aria-label': t.sweep }) as ValueEl;
      sel.appendChild(h('vscode-option', { value: '', selected: !this.state.sweep }, t.sweepNone));
      for (const p of nums) sel.appendChild(h('vscode-option', { value: p.name, selected: this.state.sweep?.param === p.name }, p.name));
      const vals = h('vscode-textfield', { id: 'la-sweep-values', 'aria-label': `${t.sweep} values`, placeholder: '0, 1, 2, 5' }) as ValueEl;
      vals.value = this.state.sweep?.values.join(', ') ?? '';
      const apply = () => {
        const param = sel.value;
        const values = vals.value
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map(Number)
          .filter((v) => Number.isFinite(v))
          .slice(0, 8);
        this.state.sweep = param ? { param, values } : null;
        this.changeStart = performance.now();
        this.save();
        this.recompute();
      };
      on(sel, 'change', apply);
      on(vals, 'change', apply);
      box.appendChild(h('div', { class: 'la-row' }, h('span', { class: 'la-label' }, `${t.sweep}:`), sel, vals));
    }
    // slice element
    const slice = h('vscode-textfield', { id: 'la-slice', type: 'number', min: 0, 'aria-label': t.sliceElement, class: 'la-num', placeholder: 'auto' }) as ValueEl;
    slice.value = this.state.sliceIndex === null ? '' : String(this.state.sliceIndex);
    on(slice, 'change', () => {
      const v = Number(slice.value);
      this.state.sliceIndex = slice.value.trim() === '' || !Number.isInteger(v) || v < 0 ? null : v;
      this.save();
      this.recompute();
    });
    box.appendChild(h('div', { class: 'la-row la-slice-row' }, h('label', { class: 'la-label', for: 'la-slice' }, `${t.sliceElement}:`), slice));
    return box;
  }

  private applyPreset(key: keyof typeof PRESETS, main: string): void {
    const p = PRESETS[key];
    const entry = getEntry(main)!;
    this.state.lossId = main;
    this.state.compare = p.compare.filter((id) => id !== main && getEntry(id));
    // keep one spelling of BCE-with-logits
    if (key === 'focal') this.state.compare = this.state.compare.slice(0, 1);
    this.state.sweep = 'sweep' in p && entry.params.some((q) => q.name === p.sweep.param) ? { ...p.sweep } : null;
    const su = this.setup(entry);
    // a preset starts from the catalog's defaults, so every compared loss runs with its own defaults too
    su.params = {};
    const data = generate(p.generator, entry, Math.min(this.state.genN, 40), this.state.genC, 11);
    for (const [k, v] of Object.entries(data)) su.inputs[k] = tensorText(v);
    this.picker?.select(main);
    this.save();
    this.renderPlayground();
  }

  /** Marks an input field or parameter control invalid with `message` (or clears it). */
  private mark(f: { el: ValueEl; msg: HTMLElement } | undefined, name: string, message: string | undefined): void {
    if (f) {
      f.el.invalid = !!message;
      if (message) f.el.setAttribute('aria-invalid', 'true');
      else f.el.removeAttribute('aria-invalid');
      f.msg.textContent = message ?? '';
    }
    if (message) this.fieldErrors.set(name, message);
    else this.fieldErrors.delete(name);
  }

  private markField(name: string, message: string | undefined): void {
    this.mark(this.fields.get(name), name, message);
  }

  private markParam(name: string, message: string | undefined): void {
    this.mark(this.paramEls.get(name), name, message);
    if (message) this.showStale();
  }

  private showStale(): void {
    if (this.statusEl && this.lastGood) this.statusEl.textContent = this.t.lastGood;
    this.root.dataset.stale = 'true';
  }

  /** Parses every field; submits to the worker if all parse, else marks the fields and keeps the last result. */
  recompute(): void {
    const entry = this.entry();
    if (!entry || !isComputable(entry.id) || !this.valueEl) return;
    if (!this.changeStart) this.changeStart = performance.now();
    const su = this.setup(entry);
    const inputs: Record<string, TypedTensor> = {};
    let bad = false;
    const tParse = performance.now();
    for (const spec of entry.inputs) {
      const text = su.inputs[spec.name] ?? '';
      if (text.trim() === '' && spec.optional) {
        this.markField(spec.name, undefined);
        this.fields.get(spec.name)?.info.replaceChildren('');
        continue;
      }
      const r = parseField(text);
      if (!r.ok) {
        this.markField(spec.name, `${spec.name}: ${r.error}`);
        bad = true;
        continue;
      }
      this.markField(spec.name, undefined);
      this.fields.get(spec.name)?.info.replaceChildren(`→ (${r.tensor.shape.join(', ')}${r.tensor.shape.length === 1 ? ',' : ''})`);
      inputs[spec.name] = r.tensor;
    }
    const params: Record<string, unknown> = {};
    for (const p of entry.params) {
      if (!(p.name in su.params)) continue;
      const v = su.params[p.name];
      if (p.type === 'tensor' && typeof v === 'string') {
        const r = parseField(v);
        if (!r.ok) {
          this.markParam(p.name, `${p.name}: ${r.error}`);
          bad = true;
          continue;
        }
        params[p.name] = r.tensor;
      } else params[p.name] = v;
      this.markParam(p.name, undefined);
    }
    this.phases = { parse: performance.now() - tParse };
    if (bad) {
      this.showStale();
      return;
    }
    const compare: CompareSpec[] = [];
    if (this.state.sweep && entry.params.some((p) => p.name === this.state.sweep!.param)) {
      for (const v of this.state.sweep.values) compare.push({ id: entry.id, label: `${entry.id} ${this.state.sweep.param}=${v}`, params: { ...params, [this.state.sweep.param]: v } });
    }
    for (const id of this.state.compare) {
      const e = getEntry(id);
      compare.push({ id, label: id, params: e && e.params.some((p) => p.name === 'reduction') && 'reduction' in params ? { reduction: params.reduction } : {} });
    }
    this.pendingInputs = inputs;
    this.client.submit({ lossId: entry.id, inputs, params, compare, sliceIndex: this.state.sliceIndex ?? undefined });
  }

  private onResult(res: ComputeResponse): void {
    const entry = this.entry();
    if (!entry || !this.valueEl) return;
    this.lastComputeMs = res.ms;
    if (!res.ok) {
      const err = res.error!;
      const field = err.field && (this.fields.has(err.field) ? err.field : this.paramEls.has(err.field) ? err.field : undefined);
      if (field && this.fields.has(field)) this.markField(field, err.message);
      else if (field) this.markParam(field, err.message);
      this.errorEl!.textContent = field ? '' : err.message;
      this.showStale();
      this.finishTiming();
      return;
    }
    this.errorEl!.textContent = '';
    delete this.root.dataset.stale;
    this.lastGood = res;
    this.lastGoodInputs = this.pendingInputs;
    this.renderResult(res);
    this.finishTiming();
  }

  private finishTiming(): void {
    if (!this.changeStart) return;
    // uPlot draws in a microtask queued by setData; this one runs after it
    queueMicrotask(() => this.finishTimingNow());
  }

  private finishTimingNow(): void {
    if (!this.changeStart) return;
    if (this.renderEnd) this.phases.draw = performance.now() - this.renderEnd;
    this.lastUpdateMs = performance.now() - this.changeStart;
    this.changeStart = 0;
    if (this.statusEl && !this.root.dataset.stale) {
      this.statusEl.textContent = `${this.t.updated} ${this.lastUpdateMs.toFixed(1)} ms (${this.t.computedIn} ${this.lastComputeMs.toFixed(1)} ms, ${this.client.lastWhere === 'worker' ? this.t.inWorker : this.t.inPage})`;
    }
    this.root.dataset.updateMs = this.lastUpdateMs.toFixed(2);
    this.root.dataset.phases = Object.entries(this.phases).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' ');
  }

  private renderResult(res: ComputeResponse): void {
    const entry = this.entry();
    const r = res.result;
    if (!entry || !r || !this.valueEl) return;
    const t = this.t;
    if (r.valueIsTensor) this.valueEl.replaceChildren(`Σ = ${fmt(r.value, 10)}`, h('span', { class: 'la-value-note' }, t.noneReduction));
    else this.valueEl.textContent = fmt(r.value, 10);
    this.valueEl.dataset.value = String(r.value);
    // compare values
    const cv = this.compareValuesEl!;
    clear(cv);
    if (res.compares.length) {
      const tbl = h('table', { class: 'la-table' }, h('thead', {}, h('tr', {}, h('th', {}, t.compare), h('th', {}, t.value))));
      const body = h('tbody', {});
      body.appendChild(h('tr', { class: 'la-own' }, h('td', {}, entry.id), h('td', { 'data-value': String(r.value) }, fmt(r.value, 8))));
      for (const c of res.compares) {
        body.appendChild(
          h('tr', { 'data-compare-row': c.label }, h('td', {}, c.label), h('td', { 'data-value': c.value !== undefined ? String(c.value) : undefined }, c.value !== undefined ? fmt(c.value, 8) : `— ${c.error ?? ''}`)),
        );
      }
      tbl.appendChild(body);
      cv.appendChild(tbl);
    }
    const t0 = performance.now();
    // curve
    if (res.plot && this.curve) {
      const axis = res.plot.kind === 'residual' ? t.residualAxis : res.plot.kind === 'pointwise' ? t.predictionAxis : `${t.predictionAxis} ${res.plot.detail}`;
      this.curve.update(res.plot, res.plot.curves.map((c) => c.label), `${axis} (${res.plot.detail})`, res.plot.kind === 'slice' ? t.reduced : t.element);
      this.plotInfoEl!.textContent = res.plot.kind === 'slice' ? `${t.sliceElement}: ${res.plot.detail}` : '';
      this.main?.querySelector('.la-slice-row')?.classList.toggle('la-hidden', res.plot.kind !== 'slice');
    }
    const t1 = performance.now();
    // bars + table
    const chart = this.state.chart;
    const values = chart === 'gradient' ? r.grad.data : r.contributions.data;
    this.bars?.update(values, chart === 'gradient' ? `${t.gradient} ∂/∂${r.gradInput}` : t.contribution, t.index);
    const t2 = performance.now();
    this.renderTable(res);
    this.renderEnd = performance.now();
    Object.assign(this.phases, { compute: res.ms, curve: t1 - t0, bars: t2 - t1, table: this.renderEnd - t2 });
  }

  private renderTable(res: ComputeResponse): void {
    const r = res.result!;
    const t = this.t;
    const host = this.tableEl!;
    clear(host);
    const entry = this.entry()!;
    const { pred, target } = roles(entry);
    const inputs = this.lastGoodInputs ?? {};
    const n = Math.max(r.elements.data.length, r.grad.data.length);
    const same = r.elements.data.length === r.grad.data.length;
    const P = pred ? inputs[pred] : undefined;
    const T = target ? inputs[target] : undefined;
    const showP = P && P.data.length === n;
    const showT = T && T.data.length === n;
    const pages = Math.max(1, Math.ceil(n / ROWS_PER_PAGE));
    this.page = Math.min(this.page, pages - 1);
    const start = this.page * ROWS_PER_PAGE;
    const end = Math.min(n, start + ROWS_PER_PAGE);
    const shape = same ? r.elements.shape : r.grad.shape;
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, t.index),
      showP ? h('th', { scope: 'col' }, pred!) : null,
      showT ? h('th', { scope: 'col' }, target!) : null,
      same ? h('th', { scope: 'col' }, t.element) : null,
      same ? h('th', { scope: 'col' }, t.contribution) : null,
      h('th', { scope: 'col' }, `∂/∂${r.gradInput}`),
    );
    const body = h('tbody', {});
    for (let i = start; i < end; i++) {
      body.appendChild(
        h(
          'tr',
          {},
          h('td', {}, `[${flatIndexText(i, shape)}]`),
          showP ? h('td', {}, fmt(P!.data[i])) : null,
          showT ? h('td', {}, fmt(T!.data[i])) : null,
          same ? h('td', {}, fmt(r.elements.data[i])) : null,
          same ? h('td', {}, fmt(r.contributions.data[i])) : null,
          h('td', {}, i < r.grad.data.length ? fmt(r.grad.data[i]) : ''),
        ),
      );
    }
    host.appendChild(h('table', { class: 'la-table', id: 'la-elements' }, h('thead', {}, head), body));
    if (!same) {
      // per-sample losses differ in shape from the prediction: a second, short table
      const m = Math.min(r.elements.data.length, ROWS_PER_PAGE);
      const b2 = h('tbody', {});
      for (let i = 0; i < m; i++) b2.appendChild(h('tr', {}, h('td', {}, `[${flatIndexText(i, r.elements.shape)}]`), h('td', {}, fmt(r.elements.data[i])), h('td', {}, fmt(r.contributions.data[i]))));
      host.appendChild(
        h('table', { class: 'la-table', id: 'la-per-sample' }, h('thead', {}, h('tr', {}, h('th', {}, t.index), h('th', {}, t.element), h('th', {}, t.contribution))), b2),
      );
    }
    if (pages > 1) {
      const prev = h('vscode-button', { secondary: true, id: 'la-prev' }, t.prev);
      const next = h('vscode-button', { secondary: true, id: 'la-next' }, t.next);
      if (this.page === 0) prev.setAttribute('disabled', '');
      if (this.page >= pages - 1) next.setAttribute('disabled', '');
      on(prev, 'click', () => {
        this.page--;
        this.renderTable(res);
      });
      on(next, 'click', () => {
        this.page++;
        this.renderTable(res);
      });
      host.appendChild(h('div', { class: 'la-row' }, prev, h('span', {}, `${t.rows} ${start + 1}–${end} ${t.of} ${n}`), next));
    }
  }

  private flash(text: string): void {
    if (this.statusEl) this.statusEl.textContent = text;
    this.bridge.post({ type: 'log', level: 'info', message: text });
  }
}
