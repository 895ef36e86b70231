package fr.espacesante.local.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as written on the wire, for requests that java.net.http refuses to send (a request target
 * with a malformed escape such as {@code %zz}): what an attacker's own client sends.
 */
public final class RawHttp {

    public record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    public static Answer send(String baseUrl, String method, String target, Map<String, String> headers, byte[] body) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + baseUrl, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        int status = Integer.parseInt(head.substring(9, 12));
        return new Answer(status, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
