#!/usr/bin/env bash
# Renders the HTML report of the seed corpus in headless Chromium and checks that the page,
# after its script ran, shows the findings, that a severity filter from the URL fragment
# hides the others, and that j/k move between findings. Saves a screenshot to
# docs/html-report.png.
#
# Not part of `cargo test` (CI must not need a browser). Run as root from anywhere:
#   bash scripts/html-browser-check.sh
# Installs Debian's chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  apt-get update
  apt-get install -y chromium
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --quiet
# Relative paths, so that the page (and the screenshot) names no machine path.
target/debug/transcheck check corpora/afp-facebook-banks/en.txt corpora/afp-facebook-banks/fr.txt \
  --format html --output "$work/report.html" || [ $? -eq 1 ]
expected="$(target/debug/transcheck check corpora/afp-facebook-banks/en.txt \
  corpora/afp-facebook-banks/fr.txt --format json | grep -c '"fingerprint"' || true)"
majors="$(target/debug/transcheck check corpora/afp-facebook-banks/en.txt \
  corpora/afp-facebook-banks/fr.txt --format json | grep -c '"severity": "major"' || true)"

browser() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$(mktemp -d -p "$work")" --virtual-time-budget=5000 "$@" 2>/dev/null
}

fail() { echo "html-browser-check: FAIL: $*" >&2; exit 1; }

dom="$(browser --dump-dom "file://$work/report.html")"
grep -q 'data-ready="true"' <<<"$dom" || fail "the page script did not run"
grep -q "Showing $expected of $expected findings" <<<"$dom" \
  || fail "status does not show all $expected findings"
items="$(grep -o '<li class="finding ' <<<"$dom" | wc -l)"
[ "$items" -eq "$expected" ] || fail "$items finding items, expected $expected"
grep -q 'class="flag sev-major"[^>]*>Facebrook</mark>' <<<"$dom" \
  || fail "the misspelling Facebrook is not highlighted"

filtered="$(browser --dump-dom "file://$work/report.html#severity=major")"
grep -q "Showing $majors of $expected findings" <<<"$filtered" \
  || fail "the severity filter does not leave the $majors major findings"
hidden="$(grep -o '<li class="finding sev-minor[^>]*hidden' <<<"$filtered" | wc -l)"
[ "$hidden" -gt 0 ] || fail "minor findings are not hidden by the filter"

# Keyboard navigation: a copy of the page with a script that, after load, presses j, j, j, k
# where a browser sends keys (the focused element, bubbling up).
press='for (const key of ["j", "j", "j", "k"]) (document.activeElement || document.body).dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));'
record='document.body.dataset.selected = (document.querySelector("li.finding.current") || {}).id;'
sed "s#</body>#<script>$press $record</script></body>#" \
  "$work/report.html" >"$work/keys.html"
keys="$(browser --dump-dom "file://$work/keys.html")"
grep -q 'data-selected="f0-1"' <<<"$keys" || fail "j j j k does not select the second finding"
[ "$(grep -o '<li class="finding[^"]*current' <<<"$keys" | wc -l)" -eq 1 ] \
  || fail "not exactly one finding is selected"

mkdir -p docs
browser --hide-scrollbars --window-size=1400,1000 --screenshot="$PWD/docs/html-report.png" \
  "file://$work/report.html" >/dev/null
[ -s docs/html-report.png ] || fail "no screenshot"
echo "html-browser-check: OK: $expected findings shown, filter leaves $majors major, j/k navigate; screenshot docs/html-report.png"
