// The timeline: events per day, week or month (whichever gives a readable number of bars), stacked by type.
// Dragging across it picks a period (since/until, so the map and list follow); a click clears it.
import { s, h, mount } from "./dom.js";
import { colorOf, typeLabel } from "./colors.js";

const DAY = 86400000;

function bucketer(minT, maxT) {
  const span = (maxT - minT) / DAY;
  if (span <= 120) return { name: "day", key: (t) => t, next: (t) => t + DAY };
  if (span <= 3 * 365) {
    const monday = (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
    return { name: "week", key: monday, next: (t) => t + 7 * DAY };
  }
  const first = (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); };
  return { name: "month", key: first, next: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); } };
}

const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** input: {events, monthly}: events (each counts `count`, default 1); monthly: they are month totals. */
export function drawTimeline(el, { events, monthly = false }, { since, until, big, onBrush }) {
  const dated = events.filter((ev) => ev.date_start);
  if (!dated.length) { mount(el, h("p", { class: "muted" }, "No dated events.")); return; }
  const times = dated.map((ev) => Date.parse(ev.date_start));
  const b = monthly ? bucketer(0, 10 * 365 * DAY) : bucketer(Math.min(...times), Math.max(...times));
  const start = b.key(Math.min(...times));
  const end = b.next(b.key(Math.max(...times)));
  const bins = new Map(); // bucket start -> {type: count}
  for (const ev of dated) {
    const k = b.key(Date.parse(ev.date_start));
    const bin = bins.get(k) || {};
    const t = typeLabel(ev);
    bin[t] = bin[t] || { n: 0, color: colorOf(ev) };
    bin[t].n += ev.count || 1;
    bins.set(k, bin);
  }
  const W = Math.max(320, el.clientWidth || 800), H = big ? 260 : 120, L = 28, B = 20, T = 8;
  const x = (t) => L + ((t - start) / (end - start)) * (W - L - 8);
  const maxN = Math.max(...[...bins.values()].map((bin) => Object.values(bin).reduce((a, c) => a + c.n, 0)));
  const y = (n) => ((H - B - T) * n) / maxN;
  const svg = s("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "timeline-svg", role: "img",
    "aria-label": `events per ${b.name}` });
  for (const [k, bin] of bins) {
    let acc = 0;
    const w = Math.max(2, x(b.next(k)) - x(k) - 1);
    for (const [t, { n, color }] of Object.entries(bin)) {
      svg.append(s("rect", { x: x(k), y: H - B - y(acc + n), width: w, height: y(n), fill: color, class: "bar" },
        s("title", {}, `${iso(k)} (${b.name}): ${n} ${t}`)));
      acc += n;
    }
  }
  svg.append(s("line", { x1: L, x2: W - 8, y1: H - B, y2: H - B, class: "axis" }));
  svg.append(s("text", { x: L - 4, y: T + 8, class: "tick", "text-anchor": "end" }, String(maxN)));
  for (const t of ticks(start, end)) {
    svg.append(s("text", { x: x(t), y: H - 5, class: "tick", "text-anchor": "middle" }, iso(t).slice(0, 7)));
  }
  const sel = s("rect", { y: T, height: H - B - T, class: "brush", visibility: "hidden" });
  svg.append(sel);
  const showSel = (a, z) => {
    sel.setAttribute("x", Math.min(a, z)); sel.setAttribute("width", Math.abs(z - a) || 1);
    sel.setAttribute("visibility", "visible");
  };
  if (since || until) {
    showSel(x(since ? Date.parse(since) : start), x(until ? Date.parse(until) + DAY : end));
  }
  const tOf = (px) => start + ((Math.max(L, Math.min(W - 8, px)) - L) / (W - L - 8)) * (end - start);
  let from = null;
  const px = (e) => e.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("pointerdown", (e) => { from = px(e); svg.setPointerCapture(e.pointerId); });
  svg.addEventListener("pointermove", (e) => { if (from !== null) showSel(from, px(e)); });
  svg.addEventListener("pointerup", (e) => {
    if (from === null) return;
    const to = px(e);
    const a = from; from = null;
    if (Math.abs(to - a) < 4) { onBrush(null); return; }
    onBrush([iso(tOf(Math.min(a, to))), iso(tOf(Math.max(a, to)))]);
  });
  mount(el, h("div", { class: "timeline-head" }, `Events per ${b.name}`,
    h("span", { class: "muted" }, since || until ? ` · ${since || "…"} to ${until || "…"} (click the chart to clear)` : " · drag across to pick a period")), svg);
}

function ticks(start, end) {
  const out = [];
  const d = new Date(start);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const months = (end - start) / (30 * DAY);
  const step = months > 36 ? 12 : months > 12 ? 3 : 1;
  for (; t < end; ) {
    const m = new Date(t);
    if (m.getUTCMonth() % step === 0) out.push(t);
    t = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
  }
  return out;
}
