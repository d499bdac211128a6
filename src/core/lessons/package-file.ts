// A lesson as one file to share: the lesson, its texts and its data (base64) in one JSON document. Reading one back
// validates everything (schema, texts, sizes, sha256) and refuses a broken file with every problem named.
import type { Lesson, LessonPackage } from './lesson';
import { LIMITS, validateLesson, verifyData } from './validate';

export const PACKAGE_FORMAT = 'lokus-lesson-package/1';
/** The file as a whole: data as base64 (4/3 of its size) plus texts. */
const MAX_FILE_CHARS = Math.ceil((LIMITS.dataTotalBytes * 4) / 3) + 2_000_000;

export type Unpacked = { ok: true; pkg: LessonPackage } | { ok: false; problems: string[] };

export async function packLesson(pkg: LessonPackage): Promise<string> {
  const data: Record<string, string> = {};
  for (const [name, blob] of Object.entries(pkg.data)) data[name] = toBase64(new Uint8Array(await blob.arrayBuffer()));
  return JSON.stringify({ format: PACKAGE_FORMAT, lesson: pkg.lesson, texts: pkg.texts, data }, null, 1);
}

export async function unpackLesson(text: string): Promise<Unpacked> {
  if (text.length > MAX_FILE_CHARS)
    return {
      ok: false,
      problems: [`The file is ${text.length} characters; a lesson file may hold at most ${MAX_FILE_CHARS}.`],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['The file is not a Lokus lesson: it is not JSON.'] };
  }
  const doc = value as { format?: unknown; lesson?: unknown; texts?: unknown; data?: unknown };
  if (typeof value !== 'object' || value === null || doc.format !== PACKAGE_FORMAT)
    return { ok: false, problems: [`The file is not a Lokus lesson (its "format" is not "${PACKAGE_FORMAT}").`] };
  const texts = stringRecord(doc.texts);
  const encoded = stringRecord(doc.data);
  if (!texts || !encoded) return { ok: false, problems: ['The file\'s "texts" and "data" must map names to text.'] };
  const checked = validateLesson(doc.lesson, texts);
  if (!checked.ok) return checked;
  const data: Record<string, Blob> = {};
  for (const [name, base64] of Object.entries(encoded)) {
    const bytes = fromBase64(base64);
    if (!bytes) return { ok: false, problems: [`The data file ${name} is not valid base64.`] };
    data[name] = new Blob([bytes]);
  }
  const pkg: LessonPackage = { lesson: checked.lesson as Lesson, texts, data };
  const problems = await verifyData(pkg);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pkg };
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.values(value).every((v) => typeof v === 'string') ? (value as Record<string, string>) : undefined;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
