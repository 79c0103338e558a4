import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import { CallerIdConstants, StatusCodes } from 'botframework-schema';
import type { BotIdentity } from '../config';
import { StillStarting, StorageUnavailable } from '../errors';
import type { Locale } from '../domain/locale';
import { localeOf } from '../domain/locale';
import { texts } from '../i18n';
import type { Log } from '../log';

/**
 * Where the channel's token keys are published, when not at Bot Framework's. Given one such
 * setting, botbuilder takes every other as given too (unset ones stay unset, and a token from no
 * issuer is trusted): so the public cloud's values come along with it.
 */
function channelKeysAt(openIdMetadataUrl: string | undefined): ConfigurationBotFrameworkAuthenticationOptions {
  if (!openIdMetadataUrl) return {};
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

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
        ...channelKeysAt(identity.openIdMetadataUrl),
      };
    case 'SingleTenant':
    case 'MultiTenant':
      return {
        MicrosoftAppId: identity.appId,
        MicrosoftAppPassword: identity.password,
        MicrosoftAppType: identity.kind,
        MicrosoftAppTenantId: identity.tenantId,
        ...channelKeysAt(identity.openIdMetadataUrl),
      };
    default: {
      const exhaustive: never = identity;
      return exhaustive;
    }
  }
}

/** Turn-state key under which the Functions invocation id travels to the error handler. */
export const invocationIdKey = Symbol('invocationId');

/**
 * The connector client retries 5xx, 429 and network errors by itself (its pipeline's Retry
 * phase). A caller with its own retry policy (the nudge sender) takes that phase out, so that
 * retries do not multiply and every try is counted and throttled.
 */
function withoutConnectorRetries(auth: ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity: Parameters<typeof createFactory>[0]) => {
    const factory = createFactory(identity);
    return {
      create: async (serviceUrl: string, audience?: string) => {
        const connector = await factory.create(serviceUrl, audience);
        const pipeline = (connector as unknown as { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } }).client?.pipeline;
        if (!pipeline) throw new Error('The connector client has no pipeline: check the botbuilder version before relying on retries being off');
        pipeline.removePolicy({ phase: 'Retry' });
        return connector;
      },
    };
  };
  return auth;
}

/**
 * botbuilder turns a token it cannot verify (a forged signature, a malformed token, one not valid
 * yet: jsonwebtoken's JsonWebTokenError and NotBeforeError) into a 500 that echoes the reason.
 * Those are refusals of the caller, so they become 401 like every other failed check.
 */
function refusingUnverifiedTokens(auth: ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args: Parameters<typeof authenticate>) => {
    try {
      return await authenticate(...args);
    } catch (error) {
      if (error instanceof Error && (error.name === 'JsonWebTokenError' || error.name === 'NotBeforeError')) {
        throw new AuthenticationError(`Unauthorized. The token could not be verified: ${error.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
  };
  return auth;
}

export interface AdapterOptions {
  /** Let the connector client retry failed calls itself (default). Off where the caller retries. */
  readonly connectorRetries?: boolean;
}

export function createAdapter(identity: BotIdentity, log: Log, forcedLocale?: Locale, options: AdapterOptions = {}): CloudAdapter {
  if (identity.kind === 'unauthenticated' && options.connectorRetries !== false) {
    log.warn('bot_unauthenticated', {
      message: 'MicrosoftAppId is not set: requests are not authenticated. Fine for local use, never in production.',
    });
  }
  const auth = refusingUnverifiedTokens(new ConfigurationBotFrameworkAuthentication(authOptions(identity)));
  const adapter = new CloudAdapter(options.connectorRetries === false ? withoutConnectorRetries(auth) : auth);
  adapter.onTurnError = async (context, error) => {
    // A proactive turn (continue or create a conversation) has no user waiting for an answer:
    // the error goes back to the sender, which decides about retries; nobody gets an apology.
    const { type, name } = context.activity;
    if (type === 'event' && (name === 'ContinueConversation' || name === 'CreateConversation')) throw error;
    const t = texts(localeOf(context.activity.locale, forcedLocale)).errors;
    // A pressed card button waits for an invoke response: the text goes there, where Teams shows it
    // on the card; anything else gets it as a message in the chat.
    const tell = (text: string) =>
      type === 'invoke' && name === 'adaptiveCard/action'
        ? context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } } })
        : context.sendActivity(text);
    // Storage that does not answer is an outage, not a bug: the user hears to try again shortly.
    if (error instanceof StorageUnavailable) {
      log.warn('storage_unavailable', { activityId: context.activity.id, activityType: type, error: error.message });
      await tell(t.storageDown);
      return;
    }
    if (error instanceof StillStarting) {
      log.info('turn_while_starting', { activityId: context.activity.id, activityType: type });
      await tell(t.starting);
      return;
    }
    log.error('turn_error', {
      invocationId: context.turnState.get(invocationIdKey),
      activityId: context.activity.id,
      activityType: context.activity.type,
      conversationId: context.activity.conversation?.id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    // The user gets a short apology, never the raw error.
    await tell(t.apology);
  };
  return adapter;
}
