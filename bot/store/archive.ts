import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { StorageConfig } from '../config';

/** What is kept with each archive snapshot (R15): whose account and half-year, who sent it, and its checksum. */
export interface SnapshotMetadata {
  readonly assignmentId: string;
  readonly period: string;
  readonly uploader: string;
  readonly fileName: string;
  readonly sha256: string;
}

/** The half-year snapshots of accounts' start pages, as PDFs in the blob container `archive`. */
export class ArchiveStore {
  private readonly container: ContainerClient;
  private created: Promise<unknown> | undefined;

  constructor(storage: StorageConfig) {
    const service =
      typeof storage === 'string'
        ? BlobServiceClient.fromConnectionString(storage)
        : new BlobServiceClient(`https://${storage.accountName}.blob.core.windows.net`, storage.clientId ? new ManagedIdentityCredential({ clientId: storage.clientId }) : new DefaultAzureCredential());
    this.container = service.getContainerClient('archive');
  }

  async put(name: string, pdf: Buffer, metadata: SnapshotMetadata): Promise<void> {
    this.created ??= this.container.createIfNotExists();
    await this.created;
    // Blob metadata is ASCII: the file name travels URI-encoded.
    await this.container.getBlockBlobClient(name).uploadData(pdf, {
      blobHTTPHeaders: { blobContentType: 'application/pdf' },
      metadata: { ...metadata, fileName: encodeURIComponent(metadata.fileName) },
    });
  }

  /** The PDF and its metadata, or undefined if there is no such snapshot. */
  async get(name: string): Promise<{ pdf: Buffer; metadata: SnapshotMetadata } | undefined> {
    const blob = this.container.getBlockBlobClient(name);
    if (!(await blob.exists())) return undefined;
    const pdf = await blob.downloadToBuffer();
    const m = (await blob.getProperties()).metadata ?? {};
    return { pdf, metadata: { assignmentId: m.assignmentid ?? '', period: m.period ?? '', uploader: m.uploader ?? '', fileName: decodeURIComponent(m.filename ?? ''), sha256: m.sha256 ?? '' } };
  }
}
