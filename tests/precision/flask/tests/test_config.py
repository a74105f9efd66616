import pytest

from invoices.config import Config


def test_reads_everything_from_the_environment():
    env = {
        "DATABASE_URL": "postgres://u:p@db.internal:5432/invoices",
        "SECRET_KEY": "test-only",
        "REDIS_URL": "redis://cache.internal:6379/0",
        "SMTP_URL": "smtp://mail.internal:25",
    }
    config = Config.from_environ(env)
    assert config.SQLALCHEMY_DATABASE_URI.startswith("postgresql+psycopg://")
    assert config.LOG_LEVEL == "INFO"


def test_a_missing_variable_is_an_error():
    with pytest.raises(KeyError):
        Config.from_environ({})
