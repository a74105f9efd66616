import os

from flask import Flask, session

# Flask's own sessions are signed cookies: nothing is kept in the process.
app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
