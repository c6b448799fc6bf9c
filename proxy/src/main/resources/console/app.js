// The console's shell: sign-in, navigation and hash routing (#/holds, #/holds/NAME/VERSION,
// #/groups, #/audit, #/rules). Each view is an async function returning {title, node}.

import { api, ApiError, currentToken, forgetToken, saveToken } from './api.js';
import { h, errorBox } from './dom.js';
import { holdsView } from './holds.js';
import { groupsView } from './groups.js';
import { detailView } from './detail.js';
import { auditView } from './audit.js';
import { rulesView } from './rules.js';

const ROUTES = [
  [/^\/holds$/, holdsView, '#/holds'],
  [/^\/holds\/([^/]+)\/([^/]+)$/, detailView, '#/holds'],
  [/^\/groups$/, groupsView, '#/groups'],
  [/^\/audit$/, auditView, '#/audit'],
  [/^\/rules$/, rulesView, '#/rules'],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const sessionBar = document.getElementById('session');
const who = document.getElementById('who');
/** Who is signed in ({name, role}), plus a one-shot message for the next rendered view. */
const session = { name: null, role: null, flash: '' };
/** Bumped on every render, so a slow answer for a page already left is dropped. */
let generation = 0;

document.getElementById('sign-out').addEventListener('click', () => signOut(''));
window.addEventListener('hashchange', () => {
  // In-page anchors such as the skip link are not routes: following one keeps the page.
  if (!location.hash || location.hash.startsWith('#/')) {
    render(true);
  }
});
render(false);

async function render(moveFocus) {
  const hash = location.hash.startsWith('#/') ? location.hash : '#/holds';
  if (!currentToken()) {
    showSignIn('');
    return;
  }
  const gen = ++generation;
  try {
    if (!session.role) {
      Object.assign(session, await api('GET', '/api/whoami'));
      showSession();
    }
    const [path, search] = (hash.slice(1) || '/holds').split('?');
    const route = ROUTES.find(([re]) => re.test(path));
    if (!route) {
      throw new ApiError(404, 'No such page: ' + path);
    }
    const [re, view, section] = route;
    const match = re.exec(path).slice(1).map(decodeURIComponent);
    markCurrent(section);
    main.setAttribute('aria-busy', 'true');
    const { title, node } = await view({
      match, params: new URLSearchParams(search || ''), session,
      rerender: () => render(true),
    });
    if (gen !== generation) {
      return;
    }
    document.title = title + ' · Lazaret';
    main.replaceChildren(node);
    if (moveFocus) {
      // Tell screen readers and keyboard users that the page changed: start at its heading.
      (main.querySelector('h1') || main).focus();
    }
  } catch (e) {
    if (gen !== generation) {
      return;
    }
    if (e instanceof ApiError && e.status === 401) {
      signOut('Your token was not accepted (' + e.message + '). Sign in again.');
      return;
    }
    main.replaceChildren(h('h1', { tabindex: '-1' }, 'Something went wrong'), errorBox(e.message));
  } finally {
    main.removeAttribute('aria-busy');
  }
}

function showSession() {
  who.textContent = 'Signed in as ' + session.name + ' (' + session.role + ')';
  nav.hidden = false;
  sessionBar.hidden = false;
}

function markCurrent(section) {
  for (const a of nav.querySelectorAll('a')) {
    if (a.getAttribute('href') === section) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
}

function signOut(message) {
  forgetToken();
  Object.assign(session, { name: null, role: null, flash: '' });
  generation++;
  showSignIn(message);
}

function showSignIn(message) {
  nav.hidden = true;
  sessionBar.hidden = true;
  document.title = 'Sign in · Lazaret';
  const token = h('input', { id: 'token', name: 'token', type: 'password', required: true,
    autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-hint' });
  const error = h('div', {}, message ? errorBox(message) : null);
  const form = h('form', {
    class: 'sign-in',
    onsubmit: async event => {
      event.preventDefault();
      error.replaceChildren();
      saveToken(token.value.trim());
      try {
        Object.assign(session, await api('GET', '/api/whoami'));
      } catch (e) {
        forgetToken();
        error.replaceChildren(errorBox(e.message));
        token.focus();
        return;
      }
      showSession();
      render(true);
    },
  },
  h('h1', { tabindex: '-1' }, 'Sign in'),
  h('label', { for: 'token' }, 'Admin token'),
  h('p', { id: 'token-hint', class: 'hint' },
    'Kept in this tab only (session storage) and sent to this Lazaret only.'),
  token,
  error,
  h('button', { type: 'submit' }, 'Sign in'));
  main.replaceChildren(form);
  token.focus();
}
