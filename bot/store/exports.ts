import { randomUUID } from 'node:crypto';
import type { Blobs } from './blobs';
import { encodeKey } from './repository';

/** The container of files made for one person to download; a lifecycle rule deletes them after a day (infra/main.bicep). */
export const exportsContainer = 'exports';

export interface ExportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * Files made for someone to download (an assignment's record, a person's own data), each under a
 * new random name and reached only by a short-lived signed link. An upload lands whole or not at
 * all: a failed one leaves nothing to find, and asking again makes new files.
 */
export class Exports {
  constructor(private readonly blobs: Blobs) {}

  /** Stores the files under `owner` and returns a link to each, in the same order. */
  async put(owner: string, files: readonly ExportFile[], now: Date): Promise<string[]> {
    const container = await this.blobs.container(exportsContainer);
    const folder = `${encodeKey(owner)}/${now.toISOString().replace(/[:.]/g, '')}-${randomUUID()}`;
    return Promise.all(
      files.map(async (file) => {
        const blob = container.getBlockBlobClient(`${folder}/${file.fileName.replace(/[/\\]/g, '_')}`);
        await blob.uploadData(file.body, { blobHTTPHeaders: { blobContentType: file.contentType } });
        return this.blobs.readLink(blob, file.fileName);
      }),
    );
  }
}
