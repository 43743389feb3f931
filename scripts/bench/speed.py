#!/usr/bin/env python3
"""Speed benchmark (issue 9): a full `redline check` with every rule on, JSON to /dev/null,
against `hunspell -l` and (when installed) `typos` on the same files; growth with the corpus
replicated 1x, 4x and 16x; --jobs 1 against --jobs 2; and, when `redline check` has the flags,
a cold and a warm run with --cache-dir and a --changed-since run in a git repository.

  python3 scripts/bench/speed.py [--redline PATH] [--runs 5] [--big-runs 3] [--no-build] [--quick]
  make bench

Needs ../shared/corpus/bbc beside the repository (skips cleanly, exit 0, without it). Builds
`swift build -c release --static-swift-stdlib` unless --redline or --no-build is given. Times are medians of --runs
runs (--big-runs for the 16x corpus); peak memory is the largest resident set of those runs
(from wait4's rusage). Every rule is switched on by a .redline.yml written at the top of a
temporary copy of the corpus (rules off by default, such as spelling.unknown-name, included).
"""
import os
import sys

# This folder holds numbers.py (another benchmark), which would shadow the standard `numbers`
# module that `statistics` imports.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
bbc = os.path.join(os.path.dirname(repo), "shared", "corpus", "bbc")

ap = argparse.ArgumentParser()
ap.add_argument("--redline", help="a built redline (default: build and use .build/release/redline)")
ap.add_argument("--no-build", action="store_true", help="use .build/release/redline as it is")
ap.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
ap.add_argument("--big-runs", type=int, default=3, help="runs on the 16x corpus (default 3)")
ap.add_argument("--quick", action="store_true", help="one run each, no 16x corpus (for trying the script)")
ap.add_argument("--json", help="also write the figures to this file")
args = ap.parse_args()
if args.quick:
    args.runs, args.big_runs = 1, 0

if not os.path.isdir(bbc):
    print(f"skipped: {bbc} not found (the corpora are beside the repository on CI and developers' machines only)")
    sys.exit(0)

if args.redline:
    redline = os.path.abspath(args.redline)
else:
    if not args.no_build:
        # As scripts/example.sh and action.yml build it: the Swift runtime and Foundation linked
        # in statically (see README, Speed).
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "redline"], cwd=repo,
                       check=True, stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=repo, check=True,
                              capture_output=True, text=True).stdout.strip()
    redline = os.path.join(bin_path, "redline")
if not os.path.exists(redline):
    sys.exit(f"{redline} not found: run `swift build -c release` first")
env = dict(os.environ, REDLINE_DATA=os.environ.get("REDLINE_DATA", repo), NO_COLOR="1")


def measure(cmd, cwd=None):
    """Runs cmd with output to /dev/null; returns (wall seconds, user+sys CPU seconds, peak RSS MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, stderr


def series(name, cmd, runs, cwd=None, ok=(0, 1), before=None):
    """Medians of `runs` runs of cmd (before(), if given, runs untimed ahead of each)."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        if before:
            before()
        wall, cpu, peak, code, stderr = measure(cmd, cwd)
        if code not in ok:
            sys.exit(f"{name}: exit code {code}: {' '.join(cmd)}\n{stderr[-2000:]}")
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)
    result = {"name": name, "runs": runs, "wall": statistics.median(walls), "cpu": statistics.median(cpus),
              "peak_mb": max(peaks), "walls": [round(w, 3) for w in walls]}
    print(f"  {name:<44} {result['wall']:8.3f} s wall  {result['cpu']:8.3f} s CPU  {result['peak_mb']:7.1f} MB"
          f"   runs: {', '.join(f'{w:.2f}' for w in walls)}", flush=True)
    return result


def interleaved(commands, runs):
    """Like series for each (name, cmd), their runs taken in turn, so that a change in the
    machine's load hits each alike; the results in the order given."""
    measured = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, cmd in commands:
            wall, cpu, peak, code, stderr = measure(cmd)
            if code not in (0, 1):
                sys.exit(f"{name}: exit code {code}: {' '.join(cmd)}\n{stderr[-2000:]}")
            measured[name].append((wall, cpu, peak))
    results = []
    for name, _ in commands:
        walls = [m[0] for m in measured[name]]
        result = {"name": name, "runs": runs, "wall": statistics.median(walls),
                  "cpu": statistics.median(m[1] for m in measured[name]),
                  "peak_mb": max(m[2] for m in measured[name]), "walls": [round(w, 3) for w in walls]}
        print(f"  {name:<44} {result['wall']:8.3f} s wall  {result['cpu']:8.3f} s CPU  {result['peak_mb']:7.1f} MB"
              f"   runs: {', '.join(f'{w:.2f}' for w in walls)}", flush=True)
        results.append(result)
    return results


