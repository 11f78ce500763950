#!/usr/bin/env python3
"""Atelier benchmarks: wall time and peak memory of whole `atelier` processes.

Usage: Benchmarks/bench.py path/to/atelier [--impact-rows N[,N...]] [--rounds N] [--skip-pandas] [--impact-only]

Targets: checking one typical mockup (150-250 lines) under 30 ms as a whole process;
checking 1,000 mockups in one call under 1 s for the structure alone (every rule switched off)
and under 1.5 s with the built-in checklist.

impact: on generated exports of 1,000,000 and 3,000,000 responses x 18 questions in French labels
(Benchmarks/impact/generate.py, fixed seed; --impact-rows picks other sizes), `impact` with the 12
indicators of Benchmarks/impact/plan.yaml plus the xlsx, beside three peers computing the same
indicators and writing the same workbook (Benchmarks/peers/: DuckDB on two threads, polars, and
pandas + scipy; compare_peers.py checks they agree). Every tool runs once per round, in turn
(round-robin, so a slow moment of the machine is shared out), for --rounds rounds (3); each process
is measured on its own (wait4: wall time, peak RSS), and the best and median times are reported.
pandas runs at the smallest size only (--skip-pandas leaves it out). Targets:
  - Atelier at least 1.5x faster than the faster of DuckDB and polars, at the smallest size (1 M
    rows, as the performance issue sets it; the ratio at the larger sizes is printed for the record);
  - at least 10x faster than pandas (at the smallest size);
  - Atelier's peak RSS at most 64 MiB, at every size (flat memory);
  - Atelier's time per row at the largest size within 15% of that at the smallest (linear time);
  - reading the CSV alone (Atelier's reader and nothing else: Benchmarks/ReadCSV, built as
    atelier-read-bench beside the binary) at least 1000 MB/s, on one core. For the record, `impact`
    with every column read as free text (Benchmarks/impact/read-only.yaml: the reader, the
    duplicates and a blank check per cell).
Then the same plan on 200,000 of those answers as an .xlsx: Atelier's `impact` (plus the xlsx out)
beside polars.read_excel with the calamine engine reading the workbook and nothing else, and, for
the record, the polars peer on the workbook (that read plus the same indicators and workbook out).
Target: Atelier at least as fast as calamine's read alone.

The exports are generated once into Benchmarks/work/ (gitignored) and reused by later runs while
generate.py has not changed; the other files there are removed at the end.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")
BENCH = os.path.join(ROOT, "Benchmarks")
PLAN = os.path.join(BENCH, "impact", "plan.yaml")
READ_ONLY = os.path.join(BENCH, "impact", "read-only.yaml")
PEERS = ["duckdb", "polars", "pandas"]
READER = "atelier's CSV reader alone"
EVERY_COLUMN = "atelier impact, every column as text"
XLSX_ROWS = 200_000


def run(binary, args, repeat):
    """Median and worst wall time in ms, and the peak RSS in MiB, of `repeat` runs, each
    measured on its own process (wait4), so one run's memory does not hide another's."""
    times = []
    peak = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        times.append((time.perf_counter() - start) * 1000)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit("atelier failed: " + process.stderr.read().decode())
        peak = max(peak, usage.ru_maxrss / 1024)
    return statistics.median(times), max(times), peak


def corpus(count):
    """`count` mockups copied from Examples/, in a fresh folder."""
    examples = sorted(f for f in os.listdir(os.path.join(ROOT, "Examples")) if f.endswith(".yaml"))
    folder = os.path.join(WORK, f"corpus-{count}")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for index in range(count):
        name = examples[index % len(examples)]
        shutil.copy(os.path.join(ROOT, "Examples", name), os.path.join(folder, f"{index:04d}-{name}"))
    return folder


def structure_only():
    """A checklist that extends the built-in one and switches every rule off."""
    text = open(os.path.join(ROOT, "Templates", "checklists", "mediation-essentials.yaml"), encoding="utf-8").read()
    ids = [line.split("id:", 1)[1].strip() for line in text.splitlines() if line.startswith("  - id:")]
    path = os.path.join(WORK, "structure-only.yaml")
    with open(path, "w", encoding="utf-8") as out:
        out.write("id: structure-only\ntitle: {fr: Structure seule, en: Structure only}\nextends: [mediation-essentials]\nseverities:\n")
        out.writelines(f"  {rule}: off\n" for rule in ids)
    return path


def report(label, target_ms, median, worst, peak):
    verdict = "ok" if median < target_ms else "OVER TARGET"
    print(f"{label:<44} median {median:8.1f} ms   max {worst:8.1f} ms   peak RSS {peak:7.1f} MiB   target < {target_ms} ms: {verdict}")


def measure(command):
    """Wall time in s and peak RSS in MiB of one process, measured on its own (wait4: its rusage
    alone, so one run's memory does not hide another's). Stops the benchmark if it fails."""
    with open(os.devnull, "wb") as quiet, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=quiet, stderr=errors, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(command)} failed:\n" + errors.read().decode(errors="replace"))
    return elapsed, usage.ru_maxrss / 1024


def interleaved(commands, rounds):
    """Runs every command of `commands` ({name: argv}) once per round, in turn, for `rounds` rounds:
    {name: Runs}."""
    runs = {name: Runs() for name in commands}
    for index in range(rounds):
        print(f"  round {index + 1}/{rounds}", file=sys.stderr, flush=True)
        for name, command in commands.items():
            runs[name].add(*measure(command))
    return runs


class Runs:
    """The measured runs of one tool: best and median wall time (s), highest peak RSS (MiB)."""

    def __init__(self):
        self.times, self.peaks = [], []

    def add(self, seconds, mib):
        self.times.append(seconds)
        self.peaks.append(mib)

    @property
    def best(self):
        return min(self.times)

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def peak(self):
        return max(self.peaks)


def table(runs, notes={}):
    """One line per tool: best and median time, peak RSS, and for a peer its best over Atelier's best
    (or the note given for the line)."""
    print(f"  {'':<44} {'best':>8}  {'median':>8}  {'peak RSS':>12}   best / atelier's best")
    for name, run in runs.items():
        ratio = f"{run.best / runs['atelier'].best:8.2f}x" if not name.startswith("atelier") else ""
        print(f"  {name:<44} {run.best:6.2f} s  {run.median:6.2f} s  {run.peak:8.1f} MiB   {ratio}{notes.get(name, '')}")


def verdict(context, figure, target, met, missed):
    """Prints a target's line; adds it to `missed` when not met."""
    print(f"  {figure}   target {target}: {'ok' if met else 'NOT MET'}")
    if not met:
        missed.append(f"{context}, {figure} (target {target})")


