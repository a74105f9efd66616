import java.util.Arrays;

class Convert {
    Process office(String doc) throws Exception {
        return new ProcessBuilder(Arrays.asList("soffice", "--headless",
            "--convert-to", "pdf", doc)).start();
    }

    Process ocr(String img) throws Exception {
        return Runtime.getRuntime().exec("tesseract " + img + " out");
    }
}
