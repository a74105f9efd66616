import io.ktor.server.engine.embeddedServer
fun main() {}
