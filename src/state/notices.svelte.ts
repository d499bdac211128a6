// Messages at the top of the page: what happened (info), or what failed and what to do about it (error).
// Several can show at once: a start-up may both delete expired sessions and find interrupted runs.
import { describeError } from './describe-error';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** More than this and the oldest go: a notice is news, not a log (the history keeps what ran). */
const MAX_SHOWN = 4;

export class NoticesState {
  shown = $state.raw<Notice[]>([]);

  show(notice: Notice): void {
    this.shown = [...this.shown.filter((n) => n.text !== notice.text), notice].slice(-MAX_SHOWN);
  }

  info(text: string): void {
    this.show({ kind: 'info', text });
  }

  /** An error as one plain sentence, prefixed by what could not be done. */
  report(error: unknown, what: string): void {
    this.show({ kind: 'error', text: `${what}: ${describeError(error)}` });
  }

  dismiss(notice: Notice): void {
    this.shown = this.shown.filter((n) => n !== notice);
  }

  clear(): void {
    this.shown = [];
  }

  /** The newest notice (what the last action said). */
  get latest(): Notice | undefined {
    return this.shown.at(-1);
  }
}
