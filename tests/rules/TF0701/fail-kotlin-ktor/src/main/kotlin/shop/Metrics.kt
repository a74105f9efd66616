package shop

import io.vertx.core.Vertx

fun metrics(vertx: Vertx) {
    vertx.createHttpServer()
        .requestHandler { it.response().end("ok") }
        .listen(9100)
}
