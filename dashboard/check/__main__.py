"""python -m dashboard.check [--date YYYY-MM-DD] [--format csv|json|text] FILE|-

Every number of the text is written out: checked (a verdict), found but not checked (why),
or not a China–Russia figure, so that a miss shows. Exit 0 when it ran (whatever the
verdicts), 2 with a one-line message on bad input.
"""

import argparse
import sys
from datetime import date
from typing import Any

from dashboard.check.engine import account
from dashboard.check.export import render
from dashboard.check.periods import date_problem

MAX_CHARS = 2_000_000


class BadInput(Exception):
    """Input the checker cannot use; the message is one line."""


def read_text(name: str) -> str:
    """The text of a file, or of stdin for '-'."""
    try:
        if name == "-":
            text = sys.stdin.read(MAX_CHARS + 1)
        else:
            with open(name, encoding="utf-8") as handle:
                text = handle.read(MAX_CHARS + 1)
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"cannot read {name}: {getattr(error, 'strerror', None) or error}") from None
    if len(text) > MAX_CHARS:
        raise BadInput(f"text longer than {MAX_CHARS} characters")
    if not text.strip():
        raise BadInput("the text is empty")
    return text


def parse_date(text: str | None) -> date | None:
    """A YYYY-MM-DD publication date."""
    if text is None:
        return None
    try:
        when = date.fromisoformat(text) if len(text) == 10 else date.fromisoformat("x")
    except ValueError:
        raise BadInput(f"bad date {text!r}: expected YYYY-MM-DD") from None
    problem = date_problem(when)
    if problem:
        raise BadInput(problem)
    return when


def write(rows: list[dict[str, Any]], form: str) -> None:
    """Rows to stdout as CSV, JSON or one line of text per number."""
    sys.stdout.write(render(rows, form))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.check",
        description="Check every China–Russia figure in a text against the published tables.",
    )
    parser.add_argument("file", help="a UTF-8 text file, or - for stdin")
    parser.add_argument("--date", help="publication date, YYYY-MM-DD ('last year' needs it)")
    parser.add_argument("--format", choices=("csv", "json", "text"), default="csv")
    args = parser.parse_args(argv)
    try:
        published = parse_date(args.date)
        text = read_text(args.file)
    except BadInput as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    write(account(text, published, limit=None), args.format)
    return 0


if __name__ == "__main__":
    sys.exit(main())
