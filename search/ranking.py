"""Ranking: BM25F as the index stores it and search.query computes it.

At indexing, every posting gets a field-weighted term frequency (BM25F's pseudo-frequency)

    tfw = TITLE_WEIGHT·tf(title) + SUMMARY_WEIGHT·tf(summary) + BODY_WEIGHT·tf(body)

in which a sentence (or line) that occurs more than once in an entry counts once: boilerplate
such as running headers and footers, disclaimers or repeated filler adds to neither the term
frequencies nor the entry's length. Each posting also carries its entry's length (index terms
without stopwords, repeats not counted), and the index keeps the number of entries and the sum of
their lengths (SearchIndexState, updated in every indexing transaction), so that the average
length is the corpus's own at every query.

At query time a query word is a group of index terms: the word itself, its inflections and its
compounds, each with a match weight (EXACT, INFLECTION, COMPOUND_HEAD, COMPOUND_START in
search.query). An entry's frequency for the group is Σ match weight × tfw over the terms it
contains, saturated once per group:

    score = Σ_groups idf(group) · f·(K1 + 1) / (f + K1·(1 − B + B·length/avgdl))

so a compound or an inflection counts for most of an exact match, and many variants of one word
in an entry do not add up beyond what one word can score.
"""

K1 = 1.2
B = 0.75
# BM25F field weights: a word in the title counts as this many occurrences in the body.
TITLE_WEIGHT = 3.0
SUMMARY_WEIGHT = 1.5
BODY_WEIGHT = 1.0
FIELD_WEIGHTS = {"title": TITLE_WEIGHT, "summary": SUMMARY_WEIGHT, "body": BODY_WEIGHT}
# Used as the average entry length when the index is empty.
DEFAULT_AVERAGE_LENGTH = 500.0


def saturation_constants(average_length):
    """(c0, c1) with K1·(1 − B + B·length/avgdl) = c0 + c1·length, for the SQL expression."""
    average_length = average_length if average_length and average_length > 0 else 1.0
    return K1 * (1 - B), K1 * B / average_length


def group_score(frequency, length, average_length, idf):
    """The BM25 score of one query group (the formula the SQL in search.query computes)."""
    c0, c1 = saturation_constants(average_length)
    return idf * frequency * (K1 + 1) / (frequency + c0 + c1 * length)
