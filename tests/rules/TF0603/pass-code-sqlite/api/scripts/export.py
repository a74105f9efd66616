import sqlite3

from sqlalchemy import create_engine

# A one-off export to a local file for analysts.
engine = create_engine("sqlite:///export.db")
