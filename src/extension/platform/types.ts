/** What the extension needs from the runtime it runs in (Node: ./index.ts, browser: ./web.ts). */
import type { SelectionParse } from '../../losses/selection';
import type { LintThreadReply, LintThreadRequest } from '../editor/lint-service';

/** A thread that runs the loss lint (../editor/lint-worker.ts), as ../editor/lint-runner.ts uses it. */
export interface LintThread {
  post(message: LintThreadRequest): void;
  /** `onReply` gets every reply; `onStop` once, when the thread stops on its own (a crash, an exit). */
  listen(onReply: (reply: LintThreadReply) => void, onStop: (why: string) => void): void;
  stop(): void;
}

export interface Platform {
  kind: 'node' | 'web';
  /** Parses selections away from the extension host's event loop where the runtime allows it. */
  parseOffThread(texts: string[], maxNumbers: number, extensionPath: string): Promise<SelectionParse[]>;
  /** A new thread for the loss lint, or undefined where the lint runs in the extension host (web). */
  startLintThread(extensionPath: string): LintThread | undefined;
  /** Stops any thread started by parseOffThread. */
  stopThreads(): void;
}
