import type { Blobs } from './blobs';
import { exportsContainer } from './exports';
import { encodeKey } from './repository';

/** A PDF someone sent in the chat, kept until they say which account and half-year it is for. */
export interface HeldUpload {
  readonly pdf: Buffer;
  readonly fileName: string;
  readonly sha256: string;
}

/**
 * R15: a snapshot sent by an owner of several accounts waits here, under the sender and a random key,
 * until they choose its account on the card: only then does it go to the write-once archive, with the
 * account and half-year it is for. It is kept in the `exports` container, whose lifecycle rule deletes
 * it after a day (infra/main.bicep): a file nobody chose an account for is no record and is not kept.
 * The card carries the key alone, never the file.
 */
export class HeldUploads {
  constructor(private readonly blobs: Blobs) {}

  private name(uploader: string, key: string): string {
    return `held/${encodeKey(uploader)}/${key}.pdf`;
  }

  async keep(uploader: string, key: string, upload: HeldUpload): Promise<void> {
    const blob = (await this.blobs.container(exportsContainer)).getBlockBlobClient(this.name(uploader, key));
    // Blob metadata is ASCII: the file name travels URI-encoded.
    await blob.uploadData(upload.pdf, { blobHTTPHeaders: { blobContentType: 'application/pdf' }, metadata: { fileName: encodeURIComponent(upload.fileName), sha256: upload.sha256 } });
  }

  /** The file `uploader` sent under `key`; undefined if there is none (another's, taken, or gone after a day). */
  async get(uploader: string, key: string): Promise<HeldUpload | undefined> {
    const blob = this.blobs.existing(exportsContainer).getBlockBlobClient(this.name(uploader, key));
    if (!(await blob.exists())) return undefined;
    const [pdf, properties] = await Promise.all([blob.downloadToBuffer(), blob.getProperties()]);
    const m = properties.metadata ?? {};
    return { pdf, fileName: decodeURIComponent(m.filename ?? ''), sha256: m.sha256 ?? '' };
  }

  /** Once in the archive, the held copy goes: the same file cannot be booked to a second account. */
  async drop(uploader: string, key: string): Promise<void> {
    await this.blobs.existing(exportsContainer).getBlockBlobClient(this.name(uploader, key)).deleteIfExists();
  }
}
