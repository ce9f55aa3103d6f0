"""What a service call changed, so screens refresh only what they show."""

from enum import Flag, auto


class Changes(Flag):
    NONE = 0
    ORDERS = auto()
    STOCK = auto()
    CATALOG = auto()
    ORGANISATION = auto()
    USERS = auto()
    #: Rate cards, charges and invoices (only the Billing screen shows them, so its writes
    #: and the nightly billing job do not reload the screens of the organisation).
    BILLING = auto()
