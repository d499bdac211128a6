// A file's fingerprint: enough to recognise the same file again after a reload without reading all of it.
// sha256 over the first 64 KB, the last 64 KB (not overlapping the first) and the size as decimal text.

export const FINGERPRINT_EDGE_BYTES = 64 * 1024;

export async function fingerprintBlob(blob: Blob): Promise<string> {
  const headEnd = Math.min(blob.size, FINGERPRINT_EDGE_BYTES);
  const tailStart = Math.max(headEnd, blob.size - FINGERPRINT_EDGE_BYTES);
  const parts = await Promise.all([blob.slice(0, headEnd).arrayBuffer(), blob.slice(tailStart).arrayBuffer()]);
  const size = new TextEncoder().encode(String(blob.size));
  const all = new Uint8Array(parts[0].byteLength + parts[1].byteLength + size.length);
  all.set(new Uint8Array(parts[0]), 0);
  all.set(new Uint8Array(parts[1]), parts[0].byteLength);
  all.set(size, parts[0].byteLength + parts[1].byteLength);
  return toHex(await crypto.subtle.digest('SHA-256', all));
}

export function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
