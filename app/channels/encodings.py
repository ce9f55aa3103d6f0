"""Which encoding a CSV file is in: detected, never guessed.

Chinese Excel writes CSV as UTF-8 with a BOM ("CSV UTF-8"), as GBK ("CSV (逗号分隔)", which
GB18030 decodes) or as UTF-16 LE with tabs ("Unicode 文本"). GB18030 decodes almost any byte
string, so "it decodes" proves nothing: Big5, Shift-JIS or a file half UTF-8 and half GBK
would come out as plausible-looking nonsense (王五 as a private-use character) and be
imported. The rules, in order:

1. a BOM names the encoding (UTF-8 or UTF-16); UTF-16 without a BOM is recognised by its
   zero bytes;
2. valid UTF-8 is UTF-8 - unless it is UTF-7 in disguise (ASCII with ``+c4tOlA-`` runs);
3. lines in UTF-8 next to lines that are not: refused, naming the line where it changes;
4. GB18030 when the bytes decode strictly as GB18030 without private-use characters, and
   either the text holds only what Chinese text holds (CJK, ASCII, Chinese punctuation,
   hardly any of GBK's rare characters - not the kana, Cyrillic or rare characters that
   other encodings turn into) or the detector (charset-normalizer: maintained, instead of
   hand-written statistics) names GB18030 first. Detectors are weak on short text, hence
   the character rule;
5. anything else is refused with the encoding the detector found and how to resave it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from app.domain.errors import QT_TRANSLATE_NOOP, FileUnreadable


class EncodingRefused(FileUnreadable):
    """The text is not confidently UTF-8, GB18030/GBK or UTF-16."""

    code = "encoding_refused"
    template = QT_TRANSLATE_NOOP(
        "errors", "Cannot import {path}: this file looks like {encoding}. Open it in Excel "
        "and save it as 'CSV UTF-8 (Comma delimited)'."
    )


class MixedEncoding(FileUnreadable):
    """Lines in UTF-8 and lines in another encoding: files pasted together."""

    code = "mixed_encoding"
    template = QT_TRANSLATE_NOOP(
        "errors", "Cannot import {path}: its encoding changes on line {line} (line {first} is "
        "{before}, line {line} is {after}). Open it in Excel and save it as 'CSV UTF-8 "
        "(Comma delimited)'."
    )


#: What to call an encoding in a message (the codec names of Python and charset-normalizer).
ENCODING_NAMES: dict[str, str] = {
    "big5": QT_TRANSLATE_NOOP("errors", "Big5 (Traditional Chinese)"),
    "big5hkscs": QT_TRANSLATE_NOOP("errors", "Big5 (Traditional Chinese)"),
    "cp950": QT_TRANSLATE_NOOP("errors", "Big5 (Traditional Chinese)"),
    "shift_jis": QT_TRANSLATE_NOOP("errors", "Shift-JIS (Japanese)"),
    "shift_jis_2004": QT_TRANSLATE_NOOP("errors", "Shift-JIS (Japanese)"),
    "shift_jisx0213": QT_TRANSLATE_NOOP("errors", "Shift-JIS (Japanese)"),
    "cp932": QT_TRANSLATE_NOOP("errors", "Shift-JIS (Japanese)"),
    "euc_jp": QT_TRANSLATE_NOOP("errors", "EUC-JP (Japanese)"),
    "euc_jis_2004": QT_TRANSLATE_NOOP("errors", "EUC-JP (Japanese)"),
    "euc_jisx0213": QT_TRANSLATE_NOOP("errors", "EUC-JP (Japanese)"),
    "euc_kr": QT_TRANSLATE_NOOP("errors", "EUC-KR (Korean)"),
    "cp949": QT_TRANSLATE_NOOP("errors", "EUC-KR (Korean)"),
    "johab": QT_TRANSLATE_NOOP("errors", "EUC-KR (Korean)"),
    "utf_7": QT_TRANSLATE_NOOP("errors", "UTF-7"),
    "utf-8": QT_TRANSLATE_NOOP("errors", "UTF-8"),
    "cp1252": QT_TRANSLATE_NOOP("errors", "Windows-1252 (Western European)"),
    "latin_1": QT_TRANSLATE_NOOP("errors", "Windows-1252 (Western European)"),
    "cp1250": QT_TRANSLATE_NOOP("errors", "Windows-1250 (Central European)"),
    "cp1251": QT_TRANSLATE_NOOP("errors", "Windows-1251 (Cyrillic)"),
}
UNKNOWN = QT_TRANSLATE_NOOP("errors", "an unknown encoding")
OTHER = QT_TRANSLATE_NOOP("errors", "GBK or another encoding")
_GB = frozenset({"gb18030", "gbk", "gb2312", "hz"})

#: Characters GBK text holds: ASCII, Latin-1 symbols and pinyin, spacing tone marks, general
#: punctuation (— “ ” …), letterlike (℃ №), number forms (Ⅳ), arrows, maths, enclosed
#: numbers (①), CJK punctuation, enclosed and compatibility CJK (㈠ ㎡), CJK ideographs,
#: compatibility ideographs, vertical forms and full-width forms. Not kana, Greek, Cyrillic,
#: bopomofo, box drawing or private use: other CJK encodings read as GBK turn into those.
_NOT_CHINESE_TEXT = re.compile(
    "[^\x00-\x7f\u00a0-\u01ff\u02c6-\u02dd\u2000-\u206f\u20ac\u2100-\u22ff\u2460-\u24ff"
    "\u2e80-\u2eff\u3000-\u303f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef]"
)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_UTF7_RUN = re.compile(rb"\+([A-Za-z0-9+/]{6,})-?")
_IDEOGRAPHS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_SAMPLE = 8192


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding) of a CSV file, or :class:`EncodingRefused` / :class:`MixedEncoding`.

    A file with NUL bytes near its start and no byte-order mark is binary, not text.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data, path, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    bomless = _utf16_without_bom(data)
    if bomless is not None:
        return _strict(data, bomless, path), bomless
    if b"\x00" in data[:_SAMPLE]:
        raise FileUnreadable(path=str(path), reason="it is not a CSV or XLSX file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text.isascii() and _looks_like_utf7(data):
            raise EncodingRefused(path=str(path), encoding=ENCODING_NAMES["utf_7"])
        return text, "utf-8"
    _refuse_mixed(data, path)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise EncodingRefused(path=str(path), encoding=_detected_name(data)) from None
    if _PRIVATE_USE.search(text) is None and (
        (_NOT_CHINESE_TEXT.search(text) is None and _common_hanzi(text))
        or _detector_says_gb(data)
    ):
        return text, "gb18030"
    raise EncodingRefused(path=str(path), encoding=_detected_name(data))


def _utf8(data: bytes, path: Path, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        _refuse_mixed(data, path)
        raise EncodingRefused(path=str(path), encoding=_detected_name(data)) from None


def _strict(data: bytes, codec: str, path: Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise EncodingRefused(path=str(path), encoding=_detected_name(data)) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when every other byte of the start is zero (mostly ASCII
    text in UTF-16 whose BOM was lost), else None."""
    sample = data[:_SAMPLE]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _looks_like_utf7(data: bytes) -> bool:
    """ASCII text with UTF-7 runs that decode to Chinese or Japanese characters.

    Such runs are rare by chance: ``jane+abc-`` in an e-mail address decodes to one
    character, and most words leave stray bits, which Python's UTF-7 decoder refuses.
    """
    for match in _UTF7_RUN.finditer(data):
        try:
            decoded = (b"+" + match.group(1) + b"-").decode("utf-7")
        except UnicodeDecodeError:
            continue
        if len(decoded) >= 2 and _IDEOGRAPHS.fullmatch(decoded):
            return True
    return False


