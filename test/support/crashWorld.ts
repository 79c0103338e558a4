import { InvocationContext } from '@azure/functions';
import { QueueClient } from '@azure/storage-queue';
import type { Kanalkoll } from '../../bot/app';
import type { Command, PersonRef } from '../../bot/domain/assignment';
import { DirectoryStore } from '../../bot/store/directory';
import { connectTables, type Tables } from '../../bot/store/tables';
import { startAzurite, type Azurite } from '../../dev/azurite';
import { directory, users, type Role } from '../../dev/roles';
import { runEffectsWith } from '../../functions/runEffects';
import { startConnector, type TestConnector } from './connector';

/**
 * What the crash-injection tests share (R4: a process that stops loses nothing): their storage with
 * the seeded directory and a Bot Connector stand-in, Elin's plan and the commands that bring it to
 * sent or approved, and the effects queue's function run until the queue is empty.
 */

export const person = (role: Role): PersonRef => ({ aadObjectId: users[role].aadObjectId, name: users[role].name });
export const approvers = { chief: users.chief.aadObjectId, communicator: users.communicator.aadObjectId, commsChief: users.commschief.aadObjectId };

/** Elin's plan for an Instagram account in Kultur och fritid, starting `startDate`. */
export const planDraft = (accountName: string, startDate: string) => ({
  kind: 'account' as const,
  who: { kind: 'account', departmentId: 'kultur-fritid', chiefAadObjectId: users.chief.aadObjectId },
  channel: { platform: 'Instagram', accountName, accountUrl: `https://www.instagram.com/${accountName.replace(/[^a-z]/gi, '').toLowerCase()}`, startDate },
  purpose: { purpose: 'Berätta om kvällens aktiviteter.', audience: 'Unga 13–17 år', goals: ['200 följare inom ett halvår'], complement: 'Programmet finns på botkyrka.se.', sourceUrl: 'https://www.botkyrka.se/fritidsgardar' },
  // Aida is an admin and the plan's substitute.
  administration: { admins: [users.employee.aadObjectId, users.admin.aadObjectId], loginStorage: 'Kommunens lösenordshanterare', substitute: users.admin.aadObjectId },
  commitments: { knowsMedium: true, hasTime: true, knowsGuidelines: true, linksToSource: true, communicatorHasLogin: true, answersWithin48h: true, removesPostsWithin48h: true, publishesModerationNotice: true, followsGraphicProfile: true, followsLegalTerms: true },
});
export type PlanDraft = ReturnType<typeof planDraft>;

export const planChoices = { applicantAadObjectId: users.employee.aadObjectId, departmentIds: directory.departments.map((d) => d.id), chief: users.chief.aadObjectId, platforms: ['Instagram'], people: new Map(directory.people.map((p) => [p.aadObjectId, p])) };

/** The commands that bring the plan `id` to started, sent to the chief, and approved by all three, at `now` (ISO). */
export function planCommands(id: string, draft: PlanDraft, now: string) {
  const meta = (role: Role) => ({ actor: person(role), now });
  const decision = (role: Role, step: 'chief' | 'communicator' | 'commschief') => ({ ...meta(role), version: 1, step, approvers });
  const started: Command[] = [{ type: 'StartPlan', meta: meta('employee'), id, draft }];
  const submitted: Command[] = [...started, { type: 'SubmitPlan', meta: { ...meta('employee'), revision: 1 }, choices: planChoices }];
  const active: Command[] = [
    ...submitted,
    { type: 'ApprovePlan', meta: decision('chief', 'chief') },
    { type: 'ApprovePlan', meta: decision('communicator', 'communicator') },
    { type: 'ApprovePlan', meta: decision('commschief', 'commschief') },
  ];
  return { started, submitted, active };
}

export interface CrashStorage {
  readonly azurite: Azurite;
  readonly storage: string;
  readonly tables: Tables;
  readonly connector: TestConnector;
  close(): Promise<void>;
}

/** Azurite on free ports with every table and the seeded directory, and a Bot Connector stand-in. */
export async function startCrashStorage(): Promise<CrashStorage> {
  const azurite = await startAzurite({ ports: { table: 0, queue: 0, blob: 0 } });
  const storage = azurite.connectionString;
  const tables = connectTables(storage);
  await tables.ensureCreated();
  await new DirectoryStore(tables).load(directory);
  const connector = await startConnector();
  return {
    azurite,
    storage,
    tables,
    connector,
    close: async () => {
      await connector.close();
      await azurite.stop();
    },
  };
}

/** The effects queue's function on `on`, until the queue is empty. */
export async function drainEffects(storage: string, on: Kanalkoll): Promise<void> {
  const queue = new QueueClient(storage, 'effects');
  const run = runEffectsWith(on);
  for (;;) {
    const { receivedMessageItems: [message] } = await queue.receiveMessages({ numberOfMessages: 1 });
    if (!message) return;
    await run(JSON.parse(Buffer.from(message.messageText, 'base64').toString('utf8')), new InvocationContext());
    await queue.deleteMessage(message.messageId, message.popReceipt);
  }
}
