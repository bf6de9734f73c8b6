"""Importing history into the monitor: aggregate counts per year and form, or record-level rows,
from a CSV or Excel file (the column formats are documented in docs/monitor-import.md).

An upload becomes an ImportBatch that a task imports: it reads the whole file, checks every row
and collects every problem with its row number (the column names are row 1). One bad row refuses
the whole file; otherwise all rows are stored, the batch is marked done — only then do its rows
count — and the monitor's facts are recounted. Progress is written in small updates of their own
along the way, so that the batch page can show it while the file is read and saved.

This module reads, checks and stores; the changes of a batch's state (upload, import, withdraw)
and their audit events are in monitor.actions.
"""

import codecs
import csv
import hashlib
import io
import itertools
import re
from array import array
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from indicators.exploitation import ExploitationForm
from indicators.models import PremisesType, Sector
from regions.models import Municipality
from reports.models import Kind, Outcome, ReporterType

from .models import CLOSED_UNKNOWN, HistoricCount, HistoricRecord, ImportBatch

Format = ImportBatch.Format

MAX_MEGABYTES = 50
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
MAX_ROWS = 2_000_000
# More errors than this are not worth listing: the file needs correcting first.
MAX_ERRORS = 10_000
PROGRESS_EVERY = 1000
BULK_SIZE = 2000
EARLIEST_YEAR = 1990
EXTENSIONS = (".csv", ".txt", ".xlsx")


class ImportFileError(Exception):
    """The file as a whole cannot be read (not a CSV or Excel file, unreadable text)."""

    def __init__(self, message, row=None):
        super().__init__(message)
        self.message = message
        self.row = row


