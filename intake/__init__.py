"""The HTTP intake endpoint for leads (a website form, a CRM): an adapter beside handlers."""
