// One version's page: why it is held (verdict, reasons, every signal), who published it, what
// changed since the last allowed version, and the Approve / Reject decision with a reason.

import { api, holdPath } from './api.js';
import { h, errorBox, facts, stateBadge, table, text, when } from './dom.js';
import { diffSection } from './diff.js';

export async function detailView({ match, session, rerender }) {
  const [name, version] = match;
  const ex = await api('GET', holdPath(name, version));
  const state = stateOf(ex);
  const announce = h('p', { id: 'decision-status', role: 'status' }, session.flash || '');
  session.flash = '';
  return {
    title: name + '@' + version,
    node: h('article', { class: 'detail' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/holds' }, '← All holds')),
      h('h1', { tabindex: '-1' }, name + '@' + version),
      announce,
      facts([
        ['State', stateBadge(state, { id: 'hold-state' })],
        ['Verdict', ex.verdict],
        [state === 'held' ? 'Held until' : 'Cooldown until', ex.until ? when(ex.until) : null],
        ['Risky', ex.risky ? h('span', { class: 'badge risky' }, 'risky: flagged for review')
          : 'no'],
        ['Published', ex.hold ? when(ex.hold.publishedAt) : null],
        ['Upstream', ex.hold ? ex.hold.upstream : null],
      ]),
      reasons(ex.reasons || []),
      signals(ex.signals || []),
      publisher(ex.publisher),
      decision(ex.decision),
      diffSection(ex.diff),
      decideForm(name, version, Boolean(ex.decision), session, rerender)),
  };
}

/** Where the version stands, lower case: the recorded hold's state, else the verdict. */
function stateOf(ex) {
  if (ex.hold && ex.hold.state) {
    return String(ex.hold.state).toLowerCase();
  }
  if (ex.decision && typeof ex.decision.approved === 'boolean') {
    return ex.decision.approved ? 'approved' : 'rejected';
  }
  return ex.verdict || 'unknown';
}

function reasons(list) {
  return h('section', {},
    h('h2', {}, 'Why'),
    list.length ? h('ul', { class: 'reasons' }, list.map(r => h('li', {}, r)))
      : h('p', {}, 'No reasons recorded.'));
}

function signals(list) {
  return h('section', {},
    h('h2', {}, 'Signals'),
    table('Every signal, fired or not', ['Signal', 'Fired', 'Value', 'Finding'],
      list.map(s => [
        h('code', {}, s.id),
        s.fired ? h('strong', { class: 'fired' }, 'yes') : 'no',
        text(s.value),
        s.sentence || '',
      ])));
}

function publisher(p) {
  if (!p) {
    return null;
  }
  return h('section', {},
    h('h2', {}, 'Publisher'),
    facts([
      ['Name', p.name || 'unknown'],
      ['First seen anywhere', p.firstSeenAnywhere ? when(p.firstSeenAnywhere) : 'unknown'],
      ['Packages maintained', p.packagesMaintained ?? 'unknown'],
      ['First known to Lazaret', p.knownSince ? when(p.knownSince) : 'unknown'],
    ]));
}

const DECISION_LABELS = { approved: 'Outcome', analyst: 'By', at: 'When', note: 'Reason' };

function decision(d) {
  if (!d) {
    return null;
  }
  // Known fields in words; any other field the API adds is still shown, never hidden.
  return h('section', {},
    h('h2', {}, 'Decision'),
    facts(Object.entries(d).map(([k, v]) => [DECISION_LABELS[k] || k,
      k === 'approved' ? (v ? 'approved' : 'rejected')
        : /At$|^at$/.test(k) ? when(v) : text(v)])));
}

function decideForm(name, version, decided, session, rerender) {
  const error = h('div', { id: 'decision-error' });
  const reason = h('textarea', { id: 'reason', name: 'reason', required: true, rows: '3',
    'aria-describedby': 'reason-hint' });
  const buttons = [
    h('button', { type: 'submit', value: 'approve', class: 'approve' }, 'Approve'),
    h('button', { type: 'submit', value: 'reject', class: 'reject' }, 'Reject'),
  ];
  const form = h('form', {
    class: 'decide',
    'aria-labelledby': 'decide-heading',
    onsubmit: async event => {
      event.preventDefault();
      const action = event.submitter ? event.submitter.value : 'approve';
      error.replaceChildren();
      buttons.forEach(b => { b.disabled = true; });
      try {
        // Changing a decision the analyst can see says so; deciding an undecided hold does not,
        // so that one decided by someone else in the meantime is a 409, not silently overruled.
        const body = { reason: reason.value.trim() };
        if (decided) {
          body.replace = true;
        }
        await api('POST', holdPath(name, version) + '/' + action, body);
        session.flash = (action === 'approve' ? 'Approved ' : 'Rejected ') + name + '@' + version
          + '.';
        await rerender();
      } catch (e) {
        error.replaceChildren(errorBox(e.message));
        buttons.forEach(b => { b.disabled = false; });
      }
    },
  },
  h('h2', { id: 'decide-heading' }, decided ? 'Change the decision' : 'Decide'),
  h('label', { for: 'reason' }, 'Reason'),
  h('p', { id: 'reason-hint', class: 'hint' },
    'Required. Recorded in the audit log with your token’s name ('
    + (session.name || 'unknown') + ').'),
  reason,
  error,
  h('div', { class: 'buttons' }, buttons));
  return form;
}
