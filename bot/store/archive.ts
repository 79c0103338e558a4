import type { Blobs } from './blobs';
import { encodeKey } from './repository';

/** What is kept with each archive snapshot (R15): whose account and half-year, who sent it, and its checksum. */
export interface SnapshotMetadata {
  readonly assignmentId: string;
  readonly period: string;
  readonly uploader: string;
  readonly fileName: string;
  readonly sha256: string;
}

const container = 'archive';

/**
 * What goes to the municipal archive, in the blob container `archive`: the half-year snapshots of
 * accounts' start pages (R15), and the record (akt) of each account that closed (R4). Read only
 * through short-lived signed links (blobs.ts).
 */
export class ArchiveStore {
  constructor(private readonly blobs: Blobs) {}

  async put(name: string, pdf: Buffer, metadata: SnapshotMetadata): Promise<void> {
    // Blob metadata is ASCII: the file name travels URI-encoded.
    await (await this.blobs.container(container)).getBlockBlobClient(name).uploadData(pdf, {
      blobHTTPHeaders: { blobContentType: 'application/pdf' },
      metadata: { ...metadata, fileName: encodeURIComponent(metadata.fileName) },
    });
  }

  /** The snapshot's metadata, or undefined if there is no such snapshot. */
  async metadata(name: string): Promise<SnapshotMetadata | undefined> {
    const blob = this.blobs.existing(container).getBlockBlobClient(name);
    if (!(await blob.exists())) return undefined;
    const m = (await blob.getProperties()).metadata ?? {};
    return { assignmentId: m.assignmentid ?? '', period: m.period ?? '', uploader: m.uploader ?? '', fileName: decodeURIComponent(m.filename ?? ''), sha256: m.sha256 ?? '' };
  }

  /** The PDF, or undefined if there is no such snapshot. */
  async get(name: string): Promise<Buffer | undefined> {
    const blob = this.blobs.existing(container).getBlockBlobClient(name);
    return (await blob.exists()) ? blob.downloadToBuffer() : undefined;
  }

  /** A short-lived link to a snapshot, opening as its file name. */
  async link(name: string, fileName: string): Promise<string> {
    return this.blobs.readLink(this.blobs.existing(container).getBlobClient(name), fileName);
  }

  /**
   * The record of a closed account, as PDF and JSON (`akt_<id>.pdf`, `.json`). Each upload is one
   * request that either lands whole or not at all, so a failed try leaves no half file; trying
   * again writes the same names.
   */
  async putRecord(assignmentId: string, files: RecordFiles): Promise<void> {
    const archive = await this.blobs.container(container);
    const base = `akt_${encodeKey(assignmentId)}`;
    await archive.getBlockBlobClient(`${base}.json`).uploadData(files.json, { blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' } });
    await archive.getBlockBlobClient(`${base}.pdf`).uploadData(files.pdf, { blobHTTPHeaders: { blobContentType: 'application/pdf' } });
  }

  /** The archived record of an assignment, if it closed. */
  async record(assignmentId: string): Promise<RecordFiles | undefined> {
    const archive = this.blobs.existing(container);
    const base = `akt_${encodeKey(assignmentId)}`;
    const pdf = archive.getBlockBlobClient(`${base}.pdf`);
    if (!(await pdf.exists())) return undefined;
    return { pdf: await pdf.downloadToBuffer(), json: await archive.getBlockBlobClient(`${base}.json`).downloadToBuffer() };
  }
}

export interface RecordFiles {
  readonly pdf: Buffer;
  readonly json: Buffer;
}
