"""Request parameter decoding and the checks Telegram applies to them."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from .html_entities import EntityParseError, UserResolver, parse_html, utf16_len
from .models import UploadedFile

__all__ = [
    "ApiError",
    "Params",
    "format_text",
    "normalize_params",
    "validate_reply_markup",
]

_INT_PARAMS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "message_id",
        "offset",
        "limit",
        "timeout",
        "duration",
        "cache_time",
        "user_id",
        "message_thread_id",
        "reply_to_message_id",
    }
)
_BOOL_PARAMS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "show_alert",
        "drop_pending_updates",
        "allow_sending_without_reply",
        "disable_web_page_preview",
        "disable_content_type_detection",
        "has_spoiler",
        "allow_paid_broadcast",
        "show_caption_above_media",
    }
)
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "media",
        "commands",
        "scope",
        "reply_parameters",
        "link_preview_options",
        "allowed_updates",
        "menu_button",
        "message_ids",
    }
)

_INLINE_ACTIONS = (
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "login_url",
    "web_app",
    "callback_game",
    "pay",
    "copy_text",
)
_BUTTON_URL_SCHEMES = ("http://", "https://", "tg://")
_MAX_BUTTONS = 100


class ApiError(Exception):
    """A Bot API error response."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def _to_bool(value: str) -> bool | str:
    lowered = value.strip().lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0", ""):
        return False
    return value


def normalize_params(data: dict[str, Any]) -> dict[str, Any]:
    """Decode the string values of form/query parameters into their JSON types.

    Values that don't decode are kept as they are, so that the method reports the error.
    """
    result: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str):
            if key in _INT_PARAMS:
                stripped = value.strip()
                if stripped.lstrip("-").isdigit():
                    value = int(stripped)
            elif key in _BOOL_PARAMS:
                value = _to_bool(value)
            elif key in _JSON_PARAMS and value.strip():
                with contextlib.suppress(ValueError):
                    value = json.loads(value)
        result[key] = value
    return result


class Params:
    """Typed access to the (normalized) parameters of one request."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def has(self, name: str) -> bool:
        value = self.data.get(name)
        return value is not None and value != ""

    def get_str(self, name: str) -> str | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        raise bad_request(f'field "{name}" must be of type String')

    def get_int(self, name: str) -> int | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise bad_request(f'field "{name}" must be of type Integer')
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise bad_request(f'field "{name}" must be of type Integer')

    def get_float(self, name: str) -> float | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                pass
        raise bad_request(f'field "{name}" must be of type Number')

    def get_bool(self, name: str) -> bool:
        value = self.data.get(name)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value != 0
        if isinstance(value, str):
            decoded = _to_bool(value)
            if isinstance(decoded, bool):
                return decoded
        raise bad_request(f'field "{name}" must be of type Boolean')

    def get_json(self, name: str, error: str | None = None) -> Any:
        """The decoded JSON value (None if absent); a string that isn't JSON -> 400."""
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(error or f"can't parse {name} JSON object") from None
        return value


