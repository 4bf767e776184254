package dev.rosetta.auth.obs;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which query parameters the OBS-family CanonicalizedResource signs (dialects.md §3.2): those whose name,
 * lower-cased, is in {@code names} or starts with {@code prefix} (the SDKs' rule, which the server mirrors).
 *
 * @param names  the sub-resource names, lower case
 * @param prefix the parameter-name prefix that is always signed ({@code x-obs-}, {@code x-amz-}, {@code x-wos-}),
 *               lower case
 */
public record SubResourceRule(Set<String> names, String prefix) {
    public SubResourceRule {
        names = Set.copyOf(Objects.requireNonNull(names, "names"));
        Objects.requireNonNull(prefix, "prefix");
        for (String n : names) {
            if (!n.equals(n.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("sub-resource names must be lower case: " + n);
            }
        }
        if (!prefix.equals(prefix.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("prefix must be lower case");
        }
    }

    /** True when a parameter of this (decoded, case as sent) name is signed. */
    public boolean matches(String name) {
        if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return true;
        }
        return names.contains(name.toLowerCase(Locale.ROOT));
    }
}
