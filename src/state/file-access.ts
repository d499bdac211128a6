// Getting a readable Blob for a stored session file (copy, kept handle, or nothing), built on core/files.
import { locationFromStored, openLocation, requestHandleAccess } from '../core/files/file-ref';
import type { StoredFileData } from '../core/storage-port';

export type Availability = 'ready' | 'needs-permission' | 'missing';

/** Reads what storage kept for a file; asks for permission again only when `ask` (it needs a user gesture). */
export async function resolveStoredFile(
  data: StoredFileData,
  name: string,
  ask: boolean,
): Promise<{ availability: Availability; blob?: Blob }> {
  const location = locationFromStored(data);
  if (ask && location.kind === 'handle') await requestHandleAccess(location.handle).catch(() => 'denied');
  const opened = await openLocation(location, name);
  if (opened.ok) return { availability: 'ready', blob: opened.data };
  return { availability: opened.needs === 'permission' ? 'needs-permission' : 'missing' };
}

/** File System Access handles for dropped items, where the browser offers them. Call inside the drop event. */
export async function handlesFromDrop(
  items: DataTransferItemList | undefined,
): Promise<Map<string, FileSystemFileHandle>> {
  const handles = new Map<string, FileSystemFileHandle>();
  if (!items) return handles;
  const pending: Promise<void>[] = [];
  for (const item of [...items]) {
    const withHandle = item as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> };
    if (item.kind !== 'file' || !withHandle.getAsFileSystemHandle) continue;
    pending.push(
      withHandle.getAsFileSystemHandle().then(
        (handle) => {
          if (handle?.kind === 'file') handles.set(handle.name, handle as FileSystemFileHandle);
        },
        () => undefined,
      ),
    );
  }
  await Promise.all(pending);
  return handles;
}

type PickerWindow = Window & {
  showOpenFilePicker?: (options: { multiple: boolean }) => Promise<FileSystemFileHandle[]>;
};

/** Whether the browser can pick files with handles Lokus may keep across reloads (File System Access API). */
export function canPickWithHandles(): boolean {
  return typeof (window as PickerWindow).showOpenFilePicker === 'function';
}

/** Lets the user pick files through the File System Access picker; empty when they cancel. */
export async function pickFilesWithHandles(): Promise<{ files: File[]; handles: Map<string, FileSystemFileHandle> }> {
  const picker = (window as PickerWindow).showOpenFilePicker;
  if (!picker) return { files: [], handles: new Map() };
  let picked: FileSystemFileHandle[];
  try {
    picked = await picker.call(window, { multiple: true });
  } catch {
    return { files: [], handles: new Map() };
  }
  const files = await Promise.all(picked.map((handle) => handle.getFile()));
  return { files, handles: new Map(picked.map((handle) => [handle.name, handle])) };
}
