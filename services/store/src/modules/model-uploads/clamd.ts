import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

export interface ClamdAddress {
  host: string;
  port: number;
}

/** What clamd said about a stream: clean, or the name of the signature it matched. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** clamd could not be reached, or answered something other than a verdict. */
export class ClamdUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClamdUnavailableError';
  }
}

/** clamd's own limit per INSTREAM chunk is far larger; 64 KiB keeps memory flat. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Scans a stream with clamd's INSTREAM command (clamd(8)): `zINSTREAM\0`, then chunks each
 * prefixed by its length as a 4-byte big-endian integer, then a zero-length chunk; clamd
 * answers `stream: OK`, `stream: <signature> FOUND` or `… ERROR`. Written here rather than
 * taken from npm because the maintained clients wrap local binaries and config files first,
 * and the protocol is these few lines; tested against Debian's clamd (scripts/clamav.sh).
 * The stream is read at the socket's pace, so a 250 MB file is never held in memory.
 */
export async function scanWithClamd(
  address: ClamdAddress,
  content: Readable,
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
): Promise<ScanVerdict> {
  const socket = connect({ host: address.host, port: address.port });
  socket.setTimeout(timeoutMs);
  const answer = readAnswer(socket);
  // A failed connection rejects `answer`; writing meanwhile must not throw past it.
  answer.catch(() => content.destroy());
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    await writeChunk(socket, Buffer.from('zINSTREAM\0'));
    for await (const data of content) {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data as Uint8Array);
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
        const chunk = bytes.subarray(at, at + CHUNK_BYTES);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length);
        await writeChunk(socket, Buffer.concat([length, chunk]));
      }
    }
    await writeChunk(socket, Buffer.alloc(4));
  } catch (error) {
    socket.destroy();
    // clamd closes the socket early when the stream passes its StreamMaxLength: its answer says so.
    const said = await answer.catch(() => undefined);
    if (said === undefined) {
      throw new ClamdUnavailableError(`clamd at ${address.host}:${address.port} failed`, {
        cause: error,
      });
    }
    return verdictOf(said);
  }
  return verdictOf(await answer);
}

function writeChunk(socket: Socket, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

function readAnswer(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      parts.push(data);
      if (data.includes(0)) socket.end();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new ClamdUnavailableError('clamd did not answer in time'));
    });
    socket.once('error', (error) =>
      reject(new ClamdUnavailableError(error.message, { cause: error })),
    );
    socket.once('close', () => {
      const text = Buffer.concat(parts).toString('utf8').replace(/\0/g, '').trim();
      if (text) resolve(text);
      else reject(new ClamdUnavailableError('clamd closed the connection without an answer'));
    });
  });
}

/** `stream: OK`, `stream: Eicar-Test-Signature FOUND`, or an error line. */
export function verdictOf(answer: string): ScanVerdict {
  const line = answer.replace(/^stream: /, '');
  if (line === 'OK') return { clean: true };
  const found = /^(.+) FOUND$/.exec(line);
  if (found?.[1]) return { clean: false, signature: found[1] };
  throw new ClamdUnavailableError(`clamd could not scan the upload: ${answer}`);
}
