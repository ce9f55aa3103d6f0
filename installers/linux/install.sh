#!/bin/sh
# Install Haicang from this unpacked tarball.
#
#   ./install.sh                         for you: ~/.local/opt/haicang, ~/.local/bin/haicang,
#                                        menu entry in ~/.local/share/applications
#   sudo ./install.sh --system           for everyone: /opt/haicang, /usr/local/bin/haicang,
#                                        menu entry in /usr/share/applications
#   ./install.sh --uninstall [--system]  remove the program and its menu entry again
#
# Installing over an older version replaces the program only. Uninstalling never touches
# the data: the database, settings and logs live in each user's own folders
# (~/.local/share/Haicang, ~/.config/Haicang, ~/.local/state/Haicang) and stay there.
# DESTDIR=/some/dir with --system installs below that folder (for packaging and tests).
set -eu

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
    echo "install.sh: $*" >&2
    exit 1
}

mode=user
action=install
for arg in "$@"; do
    case $arg in
        --system) mode=system ;;
        --uninstall) action=uninstall ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
    esac
done

here=$(cd "$(dirname "$0")" && pwd)

if [ "$mode" = system ]; then
    root=${DESTDIR:-}
    if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
        die "--system writes to /opt and /usr: run it as root (sudo $0 $*)"
    fi
    opt="$root/opt/haicang"
    bin="$root/usr/local/bin"
    share="$root/usr/share"
else
    [ -n "${HOME:-}" ] || die "HOME is not set"
    opt="$HOME/.local/opt/haicang"
    bin="$HOME/.local/bin"
    share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
apps="$share/applications"
icons="$share/icons/hicolor/256x256/apps"

# Only ever delete a folder that holds a Haicang bundle.
is_bundle() {
    [ -f "$1/haicang" ] && [ -d "$1/_internal" ]
}

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
    fi
}

install_app() {
    is_bundle "$here/haicang" || die "no Haicang bundle next to this script ($here/haicang)"
    if [ -e "$opt" ] && ! is_bundle "$opt"; then
        die "$opt exists but is not a Haicang installation; move it away first"
    fi
    mkdir -p "$(dirname "$opt")" "$bin" "$apps" "$icons"
    # Copy next to the target, then swap: a failed copy leaves the old version working.
    staging="$opt.new.$$"
    rm -rf "$staging"
    cp -R -P "$here/haicang" "$staging"
    rm -rf "$opt"
    mv "$staging" "$opt"
    ln -sfn "$opt/haicang" "$bin/haicang"
    cp "$here/haicang.png" "$icons/haicang.png"
    # The menu must not depend on PATH (~/.local/bin is not on it everywhere): absolute paths.
    grep -v -e '^Exec=' -e '^Icon=' "$here/haicang.desktop" > "$apps/haicang.desktop"
    printf 'Exec="%s"\nIcon=%s\n' "$opt/haicang" "$icons/haicang.png" >> "$apps/haicang.desktop"
    chmod 644 "$apps/haicang.desktop" "$icons/haicang.png"
    refresh_menus
    echo "Installed Haicang in $opt"
    echo "  command:    $bin/haicang"
    echo "  menu entry: $apps/haicang.desktop"
    if [ "$mode" = user ]; then
        case ":${PATH:-}:" in
            *":$bin:"*) ;;
            *) echo "  note: $bin is not on your PATH; the menu entry works regardless" ;;
        esac
    fi
}

uninstall_app() {
    if [ -e "$opt" ]; then
        is_bundle "$opt" || die "$opt is not a Haicang installation; not removing it"
        rm -rf "$opt"
    fi
    if [ -L "$bin/haicang" ]; then
        case $(readlink "$bin/haicang") in
            "$opt"/*) rm -f "$bin/haicang" ;;
        esac
    fi
    rm -f "$apps/haicang.desktop" "$icons/haicang.png"
    refresh_menus
    echo "Removed Haicang from $opt."
    echo "Kept the data: databases, settings and logs in ~/.local/share/Haicang,"
    echo "~/.config/Haicang and ~/.local/state/Haicang (of every user who ran it)."
}

if [ "$action" = install ]; then
    install_app
else
    uninstall_app
fi
