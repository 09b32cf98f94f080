/**
 * A checker for VS Code snippet syntax (TextMate-style): tab stops `$1`, `${1}`,
 * placeholders `${1:text}` (nestable), choices `${1|a,b|}`, variables, and `\` escapes.
 * Returns the text the snippet inserts when every placeholder keeps its default,
 * or throws with the offset of the first error.
 */
export function expandSnippet(body: string): string {
  let i = 0;
  const n = body.length;

  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}: …${body.slice(Math.max(0, i - 20), i + 20)}…`);
  };

  function parseInt_(): string {
    const start = i;
    while (i < n && body[i] >= '0' && body[i] <= '9') i++;
    return body.slice(start, i);
  }

  function parseName(): string {
    const start = i;
    while (i < n && /[A-Za-z0-9_]/.test(body[i])) i++;
    return body.slice(start, i);
  }

  // Parses text until one of `stops` (unescaped) at the current nesting level.
  function parseText(stops: string): string {
    let out = '';
    while (i < n) {
      const c = body[i];
      if (c === '\\' && i + 1 < n && '$}\\,|'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (stops.includes(c)) return out;
      if (c === '$') {
        out += parseDollar();
        continue;
      }
      out += c;
      i++;
    }
    return out;
  }

  function parseDollar(): string {
    i++; // $
    if (i < n && body[i] >= '0' && body[i] <= '9') {
      parseInt_();
      return '';
    }
    if (i < n && /[A-Za-z_]/.test(body[i])) {
      parseName();
      return '';
    }
    if (body[i] !== '{') return '$';
    i++; // {
    if (body[i] >= '0' && body[i] <= '9') {
      parseInt_();
      if (body[i] === '}') {
        i++;
        return '';
      }
      if (body[i] === ':') {
        i++;
        const text = parseText('}');
        if (body[i] !== '}') fail('unclosed placeholder');
        i++;
        return text;
      }
      if (body[i] === '|') {
        i++;
        const choices: string[] = [];
        let cur = '';
        while (i < n) {
          const c = body[i];
          if (c === '\\' && i + 1 < n) {
            cur += body[i + 1];
            i += 2;
          } else if (c === ',') {
            choices.push(cur);
            cur = '';
            i++;
          } else if (c === '|') {
            break;
          } else {
            cur += c;
            i++;
          }
        }
        choices.push(cur);
        if (body[i] !== '|' || body[i + 1] !== '}') fail('unclosed choice');
        i += 2;
        if (choices.some((c) => c.length === 0)) fail('empty choice');
        return choices[0];
      }
      return fail('bad tab stop');
    }
    const name = parseName();
    if (!name) fail('bad variable');
    if (body[i] === '}') {
      i++;
      return '';
    }
    if (body[i] === ':') {
      i++;
      const text = parseText('}');
      if (body[i] !== '}') fail('unclosed variable default');
      i++;
      return text;
    }
    return fail('bad variable');
  }

  const text = parseText('');
  if (i !== n) fail('unexpected character');
  return text;
}
