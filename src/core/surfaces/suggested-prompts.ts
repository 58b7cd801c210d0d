import type { Article } from '../../knowledge/article';

export interface SuggestedPrompt {
  /** Shown on the button. */
  title: string;
  /** Sent as the person's message when they pick it. */
  message: string;
}

/** Slack shows at most four suggested prompts in an assistant thread. */
export const MAX_SUGGESTED_PROMPTS = 4;

/**
 * What a new assistant thread offers. Each message is something the assistant answers usefully
 * as it is: a real error text from the knowledge base, and commands that explain what they need.
 */
export function suggestedPrompts(articles: Iterable<Article>): SuggestedPrompt[] {
  let example: string | undefined;
  for (const a of articles) {
    example = a.signatures[0];
    if (example) break;
  }
  const prompts: SuggestedPrompt[] = [
    { title: 'Paste an error', message: example ?? 'help' },
    { title: 'Check a user', message: 'check user' },
    { title: 'Lint a SAML response', message: 'check saml' },
    { title: 'Open escalations', message: 'escalations' },
  ];
  return prompts.slice(0, MAX_SUGGESTED_PROMPTS);
}
