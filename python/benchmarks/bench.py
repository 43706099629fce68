"""Throughput of attache from Python and from Spark against the `attache code` CLI, on the same
Reuters-21578 articles. Prints a Markdown table (docs/python-and-spark.md quotes it).

    python python/benchmarks/bench.py --bin target/release/attache \
        --sgm ../shared/corpora/reuters21578/reut2-000.sgm [--spark-sgm 'reut2-00*.sgm']

Single core: the CLI and Python are both pinned to CPU 0 (taskset) and measured in wall and
CPU seconds (CPU time is the fairer figure on a shared machine). Two cores: the Spark job in
local[2] against two CLI processes, each on one half of the input, in parallel.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import attache
from attache import reuters


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cli(bin_, path, pin=None, extra=()):
    cmd = [bin_, "code", *extra, "--format", "jsonl", path]
    if pin is not None and shutil.which("taskset"):
        cmd = ["taskset", "-c", str(pin)] + cmd
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def write_jsonl(arts, path):
    with open(path, "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--sgm", required=True, help="Reuters file(s) (a glob) for the single-core comparison")
    p.add_argument("--spark-sgm", help="glob of Reuters files for the two-core comparison")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--spark-copies", type=int, default=1, help="repeat the Spark input N times (new ids)")
    a = p.parse_args()

    tmp = tempfile.mkdtemp(prefix="attache-bench-")
    one_files = sorted(glob.glob(a.sgm))
    arts = [x for f in one_files for x in reuters.read(f)]
    src = os.path.join(tmp, "one.jsonl")
    write_jsonl(arts, src)
    n = len(arts)
    rows = []

    # --- single core ---------------------------------------------------------------------
    if shutil.which("taskset"):
        os.sched_setaffinity(0, {0})
    t = time.perf_counter()
    attache.engine()
    load_s = time.perf_counter() - t

    best = {}
    for _ in range(a.repeat):
        c0, w0 = cpu_children(), time.perf_counter()
        run_cli(a.bin, src, pin=0).wait()
        w, c = time.perf_counter() - w0, cpu_children() - c0
        best["cli"] = min(best.get("cli", (1e9, 1e9)), (w, c))

        c0, w0 = cpu_children(), time.perf_counter()
        run_cli(a.bin, src, pin=0, extra=["--all-languages"]).wait()
        w, c = time.perf_counter() - w0, cpu_children() - c0
        best["cli_all"] = min(best.get("cli_all", (1e9, 1e9)), (w, c))

        c0, w0 = time.process_time(), time.perf_counter()
        for _doc in attache.code_batch(arts):
            pass
        w, c = time.perf_counter() - w0, time.process_time() - c0
        best["py"] = min(best.get("py", (1e9, 1e9)), (w, c))

        eng = attache.engine()
        c0, w0 = time.process_time(), time.perf_counter()
        for i in range(0, n, 64):
            eng.code_json_many(arts[i : i + 64])
        w, c = time.perf_counter() - w0, time.process_time() - c0
        best["py_json"] = min(best.get("py_json", (1e9, 1e9)), (w, c))

    # The CLI's figure includes loading the tables once per process; report it apart.
    cli_w, cli_c = best["cli"]
    rows.append(("CLI `attache code --format jsonl`, 1 core", n, cli_w, cli_c))
    rows.append(("CLI `attache code --all-languages --format jsonl`, 1 core", n, *best["cli_all"]))
    rows.append(("Python `attache.code_batch` (dicts), 1 core", n, *best["py"]))
    rows.append(("Python `Engine.code_json_many` (JSON strings), 1 core", n, *best["py_json"]))

    print(f"articles: {n} from {len(one_files)} file(s); Python engine load {load_s:.2f} s; best of {a.repeat}\n")
    print("| run | docs | wall s | CPU s | docs/s (wall) | docs/s (CPU) |")
    print("|---|---|---|---|---|---|")
    for name, k, w, c in rows:
        print(f"| {name} | {k} | {w:.2f} | {c:.2f} | {k / w:.0f} | {k / c:.0f} |")
    print(
        f"\nPython / CLI CPU time: {best['py'][1] / best['cli_all'][1]:.2f}x against the CLI coding the same "
        f"articles (--all-languages), {best['py'][1] / cli_c:.2f}x against its default (which also "
        "detects languages); target <= 1.5x"
    )

    # --- two cores: Spark local[2] against two CLI processes -----------------------------
    if a.spark_sgm:
        os.sched_setaffinity(0, set(range(os.cpu_count() or 2)))
        files = sorted(glob.glob(a.spark_sgm))
        big = [
            dict(x, id=f"{x['id']}-{k}") if a.spark_copies > 1 else x
            for k in range(a.spark_copies)
            for f in files
            for x in reuters.read(f)
        ]
        m = len(big)
        allp = os.path.join(tmp, "all.jsonl")
        write_jsonl(big, allp)
        h1, h2 = os.path.join(tmp, "h1.jsonl"), os.path.join(tmp, "h2.jsonl")
        write_jsonl(big[: m // 2], h1)
        write_jsonl(big[m // 2 :], h2)
        c0, w0 = cpu_children(), time.perf_counter()
        procs = [run_cli(a.bin, h1, extra=["--all-languages"]), run_cli(a.bin, h2, extra=["--all-languages"])]
        for pr in procs:
            pr.wait()
        cli2, cli2_cpu = time.perf_counter() - w0, cpu_children() - c0
        out = os.path.join(tmp, "spark-out")
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
        w0 = time.perf_counter()
        r = subprocess.run(
            [sys.executable, "-m", "attache.spark", allp, out, "--master", "local[2]", "--partitions", "2"],
            env=env, capture_output=True, text=True,
        )
        spark_total = time.perf_counter() - w0
        line = [x for x in r.stderr.splitlines() if x.startswith("attache.spark:")]
        print(f"\narticles: {m} from {len(files)} files x {a.spark_copies}\n")
        print("| run | docs | wall s | CPU s | docs/s (wall) | docs/s per CPU s |")
        print("|---|---|---|---|---|---|")
        print(f"| 2 CLI processes (--all-languages), one half each | {m} | {cli2:.2f} | {cli2_cpu:.2f} | {m / cli2:.0f} | {m / cli2_cpu:.0f} |")
        if line:
            job_s = float(line[0].split(" in ")[1].split(" s")[0])
            cpu_s = float(line[0].split(", ")[-1].split(" CPU s")[0]) if " CPU s" in line[0] else float("nan")
            print(f"| Spark local[2] job (read, code, write 3 Parquet tables) | {m} | {job_s:.2f} | {cpu_s:.1f} | {m / job_s:.0f} | {m / cpu_s:.0f} |")
        print(f"| Spark local[2], whole command incl. JVM start | {m} | {spark_total:.2f} | | {m / spark_total:.0f} | |")
        if r.returncode != 0:
            print(r.stderr[-3000:], file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
