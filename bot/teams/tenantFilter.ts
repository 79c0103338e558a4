import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Log } from '../log';

/** The tenant an activity comes from, as Teams states it. */
export const tenantOf = (context: TurnContext): string | undefined =>
  context.activity.channelData?.tenant?.id ?? context.activity.conversation?.tenantId;

/**
 * Serves only the configured tenants: an activity from any other tenant is logged and dropped
 * before it reaches the bot (a card button, which waits for an answer, gets 403). With no tenants
 * configured (local use) every tenant is served.
 */
export function tenantFilter(allowedTenantIds: readonly string[], log: Log): Middleware {
  return {
    onTurn: async (context, next) => {
      const tenantId = tenantOf(context)?.toLowerCase();
      if (allowedTenantIds.length > 0 && (!tenantId || !allowedTenantIds.includes(tenantId))) {
        log.warn('tenant_refused', { tenantId, activityId: context.activity.id, activityType: context.activity.type });
        if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
        return;
      }
      await next();
    },
  };
}
