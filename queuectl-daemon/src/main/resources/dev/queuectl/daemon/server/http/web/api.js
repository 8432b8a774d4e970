// The JSON API, with the session cookie. Every answer is the protocol's envelope:
// {"ok":true,"result":...} or {"ok":false,"error":{"code","message"}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, params, body) {
  let url = '/api/v1/' + path;
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v === null || v === undefined || v === '') continue;
      if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
      else q.append(k, v);
    }
    const s = q.toString();
    if (s) url += '?' + s;
  }
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, 'UNAVAILABLE', 'queuectld did not answer (' + e.message + ')');
  }
  let json = null;
  try {
    json = await res.json();
  } catch (e) {
    throw new ApiError(res.status, 'INTERNAL', 'unexpected answer (HTTP ' + res.status + ')');
  }
  if (res.status === 401) {
    window.location.assign('/login');
  }
  if (!json.ok) {
    throw new ApiError(res.status, json.error.code, json.error.message);
  }
  return json.result;
}

export const api = {
  get: (path, params) => call('GET', path, params),
  post: (path, body) => call('POST', path, null, body === undefined ? {} : body),
  put: (path, body) => call('PUT', path, null, body),
  del: (path) => call('DELETE', path, null),
};
