"""attache.spark: coding a DataFrame in local[2] mode, and the spark-submit entry point over
Reuters-21578 writing Parquet whose events equal those of the `attache code` CLI."""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")

from attache import reuters  # noqa: E402
from attache.spark import DOCUMENT_SCHEMA, code_dataframe, write  # noqa: E402

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
# Not beside python/attache: the launcher must import the installed wheel, not the sources.
LAUNCHER = Path(__file__).resolve().parents[1] / "scripts" / "attache_spark_submit.py"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("attache-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield s
    s.stop()


ARTICLES = [
    (1, "TEHRAN, March 2 - Iran accused Iraq on Monday of shelling the port of Basra.", "1987-03-02"),
    (2, "France and Germany signed a trade agreement in Paris on Tuesday.", "1987-03-03"),
    (3, "The weather was mild.", None),
    (4, None, "1987-03-04"),
]


def test_code_dataframe_schemas_and_rows(spark, tmp_path):
    import datetime

    rows = [(i, t, datetime.date.fromisoformat(p) if p else None) for i, t, p in ARTICLES]
    df = spark.createDataFrame(rows, "id long, text string, published date")
    coded = code_dataframe(df)
    assert coded.documents.schema == DOCUMENT_SCHEMA
    docs = {r["id"]: r for r in coded.documents.collect()}
    assert set(docs) == {"1", "2", "3", "4"}
    assert docs["1"]["published"] == "1987-03-02"
    assert docs["1"]["events"], "an accusation between two countries is an event"
    assert any("no `text`" in w for w in docs["4"]["warnings"])
    events = coded.events.collect()
    assert {"doc_id", "published", "cameo", "source_code", "target_code", "goldstein"} <= set(coded.events.columns)
    assert len(events) == sum(len(d["events"]) for d in docs.values())
    assert {e["doc_id"] for e in events} >= {"1"}

    paths = write(coded, str(tmp_path / "out"))
    parts = sorted(p.name for p in (tmp_path / "out" / "documents").iterdir() if p.name.startswith("pub_date="))
    assert parts == ["pub_date=1987-03-02", "pub_date=1987-03-03", "pub_date=1987-03-04", "pub_date=__HIVE_DEFAULT_PARTITION__"]
    assert spark.read.parquet(paths["events"]).count() == len(events)
    assert spark.read.parquet(paths["documents"]).count() == 4


def test_code_dataframe_rejects_bad_arguments(spark):
    df = spark.createDataFrame([("a", "x")], "id string, body string")
    with pytest.raises(ValueError, match="text"):
        code_dataframe(df)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        code_dataframe(df, text_col="body", date="March 1987")


def test_module_entry_point_help():
    r = subprocess.run([sys.executable, "-m", "attache.spark", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    assert "INPUT" in r.stdout.upper() and "--date" in r.stdout
    bad = subprocess.run([sys.executable, "-m", "attache.spark", "in", "out", "--date", "soon"], capture_output=True, text=True)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def _event_keys(doc_id, events):
    return [
        (doc_id, e["cameo"], (e.get("source") or {}).get("code"), (e.get("target") or {}).get("code"),
         e.get("date"), e.get("status"), e.get("count"))
        for e in events
    ]


def test_spark_job_over_reuters_equals_the_cli(reuters_sgm, attache_bin, tmp_path):
    arts = list(reuters.read(str(reuters_sgm)))
    assert len(arts) > 500, "reut2-000.sgm has ~900 articles with a body"
    src = tmp_path / "reuters.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")

    # The CLI on the same JSON Lines; --all-languages because the Python and Spark paths code
    # every article they are given (the CLI skips the two French ones by default).
    cli = subprocess.run([attache_bin, "code", "--all-languages", "--format", "jsonl", str(src)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr[-2000:]
    cli_docs = [json.loads(line) for line in cli.stdout.splitlines() if line.strip()]
    assert len(cli_docs) == len(arts)
    cli_events = Counter(k for d in cli_docs for k in _event_keys(d["id"], d["events"]))
    cli_facts = Counter((d["id"], f["indicator"], f.get("value")) for d in cli_docs for f in d["facts"])

    # Through spark-submit (pip's pyspark ships it beside this interpreter), as on a cluster,
    # in local[2] mode: the driver and the workers use the interpreter with the wheel installed.
    out = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    if not os.path.exists(submit):
        submit = shutil.which("spark-submit")
    assert submit, "spark-submit not found beside the Python interpreter nor on PATH"
    job = subprocess.run(
        [submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false", str(LAUNCHER),
         str(src), str(out), "--partitions", "2"],
        capture_output=True, text=True, env=env,
    )
    assert job.returncode == 0, job.stderr[-4000:]
    # spark-submit's runner forwards the driver's stderr to its own stdout
    assert "attache.spark:" in job.stdout + job.stderr

    docs = pq.read_table(out / "documents", columns=["id", "events"]).to_pylist()
    assert len(docs) == len(arts)
    assert {d["id"] for d in docs} == {a["id"] for a in arts}
    ev = pq.read_table(out / "events").to_pylist()
    spark_events = Counter(
        (e["doc_id"], e["cameo"], e["source_code"], e["target_code"], e["date"], e["status"], e["count"]) for e in ev
    )
    assert sum(cli_events.values()) > 100, "Reuters sample codes many events"
    assert len(ev) == sum(cli_events.values())
    assert spark_events == cli_events
    facts = pq.read_table(out / "facts", columns=["doc_id", "indicator", "value"]).to_pylist()
    assert Counter((f["doc_id"], f["indicator"], f["value"]) for f in facts) == cli_facts
    # Partitioned by publication date: Reuters-000 spans a few days of 1987.
    parts = [p.name for p in (out / "events").iterdir() if p.name.startswith("pub_date=")]
    assert parts and all(p.startswith("pub_date=1987-") for p in parts)