class Invalid(Exception):
    """One cell's value is not acceptable."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class TooManyErrors(Exception):
    pass


# --- reading the file ---------------------------------------------------------------------------


def _is_xlsx(content):
    return content[:4] == b"PK\x03\x04"


def _text_encoding(content):
    """UTF-8 (with or without byte order mark) or else Windows-1252, checked over the whole file
    without keeping the decoded text."""
    view = memoryview(content)
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            for start in range(0, len(view), 1 << 20):
                decoder.decode(view[start : start + (1 << 20)])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise ImportFileError(_("The file cannot be read as text (UTF-8 or Windows-1252)."))


def check_file_type(content, file_name):
    """Raise ImportFileError unless this looks like a CSV or an Excel (.xlsx) file."""
    name = file_name.lower()
    if not name.endswith(EXTENSIONS):
        raise ImportFileError(_("Choose a CSV file or an Excel file (.xlsx)."))
    if content[:4] == b"\xd0\xcf\x11\xe0" or name.endswith(".xls"):
        raise ImportFileError(
            _("This is an old Excel file (.xls). Save it as .xlsx or as CSV and try again.")
        )
    if name.endswith(".xlsx"):
        if not _is_xlsx(content):
            raise ImportFileError(_("This is not a readable Excel file (.xlsx)."))
    elif _is_xlsx(content) or b"\x00" in content[:65536]:
        raise ImportFileError(_("This is not a CSV file. Choose a CSV file or an Excel file."))


def estimated_rows(content):
    """Roughly how many rows a file has below its column names (line breaks inside quoted cells
    make this an upper bound); 0 when unknown."""
    if _is_xlsx(content):
        return 0
    lines = content.count(b"\n") + (0 if content.endswith(b"\n") else 1)
    return max(lines - 1, 0)


def read_rows(content, file_name):
    """(estimated number of data rows, iterator of (row number, cells)); row 1 holds the column
    names. Raises ImportFileError, also while iterating."""
    check_file_type(content, file_name)
    if _is_xlsx(content):
        return _xlsx_rows(content)
    return estimated_rows(content), _csv_rows(content)


def _csv_rows(content):
    encoding = _text_encoding(content)
    stream = io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")
    first = stream.readline()
    counts = {delimiter: first.count(delimiter) for delimiter in (";", ",", "\t")}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    stream.seek(0)
    reader = csv.reader(stream, delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):  # noqa: B007 - used after the loop
            yield number, cells
    except csv.Error as exc:
        raise ImportFileError(
            _("Row %(row)s cannot be read: %(problem)s") % {"row": number + 1, "problem": exc},
            row=number + 1,
        ) from exc


def _xlsx_rows(content):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        total = max((sheet.max_row or 1) - 1, 0)
    except Exception as exc:
        raise ImportFileError(_("This is not a readable Excel file (.xlsx).")) from exc

    def rows():
        try:
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(cells)
        except ImportFileError:
            raise
        except Exception as exc:
            raise ImportFileError(_("This is not a readable Excel file (.xlsx).")) from exc
        finally:
            workbook.close()

    return total, rows()


# --- values -------------------------------------------------------------------------------------


def as_text(raw):
    """A cell as text: trimmed, inner white space collapsed, whole numbers without '.0'."""
    if raw is None:
        return ""
    if type(raw) is str:
        return " ".join(raw.split())
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return " ".join(str(raw).split())


def _choices(choices, aliases=None):
    """lower-case code, English and Dutch label -> code; plus Dutch aliases."""
    found = {}
    for code, label in choices.choices:
        found[code.lower()] = code
        for language in ("en", "nl"):
            with translation.override(language):
                found[str(label).lower()] = code
    found.update(aliases or {})
    return found


KIND_ALIASES = {
    "melding": Kind.REPORT,
    "meldingen": Kind.REPORT,
    "reports": Kind.REPORT,
    "advies": Kind.ADVICE,
    "adviezen": Kind.ADVICE,
    "adviesvraag": Kind.ADVICE,
    "adviesvragen": Kind.ADVICE,
}
FORM_ALIASES = {
    "seksuele uitbuiting": ExploitationForm.SEXUAL,
    "arbeidsuitbuiting": ExploitationForm.LABOUR,
    "criminele uitbuiting": ExploitationForm.CRIMINAL,
    "leeg": "",
    "": "",
}
OUTCOME_ALIASES = {
    CLOSED_UNKNOWN: CLOSED_UNKNOWN,
    "afgesloten": CLOSED_UNKNOWN,
    "gesloten": CLOSED_UNKNOWN,
    "closed": CLOSED_UNKNOWN,
    "uitkomst onbekend": CLOSED_UNKNOWN,
    "afgesloten, uitkomst onbekend": CLOSED_UNKNOWN,
    "afgesloten uitkomst onbekend": CLOSED_UNKNOWN,
    "closed, outcome unknown": CLOSED_UNKNOWN,
}
REPORTER_ALIASES = {
    "anoniem": ReporterType.ANONYMOUS,
    "burger": ReporterType.CITIZEN,
    "professioneel": ReporterType.PROFESSIONAL,
}
BOOLEANS = {
    "": False,
    "ja": True,
    "nee": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
    "true": True,
    "false": False,
    "waar": True,
    "onwaar": False,
}


class Vocabulary:
    """Everything a value in the file can be looked up in, read once per import."""

    def __init__(self):
        self.today = timezone.localdate()
        self.kinds = _choices(Kind, KIND_ALIASES)
        self.forms = _choices(ExploitationForm, FORM_ALIASES)
        self.reporters = _choices(ReporterType, REPORTER_ALIASES)
        self.outcomes = _choices(Outcome, OUTCOME_ALIASES)
        self.sectors = self._catalogue(Sector)
        self.premises = self._catalogue(PremisesType)
        self.municipality_codes = {}
        names = {}
        for pk, code, name, cbs_name, ended_on in Municipality.objects.values_list(
            "pk", "code", "name", "cbs_name", "ended_on"
        ):
            self.municipality_codes[code.upper()] = pk
            for key in {name.lower(), cbs_name.lower()}:
                names.setdefault(key, []).append((pk, ended_on is None))
        self.municipality_names = {}
        for key, found in names.items():
            current = [pk for pk, is_current in found if is_current]
            candidates = current or [pk for pk, _is_current in found]
            self.municipality_names[key] = candidates[0] if len(set(candidates)) == 1 else None

    @staticmethod
    def _catalogue(model):
        found = {}
        for code, name_nl, name_en in model.objects.values_list("code", "name_nl", "name_en"):
            found[name_en.lower()] = code
            found[name_nl.lower()] = code
            found[code.lower()] = code
        return found


def _lookup(table, raw, message):
    """table[value]; `message` is an untranslated msgid, translated only when it is needed (a
    million rows would otherwise ask for a translation a million times)."""
    text = as_text(raw)
    try:
        return table[text.lower()]
    except KeyError:
        raise Invalid(_(message) % {"value": text}) from None


UNKNOWN_KIND = gettext_noop("Unknown kind: %(value)s (use melding or advies).")
UNKNOWN_FORM = gettext_noop("Unknown form of exploitation: %(value)s")
UNKNOWN_BOOLEAN = gettext_noop("Unknown value: %(value)s (use ja or nee).")


def parse_kind(raw, vocabulary):
    if raw is None or raw == "":
        raise Invalid(_("Fill in the kind: melding or advies."))
    return _lookup(vocabulary.kinds, raw, UNKNOWN_KIND)


def parse_form(raw, vocabulary):
    return _lookup(vocabulary.forms, raw, UNKNOWN_FORM)


def parse_municipality(raw, vocabulary):
    text = as_text(raw)
    if not text:
        return None
    if text.isdigit() and len(text) <= 4:
        text = f"GM{int(text):04d}"
    if re.fullmatch(r"[Gg][Mm]\d{4}", text):
        pk = vocabulary.municipality_codes.get(text.upper())
        if pk is None:
            raise Invalid(_("Unknown municipality code: %(value)s") % {"value": text})
        return pk
    key = text.lower()
    if key not in vocabulary.municipality_names:
        raise Invalid(_("Unknown municipality: %(value)s") % {"value": text})
    pk = vocabulary.municipality_names[key]
    if pk is None:
        raise Invalid(
            _("More than one municipality is called %(value)s: use the CBS code (GM…).")
            % {"value": text}
        )
    return pk


def _optional(table, message):
    def parse(raw, vocabulary):
        text = as_text(raw)
        if not text:
            return ""
        return _lookup(getattr(vocabulary, table), text, message)

    return parse


parse_sector = _optional("sectors", gettext_noop("Unknown sector: %(value)s"))
parse_premises = _optional("premises", gettext_noop("Unknown kind of place: %(value)s"))
parse_reporter = _optional(
    "reporters", gettext_noop("Unknown reporter: %(value)s (use anoniem, burger or professional).")
)
parse_outcome = _optional("outcomes", gettext_noop("Unknown outcome: %(value)s"))


def parse_minor(raw, vocabulary):
    if isinstance(raw, bool):
        return raw
    return _lookup(BOOLEANS, raw, UNKNOWN_BOOLEAN)


def _whole_number(raw):
    """An int from a cell, or None when it is not a whole number. Dots between groups of three
    digits are thousands separators (1.234)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = as_text(raw).replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return None


