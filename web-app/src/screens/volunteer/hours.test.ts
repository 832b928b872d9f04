import { describe, expect, it } from 'vitest';
import { certification } from './hours';

describe('the certification of a line of hours', () => {
  it('is pending until a coordinator certifies', () => {
    expect(certification({ total: 2, certified: undefined })).toBe('pending');
    expect(certification({ total: 0, certified: undefined })).toBe('pending');
  });

  it('is certified when the certified hours cover the total, zero hours included', () => {
    expect(certification({ total: 2, certified: 2 })).toBe('certified');
    expect(certification({ total: 0, certified: 0 })).toBe('certified');
  });

  it('is partly certified after a correction adds to certified hours', () => {
    expect(certification({ total: 2.5, certified: 2 })).toBe('partly');
  });

  it('is pending again when only zero hours were certified before a correction added some', () => {
    expect(certification({ total: 1, certified: 0 })).toBe('pending');
  });
});
