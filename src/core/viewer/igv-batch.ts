// An IGV desktop batch script for the current view: the same files by name (put the script next to them),
// the same locus. IGV desktop finds each index next to its data file, as the tools do.
import type { AlignmentDisplay } from './view-state';

export interface BatchView {
  reference?: string;
  tracks: readonly { name: string; kind: string }[];
  locus?: string;
  alignmentDisplay?: AlignmentDisplay;
}

const DISPLAY_COMMANDS: Record<AlignmentDisplay, string> = {
  EXPANDED: 'expand',
  SQUISHED: 'squish',
  COLLAPSED: 'collapse',
};

export function igvBatchScript(view: BatchView, sessionName?: string): string {
  const lines = [
    `# IGV batch script written by Lokus${sessionName ? ` for the session "${oneLine(sessionName)}"` : ''}.`,
  ];
  lines.push('# Keep it in the folder that holds these files and run it with IGV desktop: Tools > Run Batch Script.');
  lines.push('new');
  if (view.reference) lines.push(`genome ${quoted(view.reference)}`);
  for (const track of view.tracks) lines.push(`load ${quoted(track.name)}`);
  if (view.alignmentDisplay && view.tracks.some((track) => track.kind === 'alignment')) {
    const verb = DISPLAY_COMMANDS[view.alignmentDisplay];
    for (const track of view.tracks.filter((t) => t.kind === 'alignment')) lines.push(`${verb} ${quoted(track.name)}`);
  }
  if (view.locus) lines.push(`goto ${view.locus}`);
  return `${lines.join('\n')}\n`;
}

/** IGV's batch parser splits on whitespace; a name with spaces must be quoted. */
function quoted(name: string): string {
  return /\s/.test(name) ? `"${name.replace(/"/g, '')}"` : name;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
