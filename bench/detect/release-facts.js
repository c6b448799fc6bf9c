#!/usr/bin/env node
// Prints the facts file (bench/detect/README.md) for the latest stable release of the package
// named in argv[2] and the stable release before it, from what `npm view` says; used by
// real-releases. Times are absolute; the judging instant is an hour after the release.
'use strict';
const { execFileSync } = require('child_process');

function view(...args) {
  const out = execFileSync('npm', ['view', ...args, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return out.trim() ? JSON.parse(out) : null;
}

const stable = (v) => /^\d+\.\d+\.\d+$/.test(v);
const name = process.argv[2];
const doc = view(name);
const time = doc.time || {};
const latest = doc['dist-tags'] && doc['dist-tags'].latest;
if (!latest || !stable(latest) || !time[latest]) {
  throw new Error(`${name}: no stable latest release with a publish time`);
}
const judgedAt = Date.parse(time[latest]);
// Consecutive releases: the highest stable version below the latest (by version, not by publish
// time: some registries' time maps do not keep the original publish order).
const parts = (v) => v.split('.').map(Number);
const below = (a, b) => { const x = parts(a), y = parts(b); for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i]; return false; };
const previous = (doc.versions || []).filter((v) => stable(v) && below(v, latest) && time[v])
  .sort((a, b) => (below(a, b) ? -1 : 1)).pop();
if (!previous) throw new Error(`${name}: no stable release before ${latest}`);

function manifest(version) {
  const m = view(`${name}@${version}`);
  return Array.isArray(m) ? m[m.length - 1] : m;
}
const people = (m) => ({
  publisher: m && m._npmUser ? (m._npmUser.name || String(m._npmUser).split(' ')[0]) : null,
  maintainers: ((m && m.maintainers) || []).map((x) => (typeof x === 'string' ? x.split(' ')[0] : x.name)),
  provenance: !!(m && m.dist && m.dist.attestations && m.dist.attestations.provenance),
});
const judged = manifest(latest);
const before = manifest(previous);

// Every version published up to the judged one, as the packument listed them then (and the
// previous release whatever its time says).
const versions = Object.keys(time)
  .filter((v) => v !== 'created' && v !== 'modified' && doc.versions.includes(v) && (Date.parse(time[v]) <= judgedAt || v === previous))
  .sort((a, b) => Date.parse(time[a]) - Date.parse(time[b]))
  .map((v) => {
    const entry = { version: v, published: new Date(Date.parse(time[v])).toISOString() };
    if (v === latest) Object.assign(entry, people(judged));
    if (v === previous) Object.assign(entry, people(before));
    return entry;
  });

// Dependencies the release adds, with their creation time (the earliest publish if not given).
const dependencies = {};
const oldDeps = (before && before.dependencies) || {};
for (const dep of Object.keys((judged && judged.dependencies) || {})) {
  if (dep in oldDeps) continue;
  let created = null;
  try {
    const t = view(dep, 'time') || {};
    created = t.created || Object.values(t).sort()[0] || null;
  } catch (e) {
    created = null;
  }
  dependencies[dep] = created ? { created: new Date(Date.parse(created)).toISOString() } : {};
}

const created = time.created || Object.entries(time).filter(([k]) => k !== 'modified')
  .map(([, t]) => t).sort()[0];
process.stdout.write(JSON.stringify({
  package: name,
  created: new Date(Date.parse(created)).toISOString(),
  at: new Date(judgedAt + 3600 * 1000).toISOString(),
  judged: latest,
  previous,
  versions,
  dependencies,
}, null, 2) + '\n');
