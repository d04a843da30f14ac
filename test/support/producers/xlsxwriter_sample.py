"""Producer "XlsxWriter": authors the sample workbook's tables from a JSON dump of sampleTables(lang).

XlsxWriter cannot read a workbook, so it writes the same data the way a Python report would: one sheet
and one Excel table (add_table) per input table, dates as real dates with a date format, rates as
numbers with a percent format, and a read-me sheet with a bold title first.

usage: xlsxwriter_sample.py SAMPLE.json OUT.xlsx
SAMPLE.json: {"readme": {"sheet": str, "title": str}, "tables": [{"name", "sheet", "headers",
"rows", "formats": {column index: number format}}]}; a date cell is {"date": "YYYY-MM-DD"}.
"""
import datetime
import json
import sys

import xlsxwriter


def main(sample_path, out_path):
    with open(sample_path, encoding="utf-8") as f:
        sample = json.load(f)
    wb = xlsxwriter.Workbook(out_path)
    about = wb.add_worksheet(sample["readme"]["sheet"])
    about.write(0, 0, sample["readme"]["title"], wb.add_format({"bold": True, "font_size": 14}))
    about.set_column(0, 0, 100)
    formats = {}

    def fmt(code):
        if code not in formats:
            formats[code] = wb.add_format({"num_format": code})
        return formats[code]

    for table in sample["tables"]:
        ws = wb.add_worksheet(table["sheet"])
        headers = table["headers"]
        # A table needs one body row: an empty input table gets a blank one, as kpi init writes it.
        rows = table["rows"] or [[None] * len(headers)]
        ws.add_table(0, 0, len(rows), len(headers) - 1, {
            "name": table["name"],
            "style": "Table Style Medium 2",
            "columns": [{"header": h} for h in headers],
        })
        col_formats = {int(k): v for k, v in table["formats"].items()}
        for c, h in enumerate(headers):
            ws.set_column(c, c, max(12, len(h) * 2.2 + 4))
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                code = col_formats.get(c)
                if value is None:
                    if code:
                        ws.write_blank(r, c, None, fmt(code))
                elif isinstance(value, dict) and "date" in value:
                    day = datetime.datetime.strptime(value["date"], "%Y-%m-%d")
                    ws.write_datetime(r, c, day, fmt(code or "yyyy-mm-dd"))
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value)
                elif isinstance(value, (int, float)):
                    ws.write_number(r, c, value, fmt(code) if code else None)
                else:
                    ws.write_string(r, c, value)
        ws.freeze_panes(1, 0)
    wb.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: xlsxwriter_sample.py SAMPLE.json OUT.xlsx")
    main(sys.argv[1], sys.argv[2])
