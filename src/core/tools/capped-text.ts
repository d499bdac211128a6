// Decodes a byte stream to text for display, keeping only the first `capBytes` bytes (the rest is counted).

export class CappedText {
  private readonly decoder = new TextDecoder();
  private readonly parts: string[] = [];
  private kept = 0;
  /** All bytes seen, kept or not. */
  totalBytes = 0;
  truncated = false;

  constructor(readonly capBytes: number) {}

  /** Adds a chunk and returns the newly kept text (empty once the cap is reached). */
  push(chunk: Uint8Array): string {
    this.totalBytes += chunk.length;
    const room = this.capBytes - this.kept;
    if (chunk.length > room) this.truncated = true;
    if (room <= 0) return '';
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.kept += part.length;
    const text = this.decoder.decode(part, { stream: true });
    if (text) this.parts.push(text);
    return text;
  }

  text(): string {
    const tail = this.decoder.decode();
    if (tail) this.parts.push(tail);
    return this.parts.join('');
  }
}
