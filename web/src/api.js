// Talks to eventwire's REST API (same origin). Errors arrive as {"error": {"code", "message"}}.
const TOKEN_KEY = "eventwire.review.token";
const REVIEWER_KEY = "eventwire.review.reviewer";

export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function request(path, options = {}) {
  const res = await fetch(path, { ...options, headers: { Accept: "application/json", ...(options.headers || {}) } });
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(res.status, err.code || String(res.status), err.message || res.statusText);
  }
  return body;
}

/** GET path with the non-empty params as a query string. */
export function get(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const qs = q.toString();
  return request(qs ? `${path}?${qs}` : path);
}

export const review = {
  token: () => sessionStorage.getItem(TOKEN_KEY) || "",
  setToken: (t) => sessionStorage.setItem(TOKEN_KEY, t),
  reviewer: () => sessionStorage.getItem(REVIEWER_KEY) || "",
  setReviewer: (r) => sessionStorage.setItem(REVIEWER_KEY, r),
};

/** POST JSON with the reviewer's bearer token. */
export function post(path, body) {
  return request(path, { method: "POST", body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${review.token()}` } });
}

let health = null;
/** GET /api/health once per page load ({"review": bool, ...}). */
export async function getHealth() {
  if (!health) health = get("/api/health").catch(() => ({ review: false }));
  return health;
}
