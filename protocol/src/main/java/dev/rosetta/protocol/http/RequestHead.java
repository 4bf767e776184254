package dev.rosetta.protocol.http;

import java.util.List;
import java.util.Map;

/**
 * The head of an HTTP request exactly as it was received: what signature verifiers canonicalise and
 * what the routing table reads. Implementations adapt a transport's request object without copying.
 * Header names are matched case-insensitively.
 */
public interface RequestHead {

    /** The method as sent, upper case ({@code GET}, {@code PUT}, ...). */
    String method();

    /** The request-target path as sent, still percent-encoded, without the query; never empty. */
    String rawPath();

    /** The raw query after {@code ?}, still encoded; empty when there is none. */
    String rawQuery();

    /** The query, parsed once. */
    QueryString query();

    /** The first value of a header, or null. */
    String header(String name);

    /** All values of a header in arrival order; empty when absent. */
    List<String> headers(String name);

    /** Every header line in arrival order, names as sent. */
    List<Map.Entry<String, String>> headerEntries();

    default boolean hasHeader(String name) {
        return header(name) != null;
    }
}
