"""``iniset``/``iniget``/``inidelete`` of the fake devstack, on real INI files.

Line-based like devstack's own (``inc/ini-config``): comments and the order of
lines survive, a missing section is appended, a missing option is added at the
end of its section, a missing file is created.  Usage::

    python ini.py set FILE SECTION OPTION VALUE
    python ini.py get FILE SECTION OPTION
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")


def _option(line: str) -> str | None:
    if line.lstrip().startswith(("#", ";")) or "=" not in line:
        return None
    return line.split("=", 1)[0].strip()


def _span(lines: list[str], section: str) -> tuple[int, int] | None:
    """The lines of ``section``'s body: [first, end)."""
    start = None
    for number, line in enumerate(lines):
        match = _SECTION.match(line)
        if match and start is not None:
            return start, number
        if match and match["name"] == section:
            start = number + 1
    return (start, len(lines)) if start is not None else None


def get(path: Path, section: str, option: str) -> str:
    lines = path.read_text().splitlines() if path.exists() else []
    span = _span(lines, section)
    if span is None:
        return ""
    for line in lines[span[0] : span[1]]:
        if _option(line) == option:
            return line.split("=", 1)[1].strip()
    return ""


def set_(path: Path, section: str, option: str, value: str) -> None:
    lines = path.read_text().splitlines() if path.exists() else []
    span = _span(lines, section)
    if span is None:
        lines += ["", f"[{section}]", f"{option} = {value}"]
    else:
        body = range(span[0], span[1])
        found = [n for n in body if _option(lines[n]) == option]
        if found:
            lines[found[0]] = f"{option} = {value}"
        else:
            end = span[1]
            while end > span[0] and not lines[end - 1].strip():
                end -= 1
            lines.insert(end, f"{option} = {value}")
    path.write_text("\n".join(lines) + "\n")


def main(argv: list[str]) -> int:
    verb, path, section, option, *rest = argv
    if verb == "get":
        print(get(Path(path), section, option))
    elif verb == "set":
        set_(Path(path), section, option, rest[0])
    else:
        raise SystemExit(f"unknown verb {verb}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
