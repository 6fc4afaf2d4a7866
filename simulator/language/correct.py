"""Repairs recognition slips before move patterns run.

A recogniser writes "terug gebelt", "onder breken", "klop dat", "hebik", "k luister", "mach ik"
or "wat is u naam". Words that are not in the library's own vocabulary are split into a function
word and a library word, replaced by a library word that sounds the same (`sound_key`: "ij"/"ei",
"dt"/"d"/"t" at the end, "v"/"f", "ch"/"g", double consonants; or a swallowed final -n), or merged
with their neighbour; "u" and "uw" are swapped where the next word shows the other was meant.
Known words are never otherwise touched, so a correct sentence reaches the patterns unchanged.

Real Dutch words the library does not know are left alone. A word is only replaced by one that
sounds the same, never by one that is merely spelled alike ("maart" is no slip of "maar",
"geveegd" none of "geleegd", "bedankje" none of "bedanken", "moeilijkheid" none of
"mogelijkheid"); everyday words listed in moves.yaml (`gewone_woorden`: "mei", "zoals") are
never touched. A compound of two content words is no run-together slip ("excuusbrief",
"wachtrij", "vanavond"): recognisers run short function words into their neighbour ("hebik",
"uwnaam", "metde"), not nouns into nouns, and a word that ends in a short function word by
chance stays whole ("tweede", "regelde", "zoon"). "en" heard for "een" is repaired where no
"and" fits ("wat en gedoe").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from simulator.language.normalize import Token, canonical, join_words

# Short forms of speech that recognisers write as heard.
_CLITICS = {"k": "ik", "t": "het", "et": "het", "da": "dat", "m": "hem", "em": "hem"}
# A split never leaves one of these as the second word: "dagen" is no "dag en".
_ENDINGS = frozenset(["e", "en", "er", "te", "ten", "st", "je", "jes", "s", "n", "t"])
# Separable prefixes: "voor stel" is "voorstel" even though "voor" and "stel" are both words.
_PREFIXES = frozenset(
    ["door", "terug", "onder", "uit", "op", "na", "aan", "mee", "voor", "samen", "in", "af", "toe"]
)
# "uw" before one of these was "u" ("ik verwijs uw hiervoor door", "blijft uw aan de lijn"):
# no noun follows a possessive here. "u" before one of the nouns was "uw" ("wat is u postcode").
_NOT_AFTER_UW_WORDS = (
    "hiervoor daarvoor daarover hierover terug door even nog niet wel graag morgen vandaag "
    "contact maar gerust ook al dan zelf verder straks zo meteen direct alvast aan op in mee "
    "bij met naar van om dat het de een ons mij me terugbelt terugbellen bellen doorverbinden "
    "helpen vertellen verwijzen erg heel echt zeer zich toch misschien eigenlijk precies "
    "helemaal beschrijven uitleggen opnemen opneemt verwacht verwachtte geschrokken vinden vindt "
    "bedoelt wilt kunt bent heeft hebt zegt weet denkt ziet hoort krijgt wordt woont belt mailt "
    "stuurt"
)
_NOT_AFTER_UW = frozenset(_NOT_AFTER_UW_WORDS.split())
_NOUNS_AFTER_UW_WORDS = (
    "postcode huisnummer naam achternaam voornaam voorletters geboortedatum adres "
    "telefoonnummer emailadres gegevens burgerservicenummer bsn woonplaats kenteken "
    "klantnummer dossiernummer zaaknummer"
)
_NOUNS_AFTER_UW = frozenset(_NOUNS_AFTER_UW_WORDS.split())
# Nouns by their ending: "ik snap u boosheid", "u aanvraag", "u situatie" were "uw".
_NOUN_ENDINGS = ("heid", "ing", "nis", "schap", "adres", "nummer", "naam", "datum", "code",
                 "brief", "vraag", "tie", "teit")  # fmt: skip


# Function words a recogniser runs into a neighbour ("hebik", "heeftu", "uwnaam", "watis"): a
# split must leave one of them. Prepositions and particles are left out on purpose: with a noun
# they make real compounds ("vanavond", "opzoeken", "aanvraag"), not slips.
_GLUE_WORDS = (
    "ik u uw je jij we wij ze zij hij het de een dat dit die wat wie hoe welk welke is was ben "
    "bent heb hebt heeft had kan kunt mag moet wil wilt zal zou ga gaat er mijn me mij hem haar "
    "ons en of nog dan ook zo nu ja oke verder even niet toch graag hier daar mevrouw meneer "
    "mijnheer"
)
_GLUE = frozenset(_GLUE_WORDS.split())
# A preposition ends no compound ("succesmet", "vragenmet", "bestebij" are two words), though
# it often begins one ("vanavond", "bijstand"); "bijna" and "vooraan" are no slips either.
_PREPOSITION_WORDS = "met op in aan van bij naar om voor door uit tot na mee over onder"
_PREPOSITIONS = frozenset(_PREPOSITION_WORDS.split())
_SUBJECTS = frozenset(["u", "uw", "ik", "we"])  # after an inverted verb: "beltu", "zoekik"
# Words after which "en" is no "and" but a swallowed "een": "wat en gedoe", "is en vraag voor".
_BEFORE_EEN_WORDS = "is was wat heeft heb hebt had maak maakt voor om naar met bij van aan zo"
_BEFORE_EEN = frozenset(_BEFORE_EEN_WORDS.split())
# Spellings of one sound, replaced in this order by `sound_key`.
_SAME_SOUND = (("ij", "ei"), ("y", "ei"), ("au", "ou"), ("dt", "t"), ("ch", "g"), ("ph", "f"),
               ("th", "t"), ("c", "k"), ("v", "f"), ("z", "s"))  # fmt: skip
_DOUBLE = re.compile(r"([^aeiou])\1")  # a long vowel (ee, aa) is another sound: "reed" no "redt"
_FINAL_D = re.compile(r"d$")  # "gebeld" sounds as "gebelt"; a d inside a word keeps its sound


def sound_key(word: str) -> str:
    """Roughly how a word sounds: the spellings a recogniser confuses fall together.

    "begreip" and "begrijp", "gebelt" and "gebeld", "fervelend" and "vervelend", "mach" and "mag"
    have the same key; "maart" and "maar", "alleen" and "alle", "seconden" and "seconde" do
    not (a swallowed final -n is repaired only where the library has the word with it)."""
    for a, b in _SAME_SOUND:
        word = word.replace(a, b)
    return _DOUBLE.sub(r"\1", _FINAL_D.sub("t", word))


def word_cutoff(word: str) -> float | None:
    """Minimum similarity (0-100) for a fuzzy match of a word this long; None: exact only.
    (For match.find_phrase: a trainer's phrase may be heard slightly differently.)"""
    if len(word) <= 3 or word.isdigit():
        return None
    if len(word) == 4:
        return 88.0
    return 80.0


class Corrector:
    def __init__(
        self,
        lexicon: Iterable[str],
        known: Iterable[str] = (),
        sentences: Iterable[Sequence[str]] = (),
    ) -> None:
        self.lexicon = frozenset(w for w in lexicon if len(w) >= 2)
        self.known = frozenset(known) | self.lexicon
        self._parts = self.lexicon | {"u"}
        self._by_sound: dict[str, str] = {}
        for w in sorted(self.lexicon, key=lambda w: (len(w), w)):  # the shortest spelling wins
            if len(w) >= 3:
                self._by_sound.setdefault(sound_key(w), w)
        self._fix = lru_cache(maxsize=8192)(self._fix_word)
        self._after_u, self._after_uw = _followers(sentences)

    def _fix_word(self, word: str) -> tuple[str, ...]:
        if word in self.known:
            return (word,)
        if word in _CLITICS:
            return (_CLITICS[word],)
        split = self._split(word)
        if len(word) >= 5 and split and all(p in _GLUE or p in _PREPOSITIONS for p in split):
            return split  # "bijde" is "bij de" before it is "beide"; "mein" is "mijn"
        same = self._same_sound(word)
        if same:
            return (same,)
        return split or (word,)

    def _same_sound(self, word: str) -> str | None:
        """The library word spelled differently but sounding the same: "begreip", "gebelt",
        "morge" (a swallowed -n), "mach", "bei"."""
        if len(word) < 3:
            return None
        for variant in map(canonical, _sound_alikes(word)):
            if variant in self.lexicon:
                return variant
        return self._by_sound.get(sound_key(word)) if len(word) >= 4 else None

    def _split(self, word: str) -> tuple[str, str] | None:
        """A function word run into a library word: "hebik", "watis", "heeftu", "uwnaam",
        "udoorverbinde"; or "met" run into a name the library cannot know: "metlisa"."""
        if len(word) < 3:
            return None
        if word.startswith("met") and len(word) >= 6 and not self._same_sound(word):
            return "met", word[3:]
        for cut in range(1, len(word)):
            left, right = canonical(word[:cut]), word[cut:]
            if right in _ENDINGS or not _may_split(left, right):
                continue
            if left in self._parts and right in self._parts:
                return left, right
            if left in _GLUE and len(right) >= 5:
                same = self._same_sound(right)
                if same:
                    return left, same
        return None

    def correct(self, toks: tuple[Token, ...]) -> tuple[Token, ...]:
        """The tokens with slips repaired; each repaired token keeps its original span."""
        merged = self._merge(list(toks))
        fixed = [Token(part, t.start, t.end) for t in merged for part in self._fix(t.text)]
        return _en_for_een(self._u_or_uw(join_words(self._merge(fixed))))

    def _merge(self, toks: list[Token]) -> list[Token]:
        """A word split in two ("onder breken", "terug gebelt", "vra gen") becomes one library
        word; two known words only when one is a separable prefix or the compound is long
        ("terugbel verzoek", "zaak nummer"), so that "ik door" stays two words."""
        out: list[Token] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if i + 1 < len(toks):
                nxt = toks[i + 1]
                merged = tok.text + nxt.text
                both_known = tok.text in self.known and nxt.text in self.known
                shortest = 6 if tok.text in _PREFIXES else 7 if both_known else 5
                if (
                    merged in self.lexicon
                    and len(merged) >= shortest
                    and (not both_known or tok.text in _PREFIXES or len(merged) >= 10)
                ):
                    out.append(Token(merged, tok.start, nxt.end))
                    i += 2
                    continue
            out.append(tok)
            i += 1
        return out

    def _u_or_uw(self, toks: tuple[Token, ...]) -> tuple[Token, ...]:
        """Swap "u" and "uw" where the next word shows the other was meant.

        "wat is u naam" -> "uw naam", "waar woont uw" -> "u"; the followers of each come from
        the library's own sentences, and a noun ending ("u boosheid") shows "uw"."""
        out = list(toks)
        for i, tok in enumerate(toks):
            nxt = toks[i + 1].text if i + 1 < len(toks) else None
            if tok.text == "u" and (
                nxt in _NOUNS_AFTER_UW
                or (nxt is not None and nxt.endswith(_NOUN_ENDINGS))
                or (nxt in self._after_uw and nxt not in self._after_u)
            ):
                out[i] = Token("uw", tok.start, tok.end)
            elif tok.text == "uw" and (
                nxt is None
                or nxt in _NOT_AFTER_UW
                or (nxt in self._after_u and nxt not in self._after_uw)
            ):
                out[i] = Token("u", tok.start, tok.end)
        return tuple(out)


def _en_for_een(toks: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "en" heard for "een" where no "and" fits: "wat en gedoe", "is dit en oplossing"."""
    out = list(toks)
    for i in range(1, len(toks) - 1):
        nxt = toks[i + 1].text
        before = toks[i - 1].text
        after_is = before in ("dat", "dit", "het") and i > 1 and toks[i - 2].text in ("is", "was")
        if (
            toks[i].text == "en"
            and (before in _BEFORE_EEN or after_is)
            and nxt not in _GLUE
            and nxt not in _PREPOSITIONS
        ):
            out[i] = Token("een", toks[i].start, toks[i].end)
    return tuple(out)


def _may_split(left: str, right: str) -> bool:
    """Could `left` + `right` be two words run together rather than a Dutch compound?"""
    if right in _SUBJECTS or (right in ("is", "ja") and len(left) >= 4):
        return True  # a verb run into its subject: "beltu", "spreekik", "latenwe", "naamis"
    if len(right) <= 2:
        # "metde", "hetom", "evenin": two function words; "tweede", "regelde", "basis", "zoon"
        # and "bijna" end in a short word by chance.
        if right in _GLUE:
            return left in _GLUE or left in _PREPOSITIONS
        return right in _PREPOSITIONS and left in _GLUE
    if left in _GLUE or right in _GLUE:
        return True
    if right in _PREPOSITIONS and left not in _PREPOSITIONS:
        return True
    # An inflected adjective before a short noun: "fijnedag"; a compound's first part has no -e.
    return len(right) <= 3 and len(left) >= 4 and left.endswith("e")


def _sound_alikes(word: str) -> list[str]:
    """Spellings of the same sound: "begreip" -> "begrijp", "gebelt" -> "gebeld", "morge"."""
    out = [word + "n"]  # a swallowed final -n: "begrepe", "morge"
    for a, b in (("ei", "ij"), ("ij", "ei"), ("ou", "au"), ("au", "ou")):
        if a in word:
            out.append(word.replace(a, b))
    for a, b in (("dt", "d"), ("dt", "t"), ("d", "t"), ("t", "d"), ("d", "dt"), ("t", "dt")):
        if word.endswith(a):
            out.append(word[: -len(a)] + b)
    return out


def _followers(sentences: Iterable[Sequence[str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The words that follow "u" and those that follow "uw" in the library's own sentences."""
    after: dict[str, set[str]] = {"u": set(), "uw": set()}
    for words in sentences:
        for first, second in zip(words, words[1:], strict=False):
            if first in after:
                after[first].add(second)
    return frozenset(after["u"]), frozenset(after["uw"])
