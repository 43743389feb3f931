"""Romanisation of personal names written in Cyrillic, Greek, Georgian and Armenian.

Used by generate.py to turn Faker's native-script name lists into the spellings English-language
news uses. Each function returns a small set of variants (at most a handful): the official or
BGN/PCGN-style romanisation plus the one or two simplified forms that newsrooms commonly print
(e.g. Ukrainian "Андрій" -> Andrii, Andriy; Russian "Сергей" -> Sergei, Sergey). Redline's own
code (MIT).
"""

from __future__ import annotations

_VOWELS_CYR = set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")


def _cap(s: str) -> str:
    """Capitalises each hyphen-separated part ("ivano-frankivsk" -> "Ivano-Frankivsk")."""
    return "-".join(p[:1].upper() + p[1:] for p in s.split("-"))


# --- Ukrainian: the national (KMU 2010) system, plus the common "y" forms -----------------

_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "'": "", "’": "", "ʼ": "",
}
# letters spelled differently at the start of a word (KMU 2010)
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_MEDIAL = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}


def ukrainian(name: str) -> set[str]:
    out = set()
    for word in [name]:
        low = word.lower()
        official: list[str] = []
        popular: list[str] = []
        for i, ch in enumerate(low):
            at_start = i == 0 or low[i - 1] == "-"
            if ch in _UK_INITIAL:
                official.append(_UK_INITIAL[ch] if at_start else _UK_MEDIAL[ch])
                # the popular forms keep "y" (Andriy, Zoryana); ї stays "i" inside a word (Kyiv)
                popular.append(_UK_INITIAL[ch] if ch != "ї" or at_start else "i")
            elif ch == "з" and i + 1 < len(low) and low[i + 1] == "г":
                official.append("zg")  # "зг" -> "zgh" (the г adds the h)
                popular.append("zg")
            elif ch in _UK:
                official.append(_UK[ch])
                popular.append(_UK[ch])
            elif ch == "-":
                official.append("-")
                popular.append("-")
            else:
                return set()
        o = "".join(official)
        p = "".join(popular)
        out.add(_cap(o))
        out.add(_cap(p))
        # "-ський"/"-ий" surnames: Zelenskyi (official), Zelenskyy, Zelensky (common in news)
        if o.endswith("iia"):
            out.add(_cap(o[:-3] + "ia"))  # Yuliia -> Yulia, Nataliia -> Natalia
        for form in (o, p):
            if form.endswith("yi"):
                out.add(_cap(form[:-2] + "yy"))
                out.add(_cap(form[:-2] + "y"))
    return out


# --- Russian: BGN/PCGN without diacritics, plus the common news forms ----------------------

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "й": "y",
}
_RU_IOTATED = {"е": ("ye", "e"), "ё": ("yo", "yo"), "ю": ("yu", "yu"), "я": ("ya", "ya")}


def russian(name: str) -> set[str]:
    low = name.lower()
    forms = [""]
    for i, ch in enumerate(low):
        prev = low[i - 1] if i > 0 else "-"
        after_vowel = prev == "-" or prev in _VOWELS_CYR or prev in "ъь"
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if ch in _RU_IOTATED:
            iot, plain = _RU_IOTATED[ch]
            parts = [iot if after_vowel else plain]
            if ch == "ё" and not after_vowel:
                parts.append("e")  # Пётр -> Pyotr / Petr
                parts = ["yo", "e"]
            if ch == "е" and prev in _VOWELS_CYR and prev != "-":
                parts.append("e")  # Алексеев -> Alekseyev / Alekseev
        elif ch == "й" and prev in "еи" and nxt in ("", "-"):
            # Сергей -> Sergey / Sergei; Дмитрий -> Dmitriy / Dmitry
            parts = ["y", "i"] if prev == "е" else ["y", ""]
        elif ch in _RU:
            parts = [_RU[ch]]
        elif ch == "-":
            parts = ["-"]
        else:
            return set()
        new = []
        for f in forms:
            for p in parts:
                new.append(f + p)
        forms = new[:8]
    out = set()
    for f in forms:
        f = f.replace("iy-", "y-")
        out.add(_cap(f))
        if f.endswith("iy"):
            out.add(_cap(f[:-2] + "y"))  # Dmitriy -> Dmitry, Yuriy -> Yury
        if f.startswith("aleks"):
            out.add(_cap("alex" + f[5:]))  # Aleksei -> Alexei, Aleksandr -> Alexandr
        if f.endswith("iya"):
            out.add(_cap(f[:-3] + "ia"))  # Mariya -> Maria, Yuliya -> Yulia
    return out


