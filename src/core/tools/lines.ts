// Splits a byte stream (a run's output file) into text lines as it arrives, so a parser can read an output of any
// size while holding one chunk and one partial line at a time.

/** The lines of a UTF-8 byte stream, without their "\n"; a last line without "\n" is given too. */
export async function* streamLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      const parts = (rest + text).split('\n');
      rest = parts.pop()!;
      for (const line of parts) yield line;
      if (done) break;
    }
    if (rest !== '') yield rest;
  } finally {
    reader.releaseLock();
  }
}
