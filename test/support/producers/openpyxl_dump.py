"""The independent reader of the producer matrix: dumps workbooks as openpyxl sees them, as JSON.

usage: openpyxl_dump.py FILE [FILE ...]  (prints {FILE: dump} on stdout)
A dump is {"ok": true, "sheets": [...]} or {"ok": false, "error": "..."} when load_workbook fails.
Each sheet: name, tables ({displayName: {"ref", "style"}}), freeze, widths, and cells: every cell of
its used range as [coordinate, value, number_format, font, fill, border, alignment], the styles as
their XML (openpyxl's own serialisation), so two dumps are equal exactly when the cells are.
A date is {"date": ISO}; text, numbers and booleans are JSON's own.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.xml.functions import tostring


def value_of(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return {"date": v.isoformat()}
    if isinstance(v, datetime.timedelta):
        return {"duration": v.total_seconds()}
    return v


def xml_of(style):
    return tostring(style.to_tree()).decode("utf-8")


def dump_sheet(ws):
    cells = []
    for row in ws.iter_rows():
        for c in row:
            cells.append([
                c.coordinate,
                value_of(c.value),
                c.number_format,
                xml_of(c.font),
                xml_of(c.fill),
                xml_of(c.border),
                xml_of(c.alignment),
            ])
    tables = {}
    for t in ws.tables.values():
        tables[t.displayName] = {"ref": t.ref, "style": t.tableStyleInfo.name if t.tableStyleInfo is not None else None}
    widths = {k: v.width for k, v in ws.column_dimensions.items() if v.customWidth}
    return {"name": ws.title, "tables": tables, "freeze": ws.freeze_panes, "widths": widths, "cells": cells}


def dump(path):
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as e:  # any failure to load is the finding itself
        return {"ok": False, "error": f"{type(e).__name__}: {e}"}
    return {"ok": True, "sheets": [dump_sheet(ws) for ws in wb.worksheets]}


if __name__ == "__main__":
    json.dump({p: dump(p) for p in sys.argv[1:]}, sys.stdout, ensure_ascii=False)
