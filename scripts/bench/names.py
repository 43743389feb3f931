#!/usr/bin/env python3
"""Names benchmark: the names.* rules on the seed articles and the BBC corpus. Needs ../shared
beside the repository (skips cleanly without it) and a release build of redline:

  swift build -c release            # or with --scratch-path DIR; then pass --redline DIR/release/redline
  python3 scripts/bench/names.py [--redline PATH] [--cases 400] [--seed 5] [--review 50] [--runs 8] [--parts 1234]

1. Seeds: both seeds in one run report the Zelenskyy/Zelenskiy split (names.repo-inconsistent);
   each seed alone gets no names finding; with `house: {names: ap}` seed 001 gets a fix to
   "Zelenskyy" (names.variant).
2. BBC: the Yanukovich/Yanukovych split across files is reported; `redline names` lists the names
   spelled more than one way (a seeded random sample printed for review); names.inconsistent
   findings per 100 articles (each printed, to tell real inconsistencies from false alarms).
3. Recall: in a BBC article, one later mention of a name used at least twice is replaced by
   another spelling of it from ../shared/corpus/names/ (SpellingUkraine: preferred and incorrect
   variants; name-variants: forms); the share of replacements names.inconsistent reports.
   Names are capitalised words used mid-sentence whose lower case is no dictionary word.
4. Cost of the cross-file pass: a full run over the BBC corpus with and without
   names.repo-inconsistent (best of --runs each, interleaved; wall and CPU time), and the pass
   alone against a run with no rule.
"""
import argparse
import csv
import json
import os
import random
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
shared = os.path.join(os.path.dirname(repo), "shared")
bbc = os.path.join(shared, "corpus", "bbc")
seeds = os.path.join(shared, "seeds")
names_dir = os.path.join(shared, "corpus", "names")

ap = argparse.ArgumentParser()
ap.add_argument("--redline", default=os.path.join(repo, ".build", "release", "redline"))
ap.add_argument("--cases", type=int, default=400)
ap.add_argument("--seed", type=int, default=5)
ap.add_argument("--review", type=int, default=50)
ap.add_argument("--runs", type=int, default=8)
ap.add_argument("--parts", default="1234", help="which parts to run (default: all)")
args = ap.parse_args()

if not (os.path.isdir(bbc) and os.path.isdir(seeds) and os.path.isdir(names_dir)):
    print(f"skipped: {shared} not found (the corpora are beside the repository on CI and developers' machines only)")
    sys.exit(0)
if not os.path.exists(args.redline):
    sys.exit(f"{args.redline} not found: run `swift build -c release` first (or pass --redline)")
redline = os.path.abspath(args.redline)


def run(argv, cwd=None):
    out = subprocess.run([redline, *argv], capture_output=True, check=False, cwd=cwd)
    if out.returncode not in (0, 1):
        sys.exit(f"redline {' '.join(argv)} failed:\n{out.stderr.decode()}")
    return out.stdout


def check(paths, cwd=None):
    return json.loads(run(["check", "--format", "json", "--fail-on", "never", *paths], cwd=cwd))


def names_findings(report, rule=None):
    return [(f["path"], x) for f in report["files"] for x in f["findings"]
            if x["rule"].startswith("names.") and (rule is None or x["rule"] == rule)]


tmp = tempfile.mkdtemp(prefix="redline-names-bench-")
articles = sorted(os.path.join(d, f) for d, _, fs in os.walk(bbc) for f in fs if re.fullmatch(r"\d+\.txt", f))
ok = True

# 1. Seeds.
def part_seeds():
    global ok
    print("1. seeds")
    seed_files = sorted(os.path.join(seeds, f) for f in os.listdir(seeds) if f.endswith(".txt"))
    both = names_findings(check([seeds]))
    split = [x for _, x in both if x["rule"] == "names.repo-inconsistent" and x["match"] in ("Zelenskiy", "Zelenskyy")]
    print(f"   both seeds in one run: {len(split)} names.repo-inconsistent finding(s) on the Zelenskyy/Zelenskiy split"
          + "".join(f"\n     {x['match']}: {x['message']}" for x in split))
    ok &= len(split) > 0
    for s in seed_files:
        alone = names_findings(check([s]))
        print(f"   {os.path.basename(s)} alone: {len(alone)} names finding(s)")
        ok &= not alone
    house = os.path.join(tmp, "house")
    os.makedirs(house)
    with open(os.path.join(house, ".redline.yml"), "w") as f:
        f.write("house: {names: ap}\n")
    seed001 = [s for s in seed_files if os.path.basename(s).startswith("001")][0]
    shutil.copy(seed001, house)
    fixes = [x for _, x in names_findings(check([house])) if x.get("fix", {}).get("replacement") == "Zelenskyy"]
    print(f"   seed 001 with house: {{names: ap}}: {len(fixes)} fix(es) to Zelenskyy"
          + "".join(f"\n     {x['line']}:{x['column']} {x['match']} -> {x['fix']['replacement']}" for x in fixes))
    ok &= len(fixes) > 0

