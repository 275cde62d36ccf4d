"""Settings that do not go together stop the bot with one line naming them."""

import pytest

from bot.config import SettingsError, load_settings
from tests.support.harness import TOKEN


def test_a_pace_above_telegrams_free_rate_needs_paid_broadcasts() -> None:
    with pytest.raises(SettingsError, match="BROADCAST_RATE above 30 needs PAID_BROADCASTS"):
        load_settings(_env_file=None, bot_token=TOKEN, broadcast_rate=300)
    settings = load_settings(
        _env_file=None, bot_token=TOKEN, broadcast_rate=300, paid_broadcasts=True
    )
    assert settings.paid_broadcasts and settings.broadcast_rate == 300
    assert not load_settings(_env_file=None, bot_token=TOKEN).paid_broadcasts
