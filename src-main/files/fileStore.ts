import { randomBytes } from 'node:crypto';

export interface StoredFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

export interface FileRef {
  fileId: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/**
 * Files cross as files, never as paths: a generated document waits here under an unguessable id
 * until the shell hands it over (browser download or desktop save dialog), and an uploaded import
 * waits until the call that reads it takes it. Entries expire so memory stays bounded.
 */
export class FileStore {
  private readonly entries = new Map<string, StoredFile & { expiresAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 30 * 60_000,
  ) {}

  put(file: StoredFile): FileRef {
    this.sweep();
    const fileId = randomBytes(18).toString('base64url');
    this.entries.set(fileId, { ...file, expiresAt: this.now() + this.ttlMs });
    return { fileId, fileName: file.name, mimeType: file.mimeType, size: file.data.length };
  }

  get(fileId: string): StoredFile | undefined {
    this.sweep();
    return this.entries.get(fileId);
  }

  /** Reads and forgets: an upload is imported once. */
  take(fileId: string): StoredFile | undefined {
    const file = this.get(fileId);
    this.entries.delete(fileId);
    return file;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
