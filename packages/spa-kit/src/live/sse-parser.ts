/** One message of a text/event-stream, as the HTML standard's event stream parser yields it. */
export interface SseMessage {
  /** `message` unless the stream named another type. */
  event: string;
  data: string;
  /** The last id the stream set, kept across messages (sent back as Last-Event-ID). */
  lastEventId: string;
}

export interface SseParser {
  /** Feeds decoded text; complete messages are handed to `onMessage` as they end. */
  feed(text: string): void;
}

/**
 * The text/event-stream format (HTML standard, "Parsing an event stream"): lines end in CRLF,
 * LF or CR; `field: value` lines build a message (one leading space dropped); a line starting
 * with `:` is a comment (our heartbeats); a blank line dispatches the message, unless it has no
 * data. `retry` is read and handed over; unknown fields are ignored.
 */
export function createSseParser(
  onMessage: (message: SseMessage) => void,
  onRetry: (ms: number) => void = () => undefined,
): SseParser {
  let pending = '';
  // A CR at the end of one chunk may be the first half of a CRLF split across two.
  let skipLeadingLf = false;
  let event = '';
  let data: string[] = [];
  let lastEventId = '';

  const dispatch = () => {
    if (data.length > 0)
      onMessage({ event: event || 'message', data: data.join('\n'), lastEventId });
    event = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  };

  return {
    feed(text) {
      let rest = text;
      if (skipLeadingLf && rest.startsWith('\n')) rest = rest.slice(1);
      skipLeadingLf = false;
      pending += rest;
      let start = 0;
      for (let i = 0; i < pending.length; i += 1) {
        const char = pending[i];
        if (char !== '\n' && char !== '\r') continue;
        line(pending.slice(start, i));
        if (char === '\r') {
          if (i + 1 === pending.length) skipLeadingLf = true;
          else if (pending[i + 1] === '\n') i += 1;
        }
        start = i + 1;
      }
      pending = pending.slice(start);
    },
  };
}
