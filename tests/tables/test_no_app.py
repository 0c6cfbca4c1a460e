"""The pipeline and its tests run without the app: nothing of Dash is loaded."""

import subprocess
import sys

from dashboard.schema import paths


def test_the_pipeline_and_the_shared_fixtures_do_not_load_dash():
    code = (
        "import sys, tests.conftest, tests.refresh.conftest, dashboard.etl.__main__, "
        "dashboard.etl.refresh; sys.exit(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('dash', 'flask', 'plotly')) or 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=paths.REPO_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr or result.stdout
