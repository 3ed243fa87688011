// leaflet.markercluster extends the global L: this module runs first and sets it.
import L from "leaflet";

window.L = L;
export default L;
