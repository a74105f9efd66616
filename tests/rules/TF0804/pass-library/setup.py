from setuptools import setup

setup(name="flask-greeting", version="1.0.0", packages=["flask_greeting"],
      install_requires=["Flask>=2.0"])
