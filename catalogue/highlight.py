"""Accent folding and marking of matched words for search results, without Django."""

import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
# A near form is never cut shorter than this: shorter stems ("arch") would match unrelated words.
MIN_STEM = 5
# Dutch plural and inflection endings, longest first ("werkzaamheden", "storingen", "applicaties").
_ENDINGS = ("heden", "heid", "eren", "en", "es", "s", "e")


def fold(text: str) -> str:
    """Lower case without accents: 'Coördinatie' becomes 'coordinatie'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


# Shorter words (the "p" and "m" of "P.M.") would match nearly every line.
MIN_WORD_LENGTH = 2


def query_words(query: str) -> list[str]:
    return [fold(word) for word in _WORD.findall(query)]


def near_form(word: str) -> str:
    """The part of a folded Dutch word that its plural and inflected forms share, to look for inside words.

    Dutch changes the end of a word when it takes an ending: "archief" becomes "archieven" (f/v; s/z alike),
    "resultaat" "resultaten" (a long vowel written once), "werkzaamheid" "werkzaamheden". So an ending is
    dropped, then a final f, v, s or z, or else the last consonant with the long vowel before it: "archief" and
    "archieven" both give "archie", "resultaat" and "resultaten" "resulta". Never shorter than MIN_STEM, so short
    words stay whole.
    """
    stem, inflected = word, False
    for ending in _ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_STEM:
            stem, inflected = stem[: -len(ending)], True
            break
    if len(stem) > MIN_STEM and stem[-1] in "fvsz":
        return stem[:-1]
    # A long vowel before the last consonant: written double without an ending, once with one.
    long_vowel = stem[-2:-1] in ("a", "e", "o", "u") and (inflected or stem[-3:-2] == stem[-2:-1])
    if len(stem) - 2 >= MIN_STEM and stem[-1] not in "aeiouy" and long_vowel:
        return stem[:-2]
    return stem


def search_text(text: str) -> str:
    """What the search table holds for a line: its folded words, one space between and around them.

    " archief " is then the whole word and " archie" the start of one. Migration 0005 gives PostgreSQL the
    same function in SQL; tests/test_search_table.py checks that both give the same text for the catalogue.
    """
    return f" {' '.join(query_words(text))} "


def search_terms(query: str) -> list[str]:
    """The folded words worth looking for, each on its own (see short_words for the rest)."""
    return [word for word in query_words(query) if len(word) >= MIN_WORD_LENGTH]


def short_words(query: str) -> str:
    """A query of short words only ("P.M."), as the folded words in a row ("p m"), to be looked for whole."""
    return "" if search_terms(query) else " ".join(query_words(query))


@dataclass(frozen=True)
class Fragment:
    text: str
    matched: bool


def _matches(word: str, terms: list[str]) -> bool:
    folded = fold(word)
    return any(near_form(term) in folded for term in terms)  # a near form is a prefix of its word


def highlight(text: str, query: str) -> list[Fragment]:
    """Split `text` into fragments, marking the words that the query's words match.

    Joining the fragments' texts always gives `text` back.
    """
    terms = search_terms(query)
    if not terms:
        return [Fragment(text, False)] if text else []
    fragments: list[Fragment] = []
    cursor = 0
    for match in _WORD.finditer(text):
        if _matches(match.group(), terms):
            if match.start() > cursor:
                fragments.append(Fragment(text[cursor : match.start()], False))
            fragments.append(Fragment(match.group(), True))
            cursor = match.end()
    if cursor < len(text):
        fragments.append(Fragment(text[cursor:], False))
    return fragments
