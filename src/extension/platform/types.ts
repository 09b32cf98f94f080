/** What the extension needs from the runtime it runs in (Node: ./index.ts, browser: ./web.ts). */
import type { SelectionParse } from '../../losses/selection';

export interface Platform {
  kind: 'node' | 'web';
  /** Parses selections away from the extension host's event loop where the runtime allows it. */
  parseOffThread(texts: string[], maxNumbers: number, extensionPath: string): Promise<SelectionParse[]>;
  /** Stops any thread started by parseOffThread. */
  stopThreads(): void;
}
