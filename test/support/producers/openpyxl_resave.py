"""Producer "openpyxl": loads each workbook and saves it again, as a Python script in HR's pipeline would.

usage: openpyxl_resave.py IN OUT [IN OUT ...]
"""
import sys

import openpyxl


def main(argv):
    if len(argv) % 2:
        sys.exit("usage: openpyxl_resave.py IN OUT [IN OUT ...]")
    for src, dst in zip(argv[0::2], argv[1::2]):
        openpyxl.load_workbook(src).save(dst)


if __name__ == "__main__":
    main(sys.argv[1:])
