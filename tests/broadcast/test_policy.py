"""Broadcast delivery rules: what each failure means, how retries back off, how sends are paced."""

from __future__ import annotations

import pytest

from broadcast.policy import (
    Failure,
    Outcome,
    TokenBucket,
    backoff,
    chat_interval,
    classify,
    gives_up,
)


@pytest.mark.parametrize(
    ("failure", "description", "outcome"),
    [
        (Failure.RATE_LIMITED, "Too Many Requests: retry after 3", Outcome.PAUSE),
        (Failure.FORBIDDEN, "Forbidden: bot was blocked by the user", Outcome.UNREACHABLE),
        (Failure.FORBIDDEN, "Forbidden: user is deactivated", Outcome.UNREACHABLE),
        (
            Failure.FORBIDDEN,
            "Forbidden: bot can't initiate conversation with a user",
            Outcome.UNREACHABLE,
        ),
        (Failure.BAD_REQUEST, "Bad Request: chat not found", Outcome.UNREACHABLE),
        (Failure.BAD_REQUEST, "Bad Request: PEER_ID_INVALID", Outcome.UNREACHABLE),
        (
            Failure.BAD_REQUEST,
            "Bad Request: not enough rights to send text messages to the chat",
            Outcome.UNREACHABLE,
        ),
        (
            Failure.BAD_REQUEST,
            "Bad Request: message is not modified: specified new message content and reply"
            " markup are exactly the same",
            Outcome.DONE,
        ),
        (Failure.BAD_REQUEST, "Bad Request: can't parse entities: unclosed tag", Outcome.REJECTED),
        (Failure.BAD_REQUEST, "Bad Request: message is too long", Outcome.REJECTED),
        (Failure.BAD_REQUEST, "Bad Request: message to edit not found", Outcome.REJECTED),
        (Failure.MIGRATED, "Group migrated to supergroup", Outcome.UNREACHABLE),
        (Failure.NETWORK, "Internal Server Error", Outcome.RETRY),
        (Failure.NETWORK, "Bad Gateway", Outcome.RETRY),
        (Failure.NETWORK, "Timed out", Outcome.RETRY),
        (Failure.OTHER, "Conflict", Outcome.RETRY),
    ],
)
def test_each_failure_has_one_meaning(failure: Failure, description: str, outcome: Outcome) -> None:
    assert classify(failure, description) is outcome


def test_backoff_doubles_then_stops_at_the_cap() -> None:
    ceilings = [backoff(n, base=1.0, cap=60.0, jitter=1.0) for n in range(1, 10)]
    assert ceilings == [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0, 60.0, 60.0]
    # Equal jitter: somewhere between half and all of the ceiling.
    assert backoff(4, base=1.0, cap=60.0, jitter=0.0) == 4.0
    assert backoff(4, base=1.0, cap=60.0, jitter=0.5) == 6.0
    # Huge attempt numbers do not overflow.
    assert backoff(10_000, base=2.0, cap=300.0, jitter=1.0) == 300.0


def test_backoff_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="attempt"):
        backoff(0)
    with pytest.raises(ValueError, match="jitter"):
        backoff(1, jitter=1.5)


def test_attempts_run_out_at_the_maximum() -> None:
    assert not gives_up(7, 8)
    assert gives_up(8, 8)
    assert gives_up(9, 8)


def test_private_chats_get_one_message_a_second_and_groups_twenty_a_minute() -> None:
    assert chat_interval(123) == 1.0
    assert chat_interval(-100123) == 3.0
    assert chat_interval(5, private=1.5, group=4.0) == 1.5


def send_all(bucket: TokenBucket, count: int, start: float, lateness: list[float]) -> list[float]:
    """Simulate ``count`` senders that each sleep until their slot, waking a little late."""
    moments, now = [], start
    for n in range(count):
        now += bucket.wait_time(now) + lateness[n % len(lateness)]
        assert bucket.wait_time(now) == 0
        bucket.consume(now)
        moments.append(now)
    return moments


def most_in_any_window(moments: list[float], window: float = 1.0) -> int:
    return max(sum(1 for m in moments if start - window < m <= start) for start in moments)


def test_bucket_spaces_sends_evenly_at_the_rate() -> None:
    bucket = TokenBucket(rate=20.0)
    assert send_all(bucket, 5, 100.0, [0.0]) == pytest.approx([100.0, 100.05, 100.1, 100.15, 100.2])
    assert bucket.wait_time(100.2) == pytest.approx(0.05)


def test_a_quiet_spell_does_not_allow_a_burst() -> None:
    bucket = TokenBucket(rate=10.0)
    send_all(bucket, 3, 0.0, [0.0])
    assert send_all(bucket, 3, 60.0, [0.0]) == pytest.approx([60.0, 60.1, 60.2])


def test_waking_late_does_not_cost_rate_but_never_overfills_a_window() -> None:
    bucket = TokenBucket(rate=29.0)
    # Timers fire up to a few milliseconds late, as they do under load.
    moments = send_all(bucket, 29 * 20, 0.0, [0.004, 0.0, 0.008, 0.001, 0.0085, 0.002])
    assert len(moments) / (moments[-1] - moments[0]) == pytest.approx(29.0, rel=0.01)
    assert most_in_any_window(moments) <= bucket.window_limit() == 30


def test_window_limit_follows_rate_and_catch_up() -> None:
    assert TokenBucket(rate=28.0).window_limit() == 29
    assert TokenBucket(rate=29.5).window_limit() == 30
    assert TokenBucket(rate=29.9).window_limit() == 31
    assert TokenBucket(rate=10.0, catch_up=0.0).window_limit(window=2.0) == 20


def test_a_pause_holds_every_send_until_it_ends() -> None:
    bucket = TokenBucket(rate=10.0)
    bucket.consume(0.0)
    bucket.pause_until(5.0)
    assert bucket.paused(1.0) == pytest.approx(4.0)
    assert bucket.paused(6.0) == 0.0
    assert bucket.wait_time(1.0) == pytest.approx(4.0)
    assert bucket.wait_time(1.0, honour_pause=False) == 0.0
    assert send_all(bucket, 2, 1.0, [0.0]) == pytest.approx([5.0, 5.1])
    # A shorter pause does not shorten a longer one.
    bucket.pause_until(20.0)
    bucket.pause_until(10.0)
    assert bucket.paused(6.0) == pytest.approx(14.0)


def test_sends_made_without_waiting_push_the_others_back() -> None:
    bucket = TokenBucket(rate=10.0)
    bucket.consume(0.0)
    bucket.consume(0.0)  # e.g. a reply sent while the broadcast was between slots
    assert bucket.wait_time(0.0) == pytest.approx(0.2)


def test_bucket_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="rate"):
        TokenBucket(rate=0)
