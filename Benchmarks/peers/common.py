"""What the DuckDB and polars peers share: the answer labels of the benchmark export, the statistics
finished in Python from the engine's aggregates, and the workbook both write.

The engines do the work over the rows (coding, counts, sums, variances, the median, the tie table
of the signed-rank test); the few numbers they return go through the same formulas scipy.stats
applies, called at the level of scipy.special (stdtr, stdtrit, ndtr): importing scipy.stats alone
costs about a second and 100 MB, which would be measured as the peers' time, not their engine's.
The pandas peer (impact_pandas.py) calls scipy.stats on the columns; compare_peers.py checks the
three agree.
"""
import math

from scipy import special

SATISFACTION = ["Pas du tout satisfait·e", "Peu satisfait·e", "Moyennement satisfait·e", "Satisfait·e", "Très satisfait·e"]
AGREEMENT = ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"]
FREQUENCY = ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"]
STARS = ["1 étoile", "2 étoiles", "3 étoiles", "4 étoiles", "5 étoiles"]
# The plan's expected audience (I12, response rate).
EXPECTED = 1_500_000
# Q15 (multi-choice, answers joined by ", ") names the room: the choice itself, not a substring.
PHOTOGRAPHY = r"(^|, )Photographie(, |$)"


def wilson(k, n, z=1.959964):
    """Wilson score interval of k successes out of n (I1)."""
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def t_interval(mean, sd, n, confidence=0.95):
    """scipy.stats.t.interval(confidence, n - 1, mean, sd / sqrt(n)) (I5)."""
    scale = sd / math.sqrt(n)
    return (mean + scale * special.stdtrit(n - 1, (1 - confidence) / 2),
            mean + scale * special.stdtrit(n - 1, (1 + confidence) / 2))


def paired_t_pvalue(mean, variance, n):
    """Two-sided p-value of the paired t-test (scipy.stats.ttest_rel) from the differences' mean,
    sample variance and count (I4)."""
    t = mean / math.sqrt(variance / n)
    return 2 * special.stdtr(n - 1, -abs(t))


def signed_rank_pvalue(ties, pairs):
    """Two-sided p-value of the Wilcoxon signed-rank test as scipy.stats.wilcoxon computes it for
    more than 50 pairs (zeros dropped, average ranks for ties, tie-corrected normal approximation,
    no continuity correction) (I4).

    `ties`: one (count, positives) per distinct non-zero |difference|, in increasing order of
    |difference|, where count is how many differences have that magnitude and positives how many
    of them are above zero. `pairs`: the number of differences, zeros included (scipy's switch to
    its exact test depends on it)."""
    if pairs <= 50:
        raise ValueError("the exact small-sample Wilcoxon test is not reproduced here")
    count = rank_sum = tie_correction = 0.0
    for size, positives in ties:
        rank_sum += positives * (count + (size + 1) / 2)   # the tie's average rank, for each positive
        count += size
        tie_correction += float(size) ** 3 - size
    mean = count * (count + 1) * 0.25
    se = math.sqrt((count * (count + 1) * (2 * count + 1) - tie_correction / 2) / 24)
    return 2 * special.ndtr(-abs((rank_sum - mean) / se))


def write_workbook(path, rows, q1_label, distribution):
    """The workbook of impact_pandas.py: an « Indicateurs » sheet (indicator, value, low, high, n;
    blank where a row has no interval) and a « Q1 » sheet (answer code, count) with a column chart.
    `distribution`: (code, count) pairs in code order."""
    import xlsxwriter

    book = xlsxwriter.Workbook(path)
    header = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "top"})
    sheet = book.add_worksheet("Indicateurs")
    sheet.write_row(0, 0, ["indicator", "value", "low", "high", "n"], header)
    for index, row in enumerate(rows, start=1):
        for column, cell in enumerate(row):
            if cell is not None:
                sheet.write(index, column, cell)
    sheet = book.add_worksheet("Q1")
    sheet.write_row(0, 0, [q1_label, "count"], header)
    for index, (code, count) in enumerate(distribution, start=1):
        sheet.write(index, 0, code, header)
        sheet.write(index, 1, count)
    chart = book.add_chart({"type": "column"})
    chart.add_series({"values": ["Q1", 1, 1, len(distribution), 1]})
    sheet.insert_chart("D2", chart)
    book.close()
