"""Loads a CBS municipality list (CSV) into Municipality rows.

The shipped list (regions/data/gemeenten-2023-01-01.csv) has the columns gm_code,
cbs_name_in_source, display_name, vr_code, veiligheidsregio, provincie, riec_politie_eenheid,
pv_code. A newer CBS list needs gm_code, cbs_name_in_source (or Gemeentenaam) and pv_code; the
other columns are optional. The RIEC region of a new municipality follows its safety region or,
where that is unknown, its province when the province lies in one RIEC region.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .models import Municipality, Province, RiecRegion

SHIPPED_LIST = Path(__file__).parent / "data" / "gemeenten-2023-01-01.csv"
SHIPPED_REFERENCE_DATE = "2023-01-01"

# Column aliases: our own list and CBS's "Gemeenten alfabetisch" export.
ALIASES = {
    "code": ["gm_code", "GemeentecodeGM"],
    "cbs_name": ["cbs_name_in_source", "Gemeentenaam"],
    "display_name": ["display_name"],
    "safety_region_code": ["vr_code"],
    "safety_region": ["veiligheidsregio"],
    "province": ["pv_code", "ProvinciecodePV"],
    "riec_region": ["riec_politie_eenheid"],
}
RIEC_BY_LABEL = {label: value for value, label in RiecRegion.choices}


class MunicipalityListError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class LoadResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    ended: list = field(default_factory=list)


def _column(row, key):
    for alias in ALIASES[key]:
        if alias in row and row[alias] is not None:
            return row[alias].strip()
    return ""


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header = handle.readline()
        handle.seek(0)
        # CBS's own exports use semicolons; ours uses commas.
        delimiter = ";" if header.count(";") > header.count(",") else ","
        return list(csv.DictReader(handle, delimiter=delimiter))


def _known_riec(existing):
    by_safety_region, by_province = {}, {}
    for municipality in existing:
        if municipality.safety_region_code:
            by_safety_region[municipality.safety_region_code] = municipality.riec_region
        by_province.setdefault(municipality.province, set()).add(municipality.riec_region)
    return by_safety_region, by_province


def parse(rows, existing):
    """Turn CSV rows into dicts of Municipality fields; raise with every problem at once."""
    by_code = {m.code: m for m in existing}
    by_safety_region, by_province = _known_riec(existing)
    problems, parsed, seen = [], [], set()
    for number, row in enumerate(rows, start=2):
        code = _column(row, "code").upper()
        if code.isdigit():
            code = f"GM{int(code):04d}"
        cbs_name = _column(row, "cbs_name")
        province = _column(row, "province").upper()
        if len(code) != 6 or not code.startswith("GM") or not code[2:].isdigit():
            problems.append(f"row {number}: CBS code {code!r} is not of the form GM0123")
            continue
        if code in seen:
            problems.append(f"row {number}: {code} appears twice")
            continue
        seen.add(code)
        if not cbs_name:
            problems.append(f"row {number}: {code} has no name")
        if province not in Province.values:
            problems.append(f"row {number}: {code} has unknown province code {province!r}")
            continue
        riec_label = _column(row, "riec_region")
        safety_region_code = _column(row, "safety_region_code")
        if riec_label:
            riec = RIEC_BY_LABEL.get(riec_label)
            if riec is None:
                problems.append(f"row {number}: {code} has unknown RIEC region {riec_label!r}")
                continue
        elif code in by_code:
            riec = by_code[code].riec_region
        elif safety_region_code in by_safety_region:
            riec = by_safety_region[safety_region_code]
        elif len(by_province.get(province, ())) == 1:
            riec = next(iter(by_province[province]))
        else:
            problems.append(
                f"row {number}: {code} is new and its RIEC region cannot be derived; "
                "add the column riec_politie_eenheid"
            )
            continue
        parsed.append(
            {
                "code": code,
                "cbs_name": cbs_name,
                "name": _column(row, "display_name") or cbs_name,
                "province": province,
                "riec_region": riec,
                "safety_region_code": safety_region_code,
                "safety_region": _column(row, "safety_region"),
            }
        )
    if problems:
        raise MunicipalityListError(problems)
    return parsed


@transaction.atomic
def load_municipalities(path, reference_date, *, end_missing=True):
    """Create or update every listed municipality; those no longer listed get an end date."""
    existing = list(Municipality.objects.all())
    parsed = parse(read_rows(path), existing)
    by_code = {m.code: m for m in existing}
    result = LoadResult()
    for fields in parsed:
        municipality = by_code.get(fields["code"])
        if municipality is None:
            Municipality.objects.create(listed_on=reference_date, **fields)
            result.created.append(fields["code"])
            continue
        changed = False
        for name, value in fields.items():
            if value and getattr(municipality, name) != value:
                setattr(municipality, name, value)
                changed = True
        if municipality.ended_on is not None:
            municipality.ended_on = None
            changed = True
        if changed:
            municipality.listed_on = reference_date
            municipality.save()
            result.updated.append(fields["code"])
    if end_missing:
        listed = {fields["code"] for fields in parsed}
        for municipality in existing:
            if municipality.code not in listed and municipality.ended_on is None:
                municipality.ended_on = reference_date
                municipality.save(update_fields=["ended_on"])
                result.ended.append(municipality.code)
    return result
