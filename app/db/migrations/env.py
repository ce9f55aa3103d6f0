"""Alembic environment: always run on a connection the app hands over."""

from alembic import context

from app.db import models  # noqa: F401  (registers every table)
from app.db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic` run by hand
    raise SystemExit("Run migrations through `haicang db upgrade`.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
