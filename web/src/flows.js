// Defection flows: a Sankey from the group people left to the group or territory they went to, over a chosen
// period, and the monthly dissent trend per group. Labels are SVG text nodes (never parsed markup).
import { sankey, sankeyLinkHorizontal } from "d3-sankey";
import { get } from "./api.js";
import { h, s, mount } from "./dom.js";
import { navigate } from "./main.js";

const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];

const named = (name, text) => (name && text && text.toLowerCase() !== name.toLowerCase() ? `${name} (“${text}”)` : name || text);

export async function renderFlows(app) {
  const q = new URLSearchParams(location.search);
  const f = { since: q.get("since") || "", until: q.get("until") || "", country: q.get("country") || "" };
  const weight = q.get("weight") === "people" ? "people" : "events";
  const form = h("form", { class: "filters", id: "flow-filters", onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams([...new FormData(form).entries()].filter(([, v]) => v));
    navigate(p.toString() ? `/flows?${p}` : "/flows");
  } },
  h("label", {}, "From", h("input", { type: "date", name: "since", value: f.since })),
  h("label", {}, "To", h("input", { type: "date", name: "until", value: f.until })),
  h("label", {}, "Country", h("input", { name: "country", value: f.country, size: 10 })),
  h("label", {}, "Width by", h("select", { name: "weight" }, h("option", { value: "events" }, "reports"),
    h("option", { value: "people", selected: weight === "people" }, "people (high count)"))),
  h("button", { type: "submit" }, "Apply"));
  const diagram = h("div", { id: "sankey" });
  const table = h("div", { id: "flow-table" });
  const trend = h("div", { id: "trend" });
  mount(app, h("h1", {}, "Defection flows"), form, diagram, table, h("h2", {}, "Monthly dissent per group (defection reports)"), trend);
  const [flows, cells] = await Promise.all([get("/api/defections/flows", f),
    get("/api/defections/trend", { ...f, interval: "month" })]);
  drawSankey(diagram, flows, weight);
  drawTable(table, flows);
  drawTrend(trend, cells);
}

function flowEnds(fl) {
  const from = { id: `from:${fl.from_group || fl.from_group_text || "?"}`, label: fl.from_group || fl.from_group_text || "unknown group" };
  const to = fl.to_group || fl.to_group_text
    ? { id: `to:${fl.to_group || fl.to_group_text}`, label: named(fl.to_group, fl.to_group_text) + (fl.to_territory ? ` · ${fl.to_territory}` : ""), kind: "group" }
    : { id: `place:${fl.to_territory || "?"}`, label: fl.to_territory ? `${fl.to_territory} (territory)` : "unknown", kind: "place" };
  if (fl.to_group && fl.to_territory) to.id += `@${fl.to_territory}`;
  return [from, to];
}

