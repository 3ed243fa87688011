// The explore page: filters (in the URL), the map, the timeline (brushing sets since/until) and the event list.
import { get } from "./api.js";
import { h, mount } from "./dom.js";
import { readFilters, withFilters } from "./filters.js";
import { EventMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { TYPE_COLORS, colorOf, typeLabel } from "./colors.js";
import { navigate } from "./main.js";

const MAP_LIMIT = 1000; // events drawn on the map and the timeline (the API's maximum page)
const PAGE = 100;

export async function renderExplore(app, { timelineOnly }) {
  const f = readFilters();
  const page = Math.max(0, parseInt(new URLSearchParams(location.search).get("page") || "0", 10) || 0);
  const mapEl = h("div", { id: "map", class: timelineOnly ? "map small" : "map" });
  const timelineEl = h("div", { id: "timeline", class: timelineOnly ? "timeline big" : "timeline" });
  const listEl = h("section", { id: "event-list" }, h("p", { class: "muted" }, "Loading events…"));
  mount(app, filterForm(f), h("div", { class: "explore" }, mapEl, timelineEl), listEl);
  const map = new EventMap(mapEl, (id) => navigate(`/events/${encodeURIComponent(id)}`));
  map.onSearchArea = (bbox) => navigate(withFilters({ bbox }));

  const { since, until, ...rest } = f; // the timeline shows every date, so a brush can widen again
  const [onMap, allDates, listed] = await Promise.all([
    get("/api/events", { ...f, limit: MAP_LIMIT }),
    get("/api/events", { ...rest, limit: MAP_LIMIT }),
    get("/api/events", { ...f, limit: PAGE, offset: page * PAGE }),
  ]);
  await map.show(onMap.events, onMap.total);
  drawTimeline(timelineEl, await timelineInput(allDates, rest), { since, until, big: timelineOnly,
    onBrush: (range) => navigate(withFilters(range ? { since: range[0], until: range[1] } : { since: null, until: null })) });
  drawList(listEl, listed, page);
  return { cleanup: () => map.remove() };
}

/** What the timeline counts: the events themselves when all of them came in one page (by day or week, by type),
else the store's monthly counts (/api/stats), so a large store's timeline is not drawn from a sample. */
async function timelineInput(page, filters) {
  if (page.total <= page.events.length) return { events: page.events };
  const st = await get("/api/stats", filters);
  return { events: st.by_month.map((m) => ({ date_start: `${m.key}-01`, kind: "event", event_type: "All types", count: m.n })),
    monthly: true };
}

function filterForm(f) {
  const field = (name, label, attrs = {}) => h("label", {}, label, h("input", { name, value: f[name] || "", ...attrs }));
  const select = (name, label, options) => h("label", {}, label, h("select", { name },
    options.map(([v, t]) => h("option", { value: v, selected: (f[name] || "") === v }, t))));
  const form = h("form", { id: "filters", class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    navigate(withFilters({ ...data, bbox: f.bbox && data.keep_bbox ? f.bbox : null, keep_bbox: null }));
  } },
  field("q", "Search", { type: "search", placeholder: "words in notes or articles", size: 22 }),
  field("country", "Country", { size: 10 }),
  field("admin1", "Province", { size: 10 }),
  field("type", "Type", { size: 16, list: "types" }),
  field("actor", "Actor", { size: 12 }),
  field("since", "From", { type: "date" }),
  field("until", "To", { type: "date" }),
  field("min_confidence", "Min. confidence", { type: "number", min: 0, max: 1, step: 0.05 }),
  select("background", "Background", [["", "shown"], ["false", "hidden"], ["true", "only"]]),
  select("main", "Events", [["", "all"], ["true", "main event of each article"]]),
  select("reviewed", "Values", [["", "machine's"], ["true", "with reviewers' corrections"]]),
  f.bbox ? h("label", {}, h("input", { type: "checkbox", name: "keep_bbox", checked: true }), " in map area") : null,
  h("datalist", { id: "types" }, Object.keys(TYPE_COLORS).map((t) => h("option", { value: t }))),
  h("button", { type: "submit" }, "Apply"),
  h("a", { href: location.pathname, "data-nav": "", class: "link" }, "clear"),
  h("a", { href: "/api/events.csv" + location.search, class: "link", download: "events.csv" }, "CSV"),
  h("a", { href: "/api/events.geojson" + location.search, class: "link", download: "events.geojson" }, "GeoJSON"));
  return form;
}

function fmtDates(ev) {
  if (!ev.date_start) return "?";
  return ev.date_end && ev.date_end !== ev.date_start ? `${ev.date_start} – ${ev.date_end}` : ev.date_start;
}

function place(ev) {
  const loc = ev.location || {};
  return [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ");
}

function drawList(el, { events, total, total_exact: exact }, page) {
  const pages = Math.ceil(total / PAGE); // a lower bound when the API stopped counting (total_exact false)
  const more = exact === false ? "+" : "";
  const nav = (p, label) => h("a", { href: withFilters({}) + (withFilters({}).includes("?") ? "&" : "?") + `page=${p}`,
    "data-nav": "", class: "link" }, label);
  mount(el,
    h("h2", {}, `${total}${more} events`,
      pages > 1 ? h("span", { class: "pager" }, page > 0 ? nav(page - 1, "‹ previous") : null,
        ` page ${page + 1} of ${pages}${more} `, page + 1 < pages ? nav(page + 1, "next ›") : null) : null),
    h("table", { class: "events" },
      h("thead", {}, h("tr", {}, ["Date", "Type", "Sub-type", "Actors", "Place", "Fatalities", "Conf.", "Sources"]
        .map((t) => h("th", {}, t)))),
      h("tbody", {}, events.map((ev) => h("tr", { class: ev.background ? "background" : "", dataset: { id: ev.id } },
        h("td", { class: "date", title: fmtDates(ev) }, h("a", { href: `/events/${encodeURIComponent(ev.id)}`, "data-nav": "" }, ev.date_start || "?")),
        h("td", {}, h("span", { class: "swatch", dataset: { color: colorOf(ev) } }), typeLabel(ev),
          ev.background ? h("span", { class: "badge bg" }, "background") : null),
        h("td", {}, ev.sub_event_type),
        h("td", {}, [ev.actor1, ev.actor2].filter(Boolean).join(" vs ")),
        h("td", {}, place(ev)),
        h("td", { class: "num" }, ev.fatalities ? ev.fatalities.best : ""),
        h("td", { class: "num" }, ev.confidence != null ? ev.confidence.toFixed(2) : ""),
        h("td", { class: "num" }, ev.n_sources ?? ""))))));
  for (const sw of el.querySelectorAll(".swatch")) sw.style.background = sw.dataset.color;
}
