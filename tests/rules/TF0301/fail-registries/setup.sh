mv npmrc .npmrc && mv pypirc .pypirc
