from setuptools import setup
setup(name="x", install_requires=["requests>=2"])
