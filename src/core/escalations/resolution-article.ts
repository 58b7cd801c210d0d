/**
 * A resolution may name what fixed it, for the knowledge base to learn from:
 * "kb scim-sync-user-fails re-mapped the attributes" (that article) or "no-article …" (an IAM
 * Identity Center problem no article covers). Anything else names nothing.
 */
export function resolutionArticle(resolution: string): { articleId: string | null | undefined; text: string } {
  const trimmed = resolution.trim();
  const kb = /^kb\s+([a-z0-9]+(?:-[a-z0-9]+)*)\b\s*[:,-]?\s*/i.exec(trimmed);
  if (kb) return { articleId: kb[1]!.toLowerCase(), text: trimmed.slice(kb[0].length) || trimmed };
  const none = /^no[- ]article\b\s*[:,-]?\s*/i.exec(trimmed);
  if (none) return { articleId: null, text: trimmed.slice(none[0].length) || trimmed };
  return { articleId: undefined, text: trimmed };
}
