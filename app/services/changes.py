"""What a service call changed, so screens refresh only what they show."""

from enum import Flag, auto


class Changes(Flag):
    NONE = 0
    ORDERS = auto()
    STOCK = auto()
    CATALOG = auto()
    ORGANISATION = auto()
    USERS = auto()
