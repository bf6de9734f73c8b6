"""Querying the index: search() with BM25 ranking, compounds, phrases, facets and snippets, and
suggest() for autocomplete.

How a query runs:
1. parse_query() gives loose stems and quoted phrases. Each loose stem becomes a group of index
   terms: the stem itself, its inflections that the stemmer leaves apart ("loverboys" for
   "loverboy", "crimineel" for "criminel"), compounds that end with it ("arbeidsuitbuit" for
   "uitbuit": Dutch puts the head last, linking -s-/-e- included) and, for stems of five
   letters or more, words that start with it; compounds within a budget of postings per
   query. Every word of a phrase is a group of one exact term. The vocabulary for this
   expansion is cached in-process (sorted terms and sorted reversed terms, searched with
   bisect) and brought up to date when SearchIndexState says it grew.
2. One SQL statement scores all matching entries with BM25F (search.ranking): VALUES lists of
   (term, group, match weight) joined with the postings' covering index (term, entry,
   field-weighted frequency, entry length), restricted to the caller's queryset; grouped by
   entry, with each group's frequency (Σ match weight × frequency) as a conditional sum,
   saturated with the entry's length against the corpus's average length and multiplied by
   the group's idf (one row of constants); every group must have matched (AND); best first.
   An inflection or compound counts for most of an exact match (INFLECTION, COMPOUND_HEAD,
   COMPOUND_START), so a short entry about "arbeidsuitbuiting" can rank above a long one that
   mentions "uitbuiting" once. The first word of a phrase must be
   followed by the phrase's next two words (the posting's `follows`), so phrases of up to three
   words are settled in SQL.
3. Longer phrases are checked against the stored positions of the remaining candidates.
4. Facet filters (OR within a facet, AND across facets) and facet counts use the facet values
   as sets and bitmaps of entry ids, cached per index generation; each facet is counted over
   the matches with the other facets' filters applied, not its own.
5. Only the requested page is loaded from the caller's queryset and gets a snippet.
Everything is computed from the ids that step 2 found in the caller's queryset.
"""

import heapq
import json
import math
import re
import threading
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from itertools import islice
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils.safestring import SafeString

from .analysis import MAX_QUERY_TERMS, parse_query, raw_words, term_for, tokenize
from .indexing import FOLLOW_GAP
from .models import SearchEntry, SearchFacet, SearchIndexState, SearchPosting, SearchTerm
from .ranking import DEFAULT_AVERAGE_LENGTH, K1, saturation_constants

# Weights of the ways a term can match a query stem: an occurrence of the term counts as this
# much of an occurrence of the word itself.
EXACT = 1.0
INFLECTION = 0.9  # loverboys for loverboy, crimineel for criminel
COMPOUND_HEAD = 0.85  # arbeidsuitbuit for uitbuit
COMPOUND_START = 0.75  # slachtofferhulp for slachtoffer
MIN_HEAD_STEM = 4  # shorter stems would match far too many words as "compound heads"
MIN_MODIFIER = 3  # "arbeids" + uitbuit; a shorter rest is not a compound
MIN_START_STEM = 5
MAX_EXPANSIONS = 40  # per way of matching, shortest terms first
# Work limits: postings read per query (the words themselves always count in full).
POSTINGS_BUDGET = 60_000
MIN_COMPOUND_BUDGET = 10_000

SNIPPET_WORDS = 30
SNIPPET_BEFORE = 8
SNIPPET_SCAN_CHARS = 200_000
SNIPPET_CHUNK = 2_000
MAX_PER_PAGE = 100
FACET_ORDER_BY_VALUE = {"year"}


@dataclass
class Hit:
    entry: SearchEntry
    score: float
    snippet: SafeString


@dataclass
class SearchResult:
    total: int
    hits: list
    facets: dict
    page: int
    num_pages: int
    has_next: bool
    has_previous: bool
    # The folded words of the query (without stopwords), for display.
    terms: list = field(default_factory=list)


