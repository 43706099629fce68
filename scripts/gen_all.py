#!/usr/bin/env python3
"""Regenerate every generated data table in dependency order, then check them all.

    python3 -m venv /tmp/attache-data && /tmp/attache-data/bin/pip install -r scripts/requirements.txt
    /tmp/attache-data/bin/python scripts/gen_all.py

The CAMEO tables read ../shared (set ATTACHE_SHARED to point elsewhere). Rerunning with unchanged
inputs leaves the files byte-identical."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = ["gen_cameo.py", "gen_cameo_roles.py", "gen_countries.py", "gen_places.py", "gen_leaders.py"]


def main():
    for step in STEPS:
        print(f"== {step}", flush=True)
        r = subprocess.run([sys.executable, os.path.join(HERE, step)])
        if r.returncode != 0:
            print(f"{step} failed with status {r.returncode}", file=sys.stderr)
            return r.returncode
    print("== check_tables.py", flush=True)
    return subprocess.run([sys.executable, os.path.join(HERE, "check_tables.py")]).returncode


if __name__ == "__main__":
    sys.exit(main())
