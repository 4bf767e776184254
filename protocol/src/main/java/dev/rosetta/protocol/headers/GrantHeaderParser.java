package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses grant header values such as {@code id="79a5...", uri="http://acs.amazonaws.com/groups/global/AllUsers"}.
 * Grantee types are matched ignoring case ({@code id=}, {@code ID=}); quotes are optional.
 */
public final class GrantHeaderParser {
    private GrantHeaderParser() {
    }

    /** One {@code type=value} item of a grant list: the type lower-cased, the value unquoted and non-empty. */
    public record Item(String type, String value) {
    }

    /**
     * Parses an {@code x-amz-grant-*} value (grantee types {@code id}, {@code uri}, {@code emailAddress}).
     *
     * @throws S3Exception InvalidArgument for an empty or malformed list
     */
    public static List<Grant> parse(String headerName, String value, Grant.Permission permission) {
        List<Grant> grants = new ArrayList<>(2);
        for (Item item : items(headerName, value)) {
            Grant.GranteeType granteeType = switch (item.type()) {
                case "id" -> Grant.GranteeType.CANONICAL_USER;
                case "uri" -> Grant.GranteeType.GROUP;
                case "emailaddress" -> Grant.GranteeType.EMAIL;
                default -> throw malformed(headerName, value);
            };
            grants.add(new Grant(permission, granteeType, item.value()));
        }
        return grants;
    }

    /**
     * Splits a grant list into its {@code type=value} items, whatever the types; commas inside quotes do not
     * split.
     *
     * @throws S3Exception InvalidArgument for an empty list, an item without {@code =}, an empty value or an
     *                     unbalanced quote
     */
    public static List<Item> items(String headerName, String value) {
        List<Item> items = new ArrayList<>(2);
        for (String item : splitOutsideQuotes(value)) {
            String trimmed = item.trim();
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw malformed(headerName, value);
            }
            String type = trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String grantee = unquote(trimmed.substring(eq + 1).trim());
            if (grantee.isEmpty() || grantee.indexOf('"') >= 0) {
                // empty, or an unbalanced quote such as id="abc
                throw malformed(headerName, value);
            }
            items.add(new Item(type, grantee));
        }
        if (items.isEmpty()) {
            throw malformed(headerName, value);
        }
        return items;
    }

    private static List<String> splitOutsideQuotes(String value) {
        List<String> items = new ArrayList<>(2);
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                items.add(value.substring(start, i));
                start = i + 1;
            }
        }
        items.add(value.substring(start));
        return items;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    static S3Exception malformed(String headerName, String value) {
        return S3Exception.invalidArgument("Invalid grant in " + headerName, headerName, value);
    }
}
