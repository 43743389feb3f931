#!/usr/bin/env python3
"""Builds Rules/names/variants.tsv, the names table the names.* rules read: groups of spellings
of one name (transliteration variants), with the spelling each house style prefers.

Sources, merged in this order (earlier preferences win):
  1. scripts/rules/names-curated.tsv: Redline's own additions (MIT), with AP, Reuters and BBC
     preferences (Zelenskyy/Zelenskiy/Zelensky, Kyiv/Kiev, Gaddafi/Qaddafi, al-Qaeda/al-Qaida, ...).
  2. SpellingUkraine (Oleksii Holub, MIT): Ukrainian places, people and given names, the
     preferred (national) romanisation and the variants it calls incorrect. Its "other Latin
     variants" are kept only when they are renderings of the same name (same skeleton as a listed
     form): many are translations (Andrew for Andrii) or former names (Dzerzhinsk).
  3. name-variants (Security Ronin Ltd, MIT): romanisations of given names and surnames in
     sixteen languages, consistency only (no house preference).

The inputs are read from ../shared/corpus/names/ beside the repository (or --names DIR); both
licence texts are copied into Rules/names/.

Usage: python3 scripts/rules/generate-names.py [--names DIR]
"""
import argparse
import csv
import os
import re
import shutil
import sys
import unicodedata

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
ap = argparse.ArgumentParser()
ap.add_argument("--names", default=os.path.join(os.path.dirname(repo), "shared", "corpus", "names"))
args = ap.parse_args()

curated_path = os.path.join(here, "names-curated.tsv")
su_path = os.path.join(args.names, "spelling-ukraine-variants.tsv")
nv_path = os.path.join(args.names, "name_variants.tsv")
out_dir = os.path.join(repo, "Rules", "names")
target = os.path.join(out_dir, "variants.tsv")
STYLES = ["ap", "reuters", "bbc"]

for p in (su_path, nv_path):
    if not os.path.exists(p):
        sys.exit(f"{p} not found: pass --names with the folder of spelling-ukraine-variants.tsv and name_variants.tsv")


# --- The skeleton: the same folds as Sources/RedlineText/Names/NameSkeleton.swift -------------
PARTICLES = ["al-", "el-", "ad-", "ar-", "as-", "ash-", "an-", "at-", "az-", "ibn-", "bin-", "ben-"]
STROKES = {"ı": "i", "ł": "l", "ø": "o", "đ": "d"}


def fold(s):
    s = "".join(STROKES.get(c, c) for c in s.lower())
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def skeleton(name):
    s = fold(name)
    for p in PARTICLES:
        if s.startswith(p) and len(s) > len(p):
            s = s[len(p):]
            break
    if s.endswith("'s") or s.endswith("\u2019s"):
        s = s[:-2]
    s = "".join(c for c in s if c.isalpha())
    if s.startswith("ye"):
        s = s[1:]
    for a, b in [("dzh", "j"), ("tch", "ch"), ("kh", "h")]:
        s = s.replace(a, b)
    s = s[:1] + s[1:].replace("ch", "h")
    for a, b in [("ph", "f"), ("dh", "d"), ("tz", "ts"), ("ck", "k")]:
        s = s.replace(a, b)
    s = re.sub(r"c(?![eiyh])", "k", s)
    for a, b in [("ou", "u"), ("q", "k")]:
        s = s.replace(a, b)
    s = re.sub(r"x(?=[aeiouy])", "ks", s)
    for a, b in [("j", "y"), ("w", "v"), ("y", "i"), ("eie", "ee"), ("aie", "ae")]:
        s = s.replace(a, b)
    out = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def is_latin(s):
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or not c.isalpha() for c in s)


def capitalise(form):
    """name-variants writes forms in lower case: "abd-allah" -> "Abd-Allah"."""
    return "-".join(p[:1].upper() + p[1:] for p in form.split("-"))


# --- Groups -----------------------------------------------------------------------------------
groups = []  # dicts: kind, forms (list), prefs (dict), source


def add(kind, forms, prefs, source, merge=True):
    seen, clean = set(), []
    for f in forms:
        f = f.strip()
        if f and f.lower() not in seen and is_latin(f) and " " not in f:
            seen.add(f.lower())
            clean.append(f)
    for p in prefs.values():
        if p.lower() not in seen:
            seen.add(p.lower())
            clean.append(p)
    if len(clean) < 2:
        return
    if merge:
        for g in groups:
            if g["kind"] == kind and g["merge"] and seen & {f.lower() for f in g["forms"]}:
                for f in clean:
                    if f.lower() not in {x.lower() for x in g["forms"]}:
                        g["forms"].append(f)
                for style, p in prefs.items():
                    g["prefs"].setdefault(style, p)
                return
    groups.append({"kind": kind, "forms": clean, "prefs": dict(prefs), "source": source, "merge": merge})


# 1. Redline's own additions.
with open(curated_path, encoding="utf-8") as f:
    lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
header = lines[0].split("\t")
for line in lines[1:]:
    cells = dict(zip(header, line.split("\t")))
    prefs = {s: cells[s] for s in STYLES if cells.get(s, "-") not in ("", "-")}
    add(cells["kind"], cells["forms"].split("|"), prefs, "redline")

