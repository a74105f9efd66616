package app.web

import kotlin.collections.List
import kotlinx.coroutines.runBlocking
import io.ktor.server.engine.embeddedServer

fun main() = runBlocking { }
