#!/usr/bin/env bash
# Example exports opened and saved again by LibreOffice Calc (headless), as a partner would send
# them back: xlsx and ods with LibreOffice's own zip layout (data descriptors, UTF-8 names).
# The tests read them and expect the same indicators as from the originals.
# Needs: apt-get install libreoffice-calc-nogui. Run from the repository's root.
set -euo pipefail
out="Tests/Fixtures/libreoffice"
surveys="Examples/surveys"
soffice --headless --convert-to ods --outdir "$out" "$surveys/vr-abbaye-msforms.xlsx"
soffice --headless --convert-to xlsx --outdir "$out" "$surveys/quiz-fete-science-papier.ods"
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$out" "$surveys/voix-du-quartier-google.csv"
soffice --headless --convert-to ods --outdir "$out" "Examples/grading/grille-remplie.xlsx"
