#!/bin/sh
# The one-liner the documentation shows its readers.
curl -fsSL https://example.dev/install.sh | sh
