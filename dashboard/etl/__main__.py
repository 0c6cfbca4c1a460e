"""`python -m dashboard.etl build|refresh|rehash`: the data pipeline's commands.

build    rebuild datasets/tidy from datasets/raw, offline (make data)
refresh  re-pull the API sources, then rebuild (make refresh)
rehash   record the checksums of a hand-edited raw folder in its origin.json
"""

import argparse
import json
import sys
from pathlib import Path

from dashboard.etl import refresh
from dashboard.etl.errors import BuildError, InputError
from dashboard.etl.pipeline import build
from dashboard.etl.publish import publish
from dashboard.etl.rawfiles import FILE_NAME, ORIGIN, file_record
from dashboard.etl.swap import replace_file
from dashboard.schema import paths


def run_build(raw: Path, out: Path) -> int:
    """Build, validate, then publish the tables in one swap; on error change nothing."""
    try:
        tables = build(raw)
        publish(out, tables)
    except (InputError, BuildError, OSError) as error:
        return _refused("make data", one_line(error))
    except Exception as error:  # noqa: BLE001 (a bug of ours, still reported in one line)
        return _refused("make data", f"unexpected {type(error).__name__}: {one_line(error)}")
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    print(f"make data: wrote {out} ({counts} rows)")
    return 0


def _refused(command: str, reason: str) -> int:
    print(f"{command}: error: {reason}", file=sys.stderr)
    print(f"{command}: nothing was written; the previous files are unchanged.", file=sys.stderr)
    return 1


def one_line(error: object) -> str:
    """An error message folded onto one line."""
    return " ".join(str(error).split())


def rehash(folder: Path) -> int:
    """Record each listed file's SHA-256 and row count (after a deliberate hand edit)."""
    path = folder / ORIGIN
    try:
        origin = json.loads(path.read_text(encoding="utf-8"))
        for entry in origin["files"]:
            name = entry["path"]
            if not isinstance(name, str) or not FILE_NAME.fullmatch(name):
                raise InputError(path, f"{name!r} is not a plain file name", field="path")
            data = (folder / name).read_bytes()
            entry |= file_record(data)
        text = json.dumps(origin, indent=2, ensure_ascii=False) + "\n"
        replace_file(path, text.encode("utf-8"))
    except (OSError, ValueError, KeyError, TypeError, InputError, RecursionError) as error:
        return _refused("rehash", f"{path}: {type(error).__name__}: {one_line(error)}")
    print(f"rehash: recorded {len(origin['files'])} checksums in {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch to a command."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.etl",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "refresh"):
        command = commands.add_parser(name)
        command.add_argument("--raw", type=Path, default=paths.RAW, help="raw snapshot folder")
        command.add_argument("--out", type=Path, default=paths.TIDY, help="tidy table folder")
        if name == "refresh":
            refresh.add_options(command)
    command = commands.add_parser("rehash")
    command.add_argument("folder", type=Path, help="a folder of datasets/raw")
    args = parser.parse_args(argv)
    if args.command == "build":
        return run_build(args.raw, args.out)
    if args.command == "rehash":
        return rehash(args.folder if args.folder.is_absolute() else paths.RAW / args.folder)
    return refresh.run(args)


if __name__ == "__main__":
    sys.exit(main())
