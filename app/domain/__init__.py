"""Pure business rules: no SQLAlchemy, no Qt, plain data in and out."""
