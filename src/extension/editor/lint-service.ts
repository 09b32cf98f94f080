/**
 * The loss lint as the editor runs it, and the typed messages with the thread that runs it: one
 * parse cache per file or notebook (a "unit", keyed by its URI), a request (the unit's cells, the
 * display language, the sources of the project modules it imports) answered with the diagnostics.
 * The desktop extension runs it in a worker thread (./lint-worker.ts, started by the platform
 * layer); the web extension in the extension host (./lint-runner.ts). Pure: no `vscode`, no Node API.
 */
import type { Language } from '../../losses/types';
import { lintCells, ParseCache, type LintDiagnostic } from '../../python/lint';

/** One lint of one file or notebook. */
export interface LintRequest {
  /** The file's or notebook's URI: its parses are kept under it for its next lint. */
  unit: string;
  /** Its source (a file is one cell; a notebook, its Python code cells in order). */
  cells: string[];
  language: Language;
  /** The project modules its cells import, by module name (see LintOptions.modules). */
  modules: Array<[name: string, source: string]>;
}

/** From the extension host to the lint thread. */
export type LintThreadRequest =
  | { kind: 'lint'; id: number; request: LintRequest }
  /** The unit was closed: its parses can go. */
  | { kind: 'forget'; unit: string };

/** From the lint thread to the extension host: the answer to request `id`. */
export type LintThreadReply =
  | { kind: 'linted'; id: number; diagnostics: LintDiagnostic[]; /** The lint's own time in the thread. */ ms: number }
  | { kind: 'failed'; id: number; error: string };

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Whether `v` is a well-formed LintRequest (the thread checks what it is sent). */
export function isLintRequest(v: unknown): v is LintRequest {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.unit === 'string' &&
    isStringArray(r.cells) &&
    (r.language === 'en' || r.language === 'zh') &&
    Array.isArray(r.modules) &&
    r.modules.every((m) => isStringArray(m) && m.length === 2)
  );
}

/** Lints requests, keeping each unit's parses for its next lint. */
export class LintService {
  private readonly caches = new Map<string, ParseCache>();

  lint(request: LintRequest): LintDiagnostic[] {
    let parseCache = this.caches.get(request.unit);
    if (!parseCache) this.caches.set(request.unit, (parseCache = new ParseCache()));
    const modules = new Map(request.modules);
    return lintCells(request.cells, { language: request.language, modules: (name) => modules.get(name), parseCache });
  }

  /** Lets a closed unit's parses go. */
  forget(unit: string): void {
    this.caches.delete(unit);
  }

  /** How many units have parses kept (for tests). */
  get units(): number {
    return this.caches.size;
  }

  /**
   * The thread's side of the messages: a lint request answered, a forget done (no answer), anything
   * else answered with what was wrong when it carries an id, else ignored. Never throws.
   */
  handle(message: unknown, now: () => number = () => performance.now()): LintThreadReply | undefined {
    const m = (message && typeof message === 'object' ? message : {}) as Record<string, unknown>;
    const id = typeof m.id === 'number' ? m.id : undefined;
    if (m.kind === 'forget' && typeof m.unit === 'string') {
      this.forget(m.unit);
      return undefined;
    }
    if (m.kind === 'lint' && id !== undefined) {
      if (!isLintRequest(m.request)) return { kind: 'failed', id, error: 'the lint request is malformed (it needs unit, cells, language and modules)' };
      const t0 = now();
      try {
        const diagnostics = this.lint(m.request);
        return { kind: 'linted', id, diagnostics, ms: now() - t0 };
      } catch (err) {
        return { kind: 'failed', id, error: err instanceof Error ? err.message : String(err) };
      }
    }
    return id === undefined ? undefined : { kind: 'failed', id, error: `unknown message kind ${JSON.stringify(m.kind)}` };
  }
}
