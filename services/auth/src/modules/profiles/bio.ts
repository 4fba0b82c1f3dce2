import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/*
 * A maker's bio is Markdown, as a project's description in MakrCave is, rendered the same way:
 * Markdown first, then sanitized, since Markdown passes raw HTML through. A bio is a few
 * paragraphs about a person, so it keeps text formatting and links, and no images (a stranger's
 * image on the page is a tracker) or headings (the page has its own).
 */

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Links lead off the site, written by the maker: not endorsed, and told nothing of the page.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer' }),
  },
};

/** A bio as safe HTML: Markdown (GitHub flavour) rendered, then sanitized. */
export function renderBio(markdown: string): string {
  if (!markdown) return '';
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, allowed);
}
