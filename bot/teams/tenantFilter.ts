import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Log } from '../log';

/** The tenant an activity comes from, as Teams states it. */
export const tenantOf = (context: TurnContext): string | undefined =>
  context.activity.channelData?.tenant?.id ?? context.activity.conversation?.tenantId;

/**
 * Serves only the configured tenants: an activity from any other tenant, or from none, is logged
 * and dropped before it reaches the bot (a card button, which waits for an answer, gets 403).
 * Every tenant is served only with `any` (local use without a bot identity); an empty list serves nobody.
 */
export function tenantFilter(allowedTenantIds: Config['allowedTenantIds'], log: Log): Middleware {
  return {
    onTurn: async (context, next) => {
      const tenantId = tenantOf(context)?.toLowerCase();
      if (allowedTenantIds !== 'any' && (!tenantId || !allowedTenantIds.includes(tenantId))) {
        log.warn('tenant_refused', { tenantId, activityId: context.activity.id, activityType: context.activity.type });
        if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
        return;
      }
      await next();
    },
  };
}
