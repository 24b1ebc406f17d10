"""Stage 5, assembling: one PDF put together, at the PDF level (pikepdf), from its parts' PDFs.

Each part (a worksheet, an exercise's facilitator material, a pack's front) is laid out alone by
WeasyPrint into a PDF of its own (pdf_write.py), which the cache keeps between builds. A pack is then
its parts' pages in order, with what makes it one accessible document rather than a stack of files:
the catalog's title, language and PDF/UA-1 identification; one structure tree (a Document element
holding each part's tree as a Part, the ParentTree keys renumbered so they stay unique); the parts'
bookmarks; named destinations; page labels, if a part has them.

Each part is laid out once for every paper, on a page that holds them all (paper.LayoutPage); a PDF
shows its own paper's part of it: every page's boxes (media, crop, bleed, trim, art) are set to that
paper, centred on the page, so readers and printers see a page of exactly that paper.

A link from one part to an anchor in another (the contents to each worksheet) cannot be resolved when
the part is laid out alone: WeasyPrint drops links to anchors it does not have. pdf_write turns such
links into `PART_LINK` addresses, kept as URI actions, and `assemble` points each at the named
destination of that anchor in the assembled PDF.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, OutlineItem, Pdf, String

PART_LINK = "x-workbook-part:"  # address of a link to an anchor in another part (pdf_write.cross_part_links)


@dataclass
class _Assembly:
    """What is gathered from the parts while their pages are copied, written into the catalog at the end."""

    out: Pdf
    document: Dictionary
    nums: list[tuple[int, pikepdf.Object]] = field(default_factory=list)
    next_key: int = 0
    role_map: dict[str, pikepdf.Object] = field(default_factory=dict)
    dests: dict[str, pikepdf.Object] = field(default_factory=dict)
    labels: list[tuple[int, pikepdf.Object]] = field(default_factory=list)
    outline: list[OutlineItem] = field(default_factory=list)
    part_links: list[tuple[pikepdf.Object, str]] = field(default_factory=list)


PAGE_BOXES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")


def assemble(parts: Sequence[Path], title: str, target: Path, paper: tuple[float, float] | None = None) -> None:
    """Write `target`: the pages of `parts` (PDFs) in order, as one tagged PDF titled `title`; each page
    cut to `paper` (width, height in points) about its centre (None: the pages as laid out)."""
    with ExitStack() as stack:
        sources = [stack.enter_context(pikepdf.open(path)) for path in parts]
        out = stack.enter_context(pikepdf.new())
        document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
        state = _Assembly(out, document)
        for src in sources:
            _add_part(state, src)
        if paper is not None:
            for page in out.pages:
                box = Array(paper_box([float(x) for x in page.mediabox], paper))
                for name in PAGE_BOXES:
                    page.obj[name] = box
        _resolve_part_links(state)
        _write_catalog(state, sources[0], title)
        target.parent.mkdir(parents=True, exist_ok=True)
        out.save(
            target,
            min_version=max(src.pdf_version for src in sources),
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
        )


def paper_box(page: Sequence[float], paper: tuple[float, float]) -> list[float]:
    """The box [left, bottom, right, top] of `paper` (width, height) centred on the box `page`."""
    x0, y0, x1, y1 = page
    left, bottom = (x0 + x1 - paper[0]) / 2, (y0 + y1 - paper[1]) / 2
    return [round(v, 4) for v in (left, bottom, left + paper[0], bottom + paper[1])]


def _add_part(state: _Assembly, src: Pdf) -> None:
    out = state.out
    start = len(out.pages)
    with warnings.catch_warnings():  # that pages alone lose named destinations: _add_dests copies them
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
        out.pages.extend(src.pages)
    # Everything copied below goes through the same copier as the pages, so its references to the
    # part's pages and link annotations land on the copies just made.
    offset = state.next_key
    for page in out.pages[start:]:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annot in page.obj.get("/Annots", Array()):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + offset
    tree = src.Root.get("/StructTreeRoot")
    if tree is not None:
        _add_structure(state, src, tree, offset)
    renamed = _add_dests(state, src)
    for page in out.pages[start:]:
        for annot in page.obj.get("/Annots", Array()):
            _repoint_link(state, annot, renamed)
    if "/PageLabels" in src.Root:
        state.labels += [(start + key, _copy(out, label)) for key, label in _number_tree(src.Root.PageLabels)]
    _add_outline(state, src, start)


def _add_structure(state: _Assembly, src: Pdf, tree: pikepdf.Object, offset: int) -> None:
    """The part's structure tree, as one Part element of the document; its ParentTree keys shifted by `offset`."""
    out = state.out
    kids = tree.get("/K")
    elements = [kids] if isinstance(kids, Dictionary) else list(kids or [])
    part = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Part, P=state.document, K=Array()))
    for element in elements:
        copied = _copy(out, element)
        if copied.get("/S") == Name.Document:  # WeasyPrint's root element: the part itself
            copied.S = Name.Part
            copied.P = state.document
            state.document.K.append(copied)
            continue
        copied.P = part
        part.K.append(copied)
    if len(part.K):
        state.document.K.append(part)
    parents = tree.get("/ParentTree")
    if parents is not None and not parents.is_indirect:  # copied whole, in one call, not entry by entry
        parents = src.make_indirect(parents)
    keys = [(key + offset, value) for key, value in _number_tree(out.copy_foreign(parents) if parents is not None else Dictionary())]
    state.nums += keys
    next_key = int(tree.get("/ParentTreeNextKey", 0)) + offset
    state.next_key = max([state.next_key, next_key, *(key + 1 for key, _ in keys)])
    for role, standard in tree.get("/RoleMap", Dictionary()).items():
        state.role_map.setdefault(role, _copy(out, standard))


