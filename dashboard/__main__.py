"""`python -m dashboard`: serve the dashboard on http://127.0.0.1:8050 (HOST, PORT override)."""

import os

from dashboard import layouts
from dashboard.app import app


def main() -> None:
    """Run the development server."""
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8050"))
    layouts.warm()  # the first answers come from the memo
    app.run(host=host, port=port, debug=False, dev_tools_disable_version_check=True)


if __name__ == "__main__":
    main()
