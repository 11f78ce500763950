#!/usr/bin/env python3
"""The peer of `atelier impact` in the benchmark: the same indicators of Benchmarks/impact/plan.yaml
on the same export, written the way an analyst would with pandas + scipy + XlsxWriter.

Usage: python3 Benchmarks/peers/impact_pandas.py EXPORT.csv OUTPUT.xlsx
"""
import sys

import numpy as np
import pandas as pd
from scipy import stats

SATISFACTION = ["Pas du tout satisfait·e", "Peu satisfait·e", "Moyennement satisfait·e", "Satisfait·e", "Très satisfait·e"]
AGREEMENT = ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"]
FREQUENCY = ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"]
STARS = ["1 étoile", "2 étoiles", "3 étoiles", "4 étoiles", "5 étoiles"]


def wilson(k, n, z=1.959964):
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def main():
    source, output = sys.argv[1], sys.argv[2]
    data = pd.read_csv(source, keep_default_na=False)
    cols = list(data.columns)
    code = lambda col, labels: data[col].map({label: i + 1 for i, label in enumerate(labels)})
    sat = code(cols[1], SATISFACTION)
    nps = pd.to_numeric(data[cols[2]], errors="coerce")
    items = pd.DataFrame({c: code(c, AGREEMENT) for c in cols[3:9]})
    items[cols[7]] = 6 - items[cols[7]]
    pre, post = pd.to_numeric(data[cols[9]]), pd.to_numeric(data[cols[10]])
    visits = pd.to_numeric(data[cols[13]], errors="coerce")
    rows = []
    k = int((sat >= 4).sum()); n = int(sat.notna().sum())
    rows.append(("I1", k / n, *wilson(k, n), n))
    for by in (cols[11], cols[12]):
        for group, part in sat.groupby(data[by]):
            rows.append((f"I1 {group}", float((part >= 4).mean()), None, None, int(part.notna().sum())))
    rows.append(("I2", 100 * ((nps >= 9).mean() - (nps <= 6).mean()), None, None, int(nps.notna().sum())))
    for group, part in nps.groupby(data[cols[11]]):
        rows.append((f"I2 {group}", 100 * ((part >= 9).mean() - (part <= 6).mean()), None, None, len(part)))
    cov = items.cov()
    kk = items.shape[1]
    alpha = kk / (kk - 1) * (1 - np.trace(cov) / cov.to_numpy().sum())
    rows.append(("I3", alpha, None, None, len(items)))
    t = stats.ttest_rel(post, pre)
    w = stats.wilcoxon(post, pre)
    d = post - pre
    rows.append(("I4", float(d.mean()), float(t.pvalue), float(w.pvalue), len(d)))
    ci = stats.t.interval(0.95, len(visits) - 1, visits.mean(), visits.std(ddof=1) / np.sqrt(len(visits)))
    rows.append(("I5", float(visits.mean()), ci[0], ci[1], int(visits.notna().sum())))
    rows.append(("I6", float((data[cols[14]] == "Oui").mean()), None, None, len(data)))
    rooms = data[cols[15]].str.split(", ")
    answered = rooms[data[cols[15]] != ""]
    rows.append(("I7", float(answered.map(lambda r: "Photographie" in r).mean()), None, None, len(answered)))
    freq = code(cols[16], FREQUENCY)
    rows.append(("I8", float((freq >= 4).mean()), None, None, int(freq.notna().sum())))
    stars = code(cols[17], STARS)
    rows.append(("I9", float(stars.mean()), None, None, int(stars.notna().sum())))
    rows.append(("I10", float(visits.median()), None, None, int(visits.notna().sum())))
    distribution = sat.value_counts().sort_index()
    rows.append(("I12", len(data) / 1_500_000, None, None, len(data)))
    with pd.ExcelWriter(output, engine="xlsxwriter") as writer:
        pd.DataFrame(rows, columns=["indicator", "value", "low", "high", "n"]).to_excel(writer, sheet_name="Indicateurs", index=False)
        distribution.to_frame("count").to_excel(writer, sheet_name="Q1")
        chart = writer.book.add_chart({"type": "column"})
        chart.add_series({"values": ["Q1", 1, 1, len(distribution), 1]})
        writer.sheets["Q1"].insert_chart("D2", chart)
    print(f"{len(data)} rows")


if __name__ == "__main__":
    main()