def parse_year(raw, vocabulary):
    if not as_text(raw):
        raise Invalid(_("Fill in the year."))
    year = _whole_number(raw)
    this_year = vocabulary.today.year
    if year is None:
        raise Invalid(_("Not a year: %(value)s") % {"value": as_text(raw)})
    if not EARLIEST_YEAR <= year <= this_year:
        raise Invalid(
            _("The year must lie between %(first)s and %(last)s.")
            % {"first": EARLIEST_YEAR, "last": this_year}
        )
    return year


def parse_count(raw, vocabulary):
    text = as_text(raw)
    if text == "-":
        return 0
    if not text:
        raise Invalid(_("Fill in a number (0 or - for none)."))
    number = _whole_number(raw)
    if number is None:
        raise Invalid(_("Not a whole number: %(value)s") % {"value": text})
    if number < 0:
        raise Invalid(_("A count cannot be negative."))
    if number > 1_000_000_000:
        raise Invalid(_("This number is too large."))
    return number


DATE_FORMATS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>\d{4})"),
)


def parse_date(raw, vocabulary):
    if isinstance(raw, datetime):
        day = raw.date()
    elif isinstance(raw, date):
        day = raw
    else:
        text = as_text(raw)
        if not text:
            raise Invalid(_("Fill in the date."))
        # Exports often add a time (2021-03-04 00:00:00): the day is what counts.
        text = re.split(r"[ T]", text, maxsplit=1)[0]
        day = None
        for pattern in DATE_FORMATS:
            match = pattern.fullmatch(text)
            if match:
                try:
                    day = date(int(match["year"]), int(match["month"]), int(match["day"]))
                except ValueError:
                    day = None
                break
        if day is None:
            raise Invalid(
                _("Not a date: %(value)s (use YYYY-MM-DD or DD-MM-YYYY).") % {"value": as_text(raw)}
            )
    if day > vocabulary.today:
        raise Invalid(_("The date lies in the future."))
    if day.year < EARLIEST_YEAR:
        raise Invalid(_("The date lies before %(year)s.") % {"year": EARLIEST_YEAR})
    return day


