"""Attribution: direct quotes, indirect speech, nested and unnamed sources, intermediaries."""

from __future__ import annotations

import pytest

from fogofwar.claim import Certainty, SourceKind
from fogofwar.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


# (lang, text, source name or None, source kind, certainty, content must start with: a
# complementizer belongs to the content, as in PolNeAR and redewiedergabe)
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
        "dass zwei Soldaten",
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
        "dass Zivilisten",
    ),
    (
        "en",
        "Officials said that five people were killed.",
        "Officials",
        SourceKind.GOVERNMENT,
        Certainty.CLAIMED,
        "that five people",
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
        SourceKind.AUTHOR,
        Certainty.REPORTED,
        "The troops",
    ),
    (
        "en",
        "According to unconfirmed reports, the troops withdrew from the town.",
        "unconfirmed reports",
        SourceKind.UNNAMED,
        Certainty.REPORTED,
        "the troops",
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
        "что войска",
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
        "що обстріл",
    ),
    (
        "uk",
        "Міноборони заперечує, що війська відступили.",
        "Міноборони",
        SourceKind.MILITARY,
        Certainty.DENIED,
        "що війська",
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
    if a.source is not None:  # the span is the whole phrase, determiners included
        assert name is not None and a.source.slice(text).endswith(name)
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


@pytest.mark.parametrize(
    ("lang", "text", "pronoun", "name"),
    [
        (
            "en",
            "The soldier John Doe spoke on Friday. He said that ten comrades died.",
            "He",
            "John Doe",
        ),
        (
            "de",
            "Der Soldat Max Muster sprach am Freitag. Er sagte, dass zehn Kameraden starben.",
            "Er",
            "Max Muster",
        ),
        (
            "ru",
            "Солдат Иван Петров выступил в пятницу. Он заявил, что погибли десять человек.",
            "Он",
            "Иван Петров",
        ),
        (
            "uk",
            "Солдат Петро Коваль виступив у пʼятницю. Він заявив, що загинули десять людей.",
            "Він",
            "Петро Коваль",
        ),
    ],
)
def test_pronoun_source_names_the_last_person(
    reader: Reader, lang: str, text: str, pronoun: str, name: str
) -> None:
    atts = reader.read_text(text, lang).attributions
    assert len(atts) == 1 and atts[0].source is not None
    assert atts[0].source.slice(text) == pronoun
    assert atts[0].source_name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "“Ten of my comrades died on Monday,” the soldier John Doe said on Friday. "
            "“We could not save them.”",
        ),
        (
            "de",
            "„Zehn Kameraden sind am Montag gestorben“, sagte der Soldat Max Muster. "
            "„Wir konnten sie nicht retten.“",
        ),
        (
            "ru",
            "«Десять моих товарищей погибли в понедельник», — сказал солдат Иван Петров. "
            "«Мы не смогли их спасти».",
        ),
        (
            "uk",
            "«Десять моїх побратимів загинули в понеділок», — сказав солдат Петро Коваль. "
            "«Ми не змогли їх врятувати».",
        ),
    ],
)
def test_quote_continues_after_its_attribution(reader: Reader, lang: str, text: str) -> None:
    atts = [a for a in reader.read_text(text, lang).attributions if a.direct]
    assert len(atts) == 1
    content = atts[0].content.slice(text)
    assert content[0] in "“„«" and content[-1] in "”“»"  # marks included, both quotes joined
    assert len(content) > len(text) // 2


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        (
            "en",
            "Defense Secretary Lloyd Austin said that two bases were attacked.",
            "Defense Secretary Lloyd Austin",
        ),
        (
            "en",
            "A spokesman for the ministry said that two bases were attacked.",
            "A spokesman for the ministry",
        ),
        (
            "de",
            "Der Sprecher des Ministeriums sagte, dass zwei Stützpunkte angegriffen wurden.",
            "Der Sprecher des Ministeriums",
        ),
        (
            "ru",
            "Представитель министерства заявил, что две базы были атакованы.",
            "Представитель министерства",
        ),
        ("uk", "Речник міністерства заявив, що дві бази було атаковано.", "Речник міністерства"),
    ],
)
def test_source_span_is_the_whole_phrase(reader: Reader, lang: str, text: str, source: str) -> None:
    atts = reader.read_text(text, lang).attributions
    assert len(atts) == 1 and atts[0].source is not None
    assert atts[0].source.slice(text) == source


@pytest.mark.parametrize(
    ("lang", "text", "second"),
    [
        (
            "de",
            "Der Sprecher sagte, die Lage sei ernst. Die Truppen hätten keine Munition mehr.",
            "Die Truppen hätten keine Munition mehr",
        ),
        (
            "ru",
            "Представитель заявил, что войска отступили. Мол, боеприпасов больше нет.",
            "Мол, боеприпасов больше нет",
        ),
        (
            "uk",
            "Речник заявив, що війська відступили. Мовляв, боєприпасів більше немає.",
            "Мовляв, боєприпасів більше немає",
        ),
    ],
)
def test_reported_mood_continues_indirect_speech(
    reader: Reader, lang: str, text: str, second: str
) -> None:
    atts = reader.read_text(text, lang).attributions
    assert len(atts) == 2
    assert atts[1].content.slice(text) == second
    assert atts[1].source == atts[0].source and not atts[1].direct


def test_free_so_construction_only_at_the_sentence_end(reader: Reader) -> None:
    text = "Zwei Soldaten wurden getötet, so der Sprecher."
    atts = reader.read_text(text, "de").attributions
    assert [a.source_name for a in atts] == ["Sprecher"]
    assert atts[0].content.slice(text) == "Zwei Soldaten wurden getötet"
    assert (
        reader.read_text("Der Angriff war so heftig, dass Häuser brannten.", "de").attributions
        == ()
    )


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Lloyd Austin: Russian troops attacked two villages.", "Lloyd Austin"),
        ("de", "Max Muster: Russische Truppen haben zwei Dörfer angegriffen.", "Max Muster"),
        ("ru", "Иван Петров: российские войска атаковали два села.", "Иван Петров"),
        ("uk", "Петро Коваль: російські війська атакували два села.", "Петро Коваль"),
    ],
)
def test_headline_colon_names_the_speaker(reader: Reader, lang: str, text: str, name: str) -> None:
    atts = reader.read_text(text, lang).attributions
    assert len(atts) == 1 and atts[0].source_name == name
    assert atts[0].cue is not None and atts[0].cue.slice(text) == ":"


def test_speech_like_quote_without_speaker_is_unnamed(reader: Reader) -> None:
    text = "Die Lage ist unklar. „Wir haben seit Tagen keine Munition mehr. Es ist furchtbar.“"
    atts = reader.read_text(text, "de").attributions
    assert len(atts) == 1 and atts[0].direct and atts[0].source is None
    assert atts[0].source_kind == SourceKind.UNNAMED and atts[0].certainty == Certainty.REPORTED
