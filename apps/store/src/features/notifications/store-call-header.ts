/** The header that marks a call from the store's own pages: a cross-site form cannot set it. */
export const STORE_CALL_HEADER = 'x-makrx-store';
