"""WSGI entry point for gunicorn and for the `flask` command."""
from invoices import create_app

app = create_app()
