"""Finding and opening an Apple Health export: a bare ``export.xml`` or the zip the Health app
makes, whose XML is found by its content (a phone names it in its own language).

The zip is checked before anything expands: a declared size or packing ratio beyond what a real
export reaches is refused ("zip bomb"), and reads stop at the declared size, which can lie.
XML parsers come locked down as ``defusedxml`` does it: no entities, no external references.
"""

from __future__ import annotations

import zipfile
from typing import IO, Any, BinaryIO, NoReturn
from xml.parsers import expat

from vagus.interop.records import FileError

CHUNK = 1 << 20
# A zip may say it expands to far more than it holds ("zip bomb"): refuse an export.xml whose
# expansion ratio or size is beyond what a real Health export reaches (XML packs ~10-30×).
MAX_ZIP_RATIO = 100
MAX_UNZIPPED_BYTES = 16 * 1024**3


class Forbidden(Exception):
    """The XML declares an entity or an external reference: refused, never expanded."""


class _Root(Exception):
    """Raised by the peek parser on the first start tag: its name."""


def locked_down_parser() -> Any:
    """An expat parser that raises ``Forbidden`` at any entity declaration or external
    reference, before anything expands."""
    parser = expat.ParserCreate()

    def forbid(*_: Any) -> NoReturn:
        raise Forbidden()

    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


class Capped:
    """Reads at most ``limit`` bytes from a zip member: its declared size can lie."""

    def __init__(self, member: IO[bytes], limit: int) -> None:
        self.member, self.limit, self.read_so_far = member, limit, 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.member.read(size)
        self.read_so_far += len(chunk)
        if self.read_so_far > self.limit:
            raise FileError("the zip file expands to more than it says; it is refused for safety.")
        return chunk


def open_xml(
    stream: BinaryIO, max_unzipped: int = MAX_UNZIPPED_BYTES, max_ratio: float = MAX_ZIP_RATIO
) -> tuple[BinaryIO, int | None]:
    head = stream.read(4)
    stream.seek(0)
    if head != b"PK\x03\x04":
        size = None
        try:
            size = stream.seek(0, 2)
            stream.seek(0)
        except (OSError, ValueError):
            pass
        return stream, size
    try:
        archive = zipfile.ZipFile(stream)
        info = _find_export(archive, max_unzipped)
        if info.file_size > max_unzipped:
            raise FileError(
                f"export.xml would expand to {info.file_size / 1024**3:,.1f} GB; the most Vagus "
                f"reads is {max_unzipped / 1024**3:,.1f} GB."
            )
        if info.file_size > max_ratio * max(info.compress_size, 1) and info.file_size > CHUNK:
            raise FileError(
                f"export.xml would expand {info.file_size / max(info.compress_size, 1):,.0f} "
                f"times its packed size (at most {max_ratio:g}); it is refused for safety."
            )
        # Capped has the one method the reader calls, read(); it is no full BinaryIO.
        return Capped(archive.open(info), info.file_size), info.file_size  # type: ignore[return-value]
    except zipfile.BadZipFile as exc:
        raise FileError(f"the zip file cannot be read ({exc}).") from None


def _candidates(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """XML members that may be the export, the likeliest first; never macOS resource forks."""
    found = []
    for info in archive.infolist():
        parts = info.filename.split("/")
        base = parts[-1]
        if info.is_dir() or "__MACOSX" in parts or base.startswith("._"):
            continue
        if not base.lower().endswith(".xml") or base.lower() == "export_cda.xml":
            continue
        found.append(info)
    return sorted(found, key=lambda i: (i.filename.rsplit("/", 1)[-1] != "export.xml", i.filename))


def _root_of(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_unzipped: int) -> str:
    """The member's root element name ("" if it is no XML), reading only its first bytes."""
    peek = locked_down_parser()

    def found(name: str, _: Any) -> NoReturn:
        raise _Root(name)

    peek.StartElementHandler = found
    with archive.open(info) as member:
        capped = Capped(member, min(info.file_size, max_unzipped))
        try:
            for _ in range(64):  # the root follows the DTD, well inside the first 4 MB
                chunk = capped.read(1 << 16)
                if not chunk:
                    break
                peek.Parse(chunk, False)
        except _Root as root:
            return str(root.args[0])
        except Forbidden:
            return "HealthData"  # let the full parse refuse it with its own clear message
        except expat.ExpatError:
            return ""
    return ""


def _find_export(archive: zipfile.ZipFile, max_unzipped: int) -> zipfile.ZipInfo:
    for info in _candidates(archive):
        if _root_of(archive, info, max_unzipped) == "HealthData":
            return info
    raise FileError(
        "the zip file holds no Apple Health export (an XML file starting with <HealthData>): "
        "is it the zip the Health app made?"
    )
