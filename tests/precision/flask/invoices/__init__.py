"""The invoices service: a Flask application factory."""
import logging
import sys

from flask import Flask

from .config import Config
from .models import db, migrate


def configure_logging(level):
    """Logs are an event stream: one line per event on stdout, routed by
    the platform (awslogs on ECS, the log router on a Procfile platform)."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def create_app(config=None):
    config = config or Config.from_environ()
    configure_logging(config.LOG_LEVEL)

    app = Flask(__name__)
    app.config.from_object(config)
    db.init_app(app)
    migrate.init_app(app, db)

    from .api import bp
    app.register_blueprint(bp)
    return app
