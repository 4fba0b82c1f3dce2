import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/*
 * A project's description is Markdown its makers write; the page shows it as HTML. The HTML is
 * made here, once per read, and sanitized after rendering (Markdown passes raw HTML through),
 * so whatever a maker types, no script, handler or foreign frame reaches another reader.
 */

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'iframe'),
    'img',
    'del',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    code: ['class'],
    // GitHub-style task lists render disabled checkboxes.
    input: ['type', 'checked', 'disabled'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  transformTags: {
    // Links lead off the site: the reader's browser tells the target nothing about the page.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer' }),
    input: (tagName, attribs) =>
      attribs.type === 'checkbox'
        ? { tagName, attribs: { ...attribs, disabled: '' } }
        : { tagName: 'span', attribs: {} },
  },
};

/** A description as safe HTML: Markdown (GitHub flavour) rendered, then sanitized. */
export function renderDescription(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, allowed);
}
