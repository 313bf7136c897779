"""dateline on a Dask cluster: pages and web archives (WARC) read and merged across the workers of
a ``dask.distributed`` cluster, into the timeline ``dateline timeline`` builds from the same files
on one machine.

Reading is per page; merging needs every report of a stretch of time. So the work runs in the
steps of the merge's partitioned form (the Rust crate ``dateline-merge``'s ``partition`` module,
``docs/merging.md``):

1. the pages are read in batches, one task a batch, each on a worker (a web archive, ``*.warc``
   or ``*.warc.gz``, is read whole by one task: every HTML page it holds);
2. each batch counts the words of its posts (``dateline.census``), and the counts are summed
   two by two (``dateline.add_census``);
3. the posts' UTC days are cut into windows (a week each by default); each window's task reads
   the documents with posts within its reach (the window and the 72 hours after it) and scores
   the pairs whose earlier post it owns (``dateline.score``);
4. one task clusters every window's pairs and builds the events over all the documents
   (``dateline.reconcile``), and writes the timeline as Parquet, or returns it.

``dask.distributed`` is not a dependency of the package: install it beside it
(``pip install "dask[distributed]"``). ::

    from dask.distributed import Client, LocalCluster
    from dateline.distributed import timeline

    if __name__ == "__main__":  # the workers are processes that import this script
        with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
            timeline(client, paths, parquet="timeline.parquet")
"""

import datetime
import json
import os
import warnings

import dateline

#: How far past its end a window's scoring reads: twice the merge's longest event span.
REACH = datetime.timedelta(hours=dateline.REACH_HOURS)

_EARLIEST = "0001-01-01T00:00:00Z"
_LATEST = "9999-12-31T00:00:00Z"


def _shown(path):
    """The name a page is known by, as the CLI shows it: relative to the working directory when
    it lies under it, else as given."""
    if os.path.isabs(path):
        rest = os.path.relpath(path)
        if rest != os.curdir and not rest.startswith(os.pardir):
            return rest
    return path


def _read(paths, options):
    """The documents of the pages at ``paths`` (pairs of a path and the name it is shown by; a web
    archive gives every HTML page it holds, each named by its address) that could be read, each as its JSON text (as
    ``dateline.read`` gives it, dumped: the form the other steps read fastest) with the span of
    its posts' UTC times (None for a document without a dated post). A page that cannot be read
    is left out, as the CLI leaves it out of the timeline."""
    documents = []
    for path, name in paths:
        with open(path, "rb") as page:
            data = page.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dateline.DatelineWarning)
            try:
                if _is_archive(path):
                    read = dateline.read_archive(data, path=name, **options)
                else:
                    read = [dateline.read(data, path=name, **options)]
            except dateline.DatelineError:
                continue
        for document in read:
            times = [_utc(p["time"]["utc"]) for p in document["posts"] if p.get("time")]
            span = (min(times), max(times)) if times else None
            documents.append((json.dumps(document), span))
    return documents


#: What the CLI reads in a directory it is given: saved pages and web archives.
_PAGES = (".txt", ".html", ".htm", ".mhtml", ".mht", ".warc", ".warc.gz")


def _expand(paths):
    """The files of ``paths``: a directory stands for its saved pages and web archives (not its
    subdirectories), as for the CLI."""
    out = []
    for path in map(str, paths):
        if os.path.isdir(path):
            out.extend(
                os.path.join(path, name)
                for name in sorted(os.listdir(path))
                if name.lower().endswith(_PAGES) and os.path.isfile(os.path.join(path, name))
            )
        else:
            out.append(path)
    return out


def _is_archive(path):
    """Whether a path names a web archive (WARC), by its extension, as the CLI tells them."""
    name = os.path.basename(path).lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def _utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _span(batch):
    """The earliest and the latest UTC time of a batch's posts, or None."""
    spans = [span for _, span in batch if span is not None]
    if not spans:
        return None
    return (min(s[0] for s in spans), max(s[1] for s in spans))


def _census(batch):
    return dateline.census([text for text, _ in batch], _EARLIEST, _LATEST)


def _score(census, start, end, *batches):
    """A window's pairs, from the documents of ``batches`` with a post within its reach."""
    begin = _utc(start)
    reach = _utc(end) + REACH
    documents = [
        text
        for batch in batches
        for text, span in batch
        if span is not None and span[0] < reach and span[1] >= begin
    ]
    return dateline.score(documents, census, start, end)


def _reconcile(scored, parquet, *batches):
    documents = [text for batch in batches for text, _ in batch]
    if parquet is None:
        return dateline.reconcile(documents, scored)
    with open(parquet, "wb") as out:
        out.write(dateline.reconcile(documents, scored, format="parquet"))
    return parquet


def windows(first, last, days=1):
    """Windows of ``days`` whole UTC days, as (start, end) datetimes, from the day of ``first`` to
    that of ``last``: those of ``dateline-merge``'s ``Window::days``."""
    start = datetime.datetime(first.year, first.month, first.day, tzinfo=datetime.timezone.utc)
    step = datetime.timedelta(days=max(days, 1))
    out = []
    while start <= last:
        out.append((start, start + step))
        start += step
    return out


def timeline(client, paths, days=7, batch=64, parquet=None, **options):
    """The timeline of the pages at ``paths`` (files, or directories of saved pages and web
    archives, as the CLI takes them), read and merged on the workers of ``client`` (a
    ``dask.distributed.Client``): the JSON contract's timeline, with the documents read and the
    events ``dateline timeline`` builds from the same pages (its diagnostics are the merge's);
    with ``parquet``, the timeline is written there instead, as ``dateline timeline --format
    parquet`` writes it (byte for byte), and the path is returned.

    ``days`` is the width of a window (a window's task reads its posts and those of the 72 hours
    after it, so wider windows read fewer posts twice), ``batch`` the pages a reading task reads,
    and ``options`` are those of ``dateline.read`` (``zone``, ``country``, ``captured_at``,
    ``layout``), applied to every page. A page is named by its path as the CLI names it: relative
    to the working directory when it lies under it, else as given."""
    files = sorted((p, _shown(p)) for p in _expand(paths))
    pages = [f for f in files if not _is_archive(f[0])]
    batches = [[f] for f in files if _is_archive(f[0])]
    batches += [pages[k : k + batch] for k in range(0, len(pages), batch)]
    documents = client.map(_read, batches, options=options, pure=False)
    spans = client.gather(client.map(_span, documents))
    known = [span for span in spans if span is not None]
    if not known:
        raise dateline.DatelineError("no page with a dated post was read")

    counts = client.map(_census, documents)
    while len(counts) > 1:
        pairs = [counts[k : k + 2] for k in range(0, len(counts), 2)]
        counts = [
            client.submit(dateline.add_census, *pair) if len(pair) == 2 else pair[0]
            for pair in pairs
        ]
    census = counts[0]

    first = min(span[0] for span in known)
    last = max(span[1] for span in known)
    scored = []
    for start, end in windows(first, last, days):
        reach = end + REACH
        near = [
            batch
            for batch, span in zip(documents, spans)
            if span is not None and span[0] < reach and span[1] >= start
        ]
        if near:
            scored.append(
                client.submit(_score, census, start.isoformat(), end.isoformat(), *near)
            )
    return client.submit(_reconcile, scored, parquet, *documents).result()
