/**
 * Splits already-rendered text into pieces of at most `max` characters, on line boundaries where
 * it can. A single line longer than `max` is cut at a space near the end when there is one, and
 * never inside an `&amp;`-style entity.
 */
export function splitLines(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    let rest = line;
    while (rest.length > max) {
      const cut = cutPoint(rest, max);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) pieces.push(current);
  return pieces.length ? pieces : [''];
}

/** Where to cut a line that is too long: after the last space in the final 10%, else before an entity the limit would split. */
function cutPoint(line: string, max: number): number {
  const space = line.lastIndexOf(' ', max - 1);
  if (space > max * 0.9) return space + 1;
  const amp = line.lastIndexOf('&', max - 1);
  if (amp > max - 5) {
    const entity = /^&(amp|lt|gt);/.exec(line.slice(amp));
    if (entity && amp + entity[0].length > max) return amp;
  }
  return max;
}
