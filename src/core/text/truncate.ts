/** Cuts `text` to at most `max` characters, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

/** A pasted value quoted back on one line (runs of whitespace become one space), cut at `max`. */
export function truncateLine(value: string, max = 80): string {
  return truncate(value.replace(/\s+/g, ' ').trim(), max);
}

/** "a, b, c and 4 more": lists stay short in chat. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
