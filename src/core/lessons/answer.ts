// A typed answer against an answer check: a number within its tolerance (Swedish "1 234,5" and English "1,234.5"
// both read), or one of the choices (by id or by its label in either language).
import type { AnswerCheck } from './lesson';

export type AnswerVerdict =
  { ok: true } | { ok: false; code: 'no-answer' | 'not-a-number' | 'wrong-number' | 'unknown-choice' | 'wrong-choice' };

export function parseNumber(text: string): number | undefined {
  let t = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else t = t.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?%?$/i.test(t)) return undefined;
  return Number(t.replace('%', ''));
}

export function judgeAnswer(check: AnswerCheck, given: string | undefined): AnswerVerdict {
  if (given === undefined || given.trim() === '') return { ok: false, code: 'no-answer' };
  if (check.number) {
    const value = parseNumber(given);
    if (value === undefined) return { ok: false, code: 'not-a-number' };
    return Math.abs(value - check.number.value) <= check.number.tolerance
      ? { ok: true }
      : { ok: false, code: 'wrong-number' };
  }
  const wanted = given.trim().toLowerCase();
  const choice = (check.choices ?? []).find(
    (c) => c.id.toLowerCase() === wanted || c.label.en.toLowerCase() === wanted || c.label.sv.toLowerCase() === wanted,
  );
  if (!choice) return { ok: false, code: 'unknown-choice' };
  return choice.id === check.correct ? { ok: true } : { ok: false, code: 'wrong-choice' };
}
