#!/usr/bin/env python3
"""Oracle values for AtelierStatistics, computed with scipy and pingouin.

Run: python3 Tests/Fixtures/statistics/generate.py   (pip install scipy pingouin krippendorff scikit-learn)
Writes statistics.json beside this script; the Swift tests read it and never need Python.
Fixed seed: the same file comes out every time for the same library versions.
"""
import json
import os

import numpy as np
import pandas as pd
import pingouin as pg
import scipy
from scipy import stats

rng = np.random.default_rng(20261121)
out = {"versions": {"scipy": scipy.__version__, "pingouin": pg.__version__, "numpy": np.__version__}}

# Distributions at several points, small degrees of freedom included.
dist = []
for df in [1, 2, 3, 5, 10, 30, 100]:
    for x in [-4.5, -2.1, -0.3, 0.0, 0.7, 1.96, 3.2, 12.0]:
        dist.append({"family": "t", "params": [df], "x": x, "cdf": stats.t.cdf(x, df), "sf": stats.t.sf(x, df)})
    for p in [0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999]:
        dist.append({"family": "t", "params": [df], "p": p, "ppf": stats.t.ppf(p, df)})
for d1, d2 in [(1, 1), (2, 5), (5, 2), (4, 44), (10, 20), (11, 110), (30, 300)]:
    for x in [0.05, 0.4, 1.0, 2.5, 7.0]:
        dist.append({"family": "f", "params": [d1, d2], "x": x, "cdf": stats.f.cdf(x, d1, d2), "sf": stats.f.sf(x, d1, d2)})
    for p in [0.025, 0.2, 0.5, 0.9, 0.975]:
        dist.append({"family": "f", "params": [d1, d2], "p": p, "ppf": stats.f.ppf(p, d1, d2)})
for k in [1, 2, 3, 5, 30, 120]:
    for x in [0.01, 0.5, 1.0, 3.84, 10.0, 50.0]:
        dist.append({"family": "chi2", "params": [k], "x": x, "cdf": stats.chi2.cdf(x, k), "sf": stats.chi2.sf(x, k)})
    for p in [0.01, 0.05, 0.5, 0.95, 0.99]:
        dist.append({"family": "chi2", "params": [k], "p": p, "ppf": stats.chi2.ppf(p, k)})
for x in [-6.0, -1.96, -0.5, 0.0, 0.25, 1.644854, 3.0, 8.0]:
    dist.append({"family": "normal", "params": [], "x": x, "cdf": stats.norm.cdf(x), "sf": stats.norm.sf(x)})
for p in [1e-10, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10]:
    dist.append({"family": "normal", "params": [], "p": p, "ppf": stats.norm.ppf(p)})
out["distributions"] = dist

# Paired t tests and Wilcoxon signed-rank tests on Likert-like and continuous pairs.
paired = []
def paired_case(name, pre, post):
    pre, post = np.asarray(pre, float), np.asarray(post, float)
    t = stats.ttest_rel(post, pre)
    w = stats.wilcoxon(post, pre)
    d = post - pre
    ci = t.confidence_interval(0.95)
    paired.append({
        "name": name, "pre": pre.tolist(), "post": post.tolist(),
        "t": t.statistic, "df": float(t.df), "p": t.pvalue, "ci": [ci.low, ci.high],
        "wilcoxon_statistic": float(w.statistic), "wilcoxon_p": float(w.pvalue),
        "dz": d.mean() / d.std(ddof=1),
        "davg": float(pg.compute_effsize(post, pre, paired=True, eftype="cohen")),
    })
paired_case("reference", [5.5, 2.4, 6.8, 9.6, 4.2], [6.4, 3.4, 6.4, 11.0, 4.8])
paired_case("wilcoxon-reference", [38, 37, 33, 29, 14, 12, 20, 22, 17, 25, 26, 16], [20, 22, 19, 20, 22, 18, 24, 20, 19, 24, 26, 13])
paired_case("exact-no-ties", rng.normal(10, 3, 20).round(6), rng.normal(11, 3, 20).round(6))
paired_case("exact-n45", rng.normal(0, 1, 45).round(6), rng.normal(0.3, 1, 45).round(6))
paired_case("likert-ties-small", rng.integers(1, 6, 12), rng.integers(1, 6, 12))
paired_case("likert-ties-large", rng.integers(1, 6, 80), rng.integers(2, 6, 80))
paired_case("knowledge-0-10", rng.integers(0, 8, 300), rng.integers(2, 11, 300))
out["paired"] = paired

