"""A Python report writing a formula into an input cell: openpyxl saves the formula with no calculated
value (<v></v>), since it cannot calculate; Excel would compute it on opening, a reader of the file
cannot.

usage: openpyxl_formula.py IN OUT SHEET CELL FORMULA
"""
import sys

import openpyxl


def main(src, dst, sheet, cell, formula):
    wb = openpyxl.load_workbook(src)
    wb[sheet][cell] = formula
    wb.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit("usage: openpyxl_formula.py IN OUT SHEET CELL FORMULA")
    main(*sys.argv[1:])
