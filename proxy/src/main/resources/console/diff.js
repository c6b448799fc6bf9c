// "What changed since the last allowed version": dependencies, install scripts (their full
// text, since that is where attacks live), maintainers, publisher, provenance and files.

import { h, table, text } from './dom.js';

export function diffSection(diff) {
  if (!diff) {
    return h('section', {}, h('h2', {}, 'Changes'), h('p', {}, 'No comparison available.'));
  }
  return h('section', { class: 'diff' },
    h('h2', {}, diff.against ? 'Changes since ' + diff.against : 'Changes'),
    diff.against ? null
      : h('p', {}, 'No earlier allowed version to compare with: everything here is new.'),
    dependencies('Dependencies', diff.dependencies),
    dependencies('Optional dependencies', diff.optionalDependencies),
    dependencies('Peer dependencies', diff.peerDependencies),
    scripts(diff.scripts),
    maintainers(diff.maintainers),
    fromTo('Publisher', diff.publisher, v => v || 'unknown'),
    fromTo('Provenance', diff.provenance, v => v === true ? 'present'
      : v === false ? 'absent' : text(v)),
    files(diff.files));
}

function entries(obj) {
  return obj ? Object.entries(obj) : [];
}

function dependencies(title, d) {
  if (d === undefined) {
    return null;
  }
  const rows = [
    ...entries(d && d.added).map(([n, range]) => [n, 'added', '—', text(range)]),
    ...entries(d && d.removed).map(([n, range]) => [n, 'removed', text(range), '—']),
    ...entries(d && d.changed).map(([n, c]) => [n, 'changed', text(c && c.from),
      text(c && c.to)]),
  ];
  return h('section', {}, h('h3', {}, title),
    rows.length ? table(title + ': changes', ['Name', 'Change', 'Before', 'Now'],
      rows.map(([n, ...rest]) => [h('code', {}, n), ...rest]))
      : h('p', {}, 'No changes.'));
}

function scripts(s) {
  const blocks = [
    ...entries(s && s.added).map(([hook, body]) => script(hook, 'added', [['Now', body]])),
    ...entries(s && s.changed).map(([hook, c]) => script(hook, 'changed',
      [['Before', c && c.from], ['Now', c && c.to]])),
    ...entries(s && s.removed).map(([hook, body]) => script(hook, 'removed',
      [['Before', body]])),
  ];
  return h('section', {}, h('h3', {}, 'Scripts'),
    blocks.length ? blocks : h('p', {}, 'No script changes.'));
}

function script(hook, change, versions) {
  return h('div', { class: 'script ' + change },
    h('h4', {}, h('code', {}, hook), ' ' + change),
    versions.map(([label, body]) => [
      h('p', { class: 'hint' }, label + ':'),
      h('pre', {}, h('code', {}, text(body))),
    ]));
}

function maintainers(m) {
  const added = (m && m.added) || [];
  const removed = (m && m.removed) || [];
  return h('section', {}, h('h3', {}, 'Maintainers'),
    added.length || removed.length
      ? h('ul', {}, added.map(n => h('li', {}, 'added: ', h('strong', {}, n))),
        removed.map(n => h('li', {}, 'removed: ' + n)))
      : h('p', {}, 'No maintainer changes.'));
}

function fromTo(title, change, show) {
  if (!change) {
    return null;
  }
  const same = text(change.from) === text(change.to);
  return h('section', {}, h('h3', {}, title),
    h('p', {}, same ? 'Unchanged: ' + show(change.to)
      : show(change.from) + ' → ' + show(change.to)));
}

function files(f) {
  if (!f) {
    return h('section', {}, h('h3', {}, 'Files'),
      h('p', {}, 'Not known yet: the tarball has not been inspected.'));
  }
  const rows = ['added', 'removed', 'changed'].flatMap(change =>
    (f[change] || []).map(file => [h('code', {}, file.path), change,
      file.size === undefined ? '—' : String(file.size)]));
  return h('section', {}, h('h3', {}, 'Files'),
    rows.length ? table('File changes', ['Path', 'Change', 'Size (bytes)'], rows)
      : h('p', {}, 'No file changes.'));
}
