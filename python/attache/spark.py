"""attache on Spark: code a DataFrame of articles into DataFrames of documents, events and
facts, and write them as Parquet partitioned by publication date.

    from attache.spark import code_dataframe, write
    coded = code_dataframe(spark.read.parquet("s3://bucket/articles/"))   # id, text, published
    coded.events.groupBy("cameo").count().show()
    write(coded, "s3://bucket/attache/")        # documents/, events/, facts/ by pub_date=...

Each executor's Python worker loads the engine once and codes whole Arrow batches
(``mapInArrow``) with one call into Rust, which releases the GIL; the documents come back as
JSON Lines that pyarrow parses straight into Arrow with the explicit schema below, so no
per-row Python objects are built on the way out.

Command line (what ``spark-submit`` runs)::

    python -m attache.spark INPUT OUTPUT [--master local[2]] [--date YYYY-MM-DD] ...

INPUT is JSON Lines (``.jsonl``, ``.json``, ``.gz``) or Parquet (a file or a directory) of
articles with ``text`` and optionally ``id`` and ``published``.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Sequence

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

__all__ = [
    "ARTICLE_SCHEMA",
    "DOCUMENT_SCHEMA",
    "Coded",
    "code_dataframe",
    "write",
    "main",
]

# ---------------------------------------------------------------------------------------------
# Schemas. DOCUMENT_SCHEMA mirrors the contract (shared/spec/output.md) field for field; the
# events and facts tables flatten it (one row per event / fact, with the document's id and date).

S, D, L = StringType(), DoubleType(), LongType()


def _struct(*fields: tuple) -> StructType:
    return StructType([StructField(name, t, True) for name, t in fields])


def _arr(t: DataType) -> ArrayType:
    return ArrayType(t, True)


_PARTY = _struct(("name", S), ("country", S), ("code", S))
_MENTION = _struct(("sentence", L), ("span", _arr(L)))
_ACTOR = _struct(
    ("name", S), ("country", S), ("code", S), ("kind", S), ("role", S),
    ("mentions", _arr(_arr(L))), ("rule", S),
)
_EVENT = _struct(
    ("source", _PARTY), ("target", _PARTY), ("cameo", S), ("quad_class", L), ("goldstein", D),
    ("plover", S), ("plover_mode", S), ("date", S), ("date_source", S), ("status", S),
    ("count", L), ("location", _struct(("name", S), ("country", S))), ("mentions", _arr(_MENTION)),
    ("text", S), ("rule", S),
)
_CHECK = _struct(("kind", S), ("status", S), ("message", S), ("facts", _arr(L)))
_FACT = _struct(
    ("indicator", S), ("subject", S), ("partner", S), ("period", S), ("value", D), ("unit", S),
    ("qualifier", S), ("change", _struct(("from", D), ("to", D))), ("rank", L),
    ("items", _arr(S)), ("mentions", _arr(_MENTION)), ("text", S), ("rule", S),
    ("checks", _arr(_CHECK)),
)
_TIMEX = _struct(("text", S), ("type", S), ("value", S), ("mod", S), ("span", _arr(L)), ("rule", S))
_QUANTITY = _struct(
    ("text", S), ("kind", S), ("value", D), ("unit", S), ("qualifier", S), ("range", _arr(D)),
    ("span", _arr(L)), ("rule", S),
)

#: One coded document per input article (the contract's document).
DOCUMENT_SCHEMA = _struct(
    ("id", S), ("title", S), ("url", S), ("source", S), ("published", S),
    ("published_basis", S), ("dateline", _struct(("place", S), ("country", S))),
    ("language", S), ("text", S), ("actors", _arr(_ACTOR)), ("events", _arr(_EVENT)),
    ("facts", _arr(_FACT)), ("times", _arr(_TIMEX)), ("quantities", _arr(_QUANTITY)),
    ("warnings", _arr(S)),
)

#: What the JSON Lines reader of the command line expects (other columns are ignored).
ARTICLE_SCHEMA = _struct(("id", S), ("text", S), ("published", S), ("title", S), ("url", S))

# ---------------------------------------------------------------------------------------------


def _arrow_schema():
    from pyspark.sql.pandas.types import to_arrow_schema

    return to_arrow_schema(DOCUMENT_SCHEMA)


def _code_batches(
    batches: Iterator[Any],
    dicts: Sequence[str],
    date: Optional[str],
    threads: int,
    keep_text: bool,
) -> Iterator[Any]:
    """Runs in the Python workers: Arrow batches of (id, text, published) in, Arrow batches of
    coded documents out."""
    import pyarrow.json as pj

    import attache

    eng = attache.engine(dicts)
    schema = _arrow_schema()
    parse = pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore")
    for batch in batches:
        if batch.num_rows == 0:
            continue
        ids = batch.column(0).to_pylist()
        texts = batch.column(1).to_pylist()
        published = batch.column(2).to_pylist()
        buf = eng.code_columns(ids, texts, published, date, threads, keep_text)
        # One block holds the whole buffer: a document is never split across blocks.
        read = pj.ReadOptions(use_threads=False, block_size=max(len(buf) + 1, 1 << 20))
        table = pj.read_json(io.BytesIO(buf), read_options=read, parse_options=parse)
        yield from table.to_batches()


@dataclass
class Coded:
    """The coded DataFrames: ``documents`` (one row per article, nested as in the contract),
    ``events`` and ``facts`` (one row per event / fact, flat columns)."""

    documents: DataFrame

    @property
    def events(self) -> DataFrame:
        return events_of(self.documents)

    @property
    def facts(self) -> DataFrame:
        return facts_of(self.documents)


def _col_or_null(df: DataFrame, name: Optional[str]):
    if name and name in df.columns:
        return F.col(name).cast("string")
    return F.lit(None).cast("string")


def code_dataframe(
    df: DataFrame,
    *,
    text_col: str = "text",
    id_col: str = "id",
    published_col: str = "published",
    date: Optional[str] = None,
    dicts: Optional[Sequence[str]] = None,
    keep_text: bool = True,
    threads: int = 1,
) -> Coded:
    """Codes a DataFrame of articles. ``text_col`` is required; a missing id column gives
    content-derived ids, a missing or null date leaves the engine to infer it from the
    dateline (``date`` is the fallback, the CLI's ``--date``). ``published`` may be a string,
    a date or a timestamp column. ``keep_text=False`` drops the (cleaned) text from the
    documents table; keep it if you need the character offsets to point somewhere.
    ``threads`` > 1 codes each batch on that many threads per Python worker (leave it at 1
    when Spark already runs one task per core)."""
    if text_col not in df.columns:
        raise ValueError(f"the DataFrame has no `{text_col}` column (columns: {df.columns})")
    if date is not None:
        _check_date(date)  # on the driver, so a bad date fails before any task runs
    articles = df.select(
        _col_or_null(df, id_col).alias("id"),
        F.col(text_col).cast("string").alias("text"),
        _col_or_null(df, published_col).alias("published"),
    )
    dirs = [str(d) for d in (dicts or ())]

    def run(batches):
        return _code_batches(batches, dirs, date, threads, keep_text)

    return Coded(articles.mapInArrow(run, DOCUMENT_SCHEMA))


def _check_date(date: str) -> None:
    import datetime

    try:
        datetime.date.fromisoformat(date)
    except ValueError as e:
        raise ValueError(f"`{date}` is not a date of the form YYYY-MM-DD: {e}") from None


def events_of(documents: DataFrame) -> DataFrame:
    """One row per event: the document's id and dates, then the event's fields flattened."""
    keep = [c for c in ("pub_date",) if c in documents.columns]
    e = documents.select(
        F.col("id").alias("doc_id"), "published", *keep, F.posexplode("events").alias("event_index", "e")
    )
    return e.select(
        "doc_id", "published", *keep, "event_index",
        F.col("e.date").alias("date"), F.col("e.date_source").alias("date_source"),
        F.col("e.source.name").alias("source_name"), F.col("e.source.country").alias("source_country"),
        F.col("e.source.code").alias("source_code"),
        F.col("e.target.name").alias("target_name"), F.col("e.target.country").alias("target_country"),
        F.col("e.target.code").alias("target_code"),
        F.col("e.cameo").alias("cameo"), F.col("e.quad_class").alias("quad_class"),
        F.col("e.goldstein").alias("goldstein"), F.col("e.plover").alias("plover"),
        F.col("e.plover_mode").alias("plover_mode"), F.col("e.status").alias("status"),
        F.col("e.count").alias("count"),
        F.col("e.location.name").alias("location_name"), F.col("e.location.country").alias("location_country"),
        F.col("e.mentions").alias("mentions"), F.col("e.text").alias("text"), F.col("e.rule").alias("rule"),
    )


def facts_of(documents: DataFrame) -> DataFrame:
    """One row per fact: the document's id and dates, then the fact's fields flattened."""
    keep = [c for c in ("pub_date",) if c in documents.columns]
    f = documents.select(
        F.col("id").alias("doc_id"), "published", *keep, F.posexplode("facts").alias("fact_index", "f")
    )
    return f.select(
        "doc_id", "published", *keep, "fact_index",
        *[F.col(f"f.{c}").alias(c) for c in ("indicator", "subject", "partner", "period", "value", "unit", "qualifier")],
        F.col("f.change.from").alias("change_from"), F.col("f.change.to").alias("change_to"),
        *[F.col(f"f.{c}").alias(c) for c in ("rank", "items", "mentions", "text", "rule", "checks")],
    )


def write(
    data: Any,
    out_dir: str,
    *,
    mode: str = "overwrite",
    **code_args: Any,
) -> dict:
    """Writes ``out_dir/documents``, ``out_dir/events`` and ``out_dir/facts`` as Parquet,
    partitioned by ``pub_date`` (the publication date; articles without one go to Spark's
    ``__HIVE_DEFAULT_PARTITION__``). ``data`` is a :class:`Coded` or a DataFrame of articles
    (coded here with ``code_args``). Codes each article once: the documents are written
    first, and events and facts are read back from them. Returns the paths."""
    coded = data if isinstance(data, Coded) else code_dataframe(data, **code_args)
    spark = coded.documents.sparkSession
    out = out_dir.rstrip("/")
    paths = {k: f"{out}/{k}" for k in ("documents", "events", "facts")}
    docs = coded.documents.withColumn("pub_date", F.to_date(F.substring("published", 1, 10)))
    docs.write.mode(mode).partitionBy("pub_date").parquet(paths["documents"])
    written = spark.read.parquet(paths["documents"])
    events_of(written).write.mode(mode).partitionBy("pub_date").parquet(paths["events"])
    facts_of(written).write.mode(mode).partitionBy("pub_date").parquet(paths["facts"])
    return paths


# ---------------------------------------------------------------------------------------------
# Command line


def read_articles(spark: SparkSession, path: str, fmt: str = "auto") -> DataFrame:
    """Reads articles from JSON Lines or Parquet (a file or a directory)."""
    if fmt == "auto":
        fmt = _detect_format(path)
    if fmt == "parquet":
        return spark.read.parquet(path)
    return spark.read.schema(ARTICLE_SCHEMA).json(path)


def _detect_format(path: str) -> str:
    if "://" in path:  # object storage: go by the name
        return "parquet" if ".parquet" in path or not any(x in path for x in (".json", ".jsonl")) else "json"
    if os.path.isdir(path):
        for _root, _dirs, files in os.walk(path):
            for f in files:
                if f.endswith(".parquet"):
                    return "parquet"
        return "json"
    return "parquet" if path.endswith(".parquet") else "json"


def _tree_cpu_seconds() -> Optional[float]:
    """CPU seconds used so far by this process and all its live descendants (the local JVM,
    the PySpark daemon and its Python workers), from Linux's /proc; None elsewhere. Only
    meaningful in local mode, where the whole job runs in this process tree."""
    try:
        tick = os.sysconf("SC_CLK_TCK")
        procs = {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            rest = stat[stat.rfind(")") + 2 :].split()
            procs[int(name)] = (int(rest[1]), sum(int(x) for x in rest[11:15]))
    except (OSError, ValueError, AttributeError):
        return None
    children: dict = {}
    for pid, (ppid, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    total, stack = 0, [os.getpid()]
    while stack:
        pid = stack.pop()
        total += procs.get(pid, (0, 0))[1]
        stack.extend(children.get(pid, ()))
    return total / tick


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m attache.spark",
        description="Code articles (JSON Lines or Parquet: text, id, published) with attache on "
        "Spark and write documents/, events/ and facts/ as Parquet partitioned by pub_date.",
    )
    p.add_argument("input", help="JSON Lines or Parquet file or directory of articles")
    p.add_argument("output", help="output directory (documents/, events/, facts/)")
    p.add_argument("--master", help="Spark master, e.g. local[2] (spark-submit sets it)")
    p.add_argument("--format", choices=["auto", "json", "parquet"], default="auto")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for articles that have none")
    p.add_argument("--dict", action="append", default=[], dest="dicts", help="extra dictionary directory")
    p.add_argument("--no-text", action="store_true", help="leave the article text out of documents/")
    p.add_argument("--threads", type=int, default=1, help="coding threads per Python worker")
    p.add_argument("--partitions", type=int, help="repartition the input into N partitions")
    p.add_argument("--mode", default="overwrite", choices=["overwrite", "append", "error", "ignore"])
    a = p.parse_args(argv)
    if a.date:
        try:
            _check_date(a.date)
        except ValueError as e:
            p.error(str(e))
    # Local runs: the workers must use this interpreter (the one with attache installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # No console progress bars: the job's output is the one summary line.
    b = SparkSession.builder.appName("attache").config("spark.ui.showConsoleProgress", "false")
    if a.master:
        b = b.master(a.master)
    spark = b.getOrCreate()
    local = spark.sparkContext.master.startswith("local")
    cpu0 = _tree_cpu_seconds() if local else None
    t0 = time.monotonic()
    df = read_articles(spark, a.input, a.format)
    if a.partitions:
        df = df.repartition(a.partitions)
    paths = write(df, a.output, mode=a.mode, date=a.date, dicts=a.dicts, keep_text=not a.no_text, threads=a.threads)
    elapsed = time.monotonic() - t0
    cpu1 = _tree_cpu_seconds() if cpu0 is not None else None
    cpu = f", {cpu1 - cpu0:.1f} CPU s" if cpu0 is not None and cpu1 is not None else ""
    counts = {k: spark.read.parquet(v).count() for k, v in paths.items()}
    rate = counts["documents"] / elapsed if elapsed > 0 else 0.0
    print(
        f"attache.spark: {counts['documents']} documents, {counts['events']} events, "
        f"{counts['facts']} facts in {elapsed:.1f} s{cpu} ({rate:.0f} documents/s) -> {a.output}",
        file=sys.stderr,
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
