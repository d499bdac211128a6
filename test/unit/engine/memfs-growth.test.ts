import { describe, expect, it } from 'vitest';
import { nextCapacity } from '../../../src/engine/memfs-growth';

describe('work-area file growth', () => {
  it('doubles small files and grows large ones in 256 MiB steps, never below what the write needs', () => {
    expect(nextCapacity(4096, 8192)).toBe(8192);
    expect(nextCapacity(1 << 20, (1 << 20) + 1)).toBe(2 << 20);
    expect(nextCapacity(512 << 20, (512 << 20) + 1)).toBe(768 << 20);
    expect(nextCapacity(4096, 10 << 20)).toBe(10 << 20);
  });

  it('reallocates a 393 MB output about a dozen times, not fifty', () => {
    let capacity = 4096;
    let reallocations = 0;
    let copied = 0;
    for (let size = 4096; size < 393e6; size += 1 << 20) {
      if (capacity < size) {
        copied += capacity;
        capacity = nextCapacity(capacity, size);
        reallocations += 1;
      }
    }
    expect(reallocations).toBeLessThan(20);
    expect(copied).toBeLessThan(800e6);
  });
});
