#!/usr/bin/env python3
"""Each grader's severity on the filled example sheet, as scipy computes it: for every group a
grader graded fully beside another grader, the grader's total minus the mean of the others'
totals; the mean of these differences with its 95 % Student interval (scipy.stats.t.interval).
Totals come from the sheet itself, read with pandas (the rubric's weights and points).

Run: python3 Examples/grading/severity.py      (pip install pandas openpyxl pyyaml scipy)
"""
import json
import os

import numpy as np
import pandas as pd
import yaml
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
rubric = yaml.safe_load(open(os.path.join(ROOT, "Templates", "rubrics", "presentation-atelier.yaml"), encoding="utf-8"))
counted = [c for c in rubric["criteria"] if "auto" not in c and not c.get("feedback-only")]
sheets = pd.read_excel(os.path.join(HERE, "grille-remplie.xlsx"), sheet_name=None)
graders = [name for name in sheets if name != "Barème"]

totals = {}  # grader -> {group: total}, only where every counted criterion has a level
for grader in graders:
    frame = sheets[grader].set_index("Groupe")
    for group, row in frame.iterrows():
        levels = [row[c["label"]["fr"]] for c in counted]
        if any(pd.isna(level) for level in levels):
            continue
        earned = sum(c.get("weight", 1) * next(l["points"] for l in c["levels"] if l["label"]["fr"] == level) for c, level in zip(counted, levels))
        possible = sum(c.get("weight", 1) * max(l["points"] for l in c["levels"]) for c in counted)
        totals.setdefault(grader, {})[group] = earned / possible * rubric["out-of"]

severity = {}
for grader in graders:
    differences = []
    for group, own in totals.get(grader, {}).items():
        others = [totals[other][group] for other in graders if other != grader and group in totals.get(other, {})]
        if others:
            differences.append(own - np.mean(others))
    mean = float(np.mean(differences))
    low, high = stats.t.interval(0.95, len(differences) - 1, loc=mean, scale=stats.sem(differences))
    severity[grader] = {"groups": len(differences), "mean_difference": mean, "ci": [float(low), float(high)]}
json.dump(severity, open(os.path.join(HERE, "severity.json"), "w"), indent=1, ensure_ascii=False)
print("wrote severity.json")