def search(entries, query, *, filters=None, order="relevance", page=1, per_page=20):
    """Search `entries` (a SearchEntry queryset already limited to what the user may see).
    Hits, total and facet counts all come from that queryset only."""
    parsed = parse_query(query)
    per_page = _whole(per_page, 20, 1, MAX_PER_PAGE)
    page = _whole(page, 1, 1, 1_000_000)
    if not parsed:
        return _empty(parsed.words)
    using = entries.db
    connection = connections[using]
    index = _index_cache(using)

    groups = _groups(connection, index, parsed)
    if not groups:
        # AND: a word that is nowhere in the index matches nothing.
        return _empty(parsed.words)
    try:
        scores = _score(connection, entries, index, groups)
    except EmptyResultSet:
        # The queryset can match nothing at all (SearchEntry.objects.none(), pk__in=[]).
        return _empty(parsed.words)
    # SQL checked what follows the words of phrases; only long phrases need their positions.
    phrases = [phrase for phrase in parsed.phrases if _needs_positions(phrase)]
    if phrases and scores:
        scores = _check_phrases(connection, index, phrases, scores)

    facets = index.facets(connection)
    filters = {
        name: facets.with_any(name, values) for name, values in _clean_filters(filters).items()
    }
    final = set(scores)
    for passing in filters.values():
        final &= passing
    facet_counts = facets.counts(scores, final, filters)

    total = len(final)
    num_pages = max(1, math.ceil(total / per_page))
    page = min(page, num_pages)
    offset = (page - 1) * per_page
    if order == "date":
        dates = index.dates(connection)
        newest = heapq.nlargest(
            offset + per_page, final, key=lambda entry_id: (dates.get(entry_id, ""), entry_id)
        )
        page_ids = newest[offset:]
    else:
        # scores is in rank order already.
        ranked = (entry_id for entry_id in scores if entry_id in final)
        page_ids = list(islice(ranked, offset, offset + per_page))

    found = entries.in_bulk(page_ids) if page_ids else {}
    matcher = _Matcher({item.term for group in groups for item in group})
    hits = [
        Hit(found[entry_id], scores[entry_id], _snippet(found[entry_id], matcher))
        for entry_id in page_ids
        if entry_id in found
    ]
    return SearchResult(
        total=total,
        hits=hits,
        facets=facet_counts,
        page=page,
        num_pages=num_pages,
        has_next=page < num_pages,
        has_previous=page > 1,
        terms=parsed.words,
    )


def suggest(entries, prefix, limit=8):
    """Up to `limit` distinct titles from `entries` with a title word that starts with the
    (accent-folded) prefix; with several words, the earlier ones must be whole title words."""
    try:
        words = tokenize(str(prefix or "")[:100])[:5]
    except Exception:  # noqa: BLE001 - odd input gives no suggestions
        return []
    if not words:
        return []
    limit = _whole(limit, 8, 1, 50)
    matching = entries
    for word in words[:-1]:
        matching = matching.filter(title_words__contains=f" {word} ")
    matching = matching.filter(title_words__contains=f" {words[-1]}")
    return list(matching.order_by("title").values_list("title", flat=True).distinct()[:limit])


# --- caches ---------------------------------------------------------------------------------


