"""A maintenance script that needs only the standard library."""
from __future__ import annotations

import argparse
import json, sys
from . import sibling
import helpers
from helpers import slugify
