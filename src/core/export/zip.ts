// The workflow export as one zip, under a folder of its own: run.sh and verify.py executable (Unix attributes),
// everything else plain files. fflate's sync API: the files are small (text, and stdin assets).
import { strToU8, zipSync, type Zippable } from 'fflate';

const EXECUTABLE = new Set(['run.sh', 'verify.py']);

/** "Alignment QC: ex1.bam" -> "lokus-workflow-alignment-qc-ex1-bam" (letters, digits and dashes, short). */
export function exportFolder(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `lokus-workflow${slug ? `-${slug}` : ''}`;
}

export function zipWorkflow(
  folder: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  at: Date,
): Uint8Array {
  const entries: Zippable = {};
  for (const [path, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? strToU8(content) : content;
    entries[`${folder}/${path}`] = [
      data,
      { mtime: at, os: 3, attrs: ((EXECUTABLE.has(path) ? 0o100755 : 0o100644) << 16) >>> 0 },
    ];
  }
  return zipSync(entries, { level: 6 });
}
