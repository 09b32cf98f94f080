/**
 * Where the editor's lint runs. Desktop: in a thread of its own (the platform layer starts
 * dist/lint-worker.js), so a lint never holds the extension host's thread, which every extension
 * shares, and its garbage never fills the host's heap. Web, or when the thread cannot start: in the
 * extension host, with the same LintService. A thread that crashes or gives no answer in
 * LINT_THREAD_TIMEOUT_MS is stopped, its pending lints get no diagnostics (the input may be what
 * broke it) and the next lint starts a new one. Pure of `vscode`.
 */
import type { LintDiagnostic } from '../../python/lint';
import type { LintThread } from '../platform/types';
import { LintService, type LintRequest, type LintThreadReply } from './lint-service';

/** A lint's longest wait for the thread: far above any lint's time (100,000 loss-dense lines: about 0.6 s). */
export const LINT_THREAD_TIMEOUT_MS = 10_000;

/** What LintRunner has done (the lint's debug command shows it to the integration tests). */
export interface LintRunnerState {
  where: 'thread' | 'extension host';
  /** Lints answered by a thread, and the last one's time in it. */
  threadLints: number;
  lastThreadMs?: number;
  /** Threads started again after one stopped. */
  restarts: number;
  /** Why the last thread stopped. */
  lastStop?: string;
}

interface Pending {
  request: LintRequest;
  resolve: (diagnostics: LintDiagnostic[]) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class LintRunner {
  private thread: LintThread | undefined;
  /** Whether the running thread has answered (a thread that stops before it ever did cannot run here). */
  private answered = false;
  /** The in-process lint, once the lint runs in the extension host. */
  private local: LintService | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly counts: Omit<LintRunnerState, 'where'> = { threadLints: 0, restarts: 0 };

  /** `start()`: a new lint thread, or undefined where there is none (the lint then runs in process). */
  constructor(
    private readonly start: () => LintThread | undefined,
    private readonly timeoutMs = LINT_THREAD_TIMEOUT_MS,
  ) {}

  /** The diagnostics of `request`; never rejects. */
  lint(request: LintRequest): Promise<LintDiagnostic[]> {
    const thread = this.local ? undefined : this.runningThread();
    if (!thread) return Promise.resolve(this.inProcess().lint(request));
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.stopped(thread, `no answer in ${this.timeoutMs} ms`, false), this.timeoutMs);
      this.pending.set(id, { request, resolve, timer });
      try {
        thread.post({ kind: 'lint', id, request });
      } catch (err) {
        this.stopped(thread, err instanceof Error ? err.message : String(err), true);
      }
    });
  }

  /** A closed file or notebook: its parses can go. */
  forget(unit: string): void {
    this.local?.forget(unit);
    try {
      this.thread?.post({ kind: 'forget', unit });
    } catch {
      // A thread that cannot take it has stopped; its parses went with it.
    }
  }

  state(): LintRunnerState {
    return { where: this.local ? 'extension host' : 'thread', ...this.counts };
  }

  /** Stops the thread as a crash would (the integration tests check that the lint recovers). */
  stopThreadForTest(): void {
    if (this.thread) this.stopped(this.thread, 'stopped by the debug command', false);
  }

  dispose(): void {
    const thread = this.thread;
    this.thread = undefined;
    thread?.stop();
    this.settle(() => []);
  }

  private runningThread(): LintThread | undefined {
    if (this.thread) return this.thread;
    let started: LintThread | undefined;
    try {
      started = this.start();
    } catch {
      // Treated as no thread.
    }
    if (!started) {
      this.inProcess();
      return undefined;
    }
    started.listen(
      (reply) => this.replied(started, reply),
      (why) => this.stopped(started, why, true),
    );
    this.thread = started;
    this.answered = false;
    return started;
  }

  private replied(thread: LintThread, reply: LintThreadReply): void {
    if (thread !== this.thread) return;
    this.answered = true;
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    clearTimeout(p.timer);
    if (reply.kind === 'linted') {
      this.counts.threadLints++;
      this.counts.lastThreadMs = reply.ms;
      p.resolve(reply.diagnostics);
    } else {
      p.resolve([]);
    }
  }

  /**
   * The thread stopped (`crashed`: on its own; else stopped for giving no answer). Before its first
   * answer a crash means it cannot run here: its lints, and every later one, run in process. After
   * one, its pending lints get no diagnostics and the next lint starts a new thread.
   */
  private stopped(thread: LintThread, why: string, crashed: boolean): void {
    if (thread !== this.thread) return;
    this.thread = undefined;
    this.counts.lastStop = why;
    thread.stop();
    if (crashed && !this.answered) {
      const local = this.inProcess();
      this.settle((p) => local.lint(p.request));
    } else {
      this.counts.restarts++;
      this.settle(() => []);
    }
  }

  private settle(answer: (p: Pending) => LintDiagnostic[]): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) {
      clearTimeout(p.timer);
      p.resolve(answer(p));
    }
  }

  private inProcess(): LintService {
    return (this.local ??= new LintService());
  }
}
