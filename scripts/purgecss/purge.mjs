// `make assets`, step three: from the vendored Det Fælles Designsystem stylesheet keep only the rules our pages
// can use, and only the IBM Plex Sans faces those rules ask for, as woff2.
//
// "Can use" means the selector's words appear in our templates, our Python (form widgets set classes), our
// scripts or DKFDS's own script (it adds classes such as the open menu's at run time), so nothing a script
// switches on is lost. Class names our templates build from variables are kept by pattern below.
//
// Output: static/vendor/dkfds/css/dkfds.purged.min.css (committed; the site never needs npm at run time).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PurgeCSS } from "purgecss";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cssDir = join(root, "static/vendor/dkfds/css");
const source = join(cssDir, "dkfds.min.css");
const target = join(cssDir, "dkfds.purged.min.css");

const [result] = await new PurgeCSS().purge({
  css: [source],
  content: [
    join(root, "templates/**/*.html"),
    join(root, "{ideabank,home,search}/**/*.py"),
    join(root, "static/js/*.js"),
    join(root, "static/vendor/dkfds/js/dkfds.min.js"),
  ],
  // Messages, badges and buttons get their modifier from a template variable (e.g. alert-{{ level }}).
  safelist: { standard: [/^alert-/, /^badge-/, /^button-/], greedy: [] },
  keyframes: true,
  variables: true,
  fontFace: true,
});

// Which font weights and styles the kept rules use; `bold`/<strong> mean 700, everything else starts at 400.
const weightNames = { normal: "400", bold: "700" };
const weights = new Set(["400", "700"]);
for (const [, value] of result.css.matchAll(/font-weight:\s*(\d+|bold|normal)\b/g)) {
  weights.add(weightNames[value] ?? value);
}
const italic = /font-style:\s*italic/.test(result.css);

// One face per used weight (italic only if a rule asks for it), woff2 only (every browser we support reads
// it), from the Latin cut scripts/subset_fonts.py made.
const css = result.css.replace(/@font-face\s*{[^}]*}/g, (face) => {
  if (!face.includes("IBM Plex Sans")) return face;
  const weight = face.match(/font-weight:\s*(\d+)/)?.[1];
  const style = face.match(/font-style:\s*(\w+)/)?.[1];
  if (!weights.has(weight) || (style === "italic" && !italic)) return "";
  const woff2 = face.match(/url\(([^)]*\.woff2)\)/)?.[1].replace("/complete/woff2/", "/latin/");
  return face.replace(/src:[^;}]*/, `src:url(${woff2}) format("woff2")`);
});

writeFileSync(target, css);
const kib = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `==> ${relative(root, target)}: ${kib(css.length)} KiB of ${kib(readFileSync(source).length)} KiB; ` +
    `font weights ${[...weights].sort().join(", ")}${italic ? " (with italics)" : ""}`,
);
