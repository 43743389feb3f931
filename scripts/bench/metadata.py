#!/usr/bin/env python3
"""Stray-metadata benchmark: the seeds, how quiet the metadata.* rules are on published copy,
and how many stray lines they catch. Needs ../shared beside the repository (skips cleanly
without it) and a release build of redline (default: .build/release/redline; build with
`swift build -c release`).

  python3 scripts/bench/metadata.py [--redline PATH] [--cases 400] [--seed 7]

1. Seeds: seed 000 must be flagged on line 1 and seed 001 on line 35, each with a fix that
   deletes the stray text, and nothing else in the seeds.
2. Quiet: `redline check` over the BBC corpus (one run, so the cross-file rule takes part);
   every metadata finding is listed for review. Target: at most 1 per 200 articles. Also the
   time of the run with and without the metadata rules (a copy of the corpus with a
   `.redline.yml` that switches them off).
3. Recall: stray lines from the list below (written for this benchmark: date lines, bylines,
   tags, promos, captions and credits, CMS residue, placeholders) are inserted into BBC
   articles at the start, the end or the middle (fixed seed); an insertion counts as reported
   when a metadata finding starts on its line. Lines that are only metadata at the top or
   bottom of an article (bare dates, bylines, slugs, word counts...) are inserted there only.
   Findings elsewhere in the altered articles are counted as false alarms. Target: >= 90%.
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
import time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
shared = os.path.join(os.path.dirname(repo), "shared")
bbc = os.path.join(shared, "corpus", "bbc")
seeds = os.path.join(shared, "seeds")

ap = argparse.ArgumentParser()
ap.add_argument("--redline", default=os.path.join(repo, ".build", "release", "redline"))
ap.add_argument("--cases", type=int, default=400)
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()

if not os.path.isdir(bbc) or not os.path.isdir(seeds):
    print(f"skipped: {shared} not found (the corpora are beside the repository on CI and developers' machines only)")
    sys.exit(0)
if not os.path.exists(args.redline):
    sys.exit(f"{args.redline} not found: run `swift build -c release` first")

# Stray lines. EDGE: metadata only at the top or bottom of an article; ANY: anywhere.
EDGE = [
    "date 2025-07-04", "date: 2024-11-18", "Date: 12/03/2025", "Published: 4 July 2025",
    "Published 18 March 2025, 09:14 GMT", "First published on Tue 3 Jun 2025 07.12 BST",
    "Updated 3 hours ago", "Updated: 14:32 BST, 4 July 2025", "Last updated 2 days ago",
    "Last modified on 2025-06-30", "Posted on June 3, 2025", "Posted by Sam Porter on 2 May 2025",
    "Friday 4 July 2025 10.42 BST", "July 4, 2025", "4 July 2025", "2025-07-04T08:30:00Z",
    "Mon, 16 Jun 2025", "12 minutes ago", "Edited 1 hour ago",
    "By Jane Doe | Staff Reporter", "By Priya Raman, Business Correspondent", "By ALEX MORGAN",
    "By Tom Hale and Rosa Ibarra", "Written by Mark Ellison", "Oliver Grant | Political Editor",
    "By Dana Whitfield, Europe Desk, Brussels", "By Lena Fischer | 5 July 2025",
    "Category: Politics", "Section: Business", "612 words", "Reading time: 4 minutes", "5 min read",
    "kyiv-drone-attack-july-2025", "budget_story_final_v2", "flood_story_v3.docx", "IMG_2034.JPG",
    "EMBARGOED UNTIL 00:01 GMT 5 JULY", "FOR IMMEDIATE RELEASE", "ENDS", "-30-", "###",
    "© 2025 Example Media Group. All rights reserved.", "Copyright 2024 Example Newspapers Ltd",
    "All rights reserved.", "Source: Reuters", "Headline: Floods hit old town", "Status: draft",
    "Editor: Maria Costa", "Story ID: 88412",
]
ANY = [
    # Key-value metadata
    "Filed under: World, Europe", "Tags: Ukraine, Russia, drones", "Topics: economy; inflation",
    "Keywords: flood, rescue, river", "Word count: 612", "Words: 845", "Slug: kyiv-drone-attack",
    "Source URL: https://example.com/news/123", "Permalink: example.org/p/4411", "Author: Jane Doe",
    # Promos and navigation
    "You might also be interested in - Floods hit the old town", "Read more: Why the bridge was closed",
    "READ MORE", "Related: Council approves new budget", "Related stories",
    "Also read: The town that flooded twice", "See also: Timeline of the crisis", "More on this story",
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Skip advertisement",
    "Sponsored content", "Share this article", "Share on Facebook", "Share this with Facebook, Twitter, Email",
    "Facebook Twitter Email", "Sign up for our newsletter", "Sign up to our daily briefing",
    "Get our free morning newsletter delivered to your inbox", "Subscribe now for unlimited access",
    "Click here to read the full report", "Click here for the latest updates", "Tap here to watch the video",
    "Follow us on Twitter", "Follow us on Facebook and Instagram", "Follow Jane Doe on X",
    "Image caption Rescue teams searched the rubble", "Image caption, Residents queue for water",
    "Image source, Getty Images", "Image copyright AFP", "Media caption The moment the bridge collapsed",
    "Photo: Jane Doe/Reuters", "(AP Photo/John Roe)", "Jane Doe/AFP via Getty Images", "REUTERS/Sam Porter",
    "Getty Images", "EPA-EFE/Mark Ellison", "Picture: PA", "Print this article", "Printer-friendly version",
    "Email this story", "Comments (12)", "View 34 comments", "Leave a comment", "Back to top",
    "Home > News > World", "Most read", "Top stories", "Download our app for the latest news",
    "Watch: Rescue crews reach the flooded village", "Listen: The week in politics",
    "Continue reading the main story",
    # CMS residue
    '[caption id="attachment_4411" align="alignnone" width="800"]', "[/caption]",
    "[embed]https://video.example.org/clip/42[/embed]", '[gallery ids="12,13,14"]', "[IMAGE]",
    "[PHOTO: rescue workers at the scene]", "[VIDEO]", "{{ ad_slot }}", "{{ related_stories }}",
    "{% include newsletter.html %}", "<br>", "<p>&nbsp;</p>", "&nbsp;", '<div class="ad"></div>',
    "[[Category:Floods]]", "== External links ==", "'''See also'''", "\\* \\* \\*", "${headline}", "%%SUBHEAD%%",
    # Placeholders and notes to the desk
    "TK", "TKTK", "TK: add quote from the fire chief", "XXX",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "INSERT QUOTE HERE", "[INSERT PHOTO]",
    "[TBD]", "[ED NOTE: confirm casualty figures with police]",
    "NOTE TO EDITORS: this story is embargoed until Monday", "Note to editors: interviews are available on request",
    "?? check spelling of the mayor's name", "CHECK: is it 23 or 25 injured?", "TODO: add map",
    "FIXME: link to earlier story", "[check]", "[needs source]", "EDS NOTE: corrects spelling of name in para 3",
]
assert len(EDGE) + len(ANY) >= 100

articles = sorted(os.path.join(d, f) for d, _, fs in os.walk(bbc) for f in fs
                  if f.endswith(".txt") and re.fullmatch(r"\d+\.txt", f))


def run_json(paths, extra=()):
    start = time.perf_counter()
    out = subprocess.run([args.redline, "check", "--format", "json", "--fail-on", "never", *extra, *paths],
                         capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(out.stderr.decode())
    return json.loads(out.stdout), elapsed


def metadata_findings(report):
    return [(f["path"], x) for f in report["files"] for x in f["findings"] if x["category"] == "metadata"]


# 1. Seeds.
report, _ = run_json([seeds])
found = metadata_findings(report)
got = sorted((os.path.basename(p)[:3], x["line"], x.get("fix") is not None) for p, x in found)


def fix_range(x):
    """Where a finding's fix applies: its own positions, or the finding's span when it has none."""
    f = x.get("fix")
    if f is None:
        return "no fix"
    g = f if "line" in f else x
    return f"fix replaces {g['line']}:{g['column']}-{g['endLine']}:{g['endColumn']} with {f['replacement']!r}"


print(f"seeds: {len(found)} metadata findings:")
for p, x in found:
    print(f"    {os.path.basename(p)}:{x['line']}:{x['column']} {x['rule']} {x['match'][:50]!r} ({fix_range(x)})")
seeds_ok = got == [("000", 1, True), ("001", 35, True)]
print(f"  target (000:1 and 001:35, each with a fix, nothing else): {'met' if seeds_ok else 'NOT met'}")

# 2. Quiet on published copy.
report, elapsed = run_json([bbc])
found = [(p, x) for p, x in metadata_findings(report) if re.search(r"/\d+\.txt$", p)]
per200 = 200 * len(found) / len(articles)
print(f"quiet: {len(found)} metadata findings in {len(articles)} BBC articles: {per200:.2f} per 200 articles "
      f"(target <= 1); whole run {elapsed:.2f}s")
for p, x in found:
    print(f"    {os.path.relpath(p, bbc)}:{x['line']}:{x['column']} {x['rule']} {x['match'][:70]!r}")
tmp = tempfile.mkdtemp(prefix="redline-meta-")
try:
    copy = os.path.join(tmp, "bbc")
    shutil.copytree(bbc, copy)
    times_on, times_off = [], []
    for _ in range(3):
        times_on.append(run_json([copy])[1])
    with open(os.path.join(copy, ".redline.yml"), "w") as f:
        f.write("rules:\n  metadata: off\n")
    for _ in range(3):
        times_off.append(run_json([copy])[1])
    print(f"  time (best of 3): {min(times_on):.2f}s with the metadata rules, {min(times_off):.2f}s without")
finally:
    shutil.rmtree(tmp)

# 3. Recall on inserted stray lines.
rng = random.Random(args.seed)
tmp = tempfile.mkdtemp(prefix="redline-meta-recall-")
cases = []
order = articles[:]
rng.shuffle(order)
items = [(s, "edge") for s in EDGE] + [(s, "any") for s in ANY]
for n in range(args.cases):
    a = order[n % len(order)]
    text = open(a, encoding="utf-8", errors="replace").read().rstrip("\n")
    paras = text.split("\n\n")
    stray, kind = items[n % len(items)] if n < len(items) else rng.choice(items)
    where = rng.choice(["start", "end"] if kind == "edge" or len(paras) < 4 else ["start", "end", "middle"])
    glued = rng.random() < 0.2  # no blank line between the stray line and its neighbour
    if where == "start":
        at = rng.choice([0, 1]) if len(paras) > 2 else 0  # before or after the headline
        if glued and at < len(paras):
            paras[at] = stray + "\n" + paras[at]
        else:
            paras.insert(at, stray)
    elif where == "end":
        if glued:
            paras[-1] = paras[-1] + "\n" + stray
        else:
            paras.append(stray)
    else:
        at = rng.randrange(2, len(paras) - 1)
        if glued:
            paras[at] = paras[at] + "\n" + stray
        else:
            paras.insert(at, stray)
    new = "\n\n".join(paras) + "\n"
    line = new.split("\n").index(stray) + 1 if stray in new.split("\n") else None
    name = f"case{n:04d}.txt"
    with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
        f.write(new)
    cases.append((name, line, stray, where, glued))

report, _ = run_json([tmp])
by_file = {}
for f in report["files"]:
    by_file[os.path.basename(f["path"])] = [x for x in f["findings"] if x["category"] == "metadata"]
hits, missed, false_alarms = [], [], []
for name, line, stray, where, glued in cases:
    xs = by_file.get(name, [])
    if any(x["line"] == line for x in xs):
        hits.append((stray, where))
    else:
        missed.append((stray, where, glued))
    false_alarms += [(name, x) for x in xs if x["line"] != line]
print(f"recall: {len(hits)} of {len(cases)} inserted stray lines reported: {100 * len(hits) / len(cases):.1f}% "
      f"(target >= 90%); {len(EDGE) + len(ANY)} different lines")
for w in ("start", "middle", "end"):
    n = sum(1 for c in cases if c[3] == w)
    h = sum(1 for s, ww in hits if ww == w)
    if n:
        print(f"  {w}: {h} of {n} ({100 * h / n:.1f}%)")
if missed:
    print("  missed:", "; ".join(f"{s!r} ({w}{', glued' if g else ''})" for s, w, g in missed[:60]))
print(f"  other metadata findings in the altered articles: {len(false_alarms)}")
for name, x in false_alarms[:20]:
    print(f"    {name}:{x['line']} {x['rule']} {x['match'][:60]!r}")
shutil.rmtree(tmp)