def parse_reference(raw, vocabulary):
    text = as_text(raw)
    if len(text) > 50:
        raise Invalid(_("At most 50 characters."))
    return text


@dataclass(frozen=True)
class Column:
    name: str  # the model field
    names: tuple  # accepted column names, the documented Dutch one first
    parse: object
    required: bool = False


COLUMNS = {
    Format.COUNTS: [
        Column("year", ("jaar", "year"), parse_year, required=True),
        Column("kind", ("soort", "kind"), parse_kind, required=True),
        Column("primary_form", ("uitbuitingsvorm", "primary_form", "form"), parse_form),
        Column("municipality", ("gemeente", "municipality"), parse_municipality),
        Column("count", ("aantal", "count"), parse_count, required=True),
    ],
    Format.RECORDS: [
        Column("created_at", ("datum", "created_at", "date"), parse_date, required=True),
        Column("kind", ("soort", "kind"), parse_kind, required=True),
        Column("primary_form", ("uitbuitingsvorm", "primary_form", "form"), parse_form),
        Column("municipality", ("gemeente", "municipality"), parse_municipality),
        Column("sector", ("sector",), parse_sector),
        Column("premises_type", ("soort_locatie", "premises_type"), parse_premises),
        Column("reporter_type", ("melder", "reporter_type"), parse_reporter),
        Column("minor_involved", ("minderjarig", "minor_involved"), parse_minor),
        Column("outcome", ("afloop", "outcome"), parse_outcome),
        Column("external_reference", ("kenmerk", "external_reference"), parse_reference),
    ],
}
DEFAULTS = {
    "primary_form": "",
    "municipality": None,
    "sector": "",
    "premises_type": "",
    "reporter_type": "",
    "minor_involved": False,
    "outcome": "",
    "external_reference": "",
}


def column_names(batch_format):
    return [column.names[0] for column in COLUMNS[batch_format]]


def normalise_header(raw):
    return re.sub(r"[\s\-]+", "_", as_text(raw).lstrip("\ufeff").lower())


@dataclass
class Header:
    columns: list  # [(index in the row, Column, the name as written in the file)]
    problems: list  # messages


def column_by_field(batch_format):
    return {column.name: column for column in COLUMNS[batch_format]}


def column_title(cells, index):
    """A file's column as people see it: its name in row 1, or "kolom 3" when it has none."""
    written = as_text(cells[index]) if index < len(cells) else ""
    return written or _("column %(number)s") % {"number": index + 1}


