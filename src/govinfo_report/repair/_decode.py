"""Bytes to text: pick the encoding of a report file, cheapest reliable test first."""

from __future__ import annotations

import codecs
import threading

from ._types import Decoded, DecodeError
from ._vocab import plausibility, plausibility_for_display

__all__ = ["decode"]

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (b"\x84\x31\x95\x33", "gb18030", "gb18030"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# A GB18030 reading this plausible is taken without asking anything else.
_GB_ACCEPT = 0.75
# Names chardet may give for what GB18030 decodes the same or better.
_GB_FAMILY = frozenset({"gb2312", "gbk", "cp936", "gb18030", "euc_cn", "hz"})


class _TooManyErrors(Exception):
    pass


_RECORD = "govinfo_report.repair.record"
_record_state = threading.local()


def _record(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: one U+FFFD per undecodable run, whose byte range is logged."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    log: list[tuple[int, int]] = _record_state.log
    end = max(error.end, error.start + 1)
    log.append((error.start, end))
    if len(log) > _record_state.cap:
        raise _TooManyErrors
    return "\ufffd", end


codecs.register_error(_RECORD, _record)


# Codecs whose decoders handle "replace" and "ignore" themselves, without building an exception
# per error (UTF-16 and UTF-32 call the handler, which is slower than stopping at max_errors).
_FAST_REPLACE = frozenset({"utf-8", "gb18030", "big5"})

# Codecs that keep no state from one character to the next (no byte-order detection, no
# shift sequences): resuming after an error is the same as decoding the rest afresh.
_STATELESS = frozenset(
    {"utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}
)


def _lenient_restarting(
    data: bytes | memoryview, encoding: str, max_errors: int | None = None
) -> tuple[str, list[int]]:
    """:func:`_lenient` for any codec: decode afresh after each undecodable run."""
    view = memoryview(data)
    errors = 0
    parts: list[str] = []
    replaced: list[int] = []
    position = 0
    while True:
        try:
            parts.append(codecs.decode(view[position:], encoding))
            return "".join(parts), replaced
        except UnicodeDecodeError as error:
            parts.append(codecs.decode(view[position : position + error.start], encoding))
            parts.append("\ufffd")
            errors += 1
            if max_errors is not None and errors > max_errors:
                raise _TooManyErrors from None
            replaced.extend(
                range(position + error.start, position + max(error.end, error.start + 1))
            )
            position += max(error.end, error.start + 1)
            if position >= len(view):
                return "".join(parts), replaced


def _lenient(
    data: bytes | memoryview, encoding: str, max_errors: int | None = None
) -> tuple[str, list[int]]:
    """Decode, turning each undecodable run of bytes into one U+FFFD; return their offsets.

    Raises ``_TooManyErrors`` past ``max_errors`` undecodable runs (a hopeless reading). One
    pass of the codec: the error handler logs each run and resumes after it, which is what
    decoding the rest afresh would do (the codecs tried keep no state across a character).
    """
    if encoding not in _STATELESS:
        return _lenient_restarting(data, encoding, max_errors)
    if encoding in _FAST_REPLACE:
        # The built-in "replace" puts one U+FFFD where the error handler is called and resumes
        # where it does, and these decoders run it without a call per error. No U+FFFD: no
        # error. Past max_errors of them, those decoded from valid bytes (kept by "ignore")
        # are told apart before giving up: a hopeless reading costs two passes at C speed.
        replaced_text = codecs.decode(data, encoding, "replace")
        marks = replaced_text.count("\ufffd")
        if not marks:
            return replaced_text, []
        if max_errors is not None and marks > max_errors:
            genuine = codecs.decode(data, encoding, "ignore").count("\ufffd")
            if marks - genuine > max_errors:
                raise _TooManyErrors
    log: list[tuple[int, int]] = []
    saved = getattr(_record_state, "log", None), getattr(_record_state, "cap", None)
    _record_state.log = log
    _record_state.cap = len(data) + 1 if max_errors is None else max_errors
    try:
        text = codecs.decode(data, encoding, _RECORD)
    finally:
        _record_state.log, _record_state.cap = saved
    replaced: list[int] = []
    for start, end in log:
        replaced.extend(range(start, end))
    return text, replaced


# Plausibility is measured on the first characters only: enough to tell readings apart.
_SAMPLE = 2000
# Below this, our own readings are doubtful and chardet is asked for its guess.
_ASK_CHARDET = 0.5


def _score(text: str, replaced: int, size: int) -> float:
    """Plausibility of a candidate reading, less a penalty for every undecodable byte."""
    return plausibility(text[:_SAMPLE]) - 2.0 * replaced / max(size, 1)


def _chardet_guess(data: bytes) -> str | None:
    import chardet

    guess = chardet.detect(data).get("encoding")
    if not guess:
        return None
    try:
        name = codecs.lookup(guess).name
    except LookupError:
        return None
    return "gb18030" if name in _GB_FAMILY else name


def _finish(
    text: str,
    replaced: list[int],
    *,
    encoding: str,
    confidence: float,
    bom: bool,
    steps: list[str],
    strict: bool,
) -> Decoded:
    if replaced:
        steps.append(f"{len(replaced)} undecodable bytes replaced by U+FFFD")
        if strict:
            raise DecodeError("undecodable bytes", encoding=encoding, offset=replaced[0])
    return Decoded(
        text=text,
        encoding=encoding,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        bom=bom,
        replaced=tuple(replaced),
        steps=tuple(steps),
    )


def decode(data: bytes | bytearray | memoryview, *, strict: bool = False) -> Decoded:
    """Decode a report file's bytes, choosing the encoding; never raises unless ``strict``.

    The order, cheapest reliable test first:

    1. a byte-order mark (UTF-8, UTF-16/32 LE/BE, GB18030) decides;
    2. bytes without NUL that decode as strict UTF-8 are UTF-8 (non-trivial Chinese text cannot
       be valid UTF-8 by accident);
    3. bytes without NUL that decode as strict GB18030 into plausible Chinese are GB18030 (GBK
       and GB2312 are subsets: they are always reported as ``gb18030``);
    4. otherwise the readings UTF-8, GB18030, Big5, UTF-16 LE/BE (when the length is even),
       UTF-32 LE/BE (when there are NULs), and chardet's guess when none of those is plausible
       enough (chardet costs milliseconds), are decoded leniently and the most plausible one
       wins: share of common Chinese characters and template vocabulary (white space and the
       characters that draw tables, such as box drawing, left out), less a penalty for every
       undecodable byte. chardet's own confidence is not used (it is low on
       GB text even when right).

    Undecodable bytes become U+FFFD (one per undecodable run) and their byte offsets are listed
    in ``Decoded.replaced``; with ``strict=True`` they raise :class:`DecodeError` instead.

    >>> decode("政府信息公开".encode("gb18030")).encoding
    'gb18030'
    >>> decode(b"\\xef\\xbb\\xbf\\xe5\\xb9\\xb4").text
    '年'
    >>> decode("年度报告".encode("utf-8") + b"\\xff").replaced
    (12,)
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"decode() expects bytes, not {type(data).__name__}")
    steps: list[str] = []
    if not data:
        return Decoded(text="", encoding="utf-8", confidence=1.0, steps=("empty input",))

    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text, replaced = _lenient(memoryview(data)[len(bom) :], codec)
            steps.append(f"{name} byte-order mark")
            return _finish(
                text,
                [offset + len(bom) for offset in replaced],
                encoding=name,
                confidence=1.0 - len(replaced) / len(data),
                bom=True,
                steps=steps,
                strict=strict,
            )

    has_nul = b"\x00" in data
    if not has_nul:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            steps.append(f"not UTF-8 (byte {error.start})")
        else:
            steps.append("strict UTF-8")
            return _finish(
                text, [], encoding="utf-8", confidence=1.0, bom=False, steps=steps, strict=strict
            )
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as error:
            steps.append(f"not GB18030 (byte {error.start})")
        else:
            # only compared with 0.75, shown with two decimals and rounded to three
            score = plausibility_for_display(text[:_SAMPLE])
            if score >= _GB_ACCEPT:
                steps.append(f"strict GB18030, plausibility {score:.2f}")
                return _finish(
                    text,
                    [],
                    encoding="gb18030",
                    confidence=score,
                    bom=False,
                    steps=steps,
                    strict=strict,
                )
            steps.append(f"strict GB18030 but implausible ({score:.2f})")
    else:
        steps.append("NUL bytes: UTF-16/32 likely")

    candidates = ["utf-8", "gb18030", "big5"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    if has_nul and len(data) % 4 == 0:
        candidates += ["utf-32-le", "utf-32-be"]
    readings: list[tuple[float, str, str, list[int]]] = []

    cap: int | None = max(8, len(data) // 50)

    def read(codec: str) -> None:
        try:
            text, replaced = _lenient(data, codec, cap)
        except (LookupError, UnicodeError, _TooManyErrors):
            return
        readings.append((_score(text, len(replaced), len(data)), codec, text, replaced))

    for codec in candidates:
        read(codec)
    if not readings or max(r[0] for r in readings) < _ASK_CHARDET:
        guess = _chardet_guess(data)
        steps.append(f"chardet guess: {guess}")
        if guess and guess not in candidates:
            candidates.append(guess)
            read(guess)
    if not readings:
        steps.append("every reading has many undecodable bytes")
        cap = None
        for codec in candidates:
            read(codec)
    readings.sort(key=lambda r: (-r[0], candidates.index(r[1])))
    best_score, codec, text, replaced = readings[0]
    runner_up = readings[1][0] if len(readings) > 1 else -1.0
    steps.append(
        "most plausible of " + ", ".join(f"{c} {s:.2f}" for s, c, _, _ in readings) + f": {codec}"
    )
    confidence = 0.5 * max(best_score, 0.0) + 0.5 * min(1.0, max(0.0, best_score - runner_up))
    return _finish(
        text,
        replaced,
        encoding=codec,
        confidence=confidence,
        bom=False,
        steps=steps,
        strict=strict,
    )
