// Feeds a text to a line consumer without splitting it into an array of lines first.

export function forEachLine(text: string, consume: (line: string) => void): void {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    consume(text.charCodeAt(stop - 1) === 13 ? text.slice(start, stop - 1) : text.slice(start, stop));
    start = stop + 1;
  }
}
