import { isActionId, type ActionId } from '../core/replies/reply';
import { ACTION_ID_SUFFIX, NATIVE_FEEDBACK_ACTION_ID } from './render-blocks';

/** A click on one of our elements, as the core's action id and the payload it carried. */
export interface ClickedAction {
  id: ActionId;
  value: string;
  /** The click came from Slack's native feedback buttons. */
  native: boolean;
}

/**
 * Our buttons carry the ActionId as `action_id`; the native feedback element carries one
 * action_id for both thumbs and names the action in its value (`feedback.helpful|<payload>`).
 * Anything else (another app's element, a tampered value) is undefined.
 */
export function readBlockAction(action: { type: string; action_id: string; value?: string }): ClickedAction | undefined {
  // Several buttons of one kind in a block ("Which one?") carry unique ids: "clarify.choose#2".
  const id = action.action_id.split(ACTION_ID_SUFFIX)[0];
  if (action.type === 'button' && isActionId(id)) return { id, value: action.value ?? '', native: false };
  if (action.type !== 'feedback_buttons' || action.action_id !== NATIVE_FEEDBACK_ACTION_ID || !action.value) return undefined;
  const bar = action.value.indexOf('|');
  const feedback = action.value.slice(0, bar);
  if (bar < 0 || (feedback !== 'feedback.helpful' && feedback !== 'feedback.not_helpful')) return undefined;
  return { id: feedback, value: action.value.slice(bar + 1), native: true };
}