def _refuse_mixed(data: bytes, path: Path) -> None:
    """Refuse a file whose lines are UTF-8 and not: the line where it changes, counted as
    a text editor counts (a quoted cell over two lines counts two)."""
    first: tuple[int, bool] | None = None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            is_utf8 = any(ord(ch) >= 0x800 for ch in line.decode("utf-8"))
        except UnicodeDecodeError:
            is_utf8 = False
        if first is None:
            first = (number, is_utf8)
        elif is_utf8 != first[1]:
            utf8 = ENCODING_NAMES["utf-8"]
            before, after = (utf8, OTHER) if first[1] else (OTHER, utf8)
            raise MixedEncoding(path=str(path), first=first[0], line=number,
                                before=before, after=after)


def _matches(data: bytes) -> list[tuple[str, float]]:
    """(encoding, chaos) the detector finds plausible, best first."""
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 files pay

    return [(m.encoding, m.chaos) for m in from_bytes(data[: 1024 * 1024])]


def _common_hanzi(text: str) -> bool:
    """Most Chinese characters of the text are among GB2312's 6,763 common ones.

    Japanese and Korean bytes read as GBK become characters of GBK's rarely used
    extensions (山田太郎 in Shift-JIS reads 嶳揷懢榊); a Chinese name or address has at
    most the odd one (王喆), so one rare character alone is accepted.
    """
    found = _IDEOGRAPH.findall(text[: 1024 * 1024])
    rare = 0
    for ch in found:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare <= 1 or rare <= 0.1 * len(found)


