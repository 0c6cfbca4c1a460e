"""The checker reads the published tables only: it never imports the pipeline."""

import subprocess
import sys


def test_the_checker_never_imports_the_pipeline() -> None:
    code = (
        "import sys; from dashboard.check.engine import check; "
        "check('China–Russia trade was $240 billion in 2023.'); "
        "import dashboard.check.__main__; "
        "print(sorted(m for m in sys.modules if m.startswith('dashboard.etl')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
