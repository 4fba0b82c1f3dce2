import { escapeHtml } from './pages';

/** Where a page's passkey button asks for options, and where it posts the answer. */
export interface PasskeyLinks {
  optionsUrl: string;
  action: string;
  /** @simplewebauthn/browser's bundle, served by the identity provider itself. */
  scriptUrl: string;
}

/**
 * Runs a passkey ceremony for each `[data-passkey]` button: asks the options (sending the
 * sign-up's name and email when the form has them), lets the authenticator answer through
 * @simplewebauthn/browser, and posts the answer as the form's `credential`. Allowed by its hash
 * (page-policy.ts); a browser without passkeys hides the button.
 */
export const PASSKEY_SCRIPT = `(function(){var W=window.SimpleWebAuthnBrowser;document.querySelectorAll('[data-passkey]').forEach(function(b){var f=b.form,m=document.getElementById(b.getAttribute('aria-describedby'));if(!W||!W.browserSupportsWebAuthn()){b.hidden=true;return;}b.addEventListener('click',function(){m.textContent='';b.disabled=true;var q=new URLSearchParams();['displayName','email'].forEach(function(n){if(f.elements[n])q.set(n,f.elements[n].value);});fetch(b.dataset.options,{method:'POST',body:q,credentials:'same-origin'}).then(function(r){return r.json().then(function(o){if(!r.ok)throw new Error(o.message||'That did not work. Try again.');return o;});}).then(function(o){return b.dataset.passkey==='create'?W.startRegistration({optionsJSON:o}):W.startAuthentication({optionsJSON:o});}).then(function(c){var i=document.createElement('input');i.type='hidden';i.name='credential';i.value=JSON.stringify(c);f.appendChild(i);if(f.elements.password)f.elements.password.disabled=true;f.action=b.dataset.action;f.submit();}).catch(function(e){m.textContent=e&&e.name==='NotAllowedError'?'No passkey was used. Try again when you are ready.':(e&&e.message)||'That did not work. Try again.';b.disabled=false;});});});})();`;

const scripts = (links: PasskeyLinks) =>
  `<script src="${escapeHtml(links.scriptUrl)}"></script><script>${PASSKEY_SCRIPT}</script>`;

const button = (links: PasskeyLinks, kind: 'get' | 'create', label: string) =>
  `<button type="button" class="secondary" data-passkey="${kind}" data-options="${escapeHtml(links.optionsUrl)}" data-action="${escapeHtml(links.action)}" aria-describedby="passkey-message">${label}</button>
<p id="passkey-message" class="hint" role="status" aria-live="polite"></p>`;

/** The sign-in page's "Sign in with a passkey", in a form of its own. */
export const passkeySignIn = (links: PasskeyLinks) =>
  `<div class="divider">or</div>
<form method="post" action="${escapeHtml(links.action)}">${button(links, 'get', 'Continue with a passkey')}</form>
${scripts(links)}`;

/** The sign-up form's "Create account with a passkey": the same name and email, no password. */
export const passkeySignUp = (links: PasskeyLinks) =>
  `<div class="divider">or, without a password</div>
${button(links, 'create', 'Create account with a passkey')}
${scripts(links)}`;
