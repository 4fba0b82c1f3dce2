import { describe, expect, it } from 'vitest';
import { initialsOf } from './avatar';

describe('initialsOf', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initialsOf('Ananya Rao')).toBe('AR');
    expect(initialsOf('Maria de la Cruz')).toBe('MC');
  });

  it('copes with one name and with stray spaces', () => {
    expect(initialsOf('  prince ')).toBe('P');
    expect(initialsOf('')).toBe('?');
  });
});
