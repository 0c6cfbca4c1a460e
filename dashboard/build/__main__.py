"""`python -m dashboard.build`: rebuild datasets/tidy from datasets/raw (offline)."""

import argparse
import sys
from pathlib import Path

from dashboard import paths
from dashboard.build.errors import BuildError, InputError
from dashboard.build.pipeline import build
from dashboard.build.write import files, replace_all


def main(argv: list[str] | None = None) -> int:
    """Build, validate, then replace the tidy files; on error change nothing."""
    parser = argparse.ArgumentParser(prog="python -m dashboard.build", description=__doc__)
    parser.add_argument("--raw", type=Path, default=paths.RAW, help="raw snapshot folder")
    parser.add_argument("--out", type=Path, default=paths.TIDY, help="tidy table folder")
    args = parser.parse_args(argv)
    try:
        tables = build(args.raw)
    except (InputError, BuildError) as error:
        print(f"make data: error: {error}", file=sys.stderr)
        print("make data: nothing was written; the previous tables are unchanged.", file=sys.stderr)
        return 1
    replace_all(args.out, files(tables))
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    print(f"make data: wrote {args.out} ({counts} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
