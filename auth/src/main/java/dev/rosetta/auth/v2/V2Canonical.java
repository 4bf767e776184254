package dev.rosetta.auth.v2;

import dev.rosetta.auth.v2.V2StringToSign.EmptyValueForm;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The pieces every V2-shaped string to sign shares (AWS V2 §1.1, and OBS, WOS V2 and their flavours §3.2,
 * §5.3): the canonical header lines of one prefix and the canonical resource. The schemes differ only in
 * which headers and sub-resources they sign and how a value is decoded; those are the parameters here.
 */
public final class V2Canonical {
    private static final Comparator<String[]> BY_NAME = Comparator.comparing(e -> e[0]);
    private static final Comparator<QueryString.Param> PARAM_BY_NAME = Comparator.comparing(QueryString.Param::name);

    private V2Canonical() {
    }

    /**
     * The headers whose name starts with {@code prefix} (any case), each as {@code {lower-cased name,
     * unfolded and trimmed value}} in arrival order; null when there is none.
     */
    public static List<String[]> headersWithPrefix(RequestHead request, String prefix) {
        List<String[]> selected = null;
        for (Map.Entry<String, String> h : request.headerEntries()) {
            String name = h.getKey();
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                if (selected == null) {
                    selected = new ArrayList<>(8);
                }
                selected.add(new String[] {name.toLowerCase(Locale.ROOT), unfoldAndTrim(h.getValue())});
            }
        }
        return selected;
    }

    /**
     * {@code name:value\n} per entry, sorted by name (stably: repeats keep their order) and repeats of a name
     * joined by ',' on one line. Sorts {@code entries} in place; null writes nothing.
     */
    public static void appendHeaderLines(StringBuilder sb, List<String[]> entries) {
        if (entries == null) {
            return;
        }
        entries.sort(BY_NAME);
        String previous = null;
        for (String[] e : entries) {
            if (e[0].equals(previous)) {
                sb.setLength(sb.length() - 1); // drop the '\n', continue the line
                sb.append(',').append(e[1]).append('\n');
            } else {
                sb.append(e[0]).append(':').append(e[1]).append('\n');
                previous = e[0];
            }
        }
    }

    /**
     * The canonical resource: [/bucket] + raw path + [?signed sub-resources sorted by name as sent, each
     * {@code name=value} with its decoded value, an empty or missing value written as {@code emptyValues}
     * says].
     *
     * @param signed  which query parameters are signed
     * @param decoded a signed parameter's value as signed; asked only for parameters that have one
     */
    public static void appendResource(StringBuilder sb, RequestHead request, String virtualHostBucket,
            Predicate<QueryString.Param> signed, Function<QueryString.Param, String> decoded,
            EmptyValueForm emptyValues) {
        if (virtualHostBucket != null) {
            sb.append('/').append(virtualHostBucket);
        }
        String path = request.rawPath();
        sb.append(path == null || path.isEmpty() ? "/" : path);
        List<QueryString.Param> selected = null;
        for (QueryString.Param p : request.query().params()) {
            if (signed.test(p)) {
                if (selected == null) {
                    selected = new ArrayList<>(4);
                }
                selected.add(p);
            }
        }
        if (selected == null) {
            return;
        }
        if (selected.size() > 1) {
            selected.sort(PARAM_BY_NAME); // stable
        }
        char separator = '?';
        for (QueryString.Param p : selected) {
            sb.append(separator).append(p.name());
            separator = '&';
            String value = p.hasValue() ? decoded.apply(p) : null;
            if (value != null && !value.isEmpty()) {
                sb.append('=').append(value);
            } else if (switch (emptyValues) {
                case AS_SENT -> value != null;
                case BARE -> false;
                case WITH_EQUALS -> true;
            }) {
                sb.append('=');
            }
        }
    }

    /** Appends the value stripped of surrounding blanks; nothing for null. Returns {@code sb}. */
    public static StringBuilder appendStripped(StringBuilder sb, String value) {
        return value == null ? sb : sb.append(value.strip());
    }

    /** Replaces folding whitespace (a line break and the blanks around it) with one space, then trims. */
    public static String unfoldAndTrim(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value.strip();
        }
        StringBuilder sb = new StringBuilder(value.length());
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                while (sb.length() > 0 && isBlank(sb.charAt(sb.length() - 1))) {
                    sb.setLength(sb.length() - 1);
                }
                while (i < n && (isBlank(value.charAt(i)) || value.charAt(i) == '\r' || value.charAt(i) == '\n')) {
                    i++;
                }
                sb.append(' ');
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString().strip();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
