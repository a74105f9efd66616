package com.example;

import sun.misc.Signal;
import sun.misc.SignalHandler;

public class Main {
    public static void main(String[] args) {
        Signal.handle(new Signal("TERM"), SignalHandler.SIG_IGN);
        new Server().serve();
    }
}
