import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { BotIdentity } from '../config';
import type { Locale } from '../domain/locale';
import { localeOf } from '../domain/locale';
import { texts } from '../i18n';
import type { Log } from '../log';

/** The Bot Framework settings for each kind of identity; none at all means no JWT checks. */
function authOptions(identity: BotIdentity): ConfigurationBotFrameworkAuthenticationOptions {
  switch (identity.kind) {
    case 'unauthenticated':
      return {};
    case 'UserAssignedMSI':
      return {
        MicrosoftAppId: identity.appId,
        MicrosoftAppType: identity.kind,
        MicrosoftAppTenantId: identity.tenantId,
        ToBotFromChannelOpenIdMetadataUrl: identity.openIdMetadataUrl,
      };
    case 'SingleTenant':
    case 'MultiTenant':
      return {
        MicrosoftAppId: identity.appId,
        MicrosoftAppPassword: identity.password,
        MicrosoftAppType: identity.kind,
        MicrosoftAppTenantId: identity.tenantId,
        ToBotFromChannelOpenIdMetadataUrl: identity.openIdMetadataUrl,
      };
    default: {
      const exhaustive: never = identity;
      return exhaustive;
    }
  }
}

/** Turn-state key under which the Functions invocation id travels to the error handler. */
export const invocationIdKey = Symbol('invocationId');

export function createAdapter(identity: BotIdentity, log: Log, forcedLocale?: Locale): CloudAdapter {
  if (identity.kind === 'unauthenticated') {
    log.warn('bot_unauthenticated', {
      message: 'MicrosoftAppId is not set: requests are not authenticated. Fine for local use, never in production.',
    });
  }
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(identity)));
  adapter.onTurnError = async (context, error) => {
    log.error('turn_error', {
      invocationId: context.turnState.get(invocationIdKey),
      activityId: context.activity.id,
      activityType: context.activity.type,
      conversationId: context.activity.conversation?.id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    // The user gets a short apology, never the raw error.
    await context.sendActivity(texts(localeOf(context.activity.locale, forcedLocale)).errors.apology);
  };
  return adapter;
}
