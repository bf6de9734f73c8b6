"""The search index against a small hand-made corpus of Dutch texts, with the expected results
kept here. Runs the same on SQLite and PostgreSQL."""

import datetime

import pytest

from search.analysis import analyze, fold, parse_query, tokenize
from search.indexing import bulk_index, index_entry, remove_entry
from search.models import SearchEntry, SearchFacet, SearchPosting, SearchTerm
from search.query import search, suggest

RESTRICTED_COLLECTION = 99

CORPUS = [
    {
        "kind": "document",
        "object_id": 1,
        "title": "Jaarrapport mensenhandel 2023",
        "summary": "Cijfers over registraties van mogelijke slachtoffers.",
        "body": (
            "In 2023 werden 1.100 mogelijke slachtoffers van mensenhandel geregistreerd. "
            "Seksuele uitbuiting blijft de meest gemelde vorm, gevolgd door arbeidsuitbuiting."
        ),
        "date": datetime.date(2023, 6, 1),
        "collection_id": 1,
        "facets": {
            "type": ["report"],
            "organisation": ["CoMensha"],
            "year": ["2023"],
            "form": ["sexual", "labour"],
        },
    },
    {
        "kind": "document",
        "object_id": 2,
        "title": "Arbeidsuitbuiting in de distributiesector",
        "body": (
            "Arbeidsuitbuiting komt voor in distributiecentra. Arbeidsmigranten wonen vaak "
            "geïsoleerd en hebben financiële schulden bij hun werkgever."
        ),
        "date": datetime.date(2022, 3, 15),
        "collection_id": 1,
        "facets": {
            "type": ["factsheet"],
            "organisation": ["Nederlandse Arbeidsinspectie"],
            "year": ["2022"],
            "form": ["labour"],
        },
    },
    {
        "kind": "document",
        "object_id": 3,
        "title": "Handreiking loverboys voor professionals",
        "body": (
            "Een loverboy maakt een meisje emotioneel afhankelijk en dwingt haar tot "
            "prostitutie. Het slachtoffer herkent de uitbuiting vaak niet."
        ),
        "date": datetime.date(2021, 9, 1),
        "collection_id": 1,
        "facets": {
            "type": ["handbook"],
            "organisation": ["CoMensha", "VNG"],
            "year": ["2021"],
            "form": ["sexual"],
        },
    },
    {
        "kind": "document",
        "object_id": 4,
        "title": "Vertrouwelijk: signalen van criminele uitbuiting",
        "body": (
            "Minderjarigen worden ingezet als drugskoerier. Criminele uitbuiting van jongeren "
            "neemt toe; slachtoffers worden bedreigd."
        ),
        "date": datetime.date(2024, 5, 1),
        "collection_id": RESTRICTED_COLLECTION,
        "facets": {
            "type": ["report"],
            "organisation": ["Politie"],
            "year": ["2024"],
            "form": ["criminal"],
        },
    },
    {
        "kind": "page",
        "object_id": 5,
        "title": "Wat is mensenhandel?",
        "body": (
            "Mensenhandel is het werven, vervoeren of huisvesten van mensen met het oogmerk "
            "van uitbuiting. Een slachtoffer kan ook een Nederlander zijn."
        ),
        "page_path": "000100010001",
    },
    {
        "kind": "news",
        "object_id": 6,
        "title": "Nieuwe wet tegen financiële uitbuiting",
        "body": (
            "Het kabinet wil financiele uitbuiting strafbaar stellen. Slachtoffers verliezen "
            "soms al hun spaargeld."
        ),
        "date": datetime.date(2024, 3, 1),
        "page_path": "000100010002",
        "facets": {"year": ["2024"]},
    },
    {
        "kind": "document",
        "object_id": 7,
        "title": "Wapenhandel en drugshandel",
        "body": "De illegale handel in wapens hangt soms samen met mensenhandel.",
        "date": datetime.date(2020, 1, 10),
        "collection_id": 1,
        "facets": {
            "type": ["report"],
            "organisation": ["Nationaal Rapporteur"],
            "year": ["2020"],
            "form": ["other"],
        },
    },
    {
        "kind": "document",
        "object_id": 8,
        "title": "Steun na <uitbuiting> & meer",
        "body": "Een <b>vette</b> uitspraak & meer: slachtofferhulp biedt steun aan iedereen.",
        "date": datetime.date(2019, 11, 1),
        "collection_id": 1,
        "facets": {
            "type": ["flyer"],
            "organisation": ["Slachtofferhulp Nederland"],
            "year": ["2019"],
        },
    },
    {
        "kind": "document",
        "object_id": 9,
        "title": "Voorlichting op scholen",
        "body": (
            "Seksuele voorlichting ontbrak op veel scholen. Over uitbuiting werd nauwelijks "
            "gesproken."
        ),
        "date": datetime.date(2018, 4, 1),
        "collection_id": 1,
        "facets": {"type": ["report"], "organisation": ["VNG"], "year": ["2018"]},
    },
    {
        "kind": "document",
        "object_id": 10,
        "title": "Jaarverslag samenwerking",
        "body": "Dit verslag beschrijft de samenwerking in de regio.",
        "date": None,
        "collection_id": 1,
        "facets": {"type": ["report"], "organisation": ["RIEC"]},
    },
]


