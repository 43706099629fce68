"""Shared fixtures: where the repository, the shared corpora and the CLI binary are."""

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
REUTERS = SHARED / "corpora" / "reuters21578" / "reut2-000.sgm"


@pytest.fixture(scope="session")
def reuters_sgm() -> Path:
    if not REUTERS.exists():
        pytest.skip(f"Reuters-21578 sample not found at {REUTERS} (../shared is absent): skipped")
    return REUTERS


@pytest.fixture(scope="session")
def attache_bin() -> str:
    """The `attache` CLI: $ATTACHE_BIN, else target/release/attache (or $CARGO_TARGET_DIR's).
    Missing: skip, unless ATTACHE_REQUIRE_CLI=1 (CI), where the comparison must run."""
    candidates = [os.environ.get("ATTACHE_BIN")]
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(str(Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "attache"))
    candidates.append(str(REPO / "target" / "release" / "attache"))
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    msg = f"attache CLI not found (tried {[c for c in candidates if c]}); set ATTACHE_BIN or `cargo build --release -p attache`"
    if os.environ.get("ATTACHE_REQUIRE_CLI") == "1":
        pytest.fail(msg)
    pytest.skip(msg)
    return shutil.which("attache") or ""
