"""Replaces PyInstaller's QtGui hook (user hooks take priority) to leave out Qt plugins
Haicang never loads on a desktop: embedded/framebuffer/VNC/Vulkan-display platforms,
evdev/TUIO input, and the GTK3 platform theme.

Dropping them here, before PyInstaller's binary dependency analysis, also drops what
only they pull in: the EGLFS and Network Qt libraries, and the whole GTK/Pango/Cairo
stack of the build machine (which would clash with the user's own GTK if loaded).
Kept: xcb and wayland (X11 and Wayland desktops), windows, offscreen and minimal
(headless), image formats incl. SVG, icon engines, input contexts, xdg portal theme.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGIN_DIRS = {"generic", "egldeviceintegrations"}
UNUSED_PLUGINS = ("qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qgtk3",
                  "qdirect2d")


def _wanted(source: str, dest: str) -> bool:
    if PurePath(dest).name in UNUSED_PLUGIN_DIRS:
        return False
    return not any(name in PurePath(source).name for name in UNUSED_PLUGINS)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if _wanted(source, dest)]
