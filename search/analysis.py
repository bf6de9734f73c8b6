"""Text analysis shared by indexing and querying: folding, tokens, Dutch stopwords and stemming.

Indexing and querying must analyse text in exactly the same way, so everything that turns text
into index terms lives here. The pipeline is: fold (lowercase, accents removed) → word tokens →
stopwords dropped (their positions kept, so phrases stay positional) → Snowball Dutch stem.
"""

import functools
import re
import sys
import unicodedata
from dataclasses import dataclass, field

import snowballstemmer

# Longest token we index; longer "words" are nearly always garbage (hashes, base64, URLs).
MAX_TERM_LENGTH = 40
# The most a query may contribute: the rest of a very long query is ignored.
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 12

# The Snowball list of Dutch stopwords, folded.
_STOPWORD_TEXT = """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
    eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
    is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat
    onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat
    werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"[^\W_]+")
# A word in unfolded text may carry combining marks (decomposed accents).
_RAW_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02", '"'))
_PHRASE = re.compile(r'"([^"]*)"')
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _combining_marks():
    """(pattern for the combining marks of the BMP, translation table for the others), built
    once on first use. A character class of BMP ranges only is a fast bitmap in `re`."""
    ranges = []
    astral = {}
    for code in range(sys.maxunicode + 1):
        if not unicodedata.category(chr(code)).startswith("M"):
            continue
        if code > 0xFFFF:
            astral[code] = None
        elif ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    pattern = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{pattern}]+"), astral


def fold(text):
    """Lowercase with accents removed: "Financiële" → "financiele"."""
    if not text:
        return ""
    text = str(text)
    if text.isascii():
        return text.lower()
    marks, astral = _combining_marks()
    folded = marks.sub("", unicodedata.normalize("NFKD", text.casefold()))
    if _ASTRAL.search(folded):
        folded = folded.translate(astral)
    return folded


def tokenize(text):
    """The folded word tokens of `text`, in order."""
    return _WORD.findall(fold(text))


class _Terms:
    """Token → index term ("" for stopwords and tokens we skip), with a cache: text repeats its
    words all the time, and the Snowball stemmer is pure Python."""

    max_cache = 200_000

    def __init__(self):
        self._stemmer = snowballstemmer.stemmer("dutch")
        self._cache = {}

    def __call__(self, token):
        term = self._cache.get(token)
        if term is None:
            term = self._compute(token)
            if len(self._cache) >= self.max_cache:
                self._cache.clear()
            self._cache[token] = term
        return term

    def _compute(self, token):
        if token in STOPWORDS or len(token) > MAX_TERM_LENGTH:
            return ""
        if len(token) == 1 and not token.isdigit():
            return ""
        return self._stemmer.stemWord(token) or token


_terms = _Terms()


def term_for(token):
    """The index term for one folded token, or None for stopwords and tokens we do not index."""
    return _terms(token) or None


def analyze(text, start=0):
    """(position, term) pairs after stopwords and stemming. Positions count every token, so
    "slachtoffers van mensenhandel" gives [(0, "slachtoffer"), (2, "mensenhandel")]."""
    return analyze_counted(text, start)[0]


def analyze_counted(text, start=0):
    """analyze() plus the position after the last token (where a following field starts)."""
    to_term = _terms
    pairs = []
    tokens = _WORD.findall(fold(text))
    for position, token in enumerate(tokens, start):
        term = to_term(token)
        if term:
            pairs.append((position, term))
    return pairs, start + len(tokens)


def raw_words(text, start=0, end=None):
    """Matches of the words of unfolded `text` (for snippets: spans in the original text)."""
    return _RAW_WORD.finditer(text, start, len(text) if end is None else end)


@dataclass
class ParsedQuery:
    """A parsed query. `terms` are the stems of the loose words (each may also match compounds);
    each phrase is a list of (relative position, stem) that must occur exactly like that; `words`
    are the folded words the user typed (without stopwords), for display."""

    terms: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    words: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.terms or self.phrases)


def parse_query(query):
    """Parse user input into loose terms and quoted phrases. Never raises: any input gives a
    (possibly empty) ParsedQuery."""
    parsed = ParsedQuery()
    if query is None:
        return parsed
    try:
        text = str(query)[:MAX_QUERY_CHARS].translate(_QUOTES)
    except Exception:  # noqa: BLE001 - a broken __str__ is an empty query, not an error
        return parsed
    budget = MAX_QUERY_TERMS

    def add_word(token):
        if token not in parsed.words:
            parsed.words.append(token)

    loose = []
    position = 0
    for match in _PHRASE.finditer(text):
        loose.append(text[position : match.start()])
        position = match.end()
        tokens = tokenize(match.group(1))
        pairs = analyze(match.group(1))
        if not pairs or budget <= 0:
            continue
        for token in tokens:
            if term_for(token):
                add_word(token)
        if len(pairs) == 1:
            # A quoted single word: the word itself, no compounds.
            phrase = [(0, pairs[0][1])]
        else:
            first = pairs[0][0]
            phrase = [(p - first, term) for p, term in pairs[:MAX_QUERY_TERMS]]
        if phrase not in parsed.phrases:
            parsed.phrases.append(phrase)
            budget -= 1
    # An unbalanced quote is just a character.
    loose.append(text[position:].replace('"', " "))
    for token in tokenize(" ".join(loose)):
        term = term_for(token)
        if not term or budget <= 0:
            continue
        add_word(token)
        if term not in parsed.terms:
            parsed.terms.append(term)
            budget -= 1
    return parsed
