FROM alpine:3.20
COPY . /tool
ENTRYPOINT ["/tool/run"]
