import type { ActionPayload } from '../commands/action-payload';
import type { Actor, Conversation, Input } from '../input';
import { notice } from '../replies/notice';
import type { Command } from '../commands/parse-command';
import type { ActionId, Reply } from '../replies/reply';
import type { EscalationService } from './escalation-service';

export type EscalationCommand = Extract<Command, { name: 'escalate' | 'escalations' | 'escalation' }>;

const notConfigured = () => notice('Escalations are not set up yet', 'The escalation flow is not configured on this installation.');

/** `escalate [note]`, `escalations`, `escalation claim|resolve|reopen|show <id> [text]`. */
export function runEscalationCommand(service: EscalationService | undefined, command: EscalationCommand, input: Input, prefix: string): Promise<Reply> {
  if (!service) return Promise.resolve(notConfigured());
  switch (command.name) {
    case 'escalate':
      return service.escalate({ actor: input.actor, conversation: input.conversation, note: command.note });
    case 'escalations':
      return service.listOpen(input.actor, input.conversation);
    case 'escalation':
      switch (command.verb) {
        case 'claim':
          return service.claim(command.id, input.actor, input.conversation);
        case 'resolve':
          return service.resolve(command.id, input.actor, command.text, prefix, input.conversation);
        case 'reopen':
          return service.reopen(command.id, input.actor, command.text, input.conversation);
        case 'show':
          return service.show(command.id, input.actor, input.conversation);
      }
  }
}

export interface EscalationActionInput {
  id: Extract<ActionId, 'escalate' | `escalation.${string}`>;
  actor: Actor;
  conversation: Conversation;
}

/**
 * Buttons: Escalate (payload a/h from the answer), Claim / Resolve / Reopen (payload e). Resolve
 * without `r` (the edge did not ask for a resolution in a form) explains the command instead.
 */
export function runEscalationAction(service: EscalationService | undefined, action: EscalationActionInput, payload: ActionPayload, prefix: string): Promise<Reply> {
  if (!service) return Promise.resolve(notConfigured());
  if (action.id === 'escalate') return service.escalate({ actor: action.actor, conversation: action.conversation, payload });
  if (!payload.e) return Promise.resolve(notice('That button has expired', `Use \`${prefix}escalations\` to find the escalation.`));
  switch (action.id) {
    case 'escalation.claim':
      return service.claim(payload.e, action.actor, action.conversation);
    case 'escalation.resolve':
      return service.resolve(payload.e, action.actor, payload.r ?? '', prefix, action.conversation);
    case 'escalation.reopen':
      return service.reopen(payload.e, action.actor, undefined, action.conversation);
    default:
      return Promise.resolve(notice('That button has expired', `Use \`${prefix}escalations\` to find the escalation.`));
  }
}
