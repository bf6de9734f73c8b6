"""Our own full-text index in ordinary tables, so that search behaves the same on SQLite and on
PostgreSQL: entries, a vocabulary of stems, postings (term × entry, with positions) and facets.

Access is not stored here: callers pass a SearchEntry queryset that is already filtered for the
user (by collection for documents, by page path for pages), and every result comes from it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable thing: a document, a page or a news item."""

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveIntegerField(_("object ID"))
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    url = models.CharField(_("URL"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    # Documents: access by Wagtail collection.
    collection_id = models.IntegerField(_("collection ID"), null=True, blank=True, db_index=True)
    # Pages: the treebeard path, access by restricted subtrees.
    page_path = models.CharField(_("page path"), max_length=255, blank=True, db_index=True)
    # Number of index terms (title, summary and body, without stopwords): BM25's entry length.
    length = models.PositiveIntegerField(_("length"), default=0)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)
    # The folded words of the title between spaces (" mensenhandel in de zorg "), for suggestions.
    title_words = models.TextField(blank=True, editable=False)
    # Cleaned text for snippets. Declared last on purpose: SQLite stores columns in this order,
    # and short columns before a long text keep scans of the other columns cheap.
    body = models.TextField(_("body"), blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_object"),
        ]

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """The vocabulary: every stem that occurs in the index. Terms are never deleted, so the
    vocabulary only grows (a term without postings simply matches nothing)."""

    term = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.term


class SearchPosting(models.Model):
    """A term in an entry: how often (in the whole entry and in its title), where, its
    field-weighted frequency (`weight`, BM25F's pseudo-frequency, search.ranking) and the
    entry's length, so that scoring reads nothing but the covering index `search_posting_score`.

    The foreign keys have no database constraint: this table is a derived index that only
    search.indexing writes (deleting through the ORM still cascades), and a constraint check on
    millions of rows would slow a full reindex down considerably.
    """

    term = models.ForeignKey(
        SearchTerm, on_delete=models.CASCADE, db_index=False, db_constraint=False, related_name="+"
    )
    entry = models.ForeignKey(
        SearchEntry,
        on_delete=models.CASCADE,
        db_index=False,
        db_constraint=False,
        related_name="postings",
    )
    tf = models.PositiveIntegerField()
    title_tf = models.PositiveSmallIntegerField(default=0)
    weight = models.FloatField(default=0)
    # The entry's length (SearchEntry.length), for BM25's length normalisation without a join.
    # Defaults in the database too, so that the previous version can still write postings.
    length = models.PositiveIntegerField(default=0, db_default=0)
    # Token positions, comma-separated ("3,17,120"): for phrases.
    positions = models.TextField()
    # The two terms that follow each occurrence, with distances (",17:1/230:2,"): for phrases.
    follows = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("search posting")
        verbose_name_plural = _("search postings")
        constraints = [
            models.UniqueConstraint(fields=["entry", "term"], name="search_posting_entry_term"),
        ]
        indexes = [
            models.Index(fields=["term", "entry", "weight", "length"], name="search_posting_score"),
        ]

    def __str__(self):
        return f"{self.term_id} in {self.entry_id}"


class SearchFacet(models.Model):
    """One facet value of an entry: ("type", "report"), ("organisation", "CoMensha"), …"""

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, db_index=False, related_name="facets"
    )
    name = models.CharField(max_length=40)
    value = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("search facet")
        verbose_name_plural = _("search facets")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "value", "entry"], name="search_facet_name_value_entry"
            ),
        ]
        # Counting facets over a set of entries reads only this index.
        indexes = [models.Index(fields=["entry", "name", "value"], name="search_facet_entry")]

    def __str__(self):
        return f"{self.name}: {self.value}"


class SearchIndexState(models.Model):
    """A single row that tells query processes when their caches are out of date.

    `generation` changes with every change to the index (statistics for ranking);
    `vocabulary` changes only when new terms were added (the in-process vocabulary). Both are
    random tokens written in the indexing transaction, so a rolled-back change never leaves a
    cache that looks current. `entry_count` and `total_length` are the corpus statistics of
    BM25 (the average entry length), kept up to date in the same transactions."""

    generation = models.CharField(max_length=32)
    vocabulary = models.CharField(max_length=32)
    entry_count = models.BigIntegerField(default=0, db_default=0)
    total_length = models.BigIntegerField(default=0, db_default=0)

    class Meta:
        verbose_name = _("search index state")
        verbose_name_plural = _("search index states")

    def __str__(self):
        return self.generation
