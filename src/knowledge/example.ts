/** Labels that are not articles: a real IAM Identity Center problem with no article, and not our business. */
export const OTHER_IDC = 'other-idc';
export const NONE = 'none';

/** A real message someone wrote, labelled with the article that answers it (or OTHER_IDC / NONE). */
export interface Example {
  text: string;
  label: string;
  /** A second label that would also be right. */
  alt?: string;
  /** Where the message was posted (URL); examples from one thread are never split across folds. */
  source: string;
  /** File and line it was read from, for error messages and `kb lint`. */
  file: string;
  line: number;
}

/** The thread a source URL belongs to: comment anchors, queries and trailing slashes dropped. */
export function threadOf(source: string): string {
  const url = source.trim().split(/\s/)[0] ?? '';
  return url.replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase();
}
