"""The name a claim's source gets: who the text says speaks, as an analyst writes it down.

* :func:`source_name` — a person named in or right after the source phrase rather than the role
  words ("Губернатор Белгородской области Вячеслав Гладков"); generic source nouns keep their
  words; a bare role names the person the text introduced with it (:func:`named_role`).
* :func:`named_before` — a source that only refers back to a speaker ("según él", a surname,
  "the head of state") is the earlier attribution that named them (:func:`same_speaker_before`):
  one speaker has one kind in a text.

The shape of a name taken from the phrase (trimmed, acronyms, a name after its head noun) is in
:mod:`fogofwar.nlp.source_name_shape`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fogofwar.claim import SourceKind
from fogofwar.model import Span
from fogofwar.nlp.attribution_lex import lexicon
from fogofwar.nlp.doc import AttributionMention, Doc, EntityMention
from fogofwar.nlp.source_epithets import company_noun, epithet_roles
from fogofwar.nlp.source_name_shape import trimmed, with_acronym, with_name_after

#: the source name of an attribution (:func:`source_name` of one document)
Namer = Callable[[AttributionMention], "str | None"]

__all__ = [
    "named_before",
    "named_person",
    "named_role",
    "role_person",
    "same_speaker_before",
    "source_name",
]


_STOP = re.compile(r"[.;:!?\n]")


def source_name(doc: Doc, att: AttributionMention) -> str | None:
    """The source's name as the text gives it: a person named in or right after the source
    phrase ("Губернатор Белгородской области Вячеслав Гладков", "the governor, Oleh
    Syniehubov") rather than the role words; generic source nouns ("the authorities", "l'armée",
    "local sources", "media reports") keep their words, as an analyst writes them down."""
    src = att.source
    if src is None:
        return att.source_name
    name = att.source_name or src.slice(doc.text).strip() or None
    e = named_person(doc, src)
    if e is not None and _reported(att, e.span):
        e = None  # "He confirmed that President X is in Kyiv": X is in what he says
    if e is not None:
        return trimmed(doc.lang, _surname_after(doc, e) or e.normalized or e.surface)
    if _interviewee(doc, att):
        return None
    found = named_role(doc, src) or _apposed_name(src.slice(doc.text)) or name
    if found is not None and found == name:
        found = with_name_after(doc, src, found)
    if found is not None and found == name:
        found = trimmed(doc.lang, found)
    return with_acronym(doc, src, found) if found else found


def _reported(att: AttributionMention, span: Span) -> bool:
    """``span`` lies past the cue that follows the source phrase, inside the reported words."""
    src, cue = att.source, att.cue
    return (
        src is not None
        and cue is not None
        and src.end <= cue.start
        and span.start >= cue.end
        and att.content.start <= span.start < att.content.end
    )


def named_person(doc: Doc, src: Span) -> EntityMention | None:
    """The person named in or right after the source phrase, whose role words it may hold
    ("Губернатор Белгородской области Вячеслав Гладков", "a local civil society leader, X",
    "le gouverneur de la région de Dnipropetrovsk, Serhiy Lysak"); a full name first."""
    near = []
    # a person past the first sentence stop after the source has it in between: not near
    # (found once, so no slice of the text up to every later person; the same choice)
    stop = _STOP.search(doc.text, src.end)
    last = stop.start() if stop is not None else len(doc.text)
    for e in doc.entities:
        if e.category != "person" or e.span.start < src.start or e.span.start > last:
            continue
        between = doc.text[src.end : e.span.start].strip(" ,")
        inside = e.span.start < src.end
        # the person finder read this phrase's role word with the name across its complement
        own = e.role_span is not None and src.start <= e.role_span.start < src.end
        if inside or own or _same_phrase(between, len(e.surface.split()) >= 2):
            near.append(e)
    full = [e for e in near if len(e.surface.split()) >= 2]
    return (full or near)[0] if near else None


_NAME_WORD = re.compile(r" ([^\W\d_][\w'’-]+)(?=[\s.,;:!?)]|$)")


def _surname_after(doc: Doc, e: EntityMention) -> str | None:
    """A one-word person name the person finder stopped short of its surname ("Sprecherin
    Sabrina | Singh"): the first name and the capitalised word right after it, when the text
    never writes that word in lower case and it starts no other entity."""
    if len(e.surface.split()) != 1:
        return None
    m = _NAME_WORD.match(doc.text, e.span.end)
    if m is None or not m.group(1)[:1].isupper():
        return None
    word = m.group(1)
    if re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", doc.text) is not None:
        return None  # a common word capitalised here (German nouns), not a surname
    if any(x.span.start == m.start(1) for x in doc.entities) or any(
        p.span.start == m.start(1) for p in doc.places
    ):
        return None
    return f"{e.normalized or e.surface} {word}"


_NEAR_WORDS = 3  # words between a source phrase and a person named right after it
_GENITIVE_WORDS = 6  # "глава областной военной администрации (ОВА) Олег Синегубов"


def _same_phrase(between: str, full: bool) -> bool:
    """The words between a source phrase and a person after it keep them one phrase: a few
    words with no sentence stop, or — before a ``full`` name — a longer lower-case complement
    (a genitive, an abbreviation in brackets) with no comma."""
    if any(ch in between for ch in ".;:!?\n"):
        return False
    words = between.split()
    if len(words) <= _NEAR_WORDS:
        return True
    bare = re.sub(r"\([^()]*\)", " ", between).split()
    return (
        full
        and len(words) <= _GENITIVE_WORDS
        and "," not in between
        and all(w[:1].islower() for w in bare)
    )


# ", Hussam Abu Safeia," closing a role phrase: two to four capitalised words between commas
_APPOSED = re.compile(r",\s*((?:[^\W\d_][\w'’-]*\s+){1,3}[^\W\d_][\w'’-]*)\s*,?\s*$")


def _apposed_name(phrase: str) -> str | None:
    """The name in apposition that closes a role phrase ("Der Direktor des Krankenhauses,
    Hussam Abu Safeia,") when no person finder read it: every word capitalised."""
    m = _APPOSED.search(phrase)
    if m is None or phrase[: m.start()].strip() == "":
        return None
    words = m.group(1).split()
    return m.group(1) if all(w[:1].isupper() for w in words) else None


_INTERVIEWEE_WORDS = 4  # "a local resident", "un habitant de Kishishe"
_STEM_LETTERS = 6  # letters of a noun's stem that an earlier mention shares ("телеведущ")
_MARKS = "«»„“”\"'‚‘’"
_VOICES = frozenset({SourceKind.WITNESS, SourceKind.COMBATANT})  # who speaks for themselves
_COMPOUND_HEAD = 6  # letters of a bare role a compound role word may end in ("sprecher")


def _interviewee(doc: Doc, att: AttributionMention) -> bool:
    """ "a witness said", "ha raccontato un residente", "ein Anwohner berichtete": one unnamed
    interviewee (an indefinite determiner, pack ``interviewees``, before a witness noun) keeps
    no name (claims-v1); "residents", "Augenzeugen" as a group are named. So does a fighter
    speaking for himself ("a soldier told AFP"). Where the language has no articles, a singular
    speech verb tells one interviewee ("Полонений розповів", "Местный житель рассказал")."""
    src = att.source
    if src is None or att.source_kind not in _VOICES:
        return False
    text = src.slice(doc.text)
    words = text.split()
    lex = lexicon(doc.lang)
    if not words or any(w.casefold() in lex.pronouns for w in words):
        return False
    if any(company_noun(doc.lang, w) for w in words):
        return False  # "Компанія повідомила", "a company said": a body, no interviewee
    if att.source_name and att.source_name not in text:
        return False  # a reference resolved to someone the text names elsewhere
    if not lex.interviewees:
        return _lone_voice(doc, att, words, lex.singular_cue_endings)
    head = re.split(r"['’ʼ]", words[-1])[-1]  # "l'habitant"
    if len(words) <= 2 and head and _met_before(doc, lex.interviewees, src, head):
        pass  # "a witness said … The witness told Reuters", "one villager who fled told AFP"
    elif not 1 < len(words) <= _INTERVIEWEE_WORDS or words[0].casefold() not in lex.interviewees:
        return False
    if lex.officials and any(w.casefold().startswith(lex.officials) for w in words):
        return False  # "ein Vertreter der Sicherheitsbehörden": a body's official
    return not any(
        e.source_kind not in (None, SourceKind.WITNESS)
        and e.span.start < src.end
        and src.start < e.span.end
        for e in doc.entities
    )


def _lone_voice(
    doc: Doc, att: AttributionMention, words: list[str], singular: tuple[str, ...]
) -> bool:
    """ "Полонений розповів", "Мешканка села розповіла": a common noun phrase (no name after
    its first word, none of it in a registry) before a speech verb in the singular."""
    cue = att.cue.slice(doc.text).split() if att.cue is not None else []
    if not singular or not cue or not cue[-1].casefold().endswith(singular):
        return False
    if len(words) > _INTERVIEWEE_WORDS or any(w.strip(_MARKS)[:1].isupper() for w in words[1:]):
        return False  # a name after the noun ("проект «ОВД-Инфо»")
    src = att.source
    if src is None:
        return False
    head = words[-1].strip(_MARKS).casefold()[:_STEM_LETTERS]
    if head and head in doc.text[: src.start].casefold():
        return False  # "Телеведущий напомнил" after the host was named: a reference back
    return not any(
        e.span.start < src.end and src.start < e.span.end and e.normalized is not None
        for e in doc.entities
    )


def _indefinite_before(doc: Doc, indefinite: frozenset[str], src: Span) -> bool:
    """An indefinite determiner stands right before the source phrase ("one | villager")."""
    before = doc.text[max(0, src.start - 12) : src.start].split()
    return bool(before) and before[-1].casefold() in indefinite


def _met_before(doc: Doc, indefinite: frozenset[str], src: Span, head: str) -> bool:
    """The interviewee was introduced with an indefinite determiner: right before the source
    phrase ("one | villager") or earlier in the text ("a witness said … the witness")."""
    if _indefinite_before(doc, indefinite, src):
        return True
    dets = "|".join(re.escape(d) for d in sorted(indefinite))
    pattern = rf"\b(?:{dets})\s+(?:\w+\s+)?{re.escape(head)}\b"
    return re.search(pattern, doc.text[: src.start], re.IGNORECASE) is not None


def role_person(doc: Doc, src: Span) -> EntityMention | None:
    """The person a bare role or an epithet refers back to ("the governor" after "Governor
    Oleh Syniehubov", "the head of state" after "President X"; ``[epithets]`` of
    ``roles.toml``): the last person introduced before ``src`` with that role."""
    phrase = src.slice(doc.text)
    offices = [{w[:5] for w in r.split() if len(w) >= 4} for r in epithet_roles(doc.lang, phrase)]
    bare = [w.casefold() for w in phrase.split() if len(w) >= 4]
    words = {w[:5] for w in bare}
    if not offices and (not words or len(words) > 3):
        return None
    found: EntityMention | None = None
    for e in doc.entities:
        if e.span.start >= src.start:
            break
        if e.category != "person" or e.role_span is None or len(e.surface.split()) < 2:
            continue
        said = [w.casefold() for w in e.role_span.slice(doc.text).split() if len(w) >= 4]
        stems = {w[:5] for w in said}
        if offices:  # an epithet names the office, not its words: "head of state" ≠ "head"
            if any(o and o <= stems for o in offices):
                found = e
            continue
        # a closed compound ends in the bare role: "Regierungssprecher" … "der Sprecher"
        compound = any(r.endswith(w) for r in said for w in bare if len(w) >= _COMPOUND_HEAD)
        if stems & words or compound:
            found = e
    return found


def named_role(doc: Doc, src: Span) -> str | None:
    """A bare role as source ("the governor said", "le maire a indiqué") names the person the
    text introduced earlier with that role ("Governor Oleh Syniehubov"): the last one before
    (:func:`role_person`)."""
    e = role_person(doc, src)
    if e is None:
        return None
    found = e.normalized or e.surface
    here = " ".join(src.slice(doc.text).split())  # "Губернатор Александр Хинштейн": the role
    return here if found.casefold() in here.casefold() else f"{here} {found}"  # words, then who


def named_before(
    doc: Doc, att: AttributionMention, name_of: Namer | None = None
) -> AttributionMention | None:
    """For a source that only refers back to a speaker ("según él", "the ministry" after
    "the defence ministry", "Kavota" after "Omar Kavota", "the head of state" after "President
    X"), the earlier attribution whose source words name that speaker: one speaker has one
    kind in a text. ``name_of``: :func:`source_name` of ``doc`` (a caller that asks of many
    attributions passes one that remembers its answers)."""
    src, name = att.source, att.source_name
    if src is None:
        return None
    if name and name.casefold() not in src.slice(doc.text).casefold():
        return next(
            (
                a
                for a in doc.attributions
                if a.source is not None
                and a.source.end <= src.start
                and a.source_name == name
                and name.casefold() in a.source.slice(doc.text).casefold()
            ),
            None,
        )
    return same_speaker_before(doc, src, name_of)


_HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "m",
        "mme",
        "herr",
        "frau",
        "sr",
        "sra",
        "sig",
        "signor",
        "г-н",
        "г-жа",
        "пан",
        "пані",
        "господин",
        "госпожа",
    }
)
_CASE_LETTERS = 2  # letters a Cyrillic case ending may change ("Зеленский" ~ "Зеленского")


