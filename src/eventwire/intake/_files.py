"""Files and directories in: pick the reader by file type, reject unreadable input with a coded error, go on."""
from __future__ import annotations

import logging
import stat
from datetime import date
from pathlib import Path
from typing import Iterator, Sequence

from eventwire import settings
from eventwire.errors import InputError, one_line
from eventwire.intake._html import article_from_html, looks_like_html
from eventwire.intake._jsonl import articles_from_jsonl
from eventwire.intake._sanitise import bounded, sanitise, without_absurd_date
from eventwire.intake._text import article_from_text, markdown_to_text
from eventwire.models import Article

__all__ = ["iter_articles"]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Formats people will try to feed in, recognised by their first bytes whatever the file is called.
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"RIFF": "RIFF media",
    b"{\\rtf": "RTF",
    b"\xd0\xcf\x11\xe0": "old Office",
}
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _link_target(link: Path) -> Path | None:
    try:
        return link.resolve()
    except (OSError, RuntimeError):  # a link loop
        return None


class _Walker:
    """Files under the given paths, each read once (by device and inode), hidden names skipped, sorted.

    Symbolic links are followed only while they stay inside the folder given on the command line, unless
    `follow_symlinks`; a folder reached twice (a link loop) is walked once.
    """

    def __init__(self, follow_symlinks: bool = False):
        self.follow = follow_symlinks
        self.seen: set[tuple[int, int]] = set()

    def _first_time(self, path: Path) -> bool:
        st = path.stat()
        key = (st.st_dev, st.st_ino)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def walk(self, folder: Path, root: Path) -> Iterator[Path | InputError]:
        try:
            if not self._first_time(folder):
                return
            children = sorted(folder.iterdir())
        except OSError as exc:
            yield InputError("E001", f"cannot read folder: {exc.strerror or exc}", path=str(folder))
            return
        for child in children:
            if child.name.startswith("."):
                continue
            if child.is_symlink() and not self.follow:
                target = _link_target(child)
                if target is None or not _inside(target, root):
                    yield InputError("E013", f"-> {target or 'a link loop'}", path=str(child))
                    continue
            if child.is_dir():
                yield from self.walk(child, root)
            else:
                yield from self.file(child)

    def file(self, path: Path) -> Iterator[Path | InputError]:
        try:
            if self._first_time(path):
                yield path
        except OSError as exc:
            yield InputError("E001", f"cannot read: {exc.strerror or exc}", path=str(path))

    def given(self, path: Path) -> Iterator[Path | InputError]:
        try:
            if path.is_dir():
                root = path.resolve()
                yield from self.walk(path, root)
                return
            exists = path.exists() or path.is_symlink()
        except OSError as exc:  # a name too long, a folder we may not enter
            yield InputError("E001", f"cannot read: {exc.strerror or exc}", path=str(path))
            return
        if exists:
            yield from self.file(path)
        else:
            yield InputError("E001", path=str(path))


def _check_format(head: bytes, where: str) -> None:
    """Formats that are not text at all (PDF, ZIP, images, UTF-16), by their first bytes."""
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            raise InputError("E011", f"{name} file", path=where)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("E004", "UTF-16 encoded (byte offset 0); save it as UTF-8", path=where)


def _check_bytes(data: bytes, where: str) -> None:
    head = data[:_SNIFF_BYTES]
    _check_format(head, where)
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError("E003", f"NUL byte at offset {nul}", path=where)
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13) or b == 127)
    if control > _MAX_CONTROL_SHARE * len(head):
        raise InputError("E003", f"{control} control bytes in the first {len(head)}", path=where)


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"invalid byte 0x{data[exc.start]:02x} at byte offset {exc.start}"
        raise InputError("E004", detail, path=where) from exc


def _read(path: Path) -> bytes:
    where = str(path)
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise InputError("E011", "not a regular file (a pipe, socket or device)", path=where)
    size = st.st_size
    limit = settings.get("max_input_bytes")
    if size > limit:
        raise InputError("E005", f"{size} bytes > {limit}", path=where)
    data = path.read_bytes()
    _check_bytes(data, where)
    if not data.strip():
        raise InputError("E002", "only whitespace" if data else "", path=where)
    return data


def _from_jsonl(path: Path, published: date | None) -> Iterator[Article | InputError]:
    """Streamed line by line: the size limit applies to each record, not to the batch file."""
    where = str(path)
    if not stat.S_ISREG(path.stat().st_mode):
        raise InputError("E011", "not a regular file (a pipe, socket or device)", path=where)
    with path.open("rb") as stream:
        # Only the format: a NUL or control byte in one line is that line's error (E006), not the file's.
        _check_format(stream.read(_SNIFF_BYTES), where)
        stream.seek(0)
        yield from articles_from_jsonl(stream, where, path.name, published, settings.get("max_input_bytes"))


def _from_file(path: Path, published: date | None) -> Iterator[Article | InputError]:
    where = str(path)
    kind = _kind(path)
    if kind is None:
        raise InputError("E011", f"'{path.suffix}' files are not read", path=where)
    if kind == "jsonl":
        yield from _from_jsonl(path, published)
        return
    text, replaced = sanitise(bounded(_decode(_read(path), where)))
    if replaced:
        log.warning("%s", InputError("E012", f"{replaced} replaced", path=where))
    try:
        if kind == "html" or looks_like_html(text):
            article = article_from_html(text, input_id=path.name, published=published)
        elif path.suffix.lower() == ".md":
            article = article_from_text(markdown_to_text(text), input_id=path.name, published=published)
            article = article.model_copy(update={"raw": text})
        else:
            article = article_from_text(text, input_id=path.name, published=published)
    except InputError as exc:
        raise InputError(exc.code, exc.detail, path=where) from exc
    yield without_absurd_date(article)


def iter_articles(paths: Sequence[str | Path], published: date | None = None, *,
                  follow_symlinks: bool = False) -> Iterator[Article | InputError]:
    """Every article in the given files and directories, in order; unreadable input is yielded as InputError.

    Never raises for bad user input: one bad file or record is reported and the rest are read. `published`
    (the CLI's --published) overrides every article's own date. Folders are walked without following symbolic
    links out of them unless `follow_symlinks`; each file is read once.
    """
    walker = _Walker(follow_symlinks)
    for given in paths:
        for item in walker.given(Path(given)):
            if isinstance(item, InputError):
                yield item
                continue
            yield from _guarded_file(item, published)


def _guarded_file(path: Path, published: date | None) -> Iterator[Article | InputError]:
    """One file's articles; whatever goes wrong with it is its reject, and the next file is read."""
    try:
        yield from _from_file(path, published)
    except InputError as exc:
        log.info("skipped %s", exc)
        yield exc
    except OSError as exc:  # unreadable (permissions, vanished): report, go on
        yield InputError("E001", f"cannot read: {exc.strerror or exc}", path=str(path))
    except Exception as exc:  # noqa: BLE001 - a reader bug costs this file only
        yield InputError("E014", one_line(exc), path=str(path))
