// The holds table: what the quarantine keeps back, newest first, filtered through the URL
// (#/holds?state=held&risky=1&q=text) so the back button and shared links keep the filter.

import { api, holdRoute, query } from './api.js';
import { h, errorBox, stateBadge, when } from './dom.js';

const STATES = ['held', 'approved', 'rejected', 'released', 'blocked', 'all'];
const PAGE = 50;

export async function holdsView({ params }) {
  const filter = {
    state: STATES.includes(params.get('state')) ? params.get('state') : 'held',
    risky: params.get('risky') === '1',
    q: params.get('q') || '',
  };
  const first = await load(filter, null);
  const body = h('tbody');
  const status = h('p', { class: 'count', role: 'status' });
  const more = h('p');
  const show = page => {
    const rows = page.items.map(row);
    rows.forEach(r => body.appendChild(r));
    status.textContent = body.children.length === 0 ? 'No versions match.'
      : body.children.length + (page.next ? '+' : '') + ' shown.';
    more.replaceChildren(page.next ? moreButton(filter, page.next, show, more) : '');
    return rows[0];
  };
  show(first);
  return {
    title: 'Holds',
    node: h('section', {},
      h('h1', { tabindex: '-1' }, 'Holds'),
      filterForm(filter),
      status,
      h('table', { class: 'holds' },
        h('caption', {}, caption(filter)),
        h('thead', {}, h('tr', {}, ['Package', 'Version', 'State', 'Publisher', 'Published',
          'Held until', 'Signals'].map(name => h('th', { scope: 'col' }, name)))),
        body),
      more),
  };
}

function load(filter, cursor) {
  return api('GET', '/api/holds' + query({
    state: filter.state, q: filter.q, risky: filter.risky ? 'true' : '', limit: PAGE, cursor,
  }));
}

function caption(filter) {
  return (filter.state === 'all' ? 'All recorded versions' : 'Versions ' + filter.state)
    + (filter.risky ? ', risky only' : '') + (filter.q ? ', matching “' + filter.q + '”' : '');
}

function filterForm(filter) {
  const state = h('select', { id: 'f-state', name: 'state' },
    STATES.map(s => h('option', { value: s, selected: s === filter.state }, s)));
  const risky = h('input', { id: 'f-risky', type: 'checkbox', name: 'risky', checked: filter.risky });
  const q = h('input', { id: 'f-q', type: 'search', name: 'q', value: filter.q,
    placeholder: 'package, version or publisher' });
  return h('form', {
    class: 'filters', role: 'search', 'aria-label': 'Filter holds',
    onsubmit: event => {
      event.preventDefault();
      location.hash = '#/holds' + query({
        state: state.value, risky: risky.checked ? '1' : '', q: q.value.trim(),
      });
    },
  },
  h('div', {}, h('label', { for: 'f-state' }, 'State'), state),
  h('div', { class: 'check' }, risky, h('label', { for: 'f-risky' }, 'Risky only')),
  h('div', { class: 'grow' }, h('label', { for: 'f-q' }, 'Search'), q),
  h('div', {}, h('button', { type: 'submit' }, 'Filter')));
}

function row(item) {
  const signals = item.signals || [];
  return h('tr', { class: item.risky ? 'risky' : null },
    h('th', { scope: 'row' },
      h('a', { href: holdRoute(item.package, item.version) },
        item.package, h('span', { class: 'visually-hidden' }, ' version ' + item.version))),
    h('td', {}, item.version),
    h('td', {}, stateBadge(item.state)),
    h('td', {}, item.publisher || '—'),
    h('td', {}, when(item.publishedAt)),
    h('td', {}, when(item.until)),
    h('td', {},
      item.risky ? h('span', { class: 'badge risky' }, 'risky') : null,
      signals.length ? h('ul', { class: 'signals' }, signals.map(s => h('li', {}, s))) : null));
}

function moreButton(filter, cursor, show, slot) {
  const button = h('button', {
    type: 'button',
    onclick: async () => {
      button.disabled = true;
      try {
        // Keyboard users continue where the new rows start, not at the top of the page.
        const firstNew = show(await load(filter, cursor));
        firstNew?.querySelector('a')?.focus();
      } catch (e) {
        slot.replaceChildren(errorBox(e.message), button);
        button.disabled = false;
      }
    },
  }, 'Show more');
  return button;
}
