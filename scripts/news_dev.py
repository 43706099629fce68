#!/usr/bin/env python3
"""Score attache's event coding on the invented world-politics articles in fixtures/news-dev.

    python3 scripts/news_dev.py [--bin PATH] [--build] [--explain] [--json] [ID ...]

Codes fixtures/news-dev/articles.jsonl with one call of `attache code FILE --format jsonl`,
scores every document against fixtures/news-dev/gold/<id>.json with the functions of
shared/eval/score.py, and prints micro-averaged events P/R/F1 (loose and strict) over all
documents (or over the IDs given).

  --bin PATH   the binary (default: $ATTACHE_BIN, else $CARGO_TARGET_DIR/release/attache when
               CARGO_TARGET_DIR is set, else target/release/attache under the project root)
  --build      run `cargo build --release -p attache` first
  --explain    per document: gold events missed (loose; with any system event on the same
               sentence), gold events matched loosely but not strictly (with what the system
               said), and false positives
  --json       print the figures as one JSON object as well

The scorer lives in ../shared/eval (or $ATTACHE_SHARED/eval); when it is absent the script says
so and exits 0, since shared/ is not part of a fresh clone.
Python standard library only.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures", "news-dev")
SHARED = os.environ.get("ATTACHE_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")


def load_scorer():
    """Import shared/eval/score.py, or None when shared/ is not there."""
    ev = os.path.join(SHARED, "eval")
    if not os.path.exists(os.path.join(ev, "score.py")):
        return None
    sys.path.insert(0, ev)
    import score  # noqa: E402
    return score


def default_binary():
    if os.environ.get("ATTACHE_BIN"):
        return os.environ["ATTACHE_BIN"]
    if os.environ.get("CARGO_TARGET_DIR"):
        return os.path.join(os.environ["CARGO_TARGET_DIR"], "release", "attache")
    return os.path.join(ROOT, "target", "release", "attache")


def load_articles():
    arts = []
    with open(os.path.join(FIXTURES, "articles.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    arts.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise SystemExit(f"news_dev: articles.jsonl line {n}: {e}")
    return arts


def code_all(binary, docs):
    """One call of the binary over all docs; outputs aligned with docs by id."""
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "news-dev.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "text": d["text"], "published": d.get("published")},
                                   ensure_ascii=False) + "\n")
        p = subprocess.run([binary, "code", inp, "--format", "jsonl"], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"news_dev: {binary} failed (exit {p.returncode}): {p.stderr.strip()[-400:]}")
    outs = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    by_id = {o.get("id"): o for o in outs}
    return [by_id.get(d["id"]) or {} for d in docs]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def side(x):
    """'KOR' or 'KORGOV' for an event side (dict or plain code)."""
    if isinstance(x, dict):
        return x.get("code") or x.get("country") or "-"
    return x or "-"


def describe_sys(e):
    return (f"{e.get('cameo')} {side(e.get('source'))}->{side(e.get('target'))} "
            f"date={e.get('date')} status={e.get('status')} count={e.get('count')}")


def describe_gold(g):
    extra = " sym" if g.get("symmetric") else ""
    return (f"{g.get('id')}: {'/'.join(g['cameo'])} {g['source']}->{g['target']}{extra} "
            f"date={g.get('date')} status={g.get('status')}"
            + (f" count={g['count']}" if g.get("count") else "") + f"  [{g.get('evidence')}]")


def explain(score, gold, doc):
    """Lines naming the loose misses, the loose-but-not-strict matches and the false positives."""
    text = doc.get("text") or ""
    golds, items = gold.get("events") or [], doc.get("events") or []
    out = []
    _, _, _, _, loose_taken, loose_kinds = score.align(
        golds, items, lambda g, it: score.event_match(g, it, text, False))
    _, _, _, _, strict_taken, _ = score.align(
        golds, items, lambda g, it: score.event_match(g, it, text, True))
    for j, g in enumerate(golds):
        if g.get("optional"):
            continue
        if j not in loose_taken:
            out.append(f"  FN   {describe_gold(g)}")
            # what the system did say about that sentence, if anything: wrong parties or wrong root
            near = [it for it in items if score.has_evidence(g, it, text)]
            for it in near:
                out.append(f"         same sentence: {describe_sys(it)}")
        elif j not in strict_taken:
            out.append(f"  STR  {describe_gold(g)}\n         system: {describe_sys(items[loose_taken[j]])}")
    for it, kind in zip(items, loose_kinds):
        if kind == "fp":
            out.append(f"  FP   {describe_sys(it)}\n         text: {(it.get('text') or '')[:160]}")
    return out


def main(argv):
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    score = load_scorer()
    if score is None:
        print(f"news_dev: SKIP: the scorer {os.path.join(SHARED, 'eval', 'score.py')} is absent "
              "(shared/ is not part of the repository); nothing scored")
        return 0
    binary = default_binary()
    if "--bin" in argv:
        binary = argv[argv.index("--bin") + 1]
    ids = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--bin")]
    if "--build" in argv:
        r = subprocess.run(["cargo", "build", "--release", "-p", "attache"], cwd=ROOT)
        if r.returncode != 0:
            print("news_dev: cargo build failed")
            return 1
    if not os.path.exists(binary):
        print(f"news_dev: no binary at {binary}: build it (cargo build --release -p attache) or pass --bin")
        return 1

    arts = load_articles()
    if ids:
        unknown = set(ids) - {a["id"] for a in arts}
        if unknown:
            print(f"news_dev: unknown ids: {sorted(unknown)}")
            return 2
        arts = [a for a in arts if a["id"] in ids]
    golds = {}
    for a in arts:
        path = os.path.join(FIXTURES, "gold", a["id"] + ".json")
        with open(path, encoding="utf-8") as f:
            golds[a["id"]] = json.load(f)
    outs = code_all(binary, arts)

    agg = {(lvl, k): 0 for lvl in ("loose", "strict") for k in ("tp", "fp", "fn", "dup")}
    per_doc = {}
    for a, o in zip(arts, outs):
        o = dict(o)
        o.setdefault("text", a["text"])
        r = score.score(golds[a["id"]], o)
        per_doc[a["id"]] = {lvl: r["events"][lvl] for lvl in ("loose", "strict")}
        for lvl in ("loose", "strict"):
            for k in ("tp", "fp", "fn", "dup"):
                agg[(lvl, k)] += r["events"][lvl][k]
        if "--explain" in argv:
            lo, st = r["events"]["loose"], r["events"]["strict"]
            print(f"== {a['id']}  loose F1 {lo['f1']:.2f} (tp {lo['tp']} fn {lo['fn']} fp {lo['fp']})  "
                  f"strict F1 {st['f1']:.2f}")
            for line in explain(score, golds[a["id"]], o):
                print(line)
    summary = {"docs": len(arts)}
    for lvl in ("loose", "strict"):
        p, rec, f = prf(agg[(lvl, "tp")], agg[(lvl, "fp")], agg[(lvl, "fn")])
        summary[lvl] = {"p": round(p, 3), "r": round(rec, 3), "f1": round(f, 3),
                        **{k: agg[(lvl, k)] for k in ("tp", "fp", "fn", "dup")}}
    if "--explain" in argv:
        print()
    print(f"{'document':<28} {'loose P/R/F1':>18} {'strict P/R/F1':>18}")
    for i, d in per_doc.items():
        lo, st = d["loose"], d["strict"]
        print(f"{i:<28} {lo['p']:.2f}/{lo['r']:.2f}/{lo['f1']:.2f}     {st['p']:.2f}/{st['r']:.2f}/{st['f1']:.2f}")
    if "--json" in argv:
        print(json.dumps({"summary": summary, "documents": per_doc}))
    for lvl in ("loose", "strict"):
        s = summary[lvl]
        print(f"news-dev events {lvl:<6} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}"
              f"  (tp {s['tp']} fp {s['fp']} fn {s['fn']} dup {s['dup']}, {len(arts)} docs)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
