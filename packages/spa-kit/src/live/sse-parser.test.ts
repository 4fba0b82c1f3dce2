import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser';

const parse = (...chunks: string[]) => {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const parser = createSseParser(
    (message) => messages.push(message),
    (ms) => retries.push(ms),
  );
  for (const chunk of chunks) parser.feed(chunk);
  return { messages, retries };
};

describe('the text/event-stream parser', () => {
  it('reads the messages our services send: an id and one line of JSON', () => {
    const { messages } = parse(
      ': connected\n\n',
      'id: a1b2c3d4.1\ndata: {"kind":"resync"}\n\n',
      ': heartbeat\n\n',
    );
    expect(messages).toEqual([
      { event: 'message', data: '{"kind":"resync"}', lastEventId: 'a1b2c3d4.1' },
    ]);
  });

  it('joins a message split anywhere across chunks, a CRLF split between its CR and LF included', () => {
    const { messages } = parse('id: 7\r', '\ndata: {"a"', ':1}\r\n', '\r\n');
    expect(messages).toEqual([{ event: 'message', data: '{"a":1}', lastEventId: '7' }]);
  });

  it('ends lines at LF, CRLF or CR alike', () => {
    const { messages } = parse('data: one\r\rdata: two\n\ndata: three\r\n\r\n');
    expect(messages.map((m) => m.data)).toEqual(['one', 'two', 'three']);
  });

  it('joins several data lines with a newline and drops only one leading space', () => {
    const { messages } = parse('data:first\ndata:  second\ndata\n\n');
    expect(messages[0]!.data).toBe('first\n second\n');
  });

  it('keeps the last id across messages, names the event type, and reads retry', () => {
    const { messages, retries } = parse(
      'id: 1\nevent: ping\ndata: x\n\n',
      'data: y\n\n',
      'retry: 2500\nretry: soon\n\n',
    );
    expect(messages).toEqual([
      { event: 'ping', data: 'x', lastEventId: '1' },
      { event: 'message', data: 'y', lastEventId: '1' },
    ]);
    expect(retries).toEqual([2500]);
  });

  it('dispatches nothing for a message without data, a comment, or an unfinished message', () => {
    const { messages } = parse(
      'id: 3\n\n',
      ': just a comment\n\n',
      'unknown: field\n\n',
      'data: half',
    );
    expect(messages).toEqual([]);
  });
});
