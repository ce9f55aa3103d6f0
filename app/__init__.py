"""Haicang (海仓): order and warehouse management for small US overseas warehouses."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("haicang")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
