// Trust and deny rules: everyone may read them; adding and removing needs an admin token, and
// the API's own refusal is shown to anyone else rather than hiding the controls.

import { api } from './api.js';
import { h, errorBox, table, when } from './dom.js';

export async function rulesView({ session, rerender }) {
  const rules = (await api('GET', '/api/rules')).items || [];
  const status = h('p', { role: 'status' }, session.flash || '');
  session.flash = '';
  return {
    title: 'Rules',
    node: h('section', {},
      h('h1', { tabindex: '-1' }, 'Rules'),
      status,
      session.role && session.role !== 'admin'
        ? h('p', { class: 'hint' }, 'Your token’s role is ' + session.role
          + '; adding and removing rules needs admin.')
        : null,
      rules.length
        ? table('Trust and deny rules',
          ['Effect', 'Applies to', 'Version', 'Expires', 'Note', 'Created', 'Remove'],
          rules.map(r => [
            h('span', { class: 'badge effect-' + r.effect }, r.effect),
            [r.kind + ' ', h('code', {}, r.name)],
            r.version || 'any',
            r.expiresAt ? when(r.expiresAt) : 'never',
            r.note || '—',
            [r.createdBy || '—', ', ', when(r.createdAt)],
            r.createdBy === 'config' ? 'from the config file' : removeForm(r, session, rerender),
          ]))
        : h('p', {}, 'No rules.'),
      addForm(session, rerender)),
  };
}

function removeForm(rule, session, rerender) {
  const id = 'rm-' + String(rule.id).replace(/[^A-Za-z0-9_-]/g, '_');
  const reason = h('input', { id, name: 'reason' });
  const error = h('div');
  return h('details', {},
    h('summary', {}, 'Remove…'),
    h('form', {
      onsubmit: async event => {
        event.preventDefault();
        try {
          await api('DELETE', '/api/rules/' + encodeURIComponent(rule.id),
            reason.value.trim() ? { reason: reason.value.trim() } : undefined);
          session.flash = 'Removed the rule on ' + rule.kind + ' ' + rule.name + '.';
          await rerender();
        } catch (e) {
          error.replaceChildren(errorBox(e.message));
        }
      },
    },
    h('label', { for: id }, 'Reason (optional)'), reason,
    h('button', { type: 'submit', class: 'reject' }, 'Remove rule'),
    error));
}

function addForm(session, rerender) {
  const field = (id, label, control, hint) => h('div', {},
    h('label', { for: id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null);
  const effect = h('select', { id: 'r-effect' },
    h('option', { value: 'trust' }, 'trust'), h('option', { value: 'deny' }, 'deny'));
  const kind = h('select', { id: 'r-kind' }, ['publisher', 'package', 'scope']
    .map(k => h('option', { value: k }, k)));
  const name = h('input', { id: 'r-name', required: true });
  const version = h('input', { id: 'r-version' });
  const until = h('input', { id: 'r-until', type: 'datetime-local' });
  const note = h('input', { id: 'r-note' });
  const error = h('div');
  return h('form', {
    class: 'add-rule',
    'aria-labelledby': 'add-rule-heading',
    onsubmit: async event => {
      event.preventDefault();
      error.replaceChildren();
      const body = { effect: effect.value, [kind.value]: name.value.trim(), note: note.value };
      if (version.value.trim()) {
        body.version = version.value.trim();
      }
      if (until.value) {
        body.until = new Date(until.value).toISOString();
      }
      try {
        await api('POST', '/api/rules', body);
        session.flash = 'Added a ' + effect.value + ' rule on ' + kind.value + ' '
          + name.value.trim() + '.';
        await rerender();
      } catch (e) {
        error.replaceChildren(errorBox(e.message));
      }
    },
  },
  h('h2', { id: 'add-rule-heading' }, 'Add a rule'),
  h('div', { class: 'grid' },
    field('r-effect', 'Effect', effect),
    field('r-kind', 'Applies to', kind),
    field('r-name', 'Name', name, 'A publisher, a package, or a scope like @acme.'),
    field('r-version', 'Version (package rules only)', version),
    field('r-until', 'Expires (your local time; optional)', until),
    field('r-note', 'Note', note)),
  error,
  h('button', { type: 'submit' }, 'Add rule'));
}
