// The gateway's HTTP/JSON API as the dashboard calls it: same origin, the
// session cookie sent by the browser, the session's CSRF token on every
// write, errors as ApiError with the server's message in the user's
// language (server messages read "Tiếng Việt (English)").
let csrfToken = '';

export function setCsrfToken(token) {
  csrfToken = token || '';
}

export class ApiError extends Error {
  constructor(httpStatus, error) {
    super(error.message || `HTTP ${httpStatus}`);
    this.httpStatus = httpStatus;
    this.status = error.status || '';
    this.details = error.details || [];
  }
}

// The part of a bilingual server message in `lang`.
export function messageIn(message, lang) {
  const m = /^(.*\S)\s*\(([^()]*)\)\s*$/s.exec(message || '');
  if (!m) return message || '';
  return lang === 'en' ? m[2] : m[1];
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    if (response.status === 401 && path !== '/web/session') dispatchEvent(new Event('parhub:unauthenticated'));
    throw new ApiError(response.status, data.error || {});
  }
  return data;
}

// An idempotency key for one user action (a retry of the same action
// reuses it, so the server records it once).
export function newRequestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Query string of the defined values of `params`.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// "schools/mn-2010/plans/par-2024" → "/v1/schools/mn-2010/plans/par-2024".
export function v1(name) {
  return '/v1/' + name.split('/').map(encodeURIComponent).join('/');
}
