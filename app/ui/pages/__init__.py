"""One module per screen. Each page is a QWidget built from a :class:`PageContext`."""
