#!/usr/bin/env python3
"""Survey exports for the example mockups, as real tools write them, and the indicators
pandas/scipy compute from them (the oracle the Swift tests compare `impact` with).

Run: python3 Examples/surveys/generate.py      (pip install pandas scipy)
Fixed seed: the same files come out every time.
"""
import csv
import io
import json
import os

import numpy as np
import pandas as pd
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2026)
Z = 1.959964

SATISFACTION = ["Pas du tout satisfait·e", "Peu satisfait·e", "Moyennement satisfait·e", "Satisfait·e", "Très satisfait·e"]
AGREEMENT = ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"]


def wilson(k, n):
    p = k / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * np.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return [c - h, c + h]


def voix_du_quartier():
    """Google Forms, French, downloaded as CSV: every field quoted, CRLF, Horodateur first."""
    header = ["Horodateur", "Dans l'ensemble, êtes-vous satisfait·e de l'écoute ?", "Recommanderiez-vous cette écoute à un proche ?",
              "Combien de lieux disparus pouvez-vous citer ?", "Vous êtes venu·e :", "Avez-vous appris quelque chose sur le quartier ?"]
    rows = []
    for i in range(96):
        stamp = f"2026/05/20 {18 + i // 60:02d}:{i % 60:02d}:{int(rng.integers(0, 60)):02d}"
        sat = SATISFACTION[int(rng.choice(5, p=[0.03, 0.05, 0.12, 0.45, 0.35]))]
        nps = str(int(rng.choice(11, p=[0.01, 0.01, 0.01, 0.02, 0.03, 0.05, 0.07, 0.15, 0.2, 0.2, 0.25])))
        places = str(int(rng.choice(7, p=[0.05, 0.1, 0.2, 0.3, 0.2, 0.1, 0.05])))
        venue = str(rng.choice(["Seul·e", "En famille", "Avec l'école"], p=[0.3, 0.62, 0.08]))
        learned = AGREEMENT[int(rng.choice(5, p=[0.02, 0.08, 0.2, 0.4, 0.3]))]
        rows.append([stamp, sat, nps, places, venue, learned])
    rows[3][1] = "Ne sait pas"                      # a « no answer » label of the scale
    rows[5][2] = ""                                 # a blank
    rows[8][1] = "tres satisfait·e"                 # no accent, lower case: still the top level
    rows[11][1] = "très bien"                       # not a level: refused, the row still counts
    rows[14][3] = "trois"                           # not a number: refused
    rows[20][4] = "Avec des amis"                   # not a choice: refused
    rows.append(list(rows[30]))                     # the same submission sent twice
    rows.append(["2026/05/20 19:59:59", "", "", "", "", ""])   # opened, nothing answered
    with open(os.path.join(HERE, "voix-du-quartier-google.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)

    # The oracle, with pandas: rows 31 (duplicate) and the empty one excluded.
    frame = pd.DataFrame(rows[:-2], columns=header)
    sat = frame[header[1]].map(lambda s: {"tres satisfait·e": SATISFACTION[4]}.get(s, s))
    sat_values = sat.map({label: i + 1 for i, label in enumerate(SATISFACTION)}).dropna()
    top = int((sat_values >= 4).sum())
    nps = pd.to_numeric(frame[header[2]], errors="coerce").dropna()
    places = pd.to_numeric(frame[header[3]], errors="coerce").dropna()
    venue = frame[header[4]]
    learned = frame[header[5]].map({label: i + 1 for i, label in enumerate(AGREEMENT)}).dropna()
    t = stats.t.ppf(0.975, len(places) - 1) * places.std(ddof=1) / np.sqrt(len(places))
    segments = []
    for group in ["Seul·e", "En famille", "Avec l'école"]:
        part = pd.to_numeric(frame.loc[venue == group, header[3]], errors="coerce").dropna()
        segments.append({"group": group, "n": int(len(part)), "value": float(part.mean())})
    promoters, detractors = int((nps >= 9).sum()), int((nps <= 6).sum())
    return {
        "rows": len(rows), "used": len(rows) - 2, "excluded": 2, "problems": 3,
        "I1": {"value": top / len(sat_values), "n": int(len(sat_values)), "ci": wilson(top, len(sat_values))},
        "I2": {"value": 100 * (promoters - detractors) / len(nps), "n": int(len(nps))},
        "I3": {"value": float(places.mean()), "n": int(len(places)), "ci": [float(places.mean() - t), float(places.mean() + t)],
               "segments": segments},
        "I7": {"value": int((learned >= 4).sum()) / len(learned), "n": int(len(learned))},
    }


def ar_visite_familles():
    """A French Excel « CSV (séparateur : point-virgule) »: Windows-1252, decimal commas."""
    header = ["Dans l'ensemble, êtes-vous satisfait·e de la visite ?", "Recommanderiez-vous cette visite à des amis ?",
              "Combien de détails votre enfant a-t-il retrouvés ?", "Votre enfant a-t-il raconté une scène devant un tableau ?",
              "Vous êtes venus :"]
    rows = []
    for _ in range(140):
        rows.append([
            SATISFACTION[int(rng.choice(5, p=[0.02, 0.04, 0.14, 0.4, 0.4]))],
            str(int(rng.choice(11, p=[0.01, 0.01, 0.02, 0.02, 0.03, 0.05, 0.06, 0.15, 0.2, 0.2, 0.25]))),
            f"{rng.choice([1, 2, 2.5, 3, 3, 4, 4, 5, 6]):.1f}".replace(".", ",").replace(",0", ""),
            str(rng.choice(["Oui", "Non"], p=[0.7, 0.3])),
            str(rng.choice(["En famille", "Avec des amis", "Avec l'école"], p=[0.75, 0.2, 0.05])),
        ])
    rows[7][3] = "Ne sait pas"
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    with open(os.path.join(HERE, "ar-visite-familles-excel.csv"), "wb") as f:
        f.write(text.getvalue().encode("cp1252"))
    frame = pd.DataFrame(rows, columns=header)
    details = frame[header[2]].str.replace(",", ".").astype(float)
    told = frame[header[3]]
    yes, answered = int((told == "Oui").sum()), int(told.isin(["Oui", "Non"]).sum())
    return {
        "rows": len(rows), "used": len(rows), "excluded": 0, "problems": 0,
        "I3": {"value": float(details.mean()), "n": int(len(details))},
        "I4": {"value": yes / answered, "n": answered, "ci": wilson(yes, answered)},
    }


expected = {"voix-du-quartier-google.csv": voix_du_quartier(), "ar-visite-familles-excel.csv": ar_visite_familles()}
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
print("wrote", ", ".join(expected))