def load_average():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


# Every rule on: the rules off by default are switched on by name.
rules = json.loads(subprocess.run([redline, "rules", "--format", "json"], env=env, check=True,
                                  capture_output=True, text=True, cwd=repo).stdout)
off = [r["id"] for r in rules if not r["enabled"]]
config = "rules:\n" + "".join(f"  {rule}: on\n" for rule in off) if off else ""
help_text = subprocess.run([redline, "check", "--help"], env=env, capture_output=True, text=True).stdout

work = tempfile.mkdtemp(prefix="redline-speed-")
figures = {"date": time.strftime("%Y-%m-%d"), "machine": f"{os.cpu_count()} cores, {cpu_model()}, {platform.system()}",
           "load_before": load_average(), "rules_switched_on": off, "results": {}}


def replicate(copies):
    """The corpus `copies` times over in one folder, with the configuration at its top."""
    root = os.path.join(work, f"bbc-{copies}x")
    if not os.path.isdir(root):
        os.makedirs(root)
        for i in range(copies):
            shutil.copytree(bbc, os.path.join(root, f"copy{i:02d}") if copies > 1 else os.path.join(root, "bbc"))
        with open(os.path.join(root, ".redline.yml"), "w") as f:
            f.write(config)
    return root


def text_files(root):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs
                  if f.endswith((".txt", ".md", ".markdown")))


def check(root, *extra):
    return [redline, "check", "--format", "json", "--fail-on", "never", *extra, root]


