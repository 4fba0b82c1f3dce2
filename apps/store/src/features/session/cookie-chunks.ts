/** Browsers keep about 4 KB per cookie; a session with a Keycloak's tokens can need more. */
export const MAX_CHUNK_LENGTH = 3_800;

export interface CookieEntry {
  name: string;
  value: string;
}

/** `value` split across `name.0`, `name.1`, … */
export function chunkCookie(name: string, value: string): CookieEntry[] {
  const chunks: CookieEntry[] = [];
  for (let start = 0, index = 0; start < value.length; start += MAX_CHUNK_LENGTH, index++) {
    chunks.push({ name: `${name}.${index}`, value: value.slice(start, start + MAX_CHUNK_LENGTH) });
  }
  return chunks;
}

/** The value put back together, or undefined when its first chunk is missing. */
export function joinCookieChunks(
  name: string,
  read: (chunkName: string) => string | undefined,
): string | undefined {
  let value = '';
  for (let index = 0; ; index++) {
    const chunk = read(`${name}.${index}`);
    if (chunk === undefined) return index === 0 ? undefined : value;
    value += chunk;
  }
}

/** Every chunk of `name` the browser sent, for clearing them all. */
export function chunkNamesIn(name: string, present: Iterable<string>): string[] {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`);
  return [...present].filter((cookieName) => pattern.test(cookieName));
}
