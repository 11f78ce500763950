#!/usr/bin/env python3
"""Atelier benchmarks: wall time and peak memory of whole `atelier` processes.

Usage: Benchmarks/bench.py path/to/atelier

Targets: checking one typical mockup (150-250 lines) under 30 ms as a whole process;
checking 1,000 mockups in one call under 1 s for the structure alone (every rule switched off)
and under 1.5 s with the built-in checklist.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "Benchmarks", "work")


def run(binary, args, repeat):
    """Median and worst wall time in ms, and the peak RSS in MiB, of `repeat` runs."""
    times = []
    peak_kib = 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        result = subprocess.run([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode not in (0, 1):
            sys.exit("atelier failed: " + result.stderr.decode())
        peak_kib = max(peak_kib, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return statistics.median(times), max(times), peak_kib / 1024


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


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    typical = os.path.join("Examples", "ar-visite-familles.yaml")
    lines = sum(1 for _ in open(os.path.join(ROOT, typical), encoding="utf-8"))
    run(binary, ["check", typical], 3)
    report(f"check one mockup ({lines} lines), 50 runs", 30, *run(binary, ["check", typical], 50))
    folder = corpus(1000)
    report("check 1,000 mockups, structure only, 5 runs", 1000, *run(binary, ["check", folder, "--checklist", structure_only()], 5))
    report("check 1,000 mockups with the checklist, 5 runs", 1500, *run(binary, ["check", folder], 5))
    report("same, JSON output, 5 runs", 1500, *run(binary, ["check", folder, "--format", "json"], 5))
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
