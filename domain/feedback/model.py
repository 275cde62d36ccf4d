"""Field feedback: after launch, the field tells marketing how a campaign works.

A recipient gives feedback from a scheduled prompt or from the announcement's button, as often
as they like; each submission is its own record:

1. a one-tap rating from 1 to 5 stars (saved at once, so one tap is enough);
2. optionally a comment (text), photos and voice messages;
3. optionally a quick positive / neutral / negative reaction to each key message.

Why stars rather than "works / partly / does not work": five steps give marketing a trend it
can compare between the day-3 and the day-14 prompt (an average, not just three buckets),
still fit one row of buttons, and everyone already knows what four stars out of five mean.

Prompts go out a number of days after launch (3 and 14 by default, set per campaign), at 10:00
in each recipient's own time zone and outside their quiet hours, to everyone the announcement
reached. A campaign can be anonymous: then nobody — marketers, team leads, admins — sees who
said what, and the rep is told so before answering. A record given under the anonymity promise
stays anonymous even if the option is switched off later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.campaigns.model import Campaign, Status
from domain.campaigns.schedule import DEFAULT_LOCAL_TIME
from domain.errors import InvalidInput
from domain.people.model import Person
from domain.timezones import at_local

RATINGS = (1, 2, 3, 4, 5)
DEFAULT_PROMPT_DAYS: tuple[int, ...] = (3, 14)
PROMPT_PRESETS: dict[str, tuple[int, ...]] = {
    "3-14": (3, 14),
    "7-30": (7, 30),
    "1-7-30": (1, 7, 30),
    "off": (),
}
MAX_PROMPTS = 5
MAX_PROMPT_DAY = 180
COMMENT_MAX = 2000
MAX_ATTACHMENTS = 10
# A prompt is not sent less than this long after the person got the announcement ...
MIN_AFTER_ANNOUNCEMENT = timedelta(hours=1)
# ... nor this long after its moment (say, the bot was down for days): it would be stale.
PROMPT_STALE = timedelta(days=2)
ANY_TIME = "any"  # the source of feedback given from the announcement's button


class Reaction(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class MediaKind(StrEnum):
    PHOTO = "photo"
    VOICE = "voice"


@dataclass(frozen=True, slots=True)
class FeedbackSettings:
    campaign_id: int
    anonymous: bool = False
    prompt_days: tuple[int, ...] = DEFAULT_PROMPT_DAYS


@dataclass(frozen=True, slots=True)
class Attachment:
    id: int
    kind: MediaKind
    file_id: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class KeyReaction:
    index: int  # the key message's position when the reaction was given
    message: str  # its wording then: the summary matches on it, so edits do not mix counts
    reaction: Reaction


@dataclass(frozen=True, slots=True)
class NewFeedback:
    campaign_id: int
    person_id: int
    team_id: int | None
    anonymous: bool
    source: str
    origin: int | None  # the prompt message whose button was pressed
    rating: int
    at: datetime


@dataclass(frozen=True, slots=True)
class Feedback:
    id: int
    campaign_id: int
    person_id: int
    team_id: int | None  # the person's team when they gave it
    anonymous: bool  # given under the anonymity promise
    source: str  # "any" or "day:<n>"
    rating: int
    comment: str | None
    created_at: datetime
    updated_at: datetime
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    reactions: tuple[KeyReaction, ...] = field(default_factory=tuple)

    def count(self, kind: MediaKind) -> int:
        return sum(1 for a in self.attachments if a.kind is kind)

    def reaction_to(self, message: str) -> Reaction | None:
        return next((r.reaction for r in self.reactions if r.message == message), None)


@dataclass(frozen=True, slots=True)
class SentPrompt:
    """A scheduled prompt as it went out to one person: which day's, and when."""

    day: int
    at: datetime


# The audit action recorded with every change of a campaign's feedback settings; its details
# carry ``anonymous`` as it was from then on.
SETTINGS_CHANGED = "feedback.settings"


def anonymous_at(changes: Iterable[tuple[datetime, bool]], moment: datetime) -> bool:
    """Whether the campaign was anonymous at ``moment``, from its settings' changes (when,
    anonymous from then on). Before the first change it was not: that is the default."""
    state = False
    for at, anonymous in sorted(changes, key=lambda change: change[0]):
        if at > moment:
            break
        state = anonymous
    return state


def source_for(day: int) -> str:
    """``any`` for feedback given on one's own, ``day:<n>`` for the n-days-after prompt."""
    if not 0 <= day <= MAX_PROMPT_DAY:
        raise InvalidInput()
    return ANY_TIME if day == 0 else f"day:{day}"


def prompt_day(source: str) -> int:
    """The inverse of :func:`source_for` (0 for feedback given any time)."""
    if source.startswith("day:") and source[4:].isdigit():
        return int(source[4:])
    return 0


def check_rating(rating: int) -> int:
    if rating not in RATINGS:
        raise InvalidInput()
    return rating


def names_hidden(feedback: Feedback, settings: FeedbackSettings) -> bool:
    """Anonymous now, or given while it was: either way nobody sees who gave it."""
    return feedback.anonymous or settings.anonymous


