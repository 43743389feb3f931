#!/usr/bin/env python3
"""Builds Rules/dialects/en-us-gb.tsv from VarCon (varcon.txt, Kevin Atkinson, permissive
licence: Rules/dialects/LICENSE-varcon.txt).

Each output line pairs a spelling used only in American English with the British spelling of
the same word (`american<TAB>british`). "Only" means: VarCon tags it American (A) and gives it
no British tag (B, Z) other than a seldom-used or improper variant, and the other way round.

Needs the `hunspell` command (Debian: apt-get install hunspell).
Usage: python3 scripts/rules/generate-dialects.py [path/to/varcon.txt]
(default: ../shared/corpus/dialects/varcon.txt beside the repository)
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "corpus", "dialects", "varcon.txt")
out_path = os.path.join(repo, "Rules", "dialects", "en-us-gb.tsv")


def used(tags, letters):
    """True when a tag of one of `letters` says the spelling is in ordinary use there."""
    for tag in tags:
        if tag[0] in letters and (len(tag) == 1 or tag[1] in ".v"):
            return True
    return False


pairs = set()
with open(source, encoding="latin-1") as f:  # VarCon is Latin-1
    for line in f:
        line = line.split("#", 1)[0].split("|", 1)[0].strip()
        if not line:
            continue
        entries = []
        for part in line.split(" / "):
            if ":" not in part:
                continue
            tags, word = part.split(":", 1)
            entries.append((tags.split(), word.strip()))
        us = [w for t, w in entries if used(t, "A") and not used(t, "BZ")]
        gb = [w for t, w in entries if used(t, "B") and not used(t, "A")]
        # The preferred British form first (B without a variant mark).
        gb.sort(key=lambda w: 0 if any(t in ("B", "B.") for tags, x in entries if x == w for t in tags) else 1)
        for u in us:
            if gb and " " not in u and " " not in gb[0]:
                pairs.add((u, gb[0]))


def rejected_by(dictionary, words):
    """The words that Hunspell's `dictionary` (a path without extension) does not accept."""
    result = subprocess.run(["hunspell", "-d", dictionary, "-l"], input="\n".join(words),
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


# Keep a pair only when each spelling is wrong in the other dialect's dictionary: "check"
# (cheque) and "tire" (tyre) are ordinary British words in other senses.
dicts = os.path.join(repo, "Dictionaries")
not_gb = rejected_by(os.path.join(dicts, "en_GB"), [u for u, _ in pairs])
not_us = rejected_by(os.path.join(dicts, "en_US"), [g for _, g in pairs])
pairs = {(u, g) for u, g in pairs if u in not_gb and g in not_us}

with open(out_path, "w", encoding="utf-8") as out:
    out.write("# American<TAB>British spellings of one word, where each is used in only one of the two.\n")
    out.write("# Generated from VarCon (Kevin Atkinson; licence in Rules/dialects/LICENSE-varcon.txt)\n")
    out.write("# by scripts/rules/generate-dialects.py. Do not edit by hand.\n")
    out.write("# Each spelling is rejected by the other dialect's Hunspell dictionary in Dictionaries/.\n")
    for u, g in sorted(pairs):
        out.write(f"{u}\t{g}\n")
print(f"{out_path}: {len(pairs)} pairs")
