import datetime

from django.core.management.base import BaseCommand, CommandError

from regions.loading import (
    SHIPPED_LIST,
    SHIPPED_REFERENCE_DATE,
    MunicipalityListError,
    load_municipalities,
)


class Command(BaseCommand):
    help = (
        "Load a CBS municipality list (CSV). Municipalities missing from the list are kept "
        "with an end date, so older records still point at them."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(SHIPPED_LIST), help="CSV file")
        parser.add_argument(
            "--reference-date",
            default=None,
            help="the date the list is valid from, YYYY-MM-DD (CBS: 1 January of its year)",
        )

    def handle(self, *args, path, reference_date, **options):
        if reference_date is None:
            if path != str(SHIPPED_LIST):
                raise CommandError("--reference-date is required for a list other than ours")
            reference_date = SHIPPED_REFERENCE_DATE
        try:
            date = datetime.date.fromisoformat(reference_date)
        except ValueError:
            raise CommandError("--reference-date must be YYYY-MM-DD") from None
        try:
            result = load_municipalities(path, date)
        except FileNotFoundError:
            raise CommandError(f"no such file: {path}") from None
        except MunicipalityListError as error:
            raise CommandError("the list was not loaded:\n" + str(error)) from None
        self.stdout.write(
            f"{len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.ended)} no longer listed (reference date {date})"
        )
