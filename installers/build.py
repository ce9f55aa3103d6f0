"""Build Haicang's installers; `make dist` runs this.

Linux:   PyInstaller one-folder bundle -> dist/haicang-VERSION-linux-x86_64.tar.gz holding
         the bundle, a .desktop file, the icon and install.sh.
Windows: PyInstaller bundle (Haicang.exe + haicang-cli.exe) -> Inno Setup's ISCC, when it
         is installed, -> dist/Haicang-Setup-VERSION.exe.

The version is read from pyproject.toml, the one place it is written. The frozen app
reads it back from the haicang dist-info the spec bundles, so the build refuses to run
when the installed metadata disagrees with pyproject (a stale `pip install -e .`) rather
than ship an app that reports the wrong version.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from importlib import metadata
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
SPEC = INSTALLERS / "haicang.spec"
ASSETS = ROOT / "build" / "installer-assets"
PYINSTALLER_WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
ICON_SVG = ROOT / "resources" / "icons" / "haicang.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Default folder where the Inno Setup 6 installer puts its compiler.
ISCC_DEFAULT = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")


class BuildError(Exception):
    """A build precondition or step failed; the message says what to do."""

    message_template: ClassVar[str] = "{reason}"

    def __init__(self, reason: str) -> None:
        self.params = {"reason": reason}
        super().__init__(self.message_template.format(**self.params))


# --- version ---------------------------------------------------------------------------


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """[project] version from pyproject.toml."""
    with pyproject.open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def check_installed_metadata(expected: str) -> None:
    """The dist-info PyInstaller will bundle must carry pyproject's version."""
    try:
        installed = metadata.version("haicang")
    except metadata.PackageNotFoundError:
        raise BuildError(
            "haicang is not installed in this environment; run `pip install -e .` first"
        ) from None
    if installed != expected:
        raise BuildError(
            f"installed haicang metadata says {installed} but pyproject.toml says {expected}; "
            "run `pip install -e .` so the frozen app reports the right version"
        )


def stale_translations(translations: Path = ROOT / "resources" / "translations") -> list[Path]:
    """The .ts files whose .qm is missing or older (compiled files are not in git)."""
    return [
        ts for ts in sorted(translations.glob("*.ts"))
        if not ts.with_suffix(".qm").is_file()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]


def compile_translations(translations: Path = ROOT / "resources" / "translations") -> None:
    """Run pyside6-lrelease for stale .ts files, so a Windows build needs no `make`."""
    stale = stale_translations(translations)
    if not stale:
        return
    scripts = Path(sys.executable).parent
    lrelease = shutil.which("pyside6-lrelease", path=str(scripts)) or shutil.which(
        "pyside6-lrelease"
    )
    if lrelease is None:
        raise BuildError("pyside6-lrelease not found; run `make translations` first")
    for ts in stale:
        done = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                              check=False)
        if done.returncode != 0:
            raise BuildError(f"pyside6-lrelease failed on {ts.name}")


# --- icon ------------------------------------------------------------------------------


def render_icon(svg: Path, png: Path, size: int = 256) -> Path:
    """Render the SVG app icon to a square PNG with Qt (the .desktop file and .ico need one)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # QPainter needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(png)):
        raise BuildError(f"cannot write {png}")
    return png


def write_ico(png: Path, ico: Path) -> Path:
    """A multi-size Windows icon from the PNG (Pillow comes with reportlab)."""
    from PIL import Image

    with Image.open(png) as image:
        image.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    return ico


# --- PyInstaller -----------------------------------------------------------------------


def run_pyinstaller(*, clean: bool = False) -> Path:
    """Build the one-folder bundle; returns its folder (holding the executables)."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed; run `pip install pyinstaller`")
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(PYINSTALLER_WORK / "dist"),
        "--workpath", str(PYINSTALLER_WORK / "work"),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    print("building the bundle with PyInstaller…", flush=True)
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (see its output above)")
    return PYINSTALLER_WORK / "dist" / "haicang"


