import { setTimeout as sleep } from 'node:timers/promises';
import { markerPartition } from '../bot/store/assignmentLayout';
import type { Tables } from '../bot/store/tables';

/**
 * Until the host has carried out every effect waiting (no outbox marker left): a timed turn then starts on
 * a host that is not still doing the untimed turns' follow-ups, as the echo bot's never is. Five minutes at the most.
 */
export async function settled(tables: Tables): Promise<void> {
  const markers = tables.client('assignments');
  for (let i = 0; i < 30_000; i++) {
    const { value: [first] = [] } = await markers.listEntities({ queryOptions: { filter: `PartitionKey eq '${markerPartition}'`, select: ['RowKey'] } }).byPage({ maxPageSize: 1 }).next();
    if (!first) return;
    await sleep(10);
  }
  throw new Error('the host did not finish its effects in five minutes');
}
