"""Writing the index: one entry at a time (index_entry, remove_entry) or many at once
(bulk_index, for a full reindex and the benchmark).

Every change runs in one transaction and first moves the index generation in SearchIndexState;
that locks the state row, so concurrent indexers queue up there instead of deadlocking on each
other's new terms, and query processes know that their cached statistics are out of date.
"""

import re
import uuid
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, F, Sum
from django.utils import timezone

from .analysis import analyze_counted, tokenize
from .models import SearchEntry, SearchFacet, SearchIndexState, SearchPosting, SearchTerm
from .ranking import FIELD_WEIGHTS

# Positions between title, summary and body, so that a phrase never spans two fields.
FIELD_GAP = 50
# How far apart two terms may be and still be recorded as following each other: a phrase's
# consecutive words are at most this far apart (stopwords in between count).
FOLLOW_GAP = 5
# SQLite's (and Django's) limit on parameters per statement is 999.
LOOKUP_CHUNK = 500
BULK_CHUNK = 250
# Where a sentence or line ends: the unit in which repeated text is recognised.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s*\n\s*")
_DIGITS = re.compile(r"\d+")

ENTRY_FIELDS = ("title", "summary", "body", "url", "date", "collection_id", "page_path")


def index_entry(
    kind,
    object_id,
    *,
    title,
    summary="",
    body="",
    url,
    date=None,
    collection_id=None,
    page_path="",
    facets=None,
):
    """Add or replace one entry with its postings and facets. Returns the SearchEntry."""
    data = _clean(
        {
            "kind": kind,
            "object_id": object_id,
            "title": title,
            "summary": summary,
            "body": body,
            "url": url,
            "date": date,
            "collection_id": collection_id,
            "page_path": page_path,
            "facets": facets,
        }
    )
    postings, length = _analyse(data)  # before the transaction: it holds the index lock
    with transaction.atomic():
        state = _IndexState()
        old_length = (
            SearchEntry.objects.filter(kind=data["kind"], object_id=data["object_id"])
            .values_list("length", flat=True)
            .first()
        )
        entry, created = SearchEntry.objects.update_or_create(
            kind=data["kind"],
            object_id=data["object_id"],
            defaults={**_entry_values(data), "length": length},
        )
        if not created:
            _delete_rows([entry.pk])
        state.count(entries=1 if created else 0, length=length - (old_length or 0))
        term_ids = _term_ids(set(postings), state)
        _insert_postings([(entry.pk, postings, length)], term_ids)
        _insert_facets([(entry.pk, data["facets"])])
    return entry


def remove_entry(kind, object_id):
    """Remove an entry (if it is indexed) with its postings and facets."""
    with transaction.atomic():
        rows = list(
            SearchEntry.objects.filter(kind=str(kind), object_id=object_id).values_list(
                "pk", "length"
            )
        )
        if not rows:
            return
        ids = [pk for pk, _length in rows]
        _IndexState().count(entries=-len(rows), length=-sum(length for _pk, length in rows))
        _delete_rows(ids)
        SearchEntry.objects.filter(pk__in=ids).delete()


def bulk_index(entries):
    """Add or replace many entries (an iterable of dicts with index_entry's keyword arguments plus
    "kind" and "object_id") in one transaction. Returns the number of entries indexed."""
    count = 0
    with transaction.atomic():
        state = _IndexState()
        known_terms = {}
        batch = []
        for data in entries:
            batch.append(_clean(data))
            if len(batch) >= BULK_CHUNK:
                count += _bulk_batch(batch, state, known_terms)
                batch = []
        if batch:
            count += _bulk_batch(batch, state, known_terms)
        state.recount()
    return count


def recount_statistics():
    """Recompute the corpus statistics (entries, total length) from the entries."""
    with transaction.atomic():
        _IndexState().recount()


# --- internals ------------------------------------------------------------------------------


class _IndexState:
    """Moves the index generation (and, when terms are added, the vocabulary token)."""

    def __init__(self):
        self.vocabulary_changed = False
        if self._write(generation=uuid.uuid4().hex):
            self.recount()

    def count(self, *, entries, length):
        """Add to the corpus statistics (the state row is locked by this transaction)."""
        if entries or length:
            SearchIndexState.objects.filter(pk=1).update(
                entry_count=F("entry_count") + entries, total_length=F("total_length") + length
            )

    def recount(self):
        totals = SearchEntry.objects.aggregate(entries=Count("pk"), length=Sum("length"))
        SearchIndexState.objects.filter(pk=1).update(
            entry_count=totals["entries"] or 0, total_length=totals["length"] or 0
        )

    def vocabulary_grew(self):
        if not self.vocabulary_changed:
            self.vocabulary_changed = True
            self._write(vocabulary=uuid.uuid4().hex)

    @staticmethod
    def _write(**values):
        """Update the state row; True when it had to be created first."""
        if SearchIndexState.objects.filter(pk=1).update(**values):
            return False
        token = uuid.uuid4().hex
        SearchIndexState.objects.bulk_create(
            [SearchIndexState(pk=1, generation=token, vocabulary=token)],
            ignore_conflicts=True,
        )
        SearchIndexState.objects.filter(pk=1).update(**values)
        return True