def index_corpus():
    return {
        data["object_id"]: index_entry(
            data["kind"],
            data["object_id"],
            **{k: v for k, v in data.items() if k not in {"kind", "object_id"}},
            url=f"/item/{data['object_id']}/",
        )
        for data in CORPUS
    }


@pytest.fixture
def corpus(db):
    return index_corpus()


@pytest.fixture
def visible(corpus):
    """What a user without access to the restricted collection may see."""
    return SearchEntry.objects.exclude(collection_id__in=[RESTRICTED_COLLECTION])


def ids(result):
    return [hit.entry.object_id for hit in result.hits]


def found(entries, query, **kwargs):
    return set(ids(search(entries, query, per_page=100, **kwargs)))


# --- analysis -------------------------------------------------------------------------------


def test_fold_and_tokenize():
    assert fold("Financiële GEÏSOLEERD") == "financiele geisoleerd"
    assert tokenize("Arbeids- en seksuele uitbuiting (2023)!") == [
        "arbeids",
        "en",
        "seksuele",
        "uitbuiting",
        "2023",
    ]
    assert tokenize("😀 \u200f*%_\\") == []


def test_analyze_drops_stopwords_but_keeps_positions():
    assert analyze("Slachtoffers van mensenhandel worden uitgebuit") == [
        (0, "slachtoffer"),
        (2, "mensenhandel"),
        (4, "uitbuit"),
    ]
    assert analyze("financiële") == analyze("financiele")


def test_parse_query():
    parsed = parse_query('"seksuele uitbuiting" slachtoffers "onbalans')
    assert parsed.phrases == [[(0, "seksuel"), (1, "uitbuit")]]
    assert parsed.terms == ["slachtoffer", "onbalan"]
    assert not parse_query("de het een en van")
    assert not parse_query('""')


# --- matching -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # inflections
        ("slachtoffer", {1, 3, 5, 6, 8}),  # 8: slachtofferhulp
        ("slachtoffers", {1, 3, 5, 6, 8}),
        ("uitgebuit", {1, 3, 5, 6, 8, 9, 2}),
        # compounds: the head finds the compound, a long stem finds compounds starting with it
        ("arbeidsuitbuiting", {1, 2}),
        ("handel", {1, 5, 7}),
        # accents
        ("financiele", {2, 6}),
        ("FINANCIËLE", {2, 6}),
        ("geisoleerd", {2}),
        # two words: both must occur
        ("loverboy prostitutie", {3}),
        ("mensenhandel 2023", {1}),
        ("mensenhandel onbekendwoord", set()),
        # phrases
        ('"seksuele uitbuiting"', {1}),
        ('"slachtoffers van mensenhandel"', {1}),
        ('"mensenhandel slachtoffers"', set()),
        ('"uitbuiting seksuele"', set()),
        ('"slachtoffer"', {1, 3, 5, 6}),
        # an unbalanced quote is ignored
        ('"seksuele uitbuiting', {1, 9}),
    ],
)
def test_expected_results(visible, query, expected):
    assert found(visible, query) == expected


