import type { Activity } from '@microsoft/agents-activity';
import { isActionId, type ActionId } from '../core/replies/reply';

export type Submit = { ok: true; id: ActionId; value: string } | { ok: false; problem: string };

function fromData(data: unknown): Submit {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: 'the button sent no data' };
  const d = data as Record<string, unknown>;
  if (!isActionId(d.action)) return { ok: false, problem: 'the button is not one of ours (unknown action)' };
  if (typeof d.value !== 'string') return { ok: false, problem: 'the button sent no value' };
  return { ok: true, id: d.action, value: d.value };
}

/**
 * A card button press, as Teams really sends it. Action.Submit arrives as a message activity
 * with no text and `value` = the button's data plus extra fields (`msteams`, input values), which
 * the SDK's own submit route rejects; Action.Execute arrives as an `adaptiveCard/action` invoke
 * with the data under `value.action.data`. Both are read here; extra fields are ignored.
 */
export function readSubmit(activity: Activity): Submit | undefined {
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const value = activity.value as { action?: { data?: unknown } } | undefined;
    return fromData(value?.action?.data);
  }
  if (activity.type === 'message' && !activity.text?.trim() && activity.value !== undefined) return fromData(activity.value);
  return undefined;
}
