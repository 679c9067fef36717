"""Accent folding and marking of matched words for search results, without Django."""

import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
# A query word matches a text word that contains it, or that shares this long a prefix with it: Dutch
# plurals and inflections ("archief" / "archieven") differ only at the end.
MIN_SHARED_PREFIX = 5


def fold(text: str) -> str:
    """Lower case without accents: 'Coördinatie' becomes 'coordinatie'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


# Shorter words (the "p" and "m" of "P.M.") would match nearly every line.
MIN_WORD_LENGTH = 2


def query_words(query: str) -> list[str]:
    return [fold(word) for word in _WORD.findall(query)]


def search_terms(query: str) -> list[str]:
    """The folded words worth looking for; a query of short words only ("P.M.") is looked for as a whole."""
    terms = [word for word in query_words(query) if len(word) >= MIN_WORD_LENGTH]
    whole = fold(" ".join(query.split()))
    return terms or ([whole] if whole else [])


@dataclass(frozen=True)
class Fragment:
    text: str
    matched: bool


def _matches(word: str, terms: list[str]) -> bool:
    folded = fold(word)
    for term in terms:
        if term in folded:
            return True
        shared = len(_common_prefix(term, folded))
        if shared >= MIN_SHARED_PREFIX and shared >= len(term) - 2:
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return a[:length]


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
