// "Save session as lesson": a session's history becomes a lesson skeleton. Each successful console run is a step
// whose solution is that command, with checks proposed from it (the command itself, and its output or the file
// it wrote); the session's small files become the lesson's data. The teacher then edits the texts.
import { formatJob } from '../tools/job';
import type { Run } from '../session';
import type { Bilingual, Check, Lesson, LessonPackage, LessonStep } from './lesson';
import { LESSON_FORMAT } from './lesson';
import { LIMITS, sha256Hex } from './validate';

export interface SessionForLesson {
  name: string;
  /** Oldest first or newest first: steps are put in the order the runs started. */
  runs: readonly Run[];
  /** The session's opened files with their bytes (files over the size limit are left out and named in `skipped`). */
  files: readonly { name: string; blob: Blob }[];
}

export async function lessonFromSession(session: SessionForLesson): Promise<{ pkg: LessonPackage; skipped: string[] }> {
  const runs = [...session.runs]
    .filter((run) => run.status === 'succeeded' && run.analysisId === undefined)
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  const skipped: string[] = [];
  const data: Record<string, Blob> = {};
  const declared = [];
  let total = 0;
  for (const file of session.files) {
    if (file.blob.size > LIMITS.dataFileBytes || total + file.blob.size > LIMITS.dataTotalBytes) {
      skipped.push(file.name);
      continue;
    }
    total += file.blob.size;
    data[file.name] = file.blob;
    declared.push({
      name: file.name,
      size: file.blob.size,
      sha256: await sha256Hex(file.blob),
      licence: 'State the licence of this file',
      source: 'State where this file comes from',
    });
  }
  const texts: Record<string, string> = {};
  const steps: LessonStep[] = runs.slice(0, LIMITS.steps).map((run, i) => {
    const id = `step-${i + 1}`;
    const command = formatJob({ steps: run.steps, ...(run.stdoutFile ? { stdoutFile: run.stdoutFile } : {}) });
    texts[`steps/${id}.en.md`] = `Run:\n\n    ${command}\n\nDescribe here what the step teaches.\n`;
    texts[`steps/${id}.sv.md`] = `Kör:\n\n    ${command}\n\nBeskriv här vad steget lär ut.\n`;
    return {
      id,
      title: {
        en: `Step ${i + 1}: ${run.steps.map((s) => s.program).join(' | ')}`,
        sv: `Steg ${i + 1}: ${run.steps.map((s) => s.program).join(' | ')}`,
      },
      text: { en: `steps/${id}.en.md`, sv: `steps/${id}.sv.md` },
      hints: [],
      solution: [command],
      checks: proposedChecks(run, command),
    };
  });
  const title: Bilingual = { en: session.name, sv: session.name };
  const lesson: Lesson = {
    format: LESSON_FORMAT,
    id: slug(session.name),
    version: '1',
    title,
    summary: {
      en: `A lesson written from the session "${session.name}".`,
      sv: `En lektion skriven från sessionen "${session.name}".`,
    },
    level: 'beginner',
    minutes: Math.max(5, steps.length * 5),
    tools: [...new Set(runs.flatMap((run) => run.steps.map((s) => s.program)))],
    data: declared,
    steps,
  };
  return { pkg: { lesson, texts, data }, skipped };
}

function proposedChecks(run: Run, command: string): Check[] {
  const first = run.steps[0]!;
  const sub = first.argv[0] && !first.argv[0].startsWith('-') ? first.argv[0] : undefined;
  const checks: Check[] = [{ type: 'command', program: first.program, ...(sub ? { subcommand: sub } : {}) }];
  const written = run.stdoutFile ?? run.outputs.find((output) => !output.removed)?.name;
  if (run.stdoutFile) checks.push({ type: 'file', path: run.stdoutFile, expected: formatJob({ steps: run.steps }) });
  else if (written) checks.push({ type: 'file', path: written });
  else checks.push({ type: 'output', expected: command });
  return checks;
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return /^[a-z0-9]/.test(s) ? s : `lesson-${s || 'from-session'}`.slice(0, 60);
}
