"""Telegram Desktop JSON exports: every channel post an article, the channel its publisher.

Reads ``result.json`` as Telegram Desktop writes it ("Export chat history" → JSON), for one chat
(``{"name", "type", "id", "messages": [...]}``) or for all chats
(``{"chats": {"list": [...]}, "left_chats": {"list": [...]}}``).

Per message:

- text: the ``text_entities`` list (else ``text``, a string or a list of strings and
  ``{"type", "text"}`` pieces) joined in order, whatever the entity type (plain, bold, hashtag,
  mention, link, text_link …): the words a reader sees. A photo's or video's caption is the
  message's text, so it is read the same way. Lines become paragraphs.
- date: ``date_unixtime`` (UTC seconds) when present, shown in the offset of the exporting
  computer, which ``date`` (its local wall-clock time) reveals; ``date`` alone gives the day.
- link: ``https://t.me/<username>/<id>`` when the chat's ``username`` is in the export (Telegram
  Desktop does not write it; other exporters do), else ``https://t.me/c/<chat id>/<id>`` for
  channels and supergroups (opens for members; public channels redirect).
- ``forwarded_from`` (the name) and ``reply_to`` (the link of the answered post) are kept;
  ``author`` (a channel's post signature) or, in groups, ``from`` is the author.

Skipped with a reason (:attr:`ReasonCode.SKIPPED_POST`): service messages (channel created,
pinned …) and posts without text (a photo without caption, a sticker, a poll). Personal chats,
bot chats and saved messages of an all-chats export are skipped as a whole
(:attr:`ReasonCode.NOT_AN_ARTICLE`): they are conversations, not publications.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from fogofwar.errors import InputError
from fogofwar.langid import identify
from fogofwar.model import Article, DatePrecision, ReasonCode, Rejected

__all__ = ["TelegramChat", "is_telegram_export", "parse_telegram"]

#: Chat types whose messages are publications (read); other chat types are skipped.
PUBLIC_TYPES = frozenset(
    {"public_channel", "private_channel", "public_supergroup", "private_supergroup"}
)
_GROUP_TYPES = frozenset({"private_group", "public_supergroup", "private_supergroup"})
_READ_TYPES = PUBLIC_TYPES | {"private_group"}
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MAX_OFFSET = timedelta(hours=14)
_QUARTER_HOUR = 15 * 60


@dataclass(frozen=True, slots=True)
class TelegramChat:
    """The chat a message belongs to: display name, Telegram type, numeric id, username."""

    name: str | None
    kind: str
    id: int | None
    username: str | None

    def link(self, message_id: int) -> str | None:
        """The public link of one message of this chat, or ``None`` when there is none."""
        if self.username:
            return f"https://t.me/{self.username}/{message_id}"
        if self.id is not None and self.kind in PUBLIC_TYPES:
            return f"https://t.me/c/{self.id}/{message_id}"
        return None


def is_telegram_export(data: Any) -> bool:
    """True when a parsed JSON document is a Telegram Desktop export (one chat or all)."""
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("messages"), list) and ("type" in data or "name" in data):
        return True
    chats = data.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def _chats(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if isinstance(data.get("messages"), list):
        yield data
        return
    for key in ("chats", "left_chats"):
        block = data.get(key)
        items = block.get("list") if isinstance(block, dict) else None
        for chat in items if isinstance(items, list) else []:
            if isinstance(chat, dict):
                yield chat


def _chat(raw: dict[str, Any]) -> TelegramChat:
    name = raw.get("name")
    kind = raw.get("type")
    ident = raw.get("id")
    username = raw.get("username")
    return TelegramChat(
        name=_one_line(name) or None if isinstance(name, str) else None,
        kind=kind if isinstance(kind, str) else "unknown",
        id=ident if isinstance(ident, int) and not isinstance(ident, bool) and ident > 0 else None,
        username=username if isinstance(username, str) and _USERNAME.fullmatch(username) else None,
    )


def _one_line(value: str) -> str:
    return " ".join(_CONTROL.sub("", value).split())


def _pieces(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                yield item["text"]


def message_text(message: dict[str, Any]) -> str:
    """The visible text of a message (or a media caption), one paragraph per line."""
    entities = message.get("text_entities")
    source = entities if isinstance(entities, list) and entities else message.get("text")
    raw = _CONTROL.sub("", "".join(_pieces(source)))
    lines = (" ".join(line.split()) for line in raw.replace("\r", "\n").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _moment(message: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    """(aware moment or None, naive local time or None) of a message."""
    local: datetime | None = None
    raw_local = message.get("date")
    if isinstance(raw_local, str):
        try:
            local = datetime.fromisoformat(raw_local.strip())
        except ValueError:
            local = None
        if local is not None and local.tzinfo is not None:
            return local, local
    raw_unix = message.get("date_unixtime")
    seconds: int | None = None
    if isinstance(raw_unix, str) and raw_unix.strip().isascii() and raw_unix.strip().isdigit():
        seconds = int(raw_unix)
    elif isinstance(raw_unix, int) and not isinstance(raw_unix, bool):
        seconds = raw_unix
    if seconds is None:
        return None, local
    try:
        utc = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None, local
    if local is None:
        return utc, None
    offset = local - utc.replace(tzinfo=None)
    quarters = round(offset.total_seconds() / _QUARTER_HOUR)
    offset = timedelta(seconds=quarters * _QUARTER_HOUR)
    if abs(offset) >= _MAX_OFFSET:
        return utc, local
    return utc.astimezone(timezone(offset)), local


def _skip(where: str, message: str, reason: ReasonCode = ReasonCode.SKIPPED_POST) -> Rejected:
    return Rejected(where, "read", reason, f"{where}: {message}")


def _message_id(message: dict[str, Any]) -> int | None:
    ident = message.get("id")
    return ident if isinstance(ident, int) and not isinstance(ident, bool) else None


def _post(
    message: dict[str, Any], chat: TelegramChat, where: str, prefix: str
) -> Article | Rejected:
    kind = message.get("type", "message")
    if kind != "message":
        action = message.get("action")
        what = f" ({action})" if isinstance(action, str) else ""
        return _skip(where, f"service message{what}, not a post")
    text = message_text(message)
    if not text:
        media = message.get("media_type") or ("photo" if message.get("photo") else None)
        what = f"a {media} without caption" if isinstance(media, str) else "no text"
        return _skip(where, f"post without text ({what})")
    ident = _message_id(message)
    moment, local = _moment(message)
    day = moment.date() if moment is not None else local.date() if local is not None else None
    reply = message.get("reply_to_message_id")
    reply_to = None
    if isinstance(reply, int) and not isinstance(reply, bool):
        reply_to = chat.link(reply) or f"{prefix}/{reply}"
    forwarded = message.get("forwarded_from")
    authors: list[str] = []
    for key in ("author", "from") if chat.kind in _GROUP_TYPES else ("author",):
        value = message.get(key)
        if isinstance(value, str) and _one_line(value) and _one_line(value) != chat.name:
            authors.append(_one_line(value))
            break
    language, confidence = identify(text)
    return Article.create(
        source=where,
        text=text,
        title=None,
        authors=tuple(authors),
        published=day,
        published_precision=DatePrecision.DAY if day else None,
        language=language,
        language_confidence=confidence,
        source_format="telegram",
        url=chat.link(ident) if ident is not None else None,
        publisher=chat.name,
        published_at=moment,
        forwarded_from=_one_line(forwarded) or None if isinstance(forwarded, str) else None,
        reply_to=reply_to,
    )


def parse_telegram(data: dict[str, Any], *, source: str) -> list[Article | Rejected]:
    """Read a parsed Telegram Desktop export into posts (articles) and skipped messages."""
    out: list[Article | Rejected] = []
    for n, raw in enumerate(_chats(data), 1):
        chat = _chat(raw)
        prefix = f"{source}#{chat.id if chat.id is not None else n}"
        if chat.kind not in _READ_TYPES:
            out.append(
                _skip(
                    prefix,
                    f"chat {chat.name or n!r} is a {chat.kind}, not a channel or group; "
                    "only channel and group posts are read",
                    ReasonCode.NOT_AN_ARTICLE,
                )
            )
            continue
        messages = raw.get("messages")
        for i, message in enumerate(messages if isinstance(messages, list) else [], 1):
            if not isinstance(message, dict):
                where = f"{prefix}/#{i}"
                out.append(
                    _skip(where, f"message {i} is not a JSON object", ReasonCode.MALFORMED_JSON)
                )
                continue
            ident = _message_id(message)
            where = f"{prefix}/{ident if ident is not None else f'#{i}'}"
            out.append(_post(message, chat, where, prefix))
    if not out:
        raise InputError(
            ReasonCode.EMPTY, f"{source}: the Telegram export holds no chat and no message"
        )
    return out
