/**
 * A browser as far as the sign-in flow needs one: it follows redirects by hand and keeps the
 * identity provider's cookies, so tests can drive the real pages over real HTTP.
 */
export class BrowserSession {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const send = () =>
      fetch(url, {
        method: init.method ?? (init.form ? 'POST' : 'GET'),
        redirect: 'manual',
        headers: {
          cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      });
    // Like a browser, retry once when a kept-alive connection turns out to be closed.
    const response = await send().catch(send);
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }

  /** Follows redirects until one leaves `origin` (the app's callback) or a page answers. */
  async follow(url: string, origin: string): Promise<{ url: string; response?: Response }> {
    let next = url;
    for (let hop = 0; hop < 10; hop++) {
      if (!next.startsWith(origin)) return { url: next };
      const response = await this.request(next);
      const location = response.headers.get('location');
      if (!location) return { url: next, response };
      next = new URL(location, next).toString();
    }
    throw new Error('too many redirects');
  }
}
