#!/usr/bin/env python3
"""Runs whole processes side by side and prints medians: wall time, CPU time and peak RSS.

Usage: measure.py RUNS LABEL CMD... [:: LABEL CMD...]...
The commands are interleaved (A B C A B C ...) so that load from other processes hits them alike. The first
command is the baseline: every other line also gives its ratio to it. A label written LABEL@BYTES also gets a
throughput (BYTES / median wall time). Standard output goes to /dev/null; a command that exits with a code other
than 0, 1 ("check found drift") or 194 (3010, "reboot needed", as a POSIX parent sees it) stops the run.
"""
import os
import statistics
import sys
import time


def parse(argv):
    runs = int(argv[0])
    cases, cur = [], []
    for a in argv[1:] + ["::"]:
        if a == "::":
            if cur:
                cases.append((cur[0], cur[1:]))
            cur = []
        else:
            cur.append(a)
    return runs, cases


def measure(cmd):
    """Wall seconds, CPU seconds and peak RSS in KB of one run, with its own process accounting."""
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    start = time.perf_counter()
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 194):
        sys.exit("failed (exit %d): %s" % (code, " ".join(cmd)))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    runs, cases = parse(sys.argv[1:])
    results = {label: [] for label, _ in cases}
    for _ in range(runs):
        for label, cmd in cases:
            results[label].append(measure(cmd))
    base = None
    print("%-44s %9s %9s %9s   %s" % ("(median of %d)" % runs, "wall ms", "cpu ms", "peak MB",
                                     "ratio to " + cases[0][0].split("@")[0]))
    for label, _ in cases:
        wall = statistics.median(r[0] for r in results[label]) * 1000
        cpu = statistics.median(r[1] for r in results[label]) * 1000
        rss = statistics.median(r[2] for r in results[label]) / 1024
        if base is None:
            base = (wall, cpu, rss)
            ratio = ""
        else:
            ratio = "wall %.2fx  cpu %.2fx  rss %.2fx" % (wall / base[0], cpu / base[1], rss / base[2])
        name, _, size = label.partition("@")
        if size:
            ratio = ("%.0f MB/s   " % (int(size) / 1e6 / (wall / 1000))) + ratio
        print("%-44s %9.0f %9.0f %9.1f   %s" % (name, wall, cpu, rss, ratio))


if __name__ == "__main__":
    main()
