import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { NotFoundError, StorageError, StorageFullError } from '../../../src/core/storage-port';
import { isQuotaError, toStorageError } from '../../../src/storage/errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it.each([
    ['a raw DOMException', quota(), true],
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('full'), true],
    // Browsers often report a full disk when the transaction commits: Dexie rejects with AbortError wrapping it.
    ['an AbortError whose inner error is the quota', new Dexie.AbortError('Transaction aborted', quota()), true],
    ['a ConstraintError', new Dexie.ConstraintError('Key already exists'), false],
    ['a string', 'QuotaExceededError', false],
  ])('%s -> %s', (_label, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('toStorageError', () => {
  it('names what could not be done, and says the browser storage is full', () => {
    const error = toStorageError(new Dexie.AbortError('aborted', quota()), 'save the run "x"');
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toBe(
      'Browser storage is full: could not save the run "x". Nothing of this change was saved.',
    );
  });

  it('finds our own error inside a Dexie wrapper', () => {
    const own = new NotFoundError('gone', 'pick another');
    expect(toStorageError(new Dexie.AbortError('aborted', own), 'x')).toBe(own);
  });

  it('wraps anything else as a StorageError with advice', () => {
    const error = toStorageError(new Error('disk on fire'), 'list sessions');
    expect(error).toBeInstanceOf(StorageError);
    expect(error).not.toBeInstanceOf(StorageFullError);
    expect(error.message).toBe('Could not list sessions: disk on fire');
    expect(error.advice).not.toBe('');
  });
});
