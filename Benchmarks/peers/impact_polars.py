#!/usr/bin/env python3
"""The polars peer of `atelier impact` in the benchmark: the indicators of impact_pandas.py
(Benchmarks/impact/plan.yaml) on the same export, and the same workbook, the way one would with
polars.

A lazy scan of the CSV, every column read as text but the before/after scores (no type inference),
is coded by the streaming engine into a frame of small numbers (the labels cast to Enums: their
physical codes are the scale positions); the indicators are then expressions over that frame,
evaluated together by collect_all. Only the formulas on their results (Wilson, Student and normal
tails) run in Python (common.py).

An .xlsx export is read with polars.read_excel (the calamine engine) and goes through the same
coding: the benchmark's « impact on an .xlsx » peer.

Definitions as in the pandas peer, blanks included: a blank answer is left out of an indicator's n,
but shares and the NPS are over every row of the export (pandas' mean of a comparison with NaN),
segments are the exact labels (a blank one is a group of its own), a non-numeric NPS or number of
visits counts as blank (pd.to_numeric(errors="coerce")), and the before/after scores must be numbers.

Usage: python3 Benchmarks/peers/impact_polars.py EXPORT.csv|EXPORT.xlsx OUTPUT.xlsx
"""
import sys

import polars as pl

from common import (AGREEMENT, EXPECTED, FREQUENCY, PHOTOGRAPHY, SATISFACTION, STARS, paired_t_pvalue,
                    signed_rank_pvalue, t_interval, wilson, write_workbook)

# The export's 19 columns by position (q1 answers Q1 …, q18 Q18; q0 is the timestamp).
NAMES = [f"q{i}" for i in range(19)]
ITEMS = ["a3", "a4", "a5", "a6", "a7", "a8"]


def code(column, labels):
    """A label's position on its scale, 1-based; null if blank or not one of the labels."""
    return pl.col(column).cast(pl.Enum(labels), strict=False).to_physical() + 1


def answers(source):
    """The export, lazily, with one small column per quantity the indicators use, and the Q1 header."""
    if source.endswith(".xlsx"):
        sheet = pl.read_excel(source, engine="calamine")
        header, frame = sheet.columns, sheet.lazy().rename(dict(zip(sheet.columns, NAMES)))
    else:
        frame = pl.scan_csv(source, new_columns=NAMES, infer_schema=False,
                            schema_overrides={"q9": pl.Int32, "q10": pl.Int32})
        header = pl.scan_csv(source, n_rows=0, infer_schema=False).collect_schema().names()
    coded = frame.select(
        sat=code("q1", SATISFACTION),
        nps=pl.col("q2").cast(pl.Float64, strict=False),
        **{f"a{i}": code(f"q{i}", AGREEMENT) for i in (3, 4, 5, 6, 8)},
        a7=6 - code("q7", AGREEMENT),                                   # reversed item
        d=pl.col("q10").cast(pl.Int32) - pl.col("q9").cast(pl.Int32),  # after - before
        venue=pl.col("q11").cast(pl.String).fill_null(""),
        age=pl.col("q12").cast(pl.String).fill_null(""),
        visits=pl.col("q13").cast(pl.Float64, strict=False),
        audioguide=pl.col("q14") == "Oui",
        photography=pl.col("q15").str.contains(PHOTOGRAPHY),           # null if no room was ticked
        frequency=code("q16", FREQUENCY),
        stars=code("q17", STARS),
    )
    return coded, header[1]


def main():
    source, output = sys.argv[1], sys.argv[2]
    coded, q1_label = answers(source)
    frame = coded.collect(engine="streaming").lazy()
    sat, nps, d, visits = pl.col("sat"), pl.col("nps"), pl.col("d"), pl.col("visits")
    overall = frame.select(
        total=pl.len(), sat_n=sat.count(), sat_top=(sat >= 4).sum(),
        nps_n=nps.count(), promoters=(nps >= 9).sum(), detractors=(nps <= 6).sum(),
        item_variance=pl.sum_horizontal(pl.col(ITEMS).var()), scale_variance=pl.sum_horizontal(ITEMS, ignore_nulls=False).var(),
        d_mean=d.mean(), d_variance=d.var(), pairs=d.count(),
        visits_mean=visits.mean(), visits_sd=visits.std(), visits_n=visits.count(), visits_median=visits.median(),
        audioguide=pl.col("audioguide").sum(), rooms_n=pl.col("photography").count(),
        photography=pl.col("photography").sum(),
        frequency_n=pl.col("frequency").count(), regulars=(pl.col("frequency") >= 4).sum(),
        stars_mean=pl.col("stars").mean(), stars_n=pl.col("stars").count(),
    )
    shares = dict(size=pl.len(), n=sat.count(), top=(sat >= 4).sum(), promoters=(nps >= 9).sum(), detractors=(nps <= 6).sum())
    by_venue = frame.group_by("venue").agg(**shares).sort("venue")
    by_age = frame.group_by("age").agg(**shares).sort("age")
    distribution = frame.drop_nulls("sat").group_by("sat").len().sort("sat")
    # The signed-rank test's ties: how many differences of each non-zero magnitude, how many positive.
    ties = frame.filter(d != 0).group_by(magnitude=d.abs()).agg(size=pl.len(), positives=(d > 0).sum()).sort("magnitude")
    overall, by_venue, by_age, distribution, ties = pl.collect_all([overall, by_venue, by_age, distribution, ties])
    o = overall.row(0, named=True)

    rows = [("I1", o["sat_top"] / o["sat_n"], *wilson(o["sat_top"], o["sat_n"]), o["sat_n"])]
    rows += [(f"I1 {g['venue']}", g["top"] / g["size"], None, None, g["n"]) for g in by_venue.iter_rows(named=True)]
    rows += [(f"I1 {g['age']}", g["top"] / g["size"], None, None, g["n"]) for g in by_age.iter_rows(named=True)]
    rows.append(("I2", 100 * (o["promoters"] - o["detractors"]) / o["total"], None, None, o["nps_n"]))
    rows += [(f"I2 {g['venue']}", 100 * (g["promoters"] - g["detractors"]) / g["size"], None, None, g["size"])
             for g in by_venue.iter_rows(named=True)]
    rows.append(("I3", 6 / 5 * (1 - o["item_variance"] / o["scale_variance"]), None, None, o["total"]))
    rows.append(("I4", o["d_mean"], paired_t_pvalue(o["d_mean"], o["d_variance"], o["pairs"]),
                 signed_rank_pvalue(ties.select("size", "positives").rows(), o["pairs"]), o["pairs"]))
    rows.append(("I5", o["visits_mean"], *t_interval(o["visits_mean"], o["visits_sd"], o["total"]), o["visits_n"]))
    rows.append(("I6", o["audioguide"] / o["total"], None, None, o["total"]))
    rows.append(("I7", o["photography"] / o["rooms_n"], None, None, o["rooms_n"]))
    rows.append(("I8", o["regulars"] / o["total"], None, None, o["frequency_n"]))
    rows.append(("I9", o["stars_mean"], None, None, o["stars_n"]))
    rows.append(("I10", o["visits_median"], None, None, o["visits_n"]))
    rows.append(("I12", o["total"] / EXPECTED, None, None, o["total"]))
    write_workbook(output, rows, q1_label, distribution.rows())
    print(f"{o['total']} rows")


if __name__ == "__main__":
    main()
