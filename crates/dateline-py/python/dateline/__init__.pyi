"""Type stubs of the ``dateline`` package (its native module ``dateline._dateline``)."""

import datetime
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

__version__: str
FORMAT_VERSION: int
#: How far past its end a window's scoring reads (``score``), in hours.
REACH_HOURS: int

Page = Union[bytes, str]
Instant = Union[str, datetime.datetime]

class DatelineError(ValueError):
    """A value dateline cannot use, or pages none of which could be read."""

class DatelineWarning(UserWarning):
    """A warning about a page read, as the CLI prints on standard error."""

def read(
    data: Page,
    path: str = "-",
    zone: Optional[str] = None,
    country: Optional[str] = None,
    captured_at: Optional[Instant] = None,
    layout: Optional[str] = None,
) -> Dict[str, Any]:
    """One saved page (text copy, HTML or MHTML) to the JSON contract's document."""

def read_archive(
    data: bytes,
    path: str = "-.warc",
    zone: Optional[str] = None,
    country: Optional[str] = None,
    captured_at: Optional[Instant] = None,
    layout: Optional[str] = None,
) -> List[Dict[str, Any]]:
    """Every HTML page of a web archive (WARC) to the JSON contract's documents, as the CLI reads it."""

def timeline(
    pages: Iterable[Tuple[str, Page]],
    zone: Optional[str] = None,
    country: Optional[str] = None,
    captured_at: Optional[Instant] = None,
    layout: Optional[str] = None,
) -> Dict[str, Any]:
    """(path, data) pairs to the JSON contract's timeline, as ``dateline timeline --format json``."""

def times(
    text: str,
    reference: Optional[Instant] = None,
    zone: Optional[str] = None,
    country: Optional[str] = None,
) -> Dict[str, Any]:
    """Every time in a text, as ``dateline time --format json``."""

Document = Union[Dict[str, Any], str]

def windows(documents: Iterable[Document], days: int = 1) -> List[Tuple[str, str]]:
    """Windows of whole UTC days over the documents' posts, as (start, end) RFC 3339 pairs."""

def census(documents: Iterable[Document], start: Instant, end: Instant) -> bytes:
    """The census (every word, with the posts that carry it) of the posts stamped in a window."""

def add_census(a: bytes, b: bytes) -> bytes:
    """Two windows' censuses summed."""

def score(documents: Iterable[Document], census: bytes, start: Instant, end: Instant) -> bytes:
    """A window's scored pairs, with the whole input's census."""

def reconcile(
    documents: Iterable[Document], scored: Iterable[bytes], format: Optional[str] = None
) -> Any:
    """The timeline of all the documents from every window's scored pairs (a dict), or with a
    ``format`` the timeline written in it (bytes)."""

def render(timeline: Dict[str, Any], format: str) -> bytes:
    """A timeline in one of the CLI's formats (``json``, ``csv``, ``parquet``...)."""
