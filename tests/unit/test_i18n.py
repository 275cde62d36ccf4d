import re

import pytest

from bot.app import load_catalog
from domain.people.model import Language
from handlers.kit.i18n import Catalog, Markup


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_every_message_exists_in_both_languages(catalog: Catalog) -> None:
    ru, en = catalog.message_ids(Language.RU), catalog.message_ids(Language.EN)
    assert ru - en == set(), f"only in Russian: {sorted(ru - en)}"
    assert en - ru == set(), f"only in English: {sorted(en - ru)}"
    assert len(ru) > 50


def test_no_message_is_defined_twice() -> None:
    from pathlib import Path

    for language in ("ru", "en"):
        seen: dict[str, str] = {}
        for path in sorted(Path("bot/locales", language).glob("*.ftl")):
            for line in path.read_text("utf-8").splitlines():
                match = re.match(r"^([a-z][a-z0-9_-]*) =", line)
                if match:
                    assert match[1] not in seen, f"{match[1]} in {seen.get(match[1])} and {path}"
                    seen[match[1]] = path.name


def test_messages_use_the_same_variables_in_both_languages(catalog: Catalog) -> None:
    from pathlib import Path

    def variables(language: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        current = None
        for path in sorted(Path("bot/locales", language).glob("*.ftl")):
            for line in path.read_text("utf-8").splitlines():
                match = re.match(r"^([a-z][a-z0-9_-]*) =", line)
                if match:
                    current = match[1]
                    found[current] = set()
                if current:
                    found[current] |= set(re.findall(r"\$([a-z_]+)", line))
        return found

    assert variables("ru") == variables("en")


@pytest.mark.parametrize(
    ("count", "word"),
    [
        (1, "участник"),
        (2, "участника"),
        (4, "участника"),
        (5, "участников"),
        (11, "участников"),
        (21, "участник"),
        (22, "участника"),
        (111, "участников"),
        (0, "участников"),
    ],
)
def test_russian_plurals(catalog: Catalog, count: int, word: str) -> None:
    text = catalog.translator(Language.RU).label(
        "teams-line", name="A", region="B", timezone="UTC", members=count
    )
    assert text.endswith(f" {count} {word}")


def test_english_plurals(catalog: Catalog) -> None:
    en = catalog.translator(Language.EN)
    assert en.label("teams-line", name="A", region="B", timezone="UTC", members=1).endswith(
        " 1 member"
    )
    assert en.label("teams-line", name="A", region="B", timezone="UTC", members=2).endswith(
        " 2 members"
    )


def test_string_arguments_are_escaped_for_html(catalog: Catalog) -> None:
    t = catalog.translator(Language.EN)
    assert "&lt;b&gt;&amp;Co&lt;/b&gt;" in t("team-created", name="<b>&Co</b>")
    assert "<b>&Co</b>" in t.label("team-created", name="<b>&Co</b>")
    assert "<i>x</i>" in t("team-created", name=Markup("<i>x</i>"))


def test_missing_key_falls_back_to_the_key(catalog: Catalog) -> None:
    assert catalog.translator(Language.RU)("no-such-message") == "no-such-message"


def test_no_message_is_empty_or_broken_html(catalog: Catalog) -> None:
    from tests.support.fake_telegram import parse_html

    for translator in catalog.all_translators():
        for key in catalog.message_ids(translator.language):
            text = translator(
                key,
                name="N",
                value="V",
                count=2,
                limit=3,
                id="7",
                roles="R",
                team="T",
                expires="E",
                link="https://t.me/x",
                region="R",
                timezone="UTC",
                members=3,
                total=3,
                page=1,
                pages=1,
                username="@u",
                status="S",
                joined="J",
                language="L",
                offset="UTC+3",
                local_time="now",
                quiet="off",
                zone="Z",
            )
            plain, _ = parse_html(text)
            assert plain.strip(), key


@pytest.mark.parametrize(
    ("language", "days", "text"),
    [
        ("ru", 1, "через 1 день"),
        ("ru", 3, "через 3 дня"),
        ("ru", 20, "через 20 дней"),
        ("ru", 21, "через 21 день"),
        ("en", 1, "in 1 day"),
        ("en", 20, "in 20 days"),
    ],
)
def test_relative_times_are_babels_in_the_unit_asked_for(
    catalog: Catalog, language: str, days: int, text: str
) -> None:
    from datetime import timedelta

    t = catalog.translator(Language(language))
    assert t.relative(timedelta(days=days), "day") == text
    assert t.relative(-timedelta(hours=days), "hour").endswith(("назад", "ago"))


# --- long and hostile arguments (D4) -------------------------------------------------------------

LONG = "&" * 1500 + "x" * 1500  # 3,000 characters; escaped, the "&" alone grow fivefold


def _numeric_variables(language: str) -> dict[str, set[str]]:
    """Per message, the variables Fluent reads as numbers: selectors and NUMBER() arguments."""
    from pathlib import Path

    from fluent.syntax import FluentParser, ast, visitor

    class Numbers(visitor.Visitor):
        def __init__(self) -> None:
            super().__init__()
            self.found: set[str] = set()

        def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
            if isinstance(node.selector, ast.VariableReference):
                self.found.add(node.selector.id.name)
            self.generic_visit(node)

        def visit_FunctionReference(self, node: ast.FunctionReference) -> None:
            if node.id.name == "NUMBER":
                for argument in node.arguments.positional:
                    if isinstance(argument, ast.VariableReference):
                        self.found.add(argument.id.name)
            self.generic_visit(node)

    numbers: dict[str, set[str]] = {}
    for path in sorted(Path("bot/locales", language).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text("utf-8")).body:
            if isinstance(entry, ast.Message):
                found = Numbers()
                found.visit(entry)
                numbers[entry.id.name] = found.found
    return numbers


def _variables(language: str) -> dict[str, set[str]]:
    from pathlib import Path

    found: dict[str, set[str]] = {}
    current = None
    for path in sorted(Path("bot/locales", language).glob("*.ftl")):
        for line in path.read_text("utf-8").splitlines():
            match = re.match(r"^([a-z][a-z0-9_-]*) =", line)
            if match:
                current = match[1]
                found[current] = set()
            if current:
                found[current] |= set(re.findall(r"\$([a-z_]+)", line))
    return found


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_message_survives_three_thousand_character_ampersand_arguments(
    catalog: Catalog, language: str
) -> None:
    """Fluent refuses a placeable over 2,500 characters and renders the whole message as
    ``{???}``, and escaping makes each "&" five characters. Whatever a string argument holds,
    every message of both catalogs renders, as valid HTML, within one Telegram message."""
    from telegram.constants import MessageLimit

    from tests.support.fake_telegram import parse_html

    t = catalog.translator(Language(language))
    numeric = _numeric_variables(language)
    for key, names in sorted(_variables(language).items()):
        args = {name: 3 if name in numeric.get(key, set()) else LONG for name in names}
        for text in (t(key, **args), t.label(key, **args)):
            assert "{???}" not in text, key
        html_text = t(key, **args)
        plain, _ = parse_html(html_text)
        assert len(plain) <= MessageLimit.MAX_TEXT_LENGTH, (key, len(plain))
        assert plain.strip(), key