try:
    print(f"redline: {redline}")
    print(f"machine: {figures['machine']}; load average before: {figures['load_before']}")
    print(f"every rule on (switched on: {', '.join(off) or 'none'}); JSON to /dev/null; medians of {args.runs} runs")
    one = replicate(1)
    files = text_files(one)
    res = figures["results"]
    # One untimed run first: a new build makes its suggestion index (and checks its forms with
    # Hunspell) on its first run and stores it in the per-user cache; the figures are for the
    # runs after that, as a user sees them from the second run on.
    subprocess.run(check(one), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    print("\n1. The BBC corpus (1x), side by side")
    hunspell = shutil.which("hunspell")
    typos = shutil.which("typos")
    dictionary = os.path.join(repo, "Dictionaries", "en_US")
    for i in range(args.runs):
        # Interleaved, so that a change in the machine's load hits every tool alike.
        res.setdefault("redline_1x", []).append(measure(check(one)))
        if hunspell:
            res.setdefault("hunspell_1x", []).append(measure([hunspell, "-l", "-d", dictionary, *files]))
        if typos:
            res.setdefault("typos_1x", []).append(measure([typos, "--format", "brief", one]))
    summary = {}
    for key, label in [("redline_1x", "redline check (every rule, JSON)"), ("hunspell_1x", "hunspell -l -d en_US"),
                       ("typos_1x", "typos")]:
        if key not in res:
            print(f"  {label:<44} skipped: not installed")
            continue
        runs = res[key]
        for wall, cpu, peak, code, stderr in runs:
            if code not in (0, 1, 2):
                sys.exit(f"{label}: exit code {code}\n{stderr[-2000:]}")
        walls = [r[0] for r in runs]
        summary[key] = {"wall": statistics.median(walls), "cpu": statistics.median([r[1] for r in runs]),
                        "peak_mb": max(r[2] for r in runs), "walls": [round(w, 3) for w in walls]}
        s = summary[key]
        print(f"  {label:<44} {s['wall']:8.3f} s wall  {s['cpu']:8.3f} s CPU  {s['peak_mb']:7.1f} MB"
              f"   runs: {', '.join(f'{w:.2f}' for w in walls)}")
    res.update(summary)
    r1 = summary["redline_1x"]
    if "hunspell_1x" in summary:
        ratio = summary["hunspell_1x"]["wall"] / r1["wall"]
        print(f"  redline is {ratio:.1f}x faster than hunspell -l (target >= 30x)")
        figures["vs_hunspell"] = ratio
    if "typos_1x" in summary:
        ratio = r1["wall"] / summary["typos_1x"]["wall"]
        print(f"  redline takes {ratio:.2f}x the time of typos (target <= 1.5x)")
        figures["vs_typos"] = ratio
    print(f"  peak memory {r1['peak_mb']:.0f} MB (target <= 200 MB)")

    print("\n2. Growth: the corpus replicated")
    growth = {1: res["redline_1x"]}
    for copies, runs in [(4, args.runs), (16, args.big_runs)]:
        if runs:
            growth[copies] = series(f"redline check, {copies}x corpus", check(replicate(copies)), runs)
    for copies in (4, 16):
        if copies in growth:
            print(f"  {copies}x takes {growth[copies]['wall'] / growth[1]['wall']:.1f}x the 1x time"
                  + (" (target <= 17x)" if copies == 16 else ""))
    res["growth"] = {str(k): v for k, v in growth.items()}

    print("\n3. Threads (runs interleaved: 1, 2, 1, 2, ...)")
    j1, j2 = interleaved([("redline check --jobs 1", check(one, "--jobs", "1")),
                          ("redline check --jobs 2", check(one, "--jobs", "2"))], args.runs)
    paired = statistics.median(a / b for a, b in zip(j1["walls"], j2["walls"]))
    print(f"  --jobs 2 is {j1['wall'] / j2['wall']:.2f}x faster than --jobs 1 (target >= 1.7x); "
          f"median of the run-by-run ratios {paired:.2f}x")
    res["jobs"] = {"1": j1, "2": j2, "speedup": j1["wall"] / j2["wall"], "paired_speedup": paired}

    print("\n4. Cache")
    if "--cache-dir" not in help_text:
        print("  skipped: not supported (redline check has no --cache-dir)")
    else:
        cache = os.path.join(work, "cache")

        def empty_cache():
            shutil.rmtree(cache, ignore_errors=True)
            os.makedirs(cache)

        cold = series("redline check --cache-dir (cold: empty)", check(one, "--cache-dir", cache), args.runs,
                      before=empty_cache)
        measure(check(one, "--cache-dir", cache))
        warm = series("redline check --cache-dir (warm re-run)", check(one, "--cache-dir", cache), args.runs)
        print(f"  warm is {cold['wall'] / warm['wall']:.1f}x faster than cold (target >= 10x)")
        res["cache"] = {"cold": cold, "warm": warm, "speedup": cold["wall"] / warm["wall"]}

        if "--changed-since" not in help_text:
            print("  --changed-since: skipped: not supported")
        elif args.big_runs:
            big = os.path.join(work, "bbc-16x-git")
            shutil.copytree(replicate(16), big)
            git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false"]
            subprocess.run(git + ["init", "-q"], cwd=big, check=True)
            subprocess.run(git + ["add", "-A"], cwd=big, check=True)
            subprocess.run(git + ["commit", "-q", "-m", "corpus"], cwd=big, check=True)
            big_cache = os.path.join(work, "cache-16x")
            os.makedirs(big_cache)
            measure([redline, "check", "--format", "json", "--fail-on", "never", "--cache-dir", big_cache, "."], cwd=big)
            changed = text_files(big)[len(text_files(big)) // 2]
            edits = iter(range(1000))

            def edit_one_file():
                # A new edit before every run, so no run can reuse the previous run's verdict.
                with open(changed, "a") as f:
                    f.write(f"\nA sentence added with a mispelling, edit {next(edits)}.\n")

            since = series("--changed-since HEAD, 16x repo, warm cache, a new one-file edit each run",
                           [redline, "check", "--format", "json", "--fail-on", "never", "--cache-dir", big_cache,
                            "--changed-since", "HEAD", "."], args.runs, cwd=big, before=edit_one_file)
            print(f"  --changed-since: {since['wall']:.3f} s (target < 1 s)")
            res["changed_since"] = since

    figures["load_after"] = load_average()
    print(f"\nload average after: {figures['load_after']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=1, default=str)
finally:
    shutil.rmtree(work, ignore_errors=True)
