package dev.rosetta.bench.load;

import java.util.ArrayList;
import java.util.List;

/** Just enough XML reading for S3 listings and initiate answers: element text by tag name. */
public final class Xml {
    private Xml() {
    }

    /** The text of the first {@code <tag>} element, unescaped, or null. */
    public static String first(String xml, String tag) {
        String open = "<" + tag + ">";
        int start = xml.indexOf(open);
        if (start < 0) {
            return null;
        }
        start += open.length();
        int end = xml.indexOf("</" + tag + ">", start);
        return end < 0 ? null : unescape(xml.substring(start, end));
    }

    /** The raw content of every {@code <tag>} element (not unescaped: a block to read further). */
    public static List<String> blocks(String xml, String tag) {
        String open = "<" + tag + ">";
        String close = "</" + tag + ">";
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = xml.indexOf(open, from);
            if (start < 0) {
                return out;
            }
            start += open.length();
            int end = xml.indexOf(close, start);
            if (end < 0) {
                return out;
            }
            out.add(xml.substring(start, end));
            from = end + close.length();
        }
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi < 0) {
                sb.append(c);
                continue;
            }
            String entity = s.substring(i + 1, semi);
            switch (entity) {
                case "amp" -> sb.append('&');
                case "lt" -> sb.append('<');
                case "gt" -> sb.append('>');
                case "quot" -> sb.append('"');
                case "apos" -> sb.append('\'');
                default -> {
                    if (entity.startsWith("#x")) {
                        sb.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
                    } else if (entity.startsWith("#")) {
                        sb.appendCodePoint(Integer.parseInt(entity.substring(1)));
                    } else {
                        sb.append(s, i, semi + 1);
                    }
                }
            }
            i = semi;
        }
        return sb.toString();
    }
}
