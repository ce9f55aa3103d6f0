"""The budget of the fuzz and property tests: small and fixed in `make test`, large on demand.

Mark such tests ``@pytest.mark.fuzz`` and decorate them with ``@fuzz_settings(n)``:

* ``make test``: ``n`` cases, derandomized and without the example database, so every run
  tries the same cases, a failure reproduces, and the suite's time stays stable.
* ``make fuzz`` (``HAICANG_FUZZ=long pytest -m fuzz``): ``HAICANG_FUZZ_EXAMPLES`` cases
  (default 20,000) per test, randomized, to search further than the fixed set.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG_EXAMPLES = 20_000


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings for a fuzz test that tries ``examples`` cases in `make test`."""
    if os.environ.get("HAICANG_FUZZ") == "long" or "HAICANG_FUZZ_EXAMPLES" in os.environ:
        budget = int(os.environ.get("HAICANG_FUZZ_EXAMPLES", LONG_EXAMPLES))
        return settings(max_examples=budget, deadline=None, database=None,
                        suppress_health_check=[HealthCheck.too_slow])
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None)
