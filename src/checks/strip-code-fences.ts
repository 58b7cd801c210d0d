/**
 * Removes Markdown code fences (```xml … ```), which chat and the console both carry around a
 * pasted document. Chat markup itself (mentions, links, HTML entities) is decoded by each edge.
 */
export function stripCodeFences(text: string): string {
  return text.replace(/```[a-zA-Z]*\n?/g, '\n');
}
