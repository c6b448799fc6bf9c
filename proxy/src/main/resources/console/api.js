// The admin API, as the console uses it: a bearer token from sessionStorage (gone when the tab
// closes, never sent anywhere but this origin) and JSON both ways.

const KEY = 'lazaret.token';

/** The signed-in token, or null. */
export function currentToken() {
  return sessionStorage.getItem(KEY);
}

export function saveToken(token) {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

/** An API refusal; `message` is the API's own `error` text, shown to the analyst as is. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Calls the API; resolves to the parsed JSON body, rejects with an ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = currentToken();
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  const init = { method, headers, cache: 'no-store', credentials: 'omit' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Lazaret did not answer (' + e.message + ').');
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    // An empty or non-JSON body: the status line below still says what happened.
  }
  if (!response.ok) {
    const text = data && typeof data.error === 'string' ? data.error : response.statusText;
    throw new ApiError(response.status, response.status + ': ' + text);
  }
  return data;
}

/** A query string from the non-empty entries of `params`, with a leading `?` (or nothing). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** The API path of one hold; scoped names are encoded whole (`%40acme%2Fui`). */
export function holdPath(name, version) {
  return '/api/holds/' + encodeURIComponent(name) + '/' + encodeURIComponent(version);
}

/** The console route of one hold's detail page. */
export function holdRoute(name, version) {
  return '#/holds/' + encodeURIComponent(name) + '/' + encodeURIComponent(version);
}