def _text(value, limit=None):
    text = "" if value is None else str(value)
    # PostgreSQL refuses NUL characters in text.
    text = text.replace("\x00", " ")
    return text[:limit] if limit else text


def _clean(data):
    facets = {}
    for name, values in (data.get("facets") or {}).items():
        if isinstance(values, str | int):
            values = [values]
        cleaned = []
        for value in values or ():
            value = _text(value, 255).strip()
            if value and value not in cleaned:
                cleaned.append(value)
        if cleaned:
            facets[_text(name, 40)] = cleaned
    kind = _text(data["kind"], 20)
    facets.setdefault("kind", [kind])
    return {
        "kind": kind,
        "object_id": int(data["object_id"]),
        "title": _text(data.get("title"), 255),
        "summary": _text(data.get("summary")),
        "body": _text(data.get("body")),
        "url": _text(data.get("url"), 500),
        "date": data.get("date"),
        "collection_id": data.get("collection_id"),
        "page_path": _text(data.get("page_path"), 255),
        "facets": facets,
    }


def _entry_values(data):
    values = {name: data[name] for name in ENTRY_FIELDS}
    values["title_words"] = f" {' '.join(tokenize(data['title']))} "
    return values


def _analyse(data):
    """{term: (positions, tf, title_tf, weighted tf, follows)} over title, summary and body,
    and the entry's length. Every occurrence has a position (phrases, snippets), but a sentence
    that already occurred in the summary or body counts neither for the frequencies nor for the
    length (see search.ranking). follows: what comes after the term's occurrences
    (see _following)."""
    positions = defaultdict(list)
    tf = defaultdict(int)
    title_tf = defaultdict(int)
    weighted = defaultdict(float)
    follows = defaultdict(set)
    seen = set()
    start = 0
    length = 0
    for field in ("title", "summary", "body"):
        field_weight = FIELD_WEIGHTS[field]
        pairs = []
        for sentence in _sentences(data[field]):
            sentence_pairs, end = analyze_counted(sentence, start)
            start = end
            pairs += sentence_pairs
            if not sentence_pairs:
                continue
            if field != "title":
                key = _DIGITS.sub("#", " ".join(term for _position, term in sentence_pairs))
                if key in seen:
                    for position, term in sentence_pairs:
                        positions[term].append(position)
                    continue
                seen.add(key)
            for position, term in sentence_pairs:
                positions[term].append(position)
                tf[term] += 1
                weighted[term] += field_weight
                if field == "title":
                    title_tf[term] += 1
            length += len(sentence_pairs)
        for number, (_position, term) in enumerate(pairs):
            following = _following(pairs, number)
            if following:
                follows[term].add(following)
        start += FIELD_GAP
    return {
        term: (found, tf[term], title_tf[term], weighted[term], follows.get(term, ()))
        for term, found in positions.items()
    }, length


def _sentences(text):
    """The text in sentences and lines (their token positions stay those of the whole text:
    a word never spans a split)."""
    if not text:
        return []
    return _SENTENCE_END.split(text)


def _following(pairs, number):
    """(next term, distance, term after that, distance) after the term at pairs[number], the
    last two None when there is no third term close enough; None without a next term."""
    if number + 1 >= len(pairs):
        return None
    position = pairs[number][0]
    next_position, next_term = pairs[number + 1]
    if next_position - position > FOLLOW_GAP:
        return None
    if number + 2 < len(pairs) and pairs[number + 2][0] - next_position <= FOLLOW_GAP:
        third_position, third_term = pairs[number + 2]
        return next_term, next_position - position, third_term, third_position - next_position
    return next_term, next_position - position, None, None


def _term_ids(terms, state, known=None):
    """{term: id} for `terms`, adding the ones the vocabulary does not have yet."""
    known = {} if known is None else known
    wanted = [term for term in terms if term not in known]
    found = _lookup_terms(wanted)
    missing = [term for term in wanted if term not in found]
    if missing:
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term) for term in missing], ignore_conflicts=True, batch_size=500
        )
        found.update(_lookup_terms(missing))
        state.vocabulary_grew()
    known.update(found)
    return known


