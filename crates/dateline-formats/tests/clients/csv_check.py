"""Reads a CSV file with Python's `csv` module, as a spreadsheet import would, and prints the rows.

Usage: python3 csv_check.py FILE

Prints one JSON object on stdout: {"bom": bool, "crlf": bool, "rows": [[cell, ...], ...]}.
`bom` says whether the file starts with the UTF-8 byte order mark (which is not part of the first
cell); `crlf` whether every record ends with CRLF outside quoted fields.
"""

import csv
import json
import sys


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, dialect="excel", strict=True))
    text = data.decode("utf-8-sig")
    # Every line break outside a quoted field must be CRLF.
    quoted = False
    crlf = True
    for i, c in enumerate(text):
        if c == '"':
            quoted = not quoted
        elif not quoted and c == "\n" and (i == 0 or text[i - 1] != "\r"):
            crlf = False
        elif not quoted and c == "\r" and text[i + 1 : i + 2] != "\n":
            crlf = False
    json.dump(
        {"bom": data.startswith(b"\xef\xbb\xbf"), "crlf": crlf and text.endswith("\r\n"), "rows": rows},
        sys.stdout,
        ensure_ascii=False,
    )
    print()


if __name__ == "__main__":
    main(sys.argv[1])