# 2. BBC.
def part_bbc():
    global ok
    print("2. BBC corpus")
    report = check([bbc])
    found = names_findings(report)
    yanuk = [x for _, x in found if x["rule"] == "names.repo-inconsistent" and x["match"] in ("Yanukovich", "Yanukovych")]
    print(f"   Yanukovich/Yanukovych split reported: {'yes' if yanuk else 'NO'}"
          + "".join(f"\n     {x['match']}: {x['message']}" for x in yanuk))
    ok &= bool(yanuk)
    by_rule = {}
    for _, x in found:
        by_rule[x["rule"]] = by_rule.get(x["rule"], 0) + 1
    print("   names findings by rule:", ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())) or "none")
    inconsistent = [(p, x) for p, x in found if x["rule"] == "names.inconsistent"]
    print(f"   names.inconsistent: {len(inconsistent)} finding(s) in {len(articles)} articles = "
          f"{100 * len(inconsistent) / len(articles):.2f} per 100 articles (false alarms are at most this; review):")
    for p, x in inconsistent:
        print(f"     {os.path.relpath(p, bbc)}:{x['line']}:{x['column']} {x['match']!r}: {x['message']}")
    clusters = json.loads(run(["names", "--format", "json", bbc]))["names"]
    rng = random.Random(args.seed)
    sample = rng.sample(clusters, min(args.review, len(clusters)))
    print(f"   redline names: {len(clusters)} name(s) spelled more than one way; a random {len(sample)} for review:")
    for c in sample:
        print("     " + " / ".join(f"{f['form']} ({f['count']}x, {len(f['files'])} files)" for f in c["forms"]))

