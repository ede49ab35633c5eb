"""Crash test: SIGKILL ingest at random points, resume, and compare with an uninterrupted run.

The reader and the embedder are loaded once; each ingest runs in a forked child, so a kill
costs only the time the child ran. Rounds: a fresh SQLite file is ingested again and again,
each run killed after a random delay (a fifth of them while the run re-reads what is stored,
the rest up to ``2.5 × uninterrupted time ÷ kills`` after that), until a run finishes; rounds
repeat until ``kills`` kills were made. Each finished round is compared with the uninterrupted
run: articles (and read status), claims (records), rejections (input,
stage, reason), event membership (which claims share an event, and the event ids), plus
``PRAGMA integrity_check``, claims left unlinked and claims linked into two events. A last
round runs two ingests of the same inputs into one file at once (no kills) and compares too.

With a ``state`` folder the test is resumable: the inputs, the uninterrupted (reference) run and
its snapshot are kept there and reused, and the counts are saved after every kill, so a run
stopped at any point (even by SIGKILL of the harness itself) goes on where it stopped; the round
that was open goes on with its own database, which is just one more kill to recover from.

    python -m fogofwar.benchmarks.crash_bench --kills 1000 --inputs 200 --state .cache/crash
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fogofwar import PIPELINE_VERSION
from fogofwar.benchmarks.read_bench import _FALLBACK, _example_sentences
from fogofwar.events.embedding import Embedder, NgramEmbedder
from fogofwar.reader import Reader
from fogofwar.services.events_link import shared_embedder
from fogofwar.services.ingest import ingest
from fogofwar.store import ClaimFilter, Store, open_store

__all__ = ["CrashReport", "crash_test", "snapshot", "write_inputs"]

BATCH = 8
_EMBEDDER: list[Embedder] = []


@dataclass(slots=True)
class CrashReport:
    """What the crash test did and found."""

    kills: int = 0
    runs: int = 0
    rounds: int = 0
    inputs: int = 0
    articles: int = 0
    claims: int = 0
    events: int = 0
    rejections: int = 0
    identical_rounds: int = 0
    differing: list[str] = field(default_factory=list)
    duplicates: int = 0
    unlinked: int = 0
    integrity_errors: int = 0
    concurrent_identical: bool | None = None
    seconds: float = 0.0
    resumed: int = 0

    @property
    def ok(self) -> bool:
        """Every round identical, nothing duplicated or unlinked, the file intact."""
        return (
            not self.differing
            and self.identical_rounds == self.rounds
            and self.duplicates == 0
            and self.unlinked == 0
            and self.integrity_errors == 0
            and self.concurrent_identical is not False
        )


def write_inputs(folder: Path, n: int, seed: int = 11) -> list[str]:
    """``n`` small input files (a few sentences of the example articles, dates spread over a
    month so they form many events) and a few bad ones (binary, empty)."""
    pools = {**_FALLBACK, **_example_sentences()}
    langs = sorted(pools)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lang = langs[i % len(langs)]
        day = date(2024, 10, 1) + timedelta(days=rng.randrange(30))
        body = " ".join(rng.choice(pools[lang]) for _ in range(rng.randint(2, 4)))
        doc = {"title": rng.choice(pools[lang]), "text": body, "published": day.isoformat()}
        doc["lang"] = lang
        (folder / f"{i:05d}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        if i % 97 == 0:
            (folder / f"{i:05d}-bad.bin").write_bytes(bytes(range(256)) * 4)
        if i % 131 == 0:
            (folder / f"{i:05d}-empty.txt").write_text("", "utf-8")
    return [str(folder)]


def snapshot(store: Store) -> dict[str, Any]:
    """What must be identical after any number of kills."""
    arts = []
    offset = 0
    while batch := store.list_articles(limit=500, offset=offset):
        arts += [(a.id, a.read_status.value) for a in batch]
        offset += len(batch)
    claims = sorted(
        (c.claim_id, json.dumps(c.to_record(), sort_keys=True))
        for c in store.iter_claims(ClaimFilter(pipeline_version=PIPELINE_VERSION))
    )
    members: dict[str, set[str]] = {}
    for d in store.events.links():
        members.setdefault(d.event_id, set()).add(d.claim_id)
    rejections = sorted((r.input, r.stage, r.reason.value) for r in store.list_rejections(10**6))
    return {
        "articles": sorted(arts),
        "claims": claims,
        "events": sorted((e, tuple(sorted(c))) for e, c in members.items()),
        "rejections": rejections,
    }


def _health(store: Store) -> tuple[int, int, int]:
    dup = getattr(store.events, "claims_in_several_events", lambda: 0)()
    return dup, len(store.unlinked_articles(PIPELINE_VERSION)), len(store.check_integrity())


def _die_with_parent() -> None:
    """Linux: the child is SIGKILLed when the harness dies, so a resumed harness never races a
    child left behind on the same file."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _child(db: Path, inputs: Sequence[str], reader: Reader) -> None:
    code = 1
    try:
        _die_with_parent()
        with open_store(str(db)) as store:
            ingest(inputs, store, reader, batch_size=BATCH, embedder=_EMBEDDER[0])
        code = 0
    finally:
        os._exit(code)


