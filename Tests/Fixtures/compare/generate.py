#!/usr/bin/env python3
"""Two waves compared, as statsmodels and scipy compute it: the oracle of `atelier compare`.
Proportions: Newcombe's hybrid score interval (statsmodels confint_proportions_2indep,
method="newcomb", compare="diff") and the pooled two-proportion z test (proportions_ztest).
Means: Welch's t test from summaries (scipy ttest_ind_from_stats, equal_var=False) and its
interval (the t quantile with Welch's degrees of freedom). NPS: the difference of two scores
with a normal interval from their multinomial variances (written out, checked against a
bootstrap-free formula the same way statsmodels computes a difference of independent estimates).

Run: python3 Tests/Fixtures/compare/generate.py      (pip install scipy statsmodels)
"""
import json
import math
import os

from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

HERE = os.path.dirname(os.path.abspath(__file__))
proportions = []
for old, n_old, new, n_new in [(55, 80, 71, 90), (12, 40, 9, 41), (30, 30, 25, 31), (3, 120, 11, 118), (40, 94, 52, 98)]:
    low, high = confint_proportions_2indep(new, n_new, old, n_old, method="newcomb", compare="diff")
    z, p = proportions_ztest([new, old], [n_new, n_old])
    proportions.append({"old": [old, n_old], "new": [new, n_new], "difference": new / n_new - old / n_old, "ci": [low, high], "z": z, "p": p})

means = []
for m_old, s_old, n_old, m_new, s_new, n_new in [(2.82, 1.31, 95, 3.21, 1.12, 88), (7.4, 2.2, 30, 6.1, 3.5, 12), (3.0, 1.0, 50, 3.05, 0.8, 60)]:
    t, p = stats.ttest_ind_from_stats(m_new, s_new, n_new, m_old, s_old, n_old, equal_var=False)
    v_old, v_new = s_old ** 2 / n_old, s_new ** 2 / n_new
    df = (v_old + v_new) ** 2 / (v_old ** 2 / (n_old - 1) + v_new ** 2 / (n_new - 1))
    half = stats.t.ppf(0.975, df) * math.sqrt(v_old + v_new)
    d = m_new - m_old
    means.append({"old": [m_old, s_old, n_old], "new": [m_new, s_new, n_new], "difference": d, "ci": [d - half, d + half], "t": t, "df": df, "p": p})

nps = []
for p_old, d_old, n_old, p_new, d_new, n_new in [(40, 25, 95, 52, 20, 98), (10, 30, 60, 12, 28, 61)]:
    def score(promoters, detractors, n):
        plus, minus = promoters / n, detractors / n
        return 100 * (plus - minus), 10000 * (plus + minus - (plus - minus) ** 2) / n
    (s_old, var_old), (s_new, var_new) = score(p_old, d_old, n_old), score(p_new, d_new, n_new)
    se = math.sqrt(var_old + var_new)
    z = (s_new - s_old) / se
    q = stats.norm.ppf(0.975)
    nps.append({"old": [p_old, d_old, n_old], "new": [p_new, d_new, n_new], "difference": s_new - s_old,
                "ci": [s_new - s_old - q * se, s_new - s_old + q * se], "z": z, "p": 2 * stats.norm.sf(abs(z))})

json.dump({"proportions": proportions, "means": means, "nps": nps}, open(os.path.join(HERE, "expected.json"), "w"), indent=1)
print("wrote expected.json")
