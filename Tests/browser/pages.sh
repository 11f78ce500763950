#!/usr/bin/env bash
# Looks at Atelier's HTML pages in a real browser (headless Chromium).
#   pages.sh check BINARY        run the demo into a temporary folder and open every HTML page; fail
#                                when a page logs a console error, lacks its charts, or the A4 print
#                                of a project sheet runs over two pages. Run by `make test`.
#   pages.sh screenshots FOLDER  PNG (desktop and phone width) and PDF of every HTML page in FOLDER.
#                                Run by `make demo` on Exports/.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "pages.sh: Chromium is missing (apt-get install chromium)"; exit 1; }
chrome() { timeout 90 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "$@"; }

screenshots() {
  local page="$1" stem="${1%.html}"
  chrome --window-size=1280,2400 --screenshot="$stem.png" "file://$page" >/dev/null 2>&1
  chrome --window-size=390,2400 --screenshot="$stem-phone.png" "file://$page" >/dev/null 2>&1
  chrome --no-pdf-header-footer --print-to-pdf="$stem.pdf" "file://$page" >/dev/null 2>&1
}

pages_in_pdf() { grep -a -c -E '/Type ?/Page([^s]|$)' "$1" || true; }

case "${1:-}" in
  screenshots)
    for page in "$(cd "$2" && pwd)"/*.html; do screenshots "$page"; echo "$(basename "${page%.html}").png, -phone.png, .pdf"; done ;;
  check)
    binary="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
    work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
    failures=0
    "$binary" demo --output "$work" --lang fr >/dev/null
    for page in "$work"/*.html; do
      name="$(basename "$page")"
      chrome --enable-logging=stderr --v=0 --dump-dom "file://$page" >"$work/dom" 2>"$work/log" || { echo "FAIL $name: Chromium could not open it"; failures=$((failures+1)); continue; }
      if grep -q 'CONSOLE' "$work/log"; then echo "FAIL $name: console messages:"; grep 'CONSOLE' "$work/log"; failures=$((failures+1)); fi
      case "$name" in fiche-*)
        grep -q '<svg class="timeline"' "$work/dom" || { echo "FAIL $name: the timeline chart is missing"; failures=$((failures+1)); }
        screenshots "$page"
        pages="$(pages_in_pdf "${page%.html}.pdf")"
        [ "$pages" -ge 1 ] && [ "$pages" -le 2 ] || { echo "FAIL $name: the A4 print has $pages page(s), expected 1 or 2"; failures=$((failures+1)); }
        [ -s "${page%.html}.png" ] && [ -s "${page%.html}-phone.png" ] || { echo "FAIL $name: no screenshot"; failures=$((failures+1)); }
        echo "ok   $name: no console error, timeline drawn, A4 print on $pages page(s), desktop and phone screenshots" ;;
      questionnaire-*)
        grep -q 'class="box"' "$work/dom" || { echo "FAIL $name: no tick box"; failures=$((failures+1)); }
        screenshots "$page"
        echo "ok   $name: no console error, $(grep -o 'class="question"' "$work/dom" | wc -l) questions, screenshots and PDF" ;;
      impact-*|reseau-*)
        grep -q '<svg class="chart"' "$work/dom" || { echo "FAIL $name: no chart"; failures=$((failures+1)); }
        screenshots "$page"
        echo "ok   $name: no console error, $(grep -o '<svg class="chart"' "$work/dom" | wc -l) charts, screenshots and PDF" ;;
      *) echo "ok   $name: no console error" ;;
      esac
    done
    [ "$failures" = 0 ] || { echo "$failures browser check(s) failed"; exit 1; } ;;
  *) sed -n '2,7p' "$0"; exit 2 ;;
esac