def guess_mapping(batch_format, cells):
    """{index: field} for the columns of row 1 whose names are ours (any case, spaces or hyphens,
    Dutch or English); a name that appears twice is taken once."""
    by_name = {name: column for column in COLUMNS[batch_format] for name in column.names}
    found, seen = {}, set()
    for index, cell in enumerate(cells):
        column = by_name.get(normalise_header(cell))
        if column is not None and column.name not in seen:
            seen.add(column.name)
            found[index] = column.name
    return found


def mapped_header(batch_format, cells, mapping):
    """The Header of a file whose columns were mapped by hand (monitor.import_views.mapping):
    {index: field}; every other column is ignored."""
    fields = column_by_field(batch_format)
    columns, seen = [], set()
    for index, name in sorted((int(index), name) for index, name in mapping.items()):
        if name in fields and name not in seen:
            seen.add(name)
            columns.append((index, fields[name], column_title(cells, index)))
    problems = [
        _("Column %(name)s is missing.") % {"name": column.names[0]}
        for column in COLUMNS[batch_format]
        if column.required and column.name not in seen
    ]
    return Header(columns, problems)


def read_header(batch_format, cells, mapping=None):
    """Match the first row's names to the format's columns (or take `mapping`, see
    mapped_header)."""
    if mapping:
        return mapped_header(batch_format, cells, mapping)
    by_name = {name: column for column in COLUMNS[batch_format] for name in column.names}
    columns, problems, seen = [], [], {}
    if not any(as_text(cell) for cell in cells):
        return Header([], [_("The first row must hold the column names.")])
    for index, cell in enumerate(cells):
        written = as_text(cell)
        if not written:
            continue
        column = by_name.get(normalise_header(cell))
        if column is None:
            problems.append(
                _("Unknown column: %(name)s. Possible columns: %(names)s.")
                % {"name": written, "names": ", ".join(column_names(batch_format))}
            )
        elif column.name in seen:
            problems.append(
                _("Column %(name)s appears twice (%(first)s and %(second)s).")
                % {"name": column.names[0], "first": seen[column.name], "second": written}
            )
        else:
            seen[column.name] = written
            columns.append((index, column, written))
    for column in COLUMNS[batch_format]:
        if column.required and column.name not in seen:
            problems.append(_("Column %(name)s is missing.") % {"name": column.names[0]})
    return Header(columns, problems)


def check_upload(batch_format, content, file_name):
    """Problems with the file as a whole, for the upload form (its columns are mapped in the next
    step): unreadable, empty, no names in row 1, or the columns of the other kind of file."""
    try:
        _total, rows = read_rows(content, file_name)
        first = next(iter(rows), None)
    except ImportFileError as exc:
        return [exc.message]
    if first is None:
        return [_("The file is empty.")]
    if not any(as_text(cell) for cell in first[1]):
        return [_("The first row must hold the column names.")]
    other = Format.RECORDS if batch_format == Format.COUNTS else Format.COUNTS
    if read_header(batch_format, first[1]).problems and not read_header(other, first[1]).problems:
        return [
            _("These are the columns of the kind of file “%(other)s”: choose that kind.")
            % {"other": other.label}
        ]
    return []


def check_header(batch_format, content, file_name):
    """Problems with the file's type and its first row when the file's own column names are
    taken as they are: [] when it can be imported (its rows are checked by the import)."""
    try:
        _total, rows = read_rows(content, file_name)
        first = next(iter(rows), None)
    except ImportFileError as exc:
        return [exc.message]
    if first is None:
        return [_("The file is empty.")]
    problems = read_header(batch_format, first[1]).problems
    if problems:
        other = Format.RECORDS if batch_format == Format.COUNTS else Format.COUNTS
        if not read_header(other, first[1]).problems:
            return [
                _("These are the columns of the kind of file “%(other)s”: choose that kind.")
                % {"other": other.label}
            ]
    return problems


