// The staff JSON API (alerting/api_staff.h): the session cookie is sent by the browser
// (HttpOnly, SameSite=Strict); every POST carries the CSRF token from login or /api/me.

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  // The server does not have this endpoint (yet): the view says so instead of failing.
  get unavailable() {
    return this.status === 404 && /no such endpoint/.test(this.message) || this.status === 501 || this.status === 0;
  }
}

const state = { csrf: null, user: null, onUnauthorised: null };

export function session() {
  return state.user;
}

export function onUnauthorised(fn) {
  state.onUnauthorised = fn;
}

async function request(method, path, body) {
  const opts = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (method !== 'GET') {
    opts.headers['Content-Type'] = 'application/json';
    if (state.csrf) opts.headers['X-CSRF-Token'] = state.csrf;
    opts.body = JSON.stringify(body ?? {});
  }
  let r;
  try {
    r = await fetch(path, opts);
  } catch (e) {
    throw new ApiError(0, '无法连接服务器', null);
  }
  let data = null;
  const ct = r.headers.get('Content-Type') || '';
  if (ct.includes('json')) {
    try {
      data = await r.json();
    } catch (e) {
      data = null;
    }
  }
  if (!r.ok) {
    const msg = (data && data.error) || `HTTP ${r.status}`;
    const err = new ApiError(r.status, msg, data);
    if (r.status === 401 && path !== '/api/login' && state.onUnauthorised) {
      state.user = null;
      state.csrf = null;
      state.onUnauthorised();
    }
    throw err;
  }
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function login(name, password) {
  const u = await post('/api/login', { name, password });
  state.user = u;
  state.csrf = u.csrf_token;
  return u;
}

export async function me() {
  const u = await get('/api/me');
  state.user = u;
  state.csrf = u.csrf_token;
  return u;
}

export async function logout() {
  try {
    await post('/api/logout', {});
  } finally {
    state.user = null;
    state.csrf = null;
  }
}

// What each role may do to a case (alerting/accounts.h) and the workflow's steps
// (alerting/workflow.c): the buttons a user sees.
const MAY = {
  report: ['cyberspace', 'admin'],
  assign: ['cyberspace', 'admin'],
  note: ['cyberspace', 'petition', 'housing', 'admin'],
  resolve: ['cyberspace', 'housing', 'admin'],
  dismiss: ['cyberspace', 'admin'],
  close: ['cyberspace', 'admin'],
};
const FROM = {
  report: ['open'],
  assign: ['reported'],
  resolve: ['assigned'],
  close: ['resolved'],
  dismiss: ['open', 'reported', 'assigned'],
  note: ['open', 'reported', 'assigned', 'resolved'],
};

export function roleMay(role, action) {
  return (MAY[action] || []).includes(role);
}

export function actionFits(action, status) {
  return (FROM[action] || []).includes(status);
}
