"""A separate process that buys an order's label, for the race and kill tests.

``python -m tests.services.label_buyer DB_URL ORDER_ID [GO_FILE]`` waits until GO_FILE
exists (so several start together), buys, and prints one line: ``bought <purchase id>``
or ``refused <error code>``.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from app.db.schema import open_database
from app.domain.errors import HaicangError
from app.services.label_purchase import buy_labels
from tests.fakes.platforms.clock import VirtualClock
from tests.services.label_world import fake_providers
from tests.services.packing_world import PACKER


def main(argv: list[str]) -> int:
    url, order_id = argv[0], int(argv[1])
    go = Path(argv[2]) if len(argv) > 2 else None
    db = open_database(url)
    providers = fake_providers(VirtualClock(datetime.now(UTC)))
    while go is not None and not go.exists():
        time.sleep(0.01)
    try:
        (info,) = buy_labels(db, order_id, providers=providers, actor=PACKER)
    except HaicangError as exc:
        print(f"refused {exc.code}", flush=True)
        return 1
    finally:
        db.dispose()
    print(f"bought {info.id}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