# --- checking every row -------------------------------------------------------------------------


class Errors(list):
    def add(self, row, column, message):
        self.append({"row": row, "column": column, "message": message})
        if len(self) >= MAX_ERRORS:
            raise TooManyErrors


class RecordRows:
    """Validated records, kept compactly: a million rows are a few tens of megabytes. The values
    that repeat (kind, form, municipality, ...) are one shared tuple per combination."""

    VALUES = (
        "kind",
        "primary_form",
        "municipality",
        "sector",
        "premises_type",
        "reporter_type",
        "minor_involved",
        "outcome",
    )

    def __init__(self):
        self.rows = array("L")
        self.days = array("L")
        self.references = []
        self.values = []
        self.names = {}  # field -> column name as written in the file
        self._shared = {}
        self._referenced = {}

    def add(self, row, values, errors):
        reference = values["external_reference"]
        if reference:
            first = self._referenced.setdefault(reference, row)
            if first != row:
                errors.add(
                    row,
                    self.names.get("external_reference", "kenmerk"),
                    _("The reference %(value)s was already used in row %(row)s.")
                    % {"value": reference, "row": first},
                )
                return
        shared = tuple(values[name] for name in self.VALUES)
        self.rows.append(row)
        self.days.append(values["created_at"].toordinal())
        self.references.append(reference)
        self.values.append(self._shared.setdefault(shared, shared))

    def __len__(self):
        return len(self.rows)

    def fingerprint(self):
        return fingerprint(zip(self.days, self.references, self.values, strict=True))

    def objects(self, batch):
        for row, day, reference, values in zip(
            self.rows, self.days, self.references, self.values, strict=True
        ):
            fields = dict(zip(self.VALUES, values, strict=True))
            fields["municipality_id"] = fields.pop("municipality")
            yield HistoricRecord(
                batch=batch,
                row=row,
                external_reference=reference,
                created_at=_start_of_day(day),
                **fields,
            )


def fingerprint(rows):
    """A hash of a set of rows that does not depend on their order (the sum of the rows' own
    hashes): the same counts or records in another file, sorted otherwise or re-saved from Excel,
    give the same fingerprint."""
    total = 0
    for row in rows:
        total += int.from_bytes(hashlib.sha256(repr(row).encode()).digest(), "big")
    return f"{total % 2**256:064x}"


@lru_cache(maxsize=20_000)
def _start_of_day(ordinal):
    return timezone.make_aware(datetime.combine(date.fromordinal(ordinal), datetime.min.time()))


class CountRows:
    def __init__(self):
        self.items = []
        self.names = {}
        self._seen = {}

    def add(self, row, values, errors):
        key = (values["year"], values["kind"], values["primary_form"], values["municipality"])
        first = self._seen.setdefault(key, row)
        if first != row:
            errors.add(
                row,
                "",
                _("Row %(row)s has the same year, kind, form and municipality.") % {"row": first},
            )
            return
        self.items.append((row, values))

    def __len__(self):
        return len(self.items)

    def fingerprint(self):
        return fingerprint(
            (v["year"], v["kind"], v["primary_form"], v["municipality"], v["count"])
            for _row, v in self.items
        )

    def objects(self, batch):
        for _row, values in self.items:
            yield HistoricCount(
                batch=batch,
                year=values["year"],
                kind=values["kind"],
                primary_form=values["primary_form"],
                municipality_id=values["municipality"],
                count=values["count"],
            )


@dataclass
class Checked:
    total: int = 0  # data rows read
    valid: object = None  # CountRows or RecordRows
    errors: Errors = field(default_factory=Errors)


