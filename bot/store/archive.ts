import type { BlockBlobParallelUploadOptions } from '@azure/storage-blob';
import { RecordDiffers } from '../errors';
import type { Blobs } from './blobs';
import { encodeKey } from './repository';
import { uploadedOnce } from './statuses';

/** What is kept with each archive snapshot (R15): whose account and half-year, who sent it, and its checksum. */
export interface SnapshotMetadata {
  readonly assignmentId: string;
  readonly period: string;
  readonly uploader: string;
  readonly fileName: string;
  readonly sha256: string;
}

/** The container; in Azure it keeps blob versions and has a time-based immutability policy (infra/main.bicep). */
export const archiveContainer = 'archive';

/** What a write-once upload found: nothing (so it wrote), the same bytes, or other bytes (kept; nothing written). */
type WriteOnce = 'written' | 'alreadyThere' | 'differs';

/**
 * What goes to the municipal archive, in the blob container `archive`: the half-year snapshots of
 * accounts' start pages (R15), and the record (akt) of each account that closed (R4). Public
 * records, written once: never over what is there (`If-None-Match: *`). Read only through
 * short-lived signed links (blobs.ts).
 */
export class ArchiveStore {
  constructor(private readonly blobs: Blobs) {}

  /** A snapshot, under a name of its own; other bytes under that name already are a RecordDiffers. */
  async put(name: string, pdf: Buffer, metadata: SnapshotMetadata): Promise<void> {
    // Blob metadata is ASCII: the file name travels URI-encoded.
    const written = await this.writeOnce(name, pdf, {
      blobHTTPHeaders: { blobContentType: 'application/pdf' },
      metadata: { ...metadata, fileName: encodeURIComponent(metadata.fileName) },
    });
    if (written === 'differs') throw new RecordDiffers(archiveContainer, [name]);
  }

  /** The snapshot's metadata, or undefined if there is no such snapshot. */
  async metadata(name: string): Promise<SnapshotMetadata | undefined> {
    const blob = this.blobs.existing(archiveContainer).getBlockBlobClient(name);
    if (!(await blob.exists())) return undefined;
    const m = (await blob.getProperties()).metadata ?? {};
    return { assignmentId: m.assignmentid ?? '', period: m.period ?? '', uploader: m.uploader ?? '', fileName: decodeURIComponent(m.filename ?? ''), sha256: m.sha256 ?? '' };
  }

  /** The PDF, or undefined if there is no such snapshot. */
  async get(name: string): Promise<Buffer | undefined> {
    const blob = this.blobs.existing(archiveContainer).getBlockBlobClient(name);
    return (await blob.exists()) ? blob.downloadToBuffer() : undefined;
  }

  /** A short-lived link to a snapshot, opening as its file name. */
  async link(name: string, fileName: string): Promise<string> {
    return this.blobs.readLink(this.blobs.existing(archiveContainer).getBlobClient(name), fileName);
  }

  /**
   * The record of a closed account, as PDF and JSON (`akt_<id>.pdf`, `.json`), written once. Each
   * upload is one request that either lands whole or not at all, so a failed try leaves no half
   * file. Trying again writes what is missing; the same bytes there already are fine; other bytes
   * there stay as they are, and each such name is in the RecordDiffers thrown after both are tried.
   */
  async putRecord(assignmentId: string, files: RecordFiles): Promise<void> {
    const base = `akt_${encodeKey(assignmentId)}`;
    const differs: string[] = [];
    for (const [name, data, type] of [
      [`${base}.json`, files.json, 'application/json; charset=utf-8'],
      [`${base}.pdf`, files.pdf, 'application/pdf'],
    ] as const) {
      if ((await this.writeOnce(name, data, { blobHTTPHeaders: { blobContentType: type } })) === 'differs') differs.push(name);
    }
    if (differs.length > 0) throw new RecordDiffers(archiveContainer, differs);
  }

  /** The archived record of an assignment, if it closed. */
  async record(assignmentId: string): Promise<RecordFiles | undefined> {
    const archive = this.blobs.existing(archiveContainer);
    const base = `akt_${encodeKey(assignmentId)}`;
    const pdf = archive.getBlockBlobClient(`${base}.pdf`);
    if (!(await pdf.exists())) return undefined;
    return { pdf: await pdf.downloadToBuffer(), json: await archive.getBlockBlobClient(`${base}.json`).downloadToBuffer() };
  }

  /** Uploads only if no blob has the name (the condition is checked by the service, so two writers cannot both write). */
  private async writeOnce(name: string, data: Buffer, options: BlockBlobParallelUploadOptions): Promise<WriteOnce> {
    const blob = (await this.blobs.container(archiveContainer)).getBlockBlobClient(name);
    if (await uploadedOnce(blob.uploadData(data, { ...options, conditions: { ifNoneMatch: '*' } }))) return 'written';
    return (await blob.downloadToBuffer()).equals(data) ? 'alreadyThere' : 'differs';
  }
}

export interface RecordFiles {
  readonly pdf: Buffer;
  readonly json: Buffer;
}
