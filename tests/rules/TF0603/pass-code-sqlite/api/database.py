import os

from sqlalchemy import create_engine

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./orders.db")
engine = create_engine(DATABASE_URL)
cache = create_engine("sqlite:///:memory:")
