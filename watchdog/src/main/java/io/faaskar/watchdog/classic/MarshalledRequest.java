package io.faaskar.watchdog.classic;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * marshal_request: the request as JSON on stdin, {@code {"header":{"Key":["v"]},"body":{"raw":"<base64>"}}},
 * keys canonical and sorted, strings escaped like Go's encoding/json (HTML characters too).
 */
public final class MarshalledRequest {

    private MarshalledRequest() {
    }

    public static byte[] json(Headers headers, byte[] body) {
        Map<String, List<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = HeaderNames.canonical(header.getKey());
            if (!name.equals("Host")) {
                sorted.put(name, header.getValue());
            }
        }
        StringBuilder json = new StringBuilder(64 + body.length * 2);
        json.append("{\"header\":{");
        boolean firstHeader = true;
        for (Map.Entry<String, List<String>> header : sorted.entrySet()) {
            if (!firstHeader) {
                json.append(',');
            }
            firstHeader = false;
            quote(json, header.getKey()).append(":[");
            boolean firstValue = true;
            for (String value : header.getValue()) {
                if (!firstValue) {
                    json.append(',');
                }
                firstValue = false;
                quote(json, value);
            }
            json.append(']');
        }
        json.append("},\"body\":{\"raw\":\"").append(Base64.getEncoder().encodeToString(body)).append("\"}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static StringBuilder quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int pad = hex.length(); pad < 4; pad++) {
                            json.append('0');
                        }
                        json.append(hex);
                    } else {
                        json.append(c);
                    }
            }
        }
        return json.append('"');
    }
}
