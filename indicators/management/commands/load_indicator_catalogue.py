from django.core.management.base import BaseCommand

from indicators import seed
from indicators.actions import load_seed


class Command(BaseCommand):
    help = (
        "Add the shipped indicators, premises types, sectors and contact points that are missing."
    )

    def handle(self, *args, **options):
        created = load_seed(seed)
        self.stdout.write(f"{created} indicators added.")