def plural(count, noun):
    """« 1 round », « 3 rounds »."""
    return f"{count} {noun}{'s' if count != 1 else ''}"


def fresh(path, source):
    """Whether `path` exists and was made after `source` changed."""
    return os.path.exists(path) and os.path.getmtime(path) >= os.path.getmtime(source)


def export(rows):
    """The generated export of `rows` answers, kept in Benchmarks/work/ between runs (remade when
    generate.py changes)."""
    path = os.path.join(WORK, f"impact-{rows}.csv")
    generator = os.path.join(BENCH, "impact", "generate.py")
    if not fresh(path, generator):
        print(f"  generating {rows:,} answers…", file=sys.stderr, flush=True)
        partial = os.path.join(WORK, f"partial-{rows}.csv")
        subprocess.run([sys.executable, generator, partial, str(rows)], check=True)
        os.replace(partial, path)
    return path


def workbook(rows):
    """The export of `rows` answers as an .xlsx (written by XlsxWriter through pandas), kept like
    the CSV."""
    source = export(rows)
    path = os.path.join(WORK, f"impact-{rows}.xlsx")
    if not fresh(path, source):
        print(f"  writing {rows:,} answers as an .xlsx…", file=sys.stderr, flush=True)
        partial = os.path.join(WORK, f"partial-{rows}.xlsx")
        subprocess.run([sys.executable, "-c", "import pandas, sys; pandas.read_csv(sys.argv[1]).to_excel(sys.argv[2], index=False, engine='xlsxwriter')",
                        source, partial], check=True)
        os.replace(partial, path)
    return path


def warm(path):
    """Reads `path` once, so that the first tool measured does not pay for the disk alone."""
    with open(path, "rb") as file:
        while file.read(1 << 24):
            pass


def peer(name, source):
    """The command running the `name` peer on `source`, writing its workbook into Benchmarks/work/."""
    return [sys.executable, os.path.join(BENCH, "peers", f"impact_{name}.py"), source, os.path.join(WORK, f"out-{name}.xlsx")]


