// Tool files are checked before they run: the sha256 of the bytes fetched must be the one wasm/tools.json records,
// so what a run's provenance names is what executed (a stale offline copy or a changed file is refused).

/** Name carried across the worker boundary (comlink keeps an Error's name), mapped to advice in core/tools. */
export const INTEGRITY_ERROR = 'ToolIntegrityError';

export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Fetches a tool file and returns its bytes, or throws an INTEGRITY_ERROR when they are not the recorded build. */
export async function fetchVerified(url: string, expectedSha256: string, program: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  await verifyToolBytes(bytes, expectedSha256, program, url);
  return bytes;
}

export async function verifyToolBytes(
  bytes: ArrayBuffer,
  expectedSha256: string,
  program: string,
  url: string,
): Promise<void> {
  const file = new URL(url).pathname.split('/').pop() ?? url;
  const expected = expectedSha256.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(expected)) {
    throw integrityError(`${program}: ${file} has no recorded sha256 in wasm/tools.json, so it is not run`);
  }
  const got = await sha256Hex(bytes);
  if (got !== expected) {
    throw integrityError(
      `${program}: ${file} is not the build wasm/tools.json records (sha256 expected ${expected}, got ${got})`,
    );
  }
}

function integrityError(message: string): Error {
  const error = new Error(message);
  error.name = INTEGRITY_ERROR;
  return error;
}

/** The URL a tool file is served under: its content hash in the query, so a rebuild never reuses a cached copy. */
export function versionedUrl(url: string, sha256: string | undefined): string {
  return sha256 ? `${url}?sha=${sha256.slice(0, 8)}` : url;
}
