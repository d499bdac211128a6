import { describe, expect, it } from 'vitest';
import { chooseFileStorage, isUnfinished } from '../../../src/core/session';

describe('chooseFileStorage', () => {
  const limit = { blobSizeLimitBytes: 100 };
  it.each([
    [5000, true, 'handle'],
    [100, false, 'blob'],
    [101, false, 'none'],
  ] as const)('size %d, handle %s -> %s', (size, hasHandle, expected) => {
    expect(chooseFileStorage(size, hasHandle, limit)).toBe(expected);
  });
});

describe('isUnfinished', () => {
  it.each([
    ['queued', true],
    ['running', true],
    ['succeeded', false],
    ['interrupted', false],
  ] as const)('%s -> %s', (status, expected) => {
    expect(isUnfinished(status)).toBe(expected);
  });
});
