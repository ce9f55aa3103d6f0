"""The application API: ``verb_noun(session, ...)`` functions over ids and plain values.

The UI, the CLI and the tests call the same functions. Each takes a session the
caller opened as one transaction (``with db.writing() as s:``) and returns frozen
DTOs; no ORM object leaves this package.
"""
