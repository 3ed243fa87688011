// The fields the event view lists, as data: label, how to read the value, which evidence spans back it
// (the store's evidence field names), and the review field name where a reviewer may change it.
const loc = (ev) => ev.location || {};
const time = (ev) => ev.time || {};
const fat = (ev) => ev.fatalities || {};
const att = (ev) => ev.attribution || {};
const def = (ev) => ev.defection || {};
const actor = (role) => (ev) => (ev.actors || []).find((a) => a.role === role)?.name;
const list = (v) => (Array.isArray(v) && v.length ? v.join(", ") : null);

export const FIELDS = [
  { key: "kind", label: "Kind", get: (ev) => ev.kind, evidence: "event" },
  { key: "event_type", label: "Event type", get: (ev) => ev.event_type, evidence: "event", review: "str" },
  { key: "sub_event_type", label: "Sub-event type", get: (ev) => ev.sub_event_type, evidence: "event", review: "str" },
  { key: "trigger", label: "Trigger", get: (ev) => ev.trigger, evidence: "event" },
  { key: "sentence", label: "Sentence", get: (ev) => (ev.sentence ? `characters ${ev.sentence.start}–${ev.sentence.end}` : null), evidence: "sentence" },
  { key: "date_start", label: "Date (start)", get: (ev) => time(ev).start, evidence: "time", review: "date" },
  { key: "date_end", label: "Date (end)", get: (ev) => time(ev).end, evidence: "time", review: "date" },
  { key: "time_text", label: "Date as written", get: (ev) => time(ev).text, evidence: "time" },
  { key: "time_precision", label: "Time precision", get: (ev) => ({ 1: "day", 2: "week", 3: "month or longer" })[time(ev).time_precision], evidence: "time" },
  { key: "actor1", label: "Actor 1", get: actor("actor1"), evidence: "actor:actor1", review: "str" },
  { key: "assoc_actor_1", label: "Associated actor 1", get: actor("assoc_actor_1"), evidence: "actor:assoc_actor_1", review: "str" },
  { key: "actor2", label: "Actor 2", get: actor("actor2"), evidence: "actor:actor2", review: "str" },
  { key: "assoc_actor_2", label: "Associated actor 2", get: actor("assoc_actor_2"), evidence: "actor:assoc_actor_2", review: "str" },
  { key: "source_actor", label: "Source actor", get: actor("source"), evidence: "actor:source" },
  { key: "target_actor", label: "Target", get: actor("target"), evidence: "actor:target" },
  { key: "location", label: "Location", get: (ev) => loc(ev).name, evidence: "location", review: "str" },
  { key: "location_text", label: "Place as written", get: (ev) => loc(ev).text, evidence: "location" },
  { key: "admin2", label: "District (admin2)", get: (ev) => loc(ev).admin2, evidence: "location", review: "str" },
  { key: "admin1", label: "Province (admin1)", get: (ev) => loc(ev).admin1, evidence: "location", review: "str" },
  { key: "country", label: "Country", get: (ev) => loc(ev).country, evidence: "location", review: "str" },
  { key: "lat", label: "Latitude", get: (ev) => loc(ev).lat, evidence: "location", review: "float" },
  { key: "lon", label: "Longitude", get: (ev) => loc(ev).lon, evidence: "location", review: "float" },
  { key: "geo_precision", label: "Geo precision", get: (ev) => loc(ev).geo_precision, evidence: "location", review: "int",
    show: (v) => `${v} (${({ 1: "exact town", 2: "near a town", 3: "province or larger" })[v] || "?"})` },
  { key: "fatalities", label: "Fatalities", get: (ev) => fat(ev).best, evidence: "fatalities", review: "int" },
  { key: "fatalities_low", label: "Fatalities (low)", get: (ev) => fat(ev).low, evidence: "fatalities", review: "int" },
  { key: "fatalities_high", label: "Fatalities (high)", get: (ev) => fat(ev).high, evidence: "fatalities", review: "int" },
  { key: "attribution", label: "Attributed to", get: (ev) => [att(ev).source, att(ev).kind && `(${att(ev).kind})`].filter(Boolean).join(" ") || null, evidence: "attribution" },
  { key: "hedged", label: "Hedged", get: (ev) => (ev.attribution ? att(ev).hedged : null), evidence: "attribution" },
  { key: "verified_by", label: "Verified by", get: (ev) => att(ev).verified_by, evidence: "attribution" },
  { key: "defection_from", label: "Defected from", get: (ev) => def(ev).from_group && `${def(ev).from_group} (“${def(ev).from_group_text || ""}”)`, evidence: "defection:from_group" },
  { key: "defection_to", label: "Defected to", get: (ev) => def(ev).to_group && `${def(ev).to_group} (“${def(ev).to_group_text || ""}”)`, evidence: "defection:to_group" },
  { key: "defection_territory", label: "Went to (territory)", get: (ev) => def(ev).to_territory, evidence: "defection:to_territory" },
  { key: "defection_count", label: "People", get: (ev) => { const d = def(ev); if (d.count_best == null && d.count_low == null) return null; return d.count_low != null && d.count_high != null && d.count_low !== d.count_high ? `${d.count_low}–${d.count_high}` : String(d.count_best ?? d.count_low); }, evidence: "defection:count" },
  { key: "defection_rank", label: "Rank", get: (ev) => def(ev).rank, evidence: "defection:rank" },
  { key: "defection_names", label: "Names", get: (ev) => list(def(ev).names), evidence: "defection:names" },
  { key: "defection_nationality", label: "Nationality", get: (ev) => list(def(ev).nationality), evidence: "defection:nationality" },
  { key: "defection_from_place", label: "From place", get: (ev) => def(ev).from_place, evidence: "defection:from_place" },
  { key: "defection_reason", label: "Reason", get: (ev) => def(ev).reason, evidence: "defection:reason" },
  { key: "defection_response", label: "Group's response", get: (ev) => def(ev).group_response, evidence: "defection:group_response" },
  { key: "background", label: "Background (past context)", get: (ev) => ev.background, review: "bool" },
  { key: "main", label: "Main event of its article", get: (ev) => ev.main },
  { key: "confidence", label: "Confidence", get: (ev) => ev.confidence, show: (v) => Number(v).toFixed(2) },
  { key: "sources", label: "Sources", get: (ev) => list(ev.sources) },
  { key: "notes", label: "Notes", get: (ev) => ev.notes, review: "str" },
];

/** The value as shown: booleans as yes/no, empty as null (the row is then left out). */
export function shown(field, v) {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "boolean") return v ? "yes" : "no";
  return field.show ? field.show(v) : String(v);
}
