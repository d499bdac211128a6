// Checks a lesson file before anything of it is used: every field, every check's shape, every text it names,
// and (verifyData) the size and sha256 of every data file. Each problem is one sentence saying where and what.
import { parseCommandLine } from '../console/parse-command-line';
import {
  CHECK_TYPES,
  LESSON_FORMAT,
  LEVELS,
  NORMALISATIONS,
  STATE_KINDS,
  type Lesson,
  type LessonPackage,
} from './lesson';

export const LIMITS = {
  dataFileBytes: 8 * 1024 * 1024,
  dataTotalBytes: 24 * 1024 * 1024,
  steps: 40,
  textChars: 20_000,
};

export type Validation = { ok: true; lesson: Lesson } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function validateLesson(value: unknown, texts: Record<string, string>): Validation {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
    return ok;
  };
  const bilingual = (v: unknown, where: string) =>
    need(
      isObj(v) && typeof v.en === 'string' && v.en.trim() !== '' && typeof v.sv === 'string' && v.sv.trim() !== '',
      `${where} needs text in both "en" and "sv".`,
    );
  const command = (line: unknown, where: string) => {
    if (!need(typeof line === 'string', `${where} must be a console line (text).`)) return;
    const parsed = parseCommandLine(line as string);
    need(parsed.kind === 'job', `${where} "${String(line)}" is not a command Lokus can run.`);
  };
  if (!isObj(value)) return { ok: false, problems: ['The lesson file is not a JSON object.'] };
  const l = value;
  need(l.format === LESSON_FORMAT, `"format" must be "${LESSON_FORMAT}" (found ${JSON.stringify(l.format)}).`);
  need(typeof l.id === 'string' && ID.test(l.id), '"id" must be lower-case letters, digits and dashes.');
  need(typeof l.version === 'string' && l.version !== '', '"version" is missing.');
  bilingual(l.title, '"title"');
  bilingual(l.summary, '"summary"');
  need(LEVELS.includes(l.level as never), `"level" must be one of ${LEVELS.join(', ')}.`);
  need(typeof l.minutes === 'number' && l.minutes > 0, '"minutes" must be a positive number.');
  need(Array.isArray(l.tools) && l.tools.every((t) => typeof t === 'string'), '"tools" must list program names.');
  const data = Array.isArray(l.data) ? l.data : [];
  need(Array.isArray(l.data), '"data" must be a list of files.');
  let total = 0;
  data.forEach((d: unknown, i) => {
    const where = `data file ${i + 1}`;
    if (!need(isObj(d), `${where} is not an object.`)) return;
    const f = d as Obj;
    need(typeof f.name === 'string' && FILE_NAME.test(f.name), `${where} needs a plain file name (no folders).`);
    need(typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256), `${where} needs a sha256 (64 hex digits).`);
    need(typeof f.licence === 'string' && f.licence.trim() !== '', `${where} (${String(f.name)}) needs a licence.`);
    need(typeof f.source === 'string' && f.source.trim() !== '', `${where} (${String(f.name)}) needs its source.`);
    const size = typeof f.size === 'number' ? f.size : -1;
    need(size >= 0, `${where} needs its size in bytes.`);
    need(
      size <= LIMITS.dataFileBytes,
      `${String(f.name)} is ${size} bytes; a lesson file may hold at most ${LIMITS.dataFileBytes}.`,
    );
    total += Math.max(0, size);
  });
  need(
    total <= LIMITS.dataTotalBytes,
    `The data adds up to ${total} bytes; at most ${LIMITS.dataTotalBytes} are allowed.`,
  );
  need(l.prepare === undefined || Array.isArray(l.prepare), '"prepare" must be a list of console lines.');
  (Array.isArray(l.prepare) ? l.prepare : []).forEach((line, i) => command(line, `prepare line ${i + 1}`));
  const steps = Array.isArray(l.steps) ? l.steps : [];
  need(steps.length > 0 && steps.length <= LIMITS.steps, `"steps" must hold 1 to ${LIMITS.steps} steps.`);
  const ids = new Set<string>();
  steps.forEach((s: unknown, i) => {
    const where = `step ${i + 1}`;
    if (!need(isObj(s), `${where} is not an object.`)) return;
    const step = s as Obj;
    need(typeof step.id === 'string' && ID.test(step.id) && !ids.has(step.id), `${where} needs an id of its own.`);
    ids.add(String(step.id));
    bilingual(step.title, `${where} "title"`);
    if (bilingual(step.text, `${where} "text"`)) {
      for (const lang of ['en', 'sv'] as const) {
        const path = (step.text as Obj)[lang] as string;
        const text = texts[path];
        need(text !== undefined, `${where}: the text ${path} is missing from the lesson.`);
        need(
          (text ?? '').length <= LIMITS.textChars,
          `${where}: ${path} is longer than ${LIMITS.textChars} characters.`,
        );
      }
    }
    need(Array.isArray(step.hints), `${where} "hints" must be a list (it may be empty).`);
    (Array.isArray(step.hints) ? step.hints : []).forEach((h, j) => bilingual(h, `${where} hint ${j + 1}`));
    need(Array.isArray(step.solution), `${where} "solution" must be a list of console lines.`);
    (Array.isArray(step.solution) ? step.solution : []).forEach((line, j) =>
      need(typeof line === 'string', `${where} solution line ${j + 1} must be text.`),
    );
    const checks = Array.isArray(step.checks) ? step.checks : [];
    need(checks.length > 0, `${where} needs at least one check.`);
    checks.forEach((c: unknown, j) => checkProblems(c, `${where} check ${j + 1}`).forEach((p) => problems.push(p)));
    checks.forEach((c: unknown, j) => {
      if (isObj(c) && (c.type === 'output' || c.type === 'file') && c.expected !== undefined)
        command(c.expected, `${where} check ${j + 1} "expected"`);
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lesson: value as unknown as Lesson };
}

function checkProblems(c: unknown, where: string): string[] {
  if (!isObj(c)) return [`${where} is not an object.`];
  const out: string[] = [];
  const need = (ok: boolean, problem: string) => ok || out.push(problem);
  if (!CHECK_TYPES.includes(c.type as never))
    return [`${where} has the unknown type ${JSON.stringify(c.type)}; known types are ${CHECK_TYPES.join(', ')}.`];
  const norm = c.normalise;
  need(
    norm === undefined || (Array.isArray(norm) && norm.every((n) => NORMALISATIONS.includes(n as never))),
    `${where} "normalise" may only hold ${NORMALISATIONS.join(', ')}.`,
  );
  if (c.type === 'file') {
    need(typeof c.path === 'string' && FILE_NAME.test(c.path), `${where} needs the "path" of the file.`);
    need(
      c.view === undefined || (typeof c.view === 'string' && c.view.includes('{file}')),
      `${where} "view" must contain {file}.`,
    );
  } else if (c.type === 'output') {
    need(typeof c.expected === 'string', `${where} needs the "expected" command.`);
  } else if (c.type === 'command') {
    need(typeof c.program === 'string' && c.program !== '', `${where} needs the "program".`);
    need(c.options === undefined || isObj(c.options), `${where} "options" must map options to values or true.`);
  } else if (c.type === 'answer') {
    const q = c.question;
    need(isObj(q) && typeof q.en === 'string' && typeof q.sv === 'string', `${where} needs a "question" in en and sv.`);
    const num = c.number;
    const numberOk =
      isObj(num) && typeof num.value === 'number' && typeof num.tolerance === 'number' && num.tolerance >= 0;
    const choicesOk =
      Array.isArray(c.choices) && c.choices.length > 1 && c.choices.some((ch) => isObj(ch) && ch.id === c.correct);
    need(
      numberOk !== choicesOk,
      `${where} needs either a "number" {value, tolerance} or "choices" with the "correct" id.`,
    );
  } else {
    need(STATE_KINDS.includes(c.kind as never), `${where} "kind" must be one of ${STATE_KINDS.join(', ')}.`);
    if (c.kind === 'analysis') need(typeof c.analysis === 'string', `${where} needs the "analysis" id.`);
    else need(typeof c.target === 'string', `${where} needs the "target" file.`);
  }
  return out;
}

/** The data a package carries against what its lesson declares: each file present, of its size and sha256. */
export async function verifyData(pkg: LessonPackage): Promise<string[]> {
  const problems: string[] = [];
  for (const file of pkg.lesson.data) {
    const blob = pkg.data[file.name];
    if (!blob) {
      problems.push(`The data file ${file.name} is missing.`);
      continue;
    }
    if (blob.size !== file.size) problems.push(`${file.name} is ${blob.size} bytes, the lesson says ${file.size}.`);
    else if ((await sha256Hex(blob)) !== file.sha256)
      problems.push(`${file.name} does not match its sha256: the file was changed or damaged.`);
  }
  return problems;
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
