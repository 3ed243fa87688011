// The event view: every field with its value; clicking a field marks its evidence in the article text (built as
// text nodes and <mark> elements, never parsed); merged sources side by side; review controls when enabled.
import { get, post, getHealth, review } from "./api.js";
import { h, mount } from "./dom.js";
import { FIELDS, shown } from "./fields.js";
import { colorOf, typeLabel } from "./colors.js";
import { navigate } from "./main.js";

export async function renderEvent(app, id) {
  const [ev, health] = await Promise.all([get(`/api/events/${encodeURIComponent(id)}`), getHealth()]);
  const canReview = () => health.review && review.token();
  const texts = new Map(); // article id -> the element holding its text
  const articles = ev.articles || [];
  const status = h("p", { id: "review-status", class: "muted", role: "status" });

  const highlight = (row, field) => {
    for (const r of app.querySelectorAll(".fields tr.selected")) r.classList.remove("selected");
    row.classList.add("selected");
    const spans = (ev.evidence || []).filter((e) => e.field === field.evidence);
    for (const a of articles) markSpans(texts.get(a.id), a.text, spans.filter((e) => e.article_id === a.id));
    const first = app.querySelector("mark.evidence");
    if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
    status.textContent = spans.length ? `${spans.length} evidence span(s) for ${field.label}` : `No evidence span for ${field.label}`;
  };

  const rows = FIELDS.map((field) => {
    const machine = field.get(ev);
    const hasReview = field.review && Object.prototype.hasOwnProperty.call(ev.reviewed || {}, field.key);
    if (shown(field, machine) === null && !hasReview) return null;
    const nSpans = field.evidence ? (ev.evidence || []).filter((e) => e.field === field.evidence).length : 0;
    const valueCell = h("td", { class: "value" });
    const row = h("tr", { dataset: { field: field.key, evidence: field.evidence || "" }, class: nSpans ? "has-evidence" : "" },
      h("th", {}, field.label), valueCell, h("td", { class: "spans" }, nSpans ? `${nSpans} ⟶` : ""));
    drawValue(valueCell, field, machine, ev.reviewed || {});
    if (nSpans) {
      row.tabIndex = 0; // reachable by keyboard: Enter or Space marks the evidence too
      row.addEventListener("click", (e) => { if (!e.target.closest("button, input, select")) highlight(row, field); });
      row.addEventListener("keydown", (e) => {
        if ((e.key === "Enter" || e.key === " ") && e.target === row) { e.preventDefault(); highlight(row, field); }
      });
    }
    if (field.review && canReview()) row.append(h("td", { class: "actions" }, reviewButtons(field, machine, ev, valueCell, status, app)));
    return row;
  }).filter(Boolean);

  const loc = ev.location || {};
  const conf = Math.round((ev.confidence ?? 0) * 100);
  const bar = h("span", { class: "confbar" }, h("span", { class: "fill" }));
  const swatch = h("span", { class: "swatch" });
  mount(app,
    h("p", {}, h("a", { href: "/", "data-nav": "", class: "link" }, "‹ all events")),
    h("h1", { class: "event-title" }, swatch, `${typeLabel(ev)}: ${ev.sub_event_type}`,
      h("span", { class: "muted" }, ` · ${ev.date_start || "?"}${ev.date_end && ev.date_end !== ev.date_start ? " – " + ev.date_end : ""} · ${[loc.name, loc.admin1, loc.country].filter(Boolean).join(", ")}`)),
    h("div", { class: "badges" },
      h("span", { class: "badge", title: "the model's confidence" }, `confidence ${conf}% `, bar),
      ev.background ? h("span", { class: "badge bg" }, "background: past context the article recalls") : null,
      ev.attribution && ev.attribution.hedged ? h("span", { class: "badge hedge" }, `hedged claim${ev.attribution.source ? " · " + ev.attribution.source : ""}`) : null,
      ev.main ? h("span", { class: "badge" }, "main event of the article") : null,
      h("span", { class: "badge" }, `${ev.n_sources ?? articles.length} source(s)`),
      h("span", { class: "badge muted" }, `id ${ev.id}`)),
    h("div", { class: "event-view" },
      h("section", { class: "fields-col" }, h("h2", {}, "Fields"), h("p", { class: "muted" }, "Click a field to mark its evidence in the text."),
        h("table", { class: "fields" }, h("tbody", {}, rows)), status),
      h("section", { class: "articles", dataset: { n: articles.length } },
        articles.map((a) => articleCard(a, ev, texts, health, canReview(), status)))));
  swatch.style.background = colorOf(ev);
  bar.firstChild.style.width = `${conf}%`;
  // the review token given or forgotten: draw the view again (with or without review controls)
  if (redraw) window.removeEventListener("eventwire:review", redraw);
  redraw = () => renderEvent(app, id);
  window.addEventListener("eventwire:review", redraw, { once: true });
  return { cleanup: () => window.removeEventListener("eventwire:review", redraw) };
}

