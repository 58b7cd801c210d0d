import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';

/** Answers an invoke: the adapter turns this activity into the HTTP response Teams waits for. */
export async function invokeResponse(ctx: TurnContext, body: unknown, status = 200): Promise<void> {
  await ctx.sendActivity(Activity.fromObject({ type: 'invokeResponse', value: { status, body } }));
}
