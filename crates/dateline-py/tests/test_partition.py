"""The merge in windows of time, from Python, and on a Dask cluster of two workers: the same
events as ``dateline timeline`` builds from the same pages."""

import functools
import gzip
import json
import os
import pathlib
import subprocess

import pytest

import dateline

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CLI = os.environ.get("DATELINE_BIN", str(ROOT / "target" / "debug" / "dateline"))


def seed_pages():
    return [(str(p.relative_to(ROOT)), p.read_bytes()) for p in SEEDS]


def dask_and_cli():
    """``dask.distributed``, with the CLI built to compare with; under CI both must be there,
    elsewhere the test is skipped without them."""
    try:
        from dask import distributed
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("dask.distributed is not installed: pip install 'dask[distributed]'")
        pytest.skip("dask.distributed is not installed")
    if not os.path.exists(CLI):
        if os.environ.get("CI"):
            pytest.fail(f"the dateline binary is not built at {CLI}")
        pytest.skip(f"the dateline binary is not built at {CLI}")
    return distributed


def test_the_seeds_merged_in_windows_are_merged_as_a_whole():
    pages = seed_pages()
    documents = [dateline.read(data, path=path) for path, data in pages]
    whole = dateline.timeline(pages)
    for days in (1, 30):
        windows = dateline.windows(documents, days)
        assert windows and all(start < end for start, end in windows)
        census = functools.reduce(
            dateline.add_census, [dateline.census(documents, s, e) for s, e in windows]
        )
        scored = [dateline.score(documents, census, s, e) for s, e in windows]
        parts = dateline.reconcile(documents, scored)
        assert parts["events"] == whole["events"]
        assert len(parts["events"]) > 10
    # Twice the merge's longest event span: what a window reads past its end.
    assert dateline.REACH_HOURS == 72


def test_documents_travel_as_their_json_text():
    path, data = seed_pages()[1]
    document = dateline.read(data, path=path)
    (start, end), *_ = dateline.windows([document], 30)
    assert dateline.census([json.dumps(document)], start, end) == dateline.census(
        [document], start, end
    )


def test_what_is_no_census_or_window_is_refused():
    documents = [dateline.read(data, path=path) for path, data in seed_pages()[:1]]
    with pytest.raises(dateline.DatelineError, match="make them again"):
        dateline.score(documents, b"not a census", "2020-01-03T00:00:00Z", "2020-01-04T00:00:00Z")
    with pytest.raises(dateline.DatelineError, match="before its end"):
        dateline.census(documents, "2020-01-04T00:00:00Z", "2020-01-03T00:00:00Z")
    with pytest.raises(dateline.DatelineError, match="not a document"):
        dateline.census([{"path": 3}], "2020-01-03T00:00:00Z", "2020-01-04T00:00:00Z")


def test_render_writes_the_clis_formats():
    whole = dateline.timeline(seed_pages())
    assert json.loads(dateline.render(whole, "json")) == whole
    parquet = dateline.render(whole, "parquet")
    assert parquet[:4] == b"PAR1" and parquet[-4:] == b"PAR1"
    assert dateline.render(whole, "csv").startswith(b"utc,headline,")
    with pytest.raises(dateline.DatelineError, match="unknown format `pdf`"):
        dateline.render(whole, "pdf")


def test_a_dask_cluster_of_two_workers_builds_the_clis_timeline(tmp_path):
    """Over the generated corpus in DATELINE_SYNTH (``cargo xtask python`` makes one), the recipe
    writes the Parquet ``dateline timeline --format parquet`` writes, byte for byte; over the
    seeds it returns the CLI's timeline. With ``dask.distributed`` installed (under CI it must
    be)."""
    distributed = dask_and_cli()
    from dateline.distributed import timeline

    corpus = os.environ.get("DATELINE_SYNTH")
    if corpus is None and os.environ.get("CI"):
        pytest.fail("DATELINE_SYNTH names no generated corpus: run cargo xtask python")
    paths = sorted(str(p) for p in pathlib.Path(corpus).glob("*.txt")) if corpus else []
    seeds = [str(p) for p in SEEDS]
    ours = tmp_path / "dask.parquet"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        of_seeds = timeline(client, seeds)
        if paths:
            # The corpus's directory stands for its pages, as for the CLI.
            assert timeline(client, [corpus], parquet=str(ours)) == str(ours)
    theirs = subprocess.run(
        [CLI, "timeline", *seeds, "--format", "json", "--quiet"], check=True, capture_output=True
    )
    assert of_seeds["events"] == json.loads(theirs.stdout)["events"]
    if paths:
        cli = tmp_path / "cli.parquet"
        subprocess.run(
            [CLI, "timeline", *paths, "--format", "parquet", "--quiet", "-o", str(cli)], check=True
        )
        assert ours.read_bytes() == cli.read_bytes()
        print(f"{len(paths)} pages: the Parquet of two workers is the CLI's ({cli.stat().st_size} bytes)")


def warc_record(uri, date, html):
    """One WARC response record of an HTML page."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (
        "WARC/1.1\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)) % 16**8:08x}-0000-4000-8000-000000000000>\r\n"
        f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_a_web_archive_on_a_dask_cluster_gives_the_clis_timeline(tmp_path):
    """A WARC of the HTML page fixtures: read by ``read_archive``, as the CLI reads it, and on a
    cluster of two workers into the Parquet the CLI writes of it."""
    fixtures = sorted((ROOT / "crates" / "dateline-sources" / "tests" / "fixtures" / "pages").glob("*.html"))
    assert fixtures, "the HTML page fixtures"
    archive = tmp_path / "crawl.warc.gz"
    records = [
        warc_record(f"https://news.example/{p.stem}", "2024-07-04T18:00:00Z", p.read_bytes())
        for p in fixtures
    ]
    # Gzipped record by record, as crawlers write them.
    archive.write_bytes(b"".join(gzip.compress(r) for r in records))
    documents = dateline.read_archive(archive.read_bytes(), path=str(archive))
    assert [d["path"] for d in documents] == [f"https://news.example/{p.stem}" for p in fixtures]
    with pytest.raises(dateline.DatelineError, match="damaged"):
        dateline.read_archive(records[0][: len(records[0]) // 2], path="broken.warc")
    distributed = dask_and_cli()
    from dateline.distributed import timeline

    ours = tmp_path / "dask.parquet"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        timeline(client, [archive], parquet=str(ours))
    cli = tmp_path / "cli.parquet"
    subprocess.run(
        [CLI, "timeline", str(archive), "--format", "parquet", "--quiet", "-o", str(cli)], check=True
    )
    assert ours.read_bytes() == cli.read_bytes()
