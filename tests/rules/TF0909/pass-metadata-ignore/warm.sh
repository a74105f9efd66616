#!/bin/sh
exec curl -fsS "$TARGET_URL"
