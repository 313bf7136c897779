"""dateline: saved news pages (live blogs and articles, any outlet) to one timeline in UTC.

``read`` reads one page into the JSON contract's document (``read_archive`` every page of a web
archive), ``timeline`` reads pages and merges
the reports of the same event, ``times`` finds every time in a text. They return the contract as
Python values (the dicts ``json.loads`` gives of the CLI's ``--format json`` output); the
contract is documented in the repository's ``docs/json.md``. ``render`` writes a timeline in any
of the CLI's formats (Parquet among them).

The merge also runs in windows of time, each window's work apart (in other processes, on other
machines), with the same result: ``windows``, ``census`` and ``add_census``, ``score`` and
``reconcile``. ``dateline.distributed`` runs them on a Dask cluster.
"""

from ._dateline import (
    FORMAT_VERSION,
    REACH_HOURS,
    DatelineError,
    DatelineWarning,
    __version__,
    add_census,
    census,
    read,
    read_archive,
    reconcile,
    render,
    score,
    times,
    timeline,
    windows,
)

__all__ = [
    "FORMAT_VERSION",
    "REACH_HOURS",
    "DatelineError",
    "DatelineWarning",
    "__version__",
    "add_census",
    "census",
    "read",
    "read_archive",
    "reconcile",
    "render",
    "score",
    "times",
    "timeline",
    "windows",
]
