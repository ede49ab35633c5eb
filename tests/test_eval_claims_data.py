"""Loaders of the claims suite on the real shared files, parsers under Hypothesis, seed gold."""

from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.claim import Certainty, Claim, ClaimKind, Count, Counts, SourceKind, SourceRef
from fogofwar.evaluation.case2021 import load_acled_kind_map, load_case2021, load_event_types
from fogofwar.evaluation.claims_eval import seed_gold_path
from fogofwar.evaluation.plover import load_plover, load_plover_kind_map
from fogofwar.evaluation.polnear import load_polnear, parse_ann
from fogofwar.evaluation.redewiedergabe import load_redewiedergabe, parse_stwr, parse_tsv
from fogofwar.evaluation.report import EvalReport
from fogofwar.evaluation.seed_gold import SeedGold, load_seed_gold, score_seed
from fogofwar.model import ReadStatus, Span
from fogofwar.reader import ReadResult
from fogofwar.services import shared_dir

SHARED = shared_dir()
DATASETS = SHARED / "datasets"
needs_shared = pytest.mark.skipif(
    not DATASETS.is_dir(), reason=f"shared data not found at {SHARED} (set FOGOFWAR_SHARED)"
)
KINDS = {k.value for k in ClaimKind}


# --- mapping tables -------------------------------------------------------------------------


def test_plover_map_targets_are_kinds() -> None:
    kmap = load_plover_kind_map()
    assert {v for _, v in kmap.events} | {v for _, v in kmap.modes} <= KINDS


def test_acled_map_targets_are_kinds() -> None:
    assert set(load_acled_kind_map().values()) <= KINDS


@needs_shared
def test_acled_map_covers_every_type_incl_unseen() -> None:
    folder = DATASETS / "case2021_task2_acled_snippets"
    note = (folder / "Note_on_EVENT_TYPES.txt").read_text(encoding="utf-8")
    labels = set(load_event_types(folder)) | set(re.findall(r"^[A-Z_]{4,}$", note, re.M))
    assert len(labels) == 30  # 25 ACLED types + 5 unseen
    assert labels <= set(load_acled_kind_map())


# --- PLOVER ---------------------------------------------------------------------------------


@needs_shared
def test_load_plover_real_file() -> None:
    records = load_plover(DATASETS / "plover_gsr")
    assert len(records) == 322  # 323 records minus the DOCUMENT record
    by_id = {r.id: r for r in records}
    arrest = next(r for r in records if r.event == "COERCE" and r.mode == "arrest")
    assert arrest.kind == "arrest"
    assert by_id["PLOVER-GSR01-AGREE-0001"].sources == ("HUN", "ROU")
    assert by_id["PLOVER-GSR01-AGREE-0002"].targets == ()  # "JAP" is no ISO3 code
    assert {r.kind for r in records} <= KINDS


# --- CASE-2021 ------------------------------------------------------------------------------


@needs_shared
def test_load_case2021_real_file() -> None:
    snippets = load_case2021(DATASETS / "case2021_task2_acled_snippets")
    assert len(snippets) == 407
    assert snippets[0].id == "1" and snippets[0].subtype == "AIR_STRIKE"
    assert snippets[0].kind == "attack"
    assert sum(s.subtype == "ARMED_CLASH" for s in snippets) == 24


# --- PolNeAR --------------------------------------------------------------------------------


@needs_shared
def test_load_polnear_counts_and_offsets() -> None:
    folder = DATASETS / "polnear"
    docs = load_polnear(folder)
    assert sum(d.split == "dev" for d in docs) == 84
    assert sum(d.split == "train" for d in docs) == 840
    assert sum(len(d.relations) for d in docs) == 22024
    assert sum(r.source is None for d in docs for r in d.relations) > 1000  # no-source relations
    for doc in docs[:120]:
        ann = folder / doc.split / "attributions" / f"{doc.name}_{doc.annotator}.ann"
        for line in ann.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^T\d+\t(?:Source|Cue|Content) ([\d ;]+)\t(.*)$", line)
            if m:
                frags = [tuple(map(int, p.split())) for p in m.group(1).split(";")]
                assert " ".join(doc.text[a:b] for a, b in frags) == m.group(2)
    first = next(d for d in docs if d.name.startswith("breitbart_2015-11-16_o-malley"))
    assert first.relations[0].source is not None
    assert first.relations[0].source.extent.slice(first.text) == "O’Malley’s campaign"


