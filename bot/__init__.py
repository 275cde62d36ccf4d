"""Wiring: configuration, the Application, translations and ``python -m bot``."""
