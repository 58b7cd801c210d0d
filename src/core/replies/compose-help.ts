import { liveCheckUsages } from '../checks/live-check-registry';
import type { Reply } from './reply';
import { SAML_PASTE_WARNING } from './saml-paste-warning';

export interface CommandHelp {
  usage: string;
  summary: string;
}

/** Every command (the live checks from their registry), as typed after `/idc` (Slack), after a mention, or on its own in Teams and the console. */
export const COMMANDS: readonly CommandHelp[] = [
  { usage: 'help', summary: 'this list' },
  { usage: 'ask <error or question>', summary: 'find the documented problem and its fix' },
  ...liveCheckUsages(),
  { usage: 'check saml', summary: 'lint a SAML response pasted after the command or attached (a live one only in a direct message)' },
  { usage: 'check scim', summary: 'lint a SCIM user payload or PATCH body pasted after the command' },
  { usage: 'escalate [note]', summary: 'hand this thread to the support team with everything I know' },
  { usage: 'escalations', summary: 'open escalations, oldest first' },
  { usage: 'escalation claim|resolve|reopen|show <ESC-id> [text]', summary: 'work an escalation (resolve needs a short resolution; start it with `kb <article-id>` or `no-article` to say what fixed it)' },
  { usage: 'kb <article-id>', summary: 'show a knowledge base article (kb alone lists them)' },
];

/** The command words alone (`check saml`, `trail`…): knowledge articles may name them without a source. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.usage.split(/[<[]/)[0]!.trim());

export function composeHelp(prefix: string, problem?: string): Reply {
  const lines = COMMANDS.map((c) => `- \`${prefix}${c.usage}\`: ${c.summary}`);
  const intro = `Paste an IAM Identity Center error, a CloudTrail event or a SAML response, or describe what users see, and I answer with the cause and the fix. ${SAML_PASTE_WARNING}`;
  return {
    kind: 'help',
    text: [problem ? `${problem}.` : '', intro, ...COMMANDS.map((c) => `${prefix}${c.usage}: ${c.summary}`)].filter(Boolean).join('\n'),
    blocks: [
      ...(problem ? [{ type: 'text' as const, text: `${problem}. Here is what I can do:` }] : []),
      { type: 'heading', text: 'IAM Identity Center assistant' },
      { type: 'markdown', text: intro },
      { type: 'markdown', text: lines.join('\n') },
    ],
    visibility: 'private',
  };
}