_DAY_SPLIT = re.compile(r"[\s,;]+|\b(?:и|and)\b", re.IGNORECASE)


def parse_prompt_days(raw: str) -> tuple[int, ...]:
    """``3, 14`` / ``3 и 14`` / ``1 7 30`` → (3, 14): days after launch, sorted, distinct."""
    parts = [p for p in _DAY_SPLIT.split(raw.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise InvalidInput("error-feedback-days-format", value=raw.strip())
    return check_prompt_days(int(p) for p in parts)


def check_prompt_days(days: Iterable[int]) -> tuple[int, ...]:
    """Sorted, distinct, each 1..MAX_PROMPT_DAY, at most MAX_PROMPTS (none: no prompts)."""
    chosen = tuple(sorted(set(days)))
    if chosen and (chosen[0] < 1 or chosen[-1] > MAX_PROMPT_DAY):
        raise InvalidInput("error-feedback-days-range", limit=MAX_PROMPT_DAY)
    if len(chosen) > MAX_PROMPTS:
        raise InvalidInput("error-feedback-days-many", limit=MAX_PROMPTS)
    return chosen


def prompt_moment(launch: date, day: int, person: Person) -> datetime:
    """10:00 on the n-th day after launch in the person's zone, then outside quiet hours."""
    moment = at_local(launch + timedelta(days=day), DEFAULT_LOCAL_TIME, person.timezone)
    if person.quiet_hours is not None:
        moment = person.quiet_hours.next_allowed(moment, person.timezone)
    return moment


def may_still_prompt(campaign: Campaign, settings: FeedbackSettings, today: date) -> bool:
    """Whether any prompt of this campaign can still come due (cheap, before loading people)."""
    if campaign.status is not Status.ANNOUNCED or campaign.launch_date is None:
        return False
    if not settings.prompt_days:
        return False
    last = campaign.launch_date + timedelta(days=max(settings.prompt_days))
    return today <= last + PROMPT_STALE + timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DuePrompt:
    day: int
    person: Person
    at: datetime


def due_prompts(
    campaign: Campaign,
    settings: FeedbackSettings,
    reached: Iterable[tuple[Person, datetime]],
    *,
    now: datetime,
) -> list[DuePrompt]:
    """The prompts whose moment has come, for everyone the announcement reached (at the
    given moment). The sweep enqueues these; enqueueing is idempotent per person and day."""
    if campaign.status is not Status.ANNOUNCED or campaign.launch_date is None:
        return []
    due: list[DuePrompt] = []
    for person, reached_at in reached:
        if not person.active:
            continue
        for day in settings.prompt_days:
            moment = prompt_moment(campaign.launch_date, day, person)
            if moment > now or now - moment > PROMPT_STALE:
                continue
            if moment < reached_at + MIN_AFTER_ANNOUNCEMENT:
                continue
            due.append(DuePrompt(day, person, moment))
    return due


# --- the summary -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MessageTally:
    message: str
    index: int | None  # its position among the current key messages; None: earlier wording
    positive: int = 0
    neutral: int = 0
    negative: int = 0

    @property
    def total(self) -> int:
        return self.positive + self.neutral + self.negative


@dataclass(frozen=True, slots=True)
class Tally:
    submissions: int
    people: int
    distribution: Mapping[int, int]  # stars -> how many
    average: float | None
    messages: tuple[MessageTally, ...]
    comments: int
    photos: int
    voices: int


def tally(feedback: Sequence[Feedback], key_messages: Sequence[str]) -> Tally:
    """Ratings, reactions per key message and media counts over the given records.

    Reactions are matched on the wording they were given to: the current key messages come
    first (in order, zeros included); reactions to wordings since edited or removed follow."""
    distribution = dict.fromkeys(RATINGS, 0)
    for item in feedback:
        distribution[item.rating] += 1
    counts: dict[str, dict[Reaction, int]] = {m: dict.fromkeys(Reaction, 0) for m in key_messages}
    earlier: list[str] = []
    for item in sorted(feedback, key=lambda f: f.created_at):
        for reaction in item.reactions:
            if reaction.message not in counts:
                counts[reaction.message] = dict.fromkeys(Reaction, 0)
                earlier.append(reaction.message)
            counts[reaction.message][reaction.reaction] += 1
    current = {message: index for index, message in enumerate(key_messages)}
    ordered = [*dict.fromkeys(key_messages), *earlier]
    messages = tuple(
        MessageTally(
            message,
            current.get(message),
            counts[message][Reaction.POSITIVE],
            counts[message][Reaction.NEUTRAL],
            counts[message][Reaction.NEGATIVE],
        )
        for message in ordered
    )
    total = len(feedback)
    return Tally(
        submissions=total,
        people=len({f.person_id for f in feedback}),
        distribution=distribution,
        average=sum(f.rating for f in feedback) / total if total else None,
        messages=messages,
        comments=sum(1 for f in feedback if f.comment),
        photos=sum(f.count(MediaKind.PHOTO) for f in feedback),
        voices=sum(f.count(MediaKind.VOICE) for f in feedback),
    )
