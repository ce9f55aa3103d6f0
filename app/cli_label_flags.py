"""`haicang labels flagged | accept | discard`: the clerk's answer to a flagged seller label.

A seller label whose tracking number another order carries is refused at the pack station
and by every print path until it is decided here (or on the Printing screen):
``accept ID --reason TEXT`` when it is right after all, ``discard ID`` when it is wrong.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import EXIT_OK, Registrar, actor_of, open_context


def cmd_labels_flagged(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.label_flags import list_flagged_labels

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        rows = list_flagged_labels(s, actor=actor)
    if args.json:
        print_json([row.to_json() for row in rows])
        return EXIT_OK
    for row in rows:
        print(f"label {row.id}: order {row.order_number}, tracking {row.tracking_number or '?'} "
              f"also on {', '.join(row.others) or '?'} ({row.source_file})")
    print(f"{len(rows)} flagged label(s).")
    return EXIT_OK


def _decided(args: argparse.Namespace, decision: Any, text: str) -> int:
    from app.clioutput import print_json

    if args.json:
        print_json(decision.to_json())
    else:
        print(text)
    return EXIT_OK


def cmd_labels_accept(args: argparse.Namespace) -> int:
    from app.services.label_flags import accept_flagged_label
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    decision = run_write(ctx.db, accept_flagged_label, args.id, args.reason, actor=actor)
    return _decided(args, decision, f"Label {decision.id} of order {decision.order_number} "
                                    "accepted; it prints now.")


def cmd_labels_discard(args: argparse.Namespace) -> int:
    from app.services.label_flags import discard_seller_label
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    decision = run_write(ctx.db, discard_seller_label, args.id, actor=actor)
    cleared = (f" Labels {', '.join(map(str, decision.cleared))} are no longer flagged."
               if decision.cleared else "")
    return _decided(args, decision, f"Label {decision.id} removed from order "
                                    f"{decision.order_number}.{cleared}")


def register(reg: Registrar) -> None:
    """Add `labels flagged|accept|discard` to the `haicang` parser."""
    labels = reg.group("labels", "carrier labels supplied by sellers")
    reg.add(labels, "flagged", cmd_labels_flagged,
            "list seller labels whose tracking number another order also carries", True)
    p = reg.add(labels, "accept", cmd_labels_accept,
                "clear a label's flag: it is right (e.g. a reprint of the same parcel)", True)
    p.add_argument("id", metavar="ID", type=int, help="the label id (labels flagged)")
    p.add_argument("--reason", required=True, help="why it is right (kept in the audit log)")
    p = reg.add(labels, "discard", cmd_labels_discard,
                "remove a seller label from its order (it falls back to its other label)", True)
    p.add_argument("id", metavar="ID", type=int, help="the label id (labels flagged)")
