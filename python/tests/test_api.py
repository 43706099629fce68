"""The Python API: attache.code, attache.code_batch, errors, and the GIL being released."""

import datetime
import itertools
import threading
import time
import types

import pytest

import attache

CONTRACT_KEYS = {
    "id", "title", "url", "source", "published", "published_basis", "dateline", "language",
    "text", "actors", "events", "facts", "times", "quantities", "warnings",
}

ARTICLE = (
    "TEHRAN, March 2 - Iran accused Iraq on Monday of shelling the port of Basra, "
    "and said it would retaliate. Iranian officials met Syrian envoys in Damascus last week."
)


def test_code_returns_the_contract_document():
    doc = attache.code(ARTICLE, published="1987-03-02", id="a1", title="Gulf")
    assert CONTRACT_KEYS <= set(doc)
    assert doc["id"] == "a1"
    assert doc["title"] == "Gulf"
    assert doc["published"] == "1987-03-02"
    assert doc["published_basis"] == "metadata"
    assert doc["events"], "an accusation between two countries is an event"
    ev = doc["events"][0]
    assert {"cameo", "quad_class", "goldstein", "source", "target", "mentions"} <= set(ev)
    # spans are code points into the returned text, as in Python slicing
    for t in doc["times"]:
        s, e = t["span"]
        assert doc["text"][s:e] == t["text"]


def test_spans_count_code_points_for_non_ascii_text():
    text = "Señor Ébré — " + ARTICLE
    doc = attache.code(text, published="1987-03-02")
    assert doc["times"], "'Monday' and 'last week' are time expressions"
    for t in doc["times"]:
        s, e = t["span"]
        assert doc["text"][s:e] == t["text"]
    for a in doc["actors"]:
        for s, e in a["mentions"]:
            assert 0 <= s < e <= len(doc["text"])


def test_same_result_as_batch_and_date_objects():
    one = attache.code(ARTICLE, published=datetime.date(1987, 3, 2), id="x")
    two = attache.code(ARTICLE, published="1987-03-02T10:00:00Z", id="x")
    (three,) = list(attache.code_batch([{"id": "x", "text": ARTICLE, "published": "1987-03-02"}]))
    assert one["events"] == two["events"] == three["events"]
    assert one == three


def test_relative_dates_resolve_against_published():
    a = attache.code("Iran accused Iraq on Monday of shelling Basra.", published="1987-03-04")
    b = attache.code("Iran accused Iraq on Monday of shelling Basra.", published="1990-06-14")
    assert a["times"] and b["times"]
    assert a["times"][0]["value"] != b["times"][0]["value"]


def test_date_option_is_the_fallback_for_undated_articles():
    doc = attache.code("Iran accused Iraq of shelling Basra.", date="1988-01-05")
    assert doc["published"] == "1988-01-05"
    assert doc["published_basis"] == "given"
    dated = attache.code("Iran accused Iraq of shelling Basra.", published="1987-01-01", date="1988-01-05")
    assert dated["published"] == "1987-01-01"


def test_bad_input_raises_value_and_type_errors():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        attache.code(ARTICLE, published="2 March 1987")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        attache.code(ARTICLE, published="1987-02-30")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        attache.code(ARTICLE, date="yesterday")
    with pytest.raises(ValueError, match="text"):
        attache.code(None)
    with pytest.raises(TypeError, match="text"):
        attache.code(42)
    with pytest.raises(TypeError, match="published"):
        attache.code(ARTICLE, published=3.5)


def test_bad_dictionary_directory_is_a_runtime_error(tmp_path):
    with pytest.raises(RuntimeError, match="is not a directory"):
        attache.engine(dicts=[str(tmp_path / "does-not-exist")])
    bad = tmp_path / "dicts"
    (bad / "geo").mkdir(parents=True)
    (bad / "geo" / "countries.tsv").write_text("not\tthe\theader\n")
    with pytest.raises(RuntimeError, match="countries.tsv"):
        attache.engine(dicts=[str(bad)])


def test_code_batch_is_a_lazy_generator_in_order():
    texts = (f"Iran accused Iraq of shelling Basra on day {i}." for i in itertools.count())
    gen = attache.code_batch(({"id": f"d{i}", "text": t} for i, t in enumerate(texts)), batch_size=4)
    assert isinstance(gen, types.GeneratorType)
    first = list(itertools.islice(gen, 6))  # an infinite input: only what is asked is coded
    assert [d["id"] for d in first] == [f"d{i}" for i in range(6)]
    assert all(d["events"] for d in first)


def test_code_batch_accepts_strings_and_threads_keep_order():
    items = [ARTICLE, "France and Germany signed a trade agreement.", {"text": ARTICLE, "id": 7}]
    one = list(attache.code_batch(items, batch_size=2))
    many = list(attache.code_batch(items * 5, batch_size=8, threads=3))
    assert [d["id"] for d in many[:3]] == [d["id"] for d in one]
    assert one[2]["id"] == "7"
    assert one[0]["events"] == one[2]["events"]
    assert many[3:6] == one


def test_code_batch_errors_name_the_item_unless_lenient():
    items = [{"text": ARTICLE}] * 70 + [{"text": ARTICLE, "published": "not a date"}]
    with pytest.raises(ValueError, match="item 70"):
        list(attache.code_batch(items, batch_size=64))
    with pytest.raises(TypeError, match="item 1"):
        list(attache.code_batch(["ok", 3]))
    lenient = list(attache.code_batch([{"id": "a", "text": ARTICLE, "published": "not a date"}, {"id": "b"}], strict=False))
    assert [d["id"] for d in lenient][0] == "a"
    assert any("not a YYYY-MM-DD" in w for w in lenient[0]["warnings"])
    assert any("no `text`" in w for w in lenient[1]["warnings"])
    with pytest.raises(ValueError):
        list(attache.code_batch([ARTICLE], batch_size=0))


def test_coding_releases_the_gil():
    # Long enough to observe on a fast machine (~0.1 ms per short article).
    docs = [{"text": (ARTICLE + " ") * 4 + f" Report {i}."} for i in range(3000)]
    eng = attache.engine()
    window = {}
    ticks = []

    def work():
        window["start"] = time.monotonic()
        eng.code_json_many(docs)
        window["end"] = time.monotonic()

    t = threading.Thread(target=work)
    t.start()
    while t.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.001)
    t.join()
    # Ticks well inside the Rust call can only happen if it let go of the GIL.
    inside = [x for x in ticks if window["start"] + 0.02 < x < window["end"] - 0.02]
    assert window["end"] - window["start"] > 0.1, "the batch should take long enough to observe"
    assert inside, "the main thread never ran while the batch was coded"