def check_file(
    batch_format, content, file_name, progress=None, vocabulary=None, mapping=None, limit=None
):
    """Read and check every row (or the first `limit`). `progress(processed, estimated_total)` is
    called every PROGRESS_EVERY rows. `mapping` ({index: field}) says which column is which;
    without it, the names in row 1 do. Returns Checked; nothing is stored."""
    checked = Checked(valid=CountRows() if batch_format == Format.COUNTS else RecordRows())
    errors = checked.errors
    try:
        estimate, rows = read_rows(content, file_name)
        if limit is not None:
            rows = itertools.islice(rows, limit + 1)
        _check_rows(
            batch_format, rows, estimate, checked, progress, vocabulary or Vocabulary(), mapping
        )
    except ImportFileError as exc:
        errors.append({"row": exc.row, "column": "", "message": exc.message})
    except TooManyErrors:
        errors.append(
            {
                "row": errors[-1]["row"],
                "column": "",
                "message": _(
                    "The check stopped after %(count)s errors. Correct these and upload the "
                    "file again."
                )
                % {"count": MAX_ERRORS},
            }
        )
    return checked


def _filled(cell):
    return cell is not None and cell != "" and (type(cell) is not str or not cell.isspace())


def _check_rows(batch_format, rows, estimate, checked, progress, vocabulary, mapping=None):
    errors = checked.errors
    header = None
    for number, cells in rows:
        if header is None:
            header = read_header(batch_format, cells, mapping)
            for problem in header.problems:
                errors.add(1, "", problem)
            if header.problems:
                return
            named = {index for index, _column, _name in header.columns}
            width = max(named) + 1
            unnamed = [index for index in range(width) if index not in named]
            if mapping:
                # Columns mapped by hand: the others are ignored, whatever they hold; a cell
                # beyond the last column of row 1 still means the row is out of line.
                width = max(
                    width, max((i for i, c in enumerate(cells) if _filled(c)), default=0) + 1
                )
                unnamed = []
            checked.valid.names = {column.name: written for _i, column, written in header.columns}
            continue
        if number > MAX_ROWS + 1:
            raise ImportFileError(
                _("The file has more than %(count)s rows.")
                % {"count": number_format(MAX_ROWS, force_grouping=True)},
                row=number,
            )
        checked.total += 1
        if progress is not None and checked.total % PROGRESS_EVERY == 0:
            progress(checked.total, max(estimate, checked.total))
        if not any(_filled(cell) for cell in cells):
            continue  # empty rows (often at the end of a spreadsheet) are skipped
        if len(cells) > width and any(_filled(cell) for cell in cells[width:]):
            errors.add(number, "", _("This row has more cells than there are column names."))
            continue
        if any(index < len(cells) and _filled(cells[index]) for index in unnamed):
            errors.add(number, "", _("This row has a value in a column without a name."))
            continue
        values = dict(DEFAULTS)
        valid = True
        for index, column, written in header.columns:
            raw = cells[index] if index < len(cells) else None
            try:
                values[column.name] = column.parse(raw, vocabulary)
            except Invalid as exc:
                errors.add(number, written, exc.message)
                valid = False
        if valid:
            checked.valid.add(number, values, errors)
    if header is None:
        errors.add(None, "", _("The file is empty."))
    elif not errors and not len(checked.valid):
        errors.add(None, "", _("The file has no rows below the column names."))


# --- storing a batch's rows (the import itself is monitor.actions.import_batch) -----------------


def save_progress(batch_id, processed, total):
    """A small update of its own, outside the import's transaction, for the batch page."""
    ImportBatch.objects.filter(pk=batch_id).update(processed_rows=processed, total_rows=total)


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _model(batch):
    return HistoricCount if batch.format == Format.COUNTS else HistoricRecord


