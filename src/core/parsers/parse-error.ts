// Shared plumbing for the tool-output parsers: a ParseError that names the tool output and the line,
// and a reader that splits text into numbered, tab-separated lines and converts fields with context.

/** A tool's output did not have the expected shape; `line` is 1-based (0 when the problem is a missing part). */
export class ParseError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `${source}, line ${line}: ${detail}` : `${source}: ${detail}`);
    this.name = 'ParseError';
  }
}

export interface NumberedLine {
  /** 1-based line number in the whole text. */
  number: number;
  text: string;
}

/** Non-empty lines with their numbers (a trailing newline or CR is not a line). */
export function numberedLines(text: string): NumberedLine[] {
  const out: NumberedLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() !== '') out.push({ number: i + 1, text: line });
  }
  return out;
}

/** Converts fields to numbers, failing with the tool output's name and the line. */
export class FieldReader {
  constructor(readonly source: string) {}

  fail(line: number, detail: string): never {
    throw new ParseError(this.source, line, detail);
  }

  /** A finite number (integer or decimal, scientific notation allowed). */
  num(value: string | undefined, line: number, what: string): number {
    const n = value === undefined || value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(n))
      this.fail(line, `${what} should be a number, found ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
    return n;
  }

  /** A whole number. */
  int(value: string | undefined, line: number, what: string): number {
    const n = this.num(value, line, what);
    if (!Number.isInteger(n)) this.fail(line, `${what} should be a whole number, found ${JSON.stringify(value)}`);
    return n;
  }

  /** Numbers for every field from `from` on, each checked. */
  nums(fields: readonly string[], from: number, line: number, what: string): number[] {
    return fields.slice(from).map((value, i) => this.num(value, line, `${what} column ${from + i + 1}`));
  }

  /** Splits a tab-separated line and checks it has at least `min` fields. */
  fields(line: NumberedLine, min: number, what: string): string[] {
    const fields = line.text.split('\t');
    if (fields.length < min)
      this.fail(line.number, `${what} should have at least ${min} tab-separated fields, found ${fields.length}`);
    return fields;
  }
}
