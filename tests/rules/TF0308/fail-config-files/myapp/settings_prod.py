from settings import *
DEBUG = False
