"""installers/linux/install.sh against a stand-in bundle: where things go, and what stays."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from installers.build import INSTALLERS

FAKE_APP = "#!/bin/sh\necho fake haicang {tag}\n"


def make_package(folder: Path, tag: str = "v1") -> Path:
    """What the tarball unpacks to, with a shell script standing in for the frozen app."""
    bundle = folder / "haicang"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / f"lib-{tag}.so").write_bytes(b"\0")
    app = bundle / "haicang"
    app.write_text(FAKE_APP.format(tag=tag))
    app.chmod(0o755)
    shutil.copy2(INSTALLERS / "linux" / "haicang.desktop", folder / "haicang.desktop")
    (folder / "haicang.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    shutil.copy2(INSTALLERS / "linux" / "install.sh", folder / "install.sh")
    (folder / "install.sh").chmod(0o755)
    return folder


def run_install(package: Path, home: Path, *args: str,
                destdir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    if destdir is not None:
        env["DESTDIR"] = str(destdir)
    return subprocess.run(["sh", str(package / "install.sh"), *args], env=env,
                          capture_output=True, text=True, check=False)


def desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def test_user_install_puts_program_command_and_menu_entry_under_home(
    tmp_path: Path, home: Path
) -> None:
    package = make_package(tmp_path / "pkg")
    done = run_install(package, home)
    assert done.returncode == 0, done.stderr
    opt = home / ".local" / "opt" / "haicang"
    link = home / ".local" / "bin" / "haicang"
    assert (opt / "_internal" / "lib-v1.so").is_file()
    assert link.is_symlink() and link.resolve() == (opt / "haicang").resolve()
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "fake haicang v1\n"
    entry = desktop_entry(home / ".local" / "share" / "applications" / "haicang.desktop")
    assert entry["Exec"] == f'"{opt / "haicang"}"'
    icon = home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "haicang.png"
    assert entry["Icon"] == str(icon) and icon.is_file()
    assert entry["Name"] == "Haicang" and entry["Name[zh_CN]"] == "海仓"


def test_reinstall_replaces_the_old_version_completely(tmp_path: Path, home: Path) -> None:
    assert run_install(make_package(tmp_path / "v1", "v1"), home).returncode == 0
    done = run_install(make_package(tmp_path / "v2", "v2"), home)
    assert done.returncode == 0, done.stderr
    internal = home / ".local" / "opt" / "haicang" / "_internal"
    assert sorted(p.name for p in internal.iterdir()) == ["lib-v2.so"]
    link = home / ".local" / "bin" / "haicang"
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "fake haicang v2\n"


def test_uninstall_removes_the_program_and_keeps_user_data(tmp_path: Path, home: Path) -> None:
    package = make_package(tmp_path / "pkg")
    assert run_install(package, home).returncode == 0
    data = home / ".local" / "share" / "Haicang" / "haicang.db"
    settings = home / ".config" / "Haicang" / "settings.toml"
    for f in (data, settings):
        f.parent.mkdir(parents=True)
        f.write_text("precious")
    done = run_install(package, home, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert not (home / ".local" / "opt" / "haicang").exists()
    assert not (home / ".local" / "bin" / "haicang").is_symlink()
    assert not (home / ".local" / "share" / "applications" / "haicang.desktop").exists()
    assert data.read_text() == "precious" and settings.read_text() == "precious"


def test_system_install_goes_to_opt_usr_local_bin_and_usr_share(tmp_path: Path,
                                                                 home: Path) -> None:
    package = make_package(tmp_path / "pkg")
    root = tmp_path / "root"
    done = run_install(package, home, "--system", destdir=root)
    assert done.returncode == 0, done.stderr
    assert (root / "opt" / "haicang" / "haicang").is_file()
    assert (root / "usr" / "local" / "bin" / "haicang").resolve() == (
        root / "opt" / "haicang" / "haicang"
    ).resolve()
    entry = desktop_entry(root / "usr" / "share" / "applications" / "haicang.desktop")
    assert entry["Exec"] == f'"{root / "opt" / "haicang" / "haicang"}"'
    assert not (home / ".local").exists()
    assert run_install(package, home, "--system", "--uninstall", destdir=root).returncode == 0
    assert not (root / "opt" / "haicang").exists()
    assert not (root / "usr" / "share" / "applications" / "haicang.desktop").exists()


def test_refuses_to_replace_a_folder_that_is_not_a_haicang_install(tmp_path: Path,
                                                                   home: Path) -> None:
    foreign = home / ".local" / "opt" / "haicang"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("mine")
    package = make_package(tmp_path / "pkg")
    for args in ((), ("--uninstall",)):
        done = run_install(package, home, *args)
        assert done.returncode == 1
        assert "not a Haicang installation" in done.stderr
        assert (foreign / "notes.txt").read_text() == "mine"


def test_unknown_option_is_a_usage_error(tmp_path: Path, home: Path) -> None:
    done = run_install(make_package(tmp_path / "pkg"), home, "--sytem")
    assert done.returncode == 2
    assert "unknown option '--sytem'" in done.stderr
    assert "--uninstall" in done.stderr  # the usage text follows
