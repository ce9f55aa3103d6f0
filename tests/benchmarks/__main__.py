"""`python -m tests.benchmarks` (or `make bench`): run every benchmark in turn.

Each benchmark is also runnable alone: `python -m tests.benchmarks.<name> --help`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main() -> int:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if not m.name.startswith("_"))
    only = sys.argv[1:]
    failed = []
    for name in names:
        if only and name not in only:
            continue
        print(f"\n=== {name} " + "=" * (60 - len(name)), flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"tests.benchmarks.{name}")
        saved, sys.argv = sys.argv, [name]
        try:
            result = module.main()
        except SystemExit as exc:
            result = exc.code
        finally:
            sys.argv = saved
        if result not in (None, 0):
            failed.append(name)
        print(f"--- {name} took {time.perf_counter() - started:.1f} s", flush=True)
    if failed:
        print(f"benchmarks that reported failure: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
