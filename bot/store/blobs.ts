import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential, type BlobClient, type ContainerClient, type UserDelegationKey } from '@azure/storage-blob';
import type { StorageConfig } from '../config';
import { azureCredential } from '../identity';

/** How long a link to a record is good for (issue: short-lived, never everlasting). */
export const linkMinutes = 15;

/**
 * Kanalkoll's blob containers, and short-lived read links to what they hold: a service SAS signed
 * with the account key (Azurite, a connection string), or a user delegation SAS signed with a key
 * the managed identity asks for (Azure: the account has no shared keys). Never a public URL.
 */
export class Blobs {
  private readonly service: BlobServiceClient;
  private readonly created = new Map<string, Promise<unknown>>();
  private delegation: { key: Promise<UserDelegationKey>; until: number } | undefined;

  constructor(storage: StorageConfig) {
    this.service =
      typeof storage === 'string'
        ? BlobServiceClient.fromConnectionString(storage)
        : new BlobServiceClient(`https://${storage.accountName}.blob.core.windows.net`, azureCredential(storage.clientId));
  }

  /** The container to read from: never created by a read (a missing one holds nothing). */
  existing(name: string): ContainerClient {
    return this.service.getContainerClient(name);
  }

  /** The container to write to, created the first time it is asked for. */
  async container(name: string): Promise<ContainerClient> {
    const container = this.service.getContainerClient(name);
    let created = this.created.get(name);
    if (!created) {
      created = container.createIfNotExists().catch((error: unknown) => {
        this.created.delete(name);
        throw error;
      });
      this.created.set(name, created);
    }
    await created;
    return container;
  }

  /**
   * A read link to the blob, good for `linkMinutes`, that opens it as `fileName`. Signed on the wall
   * clock, not the app's: the storage service checks it against real time (and `npm run tick` moves
   * the app's clock).
   */
  async readLink(blob: BlobClient, fileName: string): Promise<string> {
    const now = new Date();
    const startsOn = new Date(now.getTime() - 5 * 60_000);
    const expiresOn = new Date(now.getTime() + linkMinutes * 60_000);
    const options = {
      permissions: BlobSASPermissions.parse('r'),
      startsOn,
      expiresOn,
      // The name as ASCII for old clients, and as written (RFC 5987) for the rest.
      contentDisposition: `inline; filename="${fileName.replace(/[^\w. -]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    };
    if (this.service.credential instanceof StorageSharedKeyCredential) return blob.generateSasUrl(options);
    return blob.generateUserDelegationSasUrl(options, await this.delegationKey(now));
  }

  /** A user delegation key, asked for once an hour and good for two (the longest link ends well inside it). */
  private delegationKey(now: Date): Promise<UserDelegationKey> {
    if (!this.delegation || this.delegation.until < now.getTime() + linkMinutes * 60_000) {
      const startsOn = new Date(now.getTime() - 5 * 60_000);
      const until = now.getTime() + 2 * 60 * 60_000;
      const key = this.service.getUserDelegationKey(startsOn, new Date(until)).catch((error: unknown) => {
        this.delegation = undefined;
        throw error;
      });
      this.delegation = { key, until };
    }
    return this.delegation.key;
  }
}
