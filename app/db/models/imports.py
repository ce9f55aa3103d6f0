"""Column presets: how one client's own order-file layout maps onto our order fields.

Sellers send files in many layouts (the Chinese templates of other overseas
warehouses, their ERP's export ...). A clerk maps the columns once; the preset keeps
that mapping under a name for the client and recognises the same layout next time by
its header row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class ImportPreset(Base):
    __tablename__ = "import_presets"
    __table_args__ = (UniqueConstraint("client_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    #: JSON object: order field name -> the file's header text for it.
    mapping: Mapped[str] = mapped_column(Text)
    #: JSON list of the file's normalised header cells, to recognise the layout again.
    headers: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
