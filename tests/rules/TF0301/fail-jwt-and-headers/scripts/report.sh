#!/bin/sh
curl -H "Authorization: Basic Y2ktYm90OkFiQ2RFZkdoMDEyMw==" https://reports.internal/daily