def impact(binary, sizes, rounds, with_pandas, missed):
    """`impact` with the 12 indicators + xlsx at each size in `sizes` (increasing), beside the peers,
    and the CSV read alone; the targets on speed, memory, scaling and reading."""
    per_row = {}
    for rows in sizes:
        path = export(rows)
        megabytes = os.path.getsize(path) / 1e6
        commands = {"atelier": [binary, "impact", PLAN, "--responses", path, "--xlsx", os.path.join(WORK, "out-atelier.xlsx")],
                    READER: [os.path.join(os.path.dirname(binary), "atelier-read-bench"), path],
                    EVERY_COLUMN: [binary, "impact", READ_ONLY, "--responses", path]}
        for name in PEERS:
            if name != "pandas" or (with_pandas and rows == sizes[0]):
                commands[name] = peer(name, path)
        warm(path)
        print(f"impact, {rows:,} rows ({megabytes:.0f} MB), 12 indicators + xlsx, {plural(rounds, 'interleaved round')}:")
        runs = interleaved(commands, rounds)
        throughput = megabytes / runs[READER].best
        table(runs, {READER: f"{throughput:.0f} MB/s", EVERY_COLUMN: f"{megabytes / runs[EVERY_COLUMN].best:.0f} MB/s"})
        ours, context = runs["atelier"], f"{rows:,} rows"
        fastest = min(("duckdb", "polars"), key=lambda name: runs[name].best)
        ratio = f"faster of DuckDB and polars ({fastest}) / atelier: {runs[fastest].best / ours.best:.2f}x"
        if rows == sizes[0]:
            verdict(context, ratio, ">= 1.5x", runs[fastest].best >= 1.5 * ours.best, missed)
        else:
            print(f"  {ratio} (for the record: the target is at the smallest size)")
        if "pandas" in runs:
            verdict(context, f"pandas / atelier: {runs['pandas'].best / ours.best:.1f}x", ">= 10x",
                    runs["pandas"].best >= 10 * ours.best, missed)
        verdict(context, f"atelier's peak RSS: {ours.peak:.1f} MiB", "<= 64 MiB", ours.peak <= 64, missed)
        verdict(context, f"reading the CSV alone: {throughput:.0f} MB/s", ">= 1000 MB/s", throughput >= 1000, missed)
        per_row[rows] = ours.best / rows
    if len(sizes) > 1:
        small, large = per_row[sizes[0]], per_row[sizes[-1]]
        print(f"impact, atelier's time per row (best): {small * 1e9:.0f} ns at {sizes[0]:,} rows, {large * 1e9:.0f} ns at {sizes[-1]:,}:")
        verdict("scaling", f"time per row at {sizes[-1]:,} / at {sizes[0]:,}: {(large / small - 1) * 100:+.1f}%",
                "within ±15%", abs(large / small - 1) <= 0.15, missed)


def xlsx_reading(binary, rows, rounds, missed):
    """The same plan on an Excel export of `rows` answers (the xlsx path: zip, shared strings, streamed
    sheet XML), beside polars.read_excel's calamine engine reading it alone and the polars peer on it."""
    book = workbook(rows)
    read_alone = "polars.read_excel (calamine), reading alone"
    commands = {"atelier": [binary, "impact", PLAN, "--responses", book, "--xlsx", os.path.join(WORK, "out-atelier.xlsx")],
                read_alone: [sys.executable, "-c", "import sys, polars; polars.read_excel(sys.argv[1], engine='calamine')", book],
                "polars peer (that read + indicators + xlsx)": peer("polars", book)}
    warm(book)
    print(f"impact on the same answers as an .xlsx, {rows:,} rows ({os.path.getsize(book) / 1e6:.0f} MB zipped), {plural(rounds, 'interleaved round')}:")
    runs = interleaved(commands, rounds)
    table(runs)
    verdict(".xlsx", f"calamine's read alone / atelier: {runs[read_alone].best / runs['atelier'].best:.2f}x",
            ">= 1x (as fast as calamine)", runs[read_alone].best >= runs["atelier"].best, missed)


def clean():
    """Removes what the benchmarks wrote into Benchmarks/work/ but the generated exports."""
    for name in os.listdir(WORK):
        path = os.path.join(WORK, name)
        if name.startswith("impact-") and name.endswith((".csv", ".xlsx")):
            continue
        if os.path.isdir(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


def sizes(text):
    """--impact-rows: one row count or several, comma-separated."""
    return sorted({int(part.replace("_", "")) for part in text.split(",")})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", help="the atelier binary (release build)")
    parser.add_argument("--impact-rows", type=sizes, default=[1_000_000, 3_000_000], metavar="N[,N...]",
                        help="sizes of the impact benchmark (default 1000000,3000000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of the impact benchmarks (default 3)")
    parser.add_argument("--skip-pandas", action="store_true", help="leave out the pandas peer (the slowest)")
    parser.add_argument("--impact-only", action="store_true", help="skip the mockup-check benchmarks")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    os.makedirs(WORK, exist_ok=True)
    if not options.impact_only:
        typical = os.path.join("Examples", "ar-visite-familles.yaml")
        lines = sum(1 for _ in open(os.path.join(ROOT, typical), encoding="utf-8"))
        run(binary, ["check", typical], 3)
        report(f"check one mockup ({lines} lines), 50 runs", 30, *run(binary, ["check", typical], 50))
        folder = corpus(1000)
        report("check 1,000 mockups, structure only, 5 runs", 1000, *run(binary, ["check", folder, "--checklist", structure_only()], 5))
        report("check 1,000 mockups with the checklist, 5 runs", 1500, *run(binary, ["check", folder], 5))
        report("same, JSON output, 5 runs", 1500, *run(binary, ["check", folder, "--format", "json"], 5))
    missed = []
    impact(binary, options.impact_rows, options.rounds, not options.skip_pandas, missed)
    xlsx_reading(binary, min(XLSX_ROWS, options.impact_rows[0]), options.rounds, missed)
    print("impact targets: " + ("all met" if not missed else f"{len(missed)} NOT MET:\n  " + "\n  ".join(missed)))
    clean()


if __name__ == "__main__":
    main()
