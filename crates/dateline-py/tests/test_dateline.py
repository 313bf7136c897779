"""The Python package against the CLI's contract: the same pages give the same JSON as
``dateline timeline --format json``; errors and warnings say what the CLI says."""

import datetime
import json
import os
import pathlib
import subprocess
import warnings

import pytest

import dateline

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CLI = os.environ.get("DATELINE_BIN", str(ROOT / "target" / "debug" / "dateline"))


def cli_json(*args):
    """The CLI's JSON output (`dateline ARGS --format json`); under CI the binary must be built,
    elsewhere the comparison is skipped without it."""
    if not os.path.exists(CLI):
        if os.environ.get("CI"):
            pytest.fail(f"the dateline binary is not built at {CLI}: cargo build first")
        pytest.skip(f"the dateline binary is not built at {CLI} (cargo build, or set DATELINE_BIN)")
    out = subprocess.run([CLI, *args, "--format", "json"], check=True, capture_output=True)
    return json.loads(out.stdout)


def pages():
    return [(str(p.relative_to(ROOT)), p.read_bytes()) for p in SEEDS]


def test_timeline_of_the_seeds_is_the_clis():
    assert SEEDS, "the seed pages are in the repository's seeds/"
    ours = dateline.timeline(pages())
    os.chdir(ROOT)
    theirs = cli_json("timeline", *[path for path, _ in pages()])
    assert ours == theirs
    assert ours["version"] == dateline.FORMAT_VERSION
    assert len(ours["events"]) > 10


def test_read_gives_one_document_with_resolved_times():
    path, data = pages()[0]
    doc = dateline.read(data, path=path)
    assert doc["path"] == path
    timed = [p for p in doc["posts"] if p.get("time")]
    assert timed and all(p["time"]["utc"].endswith("Z") or "+" in p["time"]["utc"] for p in timed)
    # The page read from str is the same page.
    assert dateline.read(data.decode("utf-8"), path=path) == doc


def test_what_the_user_knows_is_checked_as_the_cli_checks_it():
    with pytest.raises(dateline.DatelineError, match="not an IANA zone name"):
        dateline.read(b"x", zone="Mars/Olympus")
    with pytest.raises(dateline.DatelineError, match="ISO 3166"):
        dateline.read(b"x", country="Britain")
    with pytest.raises(dateline.DatelineError, match="RFC 3339"):
        dateline.read(b"x", captured_at="yesterday")
    with pytest.raises(dateline.DatelineError, match="without a zone"):
        dateline.read(b"x", captured_at=datetime.datetime(2020, 1, 3, 12, 0))
    with pytest.raises(ValueError):
        dateline.timeline([])


def test_a_capture_time_places_relative_stamps_and_a_missing_one_is_a_warning():
    page = (
        b"The Daily Example\n\nStorm hits coast\n\n6 hours ago\n\n"
        b"A storm hit the coast on Tuesday, officials said. Hundreds of homes lost power and "
        b"roads were closed across the region.\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = dateline.read(page, path="storm.txt")
    assert [w.category for w in caught] == [dateline.DatelineWarning]
    assert "warning[unresolved-stamp]" in str(caught[0].message)
    assert doc["posts"][0].get("time") is None
    saved = datetime.datetime(2020, 1, 3, 18, 0, tzinfo=datetime.timezone.utc)
    doc = dateline.read(page, path="storm.txt", captured_at=saved, zone="UTC")
    assert doc["posts"][0]["time"]["utc"].startswith("2020-01-03T12:00")


def test_times_is_the_time_command():
    text = "12:31 p.m. ET, January 4, 2020\nThe strike came last night, officials said."
    ours = dateline.times(text, reference="2020-01-04T18:00:00Z")
    theirs = cli_json("time", text, "--reference", "2020-01-04T18:00:00Z")
    assert ours == theirs
    kinds = [f["kind"] for f in ours["found"]]
    assert kinds == ["stamp", "expression"]


def test_a_page_that_is_no_text_raises_alone_and_is_an_error_beside_others():
    image = ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    with pytest.raises(dateline.DatelineError, match="image.png"):
        dateline.timeline([image])
    with pytest.raises(dateline.DatelineError):
        dateline.read(image[1], path=image[0])
    result = dateline.timeline([image, pages()[0]])
    errors = [d for d in result["diagnostics"] if d["severity"] == "error"]
    assert [d["path"] for d in errors] == ["image.png"]
    assert result["events"]
