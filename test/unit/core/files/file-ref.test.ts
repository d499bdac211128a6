import { describe, expect, it } from 'vitest';
import { locationFromStored, openLocation, queryHandleAccess } from '../../../../src/core/files/file-ref';

function fakeHandle(permission: PermissionState | undefined, file: () => Promise<File>): FileSystemFileHandle {
  const handle: Record<string, unknown> = { kind: 'file', name: 'x.bam', getFile: file };
  if (permission) handle.queryPermission = async () => permission;
  return handle as unknown as FileSystemFileHandle;
}

const aFile = async () => new File(['BAM'], 'x.bam');

describe('locationFromStored', () => {
  it.each([
    [{ handle: fakeHandle('granted', aFile), blob: new Blob(['x']) }, 'handle'],
    [{ blob: new Blob(['x']) }, 'blob'],
    [{}, 'missing'],
  ])('%# -> %s', (stored, kind) => {
    expect(locationFromStored(stored).kind).toBe(kind);
  });
});

describe('openLocation', () => {
  it('reads a handle that still has permission', async () => {
    const result = await openLocation({ kind: 'handle', handle: fakeHandle('granted', aFile) }, 'x.bam');
    expect(result.ok && (await result.data.text())).toBe('BAM');
  });

  it.each([
    ['prompt', aFile, 'permission'],
    ['denied', aFile, 'repick'],
    ['granted', () => Promise.reject(new DOMException('gone', 'NotFoundError')), 'repick'],
  ] as const)('a handle with permission %s (or a file that is gone) needs %s', async (permission, file, needs) => {
    const result = await openLocation({ kind: 'handle', handle: fakeHandle(permission, file) }, 'x.bam');
    expect(result).toMatchObject({ ok: false, needs });
  });

  it('asks to pick a file that was not kept', async () => {
    expect(await openLocation({ kind: 'missing' }, 'big.bam')).toEqual({
      ok: false,
      needs: 'repick',
      reason: 'big.bam was not kept in the browser; pick it again.',
    });
  });

  it('treats a handle without permission methods as readable', async () => {
    expect(await queryHandleAccess(fakeHandle(undefined, aFile))).toBe('granted');
  });
});
