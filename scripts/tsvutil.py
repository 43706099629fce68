"""Shared helpers for the data generators: write a sorted, unique TSV with a comment header."""
import datetime
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("ATTACHE_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))


def data_path(*parts):
    return os.path.join(ROOT, "data", *parts)


def clean(v):
    """A field value: no tabs/newlines, no surrounding spaces."""
    v = "" if v is None else str(v)
    return " ".join(v.replace("\t", " ").replace("\r", " ").replace("\n", " ").split())


def join_list(items):
    """Deduplicate preserving order, join with '|'."""
    seen, out = set(), []
    for it in items:
        it = clean(it).replace("|", "/")
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return "|".join(out)


def write_tsv(path, comments, columns, rows):
    """rows: list of lists. Sorted by first column (code-point order), keys must be unique."""
    rows = [[clean(v) for v in r] for r in rows]
    for r in rows:
        if len(r) != len(columns):
            sys.exit(f"{path}: row {r!r} has {len(r)} fields, expected {len(columns)}")
    rows.sort(key=lambda r: r[0])
    keys = [r[0] for r in rows]
    dups = sorted({k for k in keys if keys.count(k) > 1}) if len(set(keys)) != len(keys) else []
    if dups:
        sys.exit(f"{path}: duplicate keys {dups[:20]}")
    body = "\t".join(columns) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    # Rerunning must give the same bytes: when the rows did not change, keep the old file
    # (and with it the date in its header).
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
        old_body = "".join(l for l in old.splitlines(True) if not l.startswith("#"))
        old_comments = [l[2:].rstrip("\n") for l in old.splitlines(True) if l.startswith("#")]
        new_comments = [c.replace("{date}", "") for c in comments]
        if old_body == body and [c for c in old_comments] and len(old_comments) == len(comments):
            same = all(_strip_date(a) == b for a, b in zip(old_comments, new_comments))
            if same:
                print(f"unchanged {path}: {len(rows)} rows")
                return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write("# " + c.replace("{date}", today()) + "\n")
        f.write(body)
    print(f"wrote {path}: {len(rows)} rows")


def _strip_date(comment):
    import re
    return re.sub(r" on \d{4}-\d{2}-\d{2}", " on ", comment, count=1)


def read_tsv(path):
    """Return (columns, rows as dicts) of one of our TSV files (comments skipped)."""
    cols, rows = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if cols is None:
                cols = parts
                continue
            parts += [""] * (len(cols) - len(parts))
            rows.append(dict(zip(cols, parts)))
    return cols, rows


def pkg_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:
        return "?"


def today():
    # Deterministic output: a fixed date can be forced with SOURCE_DATE_EPOCH.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.utcfromtimestamp(int(epoch)).strftime("%Y-%m-%d")
    return datetime.date.today().isoformat()