# Cronbach's alpha, pairwise-complete covariances, with and without missing cells.
alphas = []
def alpha_case(name, frame):
    a, _ = pg.cronbach_alpha(frame, nan_policy="pairwise")
    n, k = frame.shape
    lower = 1 - (1 - a) * stats.f.isf(0.025, n - 1, (n - 1) * (k - 1))
    upper = 1 - (1 - a) * stats.f.isf(0.975, n - 1, (n - 1) * (k - 1))
    corr = frame.corr().to_numpy()
    rbar = corr[np.triu_indices(k, 1)].mean()
    alphas.append({
        "name": name, "rows": [[None if np.isnan(v) else float(v) for v in row] for row in frame.to_numpy()],
        "alpha": a, "ci": sorted([lower, upper]), "standardized": k * rbar / (1 + (k - 1) * rbar),
    })
wide = pg.read_dataset("cronbach_wide_missing")
alpha_case("pingouin-wide-missing", wide.astype(float))
long = pg.read_dataset("cronbach_alpha")
alpha_case("pingouin-long", long.pivot(index="Subj", columns="Items", values="Scores").astype(float))
latent = rng.normal(0, 1, 200)
items = np.column_stack([np.clip(np.round(3 + latent + rng.normal(0, 1, 200)), 1, 5) for _ in range(6)])
mask = rng.random(items.shape) < 0.08
frame = pd.DataFrame(np.where(mask, np.nan, items), columns=[f"Q{i}" for i in range(6)])
alpha_case("likert-6-items-missing", frame)
# Pairwise-complete covariances whose total is negative: alpha above 1, and Feldt's bounds swap (found by the property tests).
alpha_case("pairwise-negative-total", pd.DataFrame([[1, 5], [5, 1], [2, 3]] + [[3, np.nan]] * 10 + [[np.nan, 3]] * 10, columns=["A", "B"], dtype=float))
out["alpha"] = alphas

# Agreement between graders: ICC (pingouin), Krippendorff's alpha (krippendorff), Cohen's kappa (scikit-learn).
import krippendorff
from sklearn.metrics import cohen_kappa_score

iccs = []
for targets, raters in [(6, 2), (8, 3), (12, 4)]:
    truth = rng.normal(12, 3, targets)
    table = np.clip(np.round(truth[:, None] + rng.normal(0, 1.5, (targets, raters)) + rng.normal(0, 1, raters)), 0, 20)
    long = pd.DataFrame([(t, r, table[t, r]) for t in range(targets) for r in range(raters)], columns=["target", "rater", "score"])
    result = pg.intraclass_corr(long, targets="target", raters="rater", ratings="score").set_index("Type")["ICC"]
    iccs.append({"ratings": table.tolist(), "ICC1": result["ICC(1,1)"], "ICCA1": result["ICC(A,1)"], "ICCC1": result["ICC(C,1)"],
                 "ICC1k": result["ICC(1,k)"], "ICCAk": result["ICC(A,k)"], "ICCCk": result["ICC(C,k)"]})
out["icc"] = iccs

alphas_k = []
for coders, units in [(2, 10), (3, 15), (4, 30)]:
    data = rng.integers(1, 5, (coders, units)).astype(float)
    data[rng.random(data.shape) < 0.15] = np.nan
    case = {"data": [[None if np.isnan(v) else v for v in row] for row in data]}
    for metric in ["nominal", "ordinal", "interval", "ratio"]:
        case[metric] = krippendorff.alpha(reliability_data=data, level_of_measurement=metric, value_domain=[1.0, 2.0, 3.0, 4.0])
    alphas_k.append(case)
out["krippendorff"] = alphas_k

kappas = []
for size in [20, 50]:
    first = rng.integers(0, 4, size)
    second = np.clip(first + rng.integers(-1, 2, size), 0, 3)
    case = {"first": first.tolist(), "second": second.tolist(), "labels": [0, 1, 2, 3, 4]}
    for weights in [None, "linear", "quadratic"]:
        case[weights or "none"] = cohen_kappa_score(first, second, labels=[0, 1, 2, 3, 4], weights=weights)
    kappas.append(case)
out["kappa"] = kappas

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "statistics.json"), "w") as f:
    json.dump(out, f, indent=1)
print(f"{len(dist)} distribution values, {len(paired)} paired cases, {len(alphas)} alpha cases")
