#!/usr/bin/env bash
# Vendor the compiled run-time assets of Det Fælles Designsystem (npm: dkfds)
# into static/vendor/dkfds/ so the site needs no npm at run time.
#
# Usage:  scripts/vendor_dkfds.sh                 # pinned version
#         DKFDS_VERSION=11.2.0 scripts/vendor_dkfds.sh
#
# What is copied (paths relative to static/vendor/dkfds/):
#   css/dkfds.min.css          compiled, minified CSS (default theme)
#   js/dkfds.min.js            compiled, minified JS (UMD, global `DKFDS`)
#   fonts/..., img/...         exactly the files the CSS references via url(...)
#                              (relative paths kept, so ../fonts and ../img resolve)
#   img/all-svg-icons.svg      SVG sprite for <svg class="icon-svg"><use href="...#name">
#   LICENSE.md                 package licence (MIT + OFL-1.1 fonts + Apache-2.0 icons)
#   VERSION                    the vendored dkfds version
# Source maps, unminified files, SCSS and src/ are deliberately skipped.
# The script is idempotent: static/vendor/dkfds/ is wiped first.
set -euo pipefail

DKFDS_VERSION="${DKFDS_VERSION:-11.2.0}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/.." && pwd)"
DEST="${REPO_ROOT}/static/vendor/dkfds"

CSS_REL="dist/css/dkfds.min.css"
JS_REL="dist/js/dkfds.min.js"
SPRITE_REL="dist/img/all-svg-icons.svg"

command -v npm >/dev/null 2>&1 || { echo "error: npm is required" >&2; exit 1; }

TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/vendor-dkfds.XXXXXX")"
cleanup() { rm -rf "${TMP_DIR}"; }
trap cleanup EXIT

echo "==> npm pack dkfds@${DKFDS_VERSION}"
(
  cd "${TMP_DIR}"
  npm pack --silent "dkfds@${DKFDS_VERSION}" >/dev/null
)
TARBALL="$(find "${TMP_DIR}" -maxdepth 1 -name 'dkfds-*.tgz' -print -quit)"
[[ -n "${TARBALL}" ]] || { echo "error: npm pack produced no tarball" >&2; exit 1; }
tar -xzf "${TARBALL}" -C "${TMP_DIR}"
PKG="${TMP_DIR}/package"

PACKED_VERSION="$(sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "${PKG}/package.json" | head -n1)"
echo "==> unpacked dkfds ${PACKED_VERSION}"

for f in "${CSS_REL}" "${JS_REL}" "${SPRITE_REL}" LICENSE.md; do
  [[ -f "${PKG}/${f}" ]] || { echo "error: ${f} not found in package" >&2; exit 1; }
done

echo "==> wiping ${DEST}"
rm -rf "${DEST}"
mkdir -p "${DEST}/css" "${DEST}/js" "${DEST}/img"

cp "${PKG}/${CSS_REL}" "${DEST}/css/"
cp "${PKG}/${JS_REL}" "${DEST}/js/"
cp "${PKG}/${SPRITE_REL}" "${DEST}/img/"
cp "${PKG}/LICENSE.md" "${DEST}/LICENSE.md"
printf '%s\n' "${PACKED_VERSION}" > "${DEST}/VERSION"

# Strip the sourceMappingURL comment: source maps are not vendored.
sed -i -e 's|/\*# sourceMappingURL=[^*]*\*/||g' "${DEST}/css/$(basename "${CSS_REL}")"
sed -i -e 's|^//# sourceMappingURL=.*$||' "${DEST}/js/$(basename "${JS_REL}")"

# Copy every file the CSS references with a relative url(...), keeping the
# path relative to the CSS directory (e.g. ../fonts/..., ../img/...).
CSS_SRC_DIR="$(dirname "${PKG}/${CSS_REL}")"
missing=0
count=0
while IFS= read -r ref; do
  [[ -z "${ref}" ]] && continue
  src="$(realpath -m "${CSS_SRC_DIR}/${ref}")"
  case "${src}" in
    "${PKG}/dist/"*) ;;
    *) echo "error: url(${ref}) points outside dist/" >&2; exit 1 ;;
  esac
  rel="${src#"${PKG}/dist/"}"
  if [[ -f "${src}" ]]; then
    mkdir -p "$(dirname "${DEST}/${rel}")"
    cp "${src}" "${DEST}/${rel}"
    count=$((count + 1))
  else
    echo "warning: referenced by CSS but missing in package: ${ref}" >&2
    missing=$((missing + 1))
  fi
done < <(
  grep -o 'url([^)]*)' "${DEST}/css/$(basename "${CSS_REL}")" \
    | sed -e 's/^url(//' -e 's/)$//' -e "s/^[\"']//" -e "s/[\"']$//" \
    | grep -v -E '^(data:|https?:|//|#)' \
    | sed -e 's/[?#].*$//' \
    | sort -u
)
echo "==> copied ${count} files referenced by the CSS (${missing} missing in package)"

echo "==> done: $(du -sh "${DEST}" | cut -f1) in ${DEST#"${REPO_ROOT}/"}"