let redraw = null; // the event view's listener for review on/off (one at a time)

function drawValue(cell, field, machine, reviewed) {
  const has = field.review && Object.prototype.hasOwnProperty.call(reviewed, field.key);
  if (!has) { mount(cell, shown(field, machine) ?? "—"); return; }
  const r = reviewed[field.key];
  mount(cell, h("span", { class: "reviewed", title: "reviewer's value" }, r === null ? "(rejected)" : shown(field, r) ?? "—"),
    " ", h("del", { class: "machine", title: "the machine's value (kept)" }, shown(field, machine) ?? "—"));
}

function articleCard(a, ev, texts, health, canReview, status) {
  const text = h("div", { class: "article-text", dataset: { article: a.id } }, a.text);
  texts.set(a.id, text);
  const split = canReview && (ev.articles || []).length > 1
    ? h("button", { type: "button", class: "split", onclick: async () => {
      try {
        const res = await post(`/api/events/${encodeURIComponent(ev.id)}/split`,
          { article_id: a.input_id || a.id, reviewer: review.reviewer() || "reviewer" });
        const ids = ((res && res.events) || []).filter((x) => x !== ev.id);
        await navigate(location.pathname, { replace: true });
        const now = document.getElementById("review-status");
        if (now) now.textContent = `Split off ${a.input_id || a.id}${ids.length ? ": now also " + ids.join(", ") : ""}`;
      } catch (err) { status.textContent = `Split failed: ${err.message}`; }
    } }, "Split this source off") : null;
  return h("article", { class: "source" },
    h("h3", {}, a.title || a.input_id || a.id),
    h("p", { class: "meta" }, [a.source, a.published, a.input_id].filter(Boolean).join(" · "),
      a.url && /^https?:\/\//i.test(a.url) ? [" · ", h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
      split ? [" ", split] : null),
    text);
}

/** Rebuild el's content from text: the given spans (half-open offsets) become <mark>s, overlapping ones merged. */
export function markSpans(el, text, spans) {
  if (!el) return;
  const sorted = spans.map((e) => [e.start, e.end]).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e); else merged.push([s, e]);
  }
  const parts = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push(document.createTextNode(text.slice(at, s)));
    const m = document.createElement("mark");
    m.className = "evidence";
    m.dataset.start = String(s);
    m.dataset.end = String(e);
    m.textContent = text.slice(s, e);
    parts.push(m);
    at = e;
  }
  parts.push(document.createTextNode(text.slice(at)));
  el.replaceChildren(...parts);
}

function reviewButtons(field, machine, ev, valueCell, status, app) {
  const send = async (action, value) => {
    try {
      await post(`/api/events/${encodeURIComponent(ev.id)}/review`,
        { field: field.key, action, value, reviewer: review.reviewer() || "reviewer" });
      await renderEvent(app, ev.id); // the page anew, with the reviewed value; then say so in its status line
      const now = document.getElementById("review-status");
      if (now) now.textContent = `${action} ${field.label}: saved`;
    } catch (err) { status.textContent = `${action} ${field.label} failed: ${err.message}`; }
  };
  const current = Object.prototype.hasOwnProperty.call(ev.reviewed || {}, field.key) ? ev.reviewed[field.key] : machine;
  const edit = () => {
    const input = field.review === "bool"
      ? h("select", { class: "edit-value" }, h("option", { value: "true", selected: current === true }, "yes"), h("option", { value: "false", selected: current !== true }, "no"))
      : h("input", { class: "edit-value", value: current ?? "", type: field.review === "date" ? "date" : "text", size: 24 });
    const parse = () => {
      const v = input.value.trim();
      if (field.review === "bool") return v === "true";
      if (field.review === "int" || field.review === "float") return v === "" ? null : Number(v);
      return v;
    };
    mount(valueCell, h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); send("edit", parse()); } },
      input, " ", h("button", { type: "submit", class: "save" }, "Save")));
    input.focus();
  };
  return [
    h("button", { type: "button", class: "accept", title: "accept the machine's value", onclick: () => send("accept", machine) }, "✓"),
    h("button", { type: "button", class: "reject", title: "reject: the value is wrong", onclick: () => send("reject", null) }, "✗"),
    h("button", { type: "button", class: "edit", title: "edit the value", onclick: edit }, "edit"),
  ];
}