def test_compound_head_finds_compound_only_entries(visible):
    # Entry 2 mentions uitbuiting only as "arbeidsuitbuiting".
    assert 2 in found(visible, "uitbuiting")
    assert 8 in found(visible, "slachtoffer hulp")


def test_compound_and_inflection_matches_score_close_to_exact_matches(db):
    texts = {
        1: "Over uitbuiting op het werk.",
        2: "Over arbeidsuitbuiting op het werk.",
        3: "Over de loverboy van toen.",
        4: "Over de loverboys van toen.",
    }
    for number, text in texts.items():
        index_entry("page", number, title="Tekst", body=text, url=f"/{number}/")
    entries = SearchEntry.objects.all()
    for query, exact, variant in (("uitbuiting", 1, 2), ("loverboy", 3, 4)):
        scores = {hit.entry.object_id: hit.score for hit in search(entries, query).hits}
        assert set(scores) == {exact, variant}
        # Same length, same frequency: the variant gets 0.8-0.95 of the exact match's score.
        assert 0.8 < scores[variant] / scores[exact] < 0.95


def test_short_compound_entry_ranks_above_long_exact_mention(db):
    filler = " ".join(f"Zin {word} over iets anders." for word in FILLER_WORDS)
    index_entry(
        "page", 1, title="Jaarverslag", body=f"{filler} Ook uitbuiting kwam voor.", url="/1/"
    )
    index_entry(
        "page",
        2,
        title="Arbeidsuitbuiting",
        body="Arbeidsuitbuiting in de schoonmaak: signalen en melden.",
        url="/2/",
    )
    assert ids(search(SearchEntry.objects.all(), "uitbuiting")) == [2, 1]


FILLER_WORDS = [
    "auto",
    "boom",
    "fiets",
    "huis",
    "kast",
    "lamp",
    "muur",
    "raam",
    "stoel",
    "tafel",
    "trein",
    "vloer",
    "weg",
    "zee",
    "zon",
    "berg",
    "bos",
    "dak",
    "deur",
    "gras",
]


def test_repeated_sentences_count_once(db):
    sentence = "Slachtoffers van uitbuiting kunnen altijd contact opnemen met de zorgcoordinator."
    index_entry("page", 1, title="Folder", body=" ".join([sentence] * 20), url="/1/")
    index_entry("page", 2, title="Folder", body=sentence, url="/2/")
    once, repeated = (SearchEntry.objects.get(object_id=n) for n in (2, 1))
    assert repeated.length == once.length
    posting = SearchPosting.objects.get(entry=repeated, term__term="uitbuit")
    assert (posting.tf, posting.weight) == (1, 1.0)
    assert len(posting.positions.split(",")) == 20  # phrases and snippets still see them all
    scores = [hit.score for hit in search(SearchEntry.objects.all(), "uitbuiting").hits]
    assert scores[0] == pytest.approx(scores[1])
    # Page numbers and running headers differ only in digits: counted once too.
    index_entry(
        "page",
        3,
        title="Rapport",
        body="\n".join(f"Rapport mensenhandel pagina {n}\nTekst {w}." for n, w in enumerate("abc")),
        url="/3/",
    )
    assert SearchPosting.objects.get(entry__object_id=3, term__term="pagina").tf == 1


def test_field_weights(db):
    index_entry("page", 1, title="Loverboys", body="Een tekst.", url="/1/")
    index_entry("page", 2, title="Tekst", summary="Loverboys", body="Een tekst.", url="/2/")
    index_entry("page", 3, title="Tekst", body="Loverboys. Een tekst.", url="/3/")
    weights = dict(
        SearchPosting.objects.filter(term__term="loverboys").values_list(
            "entry__object_id", "weight"
        )
    )
    assert weights == {1: 3.0, 2: 1.5, 3: 1.0}
    assert ids(search(SearchEntry.objects.all(), "loverboys")) == [1, 2, 3]


