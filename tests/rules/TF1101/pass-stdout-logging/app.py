import logging
import sys

# Never a FileHandler: the platform collects stdout.
logging.basicConfig(stream=sys.stdout, level=logging.INFO)
