#!/bin/bash
exec > >(tee -a /var/log/reporter.log) 2>&1
exec ./bin/reporter
