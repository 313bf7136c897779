"""Type stubs of the ``dateline`` package (its native module ``dateline._dateline``)."""

import datetime
from typing import Any, Dict, Iterable, Optional, Tuple, Union

__version__: str
FORMAT_VERSION: int

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
