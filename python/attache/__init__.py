"""attache from Python: code news articles into the contract's documents (events, actors,
facts, time expressions, quantities, each with character offsets into the text).

    >>> import attache
    >>> doc = attache.code("Iran accused Iraq of shelling Basra.", published="1987-03-02")
    >>> [e["cameo"] for e in doc["events"]]

The Rust engine and its tables are built into the wheel (the same tables as the ``attache``
command line). The engine loads once per process, on first use, and is shared by all threads;
coding releases the GIL, so Python threads code in parallel.

Errors: ``ValueError`` for bad input (a ``published`` or ``date`` that is not YYYY-MM-DD, a
missing text), ``TypeError`` for values of the wrong type, ``RuntimeError`` when the tables
cannot be loaded (e.g. a bad extra dictionary directory).
"""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, Iterable, Iterator, Optional, Sequence, Tuple, Union

from ._attache import Engine
from ._attache import version as _version

__all__ = ["Engine", "code", "code_batch", "engine", "__version__"]

__version__ = _version()

_lock = threading.Lock()
_engines: Dict[Tuple[str, ...], Engine] = {}

Item = Union[str, Dict[str, Any]]


def engine(dicts: Optional[Sequence[str]] = None) -> Engine:
    """The process's engine for these extra dictionary directories (none by default), built on
    first use and reused after: loading the tables is the expensive part."""
    key = tuple(str(d) for d in (dicts or ()))
    eng = _engines.get(key)
    if eng is None:
        with _lock:
            eng = _engines.get(key)
            if eng is None:
                eng = Engine(list(key) or None)
                _engines[key] = eng
    return eng


def code(
    text: str,
    published: Any = None,
    id: Optional[Union[str, int]] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
    *,
    date: Any = None,
    dicts: Optional[Sequence[str]] = None,
) -> Dict[str, Any]:
    """Codes one article and returns the contract's document as a dict.

    ``published`` (str ``YYYY-MM-DD``, ISO timestamp, ``datetime.date``/``datetime``) is the
    publication date relative dates resolve against; ``date`` is the fallback used when an
    article has none and its dateline gives none (the CLI's ``--date``).
    """
    return json.loads(engine(dicts).code_json(text, published, id, title, url, source, date))


def code_batch(
    items: Iterable[Item],
    *,
    date: Any = None,
    batch_size: int = 64,
    threads: int = 1,
    strict: bool = True,
    dicts: Optional[Sequence[str]] = None,
) -> Iterator[Dict[str, Any]]:
    """Codes a stream of articles lazily, yielding one document dict per item, in order.

    Each item is a text (str) or a dict with ``text`` and optionally ``id``, ``published``
    (or ``date``), ``title``, ``url``, ``source``. Items are coded ``batch_size`` at a time with
    the GIL released, on ``threads`` threads. With ``strict=False`` a bad item (no text, an
    unreadable ``published``) does not raise: its document says why in ``warnings``, as the
    command line does.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if threads < 1:
        raise ValueError("threads must be at least 1")
    eng = engine(dicts)
    buf: list = []
    done = 0
    loads = json.loads
    for it in items:
        buf.append(it)
        if len(buf) >= batch_size:
            for s in eng.code_json_many(buf, date, strict, threads, done):
                yield loads(s)
            done += len(buf)
            buf = []
    if buf:
        for s in eng.code_json_many(buf, date, strict, threads, done):
            yield loads(s)
