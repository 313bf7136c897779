"""Reads a Parquet file with pyarrow, as a data analyst would, and prints what it holds.

Usage: python3 parquet_check.py FILE

Prints one JSON object on stdout: {"columns": [[name, arrow type], ...], "rows": [{column: value}]}.
Timestamps are printed as ISO 8601 in UTC (`2020-01-03T12:44:00Z`), dates as `2020-04-15`. When
DuckDB or Polars can be imported, the file is read with them too and `others` lists the readers whose
rows equal pyarrow's.
"""

import datetime
import json
import sys

import pyarrow.parquet as pq


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def main(path):
    table = pq.read_table(path)
    columns = [[field.name, str(field.type)] for field in table.schema]
    rows = [{k: plain(v) for k, v in row.items()} for row in table.to_pylist()]
    others = []
    try:
        import duckdb

        con = duckdb.connect()
        got = con.execute("SELECT * FROM read_parquet(?)", [path]).fetchall()
        names = [d[0] for d in con.description]
        if [{k: plain(v) for k, v in zip(names, r)} for r in got] == rows:
            others.append("duckdb")
    except ImportError:
        pass
    try:
        import polars

        frame = polars.read_parquet(path)
        if [{k: plain(v) for k, v in r.items()} for r in frame.to_dicts()] == rows:
            others.append("polars")
    except ImportError:
        pass
    json.dump({"columns": columns, "rows": rows, "others": others}, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
