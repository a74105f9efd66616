import os
import tempfile

import boto3
from flask import Flask, request

app = Flask(__name__)
s3 = boto3.client("s3")


@app.post("/photos")
def upload_photo():
    f = request.files["photo"]
    path = os.path.join(tempfile.gettempdir(), f.filename)
    f.save(path)
    s3.upload_file(path, os.environ["BUCKET"], f.filename)
    return "", 201