class _Vocabulary:
    """Every indexed stem, sorted and sorted reversed, for exact, suffix and prefix search."""

    def __init__(self, rows):
        self.ids = dict(rows)
        self.terms = sorted(self.ids)
        self.reversed = sorted(term[::-1] for term in self.terms)
        self.variants = _variant_index(self.terms)
        self.last_id, self.last_term = max(
            ((term_id, term) for term, term_id in self.ids.items()), default=(0, "")
        )

    def grown(self, rows):
        """A new vocabulary with these (term, id) rows added; the sorted lists are merged, not
        sorted from scratch (Timsort merges two sorted runs in linear time)."""
        new = [(term, term_id) for term, term_id in rows if term not in self.ids]
        grown = _Vocabulary.__new__(_Vocabulary)
        grown.ids = {**self.ids, **dict(new)}
        grown.terms = sorted(self.terms + sorted(term for term, _id in new))
        grown.reversed = sorted(self.reversed + sorted(term[::-1] for term, _id in new))
        grown.variants = dict(self.variants)  # the lists are shared, never changed in place
        for key, terms in _variant_index(term for term, _id in new).items():
            grown.variants[key] = grown.variants.get(key, []) + terms
        grown.last_id, grown.last_term = max(
            [(self.last_id, self.last_term), *((term_id, term) for term, term_id in new)]
        )
        return grown

    def expand(self, stem):
        """[_Term] for a query stem: the stem itself, its inflections (same _variant_key),
        compounds with the stem as their head, and (long stems) words that start with it."""
        found = {}
        if stem in self.ids:
            found[stem] = EXACT
        if len(stem) >= MIN_HEAD_STEM:
            for term in self.variants.get(_variant_key(stem), ())[:MAX_EXPANSIONS]:
                found.setdefault(term, INFLECTION)
            tail = stem[::-1]
            heads = _starting_with(self.reversed, tail, len(tail) + MIN_MODIFIER)
            for reversed_term in heads:
                found.setdefault(reversed_term[::-1], COMPOUND_HEAD)
        if len(stem) >= MIN_START_STEM:
            for term in _starting_with(self.terms, stem, len(stem) + 1):
                found.setdefault(term, COMPOUND_START)
        return [_Term(self.ids[term], term, weight) for term, weight in found.items()]


_DOUBLE_VOWEL = re.compile(r"([aeou])\1")


def _variant_key(term):
    """What inflections of one word that the stemmer leaves apart share: open and closed
    syllables ("crimineel", "criminel"), an English plural -s ("loverboys") and Latin plurals
    ("distributiecentrum", "distributiecentra")."""
    key = _DOUBLE_VOWEL.sub(r"\1", term)
    if len(key) > MIN_HEAD_STEM and key.endswith("s") and key[-2] not in "s":
        key = key[:-1]
    elif len(key) > 6 and key.endswith("um"):
        key = key[:-2]  # Latin plurals: centrum, centra; criterium, criteria
    elif len(key) > 5 and key.endswith("a"):
        key = key[:-1]
    return key


def _variant_index(terms):
    """{variant key: [terms]} for the terms of at least MIN_HEAD_STEM letters."""
    index = defaultdict(list)
    for term in terms:
        if len(term) >= MIN_HEAD_STEM:
            index[_variant_key(term)].append(term)
    return index


def _starting_with(ordered, prefix, min_length):
    """Up to MAX_EXPANSIONS items of the sorted list that start with prefix and are at least
    min_length long, shortest first."""
    matches = []
    start = bisect_left(ordered, prefix)
    for position in range(start, len(ordered)):
        item = ordered[position]
        if not item.startswith(prefix):
            break
        if len(item) >= min_length:
            matches.append(item)
    matches.sort(key=lambda item: (len(item), item))
    return matches[:MAX_EXPANSIONS]


