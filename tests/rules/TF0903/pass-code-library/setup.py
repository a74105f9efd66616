from setuptools import setup

setup(name="quietly", version="1.0.0", packages=["quietly"])
