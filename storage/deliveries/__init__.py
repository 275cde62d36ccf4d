"""The deliveries outbox: the domain's side, the engine's claims and the rows they share."""
