const KEY = 'makrcave.lastMakerspace';

/** The makerspace the person last worked in, remembered in this browser. */
export function lastMakerspace(): string | undefined {
  try {
    return window.localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberMakerspace(slug: string): void {
  try {
    window.localStorage.setItem(KEY, slug);
  } catch {
    // Storage is off: the switcher starts from the first makerspace next time.
  }
}
