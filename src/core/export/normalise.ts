// How an output is compared between the browser and a workflow run: raw bytes, or after dropping exactly the lines
// that record a program's version, command line or date (@PG, ##bcftools_*Command/Version, stats headers), the
// normalisation of the conformance tests. verify.py in the zip does the same in Python.
import { gunzipSync } from 'fflate';
import { bgzfBlockSize, isGzip } from '../files/gzip';

export type CompareKind = 'bytes' | 'text' | 'bgzf-text' | 'bam' | 'bcf';

export function compareKind(name: string): CompareKind {
  if (/\.(bai|csi|crai|tbi|fai|gzi)$/i.test(name)) return 'bytes';
  if (/\.bam$/i.test(name)) return 'bam';
  if (/\.bcf$/i.test(name)) return 'bcf';
  if (/\.(b?gz)$/i.test(name)) return 'bgzf-text';
  return 'text';
}

const DROP_LINE = [
  /^@PG\t/,
  /^##bcftools(_[\w-]+)?Version=/,
  /^##bcftools(_[\w-]+)?Command=/,
  /^# This file was produced by (samtools|bcftools) stats /,
  /^# The command line was:/,
  /^INFO\tTime required to process one record /,
];

/** Text (as latin1 code units) without the version / command-line / timing lines. */
export function normaliseText(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^# This file was produced by bcftools \(.*\), the command line was:$/.test(lines[i]!)) {
      i += 4; // bcftools gtcheck's block: 5 lines with the working directory
      continue;
    }
    if (!DROP_LINE.some((re) => re.test(lines[i]!))) out.push(lines[i]!);
  }
  return out.join('\n');
}

const latin1 = (bytes: Uint8Array): string => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
};
const fromLatin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Every member of a gzip / BGZF file, decompressed and joined. */
export function gunzipAll(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  while (offset + 18 <= data.length && isGzip(data.subarray(offset))) {
    const size = bgzfBlockSize(data, offset) ?? data.length - offset;
    parts.push(gunzipSync(data.subarray(offset, offset + size)));
    offset += size;
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function normaliseBinaryHeader(raw: Uint8Array, magic: number[]): Uint8Array {
  if (raw.length < magic.length + 4 || magic.some((b, i) => raw[i] !== b)) return raw;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const textLength = view.getUint32(magic.length, true);
  const start = magic.length + 4;
  const text = latin1(raw.subarray(start, start + textLength));
  const nul = text.indexOf('\0');
  const header = fromLatin1(normaliseText(nul >= 0 ? text.slice(0, nul) : text));
  const out = new Uint8Array(start + header.length + raw.length - start - textLength);
  out.set(raw.subarray(0, magic.length));
  new DataView(out.buffer).setUint32(magic.length, header.length, true);
  out.set(header, start);
  out.set(raw.subarray(start + textLength), start + header.length);
  return out;
}

/** The bytes that are compared for an output of this kind. */
export function canonicalBytes(data: Uint8Array, kind: CompareKind): Uint8Array {
  switch (kind) {
    case 'bytes':
      return data;
    case 'text':
      return fromLatin1(normaliseText(latin1(data)));
    case 'bgzf-text':
      return fromLatin1(normaliseText(latin1(gunzipAll(data))));
    case 'bam':
      return normaliseBinaryHeader(gunzipAll(data), [66, 65, 77, 1]);
    case 'bcf':
      return normaliseBinaryHeader(gunzipAll(data), [66, 67, 70, 2, 2]);
  }
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
