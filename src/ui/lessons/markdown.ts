// Lesson text (Markdown from a lesson file, possibly imported from anyone) to HTML that cannot run anything:
// markdown-it with raw HTML off escapes every tag, and its link check refuses javascript:, vbscript: and data: URLs.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderLessonMarkdown(text: string): string {
  return md.render(text);
}
