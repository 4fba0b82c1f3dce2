import { describe, expect, it } from 'vitest';
import { chunkCookie, chunkNamesIn, joinCookieChunks, MAX_CHUNK_LENGTH } from './cookie-chunks';

describe('cookie chunks', () => {
  it('split a value too large for one cookie and join it back', () => {
    const value = 'x'.repeat(MAX_CHUNK_LENGTH * 2 + 10);
    const chunks = chunkCookie('session', value);
    expect(chunks.map((chunk) => chunk.name)).toEqual(['session.0', 'session.1', 'session.2']);
    expect(chunks.every((chunk) => chunk.value.length <= MAX_CHUNK_LENGTH)).toBe(true);
    const jar = new Map(chunks.map((chunk) => [chunk.name, chunk.value]));
    expect(joinCookieChunks('session', (name) => jar.get(name))).toBe(value);
  });

  it('read nothing when the first chunk is missing', () => {
    expect(joinCookieChunks('session', () => undefined)).toBeUndefined();
  });

  it('find every chunk of a cookie and nothing else', () => {
    const names = ['session.0', 'session.1', 'session', 'session.x', 'other.0', 'sessionx.0'];
    expect(chunkNamesIn('session', names)).toEqual(['session.0', 'session.1']);
  });
});
