import { isActionId, type ActionId } from '../core/reply';
import { NATIVE_FEEDBACK_ACTION_ID } from './render-blocks';

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
  if (action.type === 'button' && isActionId(action.action_id)) return { id: action.action_id, value: action.value ?? '', native: false };
  if (action.type !== 'feedback_buttons' || action.action_id !== NATIVE_FEEDBACK_ACTION_ID || !action.value) return undefined;
  const bar = action.value.indexOf('|');
  const id = action.value.slice(0, bar);
  if (bar < 0 || (id !== 'feedback.helpful' && id !== 'feedback.not_helpful')) return undefined;
  return { id, value: action.value.slice(bar + 1), native: true };
}
