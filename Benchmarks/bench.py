#!/usr/bin/env python3
"""Atelier benchmarks: wall time and peak memory of whole `atelier` processes.

Usage: Benchmarks/bench.py path/to/atelier [--impact-rows N]

Targets: checking one typical mockup (150-250 lines) under 30 ms as a whole process;
checking 1,000 mockups in one call under 1 s for the structure alone (every rule switched off)
and under 1.5 s with the built-in checklist.

impact: on a generated export of 1,000,000 responses x 18 questions in French labels
(Benchmarks/impact/generate.py, fixed seed), `impact` with the 12 indicators of
Benchmarks/impact/plan.yaml plus the xlsx, beside the pandas + scipy + XlsxWriter peer
(Benchmarks/peers/impact_pandas.py): target at least 4x faster, peak memory under 100 MB;
reading the CSV alone above 300 MB/s. Then the same plan on 200,000 of those answers as an .xlsx
(figure for the record: no target, no peer).
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")


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


def impact(binary, rows):
    """The impact benchmark beside its pandas peer."""
    export = os.path.join(WORK, f"impact-{rows}.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "impact", "generate.py"), export, str(rows)], check=True)
    size = os.path.getsize(export) / 1e6
    plan = os.path.join(ROOT, "Benchmarks", "impact", "plan.yaml")
    ours = run(binary, ["impact", plan, "--responses", export, "--xlsx", os.path.join(WORK, "atelier.xlsx")], 1)
    peer_script = os.path.join(ROOT, "Benchmarks", "peers", "impact_pandas.py")
    peer = measure_process([sys.executable, peer_script, export, os.path.join(WORK, "pandas.xlsx")])
    print(f"impact, {rows:,} rows ({size:.0f} MB), 12 indicators + xlsx:")
    print(f"  atelier            {ours[0] / 1000:8.2f} s   peak RSS {ours[2]:7.1f} MiB")
    print(f"  pandas+scipy peer  {peer[0] / 1000:8.2f} s   peak RSS {peer[1]:7.1f} MiB")
    ratio = peer[0] / ours[0]
    print(f"  speed ratio (peer / atelier): {ratio:.2f}x   target >= 4x: {'ok' if ratio >= 4 else 'NOT MET'};"
          f" memory under 100 MiB: {'ok' if ours[2] < 100 else 'NOT MET'}")
    reading = run(binary, ["impact", os.path.join(ROOT, "Benchmarks", "impact", "read-only.yaml"), "--responses", export], 1)
    throughput = size / (reading[0] / 1000)
    print(f"  reading the CSV alone: {throughput:.0f} MB/s   target > 300 MB/s: {'ok' if throughput > 300 else 'NOT MET'}")


def xlsx_reading(binary, rows):
    """The same plan on an Excel export of `rows` answers (written by XlsxWriter through pandas):
    the xlsx path (zip, shared strings, streamed sheet XML). No peer is named for it."""
    export = os.path.join(WORK, f"impact-{rows}.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "impact", "generate.py"), export, str(rows)], check=True)
    book = os.path.join(WORK, f"impact-{rows}.xlsx")
    subprocess.run([sys.executable, "-c", "import pandas, sys; pandas.read_csv(sys.argv[1]).to_excel(sys.argv[2], index=False, engine='xlsxwriter')",
                    export, book], check=True)
    plan = os.path.join(ROOT, "Benchmarks", "impact", "plan.yaml")
    ours = run(binary, ["impact", plan, "--responses", book], 1)
    print(f"impact on the same answers as an .xlsx, {rows:,} rows ({os.path.getsize(book) / 1e6:.0f} MB zipped):"
          f" {ours[0] / 1000:.2f} s   peak RSS {ours[2]:.1f} MiB")


def measure_process(command):
    """Wall time in ms and peak RSS in MiB of one child process (its own rusage)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if status != 0:
        sys.exit("the peer failed: " + process.stderr.read().decode())
    return elapsed, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) not in (2, 4):
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    impact_rows = int(sys.argv[3]) if len(sys.argv) == 4 else 1_000_000
    typical = os.path.join("Examples", "ar-visite-familles.yaml")
    lines = sum(1 for _ in open(os.path.join(ROOT, typical), encoding="utf-8"))
    run(binary, ["check", typical], 3)
    report(f"check one mockup ({lines} lines), 50 runs", 30, *run(binary, ["check", typical], 50))
    folder = corpus(1000)
    report("check 1,000 mockups, structure only, 5 runs", 1000, *run(binary, ["check", folder, "--checklist", structure_only()], 5))
    report("check 1,000 mockups with the checklist, 5 runs", 1500, *run(binary, ["check", folder], 5))
    report("same, JSON output, 5 runs", 1500, *run(binary, ["check", folder, "--format", "json"], 5))
    impact(binary, impact_rows)
    xlsx_reading(binary, min(impact_rows, 200_000))
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