def _add_dests(state: _Assembly, src: Pdf) -> dict[str, str]:
    """The part's named destinations; a name an earlier part has is renamed. Returns old -> new names."""
    names = src.Root.get("/Names", Dictionary()).get("/Dests")
    renamed: dict[str, str] = {}
    if names is None:
        return renamed
    for key, dest in NameTree(names).items():
        name = key.decode("latin-1") if isinstance(key, bytes) else key
        new, n = name, 1
        while new in state.dests:
            n += 1
            new = f"{name}-{n}"
        renamed[name] = new
        state.dests[new] = _copy(state.out, dest)
    return renamed


def _repoint_link(state: _Assembly, annot: pikepdf.Object, renamed: dict[str, str]) -> None:
    dest = annot.get("/Dest")
    if isinstance(dest, String) and str(dest) in renamed:
        annot.Dest = String(renamed[str(dest)])
    action = annot.get("/A")
    if action is not None and action.get("/S") == Name.URI and str(action.get("/URI", "")).startswith(PART_LINK):
        state.part_links.append((annot, str(action.URI).removeprefix(PART_LINK)))


def _resolve_part_links(state: _Assembly) -> None:
    """Links to other parts lead to their anchor's destination; to an anchor this PDF lacks (a pack's
    worksheet printed alone), nowhere rather than to an address no reader can open."""
    for annot, name in state.part_links:
        del annot["/A"]
        if name in state.dests:
            annot.Dest = String(name)
            annot.Contents = String(name)  # as WeasyPrint describes its own internal links


def _add_outline(state: _Assembly, src: Pdf, start: int) -> None:
    """The part's bookmarks, on the copied pages; a part without any gets one, its title."""
    pages = {page.obj.objgen: start + i for i, page in enumerate(src.pages)}
    with src.open_outline() as outline:
        items = [_copy_item(state, item, pages, start) for item in outline.root]
    if not items:
        items = [OutlineItem(str(src.docinfo.get("/Title", "")) or f"Page {start + 1}", start)]
    state.outline += items


def _copy_item(state: _Assembly, item: OutlineItem, pages: dict[tuple[int, int], int], start: int) -> OutlineItem:
    dest = item.destination
    target: int | Array = start
    if isinstance(dest, Array) and len(dest) and isinstance(dest[0], Dictionary) and dest[0].objgen in pages:
        target = Array(_copy(state.out, dest))  # the same place on the copied page
    elif dest is not None and str(dest) in state.dests:
        target = Array(state.dests[str(dest)])
    copied = OutlineItem(item.title, target)
    copied.is_closed = item.is_closed
    copied.children.extend(_copy_item(state, child, pages, start) for child in item.children)
    return copied


def _write_catalog(state: _Assembly, first: Pdf, title: str) -> None:
    out = state.out
    root = out.Root
    tree = out.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([state.document])))
    state.document.P = tree
    tree.ParentTree = out.make_indirect(Dictionary(Nums=Array([x for key, value in sorted(state.nums, key=_first) for x in (key, value)])))
    tree.ParentTreeNextKey = state.next_key
    if state.role_map:
        tree.RoleMap = Dictionary({key: value for key, value in state.role_map.items()})
    root.StructTreeRoot = tree
    root.MarkInfo = Dictionary(Marked=True)
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    if "/Lang" in first.Root:
        root.Lang = first.Root.Lang
    if state.dests:
        dests = NameTree.new(out)
        for name, dest in state.dests.items():
            dests[name] = dest
        root.Names = Dictionary(Dests=dests.obj)
    if state.labels:
        root.PageLabels = Dictionary(Nums=Array([x for key, value in sorted(state.labels, key=_first) for x in (key, value)]))
    with out.open_outline() as outline:
        outline.root.extend(state.outline)
    if "/Metadata" in first.Root:  # the XMP packet that says PDF/UA-1; its title is the whole PDF's
        root.Metadata = _copy(out, first.Root.Metadata)
    out.docinfo = out.make_indirect(Dictionary({key: value for key, value in first.docinfo.items()}))
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = title
    out.docinfo.Title = String(title)


def _copy(out: Pdf, obj: Any) -> Any:
    """`obj` of another PDF, in `out`: pikepdf copies indirect objects only, so direct arrays and
    dictionaries (a ParentTree entry, a destination) are rebuilt around the copies of what they hold."""
    if not isinstance(obj, pikepdf.Object):  # a number, a boolean: pikepdf hands these over as Python values
        return obj
    if obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, Array):
        return Array([_copy(out, item) for item in obj])
    if isinstance(obj, Dictionary):
        return Dictionary({key: _copy(out, value) for key, value in obj.items()})
    return obj


def _number_tree(node: pikepdf.Object) -> Iterator[tuple[int, pikepdf.Object]]:
    """The (key, value) pairs of a number tree (flat /Nums, or /Kids of such)."""
    nums = node.get("/Nums", Array())
    for i in range(0, len(nums) - 1, 2):
        yield int(nums[i]), nums[i + 1]
    for kid in node.get("/Kids", Array()):
        yield from _number_tree(kid)


def _first(pair: tuple[int, pikepdf.Object]) -> int:
    return pair[0]