# --- Bulgarian: the official Streamlined System ---------------------------------------------

_BG = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht",
    "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "-": "-",
}


def bulgarian(name: str) -> set[str]:
    low = name.lower()
    if any(ch not in _BG for ch in low):
        return set()
    s = "".join(_BG[ch] for ch in low)
    return {_cap(s)}


# --- Macedonian: the official romanisation --------------------------------------------------

_MK = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "gj", "е": "e", "ж": "zh", "з": "z",
    "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "kj", "у": "u", "ф": "f", "х": "h",
    "ц": "c", "ч": "ch", "џ": "dzh", "ш": "sh", "-": "-",
}


def macedonian(name: str) -> set[str]:
    low = name.lower()
    if any(ch not in _MK for ch in low):
        return set()
    return {_cap("".join(_MK[ch] for ch in low))}


# --- Greek: ELOT 743 (the Greek state's passport system), without accents ---------------------

_EL = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "-": "-",
}
_EL_ACCENTS = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")
_EL_VOICELESS = set("θκξπστφχψ")


def greek(name: str) -> set[str]:
    low = name.lower().translate(_EL_ACCENTS)
    out = []
    i = 0
    while i < len(low):
        ch = low[i]
        nxt = low[i + 1] if i + 1 < len(low) else ""
        after = low[i + 2] if i + 2 < len(low) else ""
        if ch == "ο" and nxt == "υ":
            out.append("ou")
            i += 2
            continue
        if ch in "αε" and nxt == "υ":
            voiceless = after == "" or after == "-" or after in _EL_VOICELESS
            out.append(_EL[ch] + ("f" if voiceless else "v"))
            i += 2
            continue
        if ch == "γ" and nxt in "γξχ":
            out.append("n")
            i += 1
            continue
        if ch == "μ" and nxt == "π" and (i == 0 or low[i - 1] == "-"):
            out.append("b")
            i += 2
            continue
        if ch == "ν" and nxt == "τ" and (i == 0 or low[i - 1] == "-"):
            out.append("d")
            i += 2
            continue
        if ch not in _EL:
            return set()
        out.append(_EL[ch])
        i += 1
    s = "".join(out)
    forms = {_cap(s)}
    if "gk" in s:
        forms.add(_cap(s.replace("gk", "ng")))
    return forms


# --- Georgian: the national system (2002), apostrophes of ejectives dropped --------------------

_KA = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t", "ი": "i",
    "კ": "k", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh", "რ": "r", "ს": "s",
    "ტ": "t", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q", "შ": "sh", "ჩ": "ch", "ც": "ts",
    "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh", "ჯ": "j", "ჰ": "h", "-": "-",
}


def georgian(name: str) -> set[str]:
    if any(ch not in _KA for ch in name):
        return set()
    return {_cap("".join(_KA[ch] for ch in name))}


# --- Armenian: BGN/PCGN without diacritics --------------------------------------------------

_HY = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t",
    "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh",
    "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j",
    "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r", "ց": "ts", "փ": "p", "ք": "k", "օ": "o",
    "ֆ": "f", "և": "ev", "-": "-",
}


def armenian(name: str) -> set[str]:
    low = name.lower()
    out = []
    i = 0
    while i < len(low):
        ch = low[i]
        start = i == 0 or low[i - 1] == "-"
        if ch == "ո" and i + 1 < len(low) and low[i + 1] == "ւ":
            out.append("u")
            i += 2
            continue
        if ch == "ե" and start:
            out.append("ye")
        elif ch == "ո" and start:
            out.append("vo")
        elif ch in _HY:
            out.append(_HY[ch])
        else:
            return set()
        i += 1
    return {_cap("".join(out))}


BY_LOCALE = {
    "uk_UA": ukrainian,
    "ru_RU": russian,
    "bg_BG": bulgarian,
    "mk_MK": macedonian,
    "el_GR": greek,
    "ka_GE": georgian,
    "hy_AM": armenian,
}
