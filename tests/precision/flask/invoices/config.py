"""Configuration, read from the environment and nowhere else.

Every deploy (a developer's docker compose, staging, production) sets the
same variables to its own values; nothing here knows which deploy it is.
"""
import os
from dataclasses import dataclass


def _sqlalchemy_url(url):
    # Platforms hand out postgres:// URLs; SQLAlchemy wants the driver
    # named in the scheme.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


@dataclass(frozen=True)
class Config:
    SQLALCHEMY_DATABASE_URI: str
    SECRET_KEY: str
    REDIS_URL: str
    SMTP_URL: str
    MAIL_FROM: str
    LOG_LEVEL: str = "INFO"
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    @classmethod
    def from_environ(cls, environ=os.environ):
        return cls(
            SQLALCHEMY_DATABASE_URI=_sqlalchemy_url(environ["DATABASE_URL"]),
            SECRET_KEY=environ["SECRET_KEY"],
            REDIS_URL=environ["REDIS_URL"],
            SMTP_URL=environ["SMTP_URL"],
            MAIL_FROM=environ.get("MAIL_FROM", "billing@example.com"),
            LOG_LEVEL=environ.get("LOG_LEVEL", "INFO"),
        )
