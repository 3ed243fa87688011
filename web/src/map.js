// The map: Natural Earth countries (bundled TopoJSON, no tile server) and the events as clustered circles,
// coloured by event type, sized by geo precision (a wider circle is a less precise place).
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import { h } from "./dom.js";
import { colorOf, typeLabel, TYPE_COLORS } from "./colors.js";

const RADIUS = { 1: 6, 2: 10, 3: 15 }; // geo_precision: exact town, near a town, region
let countries = null; // the GeoJSON, fetched once per page load

async function loadCountries() {
  if (!countries) {
    countries = fetch("/static/countries-50m.json").then((r) => r.json())
      .then((topo) => feature(topo, topo.objects.countries));
  }
  return countries;
}

/** A cluster bubble: a ring split by the event types inside it (so colour is not lost when zoomed out) around
its count, which is set as text (an element, not an HTML string). */
function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const byColor = new Map();
  for (const m of children) byColor.set(m.options.fillColor, (byColor.get(m.options.fillColor) || 0) + 1);
  let at = 0;
  const stops = [...byColor].map(([c, n]) => {
    const from = at; at += (360 * n) / children.length;
    return `${c} ${from}deg ${at}deg`;
  });
  const el = h("div", { class: "ew-cluster" }, h("span", {}, String(children.length)));
  el.style.background = `conic-gradient(${stops.join(", ")})`;
  return L.divIcon({ html: el, className: "marker-cluster ew-cluster-wrap", iconSize: L.point(40, 40) }); // 30 px disc in 40
}

export class EventMap {
  constructor(el, onOpen) {
    this.el = el;
    this.onOpen = onOpen;
    this.onSearchArea = null;
    this.map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 }).setView([30, 20], 2);
    this.map.attributionControl.setPrefix("Leaflet");
    this.map.attributionControl.addAttribution("Natural Earth");
    this.clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 36,
      spiderfyOnMaxZoom: true, disableClusteringAtZoom: 11, iconCreateFunction: clusterIcon });
    this.map.addLayer(this.clusters);
    this.addLegend();
    this.addSearchArea();
  }

  /** Draw events (one page of at most the API's limit); total: how many match in all. */
  async show(events, total = events.length) {
    const geo = await loadCountries();
    L.geoJSON(geo, { interactive: false, style: { color: "#8c8c8c", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 } })
      .addTo(this.map).bringToBack();
    const placed = events.filter((ev) => ev.lat != null && ev.lon != null);
    const markers = placed.map((ev) => this.marker(ev));
    this.clusters.addLayers(markers);
    this.el.dataset.placed = String(markers.length);
    this.el.dataset.unplaced = String(events.length - markers.length);
    if (total > events.length) this.addNote(`The map shows the first ${events.length} of ${total} events: narrow the filters to see the rest.`);
    if (markers.length) {
      this.map.fitBounds(L.latLngBounds(placed.map((ev) => [ev.lat, ev.lon])).pad(0.3), { maxZoom: 7 });
    }
  }

  marker(ev) {
    const m = L.circleMarker([ev.lat, ev.lon], {
      radius: RADIUS[ev.geo_precision] || 8, color: ev.background ? "#555" : "#222", weight: 1,
      dashArray: ev.background ? "3 2" : null, fillColor: colorOf(ev), fillOpacity: ev.background ? 0.35 : 0.8,
      className: `ew-marker ew-id-${String(ev.id).replace(/[^A-Za-z0-9_-]/g, "_")}`,
    });
    const tip = h("div", { class: "tip" }, h("strong", {}, typeLabel(ev)), " · ", ev.sub_event_type,
      h("br"), ev.date_start || "", " · ", (ev.location && ev.location.name) || "",
      ev.background ? h("em", {}, " (background)") : null);
    m.bindTooltip(tip, { direction: "top" }); // an element, not a string: Leaflet would parse a string as HTML
    m.on("click", () => this.onOpen(ev.id));
    return m;
  }

  addNote(text) {
    const note = L.control({ position: "topright" });
    note.onAdd = () => h("div", { class: "legend map-note" }, text);
    note.addTo(this.map);
  }

  addLegend() {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const el = h("div", { class: "legend" }, Object.entries(TYPE_COLORS).map(([t, c]) => {
        const sw = h("span", { class: "swatch" });
        sw.style.background = c;
        return h("div", {}, sw, t);
      }), h("div", { class: "muted" }, "circle size: place precision"));
      L.DomEvent.disableClickPropagation(el);
      return el;
    };
    legend.addTo(this.map);
  }

  addSearchArea() {
    const ctl = L.control({ position: "topright" });
    ctl.onAdd = () => {
      const b = h("button", { type: "button", class: "area-btn", onclick: () => {
        const bb = this.map.getBounds();
        const r = (x, lim) => Math.max(-lim, Math.min(lim, x)).toFixed(3);
        const box = [r(bb.getWest(), 180), r(bb.getSouth(), 90), r(bb.getEast(), 180), r(bb.getNorth(), 90)];
        if (this.onSearchArea) this.onSearchArea(box.join(","));
      } }, "Filter to this area");
      L.DomEvent.disableClickPropagation(b);
      return b;
    };
    ctl.addTo(this.map);
  }

  remove() { this.map.remove(); }
}
