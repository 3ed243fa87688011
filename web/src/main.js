// The single-page app: one route table, links marked data-nav move without a reload, back/forward re-render.
import { mount, h } from "./dom.js";
import { renderExplore } from "./explore.js";
import { renderEvent } from "./event.js";
import { renderFlows } from "./flows.js";
import { renderReviewBar } from "./reviewbar.js";

const ROUTES = [
  [/^\/$/, (app) => renderExplore(app, { timelineOnly: false })],
  [/^\/timeline\/?$/, (app) => renderExplore(app, { timelineOnly: true })],
  [/^\/events\/([^/]+)\/?$/, (app, m) => renderEvent(app, decodeURIComponent(m[1]))],
  [/^\/flows\/?$/, (app) => renderFlows(app)],
];

let current = null; // the view now shown: {path, cleanup}

async function route() {
  const app = document.getElementById("app");
  for (const a of document.querySelectorAll("header nav a")) {
    a.classList.toggle("active", a.getAttribute("href") === location.pathname);
  }
  if (current && current.cleanup) current.cleanup();
  current = null;
  for (const [re, view] of ROUTES) {
    const m = location.pathname.match(re);
    if (m) {
      try { current = (await view(app, m)) || null; } catch (err) { showError(app, err); }
      return;
    }
  }
  mount(app, h("p", { class: "error" }, `No page at ${location.pathname}`));
}

function showError(app, err) {
  mount(app, h("p", { class: "error", role: "alert" }, `Error: ${err.message || err}`));
}

/** Go to url inside the app (pushState) and render it; resolves when it is drawn. */
export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  return route();
}

document.addEventListener("click", (e) => {
  const a = e.target.closest("a[data-nav]");
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(a.getAttribute("href"));
});
window.addEventListener("popstate", route);
renderReviewBar(document.getElementById("review-bar"));
route();
