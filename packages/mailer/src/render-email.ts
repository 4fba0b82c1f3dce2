export interface EmailContent {
  heading: string;
  paragraphs: string[];
  /** The one thing the mail asks the reader to do, shown as a button and as a plain link. */
  action?: { label: string; url: string } | undefined;
  /** Further places the reader may go (a carrier's tracking page, say), as plain links after it. */
  links?: { label: string; url: string }[] | undefined;
  /** Why the reader got this mail, e.g. "You signed up at MakrX.org." */
  footer?: string | undefined;
}

export interface RenderedEmail {
  html: string;
  text: string;
}

// The colours of @makrx/ui (ink and the org accent), spelled out: mail clients ignore CSS
// variables and <style> blocks, so every style is inline.
const INK_900 = '#0f172a';
const INK_600 = '#475569';
const INK_200 = '#e2e8f0';
const INK_100 = '#f1f5f9';
const ACCENT_700 = '#6d28d9';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * The transactional look of every MakrX mail (verification, password reset, invites): the
 * wordmark in text, a heading, paragraphs, one action, a footer. No images or web fonts, so it
 * reads the same with remote content blocked; the text part carries the same words and the
 * action URL in full.
 */
export function renderEmail(content: EmailContent): RenderedEmail {
  if (content.action) assertWebUrl(content.action.url, 'the action URL');
  for (const link of content.links ?? []) assertWebUrl(link.url, `the link "${link.label}"`);
  return { html: renderHtml(content), text: renderText(content) };
}

function renderHtml(content: EmailContent): string {
  const heading = escapeHtml(content.heading);
  const blocks = [
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:30px;font-weight:700;color:${INK_900};">${heading}</h1>`,
    ...content.paragraphs.map(paragraphHtml),
    content.action ? actionHtml(content.action.label, content.action.url) : '',
    ...(content.links ?? []).map(linkHtml),
  ].join('\n');
  const footer = content.footer
    ? `<p style="margin:0;font-size:13px;line-height:20px;color:${INK_600};">${escapeHtml(content.footer)}</p>`
    : '';
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${heading}</title>
</head>
<body style="margin:0;padding:0;background-color:${INK_100};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${INK_100};font-family:${FONT};">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td style="padding:0 8px 16px;font-size:20px;line-height:28px;font-weight:700;letter-spacing:-0.02em;color:${INK_900};">Makr<span style="color:${ACCENT_700};">X</span></td></tr>
<tr><td style="padding:32px;background-color:#ffffff;border:1px solid ${INK_200};border-radius:12px;">
${blocks}
</td></tr>
<tr><td style="padding:16px 8px 0;">
${footer}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function paragraphHtml(paragraph: string): string {
  return `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:${INK_900};">${escapeHtml(paragraph)}</p>`;
}

/** A link styled as a button (clients drop <button>), and the URL again for when it is not shown. */
function actionHtml(label: string, url: string): string {
  const href = escapeHtml(url);
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
<tr><td style="border-radius:8px;background-color:${ACCENT_700};">
<a href="${href}" style="display:inline-block;padding:12px 24px;font-size:16px;line-height:24px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px;">${escapeHtml(label)}</a>
</td></tr>
</table>
<p style="margin:0;font-size:13px;line-height:20px;color:${INK_600};">If the button does not work, copy this link into your browser:<br><a href="${href}" style="color:${ACCENT_700};word-break:break-all;">${href}</a></p>`;
}

function linkHtml({ label, url }: { label: string; url: string }): string {
  return `<p style="margin:16px 0 0;font-size:14px;line-height:20px;color:${INK_900};">${escapeHtml(label)}: <a href="${escapeHtml(url)}" style="color:${ACCENT_700};word-break:break-all;">${escapeHtml(url)}</a></p>`;
}

function renderText(content: EmailContent): string {
  const parts = ['MakrX', content.heading, ...content.paragraphs];
  if (content.action) parts.push(`${content.action.label}:\n${content.action.url}`);
  for (const link of content.links ?? []) parts.push(`${link.label}:\n${link.url}`);
  if (content.footer) parts.push(`--\n${content.footer}`);
  return `${parts.join('\n\n')}\n`;
}

/** Only web links: a mail must never carry a javascript: or data: URL behind a button. */
function assertWebUrl(url: string, what: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`renderEmail: ${what} is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`renderEmail: ${what} must be http(s), got ${parsed.protocol}`);
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
