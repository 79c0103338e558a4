import type { TableClient, TransactionAction } from '@azure/data-tables';
import { eachLimited } from '../eachLimited';

/** Actions one storage transaction may hold, all of one partition (Azure Table storage's limit). */
export const transactionLimit = 100;

/** `actions`, all of one partition, in transactions of up to `transactionLimit`, one after another. */
export async function inTransactions(table: TableClient, actions: readonly TransactionAction[]): Promise<void> {
  for (let i = 0; i < actions.length; i += transactionLimit) await table.submitTransaction(actions.slice(i, i + transactionLimit));
}

/**
 * The actions on `items`, grouped by partition into transactions of up to `transactionLimit` (at most 4
 * at once); `alone` redoes a failed transaction's items one by one (a row already gone fails its whole
 * transaction), else the failure stands.
 */
export async function inBatches<T>(
  table: TableClient,
  items: readonly T[],
  keyOf: (item: T) => { readonly partitionKey: string },
  action: (item: T) => TransactionAction,
  alone?: (item: T) => Promise<unknown>,
): Promise<void> {
  const byPartition = new Map<string, T[]>();
  for (const item of items) {
    const partition = keyOf(item).partitionKey;
    const rows = byPartition.get(partition) ?? [];
    rows.push(item);
    byPartition.set(partition, rows);
  }
  const batches = [...byPartition.values()].flatMap((all) => Array.from({ length: Math.ceil(all.length / transactionLimit) }, (_, i) => all.slice(i * transactionLimit, (i + 1) * transactionLimit)));
  await eachLimited(batches, 4, async (batch) => {
    try {
      await table.submitTransaction(batch.map(action));
    } catch (error) {
      if (!alone) throw error;
      for (const item of batch) await alone(item);
    }
  });
}
