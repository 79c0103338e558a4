import type { TestConnector } from './connector';
import type { Card, TeamsClient } from './teamsClient';

/** What Teams counts: the card's JSON in UTF-16. It refuses a message over 40 KB. */
export const teamsBytes = (card: unknown) => JSON.stringify(card).length * 2;
export const teamsCardLimit = 40 * 1024;

export interface Answered {
  /** Who asked and what: `employee "hej"`, `chief approval.refresh`. */
  readonly what: string;
  readonly card: Card;
}

/** Makes `client` keep every card it is answered with in `answered`, labelled with its role and what it said or pressed. */
export function keepingCards(client: TeamsClient, answered: Answered[]): TeamsClient {
  const invoke = client.invoke.bind(client);
  const say = client.say.bind(client);
  client.invoke = async (verb, data) => {
    const card = await invoke(verb, data);
    answered.push({ what: `${client.role} ${verb}`, card });
    return card;
  };
  client.say = async (text) => {
    const card = await say(text);
    answered.push({ what: `${client.role} "${text}"`, card });
    return card;
  };
  return client;
}

/** Every card the connector carried (from its `from`th activity), labelled by whose chat it went to: approvals, nudges, replies. */
export const cardsSent = (connector: TestConnector, from = 0): Answered[] =>
  connector.sent().slice(from).flatMap((activity) =>
    ((activity.attachments as { content: unknown }[] | undefined) ?? []).map((a) => ({
      what: `sent to ${String((activity.conversation as { id?: string } | undefined)?.id ?? '?')}`,
      card: a.content as Card,
    })),
  );
