"""The documents' relative links lead somewhere: files exist, anchors name headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted([REPO / "README.md", *(REPO / "docs").rglob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def anchors(page: Path) -> set[str]:
    """GitHub's anchors of a page's headings (lower case, punctuation dropped, spaces to -)."""
    found = set()
    for line in FENCE.sub("", page.read_text()).splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            kept = "".join(c for c in title if c.isalnum() or c in " -_")
            found.add(kept.replace(" ", "-"))
    return found


def links(page: Path) -> list[str]:
    return list(LINK.findall(FENCE.sub("", page.read_text())))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_resolve(page: Path) -> None:
    """Every relative link of the page names an existing file, and an existing heading."""
    broken = []
    for target in links(page):
        if re.match(r"^[a-z]+:", target):
            continue  # http:, https:, mailto: are not checked here
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        missing_heading = anchor and dest.suffix == ".md" and anchor not in anchors(dest)
        if not dest.exists() or missing_heading:
            broken.append(target)
    assert broken == []


def test_pages_are_found() -> None:
    """The check covers the README and the docs folder, images included."""
    names = {p.relative_to(REPO).as_posix() for p in PAGES}
    assert {"README.md", "docs/install.md", "docs/operator-guide.md"} <= names
    assert any("images/" in target for target in links(REPO / "docs/operator-guide.md"))
