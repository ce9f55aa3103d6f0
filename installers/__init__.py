"""Build scripts for the Linux tarball and the Windows installer (see build.py)."""
