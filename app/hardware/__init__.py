"""Pack-station hardware (scales, scanners), free of Qt and of the database.

Devices here are plain Python objects over pyserial / HID so the CLI, the tests and the
Qt worker threads all drive the same code. Nothing in this package may import PySide6,
``app.ui``, ``app.db`` or ``app.services`` (see ARCHITECTURE.md, "Layers").
"""
