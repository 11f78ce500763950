#!/usr/bin/env python3
"""The DuckDB peer of `atelier impact` in the benchmark: the indicators of impact_pandas.py
(Benchmarks/impact/plan.yaml) on the same export, and the same workbook, the way one would with
DuckDB (two threads, like the machine the targets are set for).

One scan of the CSV, with its dialect and columns declared (DuckDB's sniffer costs about 80 ms
on every file, whatever its size), codes the answers into a temporary table of small numbers; four
aggregate queries over that table give every indicator. Only the formulas on their results
(Wilson, Student and normal tails) run in Python (common.py).

Definitions as in the pandas peer, blanks included: a blank answer is left out of an indicator's n,
but shares and the NPS are over every row of the export (pandas' mean of a comparison with NaN),
segments are the exact labels (a blank one is a group of its own), a non-numeric NPS or number of
visits counts as blank (pd.to_numeric(errors="coerce")), and the before/after scores must be numbers.

Usage: python3 Benchmarks/peers/impact_duckdb.py EXPORT.csv OUTPUT.xlsx
"""
import csv
import sys

import duckdb

from common import (AGREEMENT, EXPECTED, FREQUENCY, PHOTOGRAPHY, SATISFACTION, STARS, paired_t_pvalue,
                    signed_rank_pvalue, t_interval, wilson, write_workbook)

# The export's 19 columns by position (q1 answers Q1 …, q18 Q18; q0 is the timestamp): the
# indicators name questions, not the French headers. Everything is read as text but the
# before/after scores, coded below.
COLUMNS = {f"q{i}": "INTEGER" if i in (9, 10) else "VARCHAR" for i in range(19)}

CODE = """
CREATE TEMP TABLE answers AS
SELECT list_position($satisfaction, q1)  AS sat,        -- 1..5, NULL if blank or unknown
       TRY_CAST(q2 AS DOUBLE)            AS nps,
       list_position($agreement, q3)     AS a3,
       list_position($agreement, q4)     AS a4,
       list_position($agreement, q5)     AS a5,
       list_position($agreement, q6)     AS a6,
       6 - list_position($agreement, q7) AS a7,         -- reversed item
       list_position($agreement, q8)     AS a8,
       q10 - q9                          AS d,          -- after - before
       coalesce(q11, '')                 AS venue,
       coalesce(q12, '')                 AS age,
       TRY_CAST(q13 AS DOUBLE)           AS visits,
       q14 = 'Oui'                       AS audioguide,
       regexp_matches(q15, $photography) AS photography, -- NULL if no room was ticked
       list_position($frequency, q16)    AS frequency,
       list_position($stars, q17)        AS stars
FROM read_csv($source, header = true, delim = ',', quote = '"', escape = '"',
              auto_detect = false, columns = $columns)
"""

OVERALL = """
SELECT count(*), count(sat), count_if(sat >= 4),
       count(nps), count_if(nps >= 9), count_if(nps <= 6),
       var_samp(a3) + var_samp(a4) + var_samp(a5) + var_samp(a6) + var_samp(a7) + var_samp(a8),
       var_samp(a3 + a4 + a5 + a6 + a7 + a8),
       avg(d), var_samp(d), count(d),
       avg(visits), stddev_samp(visits), count(visits), median(visits),
       count_if(audioguide), count(photography), count_if(photography),
       count(frequency), count_if(frequency >= 4), avg(stars), count(stars)
FROM answers
"""

# I1 by Q11 and by Q12, I2 by Q11 (the NPS columns of the Q12 groups are not used).
SEGMENTS = """
SELECT venue, age, count(*), count(sat), count_if(sat >= 4), count_if(nps >= 9), count_if(nps <= 6)
FROM answers
GROUP BY GROUPING SETS ((venue), (age))
ORDER BY venue, age
"""

DISTRIBUTION = "SELECT sat, count(*) FROM answers WHERE sat IS NOT NULL GROUP BY sat ORDER BY sat"

# The signed-rank test's ties: how many differences of each non-zero magnitude, how many positive.
TIES = "SELECT count(*), count_if(d > 0) FROM answers WHERE d <> 0 GROUP BY abs(d) ORDER BY abs(d)"


def main():
    source, output = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8", newline="") as export:
        q1_label = next(csv.reader(export))[1]
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute(CODE, {"source": source, "columns": COLUMNS, "satisfaction": SATISFACTION, "agreement": AGREEMENT,
                       "frequency": FREQUENCY, "stars": STARS, "photography": PHOTOGRAPHY})
    (total, sat_n, sat_top, nps_n, promoters, detractors, item_variance, scale_variance, d_mean, d_variance, pairs,
     visits_mean, visits_sd, visits_n, visits_median, audioguide, rooms_n, photography, frequency_n, regulars,
     stars_mean, stars_n) = con.execute(OVERALL).fetchone()
    segments = con.execute(SEGMENTS).fetchall()

    rows = [("I1", sat_top / sat_n, *wilson(sat_top, sat_n), sat_n)]
    rows += [(f"I1 {venue}", top / size, None, None, n) for venue, _, size, n, top, _, _ in segments if venue is not None]
    rows += [(f"I1 {age}", top / size, None, None, n) for venue, age, size, n, top, _, _ in segments if venue is None]
    rows.append(("I2", 100 * (promoters - detractors) / total, None, None, nps_n))
    rows += [(f"I2 {venue}", 100 * (high - low) / size, None, None, size)
             for venue, _, size, _, _, high, low in segments if venue is not None]
    rows.append(("I3", 6 / 5 * (1 - item_variance / scale_variance), None, None, total))
    ties = con.execute(TIES).fetchall()
    rows.append(("I4", d_mean, paired_t_pvalue(d_mean, d_variance, pairs), signed_rank_pvalue(ties, pairs), pairs))
    rows.append(("I5", visits_mean, *t_interval(visits_mean, visits_sd, total), visits_n))
    rows.append(("I6", audioguide / total, None, None, total))
    rows.append(("I7", photography / rooms_n, None, None, rooms_n))
    rows.append(("I8", regulars / total, None, None, frequency_n))
    rows.append(("I9", stars_mean, None, None, stars_n))
    rows.append(("I10", visits_median, None, None, visits_n))
    rows.append(("I12", total / EXPECTED, None, None, total))
    write_workbook(output, rows, q1_label, con.execute(DISTRIBUTION).fetchall())
    print(f"{total} rows")


if __name__ == "__main__":
    main()
