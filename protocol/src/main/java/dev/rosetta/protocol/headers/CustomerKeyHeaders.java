package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.SseHeaderNames;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.CustomerKey;
import java.util.Base64;

/**
 * Reads the SSE-C key a request presents, in its dialect's names: {@code <prefix>server-side-encryption-
 * customer-{algorithm,key,key-MD5}}, or for the object a copy reads {@code <prefix>copy-source-server-side-
 * encryption-customer-*}.
 */
public final class CustomerKeyHeaders {
    private CustomerKeyHeaders() {
    }

    /** Whether any of the three headers is present. */
    public static boolean present(RequestHead head, Dialect dialect, boolean copySource) {
        for (String suffix : new String[] {"algorithm", "key", "key-MD5"}) {
            if (head.header(SseHeaderNames.customer(dialect.family(), copySource, suffix)) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key, or null when none of the headers is sent.
     *
     * @throws dev.rosetta.protocol.error.S3Exception InvalidArgument as S3 answers an incomplete or
     *         inconsistent triple (see {@link ObjectHeadersReader#checkCustomerKey})
     */
    public static CustomerKey read(RequestHead head, Dialect dialect, boolean copySource) {
        if (!present(head, dialect, copySource)) {
            return null;
        }
        String prefix = SseHeaderNames.customer(dialect.family(), copySource, "");
        String algorithm = head.header(SseHeaderNames.customer(dialect.family(), copySource, "algorithm"));
        String key = head.header(SseHeaderNames.customer(dialect.family(), copySource, "key"));
        String md5 = head.header(SseHeaderNames.customer(dialect.family(), copySource, "key-MD5"));
        ObjectHeadersReader.checkCustomerKey(prefix, algorithm, key, md5);
        return new CustomerKey(Base64.getDecoder().decode(key.trim()), md5.trim());
    }
}