def _spawn(db: Path, inputs: Sequence[str], reader: Reader) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        _child(db, inputs, reader)
    return pid


def _compare(name: str, got: dict[str, Any], want: dict[str, Any], report: CrashReport) -> bool:
    diff = [k for k in want if got[k] != want[k]]
    if diff:
        report.differing.append(f"{name}: {', '.join(diff)}")
    return not diff


def _norm(value: Any) -> Any:
    """A snapshot as it reads back from JSON (tuples become lists), so a saved reference
    compares equal to a fresh snapshot."""
    return json.loads(json.dumps(value))


def _save(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), "utf-8")
    os.replace(tmp, path)


def _load(path: Path, key: dict[str, Any]) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if data.get("key") == key else None


@dataclass(slots=True)
class _Reference:
    want: dict[str, Any]
    full: float
    noop: float


def _reference(
    root: Path, files: Sequence[str], reader: Reader, report: CrashReport, key: dict[str, Any]
) -> _Reference:
    """The uninterrupted run (and a re-run that must change nothing), or the saved one."""
    path = root / "reference.json"
    saved = _load(path, key)
    if saved is not None:
        for name in ("articles", "claims", "events", "rejections", "duplicates", "unlinked"):
            setattr(report, name, saved["counts"][name])
        report.integrity_errors = saved["counts"]["integrity_errors"]
        report.differing[:] = saved["counts"]["differing"]
        return _Reference(saved["want"], saved["full"], saved["noop"])
    ref_db = root / "reference.db"
    ref_db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with open_store(str(ref_db)) as store:
        ingest(files, store, reader, batch_size=BATCH, embedder=_EMBEDDER[0])
        want = _norm(snapshot(store))
        dup, unl, bad = _health(store)
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    with open_store(str(ref_db)) as store:  # a re-run over stored inputs: changes nothing
        ingest(files, store, reader, batch_size=BATCH, embedder=_EMBEDDER[0])
        if _norm(snapshot(store)) != want:
            report.differing.append("re-run of the uninterrupted store")
    noop = time.perf_counter() - t0
    report.articles, report.claims = len(want["articles"]), len(want["claims"])
    report.events, report.rejections = len(want["events"]), len(want["rejections"])
    report.duplicates, report.unlinked, report.integrity_errors = dup, unl, bad
    counts = {
        n: getattr(report, n)
        for n in ("articles", "claims", "events", "rejections", "duplicates", "unlinked")
    }
    counts |= {"integrity_errors": bad, "differing": list(report.differing)}
    _save(path, {"key": key, "want": want, "full": full, "noop": noop, "counts": counts})
    return _Reference(want, full, noop)


_PROGRESS = [
    "kills",
    "runs",
    "rounds",
    "identical_rounds",
    "differing",
    "duplicates",
    "unlinked",
    "integrity_errors",
    "seconds",
]


def _check(db: Path, name: str, want: dict[str, Any], report: CrashReport) -> bool:
    with open_store(str(db)) as store:
        got = _norm(snapshot(store))
        dup, unl, bad = _health(store)
    report.duplicates += dup
    report.unlinked += unl
    report.integrity_errors += bad
    return _compare(name, got, want, report)