def test_corpus_statistics_follow_every_change(visible):
    from search.indexing import recount_statistics
    from search.models import SearchIndexState

    def statistics():
        state = SearchIndexState.objects.get()
        return state.entry_count, state.total_length

    def counted():
        entries = SearchEntry.objects.all()
        return entries.count(), sum(entries.values_list("length", flat=True))

    assert statistics() == counted()
    assert counted()[1] > 0
    index_entry("page", 70, title="Nieuw", body="Een nieuwe tekst over signalen.", url="/70/")
    assert statistics() == counted()
    index_entry("page", 70, title="Nieuw", body="Korter.", url="/70/")
    assert statistics() == counted()
    remove_entry("page", 70)
    remove_entry("page", 70)
    assert statistics() == counted()
    bulk_index([{**CORPUS[0], "object_id": 71, "url": "/71/"}])
    assert statistics() == counted()
    from search.models import SearchIndexState as State

    State.objects.update(entry_count=0, total_length=0)
    recount_statistics()
    assert statistics() == counted()


def test_average_length_comes_from_the_corpus(db):
    from search import query

    index_entry("page", 1, title="Kort", body="uitbuiting", url="/1/")
    search(SearchEntry.objects.all(), "uitbuiting")
    first = query._caches[next(iter(query._caches))].average_length
    index_entry("page", 2, title="Lang", body="woord " * 300, url="/2/")
    search(SearchEntry.objects.all(), "uitbuiting")
    cache = query._index_cache(SearchEntry.objects.db)
    assert cache.average_length == pytest.approx((first + 301) / 2)


