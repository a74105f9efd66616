#!/bin/sh
set -eu
apt-get update
apt-get install -y --no-install-recommends tesseract-ocr=5.3.0-2