def _detector_says_gb(data: bytes) -> bool:
    """GB18030 (or GBK) is the detector's best guess: text with Greek letters or kana that
    is still Chinese."""
    found = _matches(data)
    return bool(found) and found[0][0] in _GB


def _detected_name(data: bytes) -> str:
    """The encoding to name in the refusal: of the CJK encodings the detector rates about
    as well as its best guess (a Japanese file is valid Western text too, and short text
    fits several), the one whose reading is most in its own script; else its best guess."""
    found = _matches(data)
    if not found:
        return UNKNOWN
    best_chaos = found[0][1]
    scored = [(_own_script(data, encoding), -rank, encoding)
              for rank, (encoding, chaos) in enumerate(found)
              if encoding in _LANGUAGES and chaos <= best_chaos + 0.05]
    if scored:
        return ENCODING_NAMES[max(scored)[2]]
    return ENCODING_NAMES.get(found[0][0], found[0][0])


#: The script of each CJK encoding's language: Hangul for Korean, kana and kanji for
#: Japanese, ideographs for Chinese.
_SCRIPTS = {
    "korean": re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "japanese": re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"),
    "chinese": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]"),
}


#: Each CJK encoding's language and the basic standard its extensions grow from.
_LANGUAGES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("big5", "big5hkscs", "cp950"), ("chinese", "big5")),
    **dict.fromkeys(("euc_kr", "cp949", "johab"), ("korean", "euc_kr")),
    **dict.fromkeys(("shift_jis", "shift_jis_2004", "shift_jisx0213", "cp932"),
                    ("japanese", "shift_jis")),
    **dict.fromkeys(("euc_jp", "euc_jis_2004", "euc_jisx0213"), ("japanese", "euc_jp")),
}


def _own_script(data: bytes, encoding: str) -> float:
    """Share of the non-ASCII characters of ``data`` read as ``encoding`` that are in the
    script of its language (0 when it does not decode)."""
    language, basic = _LANGUAGES[encoding]
    try:  # the basic standard: Big5 reads as Korean only through cp949's rare extensions
        text = data[:65_536].decode(basic)
    except UnicodeDecodeError:
        return 0.0
    other = [ch for ch in text if ord(ch) > 0x7F]
    if not other:
        return 0.0
    script = _SCRIPTS[language]
    return sum(1 for ch in other if script.match(ch)) / len(other)
