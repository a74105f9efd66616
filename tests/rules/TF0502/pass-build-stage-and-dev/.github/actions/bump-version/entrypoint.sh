#!/bin/sh
set -e
git fetch --tags
git checkout "$GITHUB_HEAD_REF"
git pull --ff-only
git tag "v$(cat VERSION)"
