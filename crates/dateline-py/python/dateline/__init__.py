"""dateline: saved news pages (live blogs and articles, any outlet) to one timeline in UTC.

``read`` reads one page into the JSON contract's document, ``timeline`` reads pages and merges
the reports of the same event, ``times`` finds every time in a text. They return the contract as
Python values (the dicts ``json.loads`` gives of the CLI's ``--format json`` output); the
contract is documented in the repository's ``docs/json.md``.
"""

from ._dateline import (
    FORMAT_VERSION,
    DatelineError,
    DatelineWarning,
    __version__,
    read,
    times,
    timeline,
)

__all__ = [
    "FORMAT_VERSION",
    "DatelineError",
    "DatelineWarning",
    "__version__",
    "read",
    "times",
    "timeline",
]
