/*
import org.apache.commons.lang3.StringUtils;
*/
import java.net.http.HttpClient;
import static java.util.Objects.requireNonNull;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

public class Main {
    public static void main(String[] args) {
        requireNonNull(HttpClient.newHttpClient());
    }
}
