// Getting a readable Blob for a stored session file: a copy, a kept handle (asking permission again), or nothing.
import type { StoredFileData } from '../core/storage-port';

export type Availability = 'ready' | 'needs-permission' | 'missing';

interface PermissionedHandle extends FileSystemFileHandle {
  queryPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
}

/** Reads what storage kept for a file; asks for permission only when `ask` (it needs a user gesture). */
export async function resolveStoredFile(data: StoredFileData, ask: boolean): Promise<{ availability: Availability; blob?: Blob }> {
  if (data.blob) return { availability: 'ready', blob: data.blob };
  const handle = data.handle as PermissionedHandle | undefined;
  if (!handle) return { availability: 'missing' };
  try {
    let permission = (await handle.queryPermission?.({ mode: 'read' })) ?? 'granted';
    if (permission !== 'granted' && ask) permission = (await handle.requestPermission?.({ mode: 'read' })) ?? 'denied';
    if (permission !== 'granted') return { availability: 'needs-permission' };
    return { availability: 'ready', blob: await handle.getFile() };
  } catch {
    return { availability: 'missing' };
  }
}

/** File System Access handles for dropped items, where the browser offers them. */
export async function handlesFromDrop(items: DataTransferItemList | undefined): Promise<Map<string, FileSystemFileHandle>> {
  const handles = new Map<string, FileSystemFileHandle>();
  if (!items) return handles;
  const pending: Promise<void>[] = [];
  for (const item of [...items]) {
    const withHandle = item as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> };
    if (item.kind !== 'file' || !withHandle.getAsFileSystemHandle) continue;
    pending.push(
      withHandle.getAsFileSystemHandle().then((handle) => {
        if (handle?.kind === 'file') handles.set(handle.name, handle as FileSystemFileHandle);
      }, () => undefined),
    );
  }
  await Promise.all(pending);
  return handles;
}
