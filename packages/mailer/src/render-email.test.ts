import { describe, expect, it } from 'vitest';
import { renderEmail } from './render-email';

const verification = {
  heading: 'Verify your email',
  paragraphs: ['Welcome to MakrX, Ada.', 'Confirm that this address is yours.'],
  action: { label: 'Verify email', url: 'https://makrx.org/verify?token=abc&next=%2Fme' },
  footer: 'You signed up at MakrX.org. If that was not you, ignore this mail.',
};

describe('renderEmail', () => {
  it('puts heading, paragraphs, action and footer into an HTML page with the wordmark', () => {
    const { html } = renderEmail(verification);

    expect(html).toMatch(/^<!doctype html>\n<html lang="en"/);
    expect(html).toContain('<title>Verify your email</title>');
    expect(html).toContain('Makr<span style="color:#6d28d9;">X</span>');
    expect(html).toMatch(/<h1 [^>]*>Verify your email<\/h1>/);
    expect(html).toMatch(/<p [^>]*>Welcome to MakrX, Ada\.<\/p>/);
    expect(html).toContain('href="https://makrx.org/verify?token=abc&amp;next=%2Fme"');
    expect(html).toMatch(/>Verify email<\/a>/);
    expect(html).toContain('You signed up at MakrX.org.');
  });

  it('needs nothing from outside the mail: no images, stylesheets, fonts or scripts', () => {
    const { html } = renderEmail(verification);

    expect(html).not.toMatch(/<img|<link|<script|<style|@import|url\(/i);
  });

  it('escapes HTML in every input', () => {
    const { html, text } = renderEmail({
      heading: '<script>alert(1)</script>',
      paragraphs: ['Tom & Jerry say "hi" <b>loudly</b>', "It's <img src=x onerror=alert(1)>"],
      action: { label: '<i>Go</i>', url: 'https://makrx.org/a?x="><script>' },
      footer: '<a href="https://evil.example">unsubscribe</a>',
    });

    expect(html).not.toMatch(/<script|<b>|<i>|<img|evil\.example">/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Tom &amp; Jerry say &quot;hi&quot; &lt;b&gt;loudly&lt;/b&gt;');
    expect(html).toContain('It&#39;s &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;i&gt;Go&lt;/i&gt;');
    expect(html).toContain('href="https://makrx.org/a?x=&quot;&gt;&lt;script&gt;"');
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('writes a text part with the same words and the action URL in full', () => {
    const { text } = renderEmail(verification);

    expect(text).toBe(
      [
        'MakrX',
        'Verify your email',
        'Welcome to MakrX, Ada.',
        'Confirm that this address is yours.',
        'Verify email:\nhttps://makrx.org/verify?token=abc&next=%2Fme',
        '--\nYou signed up at MakrX.org. If that was not you, ignore this mail.',
      ].join('\n\n') + '\n',
    );
  });

  it('leaves out the action and footer when there are none', () => {
    const { html, text } = renderEmail({ heading: 'Your order shipped', paragraphs: ['Soon.'] });

    expect(html).not.toContain('<a ');
    expect(text).toBe('MakrX\n\nYour order shipped\n\nSoon.\n');
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '/relative/path'])(
    'refuses the action URL %s',
    (url) => {
      expect(() => renderEmail({ ...verification, action: { label: 'Go', url } })).toThrow(
        /action URL/,
      );
    },
  );

  it('adds further links after the action, in both parts, refusing any that is not a web link', () => {
    const carrier = {
      label: 'Follow the parcel at UPS',
      url: 'https://www.ups.com/track?tracknum=1Z9',
    };
    const { html, text } = renderEmail({ ...verification, links: [carrier] });

    expect(html).toContain(
      'Follow the parcel at UPS: <a href="https://www.ups.com/track?tracknum=1Z9"',
    );
    expect(text).toContain(
      'Follow the parcel at UPS:\nhttps://www.ups.com/track?tracknum=1Z9\n\n--',
    );
    expect(() =>
      renderEmail({ ...verification, links: [{ label: 'Go', url: 'javascript:alert(1)' }] }),
    ).toThrow(/the link "Go" must be http\(s\)/);
  });
});
