import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/core/format-bytes';

describe('formatBytes', () => {
  it.each([
    [0, 'en-GB', '0 byte'],
    [1023, 'en-GB', '1,023 byte'],
    [1536, 'en-GB', '1.5 kB'],
    [1536, 'sv-SE', '1,5 kB'],
    [32 * 1024 * 1024, 'en-GB', '32 MB'],
    [350.4 * 1024 * 1024, 'en-GB', '350 MB'],
    [3.25 * 1024 ** 3, 'en-GB', '3.3 GB'],
    [5 * 1024 ** 5, 'en-GB', '5,120 TB'],
  ])('%d bytes in %s is %s', (bytes, locale, expected) => {
    // Intl may separate number and unit with a no-break space; compare with plain spaces.
    expect(formatBytes(bytes, locale).replace(/\s/g, ' ')).toBe(expected);
  });
});