# 3. Recall on injected variants.
def part_recall():
    global ok
    print("3. recall on injected variants")
    rows = []
    with open(os.path.join(names_dir, "name_variants.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append([x for x in r["forms"].split("|") if x])
    with open(os.path.join(names_dir, "spelling-ukraine-variants.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["category"] != "Phrase":
                rows.append([r["preferred"]] + [x for x in (r["incorrect_variants"] or "").split("|") if x])
    latin = re.compile(r"^[A-Za-z\u00C0-\u024F'’-]+$")
    variants = {}
    for forms in rows:
        forms = [x for x in forms if latin.match(x)]
        for a in forms:
            for b in forms:
                if a.lower() != b.lower():
                    variants.setdefault(a.lower(), set()).add(b)
    ordinary = set()
    for dic in ("en_US.dic", "en_GB.dic"):
        with open(os.path.join(repo, "Dictionaries", dic), encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.split("/")[0].strip()
                if w and w[0].islower():
                    ordinary.add(w)
    TITLES = {"mr", "mrs", "ms", "dr", "sir", "prof", "president", "minister", "lord", "lady", "dame", "mayor"}
    word = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’-][A-Za-z\u00C0-\u024F]+)*")


    def capitalise_like(form, original):
        form = "-".join(p[:1].upper() + p[1:] for p in form.split("-"))
        return form.upper() if original.isupper() else form


    # A name mentioned at least twice, every mention of which can be one person or place (not
    # David Gill and David Cummings: the name words just before and after never differ).
    def neighbour(text, at, step):
        m = (re.match(r"[ \t]+([A-Za-z\u00C0-\u024F][\w'’-]*)", text[at:]) if step > 0
             else re.search(r"([A-Za-z\u00C0-\u024F][\w'’-]*)[ \t]+$", text[max(0, at - 40):at]))
        w = m.group(1) if m else None
        return w if w and w[0].isupper() and w.lower() not in TITLES else None

    candidates = []  # (article, name, mentions that can be replaced)
    for a in articles:
        with open(a, encoding="latin-1") as f:
            text = f.read()
        mentions = {}
        for m in word.finditer(text):
            w = m.group()
            if not w[0].isupper() or w.isupper() or len(w) < 2:
                continue
            before = text[:m.start()].rstrip()
            start = not before or before[-1] in ".!?\n\"“"
            mentions.setdefault(w, []).append((m.start(), m.end(), start, neighbour(text, m.start(), -1) if not start else None,
                                               neighbour(text, m.end(), 1)))
        for w, ms in mentions.items():
            if len(ms) < 2 or w.lower() not in variants or w.lower() in ordinary or all(s for _, _, s, _, _ in ms):
                continue
            same = lambda x, y: (x[3] is None or y[3] is None or x[3] == y[3]) and (x[4] is None or y[4] is None or x[4] == y[4])
            if all(same(x, y) for k, x in enumerate(ms) for y in ms[k + 1:]):
                candidates.append((a, w, ms[1:]))
    # One case per candidate name, then (to reach --cases) further cases with another mention
    # or another variant of the same names.
    rng = random.Random(args.seed)
    rng.shuffle(candidates)
    combos = [[(m[:2], v) for m in ms for v in sorted(variants[w.lower()])] for _, w, ms in candidates]
    for c in combos:
        rng.shuffle(c)
    picks = []
    while len(picks) < args.cases and any(combos):
        for k, c in enumerate(combos):
            if c and len(picks) < args.cases:
                picks.append((k, c.pop()))
    case_dir = os.path.join(tmp, "recall")
    os.makedirs(case_dir)
    with open(os.path.join(case_dir, ".redline.yml"), "w") as f:
        f.write("rules:\n  names.repo-inconsistent: off\n")
    injected = {}
    for n, (k, ((s, e), variant)) in enumerate(picks):
        a, w, _ = candidates[k]
        with open(a, encoding="latin-1") as f:
            text = f.read()
        variant = capitalise_like(variant, w)
        text = text[:s] + variant + text[e:]
        name = f"case{n:04d}.txt"
        with open(os.path.join(case_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
        line = text.count("\n", 0, s) + 1
        column = s - (text.rfind("\n", 0, s) + 1) + 1
        injected[name] = (line, column, w, variant, os.path.relpath(a, bbc))
    report = check([case_dir])
    hits = set()
    for f in report["files"]:
        name = os.path.basename(f["path"])
        if name in injected:
            line, column, _, _, _ = injected[name]
            if any(x["rule"] == "names.inconsistent" and x["line"] == line and x["column"] == column for x in f["findings"]):
                hits.add(name)
    recall = len(hits) / len(injected) if injected else 0
    print(f"   {len(injected)} cases from {len(candidates)} names mentioned twice (seed {args.seed}): "
          f"{len(hits)} reported = {100 * recall:.1f}%")
    missed = [(k, injected[k]) for k in sorted(injected) if k not in hits]
    for k, (line, column, w, v, a) in missed[:60]:
        print(f"     missed: {a}:{line}:{column} {w} -> {v} ({k})")
    ok &= len(injected) >= 300 and recall >= 0.9

# 4. Cost of the cross-file pass.
def part_cost():
    global ok
    print("4. cost of the cross-file pass (full run over the BBC corpus)")
    copy = os.path.join(tmp, "bbc")
    shutil.copytree(bbc, copy)

    def measure(configs):
        """Best (lowest) wall and CPU time of a full run per configuration, runs interleaved."""
        best = {name: [float("inf"), float("inf")] for name in configs}
        for _ in range(args.runs):
            for name, (config, extra) in configs.items():
                with open(os.path.join(copy, ".redline.yml"), "w") as f:
                    f.write(config)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                run(["check", "--format", "json", "--fail-on", "never", *extra, copy])
                wall = time.perf_counter() - t
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
        return best

    off = "rules:\n" + "".join(f"  {c}: off\n" for c in ("spelling", "transliteration", "numeric", "metadata", "style", "encoding"))
    # The pass alone runs on one thread: on two, its first dictionary look-ups would open a second
    # set of Hunspell handles, which a full run opens anyway for the spelling rules.
    t = measure({"with": ("# every rule\n", []), "without": ("rules:\n  names.repo-inconsistent: off\n", []),
                 "alone": (off + "  names.repo-inconsistent: on\n", ["--jobs", "1"]), "nothing": (off, ["--jobs", "1"])})
    (w1, c1), (w0, c0) = t["with"], t["without"]
    print(f"   full run, best of {args.runs}: with names.repo-inconsistent {w1:.2f} s wall / {c1:.2f} s CPU, "
          f"without {w0:.2f} s / {c0:.2f} s: {100 * (w1 - w0) / w0:+.1f}% wall, {100 * (c1 - c0) / c0:+.1f}% CPU")
    # The pass alone (every other rule off; its scan is then not shared with names.inconsistent),
    # against no rule at all: an upper bound of its own cost, without the noise of the rest.
    (wa, ca), (wn, cn) = t["alone"], t["nothing"]
    print(f"   the pass alone: {ca - cn:.2f} s CPU ({wa - wn:.2f} s wall) over a run with no rule = "
          f"{100 * (ca - cn) / c0:.1f}% of the full run's CPU")
    ok &= c1 <= 1.10 * c0


for part, fn in zip("1234", [part_seeds, part_bbc, part_recall, part_cost]):
    if part in args.parts:
        fn()

shutil.rmtree(tmp)
print("all targets met" if ok else "SOME TARGETS MISSED")
