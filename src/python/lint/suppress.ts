/**
 * Suppression comments: `# loss-atlas: ignore[LA101]` (several codes separated by commas) or a
 * bare `# loss-atlas: ignore` on the line of a diagnostic; and the edit that adds one ("Suppress
 * LAxxx on this line"). Pure: no `vscode`.
 */

export const IGNORE_COMMENT = /#\s*loss-atlas:\s*ignore(?:\[([^\]]*)\])?/i;

/**
 * Whether the comment src[start, end) may be a suppression comment: it contains `loss-atlas` in any
 * case, as IGNORE_COMMENT requires. Read in place, with no string made: most comments are not.
 */
export function mayBeSuppression(src: string, start: number, end: number): boolean {
  for (let p = start; p + 10 <= end; p++) {
    if ((src.charCodeAt(p) | 32) !== 108 /* l */) continue;
    let k = 1;
    while (k < 10 && (src.charCodeAt(p + k) | (k === 4 ? 0 : 32)) === 'loss-atlas'.charCodeAt(k)) k++;
    if (k === 10) return true;
  }
  return false;
}

/** The codes a comment suppresses (`*` for all), or undefined when it is no suppression comment. */
export function suppressedCodes(comment: string): Set<string> | undefined {
  const m = IGNORE_COMMENT.exec(comment);
  if (!m) return undefined;
  return new Set(m[1] === undefined ? ['*'] : m[1].split(/[\s,]+/).filter(Boolean).map((x) => x.toUpperCase()));
}

/**
 * Where to write what on `line` to suppress `code` there: the code added to an existing
 * `ignore[...]` list, or `  # loss-atlas: ignore[CODE]` after the line's last non-blank character
 * (trailing blanks replaced).
 */
export function suppressText(line: string, code: string): { from: number; to: number; insert: string } {
  const m = /#\s*loss-atlas:\s*ignore\[([^\]]*)\]/i.exec(line);
  if (m) {
    const close = m.index + m[0].length - 1;
    return { from: close, to: close, insert: m[1].trim() ? `, ${code}` : code };
  }
  const end = line.trimEnd().length;
  return { from: end, to: line.length, insert: `  # loss-atlas: ignore[${code}]` };
}
