// What a lesson is: data, not code. A lesson file (lesson.json) names its texts (Markdown per step and language),
// its small data files (with sha256 and licence) and its steps, each with hints and the checks that decide it.

export type Lang = 'en' | 'sv';
export type Bilingual = Record<Lang, string>;
export type Level = 'beginner' | 'intermediate' | 'advanced';
export const LEVELS: readonly Level[] = ['beginner', 'intermediate', 'advanced'];
export const LESSON_FORMAT = 'lokus-lesson/1';

/** How two texts are made comparable before they are compared (tool output vs the expected command's). */
export type Normalisation = 'drop-headers' | 'drop-provenance' | 'sort' | 'trim';
export const NORMALISATIONS: readonly Normalisation[] = ['drop-headers', 'drop-provenance', 'sort', 'trim'];

export interface FileCheck {
  type: 'file';
  path: string;
  /** A console line run on fresh lesson data; its stdout is what the file (or its view) must hold. */
  expected?: string;
  /** A console line that turns the learner's file into text first; `{file}` stands for the path (BAM -> SAM). */
  view?: string;
  normalise?: Normalisation[];
}

export interface OutputCheck {
  type: 'output';
  expected: string;
  normalise?: Normalisation[];
}

export interface CommandCheck {
  type: 'command';
  program: string;
  subcommand?: string;
  /** Options the command must use: a value it must have, or true for a flag. */
  options?: Record<string, string | true>;
  /** Other spellings of an option, beyond the built-in table ("-o": ["--output"]). */
  aliases?: Record<string, string[]>;
  /** Words (file names, regions) the command must name outside its options. */
  args?: string[];
}

export interface AnswerCheck {
  type: 'answer';
  question: Bilingual;
  number?: { value: number; tolerance: number };
  choices?: { id: string; label: Bilingual }[];
  correct?: string;
}

export type StateKind = 'index' | 'analysis' | 'sorted';
export const STATE_KINDS: readonly StateKind[] = ['index', 'analysis', 'sorted'];

export interface StateCheck {
  type: 'state';
  kind: StateKind;
  /** The file the state is about (index, sorted). */
  target?: string;
  /** The analysis that must have run (analysis). */
  analysis?: string;
}

export type Check = FileCheck | OutputCheck | CommandCheck | AnswerCheck | StateCheck;
export const CHECK_TYPES = ['file', 'output', 'command', 'answer', 'state'] as const;

export interface LessonData {
  name: string;
  size: number;
  sha256: string;
  licence: string;
  source: string;
}

export interface LessonStep {
  id: string;
  title: Bilingual;
  /** Paths of the step's Markdown, relative to the lesson folder. */
  text: Bilingual;
  hints: Bilingual[];
  /** The console line(s) that solve the step, shown when it passes or when asked. */
  solution: string[];
  checks: Check[];
}

export interface Lesson {
  format: typeof LESSON_FORMAT;
  id: string;
  version: string;
  title: Bilingual;
  summary: Bilingual;
  level: Level;
  minutes: number;
  tools: string[];
  data: LessonData[];
  /** Console lines run on fresh lesson data before expected commands (an index the learner makes in a step). */
  prepare?: string[];
  steps: LessonStep[];
}

/** A lesson with everything it names: the texts by path and the data files' bytes by name. */
export interface LessonPackage {
  lesson: Lesson;
  texts: Record<string, string>;
  data: Record<string, Blob>;
}
