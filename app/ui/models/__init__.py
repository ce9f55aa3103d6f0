"""Qt table models: they hold ids and fetched row DTOs, and never run SQL in data()."""
