#!/usr/bin/env python3
"""Two trainers' filled grading sheets for the six example mockups, in the layout of
`atelier grade sheet`, and the figures the grading reference's libraries compute from them
(the oracle the Swift tests compare `grade` with).

Run: python3 Examples/grading/generate.py     (pip install openpyxl pyyaml pingouin krippendorff scikit-learn)
Fixed seed: the same files come out every time.
"""
import glob
import json
import os

import krippendorff
import numpy as np
import openpyxl
import pandas as pd
import pingouin as pg
import yaml
from sklearn.metrics import cohen_kappa_score

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
rng = np.random.default_rng(20)

rubric = yaml.safe_load(open(os.path.join(ROOT, "Templates", "rubrics", "presentation-atelier.yaml"), encoding="utf-8"))
graded = [c for c in rubric["criteria"] if "auto" not in c]
scored = [c for c in graded if not c.get("feedback-only")]
groups = [yaml.load(open(path, encoding="utf-8"), Loader=yaml.BaseLoader)["title"]
          for path in sorted(glob.glob(os.path.join(ROOT, "Examples", "*.yaml")))]
graders = ["Camille", "Karim"]

# Each group has a quality per criterion; each grader sees it within one level.
quality = rng.integers(1, 4, (len(groups), len(graded)))
top = np.array([len(c["levels"]) - 1 for c in graded])
levels = {g: np.clip(quality + rng.integers(-1, 2, quality.shape), 0, top) for g in graders}
levels["Karim"][2][3] = min(3, levels["Camille"][2][3] + 2) if levels["Camille"][2][3] <= 1 else levels["Camille"][2][3] - 2
missing = {("Camille", 4, 6)}  # Camille did not grade inclusion for the fifth group

book = openpyxl.Workbook()
book.remove(book.active)
for grader in graders:
    sheet = book.create_sheet(grader)
    header = ["Groupe"]
    for c in graded:
        header += [c["label"]["fr"], f"Commentaire — {c['label']['fr']}"]
    sheet.append(header)
    for gi, group in enumerate(groups):
        row = [group]
        for ci, c in enumerate(graded):
            level = None if (grader, gi, ci) in missing else c["levels"][int(levels[grader][gi][ci])]["label"]["fr"]
            comment = "Très convaincant" if level == c["levels"][-1]["label"]["fr"] and ci == 0 else None
            row += [level, comment]
        sheet.append(row)
legend = book.create_sheet("Barème")
legend.append(["Critère", "Intitulé", "Niveau", "Points", "Descripteur"])
book.save(os.path.join(HERE, "grille-remplie.xlsx"))

def total(grader, gi):
    earned = possible = 0.0
    for ci, c in enumerate(graded):
        if c.get("feedback-only") or (grader, gi, ci) in missing:
            continue
        weight = c.get("weight", 1)
        earned += weight * c["levels"][int(levels[grader][gi][ci])]["points"]
        possible += weight * max(l["points"] for l in c["levels"])
    return earned / possible * rubric["out-of"]

totals = {g: [total(g, gi) for gi in range(len(groups))] for g in graders}
complete = [gi for gi in range(len(groups)) if not any((g, gi, ci) in missing for g in graders for ci, c in enumerate(graded) if not c.get("feedback-only"))]
long = pd.DataFrame([(gi, g, totals[g][gi]) for gi in complete for g in graders], columns=["group", "grader", "total"])
icc = pg.intraclass_corr(long, targets="group", raters="grader", ratings="total").set_index("Type")["ICC"]
agreement = {}
for ci, c in enumerate(graded):
    data = np.array([[np.nan if (g, gi, ci) in missing else float(levels[g][gi][ci]) for gi in range(len(groups))] for g in graders])
    a = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal", value_domain=[float(v) for v in range(len(c["levels"]))])
    both = [gi for gi in range(len(groups)) if not np.isnan(data[0][gi]) and not np.isnan(data[1][gi])]
    kappa = cohen_kappa_score(data[0][both].astype(int), data[1][both].astype(int), labels=list(range(len(c["levels"]))), weights="linear")
    agreement[c["id"]] = {"krippendorff_ordinal": None if np.isnan(a) else float(a), "kappa_linear": None if np.isnan(kappa) else float(kappa)}
expected = {
    "groups": groups, "totals": totals,
    "icc": {"icc1": icc["ICC(1,1)"], "iccA1": icc["ICC(A,1)"], "iccC1": icc["ICC(C,1)"],
            "icc1k": icc["ICC(1,k)"], "iccAk": icc["ICC(A,k)"], "iccCk": icc["ICC(C,k)"]},
    "complete": len(complete), "agreement": agreement,
}
json.dump(expected, open(os.path.join(HERE, "expected.json"), "w"), indent=1, ensure_ascii=False)
print("wrote grille-remplie.xlsx and expected.json")