@needs_shared
def test_load_polnear_limit_is_per_split() -> None:
    docs = load_polnear(DATASETS / "polnear", limit=3)
    assert [d.split for d in docs] == ["dev"] * 3 + ["train"] * 3


@st.composite
def ann_cases(draw: st.DrawFn) -> tuple[str, list[tuple[Span, Span | None, Span | None]]]:
    """A brat .ann text with random relations, and the spans it encodes."""
    n = draw(st.integers(0, 6))
    lines: list[str] = []
    expected: list[tuple[Span, Span | None, Span | None]] = []
    t = 0
    for e in range(1, n + 1):
        spans: dict[str, Span | None] = {}
        args: list[str] = []
        for role in ("Content", "Cue", "Source"):
            if role != "Content" and draw(st.booleans()):
                spans[role] = None
                continue
            a = draw(st.integers(0, 500))
            span = Span(a, a + draw(st.integers(1, 50)))
            spans[role] = span
            t += 1
            lines.append(f"T{t}\t{role} {span.start} {span.end}\tsome words")
            args.append(f"{role}:T{t}")
        t += 1
        lines.append(f"T{t}\tAttribution 0 1\tx")
        kind = "Attribution" if spans["Source"] is not None else "Attribution-no-source"
        lines.append(f"E{e}\t{kind}:T{t} " + " ".join(draw(st.permutations(args))))
        content = spans["Content"]
        assert content is not None
        expected.append((content, spans["Cue"], spans["Source"]))
    if draw(st.booleans()):
        lines.append("#1\tAnnotatorNotes T1\tA note")
    return "\n".join(lines), expected


@given(ann_cases())
def test_parse_ann_roundtrip(case: tuple[str, list[tuple[Span, Span | None, Span | None]]]) -> None:
    text, expected = case
    got = [
        (
            r.content.extent,
            r.cue.extent if r.cue else None,
            r.source.extent if r.source else None,
        )
        for r in parse_ann(text)
    ]
    assert got == expected


def test_parse_ann_discontinuous() -> None:
    ann = (
        "T1\tContent 5 9;12 20\ta b\nT2\tCue 0 4\tsaid\n"
        "E1\tAttribution-no-source:T3 Content:T1 Cue:T2"
    )
    (rel,) = parse_ann(ann)
    assert rel.content.fragments == (Span(5, 9), Span(12, 20))
    assert rel.source is None


# --- redewiedergabe -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("-", (False, False)),
        ("direct.speech.3", (True, False)),
        ("direct.thought.3", (False, False)),  # thought is no claim source
        ("indirect.speech writing.4", (False, True)),  # the files join alternatives by space
        ("indirect_freeIndirect.speech_writing.4", (False, True)),  # the docs by "_"
        ("freeIndirect.speech.4", (False, False)),
        ("reported.speech.5.nonfact", (False, False)),
        ("direct.speech_writing.3|reported.thought.6.nonfact.border=state", (True, False)),
        ("reported.speech.1|indirect.writing.2", (False, True)),
    ],
)
def test_parse_stwr(cell: str, expected: tuple[bool, bool]) -> None:
    assert parse_stwr(cell) == expected


_TOKEN = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=8,
).filter(lambda s: "\t" not in s and s.strip() == s)


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(_TOKEN, st.sampled_from(["-", "direct.speech.1", "indirect.writing.2"])),
        min_size=1,
        max_size=30,
    )
)
def test_parse_tsv_offsets_slice_to_tokens(rows: list[tuple[str, str]]) -> None:
    header = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote"
    body = [f"{t}\t{t}\t{t}\tX\tX\tno\t{s}\t-\t-\t-\t-" for t, s in rows]
    sample = parse_tsv("s", "\n".join([header, *body]))
    assert [tok.span.slice(sample.text) for tok in sample.tokens] == [t for t, _ in rows]
    assert [tok.direct for tok in sample.tokens] == [s.startswith("direct") for _, s in rows]


