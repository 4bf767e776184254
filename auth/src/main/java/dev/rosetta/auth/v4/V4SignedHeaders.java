package dev.rosetta.auth.v4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The {@code SignedHeaders} list ({@code host;x-amz-date}): names split on ';', lower-cased, order kept. */
public final class V4SignedHeaders {
    private V4SignedHeaders() {
    }

    /** The names, in the order given; null when the list is empty or has an empty name. */
    public static List<String> split(String line) {
        if (line == null) {
            return null;
        }
        List<String> names = new ArrayList<>(8);
        int start = 0;
        int n = line.length();
        while (true) {
            int semi = line.indexOf(';', start);
            int end = semi < 0 ? n : semi;
            if (end == start) {
                return null;
            }
            names.add(line.substring(start, end).toLowerCase(Locale.ROOT));
            if (semi < 0) {
                break;
            }
            start = semi + 1;
        }
        return Collections.unmodifiableList(names);
    }
}
