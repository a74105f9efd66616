package com.acme;

import java.util.List;
import javax.crypto.Cipher;
import com.acme.util.Strings;
import com.google.gson.Gson;

public class App {
    public static void main(String[] args) {
        System.out.println(new Gson().toJson(List.of(1)));
    }
}
