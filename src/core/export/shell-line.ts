// One step as a shell line, the same in every target: the commands joined by pipes, Lokus's stdin as `<`, and stdout
// to the run's `>` target (or to the file the workflow adds for it). Each target says how a name is written.
import { quoteArg } from '../tools/job';
import type { NameTemplate } from './names';
import type { Step } from './model';

/** Writes one argv word or file name for a target (quoted for its shell, the sample filled in its own way). */
export type WordWriter = (template: NameTemplate) => string;

export function shellLine(step: Step, write: WordWriter): string {
  const commands = step.commands.map((command, i) => {
    const line = [quoteArg(command.program), ...command.argv.map(write)].join(' ');
    return i === 0 && step.stdin ? `${line} < ${quoteArg(stdinName(step))}` : line;
  });
  return `${commands.join(' | ')} > ${write(step.stdoutFile)}`;
}

/** The bundled stdin of a step, as staged next to the sample's files. */
export function stdinName(step: Step): string {
  return `${step.id}.stdin`;
}

/** A POSIX shell word for a name with the sample given by a shell expression such as "$SAMPLE". */
export function shellWord(template: NameTemplate, sampleExpr: string): string {
  if (!template.sample) return quoteArg(template.before);
  const part = (text: string) => (text === '' ? '' : quoteArg(text));
  return `${part(template.before)}"${sampleExpr}"${part(template.after)}`;
}

/** The one container image of a step, or undefined when its pipe mixes tools that no single pinned image carries. */
export function stepImage(step: Step): { docker: string; singularity: string } | undefined {
  const images = new Set(step.commands.map((c) => c.pin.docker));
  return images.size === 1 ? step.commands[0]!.pin : undefined;
}

/** The Bioconda pins of a step's tools, for a conda environment. */
export function stepConda(step: Step): string[] {
  return [...new Set(step.commands.map((c) => c.pin.conda))];
}
