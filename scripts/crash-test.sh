#!/usr/bin/env bash
# The long crash test (issue 12): at least 1,000 SIGKILLs of ingest at random points over a few
# hundred inputs, each round resumed and compared with an uninterrupted run (articles, claims,
# rejections, event membership), plus PRAGMA integrity_check, unlinked and duplicated links,
# and two concurrent ingests into one file. Prints the counts as JSON; exits 1 on any difference.
#   scripts/crash-test.sh [KILLS] [INPUTS] [more options]   (defaults 1000 and 200)
# Resumable: the inputs, the uninterrupted reference run and the counts (saved after every kill)
# live in $STATE (default .cache/crash-test); run the same command again to go on where it
# stopped; delete the folder to start over. Runs at the lowest CPU priority.
# Add --ngram --offline to read without registry/gazetteer and link with the n-gram embedder
# (about 2 s per kill on 2 shared cores; the crash safety depends on neither).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
STATE=${STATE:-.cache/crash-test}
PYTHONPATH=src exec nice -n 19 "$PY" -m fogofwar.benchmarks.crash_bench \
  --kills "${1:-1000}" --inputs "${2:-200}" --state "$STATE" "${@:3}"
