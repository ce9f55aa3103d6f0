"""Developer tool for the translation files (not shipped in the app).

    python resources/translations/ts.py update [GROUP...] # -> <group>_zh_CN.ts, <group>_en.ts
    python resources/translations/ts.py fill GROUP FILE [LANG] # FILE: JSON {"English": "中文", ...}
    python resources/translations/ts.py check             # list unfinished translations

Each screen group has its own .ts file (groups.json), so translations grow page by
page and two people translating two screens never edit the same file.

English is the source language, but Qt applies plural forms only from a translation,
so each group also has a plural-only ``<group>_en.ts``. Its forms are written from the
source text: "%n client(s)" -> "%n client" / "%n clients", "%n box(es)" -> "%n box" /
"%n boxes". A count string without that mark is left for ``fill GROUP FILE en`` (the
JSON value a list of the two forms), and ``check`` lists it until it is filled.
"""

from __future__ import annotations

import glob
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANG = "zh_CN"
SOURCE_LANG = "en"
#: "(s)" and "(es)" after a word mark an English plural ending.
PLURAL_MARK = re.compile(r"(?<=\w)\((e?s)\)")


def _groups() -> dict[str, list[str]]:
    return json.loads((HERE / "groups.json").read_text(encoding="utf-8"))


def _ts(group: str, lang: str = LANG) -> Path:
    return HERE / f"{group}_{lang}.ts"


def english_forms(source: str) -> list[str] | None:
    """Singular and plural of a source marked with "(s)"/"(es)"; None when it has no mark."""
    if not PLURAL_MARK.search(source):
        return None
    return [PLURAL_MARK.sub("", source), PLURAL_MARK.sub(r"\1", source)]


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
        english = _ts(group, SOURCE_LANG)
        subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", "-pluralonly",
                        "-target-language", SOURCE_LANG, *files, "-ts", str(english)],
                       check=True, capture_output=True)
        print(f"{group}: {len(files)} files -> {_ts(group).name}, {english.name} "
              f"({_fill_english(english)} plural forms written)")


def _fill_english(path: Path) -> int:
    """Write the English numerus forms of every marked source still unfinished."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        forms = english_forms(message.findtext("source") or "")
        if translation is None or translation.get("type") != "unfinished" or forms is None:
            continue
        _set_forms(translation, forms)
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def _set_forms(translation: ET.Element, forms: list[str]) -> None:
    for form in list(translation):
        translation.remove(form)
    for text in forms:
        ET.SubElement(translation, "numerusform").text = text
    translation.text = None
    translation.attrib.pop("type", None)


def fill(group: str, mapping_file: str, lang: str = LANG) -> None:
    """Chinese: one text per source ("%n 个订单" is its only plural form). English: the
    two forms, as a list, of a count string the "(s)" mark cannot express."""
    mapping: dict[str, str | list[str]] = json.loads(
        Path(mapping_file).read_text(encoding="utf-8"))
    path = _ts(group, lang)
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or source not in mapping:
            continue
        value = mapping[source]
        if message.get("numerus") == "yes":
            _set_forms(translation, [value] if isinstance(value, str) else value)
        else:
            translation.text = str(value)
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path.name}: {filled} translations filled")


def check() -> int:
    """List unfinished translations, English plural forms included, and "%n" texts
    translated without a count (their "%n" would show as is)."""
    missing = 0
    for path in sorted([*HERE.glob(f"*_{LANG}.ts"), *HERE.glob(f"*_{SOURCE_LANG}.ts")]):
        for message in ET.parse(path).iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            forms = [] if translation is None else [
                "".join(f.itertext()) for f in translation.findall("numerusform")]
            text = "".join(translation.itertext()) if translation is not None else ""
            if (translation is None or translation.get("type") == "unfinished"
                    or not text.strip() or (forms and not all(f.strip() for f in forms))):
                missing += 1
                print(f"{path.name}: {source!r}")
            elif "%n" in source and message.get("numerus") != "yes":
                missing += 1
                print(f"{path.name}: {source!r} has %n but is translated without a count")
    return 1 if missing else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update(sys.argv[2:])
    elif command == "fill":
        fill(sys.argv[2], sys.argv[3], *sys.argv[4:5])
    else:
        raise SystemExit(check())
