// The audit log, in the API's order (oldest first), a page at a time. Each page is its own
// URL (#/audit?since=SEQ), so the back button is "previous page".

import { api, query } from './api.js';
import { h, table, text, when } from './dom.js';

const PAGE = 100;

export async function auditView({ params }) {
  const since = params.get('since') || '';
  const page = await api('GET', '/api/audit' + query({ since, limit: PAGE }));
  const items = page.items || [];
  return {
    title: 'Audit log',
    node: h('section', {},
      h('h1', { tabindex: '-1' }, 'Audit log'),
      h('p', {}, 'Every decision, rule change and token change, oldest first. Entries are never '
        + 'rewritten.'),
      sinceForm(since),
      items.length
        ? table('Audit entries' + (since ? ' since ' + since : ''),
          ['#', 'When', 'Who', 'Action', 'Target', 'Reason', 'Details'],
          items.map(e => [String(e.sequence), when(e.at), e.actor || '—', e.action,
            e.target || '—', e.reason || '—',
            e.details && Object.keys(e.details).length ? h('code', {}, text(e.details)) : '—']))
        : h('p', { role: 'status' }, 'No entries' + (since ? ' after this point.' : ' yet.')),
      h('nav', { 'aria-label': 'Audit pages', class: 'pager' },
        since ? h('a', { href: '#/audit' }, 'First page') : null,
        page.next !== null && page.next !== undefined
          ? h('a', { href: '#/audit' + query({ since: page.next }), rel: 'next' }, 'Next page')
          : h('span', {}, 'End of the log.'))),
  };
}

function sinceForm(since) {
  const input = h('input', { id: 'a-since', name: 'since', value: since,
    placeholder: '42 or 2025-01-31T00:00:00Z', 'aria-describedby': 'a-since-hint' });
  return h('form', {
    class: 'filters',
    'aria-label': 'Jump in the audit log',
    onsubmit: event => {
      event.preventDefault();
      location.hash = '#/audit' + query({ since: input.value.trim() });
    },
  },
  h('div', { class: 'grow' },
    h('label', { for: 'a-since' }, 'Since'),
    h('p', { id: 'a-since-hint', class: 'hint' }, 'A sequence number or an ISO-8601 instant.'),
    input),
  h('div', {}, h('button', { type: 'submit' }, 'Show')));
}
