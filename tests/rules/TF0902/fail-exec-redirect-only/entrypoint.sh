#!/bin/bash
# Send everything this script prints to the log collector's file.
exec >>/var/log/api/boot.log 2>&1
uvicorn api.main:app --host 0.0.0.0 --port 8080
