"""The rendered API reference (docs/api/reference.md) follows openapi.json."""

from __future__ import annotations

import json
import re
from typing import Any

from magnum_ui.docs import api_reference as reference_doc

PAGE = reference_doc.OPENAPI.parent / "reference.md"


def spec() -> dict[str, Any]:
    return json.loads(reference_doc.OPENAPI.read_text())


def test_committed_page_is_current() -> None:
    """docs/api/reference.md equals the rendering of docs/api/openapi.json."""
    assert PAGE.read_text() == reference_doc.render(spec()), (
        "docs/api/reference.md is stale: run `make docs` (python -m magnum_ui.docs.api_reference)"
    )


def test_every_route_and_method_has_a_section() -> None:
    """Each (method, path) of the description has its own heading and a row in the index."""
    page = reference_doc.render(spec())
    for path, item in spec()["paths"].items():
        for method in reference_doc.METHODS:
            if method in item:
                assert f"\n### {method.upper()} {path}\n" in page
                assert f"| {method.upper()} | [`{path}`]" in page


def test_every_schema_field_is_listed() -> None:
    """Each field of each component schema appears in that schema's table."""
    page = reference_doc.render(spec())
    for name, schema in spec()["components"]["schemas"].items():
        section = page.split(f"\n### {name} (schema)\n", 1)[1].split("\n### ", 1)[0]
        for field in schema.get("properties", {}):
            assert f"| `{field}` |" in section


def test_links_point_at_headings() -> None:
    """Every in-page link of the index and the bodies names an anchor of a heading."""
    page = reference_doc.render(spec())
    anchors = {
        reference_doc._anchor(line.lstrip("#").strip())
        for line in page.splitlines()
        if line.startswith("#")
    }
    targets = set(re.findall(r"\]\(#([^)]+)\)", page))
    assert targets
    assert targets - anchors == set()


def test_types_are_summarised() -> None:
    """Nullable, array, map, enum and reference types read as words."""
    t = reference_doc._type
    assert t({"type": ["string", "null"]}) == "string or null"
    assert t({"type": "array", "items": {"$ref": "#/components/schemas/Cluster"}}) == (
        "array of [Cluster](#cluster-schema)"
    )
    assert t({"type": "object", "additionalProperties": {"type": "string"}}) == (
        "map of string to string"
    )
    assert t({"enum": ["asc", "desc"]}) == 'one of `"asc"`, `"desc"`'
