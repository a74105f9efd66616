package com.acme.util;

public final class Strings {}
