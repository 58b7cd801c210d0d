/**
 * Splits already-rendered text into pieces of at most `max` characters, on line boundaries where
 * it can. A single line longer than `max` is cut, but never inside an `&amp;`-style entity.
 */
export function splitLines(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current) pieces.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      let cut = max;
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp > cut - 6 && amp > 0 && /^&(amp|lt|gt);/.test(rest.slice(amp)) && amp + rest.slice(amp).indexOf(';') >= cut) cut = amp;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  flush();
  return pieces.length ? pieces : [''];
}
