"""Reads an iCalendar file with the `icalendar` library and prints what a calendar client sees.

Usage: python3 ics_check.py FILE

Prints one JSON object on stdout:
  {"icalendar": VERSION, "version", "prodid", "calscale",
   "events": [{"uid", "start", "end", "stamp", "summary", "description", "categories", "url"}],
   "physical_lines", "longest_line_octets", "bare_line_breaks"}
Times are ISO 8601 in UTC; an all-day event's start and end are dates (`2019-11-18`). Exits 2 when the module is missing, 1 when the file does not parse.
"""

import datetime
import json
import sys

try:
    import icalendar
except ImportError:
    print("the Python module `icalendar` is missing: python3 -m pip install icalendar", file=sys.stderr)
    sys.exit(2)


def utc(value):
    # An all-day event's DTSTART and DTEND are dates, with no time and no zone.
    if not isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d")
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    calendar = icalendar.Calendar.from_ical(data)
    events = []
    for event in calendar.walk("VEVENT"):
        categories = []
        raw = event.get("CATEGORIES")
        for item in raw if isinstance(raw, list) else [raw] if raw is not None else []:
            categories.extend(str(c) for c in item.cats)
        events.append(
            {
                "uid": str(event.get("UID")),
                "start": utc(event.decoded("DTSTART")),
                "end": utc(event.decoded("DTEND")),
                "stamp": utc(event.decoded("DTSTAMP")),
                "summary": str(event.get("SUMMARY")),
                "description": str(event.get("DESCRIPTION", "")),
                "categories": categories,
                "url": str(event["URL"]) if "URL" in event else None,
            }
        )
    lines = data.split(b"\r\n")
    summary = {
        "icalendar": icalendar.__version__,
        "version": str(calendar.get("VERSION")),
        "prodid": str(calendar.get("PRODID")),
        "calscale": str(calendar.get("CALSCALE")),
        "events": events,
        "physical_lines": len(lines) - 1,
        "ends_with_crlf": data.endswith(b"\r\n"),
        "longest_line_octets": max((len(line) for line in lines), default=0),
        "bare_line_breaks": sum(line.count(b"\r") + line.count(b"\n") for line in lines),
    }
    json.dump(summary, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