def folder_size(folder: Path) -> int:
    """Bytes in the files under ``folder`` (symlinks count as what they are, not targets)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir() or p.is_symlink())


# --- Linux -----------------------------------------------------------------------------


def machine_name() -> str:
    """x86_64 / aarch64, as Linux tarballs are usually named."""
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def linux_package_name(version: str, machine: str | None = None) -> str:
    return f"haicang-{version}-linux-{machine or machine_name()}"


def stage_linux(bundle: Path, icon_png: Path, staging: Path) -> Path:
    """Lay out what the tarball holds: haicang/ (the bundle), .desktop, icon, install.sh."""
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    shutil.copytree(bundle, staging / "haicang", symlinks=True)
    shutil.copy2(INSTALLERS / "linux" / "haicang.desktop", staging / "haicang.desktop")
    shutil.copy2(icon_png, staging / "haicang.png")
    shutil.copy2(INSTALLERS / "linux" / "install.sh", staging / "install.sh")
    (staging / "install.sh").chmod(0o755)
    return staging


def _as_root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """No build-machine user names or ids in the archive."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball(staging: Path, out_dir: Path) -> Path:
    """``out_dir/<staging name>.tar.gz`` with the staging folder as its only top entry."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{staging.name}.tar.gz"
    partial = target.with_name(target.name + ".part")
    # Level 6: about as small as 9 for this content, in half the time.
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=staging.name, filter=_as_root_owned)
    partial.replace(target)
    return target


def build_linux(version: str, *, skip_pyinstaller: bool, clean: bool) -> Path:
    icon_png = render_icon(ICON_SVG, ASSETS / "haicang.png")
    bundle = PYINSTALLER_WORK / "dist" / "haicang"
    if not skip_pyinstaller:
        bundle = run_pyinstaller(clean=clean)
    if not (bundle / "haicang").is_file():
        raise BuildError(f"no bundle at {bundle}; run without --skip-pyinstaller")
    staging = stage_linux(bundle, icon_png, ROOT / "build" / linux_package_name(version))
    tarball = make_tarball(staging, DIST)
    mb = 1024 * 1024
    print(f"bundle   {folder_size(bundle) / mb:.0f} MB unpacked ({bundle})")
    print(f"tarball  {tarball.stat().st_size / mb:.0f} MB  {tarball}")
    return tarball


# --- Windows ---------------------------------------------------------------------------


def find_iscc() -> Path | None:
    """Inno Setup's command-line compiler: on PATH, else its default install folder."""
    found = shutil.which("iscc") or shutil.which("ISCC.exe")
    if found:
        return Path(found)
    return ISCC_DEFAULT if ISCC_DEFAULT.is_file() else None


def build_windows(version: str, *, skip_pyinstaller: bool, clean: bool) -> Path:
    icon_png = render_icon(ICON_SVG, ASSETS / "haicang.png")
    write_ico(icon_png, ASSETS / "haicang.ico")  # the spec and the .iss both use it
    bundle = PYINSTALLER_WORK / "dist" / "haicang"
    if not skip_pyinstaller:
        bundle = run_pyinstaller(clean=clean)
    if not (bundle / "Haicang.exe").is_file():
        raise BuildError(f"no bundle at {bundle}; run without --skip-pyinstaller")
    print(f"bundle   {folder_size(bundle) / (1024 * 1024):.0f} MB unpacked ({bundle})")
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found: install Inno Setup 6 and put it on PATH to "
              f"build dist/Haicang-Setup-{version}.exe; the bundle above runs as it is.")
        return bundle
    DIST.mkdir(exist_ok=True)
    command = [
        str(iscc), "/Q",
        f"/DAppVersion={version}", f"/DBundleDir={bundle}",
        f"/DIconFile={ASSETS / 'haicang.ico'}", f"/DOutputDir={DIST}",
        str(INSTALLERS / "windows" / "haicang.iss"),
    ]
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise BuildError("Inno Setup failed (see its output above)")
    setup = DIST / f"Haicang-Setup-{version}.exe"
    print(f"installer {setup.stat().st_size / (1024 * 1024):.0f} MB  {setup}")
    return setup


# --- command line ----------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Haicang's installer for this OS.")
    parser.add_argument("--skip-pyinstaller", action="store_true",
                        help="reuse the bundle from the last build (repackage only)")
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache first")
    args = parser.parse_args(argv)
    try:
        version = project_version()
        check_installed_metadata(version)
        compile_translations()
        if sys.platform == "win32":
            build_windows(version, skip_pyinstaller=args.skip_pyinstaller, clean=args.clean)
        elif sys.platform.startswith("linux"):
            build_linux(version, skip_pyinstaller=args.skip_pyinstaller, clean=args.clean)
        else:
            raise BuildError(f"no installer recipe for {sys.platform} (Linux and Windows only)")
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
