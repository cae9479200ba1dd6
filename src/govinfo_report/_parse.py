"""The parser: report text in, a typed :class:`AnnualReport` with provenance and diagnostics out.

Pipeline: decode (bytes) -> split lines -> detect the edition -> segment sections and table regions
-> pick a tokenizer per table region (or the one named by ``layout=``) -> align cells to template
rows and columns -> build the report. Problems in the document are :class:`Diagnostic` values,
never exceptions; only misuse (a wrong argument type, an unknown layout name) raises.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs
from attrs import field, frozen

from ._align import AlignResult, align_table
from ._convert import build_report
from ._frozen import FrozenMap, LazyProvenance
from ._labels import normalize
from ._numbers import MISS, NUMBER_CACHE, is_footer, parse_number
from ._schema import AnnualReport, ExtraRow, ExtraRowKind, Meta, Value
from ._segment import (
    LINE_NO,
    LINE_START,
    LINE_TEXT,
    TABLES,
    Line,
    detect_edition,
    find_meta,
    line_index,
    segment,
    split_lines,
)
from ._stream import STREAM_TABLES, labelled, settled, stream_order
from ._template import Edition, template
from .tokenizers._base import END, LINE, START, FastCell, Tokenizer
from .tokenizers._builtins import max_score, rows_of  # (importing it registers the built-ins)
from .tokenizers._html import html_text
from .tokenizers._registry import get_tokenizer, tokenizers

# A token that may be a number: it starts a run of non-separators with a sign or a digit (every
# number parse_number accepts does); the run is consumed to its end, so the scan is linear. The
# first character comes first in the pattern (the engine then skips to candidates in C) and the
# lookbehind checks the character before it: start of text, a space or a bar.
_NUMBER_TOKEN = re.compile(r"[-+0-9０-９－−＋](?<![^\s|│┃║].)[^\s|│┃║]*", re.DOTALL)
# An HTML document (not text that merely quotes a tag): its prose is read without markup.
_HTML_DOC = re.compile(r"<(?:!doctype|html|body|p|div)[\s>]", re.IGNORECASE)

_MAX_PAIR_LABEL = 64
"""Longest printed label given to the glyph-map learner (official labels are at most ~40)."""
_MAX_PAIR_WORK = 16_000
"""Most sum of ``len(printed) * len(official)`` over the pairs given to the glyph-map learner
(its alignment is quadratic per pair; a real garbled report needs under half of this)."""

__all__ = [
    "DIAGNOSTIC_CODES",
    "MAX_INPUT_CHARS",
    "Diagnostic",
    "ParseResult",
    "Provenance",
    "parse",
]

MAX_INPUT_CHARS = 1_000_000
"""Longest text parsed, in characters (the longest real report seen is about 25,000). Longer text
is cut at the last line break before the limit, with an ``input_truncated`` diagnostic, so that
hostile input costs bounded time and memory."""

DIAGNOSTIC_CODES: Mapping[str, str] = MappingProxyType(
    {
        "empty_input": "The input holds no text.",
        "input_truncated": "The text was longer than MAX_INPUT_CHARS; only its start was read.",
        "decoded_with_replacement": "Bytes were neither UTF-8 nor GB18030; bad bytes replaced.",
        "edition_default": "No table signature or year told the edition; 2021 was assumed.",
        "edition_conflict": "The edition given or detected differs from what the year implies.",
        "missing_section": "A prose section (一, 五 or 六) was not found; its text is null.",
        "missing_table": "A table (二, 三 or 四) was not found; its cells are null.",
        "missing_row": "A template row of a found table has no numbers; its cells are null.",
        "missing_meta": "The organ or the year could not be read.",
        "layout_mixed": "Table regions were read with different tokenizers.",
        "tokenizer_error": "A tokenizer raised; the region was read with the next best one.",
        "fuzzy_label": "A row label matched its template row approximately (confidence = score).",
        "positional_row": "Numbers whose label matched no row went to the next row by position.",
        "wrapped_numbers": "Numbers on a later line were joined to a row short of numbers.",
        "short_row": "A row printed fewer numbers than columns; placed by cell positions.",
        "ambiguous_alignment": "A short row whose positions were lost; placement chosen by totals.",
        "glued_numbers": "Digits of adjacent numbers printed without a space were split by totals.",
        "extra_row": "A printed row the template lacks; kept in extra_rows.",
        "null_marker": "A cell prints / - — or 无; read as null.",
        "non_integer_count": "A count cell prints a fraction; read as null.",
        "unassigned_number": "A number inside a table region was not placed in any cell.",
        "page_footer": "A page footer or page number inside a table region was skipped.",
        "glyph_repair": "Garbled prose was repaired with a glyph map learned from table labels.",
        "stream_order": "A table's numbers came in a scrambled reading order; placed in the only "
        "order (row by row, or column by column in chunks) in which all its identities hold.",
    }
)
"""Every diagnostic code the parser emits, with what it means (docs/parser.md lists them too)."""


@frozen(kw_only=True)
class Diagnostic:
    """One finding about the document: stable ``code``, message, where, and a confidence."""

    code: str
    message: str
    lines: tuple[int, ...] = ()
    """1-based lines of :attr:`ParseResult.text`."""
    paths: tuple[str, ...] = ()
    """Canonical cell paths (or ``extra_rows.<i>.<j>``) it is about."""
    confidence: float | None = None


@frozen(kw_only=True)
class Provenance:
    """Where a cell value came from: its line(s), the token as printed and its offsets."""

    path: str
    lines: tuple[int, ...]
    raw: str
    start: int
    end: int
    """``ParseResult.text[start:end] == raw``."""


def _freeze(value: Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(value, FrozenMap):
        return value
    return FrozenMap(value)


@frozen(kw_only=True, repr=False)
class ParseResult:
    """The parsed report with how it was read."""

    report: AnnualReport
    layout: str
    """Name of the tokenizer that read most table cells, or ``"none"``."""
    layout_confidence: float
    layouts: Mapping[str, str] = field(factory=dict, converter=_freeze)
    """Table key (``active``, ``applications``, ``appeals``) -> tokenizer name."""
    edition: Edition
    edition_source: str
    """``"argument"``, ``"signature"``, ``"year"`` or ``"default"``."""
    provenance: Mapping[str, Provenance] = field(factory=dict, converter=_freeze)
    diagnostics: tuple[Diagnostic, ...] = ()
    text: str
    """The decoded input; line numbers and offsets refer to it."""

    def codes(self) -> tuple[str, ...]:
        """The diagnostic codes, in order, with repeats."""
        return tuple(d.code for d in self.diagnostics)

    def __repr__(self) -> str:
        """A one-line summary; the fields hold the details."""
        return (
            f"<ParseResult {self.report!r} layout={self.layout} "
            f"edition_source={self.edition_source} cells_with_provenance={len(self.provenance)} "
            f"diagnostics={len(self.diagnostics)}>"
        )

    def _repr_html_(self) -> str:
        """The tables as the official form, discrepancies highlighted with their source lines."""
        from ._html import parse_result_html

        return parse_result_html(self)


# -- decoding --------------------------------------------------------------------------------------


def _decode(data: bytes, diags: list[Diagnostic]) -> str:
    try:
        mod = importlib.import_module("govinfo_report.repair")
        decode = getattr(mod, "decode", None)
    except ImportError:
        decode = None
    if decode is not None:
        try:
            text = decode(data).text
            if isinstance(text, str):
                return text
        except Exception:  # the repair module is optional; fall back to the plain decoders
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        diags.append(
            Diagnostic(
                code="decoded_with_replacement",
                message="input is neither UTF-8 nor GB18030; undecodable bytes replaced",
            )
        )
        return data.decode("gb18030", errors="replace")


# -- regions ---------------------------------------------------------------------------------------


def _region(text: str, lines: Sequence[Line], first: int, last: int) -> tuple[str, int]:
    start = lines[first][LINE_START] if first < len(lines) else len(text)
    end = lines[last][LINE_START] if last < len(lines) else len(text)
    return text[start:end], start


def _blank_footers(region: str, base_line: int, diags: list[Diagnostic]) -> str:
    if "页" not in region and "-" not in region and "—" not in region:
        return region
    parts = region.splitlines(keepends=True)
    out: list[str] = []
    for i, part in enumerate(parts):
        body = part.rstrip("\r\n")
        if _may_be_footer(body) and is_footer(body):
            diags.append(
                Diagnostic(
                    code="page_footer",
                    message=f"page footer {body.strip()!r} skipped",
                    lines=(base_line + i,),
                )
            )
            out.append(" " * len(body) + part[len(body) :])
        else:
            out.append(part)
    return "".join(out)


_FOOTER_FIRST = frozenset("第-—–－−0123456789０１２３４５６７８９")


def _may_be_footer(line: str) -> bool:
    """False for a line :func:`is_footer` rejects for its first printed character (a footer
    starts with a digit, a dash or 第)."""
    s = line.lstrip()
    return bool(s) and s[0] in _FOOTER_FIRST


def _sniff_order() -> list[tuple[float, int, Tokenizer]]:
    """The registered tokenizers as ``(highest score, registration index, tokenizer)``, by
    decreasing highest score (ties: registration order): the order :func:`_pick` sniffs in."""
    toks = list(tokenizers().values())
    return sorted(((max_score(t), i, t) for i, t in enumerate(toks)), key=lambda x: (-x[0], x[1]))


def _pick(
    region: str, layout: str | None, order: Sequence[tuple[float, int, Tokenizer]]
) -> Iterator[tuple[float, Tokenizer]]:
    """Tokenizers by decreasing sniff score (ties: registration order), lazily.

    Built-ins have a known highest score (:func:`max_score`); sniffing goes by decreasing
    highest score (``order``, from :func:`_sniff_order`) and stops once no tokenizer left could
    beat the best so far, so the best is found without running every sniff. The others are
    sniffed only if the caller asks for a fallback (a tokenizer raised); the order is the same as
    sniffing all of them and sorting.
    """
    if layout is not None:
        yield 1.0, get_tokenizer(layout)
        return
    scored: list[tuple[float, int, Tokenizer]] = []
    best: tuple[float, int] | None = None  # (score, -index)
    k = 0
    while k < len(order):
        _, i, tok = order[k]
        k += 1
        try:
            s = float(tok.sniff(region))
        except Exception:  # a plug-in's sniff must not break parsing
            continue
        if s == s and s > 0:
            s = min(1.0, s)
            scored.append((s, -i, tok))
            if best is None or (s, -i) > best:
                best = (s, -i)
        # ``order`` falls in (highest score, -index): the next one is the best left
        if best is not None and (k == len(order) or (order[k][0], -order[k][1]) < best):
            break
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    if not scored:
        return
    yield scored[0][0], scored[0][2]
    if k < len(order):  # the caller wants a fallback: sniff the rest
        for _, i, tok in order[k:]:
            try:
                s = float(tok.sniff(region))
            except Exception:  # a plug-in's sniff must not break parsing
                continue
            if s == s and s > 0:
                scored.append((min(1.0, s), -i, tok))
        scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    for s, _, t in scored[1:]:
        yield s, t


def _number_spans(region: str, skip: Mapping[int, int] | None = None) -> list[tuple[int, int]]:
    """Region offsets of every standalone number in a region (split on spaces, tabs and bars),
    except those ``skip`` shows covered.

    ``skip`` maps a cell's start offset to the largest end of the cells starting there. A token is
    skipped when the nearest cell start at or before it, looked for within the white space just
    before the token (a padded cell, ``| 12 |``, starts there), ends at or after it: exactly the
    covering test the parser applies to what is returned, made early for the common case.
    """
    out: list[tuple[int, int]] = []
    get = NUMBER_CACHE.get
    skip_end = (skip or {}).get
    for m in _NUMBER_TOKEN.finditer(region):
        a, b = m.span()
        end = skip_end(a)
        if end is None and skip:
            j = a - 1
            while j >= 0 and region[j] in _PAD:
                end = skip_end(j)
                if end is not None:
                    break
                j -= 1
        if end is not None and b <= end:
            continue
        word = m.group()
        tok = get(word, MISS)
        if tok is MISS:
            tok = parse_number(word)
        if tok is not None and not tok.is_null:
            out.append((a, b))
    return out


_PAD = frozenset(" \t\u3000\xa0")
"""White space a padded cell may hold before its number (where the cell's span starts)."""


def _provenance_maker(text: str) -> Callable[[str, FastCell, tuple[int, int]], Provenance]:
    """``make(path, cell, (line shift, offset shift))`` of a cell of a table region."""

    def make(path: str, cell: FastCell, shift: tuple[int, int]) -> Provenance:
        dl, offset = shift
        start = cell[START] + offset
        end = cell[END] + offset
        return Provenance(
            path=path, lines=(cell[LINE] + dl,), raw=text[start:end], start=start, end=end
        )

    return make


# -- the parser ------------------------------------------------------------------------------------


def _glyph_repair(
    report: AnnualReport, pairs: list[tuple[str, str]], diags: list[Diagnostic]
) -> AnnualReport:
    if len(pairs) < 3:
        return report
    try:
        mod = importlib.import_module("govinfo_report.repair")
    except ImportError:
        return report
    learn: Callable[..., Any] | None = getattr(mod, "learn_glyph_map", None)
    if learn is None:
        return report
    garbled: Callable[[str], bool] | None = getattr(mod, "looks_garbled", None)
    try:
        gmap = learn(pairs)
        changes: dict[str, Any] = {}
        fixed = 0
        for name in ("overview", "problems", "other_matters"):
            text = getattr(report, name)
            if text and (garbled is None or garbled(text)):
                new = gmap.apply(text).text
                if isinstance(new, str) and new != text:
                    fixed += sum(1 for a, b in zip(text, new, strict=False) if a != b)
                    changes[name] = new
    except Exception:  # the repair module is another component; never let it break parsing
        return report
    if changes:
        diags.append(
            Diagnostic(
                code="glyph_repair",
                message=f"repaired {fixed} characters in "
                f"{', '.join(changes)} with a glyph map learned from {len(pairs)} table labels",
                confidence=None,
            )
        )
        return attrs.evolve(report, **changes)
    return report


def _prose(lines: Sequence[Line], first: int, last: int, markup: str | None = None) -> str | None:
    """A section's lines, stripped, blank ones dropped; ``markup``: its HTML, read as text."""
    raw = (
        html_text(markup).splitlines()
        if markup is not None
        else [ln[LINE_TEXT] for ln in lines[first:last]]
    )
    body = [t.strip().strip("#*").strip() for t in raw]
    text = "\n".join(b for b in body if b)
    return text or None


def parse(
    source: str | bytes,
    *,
    layout: str | None = None,
    edition: Edition | str | None = None,
) -> ParseResult:
    """Parse an annual report's text (or bytes) into an :class:`AnnualReport`.

    ``layout`` names a registered tokenizer to read every table with (no detection); ``edition``
    forces the template edition. Never raises on document content; ``TypeError`` for a wrong
    argument type, ``KeyError`` for an unknown layout name, ``ValueError`` for an unknown edition.
    """
    diags: list[Diagnostic] = []
    if isinstance(source, (bytes, bytearray, memoryview)):
        text = _decode(bytes(source), diags)
    elif isinstance(source, str):
        text = source
    else:
        raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    if len(text) > MAX_INPUT_CHARS:
        cut = text.rfind("\n", 0, MAX_INPUT_CHARS) + 1 or MAX_INPUT_CHARS
        diags.append(
            Diagnostic(
                code="input_truncated",
                message=f"the input has {len(text)} characters; only the first {cut} were read "
                f"(MAX_INPUT_CHARS = {MAX_INPUT_CHARS})",
            )
        )
        text = text[:cut]
    if layout is not None:
        if not isinstance(layout, str):
            raise TypeError(f"layout must be a str, not {type(layout).__name__}")
        get_tokenizer(layout)
    forced = Edition.coerce(edition) if edition is not None else None
    lines = split_lines(text)
    if not text.strip():
        diags.append(Diagnostic(code="empty_input", message="the input holds no text"))
    # -- edition and meta
    index = line_index(lines, text)
    detected = detect_edition(text)
    # segment with the edition the argument or the signatures name (else 2021; again below if
    # the year names the other one): the title lines end at its first section heading
    guess = forced or detected or Edition.E2021
    seg0 = segment(lines, guess, index)
    first_sec = min(
        (r.heading for r in seg0.sections.values() if r.heading is not None), default=None
    )
    title, organ, year = find_meta(lines, first_sec, index)
    if forced is not None:
        ed, source_kind = forced, "argument"
    elif detected is not None:
        ed, source_kind = detected, "signature"
    elif year is not None:
        ed, source_kind = Edition.for_year(year), "year"
    else:
        ed, source_kind = Edition.E2021, "default"
        diags.append(
            Diagnostic(
                code="edition_default", message="no signature or year; assumed the 2021 edition"
            )
        )
    if year is not None and source_kind != "year" and Edition.for_year(year) is not ed:
        diags.append(
            Diagnostic(
                code="edition_conflict",
                message=f"edition {ed.value} ({source_kind}) but the "
                f"report year {year} implies {Edition.for_year(year).value}",
            )
        )
    segs = seg0 if ed is guess else segment(lines, ed, index)
    if organ is None or year is None:
        diags.append(
            Diagnostic(
                code="missing_meta",
                message="could not read the "
                + " and ".join(n for n, v in (("organ", organ), ("year", year)) if v is None),
            )
        )
    # -- tables
    cells: dict[str, Value] = {}
    prov: list[tuple[dict[str, FastCell], tuple[int, int]]] = []
    layouts: dict[str, str] = {}
    counts: dict[str, int] = {}
    confs: dict[str, float] = {}
    extras: list[ExtraRow] = []
    pairs: list[tuple[str, str]] = []
    pair_work = 0
    tpl = template(ed)
    order = _sniff_order() if layout is None else []
    for tkey in TABLES:
        reg = segs.tables.get(tkey)
        if reg is None:
            diags.append(
                Diagnostic(
                    code="missing_table",
                    message=f"table {tkey} not found",
                    paths=tuple(c.path for c in tpl.cells if c.table == tkey),
                )
            )
            continue
        region, offset = _region(text, lines, reg.first, reg.last)
        line0 = lines[reg.first][LINE_NO] if reg.first < len(lines) else len(lines) + 1
        region = _blank_footers(region, line0, diags)
        result: AlignResult | None = None
        for score, tok in _pick(region, layout, order):
            try:
                # cells stay relative to the region; only what is kept is shifted below
                result = align_table(ed, tkey, rows_of(tok, region))
            except Exception as exc:  # a plug-in tokenizer failed; try the next best
                diags.append(
                    Diagnostic(
                        code="tokenizer_error",
                        message=f"{tok.name}: {type(exc).__name__}: {exc}",
                        lines=(line0,),
                    )
                )
                continue
            layouts[tkey] = tok.name
            confs[tok.name] = max(confs.get(tok.name, 0.0), score)
            break
        if result is None:
            continue
        if tkey in STREAM_TABLES and not labelled(result) and not settled(ed, tkey, result):
            # a scrambled reading order: re-read the numbers in the one order the totals allow
            redo = stream_order(ed, tkey, region, _number_spans(region), result)
            if redo is not None:
                result = redo
        dl = line0 - 1
        placed = result.placed
        cells.update({path: value for path, value, _ in placed})
        sources: dict[str, FastCell] = {path: cell for path, _, cell in placed}
        prov.append((sources, (dl, offset)))
        # the cells read (placed, extra or unassigned): a number token they cover is not lost
        read: list[FastCell] = [cell for _, _, cell in placed]
        counts[layouts[tkey]] = counts.get(layouts[tkey], 0) + len(placed)
        for ex in result.extras:
            i = len(extras)
            try:
                kind = ExtraRowKind(ex.kind)
            except ValueError:
                kind = ExtraRowKind.UNKNOWN
            extras.append(
                ExtraRow(
                    table=tkey,
                    label=ex.label,
                    values=ex.values,
                    columns=ex.columns,
                    kind=kind,
                    group=ex.group,
                    lines=tuple(ln + dl for ln in ex.lines) if dl else ex.lines,
                )
            )
            for j, c in enumerate(ex.cells):
                if c is not None:
                    sources[f"extra_rows.{i}.{j}"] = c
                    read.append(c)
        read += result.unassigned
        for n in result.notes:
            diags.append(
                Diagnostic(
                    code=n.code,
                    message=n.message,
                    lines=tuple(ln + dl for ln in n.lines) if dl else n.lines,
                    paths=n.paths,
                    confidence=n.confidence,
                )
            )
            if n.code == "positional_row" and n.paths and tkey != "appeals":
                label = n.message.partition("'")[2].rpartition("'")[0]
                try:
                    official = tpl.row(n.paths[0]).label
                except KeyError:
                    official = ""
                # a garbled label prints one glyph per character: a long one is not a label, and
                # learning from it would cost time quadratic in its length
                if (
                    label
                    and official
                    and len(label) <= _MAX_PAIR_LABEL
                    and pair_work + len(label) * len(official) <= _MAX_PAIR_WORK
                    and normalize(label) != normalize(official)
                ):
                    pairs.append((label, official))
                    pair_work += len(label) * len(official)
        # the largest end of the cells starting at each offset: a token starting there is
        # covered when it ends within it
        ends = {c[START]: c[END] for c in read}
        if len(ends) < len(read):  # cells sharing a start: keep the largest end
            ends = dict(sorted((c[START], c[END]) for c in read))
        spans = _number_spans(region, ends)
        if spans:
            covered = sorted(ends.items())
            starts = [s for s, _ in covered]
        for a, b in spans:
            k = bisect.bisect_right(starts, a) - 1
            if not (k >= 0 and covered[k][0] <= a and b <= covered[k][1]):
                a += offset
                b += offset
                ln = lines[bisect.bisect_right(index[1], a) - 1][LINE_NO]
                diags.append(
                    Diagnostic(
                        code="unassigned_number",
                        message=f"number {text[a:b]!r} was not read as a table cell",
                        lines=(ln,),
                    )
                )
    if len(set(layouts.values())) > 1:
        diags.append(
            Diagnostic(
                code="layout_mixed",
                message="tables read with " + ", ".join(f"{k}={v}" for k, v in layouts.items()),
            )
        )
    main = max(counts, key=lambda k: counts[k]) if counts else "none"
    # -- prose and meta
    prose: dict[str, str | None] = {}
    is_html = _HTML_DOC.search(text) is not None
    for key in ("overview", "problems", "other_matters"):
        sec = segs.sections.get(key)
        if sec is None:
            prose[key] = None
            diags.append(Diagnostic(code="missing_section", message=f"section {key} not found"))
        else:
            last = sec.last
            for treg in segs.tables.values():
                if sec.first <= treg.first < last:
                    last = treg.first
            markup = _region(text, lines, sec.first, last)[0] if is_html else None
            prose[key] = _prose(lines, sec.first, last, markup)
    meta = Meta(edition=ed, organ=organ, year=year, title=title)
    report = build_report(
        cells,
        ed,
        meta,
        overview=prose["overview"],
        problems=prose["problems"],
        other_matters=prose["other_matters"],
        extra_rows=tuple(extras),
    )
    report = _glyph_repair(report, pairs, diags)
    return ParseResult(
        report=report,
        layout=main,
        layout_confidence=round(confs.get(main, 0.0), 3),
        layouts=layouts,
        edition=ed,
        edition_source=source_kind,
        provenance=LazyProvenance(prov, _provenance_maker(text)),
        diagnostics=tuple(diags),
        text=text,
    )