class _IndexCache:
    """What a process keeps between queries for one database: the vocabulary (until it grows)
    and, for one index generation, the entry count, document frequencies, dates and facets.
    A new generation or vocabulary gives a new object, so a query that holds one sees a
    consistent state even while another thread moves on."""

    def __init__(self, state, vocabulary, connection):
        generation, vocabulary_token, entry_count, total_length = state
        self.generation = generation
        self.vocabulary_token = vocabulary_token
        self.vocabulary = vocabulary
        if not entry_count:
            table = connection.ops.quote_name(SearchEntry._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*), SUM(length) FROM {table}")  # noqa: S608
                entry_count, total_length = cursor.fetchone()
        self.entry_count = int(entry_count or 0)
        # BM25's average entry length, from the statistics the indexer keeps.
        self.average_length = (
            (total_length or 0) / self.entry_count if self.entry_count else 0
        ) or DEFAULT_AVERAGE_LENGTH
        self.df = {}
        self._facets = None
        self._dates = None

    def dates(self, connection):
        """{entry id: "YYYY-MM-DD" or ""}: newest first is then a plain sort in Python."""
        if self._dates is None:
            table = connection.ops.quote_name(SearchEntry._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT id, date FROM {table}")  # noqa: S608
                self._dates = {
                    entry_id: str(date) if date else "" for entry_id, date in cursor.fetchall()
                }
        return self._dates

    def facets(self, connection):
        if self._facets is None:
            table = connection.ops.quote_name(SearchFacet._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT name, value, entry_id FROM {table}")  # noqa: S608
                self._facets = _Facets(cursor.fetchall())
        return self._facets


_caches = {}
_lock = threading.Lock()


def _index_cache(using):
    """The vocabulary and ranking statistics for this database, renewed when the index state
    row says they changed (one primary-key read per query)."""
    connection = connections[using]
    key = (using, connection.settings_dict.get("NAME"))
    state = SearchIndexState.objects.using(using).filter(pk=1).values_list(
        "generation", "vocabulary", "entry_count", "total_length"
    ).first() or ("", "", 0, 0)
    generation, vocabulary_token = state[:2]
    cache = _caches.get(key)
    if cache is not None and (cache.generation, cache.vocabulary_token) == state[:2]:
        return cache
    if cache is not None and cache.vocabulary_token == vocabulary_token:
        vocabulary = cache.vocabulary
    else:
        vocabulary = _load_vocabulary(connection, cache.vocabulary if cache else None)
    cache = _IndexCache(state, vocabulary, connection)
    with _lock:
        _caches[key] = cache
    return cache


def _load_vocabulary(connection, known):
    """The vocabulary, reading only the terms added since `known` when that is safe: terms are
    never deleted and ids only grow, except that SQLite hands out the ids of rolled-back rows
    again, which the count and the last known term show."""
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    with connection.cursor() as cursor:
        if known is not None and known.last_id:
            cursor.execute(
                f"SELECT term, id FROM {table} WHERE id > %s",  # noqa: S608
                [known.last_id],
            )
            new = cursor.fetchall()
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            count = cursor.fetchone()[0]
            cursor.execute(f"SELECT term FROM {table} WHERE id = %s", [known.last_id])  # noqa: S608
            last = cursor.fetchone()
            if count == len(known.ids) + len(new) and last and last[0] == known.last_term:
                return known.grown(new)
        cursor.execute(f"SELECT term, id FROM {table}")  # noqa: S608
        return _Vocabulary(cursor.fetchall())


def _document_frequencies(connection, index, term_ids):
    """{term id: number of entries} (over the whole index), cached per index generation."""
    known = index.df
    result = {term_id: known[term_id] for term_id in term_ids if term_id in known}
    missing = [term_id for term_id in term_ids if term_id not in result]
    if missing:
        table = connection.ops.quote_name(SearchPosting._meta.db_table)
        marks = ", ".join(["%s"] * len(missing))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term_id, COUNT(*) FROM {table} "  # noqa: S608
                f"WHERE term_id IN ({marks}) GROUP BY term_id",
                missing,
            )
            counts = dict(cursor.fetchall())
        for term_id in missing:
            result[term_id] = counts.get(term_id, 0)
        if len(known) > 100_000:
            known = index.df = {}
        known.update(result)
    return result


# --- scoring --------------------------------------------------------------------------------


class _Term(NamedTuple):
    id: int
    term: str
    weight: float
    # For a word of a phrase: what its posting's `follows` must contain (_phrase_follows).
    follows: str = ""


def _groups(connection, index, parsed):
    """The query as groups of _Term: one group per loose word (the word and its compounds) and
    one per word of a phrase (exact). [] when some word is not indexed.

    Compounds cost work in proportion to their postings, and a very common word can have many
    common compounds. They are added rarest first (those add the entries that the word itself
    does not find) within a budget of postings per query; the word itself is always kept."""
    ids = index.vocabulary.ids
    loose = [index.vocabulary.expand(stem) for stem in parsed.terms]
    exact = []
    for phrase in parsed.phrases:
        if not all(stem in ids for _offset, stem in phrase):
            return []
        for number, (_offset, stem) in enumerate(phrase):
            exact.append([_Term(ids[stem], stem, EXACT, _phrase_follows(phrase, number, ids))])
    if not all(loose):
        return []
    candidates = {item.id for group in loose + exact for item in group}
    df = _document_frequencies(connection, index, sorted(candidates))
    fixed = sum(df[item.id] for group in loose + exact for item in group if item.weight == EXACT)
    budget = max(MIN_COMPOUND_BUDGET, (POSTINGS_BUDGET - fixed) // max(1, len(loose)))
    groups = []
    for group in loose:
        kept = [item for item in group if item.weight == EXACT]
        used = 0
        compounds = sorted((item for item in group if item.weight != EXACT), key=lambda i: df[i.id])
        for item in compounds:
            if kept and used + df[item.id] > budget:
                break
            kept.append(item)
            used += df[item.id]
        groups.append(kept)
    unique = []
    for group in groups + exact:
        if group not in unique:
            unique.append(group)
    return unique[: MAX_QUERY_TERMS * 2]


def _phrase_follows(phrase, number, ids):
    """What the posting of the phrase's word `number` must show to follow it (see
    search.indexing._follows_text): the next two words for words 0, 2, 4, … (so a phrase of
    up to three words is settled by its first word alone), nothing for the others."""
    if number % 2 or number + 1 >= len(phrase):
        return ""
    offset = phrase[number][0]
    next_offset, next_stem = phrase[number + 1]
    if next_offset - offset > FOLLOW_GAP:
        return ""
    follows = f",{ids[next_stem]}:{next_offset - offset}/"
    if number + 2 < len(phrase):
        third_offset, third_stem = phrase[number + 2]
        if third_offset - next_offset <= FOLLOW_GAP:
            follows += f"{ids[third_stem]}:{third_offset - next_offset},"
    return follows


def _score(connection, entries, index, groups):
    """{entry id: BM25F score} for the entries of the queryset that match every group, best
    first (see search.ranking for the formula).

    One GROUP BY entry gives each group's frequency as a conditional sum (NULL when the entry
    lacks the group: AND), and the saturation is computed per entry from those sums, so a query
    costs one aggregation over its postings however many variants its words have."""
    term_ids = sorted({item.id for group in groups for item in group})
    df = _document_frequencies(connection, index, term_ids)
    n = max(index.entry_count, 1)
    plain, following, idfs = [], [], []
    for number, group in enumerate(groups):
        # One idf for the whole group (from the sum of its terms' frequencies), so that a rare
        # compound never outweighs the exact word the user typed.
        group_df = min(n, sum(df[item.id] for item in group))
        idfs.append(math.log(1 + (n - group_df + 0.5) / (group_df + 0.5)) * (K1 + 1))
        for item in group:
            row = (item.id, number, item.weight)
            if item.follows:
                following.append((*row, item.follows))
            else:
                plain.append(row)

    postings = connection.ops.quote_name(SearchPosting._meta.db_table)
    access_sql, access_params = entries.order_by().values("pk").query.sql_with_params()
    no_index = _no_index(connection)
    # The weights are typed once, in the VALUES lists: PostgreSQL would take a plain 0.5 for
    # NUMERIC (slow arithmetic), and a CAST in the per-posting expression costs SQLite dearly.
    double = "CAST(%s AS DOUBLE PRECISION)"
    c0, c1 = saturation_constants(index.average_length)
    constants = ", ".join(f"i{number}" for number in range(len(groups)))
    ctes = [f"k (c0, c1, {constants}) AS (VALUES ({', '.join([double] * (2 + len(groups)))}))"]
    params = [c0, c1, *idfs]
    parts = []
    if plain:
        ctes.append(f"q (term_id, grp, w) AS (VALUES {_values(plain, double)})")
        params += [value for row in plain for value in row]
        parts.append(
            "SELECT p.entry_id, q.grp, q.w * p.weight AS f, p.length "  # noqa: S608
            f"FROM q JOIN {postings} p ON p.term_id = q.term_id "
            f"WHERE {no_index}p.entry_id IN ({access_sql})"
        )
    if following:
        # Words of a phrase followed by the next word of the phrase (read from the table, not
        # the covering index, so only for these words).
        ctes.append(f"f (term_id, grp, w, follows) AS (VALUES {_values(following, double)})")
        params += [value for row in following for value in row]
        find = (
            "strpos(p.follows, f.follows)"
            if connection.vendor == "postgresql"
            else ("instr(p.follows, f.follows)")
        )
        parts.append(
            "SELECT p.entry_id, f.grp, f.w * p.weight AS f, p.length "  # noqa: S608
            f"FROM f JOIN {postings} p ON p.term_id = f.term_id "
            f"WHERE {no_index}p.entry_id IN ({access_sql}) AND {find} > 0"
        )
    params += list(access_params) * len(parts)
    if len(groups) == 1:
        sums = "SUM(f) AS f0"
        every = ""
    else:
        sums = ", ".join(
            f"SUM(CASE WHEN grp = {number} THEN f END) AS f{number}"
            for number in range(len(groups))
        )
        every = "WHERE " + " AND ".join(f"s.f{number} IS NOT NULL" for number in range(len(groups)))
    score = " + ".join(
        f"k.i{number} * s.f{number} / (s.f{number} + k.c0 + k.c1 * s.length)"
        for number in range(len(groups))
    )
    sql = (
        f"WITH {', '.join(ctes)} "  # noqa: S608
        f"SELECT s.entry_id, {score} FROM (SELECT entry_id, {sums}, MAX(length) AS length "
        f"FROM ({' UNION ALL '.join(parts)}) matches GROUP BY entry_id) s, k {every} "
        "ORDER BY 2 DESC, 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def _values(rows, double):
    """A VALUES list for rows of (id, group, weight[, text])."""
    row = f"(%s, %s, {double}" + (", %s)" if len(rows[0]) == 4 else ")")
    return ", ".join([row] * len(rows))


def _no_index(connection):
    """SQLite's way of saying "do not use an index for this term": a unary plus. Without it,
    SQLite looks up every (term, allowed entry) pair in the posting index instead of reading
    each term's postings once and checking them against the allowed entries."""
    return "+" if connection.vendor == "sqlite" else ""


def _id_condition(connection, column, ids):
    """SQL (with one parameter) for `column` being one of many ids."""
    ids = sorted(ids)
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [ids]
    if connection.vendor == "sqlite":
        sql = f"{_no_index(connection)}{column} IN (SELECT value FROM json_each(%s))"  # noqa: S608
        return sql, [json.dumps(ids)]
    marks = ", ".join(["%s"] * len(ids)) or "NULL"
    return f"{column} IN ({marks})", ids


def _needs_positions(phrase):
    """SQL settles phrases of two or three words (see _phrase_follows); longer ones, and ones
    with words far apart, also need their positions checked."""
    gaps = [b - a for (a, _s), (b, _t) in zip(phrase, phrase[1:], strict=False)]
    return len(phrase) > 3 or any(gap > FOLLOW_GAP for gap in gaps)


def _check_phrases(connection, index, phrases, scores):
    """Keep the entries in which every phrase occurs with its words in the right positions."""
    ids = index.vocabulary.ids
    wanted = sorted({ids[stem] for phrase in phrases for _offset, stem in phrase})
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    marks = ", ".join(["%s"] * len(wanted))
    condition, params = _id_condition(connection, "entry_id", scores)
    positions = {term_id: {} for term_id in wanted}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term_id, entry_id, positions FROM {table} "  # noqa: S608
            f"WHERE term_id IN ({marks}) AND {condition}",
            [*wanted, *params],
        )
        for term_id, entry_id, found in cursor.fetchall():
            positions[term_id][entry_id] = found
    kept = set(scores)
    for phrase in phrases:
        words = [(offset, positions[ids[stem]]) for offset, stem in phrase]
        kept = _with_phrase(words, kept)
    return {entry_id: score for entry_id, score in scores.items() if entry_id in kept}


def _with_phrase(words, candidates):
    """The candidates with a start p that has every word of the phrase at p + its offset.
    words: [(offset, {entry id: "3,17,45"})].

    Starts come from the word with the shortest position list; the other words' lists are
    searched as text (",17,") rather than parsed: a very common word has long lists."""
    kept = set()
    for entry_id in candidates:
        lists = []
        for offset, by_entry in words:
            found = by_entry.get(entry_id)
            if found is None:
                break
            lists.append((len(found), offset, found))
        else:
            lists.sort()
            _length, first_offset, first = lists[0]
            starts = [int(p) - first_offset for p in first.split(",")]
            for _length, offset, found in lists[1:]:
                found = f",{found},"
                starts = [start for start in starts if f",{start + offset}," in found]
                if not starts:
                    break
            if starts:
                kept.add(entry_id)
    return kept


# --- facets ---------------------------------------------------------------------------------


class _Facets:
    """Every facet value of the index as a set and as a bitmap of entry ids, loaded once per
    index generation: counting a value over a set of matches is then one AND and a bit count."""

    def __init__(self, rows):
        ids = defaultdict(list)
        for name, value, entry_id in rows:
            ids[(name, value)].append(entry_id)
        self.sets = {key: set(found) for key, found in ids.items()}
        self.bitmaps = {key: _bitmap(found) for key, found in ids.items()}
        self.names = defaultdict(list)
        for name, value in sorted(ids):
            self.names[name].append(value)

    def with_any(self, name, values):
        """Ids of the entries with at least one of these values for the facet."""
        found = set()
        for value in values:
            found |= self.sets.get((name, value), set())
        return found

    def counts(self, matched, final, filters):
        """{facet: [(value, count)]}. Facets without a filter count the final result; a
        filtered facet counts the matches that pass the *other* filters, so that its other
        values show how many results choosing them too would give (OR within a facet)."""
        final_bits = _bitmap(final)
        bases = {}
        for name in filters:
            base = set(matched)
            for other, passing in filters.items():
                if other != name:
                    base &= passing
            bases[name] = _bitmap(base)
        facets = {}
        for name, values in self.names.items():
            base = bases.get(name, final_bits)
            if not base:
                continue
            options = []
            for value in values:
                count = (base & self.bitmaps[(name, value)]).bit_count()
                if count:
                    options.append((value, count))
            if not options:
                continue
            if name in FACET_ORDER_BY_VALUE:
                options.sort(key=lambda option: option[0], reverse=True)
            else:
                options.sort(key=lambda option: (-option[1], option[0]))
            facets[name] = options
        return facets


def _bitmap(ids):
    """A set of non-negative ids as an int with those bits set."""
    if not ids:
        return 0
    bits = bytearray(max(ids) // 8 + 1)
    for number in ids:
        bits[number >> 3] |= 1 << (number & 7)
    return int.from_bytes(bits, "little")


def _clean_filters(filters):
    cleaned = {}
    for name, values in (filters or {}).items():
        if isinstance(values, str | int):
            values = [values]
        values = sorted({str(value)[:255] for value in values or () if str(value)})
        if values:
            cleaned[str(name)[:40]] = values
    return cleaned


# --- ordering, pages and snippets -----------------------------------------------------------


def _whole(value, default, lowest, highest):
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        number = default
    return min(max(number, lowest), highest)


def _empty(words):
    return SearchResult(
        total=0,
        hits=[],
        facets={},
        page=1,
        num_pages=1,
        has_next=False,
        has_previous=False,
        terms=words,
    )


def _snippet(entry, matcher):
    """About SNIPPET_WORDS words of the entry's text around the first match, HTML-escaped, with
    the matching words in <mark>. Empty when the text does not contain a match."""
    for text in (entry.body, entry.summary):
        if text:
            snippet = _excerpt(text[:SNIPPET_SCAN_CHARS], matcher)
            if snippet:
                return snippet
    return SafeString("")


class _Matcher:
    """Does a (folded) token or an (unfolded) word match the query? Cached per query."""

    def __init__(self, match_terms):
        self.match_terms = match_terms
        self.tokens = {}
        self.words = {}
        self.seen = set()
        self.matching = set()

    def token(self, token):
        found = self.tokens.get(token)
        if found is None:
            found = self.tokens[token] = term_for(token) in self.match_terms
        return found

    def matching_tokens(self, tokens):
        """The tokens among these (a set) that match, with set operations for known ones."""
        for token in tokens - self.seen:
            self.seen.add(token)
            if self.token(token):
                self.matching.add(token)
        return tokens & self.matching

    def word(self, word):
        found = self.words.get(word)
        if found is None:
            if word.isascii():
                # An ASCII word of the text (letters and digits only) is one token: its
                # lowercase, which is all that fold() and tokenize() would make of it.
                found = self.token(word.lower())
            else:
                found = any(self.token(t) for t in tokenize(word))
            self.words[word] = found
        return found


def _excerpt(text, matcher):
    match = _first_match(text, matcher)
    if match is None:
        return None
    # Up to SNIPPET_BEFORE words before the match (looked for in the text just before it).
    lookback = max(0, match.start() - 40 * SNIPPET_BEFORE)
    before = list(raw_words(text, lookback, match.start()))
    if lookback and len(before) <= SNIPPET_BEFORE:
        before = before[1:]  # may have been cut in half
    before = before[-SNIPPET_BEFORE:]
    after = list(islice(raw_words(text, match.start()), SNIPPET_WORDS - len(before)))
    window = before + after
    # The text between marks is squashed and escaped, the marked words escaped (what
    # format_html and conditional_escape would do, without their per-call overhead).
    parts = []
    begin = window[0].start()
    if text[:begin].strip():
        parts.append("… ")
    position = begin
    for word in window:
        if matcher.word(word.group()):
            parts.append(escape(_squash(text[position : word.start()])))
            parts.append(f"<mark>{escape(word.group())}</mark>")
            position = word.end()
    end = window[-1].end()
    parts.append(escape(_squash(text[position:end])))
    if text[end:].strip():
        parts.append(" …")
    return SafeString("".join(parts))


def _first_match(text, matcher):
    """The first word of the text that matches, scanning the text a piece at a time (folded and
    split at C speed, each distinct word checked once), so a long text costs little."""
    position = 0
    while position < len(text):
        end = text.find(" ", position + SNIPPET_CHUNK)
        end = len(text) if end < 0 else end
        tokens = tokenize(text[position:end])
        matching = matcher.matching_tokens(set(tokens))
        if matching:
            number = min(tokens.index(token) for token in matching)
            # The same word in the unfolded text: normally the number-th word there too.
            words = list(islice(raw_words(text, position, end), number, number + 1))
            if words and matcher.word(words[0].group()):
                return words[0]
            return next(
                (w for w in raw_words(text, position, end) if matcher.word(w.group())), None
            )
        position = end
    return None


def _squash(part):
    """Collapse runs of whitespace (line breaks of the extracted text) to one space."""
    if isinstance(part, SafeString) or not part:
        return part
    core = " ".join(part.split())
    if not core:
        return " "
    lead = " " if part[0].isspace() else ""
    trail = " " if part[-1].isspace() else ""
    return f"{lead}{core}{trail}"
