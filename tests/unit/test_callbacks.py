import pytest

from handlers.kit.callbacks import MAX_BYTES, CallbackDataError, decode, encode


def test_round_trip() -> None:
    data = encode("ppl", "role", 42, "team_lead", 3)
    assert data == "1:ppl:role:42:team_lead:3"
    parsed = decode(data)
    assert parsed is not None
    assert (parsed.area, parsed.verb) == ("ppl", "role")
    assert parsed.int_arg(0) == 42
    assert parsed.str_arg(1) == "team_lead"


def test_too_long_data_is_refused_when_drawn() -> None:
    with pytest.raises(CallbackDataError):
        encode("ppl", "x", *(["123456789"] * 7))


def test_separator_in_an_argument_is_refused() -> None:
    with pytest.raises(CallbackDataError):
        encode("ppl", "open", "1:2")


@pytest.mark.parametrize(
    "data",
    ["", "garbage", "0:ppl:open:1", "1:ppl", "1:ppl:open:1;DROP", "1:ppl:open:" + "9" * 70, None],
)
def test_forged_data_does_not_decode(data: str | None) -> None:
    assert decode(data) is None


@pytest.mark.parametrize("arg", ["-1", "abc", "1e9", "9" * 19])
def test_forged_ids_are_refused(arg: str) -> None:
    parsed = decode(f"1:ppl:open:{arg}")
    assert parsed is not None
    with pytest.raises(CallbackDataError):
        parsed.int_arg(0)


def test_missing_argument() -> None:
    parsed = decode("1:ppl:open")
    assert parsed is not None
    with pytest.raises(CallbackDataError):
        parsed.int_arg(0)


def test_limit_is_telegrams() -> None:
    assert MAX_BYTES == 64
