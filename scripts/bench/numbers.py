#!/usr/bin/env python3
"""Numbers benchmark: the seed articles, how quiet the numbers.* rules are on published copy,
and how many injected numeric contradictions they catch. Needs ../shared beside the repository
(skips cleanly without it) and a release build of redline (default .build/release/redline;
build with `swift build -c release`).

  python3 scripts/bench/numbers.py [--redline PATH] [--seed 11] [--per-type 60] [--keep DIR]

1. Seeds: `redline check --date 2025-07-05` on seed 001 must report "Thursday night (July 4)"
   on line 1 and nothing else numeric; seed 000 nothing numeric.
2. Quiet: numeric findings of severity warning or error over the BBC corpus, per 100
   articles (target <= 1), every one listed for review.
3. Recall: BBC articles with one contradiction injected each (fixed seed), per sub-type:
   count    a count of casualties or arrests restated later with a value that cannot be true
   part     "N of M" with the part made larger than the whole (swapped, or raised)
   total    a total added after a list of counts that is not their sum
   weekday  a date added after "on Thursday" that falls on another weekday (--date 2005-02-15)
   convert  a conversion added after a measurement ("30km (25 miles)") that is wrong
   age      "Smith, 45," followed by "the 47-year-old" (or "Smith, the 47-year-old")
   A case is caught when a finding of the sub-type's rule, or a related location of one, is
   on the injected line. Each sub-type also has controls: the same edit with consistent
   numbers, which must not be flagged (reported as false alarms).
"""
import argparse
import datetime
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
seeds = os.path.join(shared, "seeds")

ap = argparse.ArgumentParser()
ap.add_argument("--redline", default=os.path.join(repo, ".build", "release", "redline"))
ap.add_argument("--seed", type=int, default=11)
ap.add_argument("--per-type", type=int, default=60)
ap.add_argument("--keep", help="write the cases to this folder and keep them")
ap.add_argument("--verbose", action="store_true", help="print every missed case and false alarm")
args = ap.parse_args()

if not os.path.isdir(bbc) or not os.path.isdir(seeds):
    print(f"skipped: {shared} not found (the corpora are beside the repository on CI and developers' machines only)")
    sys.exit(0)
if not os.path.exists(args.redline):
    sys.exit(f"{args.redline} not found: run `swift build -c release` first")

RULES = {"count": "numbers.count-mismatch", "part": "numbers.part-exceeds-whole", "total": "numbers.total-mismatch",
         "weekday": "numbers.weekday-date", "convert": "numbers.conversion", "age": "numbers.age-mismatch"}
REFERENCE_DATE = datetime.date(2005, 2, 15)


def run_json(paths, extra=()):
    out = subprocess.run([args.redline, "check", "--format", "json", "--fail-on", "never", *extra, *paths],
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr.decode())
    return json.JSONDecoder().raw_decode(out.stdout.decode())[0]


def numeric(report):
    return [(f["path"], x) for f in report["files"] for x in f["findings"] if x["category"] == "numeric"]


# 1. Seeds.
seed_files = sorted(os.listdir(seeds))
s001 = [f for f in seed_files if f.startswith("001")]
s000 = [f for f in seed_files if f.startswith("000")]
ok = True
if s001:
    found = numeric(run_json([os.path.join(seeds, s001[0])], ["--date", "2025-07-05"]))
    good = len(found) == 1 and found[0][1]["line"] == 1 and found[0][1]["rule"] == "numbers.weekday-date" \
        and "Thursday night (July 4)" in found[0][1]["match"]
    ok &= good
    print(f"seed 001 (--date 2025-07-05): {len(found)} numeric finding(s) {'OK' if good else 'FAIL'}")
    for _, x in found:
        print(f"    {x['line']}:{x['column']} {x['rule']} {x['match']!r}: {x['message']}")
if s000:
    found = numeric(run_json([os.path.join(seeds, s000[0])]))
    ok &= not found
    print(f"seed 000: {len(found)} numeric finding(s) {'OK' if not found else 'FAIL'}")
    for _, x in found:
        print(f"    {x['line']}:{x['column']} {x['rule']} {x['match']!r}: {x['message']}")

# 2. Quiet on published copy.
articles = sorted(os.path.join(d, f) for d, _, fs in os.walk(bbc) for f in fs if re.fullmatch(r"\d+\.txt", f))
report = run_json([bbc])
quiet = [(p, x) for p, x in numeric(report) if x["severity"] in ("error", "warning") and re.search(r"/\d+\.txt$", p)]
print(f"quiet: {len(quiet)} numeric findings (warning or error) in {len(articles)} BBC articles: "
      f"{100 * len(quiet) / len(articles):.2f} per 100 articles (target <= 1)")