@needs_shared
def test_load_redewiedergabe_real_files() -> None:
    samples = load_redewiedergabe(DATASETS / "redewiedergabe_de")
    assert len(samples) == 495
    assert sum(len(s.tokens) for s in samples) == 272680
    for s in samples:
        assert all(t.span.slice(s.text) == t.text for t in s.tokens)
    assert sum(len(s.gold("direct")) for s in samples) == 34377
    assert sum(len(s.gold("indirect")) for s in samples) == 18083
    assert sum(len(s.gold("speaker")) for s in samples) == 4712


# --- seed -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> SeedGold:
    if not (SHARED / "examples" / "seed").is_dir():
        pytest.skip(f"seed example not found under {SHARED}")
    return load_seed_gold(seed_gold_path(), SHARED / "examples" / "seed" / "article.txt")


def _claim(
    gold: SeedGold, phrase: str, kind: str, source: str, certainty: str, **kw: object
) -> Claim:
    text = gold.title if kw.get("in_headline") else gold.body
    at = text.index(phrase)
    counts = kw.get("counts")
    return Claim(
        claim_id=f"c{at}",
        article_id="a",
        lang="de",
        span=Span(at, at + len(phrase)),
        kind=ClaimKind(kind),
        source=SourceRef(SourceKind(source)),
        certainty=Certainty(certainty),
        in_headline=bool(kw.get("in_headline")),
        counts=counts if isinstance(counts, Counts) else Counts(),
    )


def test_seed_gold_file_is_valid_toml() -> None:
    data = tomllib.loads(seed_gold_path().read_text(encoding="utf-8"))
    assert [c["id"] for c in data["claim"]] == ["C1", "C2", "C3", "C4", "C5", "C6"]


def test_seed_perfect_reading_scores_one(seed: SeedGold) -> None:
    eight = Count(8, 8)
    claims = [
        _claim(seed, "in Russland ausgebildet", "deployment", "intelligence", "confirmed"),
        _claim(seed, "Region Kursk entsandt", "deployment", "author", "asserted"),
        _claim(
            seed,
            "acht Menschen gestorben",
            "casualties",
            "combatant",
            "claimed",
            counts=Counts(killed=eight),
        ),
        _claim(seed, "Fluchtversuche unternommen", "desertion", "unnamed", "reported"),
        _claim(
            seed,
            "Fluchtversuch festgenommen",
            "arrest",
            "unnamed",
            "reported",
            counts=Counts(arrested=Count(3, 9)),
        ),
        _claim(seed, "Soldaten wurden verhaftet", "arrest", "unnamed", "reported"),  # duplicate
        _claim(seed, "zurück an die Front", "deployment", "unnamed", "reported"),
        _claim(seed, "Teil der russischen Bemühungen", "deployment", "author", "asserted"),
        _claim(
            seed,
            "Acht Offiziere",
            "casualties",
            "author",
            "asserted",
            in_headline=True,
            counts=Counts(killed=eight),
        ),
    ]
    report = EvalReport(
        "claims", score_seed(seed, ReadResult("a", "de", ReadStatus.READ, tuple(claims)))
    )
    for key in [
        "seed/claims/precision",
        "seed/claims/recall",
        "seed/kind/accuracy",
        "seed/source_kind/accuracy",
        "seed/certainty/accuracy",
        "seed/counts/accuracy",
        "seed/analysis/no_claims",
        "seed/headline/found",
        "seed/headline/kind_accuracy",
        "seed/headline/counts_accuracy",
    ]:
        assert report.value(key) == 1.0, key
    assert all(m.in_domain for m in report.metrics)


def test_seed_errors_are_counted(seed: SeedGold) -> None:
    claims = [
        _claim(seed, "in Russland ausgebildet", "attack", "intelligence", "asserted"),
        _claim(seed, "vertiefenden Beziehungen", "diplomacy", "author", "asserted"),  # analysis
        _claim(seed, "Dian Yuzhang", "statement", "author", "asserted"),  # no claim here
    ]
    report = EvalReport(
        "claims", score_seed(seed, ReadResult("a", "de", ReadStatus.READ, tuple(claims)))
    )
    assert report.value("seed/claims/precision") == pytest.approx(1 / 3)
    assert report.value("seed/claims/recall") == pytest.approx(1 / 6)
    assert report.value("seed/kind/accuracy") == 0.0
    assert report.value("seed/source_kind/accuracy") == pytest.approx(1 / 6)
    assert report.value("seed/analysis/no_claims") == 0.0
    assert report.value("seed/headline/found") == 0.0
