#!/usr/bin/env bash
# Converts the XLSForm of every example with pyxform (what KoboToolbox and ODK run on import) and
# checks that each question of the plan became a field of the form. Run by `make test`.
#   validate-xlsform.sh BINARY
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
python3 -c 'import pyxform, yaml' 2>/dev/null || pip install -q pyxform pyyaml 2>/dev/null || pip install -q --break-system-packages pyxform pyyaml
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
failures=0
for mockup in "$here"/Examples/*.yaml "$here"/Tests/Fixtures/exports/plan.yaml; do
  stem="$(basename "$(dirname "$mockup")")-$(basename "${mockup%.yaml}")"
  "$binary" survey "$mockup" --xlsform "$work/$stem.xlsx" --lang fr >/dev/null
  if ! python3 -m pyxform.xls2xform --skip_validate "$work/$stem.xlsx" "$work/$stem.xml" >"$work/log" 2>&1; then
    echo "FAIL $stem: pyxform refused the form:"; cat "$work/log"; failures=$((failures+1)); continue
  fi
  expected="$(python3 - "$mockup" <<'PY'
import sys, yaml
print(len(yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.BaseLoader)["evaluation"]["questions"]))
PY
)"
  fields="$(python3 - "$work/$stem.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(sum(1 for e in root.iter() if e.tag.endswith("}bind") and not e.get("nodeset", "").endswith(("/meta/instanceID",))))
PY
)"
  if [ "$fields" != "$expected" ]; then echo "FAIL $stem: $fields field(s) in the form, $expected question(s) in the plan"; failures=$((failures+1)); continue; fi
  echo "ok   $stem: pyxform converts it, $fields questions"
done
[ "$failures" = 0 ] || { echo "$failures XLSForm(s) failed"; exit 1; }
