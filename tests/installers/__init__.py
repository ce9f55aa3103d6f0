"""Tests for the installers: build script, install.sh, and the frozen bundle itself."""
