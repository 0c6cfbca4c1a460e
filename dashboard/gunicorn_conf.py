"""gunicorn settings for `make serve` (`gunicorn -c dashboard/gunicorn_conf.py`); README explains.

HOST and PORT set the address (default 127.0.0.1:8050), WEB_WORKERS and WEB_THREADS the pool,
WEB_READ_TIMEOUT how long a client has to send its whole request (seconds), WEB_TIME_BUDGET how
long the app may take to answer one (dashboard/budget.py).
"""

import os
import socket
import struct
from typing import Any

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
wsgi_app = "dashboard.wsgi:server"

# One process per core, each with a pool of threads; the worker (gthread's, see dashboard/worker.py)
# reads every request whole in its event loop before a thread takes it, so slow clients hold none.
worker_class = "dashboard.worker.Worker"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "8"))
worker_connections = 200  # open connections per worker: kept-alive, still sending, being answered

preload_app = True  # load the app and its tables once, before forking; a broken build fails here
timeout = 30  # a worker silent this long is restarted
graceful_timeout = 20
keepalive = 5  # seconds an idle kept-alive connection stays open
# A client that has not sent its whole request this many seconds after it began is dropped
# (dashboard/worker.py); set as SO_RCVTIMEO on the listening sockets too, which the accepted
# connections inherit, for any read a thread still makes.
READ_TIMEOUT = int(os.environ.get("WEB_READ_TIMEOUT", "10"))

# Recycle workers now and then, so that no slow growth can accumulate.
max_requests = 20_000
max_requests_jitter = 2_000

# Requests larger than any the app makes are refused by gunicorn before the app sees them.
limit_request_line = 4094  # a page URL with the longest series list the pages write fits
limit_request_fields = 50
limit_request_field_size = 8190


def when_ready(server: Any) -> None:
    """Bound reads on every connection; lay out and draw every page's default view and
    compress the pages' scripts once in the master, so that the workers start warm."""
    for listener in server.LISTENERS:
        listener.setsockopt(
            socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", READ_TIMEOUT, 0)
        )

    from dashboard import layouts, precompressed
    from dashboard.app import server as app

    # as a request to this server's address: the layouts' links start with it, so that the
    # workers' first layouts come from the memo too (up to 1.3 s each on a loaded machine)
    with app.test_request_context(base_url=os.environ.get("PUBLIC_URL") or f"http://{bind}"):
        layouts.warm()
    precompressed.warm(app)
