"""Reads Reuters-21578 SGML files (``reut2-NNN.sgm``, Latin-1) into article dicts, so the
corpus can be fed to :func:`attache.code_batch` or written as JSON Lines for Spark.

One article per ``<REUTERS>`` record that has a ``<BODY>``: ``id`` is ``reuters-<NEWID>``,
``text`` is the dateline, a space and the body (entities unescaped, the closing "Reuter"
dropped), ``published`` the day of ``<DATE>``, ``title`` the ``<TITLE>``.

    python -m attache.reuters reut2-000.sgm [more.sgm ...] > articles.jsonl
"""

from __future__ import annotations

import html
import json
import re
import sys
from typing import Dict, Iterator, Optional

_RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
_END = re.compile(r"\s*\breuter\b[\s.\x03]*$", re.I)


def _element(rec: str, tag: str) -> Optional[str]:
    m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", rec, re.S)
    return m.group(1) if m else None


def _date(s: str) -> Optional[str]:
    """``26-FEB-1987 15:01:01.79`` -> ``1987-02-26``."""
    m = re.match(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})", s)
    if not m or m.group(2).upper() not in _MONTHS:
        return None
    return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2).upper()]:02d}-{int(m.group(1)):02d}"


def records(sgml: str) -> Iterator[Dict[str, Optional[str]]]:
    """The articles of one file's text."""
    for m in _RECORD.finditer(sgml):
        attrs, rec = m.group(1), m.group(2)
        body = _element(rec, "BODY")
        if body is None:
            continue
        newid = _NEWID.search(attrs)
        body = _END.sub("", html.unescape(body).rstrip("\x03 \n\t"))
        dateline = html.unescape(_element(rec, "DATELINE") or "").strip()
        title = html.unescape(_element(rec, "TITLE") or "").strip() or None
        date = _element(rec, "DATE")
        yield {
            "id": f"reuters-{newid.group(1)}" if newid else None,
            "text": f"{dateline} {body}" if dateline else body,
            "published": _date(date) if date else None,
            "title": title,
        }


def read(path: str) -> Iterator[Dict[str, Optional[str]]]:
    """The articles of one ``.sgm`` file (read as Latin-1, the corpus's encoding)."""
    with open(path, encoding="latin-1") as f:
        yield from records(f.read())


def main(argv=None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python -m attache.reuters FILE.sgm [...] > articles.jsonl", file=sys.stderr)
        return 2
    out = sys.stdout
    for p in paths:
        for a in read(p):
            out.write(json.dumps(a, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
