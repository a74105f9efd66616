#!/bin/sh
set -eu
curl https://sh.rustup.rs -sSf | sh -s -- -y --profile minimal
wget -O - https://example.dev/tool/install | bash
eval "$(curl -fsSL https://example.dev/env.sh)"