def _strip_formatted(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim leading/trailing whitespace like Telegram, shifting and clipping the entities."""
    stripped_left = text.lstrip(" \t\r\n")
    left = utf16_len(text) - utf16_len(stripped_left)
    result = stripped_left.rstrip(" \t\r\n")
    total = utf16_len(result)
    fixed: list[dict[str, Any]] = []
    for entity in entities:
        start = max(0, int(entity["offset"]) - left)
        end = min(total, int(entity["offset"]) + int(entity["length"]) - left)
        if end > start:
            fixed.append({**entity, "offset": start, "length": end - start})
    return result, fixed


def _check_entities(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("type"), str)
        and isinstance(e.get("offset"), int)
        and isinstance(e.get("length"), int)
        for e in value
    ):
        raise bad_request("can't parse entities JSON object")
    return [dict(e) for e in value]


def format_text(
    params: Params,
    field: str,
    entities_field: str,
    *,
    resolve_user: UserResolver | None,
) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities of ``field`` after parse_mode parsing and trimming.

    Does not check the length; the caller does (the errors differ for text and captions).
    """
    raw = params.get_str(field) or ""
    mode = (params.get_str("parse_mode") or "").strip()
    lowered = mode.lower()
    if lowered == "":
        explicit = params.get_json(entities_field)
        entities = [] if explicit is None else _check_entities(explicit)
        text = raw
    elif lowered == "html":
        try:
            text, entities = parse_html(raw, resolve_user=resolve_user)
        except EntityParseError as err:
            raise bad_request(f"can't parse entities: {err}") from None
    elif lowered in ("markdown", "markdownv2"):
        # Accepted but not parsed: the text is kept verbatim, without entities.
        text, entities = raw, []
    else:
        raise bad_request("unsupported parse_mode")
    return _strip_formatted(text, entities)


def _check_button_url(url: Any) -> None:
    if not isinstance(url, str) or not url.lower().startswith(_BUTTON_URL_SCHEMES):
        raise bad_request("BUTTON_URL_INVALID")
    rest = url.split("://", 1)[1]
    if not rest or rest.startswith("/") or any(ch.isspace() for ch in url):
        raise bad_request("BUTTON_URL_INVALID")


def _check_button_text(button: dict[str, Any], where: str) -> None:
    text = button.get("text")
    if not isinstance(text, str):
        raise bad_request(f'can\'t parse {where} button: Field "text" must be of type String')
    if not text.strip():
        raise bad_request("BUTTON_TEXT_EMPTY")


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    _check_button_text(button, "inline keyboard")
    actions = [name for name in _INLINE_ACTIONS if button.get(name) is not None]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be used, "
            f"found {actions}"
        )
    action = actions[0]
    value = button[action]
    if action == "callback_data":
        if not isinstance(value, str) or not 1 <= len(value.encode("utf-8")) <= 64:
            raise bad_request("BUTTON_DATA_INVALID")
    elif action == "url":
        _check_button_url(value)
    elif action in ("web_app", "login_url"):
        url = value.get("url") if isinstance(value, dict) else None
        if not isinstance(url, str) or not url.lower().startswith("https://"):
            raise bad_request("BUTTON_URL_INVALID")
    elif (
        action.startswith("switch_inline_query")
        and action != "switch_inline_query_chosen_chat"
        and not isinstance(value, str)
    ):
        raise bad_request(f'can\'t parse inline keyboard button: Field "{action}" must be a String')


def validate_reply_markup(value: Any, *, inline_only: bool) -> dict[str, Any] | None:
    """Validate a reply_markup object; returns it (None when absent)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise bad_request("can't parse reply keyboard markup JSON object") from None
    if not isinstance(value, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in value:
        rows = value["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        count = 0
        for row in rows:
            for button in row:
                _check_inline_button(button)
                count += 1
        if count > _MAX_BUTTONS:
            raise bad_request("reply markup is too long")
        return value
    if inline_only:
        raise bad_request("inline keyboard expected")
    if "keyboard" in value:
        rows = value["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request(
                'field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays'
            )
        count = 0
        for row in rows:
            for button in row:
                if isinstance(button, str):
                    if not button.strip():
                        raise bad_request("BUTTON_TEXT_EMPTY")
                elif isinstance(button, dict):
                    _check_button_text(button, "keyboard")
                else:
                    raise bad_request(
                        "can't parse keyboard button: KeyboardButton must be a String or an Object"
                    )
                count += 1
        if count > 300:
            raise bad_request("reply markup is too long")
        return value
    if "remove_keyboard" in value:
        if value["remove_keyboard"] is not True:
            raise bad_request('field "remove_keyboard" of the ReplyKeyboardRemove must be true')
        return value
    if "force_reply" in value:
        if value["force_reply"] is not True:
            raise bad_request('field "force_reply" of the ForceReply must be true')
        return value
    raise bad_request("can't parse reply keyboard markup JSON object")


def check_text_length(text: str) -> None:
    if not text:
        raise bad_request("message text is empty")
    if utf16_len(text) > 4096:
        raise bad_request("message is too long")


def check_caption_length(caption: str) -> None:
    if utf16_len(caption) > 1024:
        raise bad_request("message caption is too long")


def uploaded(value: Any) -> UploadedFile | None:
    return value if isinstance(value, UploadedFile) else None
