"""Builders of domain objects for tests: ``a_rep(team=1)``, ``a_campaign(status=…)``.

One module per feature (``tests.support.builders.<feature>``); every builder gives a valid
object with sensible defaults, and a test names only what matters to it.
"""
