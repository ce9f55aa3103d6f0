"""`python -m app` behaves like the `haicang` command."""

from app.cli import main

raise SystemExit(main())
