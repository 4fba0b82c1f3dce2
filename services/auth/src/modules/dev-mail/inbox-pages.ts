import type { DevMail } from '@makrx/mailer';
import { BRAND_MARK, escapeHtml, PAGE_STYLES } from '../identity/service';

/**
 * The dev mailbox as a developer reads it: the sign-in pages' look (their style sheet and
 * mark), widened for a list. A mail's own HTML is shown only inside a sandboxed frame through
 * `srcdoc`: no scripts, no forms, and the inbox's restrictive policy for anything it loads.
 */
const INBOX_STYLES = `
body{justify-content:flex-start}
main{max-width:880px}
.brand{justify-content:flex-start}
.filter{display:flex;gap:12px;align-items:flex-end;flex-wrap:wrap;margin:0 0 24px}
.filter div{flex:1;min-width:220px}
.filter label{margin-top:0}
.filter button{width:auto;margin:0}
.filter a{font-size:14px;padding:12px 0}
ol.mails{list-style:none;margin:0;padding:0;border-top:1px solid #e2e8f0}
ol.mails li{border-bottom:1px solid #e2e8f0}
ol.mails a{display:grid;grid-template-columns:1fr auto;gap:2px 16px;padding:12px 4px;text-decoration:none;color:#0f172a}
ol.mails a:hover{background:#f8fafc}
.subject{font-weight:600;color:#5b21b6}
.to{color:#475569;font-size:14px;overflow-wrap:anywhere}
time{color:#475569;font-size:13px;white-space:nowrap;grid-row:1/span 2;grid-column:2;align-self:center}
.empty{text-align:center;padding:32px 8px;color:#475569}
.empty strong{display:block;color:#0f172a;font-size:18px;margin-bottom:4px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 24px;font-size:14px}
dl.meta dt{color:#475569}
dl.meta dd{margin:0;overflow-wrap:anywhere}
h2{font-size:16px;margin:24px 0 8px}
iframe{width:100%;height:560px;border:1px solid #e2e8f0;border-radius:10px;background:#fff}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f8fafc;border:1px solid #e2e8f0;border-radius:10px;padding:16px;font-size:14px;margin:0}
@media (max-width:560px){.card{padding:20px}ol.mails a{grid-template-columns:1fr}time{grid-row:auto;grid-column:auto}iframe{height:420px}}
`;

const INBOX = '/dev/inbox';

function inboxPage(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · MakrX dev mailbox</title>
<style>${PAGE_STYLES}${INBOX_STYLES}</style>
</head>
<body>
<main>
<div class="brand">${BRAND_MARK}<span>MakrX dev mailbox</span></div>
<div class="card">${content}</div>
<footer>Mail MakrX would have sent. Only in embedded mode; production sends it over SMTP.</footer>
</main>
</body>
</html>`;
}

const sentAt = (mail: DevMail) =>
  `<time datetime="${mail.sentAt.toISOString()}">${escapeHtml(
    mail.sentAt.toISOString().replace('T', ' ').slice(0, 19),
  )} UTC</time>`;

export interface InboxView {
  mails: DevMail[];
  /** The recipient filtered by, as typed. */
  to?: string | undefined;
  /** Why the filter was not applied. */
  problem?: string | undefined;
}

export function inboxListPage({ mails, to, problem }: InboxView): string {
  const filtered = to && !problem;
  const rows = mails
    .map(
      (mail) => `<li><a href="${INBOX}/${escapeHtml(mail.id)}">
<span class="subject">${escapeHtml(mail.subject)}</span>
<span class="to">To ${escapeHtml(mail.to)}</span>
${sentAt(mail)}</a></li>`,
    )
    .join('\n');
  const empty = `<div class="empty"><strong>${filtered ? 'No mail to this address' : 'No mail yet'}</strong>${
    filtered
      ? `Nothing was sent to ${escapeHtml(to)}. <a href="${INBOX}">Show all mail</a>`
      : 'Mail MakrX sends (sign-up, password reset, orders, invites) shows up here.'
  }</div>`;
  return inboxPage(
    'Inbox',
    `<h1>Inbox</h1>
<p class="lead">${filtered ? `Mail to ${escapeHtml(to)}, newest first.` : 'All mail, newest first.'}</p>
${problem ? `<div class="alert error" role="alert">${escapeHtml(problem)}</div>` : ''}
<form class="filter" method="get" action="${INBOX}" role="search">
<div><label for="to">Recipient</label>
<input id="to" name="to" type="email" autocomplete="off" value="${escapeHtml(to ?? '')}"${problem ? ' aria-invalid="true"' : ''}></div>
<button type="submit">Filter</button>
${to ? `<a href="${INBOX}">Show all</a>` : ''}
</form>
${mails.length > 0 ? `<ol class="mails" aria-label="Mail">${rows}</ol>` : empty}`,
  );
}

export function inboxMailPage(mail: DevMail): string {
  return inboxPage(
    mail.subject,
    `<p><a href="${INBOX}">← Inbox</a></p>
<h1>${escapeHtml(mail.subject)}</h1>
<dl class="meta">
<dt>To</dt><dd>${escapeHtml(mail.to)}</dd>
<dt>From</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>Sent</dt><dd>${sentAt(mail)}</dd>
<dt>Kind</dt><dd>${escapeHtml(mail.kind)}</dd>
</dl>
${
  mail.html
    ? `<h2>As the recipient sees it</h2>
<iframe sandbox="allow-top-navigation-by-user-activation" referrerpolicy="no-referrer" title="The mail: ${escapeHtml(mail.subject)}" srcdoc="${escapeHtml(linksOpenInTab(mail.html))}"></iframe>`
    : ''
}
<h2>Plain text</h2>
<pre>${linkified(mail.text)}</pre>`,
  );
}

/** A click on a link in the mail opens it in the tab, as a mail client would; nothing else may. */
function linksOpenInTab(html: string): string {
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => head + base)
    : base + html;
}

/** The text part with its web addresses as links, so a developer can follow one. */
function linkified(text: string): string {
  return escapeHtml(text).replace(
    /https?:\/\/[^\s<]+/g,
    (url) => `<a href="${url}" rel="noreferrer">${url}</a>`,
  );
}

export function inboxNotFoundPage(): string {
  return inboxPage(
    'No such mail',
    `<h1>No such mail</h1>
<p class="lead">The dev mailbox holds no mail with this address.</p>
<p><a href="${INBOX}">← Inbox</a></p>`,
  );
}
