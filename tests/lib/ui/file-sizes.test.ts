import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_BYTES, readBackupFile } from '@/lib/ui/backup';
import { MAX_IMPORT_BYTES, readContactsFile } from '@/lib/ui/spreadsheets';

const MB = 1024 * 1024;

/**
 * A file that says it is `size` bytes long and throws if anything reads it: a size check
 * that comes after a read (of a real 60 MB file, which the browser would hold whole) fails
 * with "read" instead of the size message.
 */
function unreadableFile(name: string, size: number): File {
  const f = new File(['{}'], name);
  const read = () => {
    throw new Error('read');
  };
  Object.defineProperty(f, 'size', { value: size });
  for (const m of ['text', 'arrayBuffer', 'stream', 'slice', 'bytes']) Object.defineProperty(f, m, { value: read });
  return f;
}

afterEach(() => vi.restoreAllMocks());

/** Every way FileReader reads, made to throw; the spies say whether any was called. */
function forbidFileReader() {
  return (['readAsText', 'readAsArrayBuffer', 'readAsBinaryString', 'readAsDataURL'] as const).map((m) =>
    vi.spyOn(FileReader.prototype, m).mockImplementation(() => {
      throw new Error('read');
    }),
  );
}

describe('a file over the limit is refused before it is read', () => {
  it('limits fit real books: 50 MB for a backup, 20 MB for a contacts spreadsheet', () => {
    expect(MAX_BACKUP_BYTES).toBe(50 * MB);
    expect(MAX_IMPORT_BYTES).toBe(20 * MB);
  });

  it('a backup over 50 MB', async () => {
    const spies = forbidFileReader();
    await expect(readBackupFile(unreadableFile('huge.json', 50 * MB + 1))).rejects.toThrow(/too large.*50 MB/);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('a contacts file over 20 MB', async () => {
    const spies = forbidFileReader();
    await expect(readContactsFile(unreadableFile('huge.csv', 20 * MB + 1))).rejects.toThrow(/too large.*20 MB/);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('a file under the limit is read (and judged on what it holds)', async () => {
    await expect(readContactsFile(new File(['name,email\nDana,dana@acme.com\n'], 'small.csv'))).resolves.toMatchObject({ format: 'plain' });
  });
});
