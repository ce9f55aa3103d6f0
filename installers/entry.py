"""The frozen app's entry point: exactly what the `haicang` console script runs."""

from app.cli import main

raise SystemExit(main())
