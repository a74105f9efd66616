#!/bin/bash
grype dir:"$GITHUB_WORKSPACE" > "$GITHUB_WORKSPACE/grype-report"
grype dir:. 2> scan-errors.log
