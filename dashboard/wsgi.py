"""Production entry point: `gunicorn dashboard.wsgi:server`."""

from dashboard.app import server

__all__ = ["server"]
