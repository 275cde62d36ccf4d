"""Leads storage: leads, their history and intake, disputes, the regulation and intake sources."""
