import { passkeySignIn, passkeySignUp, type PasskeyLinks } from './passkey-pages';

/**
 * The identity provider's own pages (sign in, sign up, sign out), rendered on the server like
 * Keycloak's login theme, in the MakrX look. No scripts but the logout auto-submit, and nothing
 * inline that the pages' Content-Security-Policy does not name by its hash.
 */

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The pages' one style sheet, inline; allowed by its hash (page-policy.ts). */
export const PAGE_STYLES = `
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;
justify-content:center;padding:24px 16px;background:#f6f5fb;color:#0f172a;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{width:100%;max-width:420px}
.brand{display:flex;align-items:center;gap:10px;justify-content:center;margin-bottom:24px;font-weight:700;font-size:20px}
.mark{width:36px;height:36px}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:16px;padding:32px;box-shadow:0 10px 30px -12px rgba(15,23,42,.18)}
h1{font-size:24px;line-height:1.25;margin:0 0 6px}
p.lead{margin:0 0 24px;color:#475569}
p.hint{margin:6px 0 0;font-size:13px;color:#475569}
label{display:block;font-weight:600;font-size:14px;margin:16px 0 6px}
input[type=text],input[type=email],input[type=password]{width:100%;padding:10px 12px;border:1px solid #cbd5e1;border-radius:10px;font:inherit;background:#fff}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #7c3aed;outline-offset:2px}
.check{display:flex;gap:8px;align-items:center;margin:16px 0 0;font-size:14px;font-weight:500}
button{width:100%;margin-top:24px;padding:12px 16px;border:0;border-radius:10px;background:#6d28d9;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#5b21b6}
button.secondary{background:#fff;color:#0f172a;border:1px solid #cbd5e1;margin-top:12px}
.alert{border-radius:10px;padding:12px 14px;margin:0 0 16px;font-size:14px}
.alert.error{background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
.alert.info{background:#f0fdf4;color:#166534;border:1px solid #bbf7d0}
.links{display:flex;justify-content:space-between;gap:12px;margin-top:20px;font-size:14px}
a{color:#5b21b6}
.divider{display:flex;align-items:center;gap:12px;margin:24px 0 0;color:#64748b;font-size:13px}
.divider::before,.divider::after{content:"";flex:1;height:1px;background:#e2e8f0}
footer{margin-top:24px;font-size:13px;color:#475569;text-align:center}
@media (max-width:420px){.links{flex-direction:column;align-items:flex-start}}
`;

const MARK_SHAPES = `<rect width="32" height="32" rx="9" fill="#0b1020"/><path d="M10 10 22 22" stroke="#fff" stroke-width="4" stroke-linecap="round"/><path d="M22 10 10 22" stroke="#a78bfa" stroke-width="4" stroke-linecap="round"/>`;

/** The MakrX mark the apps' headers show (packages/ui makrx-logo.tsx), inline. */
export const BRAND_MARK = `<svg class="mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">${MARK_SHAPES}</svg>`;

/** The same mark as the pages' icon, served at /favicon.svg (favicon.ts). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${MARK_SHAPES}</svg>`;

export function renderPage(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · MakrX</title>
<link rel="icon" href="/favicon.ico" sizes="any">
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<style>${PAGE_STYLES}</style>
</head>
<body>
<main>
<div class="brand">${BRAND_MARK}<span>MakrX</span></div>
<div class="card">${content}</div>
<footer>One account for MakrX.org, MakrCave and MakrX.Store.</footer>
</main>
</body>
</html>`;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

const notice = (n?: Notice) =>
  n
    ? `<div class="alert ${n.kind}" role="${n.kind === 'error' ? 'alert' : 'status'}">${escapeHtml(n.text)}</div>`
    : '';

export function signInPage(input: {
  action: string;
  signUpUrl: string;
  resetUrl: string;
  username?: string;
  notice?: Notice;
  upstreamUrl?: string;
  upstreamName?: string;
  /** While ENABLE_NEW_AUTHENTICATION_FLOW is on. */
  passkey?: PasskeyLinks;
}): string {
  const upstream = input.upstreamUrl
    ? `<div class="divider">or</div><a class="button-link" href="${escapeHtml(input.upstreamUrl)}"><button type="button" class="secondary">Continue with ${escapeHtml(input.upstreamName ?? 'single sign-on')}</button></a>`
    : '';
  return renderPage(
    'Sign in',
    `<h1>Sign in</h1>
<p class="lead">Welcome back to MakrX.</p>
${notice(input.notice)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
<label for="username">Email or username</label>
<input id="username" name="username" type="text" autocomplete="username" required autofocus value="${escapeHtml(input.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<label class="check"><input type="checkbox" name="rememberMe" value="on"> Remember me on this device</label>
<button type="submit">Sign in</button>
</form>
${input.passkey ? passkeySignIn(input.passkey) : ''}
${upstream}
<div class="links"><a href="${escapeHtml(input.resetUrl)}">Forgot your password?</a><a href="${escapeHtml(input.signUpUrl)}">Create an account</a></div>`,
  );
}

export function signUpPage(input: {
  action: string;
  signInUrl: string;
  values?: { email?: string; displayName?: string };
  notice?: Notice;
  /** While ENABLE_NEW_AUTHENTICATION_FLOW is on. */
  passkey?: PasskeyLinks;
}): string {
  return renderPage(
    'Create your account',
    `<h1>Create your account</h1>
<p class="lead">Join the makers on MakrX. It takes a minute.</p>
${notice(input.notice)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
<label for="displayName">Your name</label>
<input id="displayName" name="displayName" type="text" autocomplete="name" required value="${escapeHtml(input.values?.displayName ?? '')}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(input.values?.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required aria-describedby="password-hint">
<p id="password-hint" class="hint">At least 10 characters.</p>
<button type="submit">Create account</button>
${input.passkey ? passkeySignUp(input.passkey) : ''}
</form>
<div class="links"><span></span><a href="${escapeHtml(input.signInUrl)}">I already have an account</a></div>`,
  );
}

export function messagePage(
  title: string,
  text: string,
  link?: { href: string; label: string },
): string {
  return renderPage(
    title,
    `<h1>${escapeHtml(title)}</h1><p class="lead">${escapeHtml(text)}</p>${
      link
        ? `<a href="${escapeHtml(link.href)}"><button type="button">${escapeHtml(link.label)}</button></a>`
        : ''
    }`,
  );
}

/** Submits oidc-provider's logout form as "Sign me out"; allowed by its hash (page-policy.ts). */
export const LOGOUT_AUTO_SUBMIT = `var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();`;

/** oidc-provider's logout confirmation; submitted at once when the app sent id_token_hint. */
export function signOutPage(form: string, autoSubmit: boolean): string {
  return renderPage(
    'Sign out',
    `<h1>Sign out of MakrX?</h1>
<p class="lead">You will be signed out of MakrX.org, MakrCave and MakrX.Store.</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>
${autoSubmit ? `<script>${LOGOUT_AUTO_SUBMIT}</script>` : ''}`,
  );
}
