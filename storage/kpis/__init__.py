"""KPI storage: aggregates by area, composed into SqlKpiRepo."""