function drawSankey(el, flows, weight) {
  if (!flows.length) { mount(el, h("p", { class: "muted" }, "No defections in this period.")); return; }
  const nodes = new Map();
  const links = [];
  for (const fl of flows) {
    const [a, b] = flowEnds(fl);
    nodes.set(a.id, a); nodes.set(b.id, b);
    const value = weight === "people" ? Math.max(fl.people_high || 0, fl.people_low || 0, 1) : fl.count;
    links.push({ source: a.id, target: b.id, value, flow: fl });
  }
  const W = Math.max(640, (el.clientWidth || 900) - 16), H = Math.max(220, 70 * nodes.size); // inside the padding
  const layout = sankey().nodeId((d) => d.id).nodeWidth(14).nodePadding(24).extent([[8, 8], [W - 8, H - 8]]);
  const graph = layout({ nodes: [...nodes.values()].map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const color = new Map([...nodes.keys()].map((id, i) => [id, PALETTE[i % PALETTE.length]]));
  const svg = s("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "sankey-svg", role: "img", "aria-label": "defection flows" });
  const path = sankeyLinkHorizontal();
  for (const l of graph.links) {
    const fl = l.flow;
    const people = fl.people_high ? `, ${fl.people_low === fl.people_high ? fl.people_high : `${fl.people_low}–${fl.people_high}`} people` : "";
    const link = s("path", { d: path(l), class: "flow", stroke: color.get(l.target.id), "stroke-width": Math.max(2, l.width),
      "data-from": l.source.label, "data-to": l.target.label,
      onclick: () => fl.events.length && navigate(`/events/${encodeURIComponent(fl.events[0])}`) },
    s("title", {}, `${l.source.label} → ${l.target.label}: ${fl.count} report(s)${people}`));
    svg.append(link);
  }
  for (const n of graph.nodes) {
    svg.append(s("rect", { x: n.x0, y: n.y0, width: n.x1 - n.x0, height: Math.max(2, n.y1 - n.y0), fill: color.get(n.id), class: "node" }));
    const left = n.x0 < W / 2;
    svg.append(s("text", { x: left ? n.x1 + 6 : n.x0 - 6, y: (n.y0 + n.y1) / 2, dy: "0.35em", "text-anchor": left ? "start" : "end",
      class: "node-label", "data-node": n.id }, n.label));
  }
  mount(el, svg);
}

function drawTable(el, flows) {
  mount(el, h("table", { class: "events flows" },
    h("thead", {}, h("tr", {}, ["From", "", "To", "Territory", "Reports", "People", "Events"].map((t) => h("th", {}, t)))),
    h("tbody", {}, flows.map((fl) => h("tr", { class: "flow-row" },
      h("td", { class: "from" }, named(fl.from_group, fl.from_group_text)), h("td", {}, "→"),
      h("td", { class: "to" }, named(fl.to_group, fl.to_group_text) || "—"), h("td", {}, fl.to_territory || "—"),
      h("td", { class: "num" }, fl.count),
      h("td", { class: "num" }, fl.people_high ? (fl.people_low === fl.people_high ? fl.people_high : `${fl.people_low}–${fl.people_high}`) : "?"),
      h("td", {}, fl.events.map((id) => [h("a", { href: `/events/${encodeURIComponent(id)}`, "data-nav": "" }, id), " "])))))));
}

function monthsBetween(a, b) {
  const out = [];
  let [y, m] = a.split("-").map(Number);
  const [y2, m2] = b.split("-").map(Number);
  while (y < y2 || (y === y2 && m <= m2)) { out.push(`${y}-${String(m).padStart(2, "0")}`); m += 1; if (m > 12) { m = 1; y += 1; } }
  return out;
}

function drawTrend(el, cells) {
  const byGroup = new Map();
  for (const c of cells) {
    if (!/^\d{4}-\d{2}$/.test(c.period)) continue;
    const g = c.group || "unknown group";
    if (!byGroup.has(g)) byGroup.set(g, new Map());
    byGroup.get(g).set(c.period, c);
  }
  if (!byGroup.size) { mount(el, h("p", { class: "muted" }, "No dated defections.")); return; }
  const periods = cells.map((c) => c.period).filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
  const months = monthsBetween(periods[0], periods[periods.length - 1]);
  const W = Math.max(480, (el.clientWidth || 900) - 20), H = 90, L = 28, B = 18; // inside the card padding
  const bw = (W - L - 8) / months.length;
  const maxN = Math.max(...cells.map((c) => c.events));
  mount(el, [...byGroup].map(([group, m], gi) => {
    const svg = s("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "trend-svg" });
    months.forEach((p, i) => {
      const c = m.get(p);
      if (c) {
        const hgt = ((H - B - 6) * c.events) / maxN;
        svg.append(s("rect", { x: L + i * bw + Math.max(0, bw - 28) / 2, y: H - B - hgt, width: Math.max(1, Math.min(26, bw - 2)), height: hgt, fill: PALETTE[gi % PALETTE.length] },
          s("title", {}, `${p}: ${c.events} report(s), ${c.people_low}–${c.people_high} people`)));
      }
      if (i === 0 || p.endsWith("-01") || i === months.length - 1) {
        svg.append(s("text", { x: L + i * bw, y: H - 4, class: "tick" }, p));
      }
    });
    svg.append(s("line", { x1: L, x2: W - 8, y1: H - B, y2: H - B, class: "axis" }));
    svg.append(s("text", { x: L - 4, y: 14, class: "tick", "text-anchor": "end" }, String(maxN)));
    return h("div", { class: "trend-group" }, h("h3", {}, group), svg);
  }));
}
