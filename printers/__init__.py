"""Haicang printing: lay out labels and documents, rasterise, encode, send.

Standalone: imports nothing from ``app``. Typical use::

    from printers import jobs, layouts, profiles
    pdf = layouts.shipping_label(layouts.ShippingLabel(...), dpi=profile.dpi)
    result = jobs.print_pdf(pdf, profile)      # raises printers.errors.PrinterError

Modules: :mod:`printers.layouts` (reportlab PDFs), :mod:`printers.raster` (PDF -> 1-bit),
:mod:`printers.encoders` (ESC/POS, TSPL, ZPL), :mod:`printers.transports` (by URI),
:mod:`printers.profiles`, :mod:`printers.jobs`, :mod:`printers.status` (ESC/POS DLE EOT),
:mod:`printers.importing` (seller-supplied label files), :mod:`printers.errors`.
"""
