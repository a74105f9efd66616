import os

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = os.path.join(app.root_path, "static", "uploads")


@app.post("/photos")
def upload_photo():
    f = request.files["photo"]
    f.save(os.path.join(app.config["UPLOAD_FOLDER"], secure_filename(f.filename)))
    return "", 201
