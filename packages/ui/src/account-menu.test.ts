import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AccountMenu, type AccountMenuProps } from './account-menu';

const render = (props: AccountMenuProps) => renderToStaticMarkup(createElement(AccountMenu, props));

describe('AccountMenu', () => {
  it('offers a plain sign-in link that works without JavaScript', () => {
    const html = render({ status: 'signed-out', signIn: { href: '/auth/login?returnTo=%2F' } });
    expect(html).toMatch(/<a href="\/auth\/login\?returnTo=%2F"[^>]*>Sign in<\/a>/);
  });

  it('names the signed-in user and keeps their email and sign-out behind a closed disclosure', () => {
    const html = render({
      status: 'signed-in',
      user: { name: 'Milo Member', email: 'member@demo.makrx.org' },
      signOut: { formAction: '/auth/logout' },
    });
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('Milo Member');
    expect(html).toMatch(/<div id="[^"]+" hidden=""/);
    expect(html).toContain('member@demo.makrx.org');
    const form = /<form[^>]*>/.exec(html)?.[0];
    expect(form).toContain('method="post"');
    expect(form).toContain('action="/auth/logout"');
  });

  it('lists the app’s own pages for the user, as plain links', () => {
    const html = render({
      status: 'signed-in',
      user: { name: 'Chris Customer' },
      signOut: { formAction: '/auth/logout' },
      links: [{ href: '/orders', label: 'My orders' }],
    });
    expect(html).toMatch(/<a href="\/orders"[^>]*>My orders<\/a>/);
  });
});
