// ACLED's event types, each with one colour (map markers, timeline bars, list swatches).
export const TYPE_COLORS = {
  "Battles": "#d7301f",
  "Explosions/Remote violence": "#f28e2b",
  "Violence against civilians": "#7b3294",
  "Protests": "#2c7fb8",
  "Riots": "#41ab5d",
  "Strategic developments": "#4d4d4d",
  "Defection": "#e7298a",
};
const OTHER = "#9e9e9e";

/** The colour of an event: defections have their own, else their event type's. */
export function colorOf(ev) {
  if (ev.kind === "defection") return TYPE_COLORS.Defection;
  return TYPE_COLORS[ev.event_type] || OTHER;
}

export function typeLabel(ev) {
  return ev.kind === "defection" ? "Defection" : ev.event_type;
}
