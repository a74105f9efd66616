import os
import json

from flask import Flask

app = Flask(__name__)
