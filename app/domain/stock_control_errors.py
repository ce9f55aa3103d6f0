"""What returns, cycle counts and stock reports refuse: each a one-line reason, nothing
written. ``DomainError`` subclasses like every expected failure, so the GUI translates
them and the CLI prints them on one line."""

from __future__ import annotations

from app.domain.errors import DomainError, NotFound


class FileNotWritten(DomainError):
    code = "file_not_written"
    template = "Cannot write {path}: {reason}"


class ReturnNotFound(NotFound):
    code = "return_not_found"
    template = "Return {number} was not found."


class CountNotFound(NotFound):
    code = "count_not_found"
    template = "Count {number} was not found."


class ReturnNotReturnable(DomainError):
    code = "return_not_returnable"
    template = "Order {order} is {state}; only shipped, in-transit or delivered orders come back."


class ReturnClientNeeded(DomainError):
    code = "return_client_needed"
    template = "No order has tracking number {tracking}; name the client to open a return."


class ReturnClosed(DomainError):
    code = "return_closed"
    template = "Return {number} is closed; nothing more can be received."


class ReturnWrongSku(DomainError):
    code = "return_wrong_sku"
    template = "SKU {sku} is not on order {order}."


class ReturnTooMany(DomainError):
    code = "return_too_many"
    template = ("Order {order} shipped {shipped} × {sku}; {received} already came back, "
                "{wanted} more is too many.")


class ReturnBinRefused(DomainError):
    code = "return_bin_refused"
    template = "Bin {bin} is a {kind} bin; graded {grade} units go to a {allowed} bin."
    field_words = ("resellable", "damaged", "dispose", "returns", "pick", "storage",
                   "receiving", "staging", "quarantine")


class NoBinOfType(DomainError):
    code = "no_bin_of_type"
    template = "Warehouse {warehouse} has no active {kind} bin; add one or name a bin."
    field_words = ("returns", "damaged")


class CountNotOpen(DomainError):
    code = "count_not_open"
    template = "Count {number} is {state}; it cannot be changed."
    field_words = ("open", "review", "approved", "cancelled")


class CountScopeEmpty(DomainError):
    code = "count_scope_empty"
    template = "Nothing to count in warehouse {warehouse} for {scope}."


class CountRecountBySameUser(DomainError):
    code = "count_recount_same_user"
    template = "{user} counted {bin}/{sku} first; the recount must be done by someone else."


class CountNeedsRecount(DomainError):
    code = "count_needs_recount"
    template = ("Count {number}: {lines} line(s) differ beyond tolerance and need a recount "
                "by another user first.")


class CountApproverIsCounter(DomainError):
    code = "count_approver_is_counter"
    template = "{user} counted in {number}; another supervisor must approve it."


class CountNotCounted(DomainError):
    code = "count_not_counted"
    template = "Count {number}: {lines} line(s) are not counted yet."


class CountStale(DomainError):
    code = "count_stale"
    template = ("{bin}/{sku} changed too much since it was counted ({on_hand} on hand, the "
                "count takes {wanted}); count it again.")


class CountReservedInPicking(DomainError):
    code = "count_reserved_in_picking"
    template = ("{bin}/{sku}: {units} of the missing units are reserved for orders being "
                "picked; finish or short-pick them, then approve again.")


class ReturnIllegalTransition(DomainError):
    code = "return_illegal_transition"
    template = "Return {number} is {state}; it cannot become {target}."
    field_words = ("received", "closed")


class ReturnNothingReceived(DomainError):
    code = "return_nothing_received"
    template = ("Return {number} has nothing received; close it anyway only if the parcel "
                "will not come (--force on the command line, F9 twice on the Returns screen).")
