"""installers/build.py's own steps, without running PyInstaller."""

from __future__ import annotations

import os
import stat
import tarfile
import time
from pathlib import Path

import pytest

from installers import build
from installers.build import BuildError


def test_version_comes_from_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "haicang"\nversion = "2.7.1"\n')
    assert build.project_version(pyproject) == "2.7.1"


def test_the_real_pyproject_version_matches_the_installed_metadata() -> None:
    build.check_installed_metadata(build.project_version())  # raises on a stale install


def test_stale_installed_metadata_stops_the_build() -> None:
    with pytest.raises(BuildError, match=r"pyproject.toml says 99\.0\.0.*pip install -e \."):
        build.check_installed_metadata("99.0.0")


def test_stale_translations_are_those_without_a_newer_qm(tmp_path: Path) -> None:
    for name in ("a_zh_CN", "b_zh_CN", "c_zh_CN"):
        (tmp_path / f"{name}.ts").write_text("<TS/>")
    (tmp_path / "b_zh_CN.qm").write_bytes(b"qm")
    old = time.time() - 3600
    (tmp_path / "c_zh_CN.qm").write_bytes(b"qm")
    os.utime(tmp_path / "c_zh_CN.qm", (old, old))
    assert [p.name for p in build.stale_translations(tmp_path)] == ["a_zh_CN.ts", "c_zh_CN.ts"]


def test_icon_renders_from_the_svg_and_converts_to_ico(qapp: object, tmp_path: Path) -> None:
    from PIL import Image

    png = build.render_icon(build.ICON_SVG, tmp_path / "icon.png", size=128)
    with Image.open(png) as image:
        assert image.size == (128, 128)
        alpha = image.convert("RGBA").getchannel("A")
        assert alpha.getpixel((0, 0)) == 0  # transparent outside the rounded square
        assert alpha.getpixel((64, 20)) == 255  # the icon itself is opaque
    ico = build.write_ico(png, tmp_path / "icon.ico")
    with Image.open(ico) as image:
        assert {(16, 16), (32, 32), (128, 128)} <= set(image.info["sizes"])


def test_linux_package_name() -> None:
    assert build.linux_package_name("1.2.3", "x86_64") == "haicang-1.2.3-linux-x86_64"


def test_tarball_holds_bundle_desktop_file_icon_and_installer(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    app = bundle / "haicang"
    app.write_text("#!/bin/sh\n")
    app.chmod(0o755)
    (bundle / "_internal" / "libx.so.1").write_bytes(b"\0")
    (bundle / "_internal" / "libx.so").symlink_to("libx.so.1")
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"png")
    staging = build.stage_linux(bundle, icon, tmp_path / "haicang-1.0-linux-x86_64")
    tarball = build.make_tarball(staging, tmp_path / "dist")
    assert tarball == tmp_path / "dist" / "haicang-1.0-linux-x86_64.tar.gz"
    with tarfile.open(tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = "haicang-1.0-linux-x86_64"
    assert {f"{top}/{n}" for n in ("haicang/haicang", "haicang/_internal/libx.so.1",
                                  "haicang.desktop", "haicang.png", "install.sh")} <= set(members)
    assert {name.split("/")[0] for name in members} == {top}
    assert members[f"{top}/install.sh"].mode & stat.S_IXUSR
    assert members[f"{top}/haicang/haicang"].mode & stat.S_IXUSR
    assert members[f"{top}/haicang/_internal/libx.so"].issym()
    assert {(m.uid, m.gid, m.uname) for m in members.values()} == {(0, 0, "root")}
