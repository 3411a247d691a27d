#!/usr/bin/env bash
# Checks what addons.mozilla.org's reviewers will do with the sources archive of `npm run zip`:
# unpack it in an empty folder, `npm ci`, `npm run build:firefox`, and compare the result with the
# Firefox package, file by file. Run after `npm run zip` (honours SIDELOG_OUT_DIR like the build).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${SIDELOG_OUT_DIR:-.output}"
sources=$(ls "$out"/*-sources.zip | head -n1)
package=$(ls "$out"/*-firefox.zip | head -n1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src" "$work/package"
unzip -q "$sources" -d "$work/src"
unzip -q "$package" -d "$work/package"
(cd "$work/src" && env -u SIDELOG_OUT_DIR npm ci --no-audit --no-fund >/dev/null && env -u SIDELOG_OUT_DIR npm run -s build:firefox >/dev/null)
diff -r "$work/src/.output/firefox-mv3" "$work/package"
echo "sources archive $(basename "$sources") rebuilds $(basename "$package") file for file"
