"""Label providers: HTTP-only adapters behind :class:`app.carriers.base.CarrierProvider`."""
