"""Errors that name the file, line and field at fault."""

from pathlib import Path


class InputError(Exception):
    """A raw input file is missing, malformed or inconsistent."""

    def __init__(
        self, path: Path | str, message: str, line: int | None = None, field: str | None = None
    ) -> None:
        where = str(path)
        if line is not None:
            where += f", line {line}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")
        self.path = Path(path)
        self.line = line
        self.field = field


class BuildError(Exception):
    """The tables built from the raw files fail validation (implausible or unlinked values)."""