def save_rows(batch, checked):
    """Store the checked rows of a running batch, BULK_SIZE rows per transaction, and count them
    in imported_rows for the batch page. Short transactions, because on SQLite a write transaction
    locks the whole database: a million rows in one would keep live reports waiting past the busy
    timeout. The import still is all or nothing: the monitor counts only batches that are done
    (monitor.facts), and a failure removes the rows saved so far (remove_rows)."""
    model = _model(batch)
    saved = 0
    for chunk in _chunks(checked.valid.objects(batch), BULK_SIZE):
        with transaction.atomic():
            model.objects.bulk_create(chunk, batch_size=BULK_SIZE)
            saved += len(chunk)
            ImportBatch.objects.filter(pk=batch.pk).update(imported_rows=saved)
    return saved


def remove_rows(batch):
    """Remove what an import that did not finish saved."""
    _model(batch).objects.filter(batch_id=batch.pk).delete()


# Below e-mail and the facts' refresh: an import may take minutes.
@task(priority=-10, takes_context=True)
def run_import(context, batch_id):
    """The job of one uploaded batch. A second attempt means the first one's task worker died
    mid-import (core.worker put the job back in the queue): the batch starts over."""
    from .actions import import_batch

    return import_batch(batch_id, resume=context.attempt > 1)


# --- what a batch holds -------------------------------------------------------------------------


@dataclass
class YearTotals:
    year: int
    reports: int = 0
    advice: int = 0

    @property
    def total(self):
        return self.reports + self.advice


def totals_per_year(batch):
    """[YearTotals] of what a batch imported, oldest year first."""
    if batch.format == Format.COUNTS:
        rows = batch.counts.order_by().values("year", "kind").annotate(n=Sum("count"))
    else:
        rows = (
            batch.records.order_by()
            .annotate(year=ExtractYear("created_at"))
            .values("year", "kind")
            .annotate(n=Count("id"))
        )
    years = {}
    for row in rows:
        totals = years.setdefault(row["year"], YearTotals(row["year"]))
        if row["kind"] == Kind.ADVICE:
            totals.advice += row["n"]
        else:
            totals.reports += row["n"]
    return [years[year] for year in sorted(years)]


# --- the mapping step: the first rows of an upload ----------------------------------------------

PREVIEW_ROWS = 10  # rows shown in the preview
PREVIEW_CHECKED = 200  # rows checked for the preview (the import checks all of them)


def first_rows(content, file_name, count):
    """The first `count` rows (row 1 included) as lists of raw cells; [] for an unreadable
    file."""
    try:
        _total, rows = read_rows(content, file_name)
        return [cells for _number, cells in itertools.islice(rows, count)]
    except ImportFileError:
        return []


@dataclass
class Preview:
    columns: list  # [(field, our column name, the file's column title)]
    rows: list  # [(row number, [(text, error message or "")])]
    errors: list  # [{"row", "column", "message"}] in the first PREVIEW_CHECKED rows
    checked: int  # data rows checked


def preview(batch_format, content, file_name, mapping):
    """The first rows of a file under `mapping` ({index: field}) as they would be imported, and
    the errors of the first PREVIEW_CHECKED rows."""
    rows = first_rows(content, file_name, PREVIEW_ROWS + 1)
    header = rows[0] if rows else []
    if mapping:
        checked = check_file(
            batch_format, content, file_name, mapping=mapping, limit=PREVIEW_CHECKED
        )
    else:  # every column ignored: nothing is read (not the names of row 1 either)
        checked = Checked()
        for problem in mapped_header(batch_format, header, {}).problems:
            checked.errors.add(1, "", problem)
    fields = column_by_field(batch_format)
    chosen = sorted((int(index), name) for index, name in mapping.items() if name in fields)
    columns = [(name, fields[name].names[0], column_title(header, i)) for i, name in chosen]
    messages = {}
    for error in checked.errors:
        messages.setdefault((error["row"], error["column"]), error["message"])
    shown = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(_filled(cell) for cell in cells):
            continue
        values = []
        for index, _name in chosen:
            text = as_text(cells[index]) if index < len(cells) else ""
            values.append((text, messages.get((number, column_title(header, index)), "")))
        shown.append((number, values))
    return Preview(columns, shown, list(checked.errors), checked.total)
