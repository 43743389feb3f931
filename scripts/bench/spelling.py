#!/usr/bin/env python3
"""Spelling benchmark: how quiet Redline is on published copy, and how many real misspellings
it catches. Needs ../shared/corpus beside the repository (skips cleanly without it) and a built
redline (default: .build/release/redline; build with `swift build -c release`).

  python3 scripts/bench/spelling.py [--redline PATH] [--cases 1000] [--seed 7]

1. Quiet: `redline check --lang en_GB` over the BBC corpus; spelling findings of severity
   warning or error per 1,000 words, and a random 50 of them printed for review.
2. Recall: a correct word in a BBC article is replaced by one of its misspellings from
   Wikipedia's list of common misspellings (fixed seed; misspellings that are themselves words
   are skipped); the share of injected misspellings reported (any spelling.* finding at the
   injected place).
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
shared = os.path.join(os.path.dirname(repo), "shared")
bbc = os.path.join(shared, "corpus", "bbc")
wiki = os.path.join(shared, "corpus", "misspellings", "wikipedia-common-misspellings.txt")

ap = argparse.ArgumentParser()
ap.add_argument("--redline", default=os.path.join(repo, ".build", "release", "redline"))
ap.add_argument("--cases", type=int, default=1000)
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--review", type=int, default=50)
args = ap.parse_args()

if not os.path.isdir(bbc) or not os.path.exists(wiki):
    print(f"skipped: {bbc} not found (the corpora are beside the repository on CI and developers' machines only)")
    sys.exit(0)
if not os.path.exists(args.redline):
    sys.exit(f"{args.redline} not found: run `swift build -c release` first")

articles = sorted(os.path.join(d, f) for d, _, fs in os.walk(bbc) for f in fs
                  if f.endswith(".txt") and re.fullmatch(r"\d+\.txt", f))


def run_json(paths, extra=()):
    out = subprocess.run([args.redline, "check", "--format", "json", "--fail-on", "never", *extra, *paths],
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr.decode())
    return json.loads(out.stdout)


# 1. Quiet on published copy.
words = 0
for a in articles:
    with open(a, "rb") as f:
        words += len(re.findall(rb"[A-Za-z]+(?:['\x92][A-Za-z]+)*", f.read()))
report = run_json([bbc], ["--lang", "en_GB"])
spelling = [(f["path"], x) for f in report["files"] for x in f["findings"]
            if x["category"] == "spelling" and x["severity"] in ("error", "warning")
            and re.search(r"/\d+\.txt$", f["path"])]
per_k = 1000 * len(spelling) / words
print(f"quiet: {len(spelling)} spelling findings (warning or error) in {len(articles)} articles, "
      f"{words} words: {per_k:.2f} per 1,000 words (target <= 1.0)")
by_rule = {}
for _, x in spelling:
    by_rule[x["rule"]] = by_rule.get(x["rule"], 0) + 1
print("  by rule:", ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())))
rng = random.Random(args.seed)
print(f"  a random {args.review} for review:")
for path, x in rng.sample(spelling, min(args.review, len(spelling))):
    print(f"    {os.path.relpath(path, bbc)}:{x['line']}:{x['column']} {x['rule']} {x['match']!r} -> {x['suggestions'][:2]}")

# 2. Recall on injected misspellings.
pairs = []
with open(wiki, encoding="utf-8") as f:
    for line in f:
        if "->" in line:
            wrong, rights = line.strip().split("->", 1)
            for right in rights.split(","):
                right = right.strip()
                if right.isalpha() and wrong.isalpha() and right.islower() and wrong.islower():
                    pairs.append((wrong, right))
# Skip misspellings that are themselves words (Hunspell en_US or en_GB accepts them).
candidates = "\n".join(sorted({w for w, _ in pairs}))
rejected = None
for d in ("en_US", "en_GB"):
    out = subprocess.run(["hunspell", "-d", os.path.join(repo, "Dictionaries", d), "-l"], input=candidates,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("needs the hunspell command: apt-get install hunspell")
    r = set(out.stdout.split())
    rejected = r if rejected is None else rejected & r
by_right = {}
for w, r in pairs:
    if w in rejected:
        by_right.setdefault(r, []).append(w)

rng = random.Random(args.seed)
tmp = tempfile.mkdtemp(prefix="redline-recall-")
cases = []
order = articles[:]
rng.shuffle(order)
for a in order:
    if len(cases) >= args.cases:
        break
    try:
        text = open(a, encoding="utf-8").read()
    except UnicodeDecodeError:
        continue
    spots = [m for m in re.finditer(r"(?<![\w'’-])([a-z]+)(?![\w'’-])", text) if m.group(1) in by_right]
    if not spots:
        continue
    m = rng.choice(spots)
    wrong = rng.choice(sorted(by_right[m.group(1)]))
    new = text[:m.start()] + wrong + text[m.end():]
    line = new.count("\n", 0, m.start()) + 1
    col = m.start() - (new.rfind("\n", 0, m.start()) + 1) + 1
    name = f"case{len(cases):04d}.txt"
    with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
        f.write(new)
    cases.append((name, line, col, wrong, m.group(1)))

report = run_json([tmp])
found = {}
for f in report["files"]:
    found[os.path.basename(f["path"])] = {(x["line"], x["column"]) for x in f["findings"] if x["category"] == "spelling"}
hits = [c for c in cases if (c[1], c[2]) in found.get(c[0], set())]
missed = [c for c in cases if c not in hits]
print(f"recall: {len(hits)} of {len(cases)} injected misspellings reported: {100 * len(hits) / len(cases):.1f}% (target >= 97%)")
if missed:
    print("  missed:", ", ".join(f"{c[3]} (for {c[4]})" for c in missed[:40]))
shutil.rmtree(tmp)