for p, x in quiet:
    print(f"    {os.path.relpath(p, bbc)}:{x['line']}:{x['column']} {x['rule']} {x['match']!r}: {x['message']}")

# 3. Recall on injected contradictions.
texts = []
for a in articles:
    try:
        texts.append((a, open(a, encoding="utf-8").read()))
    except UnicodeDecodeError:
        pass

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
WORD_VALUES = {w: i for i, w in enumerate(WORDS)}
WORD_VALUES.update({"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50})
NUM = r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(WORD_VALUES, key=len, reverse=True)) + r")"


def value(s):
    s = s.lower()
    return WORD_VALUES[s] if s in WORD_VALUES else int(s.replace(",", ""))


def render(n, rng, words_ok=True):
    if words_ok and 2 <= n <= 12 and rng.random() < 0.3:
        return WORDS[n]
    return f"{n:,}"


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def sentence_end(text, i):
    """The index just past the sentence that holds i (its period), within the paragraph."""
    m = re.compile(r"[.!?](?=\s|$)").search(text, i)
    nl = text.find("\n", i)
    if m and (nl < 0 or m.end() <= nl):
        return m.end()
    return nl if nl >= 0 else len(text)


def later_paragraph_start(text, i, rng):
    """The start of a paragraph after offset i (None when i is in the last one)."""
    starts = [m.end() for m in re.finditer(r"\n\n(?=\S)", text) if m.end() > i]
    return rng.choice(starts) if starts else None


EVENTS = {"killed": ("killed", "The attack killed"), "killing": ("killed", "The attack killed"),
          "died": ("killed", "The crash killed"), "dead": ("killed", "The disaster killed"),
          "injured": ("injured", "The blast injured"), "injuring": ("injured", "The blast injured"),
          "hurt": ("injured", "The blast injured"), "wounded": ("wounded", "The attack wounded"),
          "wounding": ("wounded", "The attack wounded"), "arrested": ("arrested", "Police arrested"),
          "arresting": ("arrested", "Police arrested"), "detained": ("detained", "Police detained"),
          "evacuated": ("evacuated", "Officials evacuated"), "rescued": ("rescued", "Crews rescued")}
EV = "(" + "|".join(EVENTS) + ")"
QUAL = r"((?:[Aa]t least|[Mm]ore than|[Aa]bout|[Ss]ome|[Nn]early|[Aa]lmost|[Aa]round|[Uu]p to|[Oo]ver) )?"
THINGS = (r"(people|men|women|children|civilians|soldiers|troops|workers|fans|passengers|miners|students|persons|"
          r"officers|tourists|residents|pupils|patients|prisoners|protesters|suspects|villagers|hostages|refugees|"
          r"journalists|britons|teenagers|youths|staff|crew|climbers|migrants)")
COUNT_PATTERNS = [re.compile(r"\b" + EV + r" " + QUAL + NUM + r" " + THINGS + r"\b"),
                  re.compile(r"\b" + QUAL + NUM + r" " + THINGS + r" (?:were |have been |had been |was )?" + EV + r"\b")]


def conflicting(n, qualifier, rng):
    """A value that cannot be true beside "<qualifier> n"."""
    q = (qualifier or "").strip().lower()
    if q in ("at least", "more than", "over"):
        return max(0, n - rng.randint(1, max(1, n // 3))) if n > 1 else None
    if q in ("about", "some", "around"):
        return int(n * rng.uniform(1.3, 1.7)) + 1 if rng.random() < 0.5 else max(1, int(n * rng.uniform(0.4, 0.7)))
    if q in ("nearly", "almost", "up to"):
        return n + rng.randint(1, max(1, n // 4))
    for _ in range(10):
        d = rng.choice([1, 1, 2, 2, 3, 5, max(1, n // 10), max(2, n // 4)])
        m = n + d if rng.random() < 0.5 or n - d < 1 else n - d
        if m != n and m >= 1:
            return m
    return None


def sentence_around(text, start, end):
    """The sentence (within its paragraph) that holds text[start:end]: (its start, its end)."""
    a = max(text.rfind("\n", 0, start) + 1, max((m.end() for m in re.finditer(r"[.!?]\s+", text[:start])), default=0))
    return a, sentence_end(text, end)


def count_cases(rng):
    """A count restated later in the article with a value that cannot be true: either the
    sentence itself repeated (an older copy left in) or a short restatement."""
    cases = []
    candidates = []
    for path, text in texts:
        for k, pat in enumerate(COUNT_PATTERNS):
            for m in pat.finditer(text):
                g = m.groups()
                ev, q, num, thing = g if k == 0 else (g[3], g[0], g[1], g[2])
                candidates.append((path, text, m, ev.lower(), q, num, thing, m.start(3 if k == 0 else 2)))
    rng.shuffle(candidates)
    templates = ["{Src} said {N} {thing} had been {pp}.", "{Ncap} {thing} were {pp}, {src2}.",
                 "In all, {N} {thing} were {pp}.", "{Agent} {N} {thing}, {src2}."]
    for variant in ("copy", "restate", "edit-first"):
        for path, text, m, ev, q, num, thing, num_at in candidates:
            n = value(num)
            new = conflicting(n, q, rng)
            if new is None:
                continue
            where = later_paragraph_start(text, m.end(), rng)
            pp, agent = EVENTS[ev]
            q_at = m.start(2 if m.re is COUNT_PATTERNS[0] else 1) if q else num_at
            for control in (False, True):
                if variant == "edit-first":
                    # The sentence repeated unchanged later, and the first statement edited.
                    a, b = sentence_around(text, m.start(), m.end())
                    sentence = text[a:b].strip()
                    replacement = num if control else render(new, rng, words_ok=num[0].isalpha())
                    if not control and num[0].isupper():
                        replacement = replacement[0].upper() + replacement[1:]
                    edited = text[:q_at] + replacement + text[num_at + len(num):] if not control else text
                    if where is None:
                        continue
                    shift = len(edited) - len(text)
                    new_text = edited[:where + shift] + sentence + " " + edited[where + shift:]
                    cases.append(("count", control, new_text, line_of(new_text, q_at), f"{m.group(0)!r} edited, repeated later"))
                    continue
                if variant == "copy":
                    a, b = sentence_around(text, m.start(), m.end())
                    replacement = num if control else render(new, rng, words_ok=num[0].isalpha())
                    if not control and num[0].isupper():
                        replacement = replacement[0].upper() + replacement[1:]
                    sentence = text[a:q_at] + (text[q_at:num_at] if control else "") + replacement + text[num_at + len(num):b]
                    sentence = sentence.strip()
                else:
                    words_ok = not (q and q.strip().lower() in ("about", "some", "around"))
                    N = (q.strip().lower() + " " if control and q else "") + render(n if control else new, rng, words_ok)
                    t = templates[len(cases) // 2 % len(templates)]
                    sentence = t.format(Src=rng.choice(["Officials", "Police", "The authorities"]), N=N,
                                        Ncap=N[0].upper() + N[1:], thing=thing, pp=pp, Agent=agent,
                                        src2=rng.choice(["officials said", "according to local reports", "police said"]))
                    # A restatement keeps the year its source names ("… in 2004").
                    a, b = sentence_around(text, m.start(), m.end())
                    year = re.search(r"\b(19|20)\d\d\b", text[a:b])
                    if year:
                        sentence = sentence[:-1] + f" in {year.group(0)}."
                if where is None:
                    new_text = text.rstrip("\n") + "\n\n" + sentence + "\n"
                    at = len(text.rstrip("\n")) + 2
                else:
                    new_text = text[:where] + sentence + " " + text[where:]
                    at = where
                cases.append(("count", control, new_text, line_of(new_text, at), f"{m.group(0)!r} then {sentence[:90]!r}"))
            if sum(1 for c in cases if not c[1]) >= args.per_type:
                return cases
    return cases


PART = re.compile(r"\b" + NUM + r"( out)? of (the |its |their |his |her |these |those |our |[A-Z][a-z]+'s )?"
                  r"((?:top|last|first|remaining|original) )?" + NUM + r"\b(?![-.,]\d)")


def part_cases(rng):
    cases = []
    found = []
    for path, text in texts:
        for m in PART.finditer(text):
            a, b = m.group(1), m.group(5)
            if a[0].isupper() or b[0].isupper() or re.search(r"[A-Z]\w*\s$", text[max(0, m.start() - 20):m.start()]):
                continue  # a label ("Hall 25 of the 27"), not a part
            va, vb = value(a), value(b)
            if 1 <= va < vb and not (1900 <= vb <= 2100) and vb < 10000:
                found.append((path, text, m, a, b, va, vb))
    rng.shuffle(found)
    for i, (path, text, m, a, b, va, vb) in enumerate(found[:args.per_type]):
        if i % 2 == 0:
            # Swap part and whole.
            mutated = b + m.group(0)[len(a):m.start(5) - m.start()] + a + m.group(0)[m.end(5) - m.start():]
        else:
            bigger = vb + rng.randint(1, max(1, vb // 2))
            mutated = render(bigger, rng) + m.group(0)[len(a):]
        new_text = text[:m.start()] + mutated + text[m.end():]
        cases.append(("part", False, new_text, line_of(new_text, m.start()), f"{m.group(0)!r} -> {mutated!r}"))
        cases.append(("part", True, text, line_of(text, m.start()), f"{m.group(0)!r} (unchanged)"))
    return cases


LIST_NUM = r"(\d{1,3}(?:,\d{3})+|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
LIST = re.compile(r"(?<![\w£$€.,-])" + LIST_NUM + r" ([a-z]+(?: [a-z]+)?)((?:,| and) " + LIST_NUM + r" ([a-z]+(?: [a-z]+)?))?(?:,| and) "
                  + LIST_NUM + r" ([a-z]+)\b(?![-%])")


SPLITS = {"people": ("men", "women"), "workers": ("men", "women"), "staff": ("men", "women"),
          "employees": ("men", "women"), "passengers": ("adults", "children"), "fans": ("adults", "children"),
          "students": ("boys", "girls"), "pupils": ("boys", "girls"), "players": ("men", "women"),
          "members": ("men", "women"), "visitors": ("adults", "children"), "children": ("boys", "girls")}
PEOPLE_COUNT = re.compile(r"(?<![\w£$€.,-])(?<!between )(\d{1,3}(?:,\d{3})+|\d+) (" + "|".join(SPLITS) + r")\b")
QUALIFIED = re.compile(r"(?:(?i:at least|more than|over|about|around|some|nearly|almost|up to|fewer than|less than|"
                       r"under|roughly|approximately|estimated|between)|[A-Z]\w*) $")


def total_cases(rng):
    """A total that is not the sum of its parts: after a list found in the article ("41
    factories and 20 more, 63 in total"), or in a breakdown written into a count of people
    ("120 people" -> "a total of 120 people: 70 men and 40 women")."""
    cases = []
    found = []
    for path, text in texts:
        for m in LIST.finditer(text):
            nums = [value(x) for x in (m.group(1), m.group(4), m.group(6)) if x]
            words = " ".join(x for x in (m.group(2), m.group(5), m.group(7)) if x).split()
            if any(w in ("per", "cent", "percent", "pc", "am", "pm", "of", "to", "and", "in", "the", "or", "from", "years",
                         "year", "months", "weeks", "days", "hours", "minutes", "seconds", "million", "billion", "more",
                         "after", "before")
                   for w in words):  # not counts that add up: durations, ranges, "20 more"
                continue
            if any(1900 <= x <= 2100 or x == 0 for x in nums) or QUALIFIED.search(text[max(0, m.start() - 14):m.start()]):
                continue  # years, "more than 41 …", "Pentium 2500 …"
            found.append((path, text, m, sum(nums)))
    rng.shuffle(found)
    forms = [" \u2014 {T} in total", ", {T} in all", ", a total of {T}", " ({T} in total)", ", {T} altogether"]
    for i, (path, text, m, s) in enumerate(found):
        wrong = s + rng.choice([-1, 1]) * rng.randint(1, max(2, s // 5))
        if wrong <= 0 or wrong == s:
            wrong = s + 1
        form = forms[i % len(forms)]
        # The total goes where the list's clause ends ("… and 20 more in Europe, 63 in total.").
        close = re.compile(r"[,.;:)\u2014]| and | but | which | who | while ").search(text, m.end())
        if not close or close.start() - m.end() > 40 or "\n" in text[m.end():close.start()]:
            continue
        at = close.start()
        for control, t in ((False, wrong), (True, s)):
            insert = form.format(T=f"{t:,}")
            new_text = text[:at] + insert + text[at:]
            cases.append(("total", control, new_text, line_of(new_text, at), f"{text[m.start():at]!r} + {insert!r}"))
    counts = [(path, text, m) for path, text in texts for m in PEOPLE_COUNT.finditer(text)
              if 4 <= value(m.group(1)) <= 100000 and not 1900 <= value(m.group(1)) <= 2100
              and not QUALIFIED.search(text[max(0, m.start() - 14):m.start()])]
    rng.shuffle(counts)
    breakdowns = ["a total of {T} {noun}: {A} {x} and {B} {y}", "{A} {x} and {B} {y} \u2014 {T} {noun} in total",
                  "{T} {noun}, including {A} {x} and {B} {y},"]
    for i, (path, text, m) in enumerate(counts):
        if sum(1 for c in cases if not c[1]) >= args.per_type:
            break
        t, noun = value(m.group(1)), m.group(2)
        x, y = SPLITS[noun]
        a = rng.randint(1, t - 1)
        form = breakdowns[i % len(breakdowns)]
        including = "including" in form
        for control in (False, True):
            if control:
                parts = (a, t - a) if not including else (a // 2, (t - a) // 2)
            elif including:
                parts = (a + rng.randint(1, max(1, t // 4)), t - a)         # more than the total holds
            else:
                parts = (a, t - a + rng.choice([-1, 1]) * rng.randint(1, max(1, t // 5)))
            if min(parts) < 0:
                continue
            insert = form.format(T=f"{t:,}", noun=noun, A=f"{parts[0]:,}", x=x, B=f"{parts[1]:,}", y=y)
            new_text = text[:m.start()] + insert + text[m.end():]
            cases.append(("total", control, new_text, line_of(new_text, m.start()), f"{m.group(0)!r} -> {insert!r}"))
    return cases


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ON_DAY = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![,]? ?\(?\d)(?! \(?(?:"
                    + "|".join(MONTHS) + "))")


def date_text(d, form):
    month, day, year = MONTHS[d.month - 1], d.day, d.year
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return {"paren-md": f" ({month} {day})", "comma-mdy": f", {month} {day}, {year},", "dm": f" {day} {month}",
            "dth-m": f" {day}{suffix} {month}", "comma-dmy": f", {day} {month} {year},", "paren-dm": f" ({day} {month})",
            "comma-md": f", {month} {day},"}[form]


def weekday_cases(rng):
    cases = []
    found = [(path, text, m) for path, text in texts for m in ON_DAY.finditer(text)]
    rng.shuffle(found)
    forms = ["paren-md", "comma-mdy", "dm", "dth-m", "comma-dmy", "paren-dm", "comma-md"]
    for i, (path, text, m) in enumerate(found[:args.per_type]):
        stated = WEEKDAYS.index(m.group(1))
        form = forms[i % len(forms)]
        for control in (False, True):
            shift = 0 if control else rng.randint(1, 6)
            # A date within ten weeks before or three after the article date, on the weekday wanted.
            base = REFERENCE_DATE + datetime.timedelta(days=rng.randint(-70, 14))
            d = base + datetime.timedelta(days=(stated + shift - base.weekday()) % 7)
            insert = date_text(d, form)
            new_text = text[:m.end()] + insert + text[m.end():]
            cases.append(("weekday", control, new_text, line_of(new_text, m.start()),
                          f"{m.group(0) + insert!r} ({d.isoformat()} is a {WEEKDAYS[d.weekday()]})"))
    return cases


UNITS = {"km": ("miles", 0.621371), "kilometres": ("miles", 0.621371), "miles": ("km", 1.609344),
         "metres": ("ft", 3.28084), "feet": ("metres", 0.3048), "ft": ("m", 0.3048), "kg": ("lb", 2.20462),
         "tonnes": ("tons", 1.10231), "acres": ("hectares", 0.404686), "hectares": ("acres", 2.47105),
         "mph": ("km/h", 1.609344), "litres": ("gallons", 0.219969)}
MEASURE = re.compile(r"(?<![\w£$€.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)( ?)(" + "|".join(UNITS) + r")\b(?! ?\()(?!-)")


def rounded(x):
    return f"{x:,.0f}" if x >= 10 else f"{x:.1f}".rstrip("0").rstrip(".")


def convert_cases(rng):
    cases = []
    found = [(path, text, m) for path, text in texts for m in MEASURE.finditer(text)]
    rng.shuffle(found)
    k = 0
    while sum(1 for c in cases if not c[1]) < args.per_type and found:
        path, text, m = found[k % len(found)]
        k += 1
        if k > 4 * len(found):
            break
        v = float(m.group(1).replace(",", ""))
        if v == 0:
            continue
        unit2, factor = UNITS[m.group(3)]
        right = v * factor
        kind = rng.random()
        if kind < 0.25:
            wrong = v                      # the number left unconverted
        elif kind < 0.45:
            wrong = v / factor             # the factor applied the wrong way
        else:
            wrong = right * (rng.uniform(1.3, 2.0) if rng.random() < 0.5 else rng.uniform(0.45, 0.75))
        if abs(float(rounded(wrong).replace(",", "")) - right) <= max(0.15 * right, 1):
            continue
        for control, x in ((False, wrong), (True, right)):
            insert = f" ({rounded(x)} {unit2})"
            new_text = text[:m.end()] + insert + text[m.end():]
            cases.append(("convert", control, new_text, line_of(new_text, m.end()), f"{m.group(0) + insert!r}"))
    return cases


APPOSITION = re.compile(r"\b((?:[A-Z][a-z]+ )?([A-Z][a-z]{2,})), (\d{2}), ")


def age_cases(rng):
    cases = []
    found = [(path, text, m) for path, text in texts for m in APPOSITION.finditer(text)
             if 16 <= int(m.group(3)) <= 95 and m.group(2) not in MONTHS + WEEKDAYS]
    rng.shuffle(found)
    tails = ["has not commented.", "was not available for comment.", "declined to comment.", "denies any wrongdoing."]
    for i, (path, text, m) in enumerate(found[:args.per_type]):
        surname, age = m.group(2), int(m.group(3))
        other = age + rng.choice([-1, 1]) * rng.randint(1, 8)
        end = sentence_end(text, m.end())
        later = [x for x in re.finditer(r"\b" + surname + r"\b", text[end:])]
        for control, a in ((False, other), (True, age)):
            if i % 2 == 0 and later:
                # "Smith, the 47-year-old, said …" at the surname's next mention.
                at = end + later[0].end()
                insert = f", the {a}-year-old,"
                new_text = text[:at] + insert + text[at:]
            else:
                # A sentence right after: "The 47-year-old declined to comment."
                at = end
                insert = f" The {a}-year-old {tails[i % len(tails)]}"
                new_text = text[:at] + insert + text[at:]
            cases.append(("age", control, new_text, line_of(new_text, at + 1), f"{m.group(0)!r} then {insert!r}"))
    return cases


rng = random.Random(args.seed)
all_cases = count_cases(rng) + part_cases(rng) + total_cases(rng) + weekday_cases(rng) + convert_cases(rng) + age_cases(rng)
tmp = args.keep or tempfile.mkdtemp(prefix="redline-numbers-")
os.makedirs(tmp, exist_ok=True)
by_type = {}
for n, (kind, control, text, line, note) in enumerate(all_cases):
    folder = os.path.join(tmp, kind)
    os.makedirs(folder, exist_ok=True)
    name = f"{'control' if control else 'case'}{n:04d}.txt"
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)
    by_type.setdefault(kind, []).append((name, control, line, note))

print(f"recall: {sum(1 for c in all_cases if not c[1])} injected contradictions and "
      f"{sum(1 for c in all_cases if c[1])} controls from BBC articles (seed {args.seed})")
total_hit = total_cases_n = 0
for kind in ["count", "part", "total", "weekday", "convert", "age"]:
    cases = by_type.get(kind, [])
    extra = ["--date", REFERENCE_DATE.isoformat()] if kind == "weekday" else []
    report = run_json([os.path.join(tmp, kind)], extra)
    lines = {}
    for f in report["files"]:
        name = os.path.basename(f["path"])
        for x in f["findings"]:
            if x["rule"] == RULES[kind]:
                lines.setdefault(name, set()).add(x["line"])
                for r in x.get("related", []):
                    lines[name].add(r["line"])
    injected = [c for c in cases if not c[1]]
    controls = [c for c in cases if c[1]]
    hits = [c for c in injected if c[2] in lines.get(c[0], set())]
    alarms = [c for c in controls if c[0] in lines]
    total_hit += len(hits)
    total_cases_n += len(injected)
    pct = 100 * len(hits) / len(injected) if injected else 0
    print(f"  {kind:8s} {RULES[kind]:28s} {len(hits):3d} of {len(injected):3d} reported: {pct:5.1f}%   "
          f"false alarms on controls: {len(alarms)} of {len(controls)}")
    if args.verbose:
        for c in injected:
            if c not in hits:
                print(f"      missed {c[0]}: {c[3]}")
        for c in alarms:
            print(f"      false alarm {c[0]}: {c[3]}")
print(f"  all      {total_hit} of {total_cases_n}: {100 * total_hit / max(1, total_cases_n):.1f}% (target >= 85% per sub-type)")
if not args.keep:
    shutil.rmtree(tmp)
