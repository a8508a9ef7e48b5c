"""Exports that people open in spreadsheet programs: XLSX, and CSV the way Dutch Excel reads it.

Both are safe against formulas: in CSV a cell that starts like a formula gets a leading quote; in
XLSX every value is written as text or a number, never as a formula.
"""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Dutch Excel reads a semicolon as the column separator (the comma is the decimal sign there).
CSV_DELIMITER = ";"

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_response(filename, rows):
    """A CSV download: UTF-8 with a byte-order mark and semicolons, every cell formula-safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=CSV_DELIMITER)
    for row in rows:
        writer.writerow(safe_cell(value) for value in row)
    return response


def xlsx_response(filename, rows, sheet_title):
    """An XLSX download (openpyxl): strings stay strings, even one that starts with "="."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    for row in rows:
        sheet.append(["" if value is None else value for value in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if cell.data_type == "f":  # openpyxl took a text starting with "=" for a formula
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
