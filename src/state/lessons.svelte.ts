// The lesson a learner takes in the open session: which lesson, the step shown, answers typed, check results,
// hints and solutions shown. Saved with the session (storage port) on every change, so it survives a reload.
import type { Run } from '../core/session';
import type { SessionStore } from '../core/storage-port';
import type { ToolEngine } from '../core/tools/engine';
import type { JobSpec } from '../core/tools/job';
import { jobOf, runCheck, type CheckContext, type CheckResult, type ToolOutcome } from '../core/lessons/checks';
import type { Lesson, LessonPackage } from '../core/lessons/lesson';
import { packLesson, unpackLesson } from '../core/lessons/package-file';
import { lessonFromSession } from '../core/lessons/from-session';
import { verifyData } from '../core/lessons/validate';

/** A bundled lesson: its file and texts at hand, its data fetched when it starts. */
export interface LessonSource {
  lesson: Lesson;
  texts: Record<string, string>;
  loadData(): Promise<Record<string, Blob>>;
}

export interface LessonSession {
  /** The session whose files and runs are loaded, if any. */
  sessionId(): string | undefined;
  sessionName(): string;
  runs(): readonly Run[];
  openFiles(files: File[]): Promise<void>;
  /** The session's opened files with their bytes, where this page can read them. */
  files(): { name: string; blob: Blob | undefined }[];
  engine: ToolEngine;
  report(error: unknown, what: string): void;
}

export interface StepProgress {
  passed: boolean;
  revealed: boolean;
  hintsShown: number;
  answers: Record<number, string>;
  results?: CheckResult[];
}

interface SavedProgress {
  v: 1;
  lessonId: string;
  version: string;
  /** An imported lesson is kept whole (its package file), so it reopens without the file it came from. */
  imported?: string;
  step: number;
  steps: Record<string, StepProgress>;
}

const fresh = (): StepProgress => ({ passed: false, revealed: false, hintsShown: 0, answers: {} });

export class LessonsState {
  active = $state.raw<LessonPackage | undefined>(undefined);
  progress = $state.raw<SavedProgress | undefined>(undefined);
  checking = $state(false);
  /** Why the last import was refused, one problem per line. */
  importProblems = $state.raw<string[]>([]);
  #loadedFor: string | undefined;
  #checkEngine: ToolEngine | undefined;
  #checkData: string | undefined;

  constructor(
    readonly catalog: readonly LessonSource[],
    private readonly session: LessonSession,
    private readonly store: Pick<SessionStore, 'getLessonState' | 'saveLessonState'>,
    private readonly newCheckEngine: () => ToolEngine,
  ) {}

  get step(): Lesson['steps'][number] | undefined {
    return this.active && this.progress ? this.active.lesson.steps[this.progress.step] : undefined;
  }

  get stepProgress(): StepProgress {
    const step = this.step;
    return (step && this.progress?.steps[step.id]) ?? fresh();
  }

