"""Attribution: direct quotes, indirect speech, nested and unnamed sources, intermediaries."""

from __future__ import annotations

import pytest

from fogofwar.claim import Certainty, SourceKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


# (lang, text, source name or None, source kind, certainty, content must start with)
CASES = [
    (
        "en",
        "According to the regional governor, two people were injured.",
        "regional governor",
        SourceKind.GOVERNMENT,
        Certainty.CLAIMED,
        "two people",
    ),
    (
        "de",
        "Der Sprecher hat bestätigt, dass zwei Soldaten festgenommen wurden.",
        "Sprecher",
        SourceKind.GOVERNMENT,
        Certainty.CONFIRMED,
        "zwei Soldaten",
    ),
    (
        "de",
        "Zwei Soldaten wurden festgenommen, sagte der Gouverneur.",
        "Gouverneur",
        SourceKind.GOVERNMENT,
        Certainty.CLAIMED,
        "Zwei Soldaten",
    ),
    (
        "de",
        "Laut Augenzeugen wurden drei Häuser beschossen.",
        "Augenzeugen",
        SourceKind.WITNESS,
        Certainty.CLAIMED,
        "wurden drei",
    ),
    (
        "de",
        "Mehreren Quellen zufolge sind Soldaten desertiert.",
        "Quellen",
        SourceKind.UNNAMED,
        Certainty.REPORTED,
        "sind Soldaten",
    ),
    (
        "de",
        "Die Armee dementierte, dass Zivilisten getötet wurden.",
        "Armee",
        SourceKind.MILITARY,
        Certainty.DENIED,
        "Zivilisten",
    ),
    (
        "en",
        "Officials said that five people were killed.",
        "Officials",
        SourceKind.GOVERNMENT,
        Certainty.CLAIMED,
        "five people",
    ),
    (
        "en",
        "Five people were killed, residents said.",
        "residents",
        SourceKind.WITNESS,
        Certainty.CLAIMED,
        "Five people",
    ),
    (
        "en",
        "According to analysts, the troops withdrew.",
        "analysts",
        SourceKind.EXPERT,
        Certainty.CLAIMED,
        "the troops",
    ),
    (
        "en",
        "The troops reportedly withdrew from the town.",
        None,
        SourceKind.UNNAMED,
        Certainty.REPORTED,
        "The troops",
    ),
    (
        "ru",
        "По словам губернатора, погибли три человека.",
        "губернатора",
        SourceKind.GOVERNMENT,
        Certainty.CLAIMED,
        "погибли",
    ),
    (
        "ru",
        "Минобороны подтвердило, что войска были направлены в регион.",
        "Минобороны",
        SourceKind.MILITARY,
        Certainty.CONFIRMED,
        "войска",
    ),
    (
        "ru",
        "По данным источников, солдаты якобы сбежали.",
        None,
        SourceKind.UNNAMED,
        Certainty.REPORTED,
        "По данным",
    ),
    (
        "uk",
        "За словами речника, загинули двоє військових.",
        "речника",
        SourceKind.GOVERNMENT,
        Certainty.CLAIMED,
        "загинули",
    ),
    (
        "uk",
        "Очевидці розповіли, що обстріл тривав годину.",
        "Очевидці",
        SourceKind.WITNESS,
        Certainty.CLAIMED,
        "обстріл",
    ),
    (
        "uk",
        "Міноборони заперечує, що війська відступили.",
        "Міноборони",
        SourceKind.MILITARY,
        Certainty.DENIED,
        "війська",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "kind", "certainty", "content"), CASES)
def test_indirect(
    reader: Reader,
    lang: str,
    text: str,
    name: str | None,
    kind: SourceKind,
    certainty: Certainty,
    content: str,
) -> None:
    atts = reader.read_text(text, lang).attributions
    assert len(atts) == 1
    a = atts[0]
    assert (a.source_name, a.source_kind, a.certainty, a.direct) == (name, kind, certainty, False)
    assert a.content.slice(text).startswith(content)
    if a.source is not None:
        assert a.source.slice(text) == name
    assert a.cue is not None and a.cue.slice(text).strip()


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "de",
            "Im Interview enthüllte der Soldat Max Muster:\n\n„Am Montag "
            "sind vier Kameraden gestorben.“",
            "Max Muster",
        ),
        ("en", '"Four of my comrades died on Monday," the soldier John Doe said.', "John Doe"),
        (
            "ru",
            "Солдат Иван Петров рассказал: «Вчера погибли четыре человека из роты».",
            "Иван Петров",
        ),
        (
            "uk",
            "«Вчора загинули четверо моїх побратимів», — розповів солдат Петро Коваль.",
            "Петро Коваль",
        ),
    ],
)
def test_direct_quote(reader: Reader, lang: str, text: str, name: str) -> None:
    atts = [a for a in reader.read_text(text, lang).attributions if a.direct]
    assert len(atts) == 1
    assert atts[0].source_name == name
    assert atts[0].source_kind == SourceKind.COMBATANT


def test_surname_refers_to_full_name(reader: Reader) -> None:
    text = (
        "Der Soldat Max Muster kämpft im Osten.\n\nIm Gespräch sagte Muster:\n\n"
        "„An einem Tag sind vier Kameraden gestorben.“"
    )
    atts = [a for a in reader.read_text(text, "de").attributions if a.direct]
    assert atts[0].source_name == "Max Muster"
    assert atts[0].source is not None and atts[0].source.slice(text) == "Muster"


@pytest.mark.parametrize(
    ("lang", "text", "via"),
    [
        ("en", "Reuters, citing two officials, said the troops had withdrawn.", "Reuters"),
        (
            "de",
            "Die Zeitung berichtete unter Berufung auf Insider, dass Truppen verlegt wurden.",
            "Zeitung",
        ),
        ("ru", "Агентство со ссылкой на источники сообщило, что войска отведены.", "Агентство"),
        ("uk", "Видання з посиланням на джерела повідомило, що війська відведені.", "Видання"),
    ],
)
def test_nested_source(reader: Reader, lang: str, text: str, via: str) -> None:
    atts = reader.read_text(text, lang).attributions
    assert len(atts) == 1
    assert any(via in v for v in atts[0].via)
    assert atts[0].source_name is not None and via not in atts[0].source_name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The soldier John Doe said that ten comrades died. The video was shared on Telegram.",
        ),
        (
            "de",
            "Der Soldat Max Muster sagte, dass zehn Kameraden starben. "
            "Diese in sozialen Medien geteilte Aussage ist brisant.",
        ),
        (
            "ru",
            "Солдат Иван Петров заявил, что погибли десять человек. Его "
            "слова разошлись в соцсетях.",
        ),
        (
            "uk",
            "Солдат Петро Коваль заявив, що загинули десять людей. Його "
            "слова поширили у соцмережах.",
        ),
    ],
)
def test_media_intermediary_applies_backwards(reader: Reader, lang: str, text: str) -> None:
    atts = reader.read_text(text, lang).attributions
    assert atts and atts[0].via


def test_no_cue_no_attribution(reader: Reader) -> None:
    assert reader.read_text("Troops were deployed to the border.", "en").attributions == ()
