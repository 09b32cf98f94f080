/**
 * Arguments of a Python call as written (keyword names, value text, literal values): what the
 * hover shows as "this call" and passes on to the playground. Pure: no `vscode` import.
 */
export interface CallArgument {
  /** Keyword name; undefined for a positional argument. */
  name?: string;
  /** The value as written. */
  text: string;
  /** The value as a JSON-able literal when it is one (number, bool, None, string). */
  value?: number | boolean | string | null;
}

/** A Python literal to a JS value, or undefined when the text is not a plain literal. */
export function pythonLiteral(text: string): number | boolean | string | null | undefined {
  const t = text.trim();
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (t === 'None') return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^[-+]?(float\(['"](inf|nan)['"]\))$/i.test(t)) return Number(t.replace(/float\(['"]|['"]\)/g, '').replace(/^(-?)inf$/i, '$1Infinity'));
  const m = /^(['"])(.*)\1$/s.exec(t);
  if (m && !m[2].includes(m[1])) return m[2];
  return undefined;
}

/**
 * The arguments of the call whose `(` is at `text[open]`, or undefined when the
 * parenthesis does not close within `text`.
 */
export function callArguments(text: string, open = 0): CallArgument[] | undefined {
  if (text[open] !== '(') return undefined;
  const args: CallArgument[] = [];
  let depth = 0;
  let cur = '';
  let quote = '';
  const flush = () => {
    const t = cur.trim();
    cur = '';
    if (!t) return;
    const m = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(t);
    const a: CallArgument = m ? { name: m[1], text: m[2].trim() } : { text: t };
    const v = pythonLiteral(a.text);
    if (v !== undefined) a.value = v;
    args.push(a);
  };
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      cur += c;
      if (c === '\\') cur += text[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      cur += c;
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        flush();
        return args;
      }
      depth--;
      cur += c;
    } else if (c === ',' && depth === 0) flush();
    else cur += c;
  }
  return undefined;
}