  /** Restores the lesson of a newly shown session (called when the workbench has loaded it). */
  async loadFor(sessionId: string | undefined): Promise<void> {
    if (sessionId === this.#loadedFor) return;
    this.#loadedFor = sessionId;
    this.active = undefined;
    this.progress = undefined;
    if (!sessionId) return;
    try {
      const json = await this.store.getLessonState(sessionId);
      if (!json || this.#loadedFor !== sessionId) return;
      const saved = JSON.parse(json) as SavedProgress;
      const pkg = saved.imported ? await this.#unpacked(saved.imported) : await this.#bundled(saved.lessonId);
      if (!pkg || this.#loadedFor !== sessionId) return;
      this.active = pkg;
      this.progress = saved;
    } catch (error) {
      this.session.report(error, 'The lesson of this session could not be restored');
    }
  }

  async start(lessonId: string): Promise<void> {
    const pkg = await this.#bundled(lessonId);
    if (pkg) await this.#begin(pkg);
  }

  async importFile(file: File): Promise<void> {
    const text = await file.text();
    const result = await unpackLesson(text);
    if (!result.ok) {
      this.importProblems = result.problems;
      return;
    }
    this.importProblems = [];
    await this.#begin(result.pkg, text);
  }

  async #begin(pkg: LessonPackage, imported?: string): Promise<void> {
    const problems = await verifyData(pkg);
    if (problems.length > 0) {
      this.importProblems = problems;
      return;
    }
    const files = pkg.lesson.data.map((d) => new File([pkg.data[d.name]!], d.name));
    await this.session.openFiles(files);
    this.active = pkg;
    this.progress = {
      v: 1,
      lessonId: pkg.lesson.id,
      version: pkg.lesson.version,
      ...(imported ? { imported } : {}),
      step: 0,
      steps: {},
    };
    await this.#save();
  }

  async leave(): Promise<void> {
    this.active = undefined;
    this.progress = undefined;
    await this.#save();
  }

  /** Back to the first step with nothing passed, answered or shown. */
  async reset(): Promise<void> {
    if (!this.progress) return;
    this.progress = { ...this.progress, step: 0, steps: {} };
    await this.#save();
  }

  async go(step: number): Promise<void> {
    if (!this.progress || !this.active) return;
    this.progress = { ...this.progress, step: Math.max(0, Math.min(step, this.active.lesson.steps.length - 1)) };
    await this.#save();
  }

  async setAnswer(index: number, text: string): Promise<void> {
    await this.#patch((p) => ({ ...p, answers: { ...p.answers, [index]: text } }));
  }

  async showHint(): Promise<void> {
    await this.#patch((p) => ({ ...p, hintsShown: p.hintsShown + 1 }));
  }

  async revealSolution(): Promise<void> {
    await this.#patch((p) => ({ ...p, revealed: true }));
  }

  /** Runs every check of the step on the real tools; the step passes when all do. */
  async check(): Promise<void> {
    const step = this.step;
    if (!step || !this.active) return;
    this.checking = true;
    try {
      const ctx = this.#context(this.active, this.stepProgress.answers);
      const results: CheckResult[] = [];
      for (const [i, check] of step.checks.entries()) results.push(await runCheck(check, i, ctx));
      const passed = results.every((r) => r.ok);
      await this.#patch((p) => ({ ...p, results, passed: p.passed || passed }));
    } catch (error) {
      this.session.report(error, 'The step could not be checked');
    } finally {
      this.checking = false;
    }
  }

  /** The active lesson as one file to share. */
  async exportActive(): Promise<Blob | undefined> {
    return this.active && new Blob([await packLesson(this.active)], { type: 'application/json' });
  }

  /** "Save session as lesson": the session's history as a lesson skeleton, in one file. */
  async fromSession(): Promise<{ blob: Blob; skipped: string[] }> {
    const files = this.session.files().flatMap((f) => (f.blob ? [{ name: f.name, blob: f.blob }] : []));
    const { pkg, skipped } = await lessonFromSession({
      name: this.session.sessionName(),
      runs: this.session.runs(),
      files,
    });
    return { blob: new Blob([await packLesson(pkg)], { type: 'application/json' }), skipped };
  }

  #context(pkg: LessonPackage, answers: Record<number, string>): CheckContext {
    const engine = this.session.engine;
    return {
      runs: this.session.runs(),
      answers,
      listFiles: () => engine.listFiles(),
      readText: async (name) => (await engine.readFile(name)).text(),
      runInSession: (spec) => outcome(engine, spec),
      runOnLessonData: async (spec) => {
        this.#checkEngine ??= this.newCheckEngine();
        const key = `${pkg.lesson.id}@${pkg.lesson.version}`;
        if (this.#checkData !== key) {
          // Fresh lesson data: nothing the learner wrote is seen by the expected command.
          await this.#checkEngine.unmount(await this.#checkEngine.listFiles());
          await this.#checkEngine.mount(Object.entries(pkg.data).map(([name, data]) => ({ name, data })));
          for (const line of pkg.lesson.prepare ?? []) await outcome(this.#checkEngine, jobOf(line));
          this.#checkData = key;
        }
        return outcome(this.#checkEngine, spec);
      },
    };
  }

  async #patch(change: (p: StepProgress) => StepProgress): Promise<void> {
    const step = this.step;
    if (!step || !this.progress) return;
    this.progress = { ...this.progress, steps: { ...this.progress.steps, [step.id]: change(this.stepProgress) } };
    await this.#save();
  }

  async #save(): Promise<void> {
    const sessionId = this.#loadedFor;
    if (!sessionId) return;
    try {
      await this.store.saveLessonState(sessionId, this.progress && JSON.stringify(this.progress));
    } catch (error) {
      this.session.report(error, 'Lesson progress could not be saved');
    }
  }

  async #bundled(id: string): Promise<LessonPackage | undefined> {
    const source = this.catalog.find((s) => s.lesson.id === id);
    if (!source) return undefined;
    return { lesson: source.lesson, texts: source.texts, data: await source.loadData() };
  }

  async #unpacked(text: string): Promise<LessonPackage | undefined> {
    const result = await unpackLesson(text);
    return result.ok ? result.pkg : undefined;
  }
}

async function outcome(engine: ToolEngine, spec: JobSpec): Promise<ToolOutcome> {
  const result = await engine.run(spec).result;
  return { status: result.status, exitStatus: result.exitStatus, stdout: result.stdout, stderr: result.stderr };
}
