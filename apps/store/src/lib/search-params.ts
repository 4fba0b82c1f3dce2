/** A page's query parameter as one value: Next.js gives an array when it is repeated. */
export const single = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[0] : value;
