/**
 * Parsed statements kept from one lint to the next, by their source text: an edit changes a
 * statement or two, and the next lint (on the next document version) parses only those. A
 * statement's tokens, and so its parse, depend on its text alone (it starts at bracket depth 0;
 * a header's text ends with its `:`), and a parse holds token indices relative to the statement,
 * never positions in the file, so a parse found by text is the parse of the statement wherever it
 * is. Two generations: what the current lint parsed or reused, and what the lint before did;
 * anything neither used is let go. Pure: no `vscode`.
 */
import type { CallExpr } from './program';
import type { ParsedStatement } from './expr';

export interface CachedParse {
  parsed: ParsedStatement;
  /** Every call of the statement (nested ones included), in order, once asked for. */
  calls?: CallExpr[];
}

export class ParseCache {
  private current = new Map<string, CachedParse>();
  private previous = new Map<string, CachedParse>();

  /** The parse of the statement whose source text is `text`, kept for the next lint; `make` when there is none. */
  get(text: string, make: () => ParsedStatement): CachedParse {
    let entry = this.current.get(text);
    if (!entry) {
      entry = this.previous.get(text);
      if (!entry) {
        entry = { parsed: make() };
        this.made++;
      }
      this.current.set(text, entry);
    }
    return entry;
  }

  /** How many statements were parsed (not found) since the cache was made (for tests and the bench). */
  made = 0;

  /** Ends a lint: what it used is kept for the next one, the rest let go. */
  turn(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** How many parses the last finished lint used: what the next one can find. */
  get kept(): number {
    return this.previous.size;
  }
}
