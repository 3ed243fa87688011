// Filters live in the URL query (so a view can be shared); these are the names the API takes.
export const FILTER_KEYS = ["country", "admin1", "type", "actor", "since", "until", "bbox", "q", "min_confidence",
  "background", "main", "reviewed"];

/** The filters in the current URL, as {name: value} (only those set). */
export function readFilters() {
  const q = new URLSearchParams(location.search);
  const out = {};
  for (const k of FILTER_KEYS) if (q.get(k)) out[k] = q.get(k);
  return out;
}

/** Set filters (null/"" removes one) in the URL, keeping the path; returns the new URL. */
export function withFilters(changes, path = location.pathname) {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") q.delete(k); else q.set(k, v);
  }
  q.delete("page");
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}