def test_title_matches_rank_higher(visible):
    order = ids(search(visible, "mensenhandel"))
    assert order[:2] == [1, 5] or order[:2] == [5, 1]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"""',
        '"de"',
        "*",
        "uitbuit*",
        "-mensenhandel",
        "title:mensenhandel",
        "(mensenhandel OR handel)",
        "100%",
        "_",
        "%_%",
        "\\",
        "a\\'b",
        "'; DROP TABLE search_searchentry; --",
        "' OR 1=1 --",
        "😀 uitbuiting 🙂",
        "\u200fמסחר\u200f",
        "\x00uitbuiting",
        "uitbuiting" * 500,
        "mensenhandel " * 500,
        "x" * 5000,
        "",
        "   ",
        None,
    ],
)
def test_odd_input_never_fails(visible, query):
    result = search(visible, query)
    assert result.total == len(result.hits) or result.total > len(result.hits)
    for hit in result.hits:
        assert hit.entry.collection_id != RESTRICTED_COLLECTION
    assert isinstance(suggest(visible, query), list)


def test_odd_input_still_finds_words(visible):
    assert found(visible, "😀 financiële 🙂") == {2, 6}
    assert found(visible, "(handel)") == {1, 5, 7}
    assert found(visible, "\x00slachtoffer") == {1, 3, 5, 6, 8}


@pytest.mark.parametrize("query", ["", "de het een", "van de en", '"de het"'])
def test_empty_or_stopword_queries_find_nothing(visible, query):
    result = search(visible, query)
    assert result.total == 0
    assert result.hits == []
    assert result.num_pages == 1


# --- access ---------------------------------------------------------------------------------


def test_excluded_entries_never_appear(visible):
    everything = SearchEntry.objects.all()
    assert 4 in found(everything, "criminele uitbuiting")
    assert found(visible, "criminele uitbuiting") == set()
    assert found(visible, "drugskoerier") == set()

    result = search(visible, "uitbuiting", per_page=100)
    assert 4 not in ids(result)
    assert result.total == 7
    facets = result.facets
    assert ("criminal", 1) not in facets["form"]
    assert "Politie" not in dict(facets["organisation"])
    assert "2024" in dict(facets["year"])  # the news item is visible
    assert dict(facets["year"])["2024"] == 1
    assert dict(facets["type"])["report"] == 2  # 1 and 9, not 4
    assert sum(count for _value, count in facets["kind"]) == result.total

    assert suggest(visible, "vertrouw") == []
    assert suggest(everything, "vertrouw") == ["Vertrouwelijk: signalen van criminele uitbuiting"]


def test_page_path_restriction(corpus):
    entries = SearchEntry.objects.exclude(page_path__startswith="000100010001")
    assert 5 not in found(entries, "mensenhandel")
    assert 5 in found(SearchEntry.objects.all(), "mensenhandel")


# --- facets ---------------------------------------------------------------------------------


def test_facet_counts_cover_the_whole_match(visible):
    result = search(visible, "uitbuiting", per_page=2)
    assert len(result.hits) == 2
    facets = result.facets
    assert dict(facets["kind"]) == {"document": 5, "page": 1, "news": 1}
    assert dict(facets["organisation"]) == {
        "CoMensha": 2,
        "VNG": 2,
        "Nederlandse Arbeidsinspectie": 1,
        "Slachtofferhulp Nederland": 1,
    }
    assert dict(facets["form"]) == {"sexual": 2, "labour": 2}
    # Years newest first, others by count.
    assert [value for value, _count in facets["year"]] == [
        "2024",
        "2023",
        "2022",
        "2021",
        "2019",
        "2018",
    ]
    assert facets["organisation"][0][1] >= facets["organisation"][-1][1]


def test_filters_and_across_facets_or_within(visible):
    assert found(visible, "uitbuiting", filters={"type": ["report"]}) == {1, 9}
    assert found(visible, "uitbuiting", filters={"type": ["report", "handbook"]}) == {1, 3, 9}
    assert found(visible, "uitbuiting", filters={"organisation": ["CoMensha"]}) == {1, 3}
    assert found(
        visible, "uitbuiting", filters={"organisation": ["CoMensha"], "form": ["labour"]}
    ) == {1}
    assert found(visible, "uitbuiting", filters={"kind": ["news", "page"]}) == {5, 6}
    assert found(visible, "uitbuiting", filters={"type": ["nonsense"]}) == set()
    assert found(visible, "uitbuiting", filters={"type": []}) == found(visible, "uitbuiting")
    assert found(visible, "uitbuiting", filters={"type": "report"}) == {1, 9}


def test_filtered_facet_counts(visible):
    result = search(visible, "uitbuiting", filters={"type": ["report"]})
    assert result.total == 2
    # Other facets count the filtered result...
    assert dict(result.facets["organisation"]) == {"CoMensha": 1, "VNG": 1}
    # ...the filtered facet itself counts as if it were not filtered (OR within the facet).
    assert dict(result.facets["type"]) == {
        "report": 2,
        "factsheet": 1,
        "handbook": 1,
        "flyer": 1,
    }


def test_restricted_entry_does_not_count_in_filtered_facets(visible):
    result = search(visible, "uitbuiting", filters={"form": ["criminal"]})
    assert result.total == 0
    assert result.hits == []
    assert "criminal" not in dict(result.facets.get("form", []))


# --- order and pages ------------------------------------------------------------------------


def test_order_by_date_newest_first(visible):
    result = search(visible, "uitbuiting", order="date", per_page=100)
    assert ids(result) == [6, 1, 2, 3, 8, 9, 5]  # the page without a date comes last
    result = search(visible, "verslag OR samenwerking", order="date")
    assert ids(result) == []


def test_pagination(visible):
    first = search(visible, "uitbuiting", per_page=3)
    assert (first.total, first.page, first.num_pages) == (7, 1, 3)
    assert first.has_next and not first.has_previous
    second = search(visible, "uitbuiting", per_page=3, page=2)
    last = search(visible, "uitbuiting", per_page=3, page=3)
    assert second.has_next and second.has_previous
    assert not last.has_next and len(last.hits) == 1
    everything = ids(first) + ids(second) + ids(last)
    assert sorted(everything) == sorted(found(visible, "uitbuiting"))
    assert ids(search(visible, "uitbuiting", per_page=3, page=99)) == ids(last)
    assert search(visible, "uitbuiting", per_page=3, page="x").page == 1
    assert search(visible, "uitbuiting", per_page=3, page=-5).page == 1


# --- snippets -------------------------------------------------------------------------------


def test_snippets_mark_matches_and_escape_html(visible):
    result = search(visible, "slachtofferhulp")
    hit = result.hits[0]
    assert hit.entry.object_id == 8
    snippet = str(hit.snippet)
    assert "<mark>slachtofferhulp</mark>" in snippet
    assert "&lt;b&gt;vette&lt;/b&gt;" in snippet
    assert "&amp;" in snippet
    assert "<b>" not in snippet
    assert hasattr(hit.snippet, "__html__")


def test_snippet_marks_inflections_compounds_and_accents(visible):
    snippets = {h.entry.object_id: str(h.snippet) for h in search(visible, "uitbuiting").hits}
    assert "<mark>uitbuiting</mark>" in snippets[6]
    assert "<mark>Arbeidsuitbuiting</mark>" in snippets[2]
    snippets = {h.entry.object_id: str(h.snippet) for h in search(visible, "financiele").hits}
    assert "<mark>financiële</mark>" in snippets[2]  # the accented spelling in the text
    assert "<mark>financiele</mark>" in snippets[6]


def test_snippet_is_short_and_around_the_match(db):
    words = [f"woord{n}" for n in range(200)]
    words[120] = "mensenhandel"
    index_entry("page", 50, title="Lang", body=" ".join(words), url="/lang/")
    snippet = str(search(SearchEntry.objects.all(), "mensenhandel").hits[0].snippet)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "woord119" in snippet and "<mark>mensenhandel</mark>" in snippet
    assert "woord100" not in snippet and "woord160" not in snippet
    assert len(snippet.split()) <= 33


def test_entry_without_match_in_text_has_empty_snippet(db):
    index_entry("page", 51, title="Mensenhandel", body="Niets hier.", url="/x/")
    hit = search(SearchEntry.objects.all(), "mensenhandel").hits[0]
    assert str(hit.snippet) == ""


# --- suggestions ----------------------------------------------------------------------------


def test_suggest(visible):
    assert suggest(visible, "arbeids") == ["Arbeidsuitbuiting in de distributiesector"]
    assert suggest(visible, "FINANCIE") == ["Nieuwe wet tegen financiële uitbuiting"]
    assert suggest(visible, "mensen") == ["Jaarrapport mensenhandel 2023", "Wat is mensenhandel?"]
    assert suggest(visible, "wat is mens") == ["Wat is mensenhandel?"]
    assert suggest(visible, "uitbuiting", limit=2) == [
        "Nieuwe wet tegen financiële uitbuiting",
        "Steun na <uitbuiting> & meer",
    ]
    assert suggest(visible, "") == []
    assert suggest(visible, "%") == []
    assert suggest(visible, "_") == []
    assert suggest(visible, "zzzz") == []


def test_suggest_titles_are_distinct(db):
    index_entry("page", 60, title="Mensenhandel", url="/a/")
    index_entry("news", 61, title="Mensenhandel", url="/b/")
    assert suggest(SearchEntry.objects.all(), "mens") == ["Mensenhandel"]


# --- indexing -------------------------------------------------------------------------------


def test_reindexing_replaces(visible):
    assert found(visible, "loverboy") == {3}
    index_entry(
        "document",
        3,
        title="Handreiking voor professionals",
        body="Over jeugdzorg en signalen.",
        url="/item/3/",
        facets={"type": ["toolbox"]},
    )
    assert found(visible, "loverboy") == set()
    assert found(visible, "jeugdzorg") == {3}
    assert SearchEntry.objects.filter(kind="document", object_id=3).count() == 1
    entry = SearchEntry.objects.get(kind="document", object_id=3)
    assert set(SearchFacet.objects.filter(entry=entry).values_list("name", "value")) == {
        ("type", "toolbox"),
        ("kind", "document"),
    }
    assert dict(search(visible, "jeugdzorg").facets["type"]) == {"toolbox": 1}


def test_remove_entry(visible):
    remove_entry("document", 2)
    remove_entry("document", 12345)  # not indexed: nothing happens
    assert 2 not in found(visible, "uitbuiting")
    assert not SearchPosting.objects.filter(entry__object_id=2, entry__kind="document").exists()
    assert not SearchEntry.objects.filter(kind="document", object_id=2).exists()
    assert not SearchFacet.objects.filter(entry__object_id=2).exists()


def test_new_words_are_found_after_indexing(visible):
    # The in-process vocabulary must notice that the vocabulary grew.
    assert found(visible, "zwartwerkers") == set()
    index_entry("page", 70, title="Zwartwerkers", body="Over zwartwerkers.", url="/z/")
    assert found(visible, "zwartwerker") == {70}


def test_bulk_index_matches_index_entry(db):
    count = bulk_index(
        [
            {**data, "url": f"/item/{data['object_id']}/"}
            for data in CORPUS + [{**CORPUS[0], "title": "Dubbel"}]
        ]
    )
    assert count == len(CORPUS)
    entries = SearchEntry.objects.exclude(collection_id__in=[RESTRICTED_COLLECTION])
    assert found(entries, "uitbuiting") == {1, 2, 3, 5, 6, 8, 9}
    assert found(entries, '"seksuele uitbuiting"') == {1}
    assert SearchEntry.objects.get(kind="document", object_id=1).title == "Dubbel"
    # Bulk indexing again replaces instead of adding.
    postings = SearchPosting.objects.count()
    bulk_index([{**data, "url": "/again/"} for data in CORPUS])
    assert SearchPosting.objects.count() <= postings
    assert SearchEntry.objects.count() == len(CORPUS)
    assert SearchTerm.objects.filter(term="uitbuit").count() == 1
    assert set(SearchEntry.objects.values_list("url", flat=True)) == {"/again/"}


def test_long_and_odd_text_is_indexed_safely(db):
    body = "mensenhandel\x00 " + "a" * 5000 + " <script>alert(1)</script> 😀 " * 10
    index_entry("page", 80, title="T" * 400, body=body, url="/" + "u" * 600, facets={"x": "y"})
    entry = SearchEntry.objects.get(kind="page", object_id=80)
    assert len(entry.title) == 255 and len(entry.url) == 500
    assert found(SearchEntry.objects.all(), "mensenhandel") == {80}


# --- phrases in detail ----------------------------------------------------------------------


@pytest.fixture
def phrase_corpus(db):
    texts = {
        1: "De rode auto rijdt door de stad.",
        2: "Een rode auto stond stil. Die auto rijdt niet meer.",  # pairs, but no chain
        3: "Rode auto",  # only in the title below
        4: "Zij zag de auto rijden, rood van kleur.",
    }
    for number, body in texts.items():
        index_entry(
            "page",
            number,
            title="Verkeer" if number != 3 else "Een rode",
            body=body,
            url=f"/{number}/",
        )
    return SearchEntry.objects.all()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"rode auto"', {1, 2, 3}),
        ('"auto rijdt"', {1, 2}),
        ('"rode auto rijdt"', {1}),  # 2 has "rode auto" and "auto rijdt", not the three in a row
        ('"de rode auto rijdt door"', {1}),
        ('"auto rode"', set()),
        ('"een rode auto"', {1, 2, 3}),  # a stopword at the edge constrains nothing
        ('"rijdt door de stad"', {1}),  # stopwords inside keep their place
        ('"rijdt de stad"', set()),
        ('"rode auto rijdt door de stad"', {1}),  # four words: positions checked too
        ('"rode auto rijdt de stad"', set()),
        ('"rode rode"', set()),
    ],
)
def test_phrase_positions(phrase_corpus, query, expected):
    assert found(phrase_corpus, query) == expected


def test_phrase_does_not_span_title_and_text(phrase_corpus):
    # Entry 3: title "Een rode", text "Rode auto": "rode rode" would span the two fields.
    assert found(phrase_corpus, '"een rode rode auto"') == set()


def test_phrase_with_loose_words(phrase_corpus):
    assert found(phrase_corpus, '"rode auto" stad') == {1}
    assert found(phrase_corpus, 'rijdt "rode auto"') == {1, 2}


def test_scores_are_bm25(visible):
    result = search(visible, "uitbuiting", per_page=100)
    assert len(result.hits) == 7
    assert all(0 < hit.score < 100 for hit in result.hits)
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_date_order_sees_new_entries(visible):
    assert ids(search(visible, "uitbuiting", order="date"))[0] == 6
    index_entry("news", 90, title="Uitbuiting", url="/n/", date=datetime.date(2025, 1, 1), body="x")
    assert ids(search(visible, "uitbuiting", order="date"))[0] == 90


def test_vocabulary_survives_a_rolled_back_indexing(visible):
    from django.db import transaction

    class Undo(Exception):
        pass

    assert found(visible, "kwartelkoning") == set()
    with pytest.raises(Undo), transaction.atomic():
        index_entry("page", 95, title="Kwartelkoning", body="Over de kwartelkoning.", url="/k/")
        assert found(visible, "kwartelkoning") == {95}
        raise Undo
    assert found(visible, "kwartelkoning") == set()
    # SQLite gives the rolled-back terms' ids to the next new terms.
    index_entry("page", 96, title="Grutto", body="Over de grutto en de tureluur.", url="/g/")
    assert found(visible, "grutto") == {96}
    assert found(visible, "tureluur") == {96}
    assert found(visible, "kwartelkoning") == set()


@pytest.mark.parametrize(
    "entries",
    [
        lambda: SearchEntry.objects.none(),
        lambda: SearchEntry.objects.filter(pk__in=[]),
        lambda: SearchEntry.objects.filter(kind="nothing"),
    ],
)
def test_an_empty_queryset_finds_nothing(corpus, entries):
    result = search(entries(), "uitbuiting")
    assert (result.total, result.hits, result.facets) == (0, [], {})
    assert suggest(entries(), "uitbuiting") == []


def test_compounds_within_the_postings_budget_rarest_first(db, monkeypatch):
    from search import query

    texts = {
        1: "handel",
        2: "drugshandel",
        3: "wapenhandel",
        4: "wapenhandel",
        5: "mensenhandel",
        6: "mensenhandel",
        7: "mensenhandel",
    }
    for number, text in texts.items():
        index_entry("page", number, title="Tekst", body=text, url=f"/{number}/")
    entries = SearchEntry.objects.all()
    assert found(entries, "handel") == set(texts)
    monkeypatch.setattr(query, "POSTINGS_BUDGET", 0)
    monkeypatch.setattr(query, "MIN_COMPOUND_BUDGET", 3)
    # The word itself always; then drugshandel (1 entry) and wapenhandel (2) fit in 3 postings.
    assert found(entries, "handel") == {1, 2, 3, 4}
    assert ids(search(entries, "handel"))[0] == 1  # the exact match first


def test_a_search_costs_three_queries_once_the_caches_are_warm(visible, django_assert_num_queries):
    search(visible, "slachtoffers uitbuiting", filters={"type": ["report"]})
    # The state row, the scoring statement, the page of entries.
    with django_assert_num_queries(3):
        result = search(visible, "slachtoffers uitbuiting", filters={"type": ["report"]})
    assert result.total > 0
    # After a change to the index: the new vocabulary and statistics, no count of the entries.
    index_entry("page", 80, title="Uitbuiting", body="Slachtoffers van uitbuiting.", url="/80/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        search(visible, "slachtoffers uitbuiting")
    assert not [q["sql"] for q in queries if "COUNT(*), SUM" in q["sql"]]


def test_indexing_one_entry_does_not_recount_the_corpus(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for number in range(1, 12):
        with CaptureQueriesContext(connection) as queries:
            index_entry("page", number, title="Tekst", body=f"Tekst {number}.", url=f"/{number}/")
        counts.append(len(queries))
        recounts = [q["sql"] for q in queries if "SUM(" in q["sql"].upper()]
        # Only the first, which creates the state row, counts what is there.
        assert len(recounts) == (1 if number == 1 else 0)
    assert counts[1] == counts[-1]


def test_inflections_added_later_are_found(db):
    index_entry("page", 1, title="Tekst", body="Over een loverboy.", url="/1/")
    entries = SearchEntry.objects.all()
    assert found(entries, "loverboys") == {1}  # the vocabulary is loaded here
    index_entry("page", 2, title="Tekst", body="Over loverboys en criminele netwerken.", url="/2/")
    index_entry("page", 3, title="Tekst", body="Een crimineel netwerk.", url="/3/")
    # ... and grown here: the new terms are inflections of known and of each other.
    assert found(entries, "loverboy") == {1, 2}
    assert found(entries, "crimineel") == {2, 3}
    assert found(entries, "distributiecentra") == set()
    index_entry("page", 4, title="Het distributiecentrum", body="Werk.", url="/4/")
    assert found(entries, "distributiecentra") == {4}
