// Held versions grouped by release (same publisher and scope, published within minutes of each
// other), newest first, each with one form that approves or rejects every member still held.

import { api, holdRoute, query } from './api.js';
import { h, errorBox, table, when } from './dom.js';

const PAGE = 50;

export async function groupsView({ session, rerender }) {
  const list = h('div');
  const status = h('p', { class: 'count', role: 'status' }, session.flash || '');
  session.flash = '';
  const more = h('p');
  const show = page => {
    const sections = page.items.map(g => group(g, session, rerender));
    sections.forEach(s => list.appendChild(s));
    if (list.children.length === 0) {
      status.append(' Nothing is held.');
    }
    more.replaceChildren(page.next ? moreButton(page.next, show, more) : '');
    return sections[0];
  };
  show(await load(null));
  return {
    title: 'Groups',
    node: h('section', {},
      h('h1', { tabindex: '-1' }, 'Groups'),
      h('p', { class: 'hint' }, 'Held versions of one release: same publisher and scope,'
        + ' each published within 15 minutes of the previous one.'),
      status,
      list,
      more),
  };
}

function load(cursor) {
  return api('GET', '/api/hold-groups' + query({ limit: PAGE, cursor }));
}

function group(g, session, rerender) {
  const heading = 'group-' + g.id;
  return h('section', { class: 'group', 'aria-labelledby': heading },
    h('h2', { id: heading, tabindex: '-1' },
      (g.scope || 'unscoped') + ' by ' + (g.publisher || 'unknown') + ': ' + g.count
        + (g.count === 1 ? ' version' : ' versions')),
    h('p', {},
      g.risky ? h('span', { class: 'badge risky' }, g.risky + ' risky') : null,
      ' published ', when(g.firstPublished), ' to ', when(g.lastPublished)),
    table('Members of group ' + g.id, ['Member'], g.members.map(m => [member(m)])),
    decideForm(g, session, rerender));
}

/** A `name@version` member, linked to its hold's page. */
function member(nameAtVersion) {
  const at = nameAtVersion.lastIndexOf('@');
  return h('a', { href: holdRoute(nameAtVersion.slice(0, at), nameAtVersion.slice(at + 1)) },
    nameAtVersion);
}

function decideForm(g, session, rerender) {
  const id = 'reason-' + g.id;
  const error = h('div');
  const reason = h('textarea', { id, name: 'reason', required: true, rows: '2' });
  const buttons = [
    h('button', { type: 'submit', value: 'approve', class: 'approve' }, 'Approve all'),
    h('button', { type: 'submit', value: 'reject', class: 'reject' }, 'Reject all'),
  ];
  return h('form', {
    class: 'decide',
    onsubmit: async event => {
      event.preventDefault();
      const action = event.submitter ? event.submitter.value : 'approve';
      error.replaceChildren();
      buttons.forEach(b => { b.disabled = true; });
      try {
        const answer = await api('POST', '/api/hold-groups/' + encodeURIComponent(g.id),
          { action, reason: reason.value.trim() });
        session.flash = outcome(answer);
        await rerender();
      } catch (e) {
        error.replaceChildren(errorBox(e.message));
        buttons.forEach(b => { b.disabled = false; });
      }
    },
  },
  h('label', { for: id }, 'Reason (required; recorded for every member with your token’s name, '
    + (session.name || 'unknown') + ')'),
  reason,
  error,
  h('div', { class: 'buttons' }, buttons));
}

/** One sentence about a group decision, naming members someone else decided first. */
function outcome(answer) {
  const others = answer.members.filter(m => m.outcome !== 'decided')
    .map(m => m.package + '@' + m.version + ' (' + (m.detail || m.outcome) + ')');
  return (answer.action === 'approve' ? 'Approved ' : 'Rejected ') + answer.decided + ' of '
    + answer.members.length + '.' + (others.length ? ' Not changed: ' + others.join(', ') : '');
}

function moreButton(cursor, show, slot) {
  const button = h('button', {
    type: 'button',
    onclick: async () => {
      button.disabled = true;
      try {
        const firstNew = show(await load(cursor));
        firstNew?.querySelector('h2')?.focus();
      } catch (e) {
        slot.replaceChildren(errorBox(e.message), button);
        button.disabled = false;
      }
    },
  }, 'Show more');
  return button;
}
