"""Tandem's business rules in plain Python.

Nothing here imports Telegram, SQL drivers, the scheduler or the outer packages; the rule is
checked by ``tests/unit/test_layering.py`` and by ruff's banned-api setting.
"""
