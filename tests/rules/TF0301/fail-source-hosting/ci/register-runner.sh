#!/bin/sh
gitlab-runner register --token glrt-AbCd01-_EfGh23IjAbCd --url https://gitlab.internal
