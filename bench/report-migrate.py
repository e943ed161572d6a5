#!/usr/bin/python3
"""Render migrate's per-step rows (steps.tsv) next to the peers (runs.tsv) as Markdown, with
the targets of issue 6 checked against the same run.

  report-migrate.py [--run RUN_ID ...]     (default: the latest run in steps.tsv)

Tables: per workload and direction, every tool's copy (median wall, each rep, rows/s, peak RSS,
median load average 1 min at its start) with migrate's steps (export, import, validate) under
its end-to-end line; then the targets with the measured figures and PASS/FAIL. In one-run mode
(bench/migrate-steps.sh run-*) migrate's end to end is the run's wall minus its validate phase,
and its steps are the phases the run's --summary measured.
"""
import argparse
import csv
import os
import statistics
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.environ.get("BENCH_RESULTS", "/tmp/bench-results")
ARROW = {"s2p": "SQLite → PG", "p2s": "PG → SQLite"}
MIGRATE = "java-tool"
# The near-limit path per direction: CSV + psql \copy (SQLite → PG), CSV + sqlite3 .import (PG → SQLite).
# On the tenant workload psql 15's \copy fails (a "\." line inside a quoted field), so the server-side
# COPY of the same CSV stands in for it there.
CSV_PEERS = {"s2p": ["manual-csv", "manual-csv-srvcopy"], "p2s": ["manual-csv"]}


def load(name):
    p = os.path.join(RES, name)
    if not os.path.exists(p):
        return []
    with open(p) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def med(xs):
    return statistics.median(xs) if xs else None


def f2(x):
    return "—" if x is None else "%.2f" % x


def summarize(rows, wall="wall_s"):
    ok = [r for r in rows if r["status"] == "ok"]
    use = ok or rows
    walls = [float(r[wall]) for r in use]
    return {
        "ok": len(ok) == len(rows),
        "status": "ok" if len(ok) == len(rows) else "/".join(sorted({r["status"] for r in rows})),
        "wall": med(walls) if ok else None,
        "every": ", ".join("%.2f" % float(r[wall]) for r in rows),
        "rss": med([float(r["maxrss_mb"] or 0) for r in use]),
        "rows": int(rows[0]["rows"] or 0),
        "load": med([float(r["loadavg1"] or 0) for r in use]),
    }


def line(label, s, rows=None):
    rows = rows if rows is not None else s["rows"]
    rps = "{:,.0f}".format(rows / s["wall"]) if s["wall"] else "—"
    wall = f2(s["wall"]) if s["ok"] else s["status"]
    return "| %s | %s | %s | %s | %s | %.1f |" % (label, wall, s["every"], rps, "%.0f" % s["rss"], s["load"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", action="append")
    a = ap.parse_args()
    runs, steps = load("runs.tsv"), load("steps.tsv")
    ids = a.run or ([steps[-1]["run_id"]] if steps else [runs[-1]["run_id"]])
    for rid in ids:
        rr = [r for r in runs if r["run_id"] == rid]
        ss = [r for r in steps if r["run_id"] == rid]
        groups = OrderedDict()
        for r in rr:
            groups.setdefault((r["workload"], r["direction"]), OrderedDict()).setdefault(r["peer"], []).append(r)
        checks = []
        print("| tool / step | wall s (median) | wall s, every rep | rows/s | peak RSS MB | load avg 1 min |")
        print("|---|---:|---|---:|---:|---:|")
        for (w, d), peers in groups.items():
            n = int(next(iter(peers.values()))[0]["rows"])
            print("| **%s, %s, %s rows** | | | | | |" % (w, ARROW[d], "{:,}".format(n)))
            summ = {}
            for p, reps in peers.items():
                summ[p] = summarize(reps)
                if p != MIGRATE:
                    print(line(p, summ[p]))
                    continue
                mine = [r for r in ss if r["workload"] == w and r["direction"] == d]
                copy = [r for r in mine if r["step"] == "copy"]
                if copy:
                    # One-run mode: the copy is the run's wall minus its validate phase; the
                    # whole run (with validate) is what peers.sh timed.
                    whole = summ[p]
                    summ[p] = summarize(copy)
                    print(line("**migrate end to end** (one `migrate --from --to` run, JVM start included, "
                               "without its validate phase)", summ[p]))
                    print(line("&nbsp;&nbsp;migrate whole run (export + import + validate, one JVM)", whole))
                else:
                    print(line("**migrate end to end** (export + import, 2 JVM starts)", summ[p]))
                for step in ("export", "import", "validate"):
                    sr = [r for r in mine if r["step"] == step]
                    if sr:
                        summ[step] = summarize(sr)
                        print(line("&nbsp;&nbsp;migrate %s" % step, summ[step]))
            m = summ.get(MIGRATE)
            if not m or not m["wall"]:
                continue
            csv_peer = next((p for p in CSV_PEERS[d] if p in summ and summ[p]["wall"]), None)
            if csv_peer and (w == "pgbench" or d == "p2s"):
                ratio = m["wall"] / summ[csv_peer]["wall"]
                checks.append((w, d, "end to end ≤ 1.5× %s" % csv_peer,
                               "%.2f s / %.2f s = %.2f×" % (m["wall"], summ[csv_peer]["wall"], ratio), ratio <= 1.5))
            if d == "s2p" and w == "pgbench" and summ.get("pgloader", {}).get("wall"):
                ratio = summ["pgloader"]["wall"] / m["wall"]
                checks.append((w, d, "≥ 1.3× faster than pgloader",
                               "%.2f s / %.2f s = %.2f×" % (summ["pgloader"]["wall"], m["wall"], ratio), ratio >= 1.3))
            worst = max(summ[s]["rss"] for s in ("export", "import", "validate") if s in summ)
            checks.append((w, d, "peak RSS ≤ 300 MB every step", "%.0f MB" % worst, worst <= 300))
            if summ.get("validate", {}).get("wall"):
                ratio = summ["validate"]["wall"] / m["wall"]
                checks.append((w, d, "validate ≤ 0.5× the migration",
                               "%.2f s / %.2f s = %.2f×" % (summ["validate"]["wall"], m["wall"], ratio), ratio <= 0.5))
        print()
        if checks:
            print("| workload | direction | target | measured (medians, same run) | |")
            print("|---|---|---|---|---|")
            for w, d, t, v, ok in checks:
                print("| %s | %s | %s | %s | %s |" % (w, ARROW[d], t, v, "PASS" if ok else "**FAIL**"))
            print()


if __name__ == "__main__":
    main()
