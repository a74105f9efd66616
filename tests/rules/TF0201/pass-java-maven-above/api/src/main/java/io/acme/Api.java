package io.acme;

import io.javalin.Javalin;

public class Api {}
