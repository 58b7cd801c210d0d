/**
 * JSON as people and AWS's own documentation write it: trailing commas before `}` or `]` are
 * dropped (AWS's sign-in event examples have them). Anything else that is not JSON still throws,
 * with the position, so a truly malformed record is reported, never guessed at.
 */
export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(withoutTrailingCommas(text));
  }
}

/** Removes commas that are followed (after whitespace) by `}` or `]`, outside strings. */
export function withoutTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += c;
  }
  return out;
}
