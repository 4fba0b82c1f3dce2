import type { ErrorCode } from '@makrx/contracts';

/**
 * What a page says for each code it may be sent back with (`/cart?problem=OUT_OF_STOCK`). Keyed
 * by the services' catalogue, plus any code the app gives a refusal of its own, so a table
 * cannot hold a code nobody sends.
 */
export type CodeWords<Code extends string = ErrorCode> = Partial<Record<Code, string>>;

/** The words for a code read from a query string; undefined for one the table has none for. */
export function wordsFor<Code extends string>(
  words: CodeWords<Code>,
  code: string | null | undefined,
): string | undefined {
  return code && Object.hasOwn(words, code) ? words[code as Code] : undefined;
}
