"""Every CSV and XLSX file Signaal writes goes through this module, so that a value typed by
someone (a reason, a name, a file's cell) cannot become a live formula in the spreadsheet of the
person who opens the export (CSV/formula injection, see OWASP's "CSV Injection").

A text that starts with =, +, -, @, a tab or a carriage return gets a single quote in front, as
OWASP advises: spreadsheets show it as text. Numbers, dates and empty cells are written as they
are, so numbers stay numbers (also negative ones). core/tests/test_exports.py checks that no
other module writes CSV or XLSX itself."""

import csv
import io
from datetime import date, time
from decimal import Decimal

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A change in percent as Excel shows it: +60%, −13% (the minus sign U+2212, as on the screen), 0%.
PERCENT_FORMAT = '+0%;"\u2212"0%;0%'


class Percent:
    """A fraction (0.6 for +60%) written to XLSX as a number with a percentage format, so that a
    spreadsheet can calculate with it; CSV writes `text`."""

    def __init__(self, fraction, text):
        self.fraction = fraction
        self.text = text

    def __str__(self):
        return self.text


def safe_cell(value):
    """The value to write: non-text as it is, text neutralised when it could start a formula."""
    if value is None or isinstance(value, (bool, int, float, Decimal, date, time)):
        return value
    if isinstance(value, Percent):
        return value.text
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class CsvWriter:
    """csv.writer with every cell passed through safe_cell()."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **options):
    return CsvWriter(stream, **options)


class Sheet:
    """One worksheet; rows are appended through safe_cell()."""

    def __init__(self, worksheet):
        self._worksheet = worksheet

    def append(self, row, *, bold=False):
        """Append a row; a Percent becomes a number with PERCENT_FORMAT."""
        self._worksheet.append(
            [value.fraction if isinstance(value, Percent) else safe_cell(value) for value in row]
        )
        written = self._worksheet[self._worksheet.max_row]
        for value, cell in zip(row, written, strict=False):
            if isinstance(value, Percent):
                cell.number_format = PERCENT_FORMAT
        if bold:
            from openpyxl.styles import Font

            for cell in written:
                cell.font = Font(bold=True)

    def column_width(self, letter, width):
        self._worksheet.column_dimensions[letter].width = width


class Workbook:
    """An XLSX workbook (openpyxl) that only takes rows through Sheet.append()."""

    def __init__(self):
        from openpyxl import Workbook as OpenpyxlWorkbook

        self._book = OpenpyxlWorkbook()
        self._book.remove(self._book.active)

    def sheet(self, title):
        return Sheet(self._book.create_sheet(title=str(title)[:31]))

    def content(self):
        buffer = io.BytesIO()
        self._book.save(buffer)
        return buffer.getvalue()
