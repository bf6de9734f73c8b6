from django.db import models
from django.utils.translation import gettext_lazy as _


class RiecRegion(models.TextChoices):
    NOORD_NEDERLAND = "noord-nederland", "Noord-Nederland"
    OOST_NEDERLAND = "oost-nederland", "Oost-Nederland"
    MIDDEN_NEDERLAND = "midden-nederland", "Midden-Nederland"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    AMSTERDAM_AMSTELLAND = "amsterdam-amstelland", "Amsterdam-Amstelland"
    DEN_HAAG = "den-haag", "Den Haag"
    ROTTERDAM = "rotterdam", "Rotterdam"
    ZEELAND_WEST_BRABANT = "zeeland-west-brabant", "Zeeland-West-Brabant"
    OOST_BRABANT = "oost-brabant", "Oost-Brabant"
    LIMBURG = "limburg", "Limburg"


class Province(models.TextChoices):
    GRONINGEN = "PV20", "Groningen"
    FRYSLAN = "PV21", "Fryslân"
    DRENTHE = "PV22", "Drenthe"
    OVERIJSSEL = "PV23", "Overijssel"
    FLEVOLAND = "PV24", "Flevoland"
    GELDERLAND = "PV25", "Gelderland"
    UTRECHT = "PV26", "Utrecht"
    NOORD_HOLLAND = "PV27", "Noord-Holland"
    ZUID_HOLLAND = "PV28", "Zuid-Holland"
    ZEELAND = "PV29", "Zeeland"
    NOORD_BRABANT = "PV30", "Noord-Brabant"
    LIMBURG = "PV31", "Limburg"


class MunicipalityQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)

    def in_region(self, riec_region):
        return self.filter(riec_region=riec_region)


class Municipality(models.Model):
    """A Dutch municipality as listed by CBS. Merged municipalities are kept, with an end date,
    so that older records keep pointing at the municipality they were made in."""

    code = models.CharField(_("CBS code"), max_length=6, unique=True)  # e.g. GM0344
    name = models.CharField(_("name"), max_length=100)
    cbs_name = models.CharField(_("CBS name"), max_length=100)
    province = models.CharField(_("province"), max_length=4, choices=Province.choices)
    riec_region = models.CharField(_("RIEC region"), max_length=30, choices=RiecRegion.choices)
    safety_region_code = models.CharField(_("safety region code"), max_length=4, blank=True)
    safety_region = models.CharField(_("safety region"), max_length=100, blank=True)
    listed_on = models.DateField(_("reference date of the list"))
    ended_on = models.DateField(_("no longer listed since"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name
