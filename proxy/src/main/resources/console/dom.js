// Small DOM helpers. Every piece of data becomes a text node (or an attribute value), never
// markup: nothing the API returns can inject HTML or script.

import { moment } from './times.js';

/**
 * Creates `<tag>` with attributes and children. Attribute values: functions under `on…` keys
 * become listeners, `true` an empty attribute, `false`/`null`/`undefined` nothing. Children:
 * strings and numbers become text, arrays are flattened, null is skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** An error message that screen readers announce at once. */
export function errorBox(message) {
  return h('p', { class: 'error', role: 'alert' }, message);
}

/** A `<dl>` of [term, value] pairs; pairs whose value is null or undefined are left out. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A table with a caption, column headers and rows of cells (strings or nodes). */
export function table(caption, headers, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map(name => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, rows.map(cells => h('tr', {}, cells.map(c => h('td', {}, c))))));
}

/**
 * `<time>` showing an API instant the one way Lazaret shows times (times.js): relative to now,
 * then UTC to the second; the `datetime` attribute keeps the ISO instant. A dash when absent.
 */
export function when(iso) {
  if (!iso) {
    return '—';
  }
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return String(iso);
  }
  return h('time', { datetime: new Date(at).toISOString() }, moment(at, Date.now()));
}

/** Any JSON value as readable text (objects as compact JSON), for generic fields. */
export function text(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A lower-cased state word in a badge, e.g. held, approved. */
export function stateBadge(state, attrs = {}) {
  const word = String(state || 'unknown').toLowerCase();
  return h('span', { class: 'badge state-' + word, 'data-state': word, ...attrs }, word);
}
