#!/usr/bin/env python3
"""Checks that the benchmark's peers compute the same thing: runs impact_pandas.py, impact_duckdb.py
and impact_polars.py on an export, reads their workbooks back and asserts the same rows, in the same
order, with every value, interval bound, p-value and n equal to 1e-9 relative, and the same Q1 counts.

The check is made on the export and on its first 300 answers: on thousands of answers the p-values
of I4 underflow to 0 and would agree whatever the formula; on 300 they do not.

With --atelier, Atelier's `impact --json` on the same plan is compared the same way (values, n,
the intervals of I1 and I5, the p-values of I4, the Q1 distribution).

Usage: python3 Benchmarks/peers/compare_peers.py EXPORT.csv [--atelier path/to/atelier]
Exit status 1 and the differences listed when they disagree.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import polars as pl

PEERS = os.path.dirname(os.path.abspath(__file__))
PLAN = os.path.join(os.path.dirname(PEERS), "impact", "plan.yaml")
TOOLS = ["pandas", "duckdb", "polars"]
HEAD = 300


def workbook(path):
    """The rows of the « Indicateurs » sheet as tuples, and the « Q1 » sheet's (code, count) pairs."""
    rows = pl.read_excel(path, sheet_name="Indicateurs", engine="calamine").rows()
    q1 = pl.read_excel(path, sheet_name="Q1", engine="calamine").rows()
    return rows, [(int(code), int(count)) for code, count in q1]


def same(a, b):
    """Equal to 1e-9 relative (both blank counts as equal)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)


def differences(reference, other, name):
    """What `other` gets wrong against `reference`, both (rows, distribution)."""
    found = []
    labels = [row[0] for row in reference[0]]
    if [row[0] for row in other[0]] != labels:
        return [f"{name}: rows {[row[0] for row in other[0]]} instead of {labels}"]
    for want, got in zip(reference[0], other[0]):
        for column, a, b in zip(("value", "low", "high", "n"), want[1:], got[1:]):
            if not same(a, b):
                found.append(f"{name}: {want[0]} {column} = {b!r}, pandas {a!r}")
    if reference[1] != other[1]:
        found.append(f"{name}: Q1 counts {other[1]}, pandas {reference[1]}")
    return found


def atelier(binary, export, folder):
    """Atelier's indicators in the peers' rows, from `impact --json`: the interval cells are left
    blank where the peers write none (Atelier gives one for every share, the NPS and I3)."""
    output = os.path.join(folder, "atelier.json")
    subprocess.run([binary, "impact", PLAN, "--responses", export, "--json", output],
                   check=True, stdout=subprocess.DEVNULL)
    indicators = {i["id"]: i for i in json.load(open(output, encoding="utf-8"))["indicators"]}
    rows = []
    for id in ("I1", "I2"):
        i = indicators[id]
        rows.append((id, i["value"], *(i["ci"] if id == "I1" else (None, None)), i["n"]))
        rows += [(f"{id} {s['group']}", s["value"], None, None, s["n"])
                 for s in sorted(i["segments"], key=lambda s: (s["by"], s["group"]))]
    i = indicators["I4"]
    rows += [("I3", indicators["I3"]["value"], None, None, indicators["I3"]["n"]),
             ("I4", i["value"], i["details"]["p"], i["details"]["p-wilcoxon"], i["n"]),
             ("I5", indicators["I5"]["value"], *indicators["I5"]["ci"], indicators["I5"]["n"])]
    rows += [(id, indicators[id]["value"], None, None, indicators[id]["n"]) for id in ("I6", "I7", "I8", "I9", "I10", "I12")]
    distribution = [(code, d["count"]) for code, d in enumerate(indicators["I1"]["distribution"], start=1)]
    return rows, distribution


def check(export, label, folder, binary):
    """Runs the peers on `export` (named `label`); returns the differences found."""
    results = {}
    for tool in TOOLS:
        output = os.path.join(folder, f"{tool}.xlsx")
        subprocess.run([sys.executable, os.path.join(PEERS, f"impact_{tool}.py"), export, output],
                       check=True, stdout=subprocess.DEVNULL)
        results[tool] = workbook(output)
    found = [line for tool in TOOLS[1:] for line in differences(results["pandas"], results[tool], tool)]
    if binary:
        found += differences(results["pandas"], atelier(binary, export, folder), "atelier")
    rows = results["pandas"][0]
    print(f"{label}: {len(rows)} rows of indicators (n = {rows[0][4]}), "
          f"{', '.join(TOOLS) + (', atelier' if binary else '')}: {'agree' if not found else 'DISAGREE'}")
    for row in rows if not found else []:
        print(f"    {row[0]:<18} " + "  ".join("—" if cell is None else f"{cell:.12g}" for cell in row[1:]))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("export")
    parser.add_argument("--atelier", help="also compare this atelier binary's `impact --json`")
    options = parser.parse_args()
    binary = os.path.abspath(options.atelier) if options.atelier else None
    found = []
    with tempfile.TemporaryDirectory() as folder:
        found += check(options.export, options.export, folder, binary)
        # The generated export has one answer per line (no line break inside a quoted field).
        head = os.path.join(folder, f"head-{HEAD}.csv")
        with open(options.export, encoding="utf-8", newline="") as source, open(head, "w", encoding="utf-8", newline="") as out:
            out.writelines(line for _, line in zip(range(HEAD + 1), source))
        found += check(head, f"its first {HEAD} answers", folder, binary)
    for line in found:
        print("  " + line)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
