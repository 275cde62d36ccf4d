"""The regulation a new company starts with (version 1), in Russian and in English.

These are content, not interface texts: once seeded they belong to the company, which edits
them in the bot. The deployment's default language picks which one is seeded.
"""

from __future__ import annotations

from domain.leads.regulation import Clause, ClauseKind
from domain.people.model import Language

D, R, N = ClauseKind.DISPUTE, ClauseKind.RETURN, ClauseKind.NONE

_RU: tuple[tuple[str, ClauseKind, str, str], ...] = (
    (
        "1.1",
        D,
        "Неверный или недоступный контакт",
        "Телефон не существует или принадлежит другому человеку, почта возвращается; либо"
        " контакт недоступен после трёх звонков в разные дни и письма.",
    ),
    ("1.2", D, "Дубликат", "Тот же клиент уже передан в работу за последние 30 дней."),
    ("1.3", D, "Нет потребности", "Клиент подтвердил, что не интересовался и не планирует."),
    (
        "1.4",
        D,
        "Не лицо, принимающее решение",
        "Контакт не влияет на закупку и не может передать на того, кто влияет.",
    ),
    ("1.5", D, "Вне региона", "Клиент работает вне регионов, которые обслуживает компания."),
    ("1.6", D, "Тест или спам", "Заявка тестовая, бессмысленная или оставлена роботом."),
    ("2.1", R, "Не моя территория", "Клиент относится к территории другого представителя."),
    ("2.2", R, "Не могу обработать", "Нет компетенции или времени обработать лид в срок."),
    ("2.3", R, "Отсутствую", "Представитель в отпуске, на больничном или в командировке."),
    (
        "3.1",
        N,
        "Не ответил на первый звонок",
        "Это не основание для спора: нужны попытки, указанные в пункте 1.1.",
    ),
    (
        "3.2",
        N,
        "Клиенту «неудобно говорить»",
        "Договоритесь о другом времени; это не основание для спора.",
    ),
)

_EN: tuple[tuple[str, ClauseKind, str, str], ...] = (
    (
        "1.1",
        D,
        "Wrong or unreachable contact",
        "The phone does not exist or belongs to someone else, the e-mail bounces; or the"
        " contact is unreachable after three calls on different days and an e-mail.",
    ),
    ("1.2", D, "Duplicate", "The same customer was handed over in the last 30 days."),
    ("1.3", D, "No need", "The customer confirms they never asked and have no plans."),
    (
        "1.4",
        D,
        "Not the decision maker",
        "The contact has no say in the purchase and cannot refer you to who has.",
    ),
    ("1.5", D, "Out of region", "The customer is outside the regions the company serves."),
    ("1.6", D, "Test or spam", "A test, a nonsense request, or left by a robot."),
    ("2.1", R, "Not my territory", "The customer belongs to another rep's territory."),
    ("2.2", R, "Cannot handle", "No competence or time to work the lead in time."),
    ("2.3", R, "Away", "The rep is on holiday, sick leave or a business trip."),
    (
        "3.1",
        N,
        "No answer on the first call",
        "Not a ground for a dispute: make the attempts clause 1.1 requires.",
    ),
    (
        "3.2",
        N,
        "The customer is busy right now",
        "Agree on another time; not a ground for a dispute.",
    ),
)


def default_clauses(language: Language) -> tuple[Clause, ...]:
    rows = _RU if language is Language.RU else _EN
    return tuple(
        Clause(number, kind, title, body, position)
        for position, (number, kind, title, body) in enumerate(rows)
    )
