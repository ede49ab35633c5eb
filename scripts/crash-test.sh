#!/usr/bin/env bash
# The long crash test (issue 12): at least 1,000 SIGKILLs of ingest at random points over a few
# hundred inputs, each round resumed and compared with an uninterrupted run (articles, claims,
# rejections, event membership), plus PRAGMA integrity_check, unlinked and duplicated links,
# and two concurrent ingests into one file. Prints the counts as JSON; exits 1 on any difference.
#   scripts/crash-test.sh [KILLS] [INPUTS]      (defaults 1000 and 400; ~1 s per kill)
# Add --ngram to link with the n-gram embedder (faster; the crash safety does not depend on it).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PYTHONPATH=src exec "$PY" -m fogofwar.benchmarks.crash_bench --kills "${1:-1000}" --inputs "${2:-400}" "${@:3}"