# Spellings English already uses for something else: the dictionaries' words and names, and the
# house lists of places and people. A SpellingUkraine variant of a place that is one of these
# ("Luck" for Lutsk, "Romanov" for Romaniv, "Podolsk" for Podilsk) is left out: a house style
# would otherwise "correct" the Romanov dynasty.
known = set()
for dic in ("en_US.dic", "en_GB.dic"):
    with open(os.path.join(repo, "Dictionaries", dic), encoding="utf-8", errors="replace") as f:
        for line in f:
            known.add(line.split("/")[0].strip().lower())
for name in ("places.txt", "surnames.txt", "given-names.txt"):
    path = os.path.join(repo, "Dictionaries", "house", name)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            known.update(l.strip().lower() for l in f if l.strip() and not l.startswith("#"))
curated_forms = {f.lower() for g in groups for f in g["forms"]}


def distinctive(forms):
    """The preferred spelling, and the variants that are not another word or name."""
    return forms[:1] + [f for f in forms[1:] if f.lower() in curated_forms or f.lower() not in known]


# 2. SpellingUkraine.
SU_PLACES = {"City", "Town", "Village", "Settlement", "Region", "Country"}
with open(su_path, encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        category = row["category"]
        if category == "Phrase":
            continue
        listed = [row["preferred"]] + [v for v in (row["incorrect_variants"] or "").split("|") if v]
        others = [v for v in (row["other_latin_variants"] or "").split("|") if v]
        # Renderings of the same name only (not translations or former names).
        variants = listed + [o for o in others if len(o.split()) == len(row["preferred"].split())
                             and all(skeleton(a) in {skeleton(b.split()[k]) for b in listed if len(b.split()) > k}
                                     for k, a in enumerate(o.split()))]
        parts = [v.split() for v in variants if len(v.split()) == len(row["preferred"].split())]
        n = len(row["preferred"].split())
        for k in range(n):
            forms = [p[k] for p in parts]
            if len({f.lower() for f in forms}) < 2:
                continue
            if category == "Personal name" or (category == "Person" and k < n - 1):
                add("given", forms, {}, "spelling-ukraine")
            elif category == "Person":
                forms = distinctive(forms)
                add("person", forms, {s: forms[0] for s in STYLES}, "spelling-ukraine")
            elif category in SU_PLACES or category == "Company":
                # In a name of several words, only a long distinctive word is matched alone.
                if n > 1 and len(forms[0]) < 6:
                    continue
                forms = distinctive(forms)
                add("place" if category in SU_PLACES else "org", forms, {s: forms[0] for s in STYLES}, "spelling-ukraine")

# 3. name-variants: consistency only; each line its own group (lines share forms: Ray, Rai, Roy).
KINDS = {"surnames": "surname"}
with open(nv_path, encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        kind = "surname" if row["table"].endswith("surnames") else "given"
        forms = [capitalise(x) for x in row["forms"].split("|") if x]
        add(kind, forms, {}, "name-variants", merge=False)

# Drop exact repeats (same kind, same set of forms).
unique, seen = [], set()
for g in groups:
    key = (g["kind"], frozenset(f.lower() for f in g["forms"]))
    if key not in seen:
        seen.add(key)
        unique.append(g)

os.makedirs(out_dir, exist_ok=True)
shutil.copyfile(os.path.join(args.names, "spelling-ukraine-LICENSE.txt"), os.path.join(out_dir, "LICENSE-spelling-ukraine.txt"))
shutil.copyfile(os.path.join(args.names, "name_variants-LICENSE.txt"), os.path.join(out_dir, "LICENSE-name-variants.txt"))
with open(target, "w", encoding="utf-8") as out:
    out.write("""# Names table: spellings of one name (transliteration variants), one group per line, with the
# spelling each house style prefers ("-": none; the names rules then ask for consistency only).
# Generated by scripts/rules/generate-names.py; do not edit by hand. Extend it with a table of
# your own in a rule folder (rule_paths in .redline.yml), in this format; `redline names PATH
# --write FILE` writes one from a repository.
#
# Columns: kind (person, place, org, word: one thing; given, surname: names many people share),
# forms (|-separated, the usual one first), one column per house style, and the source.
# Sources:
#   redline           Redline's own additions (MIT; scripts/rules/names-curated.tsv)
#   spelling-ukraine  SpellingUkraine, Copyright (c) 2022-2026 Oleksii Holub, MIT licence
#                     (LICENSE-spelling-ukraine.txt): Ukrainian names, national romanisation preferred
#   name-variants     name-variants, Copyright (c) 2026 Security Ronin Ltd, MIT licence
#                     (LICENSE-name-variants.txt): romanised given names and surnames
""")
    out.write("\t".join(["kind", "forms"] + STYLES + ["source"]) + "\n")
    for g in unique:
        out.write("\t".join([g["kind"], "|".join(g["forms"])] + [g["prefs"].get(s, "-") for s in STYLES] + [g["source"]]) + "\n")
counts = {}
for g in unique:
    counts[g["source"]] = counts.get(g["source"], 0) + 1
print(f"{target}: {len(unique)} groups (" + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")")
