"""Typical speech-recognition slips, applied to a sentence to test the move classifier.

Recognisers write what they hear: lower case without punctuation, "wordt" as "word", a final
-n dropped ("begrijpe"), "ij" as "ei", compounds split ("door verbinden") and short words run
together ("kanik"). Each function makes one kind of slip, deterministically, or returns None
when the sentence offers no place for it.
"""

from __future__ import annotations

import hashlib
import re

KINDS = ("klank", "splitsen", "samenvoegen")

# Sound-alike spellings a Dutch recogniser produces; one is applied per sentence.
_SOUND_ALIKE = (
    (r"dt\b", "d"),
    (r"(?<=[aeiou]{2})d\b", "t"),
    (r"(?<=[a-z]{3})en\b", "e"),
    (r"ij", "ei"),
    (r"\bu\b", "uw"),
    (r"\buw\b", "u"),
    (r"\bhet\b", "et"),
    (r"\been\b", "en"),
    (r"\bik\b", "k"),
)
# Where recognisers split words: after a separable prefix or before a compound's last part.
_PREFIXES = ("door", "terug", "onder", "samen", "over", "voor", "uit", "aan", "op", "na", "mee")
_HEADS = (
    "morgen", "middag", "avond", "datum", "nummer", "adres", "code", "verzoek", "kantoor",
    "centrum", "dienst", "zaken", "mail", "container", "gesprek", "waarde", "lijn", "vergunning",
)  # fmt: skip
_WORD = re.compile(r"[a-zà-ÿ0-9'-]+")


def recognised(text: str) -> str:
    """The sentence as a recogniser writes it: lower case, words only."""
    return " ".join(_WORD.findall(text.lower()))


def _pick(text: str, options: list, salt: str):
    if not options:
        return None
    digest = hashlib.sha1(f"{salt}:{text}".encode()).digest()
    return options[digest[0] % len(options)]


def sound_alike(text: str) -> str | None:
    plain = recognised(text)
    options = []
    for pattern, replacement in _SOUND_ALIKE:
        for match in re.finditer(pattern, plain):
            options.append((match.start(), match.end(), replacement))
    choice = _pick(plain, options, "klank")
    if choice is None:
        return None
    start, end, replacement = choice
    return plain[:start] + replacement + plain[end:]


def split_word(text: str) -> str | None:
    """A compound written as two words: "doorverbinden" -> "door verbinden"."""
    words = recognised(text).split()
    options = []
    for i, word in enumerate(words):
        prefix = next((p for p in _PREFIXES if word.startswith(p) and len(word) - len(p) >= 4), "")
        head = next((h for h in _HEADS if word.endswith(h) and len(word) - len(h) >= 3), "")
        if prefix:
            options.append((i, len(prefix)))
        elif head:
            options.append((i, len(word) - len(head)))
    choice = _pick(" ".join(words), options, "splitsen")
    if choice is None:
        return None
    i, cut = choice
    words[i : i + 1] = [words[i][:cut], words[i][cut:]]
    return " ".join(words)


def merge_words(text: str) -> str | None:
    """Two short neighbours run together: "kan ik" -> "kanik", "dank u" -> "danku"."""
    words = recognised(text).split()
    options = [i for i in range(len(words) - 1) if min(len(words[i]), len(words[i + 1])) <= 3]
    i = _pick(" ".join(words), options, "samenvoegen")
    if i is None:
        return None
    words[i : i + 2] = [words[i] + words[i + 1]]
    return " ".join(words)


def slipped(text: str, kind: str) -> str | None:
    """`text` with one slip of `kind` (one of KINDS), or None when it has no place for it."""
    make = {"klank": sound_alike, "splitsen": split_word, "samenvoegen": merge_words}[kind]
    return make(text)
