import io
import tempfile

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection, CollectionViewRestriction

from content import demo
from content.extraction import extract
from content.indexing import index_document, reindex_all
from content.models import (
    DocumentLibraryPage,
    ExtractionStatus,
    HomePage,
    KnowledgeDocument,
    LinksPage,
    NewsIndexPage,
    NewsPage,
    Publisher,
    ThemePage,
)
from content.pdfgen import make_pdf
from indicators.exploitation import join_codes

PROFESSIONALS = "Alleen voor professionals"
PARTNERS = "Ketenpartners mensenhandel"
PARTNER_GROUP = "Ketenpartners mensenhandel"
# Demo users in the partner group (the police, the labour inspectorate, the reporting point).
PARTNER_GROUP_MEMBERS = [
    "rechercheur@politie.demo.test",
    "inspecteur@nla.demo.test",
    "meldpunt@vtu.demo.test",
]


class Command(BaseCommand):
    help = "Load the demo knowledge base: pages, news, links and documents with PDFs. Idempotent."

    def handle(self, *args, **options):
        if not settings.SIGNAAL_DEMO:
            raise CommandError("Demo content is only loaded with SIGNAAL_DEMO=true.")
        with transaction.atomic():
            home = HomePage.objects.get()
            collections = self.collections()
            self.pages(home)
            created = self.documents(collections)
        reindex_all()
        self.stdout.write(
            f"Knowledge base: {KnowledgeDocument.objects.count()} documents "
            f"({created} new), {NewsPage.objects.count()} news items."
        )

    def collections(self):
        from accounts.models import User

        root = Collection.get_first_root_node()
        found = {c.name: c for c in root.get_children()}
        professionals = found.get(PROFESSIONALS) or root.add_child(name=PROFESSIONALS)
        partners = found.get(PARTNERS) or root.add_child(name=PARTNERS)
        group, _ = Group.objects.get_or_create(name=PARTNER_GROUP)
        if not CollectionViewRestriction.objects.filter(collection=professionals).exists():
            CollectionViewRestriction.objects.create(
                collection=professionals, restriction_type=CollectionViewRestriction.LOGIN
            )
        if not CollectionViewRestriction.objects.filter(collection=partners).exists():
            restriction = CollectionViewRestriction.objects.create(
                collection=partners, restriction_type=CollectionViewRestriction.GROUPS
            )
            restriction.groups.add(group)
        for user in User.objects.filter(email__in=PARTNER_GROUP_MEMBERS):
            user.groups.add(group)
        return {"public": root, "login": professionals, "partners": partners}

    def pages(self, home):
        if not ThemePage.objects.exists():
            body = []
            for heading, text in demo.THEME_SECTIONS:
                body.append(("heading", heading))
                body.append(("paragraph", f"<p>{text}</p>"))
            home.add_child(
                instance=ThemePage(
                    title="Mensenhandel", slug="mensenhandel", intro=demo.THEME_INTRO, body=body
                )
            )
        if not DocumentLibraryPage.objects.exists():
            home.add_child(
                instance=DocumentLibraryPage(
                    title="Kennisbank",
                    slug="kennisbank",
                    intro="Rapporten, factsheets, handboeken, infographics en nieuwsbrieven over "
                    "mensenhandel voor professionals in de regio.",
                )
            )
        news_index = NewsIndexPage.objects.first()
        if news_index is None:
            news_index = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
        for item in demo.NEWS:
            if NewsPage.objects.filter(title=item["title"]).exists():
                continue
            news_index.add_child(
                instance=NewsPage(
                    title=item["title"],
                    slug=slugify(item["title"])[:80],
                    date=item["date"],
                    category=item["category"],
                    intro=item["intro"],
                    body=[("paragraph", f"<p>{item['body']}</p>")],
                )
            )
        if not LinksPage.objects.exists():
            home.add_child(
                instance=LinksPage(
                    title="Links",
                    slug="links",
                    intro="Websites met meer kennis en hulpmiddelen.",
                    links=[
                        ("link", {"title": t, "url": u, "description": d}) for t, u, d in demo.LINKS
                    ],
                )
            )

    def documents(self, collections):
        created = 0
        for number, item in enumerate(demo.DOCUMENTS):
            if KnowledgeDocument.objects.filter(title=item["title"]).exists():
                continue
            buffer = io.BytesIO()
            paragraphs = demo.document_paragraphs(item, number)
            make_pdf(
                buffer,
                title=item["title"],
                paragraphs_by_page=paragraphs,
                columns=2 if number % 5 == 0 else 1,
                author=", ".join(item["publishers"]),
            )
            document = KnowledgeDocument(
                title=item["title"],
                summary=item["summary"],
                document_type=item["type"],
                publication_date=item["date"],
                page_count=item["pages"],
                language=item.get("language", "nl"),
                exploitation_forms=join_codes(item["forms"]),
                collection=collections[item.get("access", "public")],
            )
            filename = slugify(item["title"])[:60] + ".pdf"
            document.file.save(filename, ContentFile(buffer.getvalue()), save=False)
            document.file_size = len(buffer.getvalue())
            document.save()
            document.publishers.set(
                [Publisher.objects.get_or_create(name=name)[0] for name in item["publishers"]]
            )
            # From a local copy: with SIGNAAL_STORAGE=s3 the stored file has no path.
            with tempfile.NamedTemporaryFile(suffix=".pdf") as copy:
                copy.write(buffer.getvalue())
                copy.flush()
                result = extract(copy.name, "pdf")
            document.text = result.text
            document.extraction_status = result.status or ExtractionStatus.DONE
            if not document.page_count:
                document.page_count = result.page_count
            document.save()
            index_document(document)
            created += 1
        return created
