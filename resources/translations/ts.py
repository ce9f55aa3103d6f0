"""Developer tool for the translation files (not shipped in the app).

    python resources/translations/ts.py update [GROUP...] # lupdate groups -> <group>_zh_CN.ts
    python resources/translations/ts.py fill GROUP FILE   # FILE: JSON {"English": "中文", ...}
    python resources/translations/ts.py check             # list unfinished translations

Each screen group has its own .ts file (groups.json), so translations grow page by
page and two people translating two screens never edit the same file.
"""

from __future__ import annotations

import glob
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANG = "zh_CN"


def _groups() -> dict[str, list[str]]:
    return json.loads((HERE / "groups.json").read_text(encoding="utf-8"))


def _ts(group: str) -> Path:
    return HERE / f"{group}_{LANG}.ts"


def update(only: list[str]) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    for group, patterns in _groups().items():
        if only and group not in only:
            continue
        files = sorted({f for p in patterns for f in glob.glob(str(ROOT / p))})
        if not files:
            continue
        subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *files,
                        "-ts", str(_ts(group))], check=True, capture_output=True)
        print(f"{group}: {len(files)} files -> {_ts(group).name}")


def fill(group: str, mapping_file: str) -> None:
    mapping: dict[str, str] = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    path = _ts(group)
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or source not in mapping:
            continue
        if message.get("numerus") == "yes":  # Chinese has one plural form: "%n 个订单"
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = mapping[source]
        else:
            translation.text = mapping[source]
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path.name}: {filled} translations filled")


def check() -> int:
    missing = 0
    for path in sorted(HERE.glob(f"*_{LANG}.ts")):
        for message in ET.parse(path).iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            if translation is None or translation.get("type") == "unfinished" or not text.strip():
                missing += 1
                print(f"{path.name}: {message.findtext('source')!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update(sys.argv[2:])
    elif command == "fill":
        fill(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(check())
