// Builds the web app into src/eventwire/web/static/ (committed, so a clone runs without npm):
// app.js + app.css bundled by esbuild, index.html, and Natural Earth countries (world-atlas TopoJSON, 1:50m).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const OUT = new URL("../src/eventwire/web/static/", import.meta.url).pathname;
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

await build({
  entryPoints: { app: "src/main.js" },
  bundle: true, minify: true, format: "esm", target: "es2020", outdir: OUT,
  loader: { ".png": "file", ".svg": "file" }, assetNames: "img/[name]-[hash]",
  legalComments: "linked", logLevel: "warning",
});
await build({
  entryPoints: { app: "src/app.css" },
  bundle: true, minify: true, outdir: OUT,
  loader: { ".png": "file", ".svg": "file" }, assetNames: "img/[name]-[hash]", logLevel: "warning",
});
copyFileSync("src/index.html", OUT + "index.html");
copyFileSync("src/favicon.svg", OUT + "favicon.svg");
copyFileSync("node_modules/world-atlas/countries-50m.json", OUT + "countries-50m.json");
const licences = ["leaflet", "leaflet.markercluster", "topojson-client", "world-atlas", "d3-sankey", "d3-array",
  "d3-shape", "d3-path", "internmap"].map((p) => {
  const pkg = JSON.parse(readFileSync(`node_modules/${p}/package.json`, "utf8"));
  let text = "";
  for (const f of ["LICENSE", "LICENSE.md", "LICENSE.txt"]) {
    try { text = readFileSync(`node_modules/${p}/${f}`, "utf8"); break; } catch { /* next name */ }
  }
  return `== ${p} ${pkg.version} (${pkg.license})\n${text}`;
});
writeFileSync(OUT + "LICENSES.txt",
  "Third-party code and data in this folder (Natural Earth data is public domain).\n\n" + licences.join("\n"));
