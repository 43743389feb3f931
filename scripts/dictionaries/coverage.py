#!/usr/bin/env python3
"""Measures what the house lists add to Hunspell on a folder of plain-text news copy.

    python3 scripts/dictionaries/coverage.py CORPUS_DIR [--misspellings FILE ...]

Takes the distinct capitalised words that do not start a sentence (nor a line), drops a
possessive 's, asks `hunspell -d Dictionaries/en_GB -l` which of them it rejects, and reports the
share of those that the house lists (Dictionaries/house/*.txt) accept, the way Redline does (as
written, or a hyphenated compound whose parts are each accepted). With --misspellings (files of
'typo<TAB>correction' or 'typo->correction' lines) it also counts typos the lists would hide.
Reads the corpus only; writes nothing. Redline's own code (MIT).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def house_words() -> set[str]:
    words: set[str] = set()
    for p in sorted((ROOT / "Dictionaries" / "house").glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line)
    return words


def hunspell_rejects(words: list[str], dictionary: str) -> set[str]:
    out = subprocess.run(["hunspell", "-d", dictionary, "-l"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def hunspell_with_words(dictionary: str, words: set[str]):
    """A spell function: libhunspell with `words` added, as Redline's SpellChecker sets it up."""
    import ctypes
    import ctypes.util
    lib = ctypes.CDLL(ctypes.util.find_library("hunspell-1.7") or "libhunspell-1.7.so.0")
    lib.Hunspell_create.restype = ctypes.c_void_p
    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.Hunspell_add.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    handle = lib.Hunspell_create((dictionary + ".aff").encode(), (dictionary + ".dic").encode())
    for w in sorted(words):
        lib.Hunspell_add(handle, w.encode())
    return lambda w: bool(lib.Hunspell_spell(handle, w.encode()))


def candidates(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for line in text.splitlines():
        for m in WORD.finditer(line):
            w = m.group(0).replace("’", "'")
            if not w[0].isupper() or all(c.isupper() for c in w if c.isalpha()):
                continue
            before = line[:m.start()].rstrip().rstrip("\"'“‘([")
            if not before or before[-1] in ".!?:;":
                continue  # sentence- or line-initial
            if w.endswith("'s"):
                w = w[:-2]
            if sum(c.isalpha() for c in w) >= 2:
                found[w] += 1
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--dictionary", default=str(ROOT / "Dictionaries" / "en_GB"))
    ap.add_argument("--misspellings", nargs="*", default=[])
    ap.add_argument("--via-hunspell", action="store_true",
                    help="judge acceptance the way Redline's SpellChecker does: libhunspell with every house "
                         "word added (Hunspell_add), instead of a case-sensitive set of the house words")
    args = ap.parse_args()

    counts: Counter[str] = Counter()
    for p in sorted(Path(args.corpus).rglob("*.txt")):
        counts += candidates(p.read_text(encoding="utf-8", errors="replace"))
    distinct = sorted(counts)
    rejected = hunspell_rejects(distinct, args.dictionary)
    # hunspell -l splits on characters it does not treat as word characters; keep whole tokens
    rejected_tokens = [w for w in distinct if w in rejected or any(part in rejected for part in re.split(r"[-']", w))]
    house = house_words()
    gb_ok = set(distinct) - set(rejected_tokens)

    in_house = house.__contains__
    if args.via_hunspell:
        in_house = hunspell_with_words(args.dictionary, house)
        base_ok = hunspell_with_words(args.dictionary, set())

    def accepted(w: str) -> bool:
        if in_house(w):
            return True
        if "-" in w:
            return all(in_house(p) or p in gb_ok or len(p) < 2 for p in w.split("-"))
        return False

    covered = [w for w in rejected_tokens if accepted(w)]
    occ_total = sum(counts[w] for w in rejected_tokens)
    occ_cov = sum(counts[w] for w in covered)
    print(f"distinct capitalised non-initial words: {len(distinct)}")
    print(f"rejected by hunspell {Path(args.dictionary).name}: {len(rejected_tokens)}")
    print(f"accepted by the house lists: {len(covered)} ({100 * len(covered) / max(1, len(rejected_tokens)):.1f}%)")
    print(f"by occurrences: {occ_cov} of {occ_total} ({100 * occ_cov / max(1, occ_total):.1f}%)")

    for f in args.misspellings:
        pairs = []
        for line in Path(f).read_text(encoding="utf-8", errors="replace").splitlines():
            parts = re.split(r"\t|->", line.strip())
            if len(parts) >= 2 and parts[0]:
                pairs.append(parts[0])
        forms = [(t, t[:1].upper() + t[1:]) for t in pairs]
        if args.via_hunspell:
            # only typos the base dictionary rejects and the house words make it accept
            forms = [(a, b) for a, b in forms if not base_ok(a) and not base_ok(b)]
        hidden = [a for a, b in forms if in_house(a) or in_house(b)]
        print(f"{Path(f).name}: {len(hidden)} of {len(pairs)} typos accepted by the house lists "
              f"(as written or capitalised)")


if __name__ == "__main__":
    sys.exit(main())