def crash_test(
    kills: int = 50,
    inputs: int = 300,
    *,
    seed: int = 5,
    reader: Reader | None = None,
    embedder: Embedder | None = None,
    workdir: Path | None = None,
    concurrent: bool = True,
    per_round: int | None = None,
    state: Path | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> CrashReport:
    """Kill ingest ``kills`` times over ``inputs`` inputs; see the module docstring. With
    ``per_round``, each round aims at that many kills (many shorter rounds, each compared).
    With ``state``, a folder kept between runs: the test resumes where it stopped."""
    started = time.perf_counter()
    reader = reader or Reader.default()
    _EMBEDDER[:] = [embedder or shared_embedder()]  # loaded before forking, shared by children
    tmp = tempfile.TemporaryDirectory() if workdir is None and state is None else None
    root = Path(tmp.name) if tmp is not None else Path(state or workdir or ".")
    root.mkdir(parents=True, exist_ok=True)
    report = CrashReport(inputs=inputs)
    key = {"inputs": inputs, "seed": seed, "embedder": type(_EMBEDDER[0]).__name__}
    key |= {"pipeline": PIPELINE_VERSION}
    try:
        files = write_inputs(root / "inputs", inputs, seed)
        ref = _reference(root, files, reader, report, key)
        say(
            f"uninterrupted: {ref.full:.1f}s (re-run {ref.noop:.1f}s), {report.articles} "
            f"articles, {report.claims} claims, {report.events} events"
        )
        progress_path = root / "progress.json"
        saved = _load(progress_path, key) if state is not None else None
        open_round = False
        spent = 0.0
        if saved is not None:
            for name in _PROGRESS:
                setattr(report, name, saved[name])
            report.resumed = saved["resumed"] + 1
            open_round, spent = saved["open_round"], saved["seconds"]
            say(f"resumed: {report.kills} kills, {report.rounds} rounds so far")
        # a resumed test draws new delays (seeded by where it stands), so it does not repeat
        rng = random.Random(f"{seed}-{report.kills}-{report.runs}")
        window = 2.5 * ref.full / max(1, per_round or kills)

        def save() -> None:
            if state is None:
                return
            data = {n: getattr(report, n) for n in _PROGRESS}
            data["seconds"] = spent + time.perf_counter() - started
            data |= {"key": key, "open_round": open_round, "resumed": report.resumed}
            _save(progress_path, data)

        while report.kills < kills:
            if not open_round:
                report.rounds += 1
                (root / f"round-{report.rounds}.db").unlink(missing_ok=True)
                open_round = True
            db = root / f"round-{report.rounds}.db"
            while True:
                report.runs += 1
                pid = _spawn(db, files, reader)
                # a fifth of the kills anywhere in the re-reading of what is stored, the rest
                # in the new work after it (so every round makes progress)
                early = rng.random() < 0.2
                time.sleep(rng.uniform(0, ref.noop) if early else ref.noop + rng.uniform(0, window))
                done, status = os.waitpid(pid, os.WNOHANG)
                if done == 0:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    report.kills += 1
                    save()
                    if report.kills % 100 == 0:
                        say(f"{report.kills} kills, {report.runs} runs")
                    continue
                if os.waitstatus_to_exitcode(status) != 0:
                    report.differing.append(f"round {report.rounds}: a run failed")
                    break
                # one more, uninterrupted run: it must change nothing
                pid = _spawn(db, files, reader)
                os.waitpid(pid, 0)
                report.runs += 1
                break
            report.identical_rounds += _check(db, f"round {report.rounds}", ref.want, report)
            open_round = False
            save()
            say(
                f"round {report.rounds}: {report.kills} kills so far, identical="
                f"{report.identical_rounds}/{report.rounds} rounds, duplicates={report.duplicates},"
                f" unlinked={report.unlinked}, integrity errors={report.integrity_errors}"
            )
            db.unlink(missing_ok=True)
        if concurrent:
            db = root / "concurrent.db"
            db.unlink(missing_ok=True)
            pids = [_spawn(db, files, reader) for _ in range(2)]
            codes = [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in pids]
            same = _check(db, "concurrent", ref.want, report)
            report.concurrent_identical = codes == [0, 0] and same
    finally:
        if tmp is not None:
            tmp.cleanup()
    report.seconds = spent + time.perf_counter() - started
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the counts; exit 1 when anything differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--inputs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--ngram", action="store_true", help="n-gram embedder (faster)")
    parser.add_argument("--offline", action="store_true", help="reader without registry/gazetteer")
    parser.add_argument("--per-round", type=int, default=50, help="kills aimed at per round")
    parser.add_argument("--state", type=Path, help="folder kept between runs (resumable)")
    args = parser.parse_args(argv)
    embedder = NgramEmbedder() if args.ngram else None
    report = crash_test(
        args.kills,
        args.inputs,
        seed=args.seed,
        reader=Reader.offline() if args.offline else None,
        embedder=embedder,
        per_round=args.per_round,
        state=args.state,
        say=lambda line: print(time.strftime("%H:%M:%S ") + line, flush=True),
    )
    print(json.dumps({k: getattr(report, k) for k in report.__dataclass_fields__}, indent=1))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