def _lookup_terms(terms):
    found = {}
    for start in range(0, len(terms), LOOKUP_CHUNK):
        chunk = terms[start : start + LOOKUP_CHUNK]
        found.update(SearchTerm.objects.filter(term__in=chunk).values_list("term", "id"))
    return found


def _delete_rows(entry_ids):
    """Delete the postings and facets of these entries."""
    for start in range(0, len(entry_ids), LOOKUP_CHUNK):
        chunk = entry_ids[start : start + LOOKUP_CHUNK]
        # Neither model has relations or signals, so these are single fast DELETE statements.
        SearchPosting.objects.filter(entry_id__in=chunk).delete()
        SearchFacet.objects.filter(entry_id__in=chunk).delete()


POSTING_COLUMNS = (
    "term_id",
    "entry_id",
    "tf",
    "title_tf",
    "weight",
    "length",
    "positions",
    "follows",
)


def _insert_postings(analysed, term_ids):
    """analysed: [(entry_id, {term: (positions, tf, title_tf, weighted tf, follows)}, length)].
    Rows go in sorted by term, so that a full reindex leaves each term's postings close together
    on disk."""
    rows = [
        (
            term_ids[term],
            entry_id,
            tf,
            min(title_tf, 32767),
            round(weighted, 6),
            length,
            ",".join(map(str, found)),
            _follows_text(follows, term_ids),
        )
        for entry_id, postings, length in analysed
        for term, (found, tf, title_tf, weighted, follows) in postings.items()
    ]
    rows.sort()
    _insert_rows(SearchPosting._meta.db_table, POSTING_COLUMNS, rows)


def _follows_text(follows, term_ids):
    """What follows the term's occurrences: ",17:1/230:2,17:1/," is term 17 one position after
    it and term 230 two positions after that, and once term 17 with nothing close after it.
    search.query finds phrases of two and three words with one substring test on this."""
    if not follows:
        return ""
    parts = {
        f"{term_ids[second]}:{gap}/" + (f"{term_ids[third]}:{gap2}" if third else "")
        for second, gap, third, gap2 in follows
    }
    return f",{','.join(sorted(parts))},"


def _insert_facets(facets):
    rows = [
        (entry_id, name, value)
        for entry_id, by_name in facets
        for name, values in by_name.items()
        for value in values
    ]
    _insert_rows(SearchFacet._meta.db_table, ("entry_id", "name", "value"), rows)


def _insert_rows(table, columns, rows):
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is many times faster than INSERT for the millions of rows of a reindex.
            with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                rows,
            )


def _bulk_batch(batch, state, known_terms):
    # One entry per (kind, object_id): the last one wins.
    unique = {}
    for data in batch:
        unique[(data["kind"], data["object_id"])] = data
    batch = list(unique.values())
    analysed = [_analyse(data) for data in batch]

    existing = {}
    by_kind = defaultdict(list)
    for data in batch:
        by_kind[data["kind"]].append(data["object_id"])
    for kind, object_ids in by_kind.items():
        for entry in SearchEntry.objects.filter(kind=kind, object_id__in=object_ids):
            existing[(kind, entry.object_id)] = entry

    new_entries, changed = [], []
    now = timezone.now()
    for data, (_postings, length) in zip(batch, analysed, strict=True):
        values = {**_entry_values(data), "length": length}
        entry = existing.get((data["kind"], data["object_id"]))
        if entry is None:
            new_entries.append(
                SearchEntry(kind=data["kind"], object_id=data["object_id"], **values)
            )
        else:
            for name, value in values.items():
                setattr(entry, name, value)
            entry.indexed_at = now
            changed.append(entry)
    if changed:
        _delete_rows([entry.pk for entry in changed])
        SearchEntry.objects.bulk_update(
            changed, [*ENTRY_FIELDS, "title_words", "length", "indexed_at"], batch_size=50
        )
    if new_entries:
        SearchEntry.objects.bulk_create(new_entries, batch_size=100)
    ids = {(entry.kind, entry.object_id): entry.pk for entry in [*new_entries, *changed]}

    terms = {term for postings, _length in analysed for term in postings}
    term_ids = _term_ids(terms, state, known_terms)
    _insert_postings(
        [
            (ids[(data["kind"], data["object_id"])], postings, length)
            for data, (postings, length) in zip(batch, analysed, strict=True)
        ],
        term_ids,
    )
    _insert_facets([(ids[(data["kind"], data["object_id"])], data["facets"]) for data in batch])
    return len(batch)
