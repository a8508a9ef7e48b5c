"""What in a lived-experience story looks like personal data, flagged for the moderator.

A story may only be published once every flag is resolved: the text is edited so the flag is
gone, or the moderator confirms that what was flagged may stay (a first name that is a pseudonym,
a school the teller agreed to name). The patterns flag; they do not decide. They are tuned to
flag too much rather than too little, and the moderator reads the whole story anyway.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    FIRST_NAME = "voornaam", _("first name")
    EMAIL = "e-mail", _("e-mail address")
    PHONE = "telefoon", _("phone number")
    BSN = "bsn", _("citizen service number (BSN)")
    ADDRESS = "adres", _("address")
    SCHOOL = "school", _("school")


@dataclass(frozen=True)
class Flag:
    kind: Kind
    text: str
    start: int

    @property
    def key(self):
        """What a moderator's confirmation is kept as: the kind and the words, wherever they occur."""
        return f"{self.kind.value}:{self.text}"


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch numbers as people write them: 06-12345678, 020 123 4567, +31 6 1234 5678, 0031 (0)6 ...
PHONE = re.compile(
    r"(?<![\w+])(?:\+31|0031)[\s-]?(?:\(0\)\s?)?[1-9](?:[\s-]?\d){8}(?!\d)|(?<![\w+])0[1-9](?:[\s-]?\d){8}(?!\d)"
)
# Nine digits (a leading zero may be left out) with spaces or dots as people group them.
NINE_DIGITS = re.compile(r"(?<![\d.])\d(?:[\s.]?\d){7,8}(?![\d]|\.\d)")
STREET = re.compile(
    r"\b[A-Z][\w'-]*(?:\s[A-Za-z][\w'-]*){0,3}?"
    r"(?:straat|laan|weg|plein|singel|gracht|kade|dijk|steeg|dreef|markt|baan|hof|pad|wal|ring|erf)"
    r"\s\d{1,4}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:-\d{1,4})?"
)
POSTCODE = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b")
NAME_WORDS = r"(?:(?:de|het|'t|De|Het|'T)\s)?[A-Z][\w'-]+(?:\s(?:van|de|der|den|[A-Z][\w'-]+))*"
SCHOOL = re.compile(
    rf"\b(?:[Bb]asisschool|OBS|CBS|PCBS|RKBS|SBO|SO|VSO|[Ss]cholengemeenschap)\s{NAME_WORDS}"
    rf"|\b{NAME_WORDS}\s(?:College|Lyceum|Gymnasium|Scholengemeenschap|School|Academie)\b"
    r"|\b[A-Z][a-zà-ÿ]+(?:school|college|lyceum)\b"
)
# Compounds that name a kind of school, not a school.
SCHOOL_WORDS = {"Basisschool", "Hogeschool", "Kleuterschool", "Dagschool", "Zomerschool", "Rijschool"}
# First names that are also common Dutch words: a name only where no sentence starts.
ALSO_WORDS = {"Ben", "Fleur", "Floor", "Jet", "Job", "Kick", "Lieve", "Lot", "Mare", "Mark", "Max", "Puck", "Roos"}
WORD = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[\"“‘(]\s*)$")


@cache
def first_names():
    path = Path(__file__).parent / "data" / "first_names.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def eleven_test(digits):
    """The BSN's check: 9, 8, ..., 2 times the first eight digits, minus the last, divisible by 11."""
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def flags(text):
    """Every :class:`Flag` in ``text``, in the order they occur; one per place in the text (the
    first kind that claims a place, most specific first)."""
    found, taken = [], []
    for kind, match in _candidates(text):
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in taken):
            continue  # already flagged as something more specific
        taken.append(span)
        found.append(Flag(kind, match.group().strip(), span[0]))
    return sorted(found, key=lambda flag: flag.start)


def _candidates(text):
    """(kind, match) of everything that may be personal data, most specific kind first."""
    yield from ((Kind.EMAIL, match) for match in EMAIL.finditer(text))
    yield from ((Kind.PHONE, match) for match in PHONE.finditer(text))
    for match in NINE_DIGITS.finditer(text):
        if eleven_test(re.sub(r"[\s.]", "", match.group())):
            yield Kind.BSN, match
    for pattern in (STREET, POSTCODE):
        yield from ((Kind.ADDRESS, match) for match in pattern.finditer(text))
    yield from ((Kind.SCHOOL, match) for match in SCHOOL.finditer(text) if match.group() not in SCHOOL_WORDS)
    names = first_names()
    for match in WORD.finditer(text):
        if not any(word in names for word in match.group().split("-")):
            continue
        if match.group() in ALSO_WORDS and SENTENCE_START.search(text[: match.start()]):
            continue
        yield Kind.FIRST_NAME, match


def unresolved(text, confirmed):
    """The flags in ``text`` a moderator has not confirmed (``confirmed``: their keys)."""
    return [flag for flag in flags(text) if flag.key not in set(confirmed)]