def _same_surname(lang: str, full: str, short: str) -> bool:
    """``short`` is the surname ``full`` ends in: the same word, or in Russian and Ukrainian
    the same stem with another case ending ("Синегубов" ~ "Синегубова")."""
    a, b = full.casefold().strip(".,'’"), short.casefold().strip(".,'’")
    if lang not in ("ru", "uk"):
        return a == b or a == b.removesuffix("'s").removesuffix("’s")
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= max(3, min(len(a), len(b)) - _CASE_LETTERS)


def _surname(doc: Doc, src: Span) -> str | None:
    """The one word a source phrase names a person by ("Kavota", "M. Kavota", "Синегубова"):
    a one-word person found in it, or the phrase itself when it is one capitalised word after
    at most an honorific (not an acronym); None when the phrase names a person in full."""
    persons = [
        e
        for e in doc.entities
        if e.category == "person" and e.span.start < src.end and src.start < e.span.end
    ]
    if any(len(e.surface.split()) >= 2 for e in persons):
        return None
    if len(persons) == 1:
        return persons[0].surface
    words = src.slice(doc.text).split()
    if len(words) == 2 and words[0].casefold().strip(".") in _HONORIFICS:
        words = words[1:]
    if len(words) != 1 or persons:
        return None
    word = words[0].strip(',.:«»"')
    return word if len(word) >= 3 and word[:1].isupper() and not word.isupper() else None


def same_speaker_before(
    doc: Doc, src: Span, name_of: Namer | None = None
) -> AttributionMention | None:
    """The earlier attribution whose source names in full the person ``src`` refers back to:
    by surname only ("Kavota said" after "Omar Kavota, a civil society leader, said") or by
    the role or epithet the text introduced them with (:func:`role_person`)."""
    person = role_person(doc, src)
    if person is not None:
        target = (person.normalized or person.surface).casefold()

        def same(name: str) -> bool:
            return target in name.casefold()

    else:
        short = _surname(doc, src)
        if short is None:
            return None

        def same(name: str) -> bool:
            words = name.split()
            return len(words) >= 2 and _same_surname(doc.lang, words[-1], short)

    found: AttributionMention | None = None
    for a in doc.attributions:
        if a.source is None or a.source.end > src.start:
            continue
        if found is not None and found.source is not None and a.source.start <= found.source.start:
            continue
        name = source_name(doc, a) if name_of is None else name_of(a)
        if name is not None and same(name):
            found = a
    return found
