/**
 * Reads a process reuses for a while (the directory's entries and lists, people's conversation
 * references): each key's pending or settled read is kept for `ttlMs`, so concurrent and repeated
 * callers share one request. A read that fails is not kept. What the process itself writes should
 * `forget` the key (or `clear` all); another instance's writes are seen within `ttlMs`.
 */
export class RecentReads {
  private readonly entries = new Map<string, { readonly until: number; readonly value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    /** Past this many keys, expired ones are dropped: a run over thousands of people keeps only a window of them. */
    private readonly maxKeys = 10_000,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value as Promise<T>;
    const value = load();
    value.catch(() => this.entries.delete(key));
    this.entries.set(key, { until: now + this.ttlMs, value });
    if (this.entries.size > this.maxKeys) for (const [k, v] of this.entries) if (v.until <= now) this.entries.delete(k);
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
