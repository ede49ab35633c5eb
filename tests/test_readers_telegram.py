"""Telegram Desktop JSON exports: posts as articles, the channel as publisher, skips with reasons.

The bundled export (``fogofwar/examples/inputs/telegram_result.json``) was written for the
project by hand in Telegram Desktop's all-chats format: two channels (uk/en and ru), a personal
chat, service messages, forwards, a reply, hashtags, links and captions.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.model import Article, ReasonCode, Rejected
from fogofwar.readers import read_bytes, read_inputs
from fogofwar.readers.telegram import is_telegram_export, message_text, parse_telegram

EXPORT = Path(str(files("fogofwar.examples").joinpath("inputs", "telegram_result.json")))
KYIV = timezone(timedelta(hours=3))


@pytest.fixture(scope="module")
def results() -> list[Article | Rejected]:
    return list(read_inputs([str(EXPORT)]))


def _by_suffix(results: list[Article | Rejected], suffix: str) -> Article | Rejected:
    found = [
        r for r in results if (r.source if isinstance(r, Article) else r.input).endswith(suffix)
    ]
    assert len(found) == 1, suffix
    return found[0]


# (message, publisher, link, moment, language, forwarded_from, reply_to, words in the text)
POSTS = [
    (
        "#1874203951/2",
        "Вартові Півдня",
        "https://t.me/c/1874203951/2",
        datetime(2024, 9, 2, 6, 41, 17, tzinfo=KYIV),
        "uk",
        None,
        None,
        ("Нічна атака на Одещину.", "#Одеса #ППО"),
    ),
    (
        "#1874203951/3",
        "Вартові Півдня",
        "https://t.me/c/1874203951/3",
        datetime(2024, 9, 2, 8, 5, 40, tzinfo=KYIV),
        "uk",
        None,
        None,
        ("Подробиці — у повідомленні ОВА.",),
    ),
    (
        "#1874203951/4",
        "Вартові Півдня",
        "https://t.me/c/1874203951/4",
        datetime(2024, 9, 2, 8, 31, 9, tzinfo=KYIV),
        "uk",
        None,
        "https://t.me/c/1874203951/3",
        ("зросла до трьох",),
    ),
    (
        "#1874203951/5",
        "Вартові Півдня",
        "https://t.me/c/1874203951/5",
        datetime(2024, 9, 2, 12, 2, 55, tzinfo=KYIV),
        "uk",
        None,
        None,
        ("Автор: @south_photo_ua",),
    ),
    (
        "#1874203951/7",
        "Вартові Півдня",
        "https://t.me/c/1874203951/7",
        datetime(2024, 9, 3, 7, 15, tzinfo=KYIV),
        "uk",
        "Центр протидії дезінформації",
        None,
        ("#фейк #Одеса",),
    ),
    (
        "#1874203951/8",
        "Вартові Півдня",
        "https://t.me/c/1874203951/8",
        datetime(2024, 9, 3, 19, 48, 31, tzinfo=KYIV),
        "en",
        None,
        None,
        ("Full report: https://example.org/south/izmail-drones #Ukraine",),
    ),
    (
        "#1639920417/113",
        "Сводки Приграничья",
        "https://t.me/c/1639920417/113",
        datetime(2024, 9, 1, 22, 17, 45, tzinfo=KYIV),
        "ru",
        None,
        None,
        ("#Белгород #Шебекино",),
    ),
    (
        "#1639920417/114",
        "Сводки Приграничья",
        "https://t.me/c/1639920417/114",
        datetime(2024, 9, 2, 9, 26, 12, tzinfo=KYIV),
        "ru",
        "Грайворон сегодня",
        None,
        ("Официального подтверждения пока нет.",),
    ),
    (
        "#1639920417/115",
        "Сводки Приграничья",
        "https://t.me/c/1639920417/115",
        datetime(2024, 9, 2, 11, 2, 38, tzinfo=KYIV),
        "ru",
        None,
        None,
        ("Видео с места: смотреть", "Важно: источник информации не проверен."),
    ),
]


@pytest.mark.parametrize(
    ("suffix", "publisher", "link", "moment", "lang", "forwarded", "reply", "words"), POSTS
)
def test_export_posts(
    results: list[Article | Rejected],
    suffix: str,
    publisher: str,
    link: str,
    moment: datetime,
    lang: str,
    forwarded: str | None,
    reply: str | None,
    words: tuple[str, ...],
) -> None:
    post = _by_suffix(results, suffix)
    assert isinstance(post, Article)
    assert post.publisher == publisher
    assert post.url == link
    assert post.published_at == moment and post.published_at.utcoffset() == timedelta(hours=3)
    assert post.published == moment.date()
    assert post.language == lang
    assert post.forwarded_from == forwarded
    assert post.reply_to == reply
    assert post.source_format == "telegram"
    assert post.title is None  # a post has no headline; none is made up
    for phrase in words:
        assert phrase in post.text


SKIPS = [
    ("#503118277", ReasonCode.NOT_AN_ARTICLE, "personal_chat"),
    ("#1874203951/1", ReasonCode.SKIPPED_POST, "service message (create_channel)"),
    ("#1874203951/6", ReasonCode.SKIPPED_POST, "a photo without caption"),
    ("#1639920417/112", ReasonCode.SKIPPED_POST, "service message (pin_message)"),
    ("#1639920417/116", ReasonCode.SKIPPED_POST, "a sticker without caption"),
]


@pytest.mark.parametrize(("suffix", "reason", "words"), SKIPS)
def test_export_skips_say_why(
    results: list[Article | Rejected], suffix: str, reason: ReasonCode, words: str
) -> None:
    skipped = _by_suffix(results, suffix)
    assert isinstance(skipped, Rejected)
    assert skipped.reason is reason and words in skipped.message


def test_every_message_is_accounted_for(results: list[Article | Rejected]) -> None:
    data = json.loads(EXPORT.read_text(encoding="utf-8"))
    chats = data["chats"]["list"]
    read_chats = [c for c in chats if c["type"] != "personal_chat"]
    messages = sum(len(c["messages"]) for c in read_chats)
    assert len(results) == messages + len(chats) - len(read_chats)
    assert len([r for r in results if isinstance(r, Article)]) == len(POSTS)


def _single(messages: list[Any], **chat: Any) -> dict[str, Any]:
    return {
        "name": "Test Channel",
        "type": "public_channel",
        "id": 777,
        **chat,
        "messages": messages,
    }


def test_single_chat_export_with_username_links_to_the_post() -> None:
    data = _single(
        [{"id": 41, "type": "message", "date": "2024-01-05T10:00:00", "text": "Обстріл Харкова."}],
        username="test_channel",
    )
    [post] = read_bytes(json.dumps(data).encode(), source="result.json")
    assert isinstance(post, Article)
    assert post.url == "https://t.me/test_channel/41"
    assert post.published == date(2024, 1, 5)
    assert post.published_at is None  # a wall-clock time without its zone is only a day
    assert post.publisher == "Test Channel"


def test_unix_time_alone_is_utc() -> None:
    data = _single([{"id": 1, "type": "message", "date_unixtime": "1704448800", "text": "Текст."}])
    [post] = parse_telegram(data, source="r.json")
    assert isinstance(post, Article)
    assert post.published_at == datetime(2024, 1, 5, 10, 0, tzinfo=UTC)


def test_private_group_has_authors_and_no_link() -> None:
    data = _single(
        [{"id": 3, "type": "message", "from": "Олег", "text": "Вибухи в районі вокзалу."}],
        type="private_group",
    )
    [post] = parse_telegram(data, source="r.json")
    assert isinstance(post, Article)
    assert post.authors == ("Олег",) and post.url is None


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ({"text": "plain"}, "plain"),
        ({"text": ["a ", {"type": "bold", "text": "b"}, " c"]}, "a b c"),
        (
            {
                "text": "ignored when entities exist",
                "text_entities": [
                    {"type": "plain", "text": "see "},
                    {"type": "text_link", "text": "here", "href": "https://example.org"},
                    {"type": "plain", "text": "\n"},
                    {"type": "hashtag", "text": "#tag"},
                    {"type": "mention", "text": "@chan"},
                ],
            },
            "see here\n\n#tag@chan",
        ),
        ({"text": "line one\n\n\nline\x00 two"}, "line one\n\nline two"),
        ({"text": [1, None, {"type": "bold"}]}, ""),
        ({}, ""),
    ],
)
def test_message_text(message: dict[str, Any], text: str) -> None:
    assert message_text(message) == text


def test_telegram_format_refuses_other_json() -> None:
    [result] = read_bytes(b'{"title": "x", "text": "y"}', source="x.json", fmt="telegram")
    assert isinstance(result, Rejected) and "not a Telegram Desktop export" in result.message
    assert is_telegram_export({"chats": {"list": []}})
    assert not is_telegram_export([{"messages": []}])


# -- properties -------------------------------------------------------------------------------

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
_ENTITY = st.fixed_dictionaries(
    {"type": st.sampled_from(["plain", "bold", "hashtag", "link", "text_link", "mention", "x"])},
    optional={"text": st.text(max_size=30) | _SCALARS, "href": st.text(max_size=20)},
)
_MESSAGE = st.fixed_dictionaries(
    {},
    optional={
        "id": st.integers(-5, 10**12) | _SCALARS,
        "type": st.sampled_from(["message", "service"]) | _SCALARS,
        "date": st.datetimes().map(datetime.isoformat) | _SCALARS,
        "date_unixtime": st.integers(-(10**12), 10**12).map(str) | _SCALARS,
        "text": st.text(max_size=60) | st.lists(st.text(max_size=10) | _ENTITY, max_size=4),
        "text_entities": st.lists(_ENTITY, max_size=4) | _SCALARS,
        "forwarded_from": _SCALARS,
        "reply_to_message_id": _SCALARS,
        "author": _SCALARS,
        "from": _SCALARS,
        "photo": _SCALARS,
        "media_type": _SCALARS,
    },
)
_CHAT = st.fixed_dictionaries(
    {"messages": st.lists(_MESSAGE | _SCALARS, max_size=5)},
    optional={
        "name": _SCALARS,
        "type": st.sampled_from(["public_channel", "private_group", "personal_chat"]) | _SCALARS,
        "id": _SCALARS,
        "username": st.from_regex(r"[A-Za-z][A-Za-z0-9_]{3,8}", fullmatch=True) | _SCALARS,
    },
)
_EXPORT = _CHAT | st.fixed_dictionaries(
    {"chats": st.fixed_dictionaries({"list": st.lists(_CHAT | _SCALARS, max_size=3)})}
)


@settings(max_examples=200, deadline=None)
@given(data=_EXPORT)
def test_any_export_shape_reads_without_exceptions(data: dict[str, Any]) -> None:
    results = read_bytes(json.dumps(data).encode(), source="r.json", fmt="telegram")
    for result in results:
        assert isinstance(result, Article | Rejected)
        if isinstance(result, Rejected):
            assert result.reason is not ReasonCode.INTERNAL, result.message
            continue
        assert result.text and "\x00" not in result.text
        assert result.published_at is None or result.published_at.tzinfo is not None
        for value in (result.publisher, result.forwarded_from, result.reply_to, result.url):
            assert value is None or "\x00" not in value


@pytest.mark.parametrize(
    "data", [{"name": "C", "type": "public_channel", "messages": []}, {"chats": {"list": []}}]
)
def test_export_without_messages_is_rejected_not_dropped(data: dict[str, Any]) -> None:
    [result] = read_bytes(json.dumps(data).encode(), source="result.json")
    assert isinstance(result, Rejected) and result.reason is ReasonCode.EMPTY
