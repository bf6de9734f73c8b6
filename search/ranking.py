"""BM25 as the index stores it.

A posting's weight is BM25's term-frequency part with length normalisation, plus a bonus when the
term is in the title, computed once at indexing: tf·(k1+1) / (tf + k1·(1 − b + b·length/L)).
BM25 proper uses the average entry length for L; we use a fixed reference length, so that a weight
never changes when other entries are added (only the ratio between entries' lengths matters for
ranking, and with a fixed L that ratio is kept). At query time a score is then the sum over the
matched terms of idf × weight: one multiplication per posting.
"""

K1 = 1.2
B = 0.75
# About the length (in index terms) of a ten-page report.
REFERENCE_LENGTH = 2000
# Added to the weight of a term that occurs in the title: a term's text part is at most K1 + 1.
TITLE_BOOST = 1.5


def posting_weight(tf, title_tf, length):
    weight = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / REFERENCE_LENGTH))
    if title_tf:
        weight += TITLE_BOOST
    return round(weight, 6)
