"""Fake EasyPost and Shippo servers (and the label files they serve) for carrier tests."""
