package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.protocol.xml.XmlRequestParser;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads and checks the LifecycleConfiguration body of PutBucketLifecycleConfiguration the way S3 does:
 * first the document's shape (any violation is {@code MalformedXML}: unknown or repeated elements, a
 * missing or unknown Status, a rule with both or neither of Filter and Prefix, a Filter with two
 * predicates outside And, an Expiration or Transition with not exactly one of its choices, numbers
 * that are not numbers, unknown storage classes), then each rule's values ({@code InvalidArgument}
 * for IDs, days and dates; {@code InvalidRequest} for combinations S3 refuses).
 */
public final class LifecycleConfigurationRequest {
    /** S3's limit on rules per configuration. */
    public static final int MAX_RULES = 1000;
    /** S3's limit on a rule ID's length. */
    public static final int MAX_ID_LENGTH = 255;

    private static final Set<StorageClass> TRANSITION_CLASSES = EnumSet.of(StorageClass.STANDARD_IA,
            StorageClass.ONEZONE_IA, StorageClass.INTELLIGENT_TIERING, StorageClass.GLACIER,
            StorageClass.GLACIER_IR, StorageClass.DEEP_ARCHIVE);
    private static final Set<StorageClass> THIRTY_DAY_MINIMUM = EnumSet.of(StorageClass.STANDARD_IA,
            StorageClass.ONEZONE_IA);

    private static final Set<String> RULE_ELEMENTS = Set.of("ID", "Prefix", "Filter", "Status", "Expiration",
            "Transition", "NoncurrentVersionExpiration", "NoncurrentVersionTransition",
            "AbortIncompleteMultipartUpload");
    private static final Set<String> FILTER_ELEMENTS = Set.of("Prefix", "Tag", "ObjectSizeGreaterThan",
            "ObjectSizeLessThan", "And");
    private static final Set<String> AND_ELEMENTS = Set.of("Prefix", "Tag", "ObjectSizeGreaterThan",
            "ObjectSizeLessThan");
    private static final Set<String> TAG_ELEMENTS = Set.of("Key", "Value");
    private static final Set<String> EXPIRATION_ELEMENTS = Set.of("Days", "Date", "ExpiredObjectDeleteMarker");
    private static final Set<String> TRANSITION_ELEMENTS = Set.of("Days", "Date", "StorageClass");
    private static final Set<String> NONCURRENT_EXPIRATION_ELEMENTS = Set.of("NoncurrentDays",
            "NewerNoncurrentVersions");
    private static final Set<String> NONCURRENT_TRANSITION_ELEMENTS = Set.of("NoncurrentDays",
            "NewerNoncurrentVersions", "StorageClass");
    private static final Set<String> ABORT_ELEMENTS = Set.of("DaysAfterInitiation");

    private LifecycleConfigurationRequest() {
    }

    /** S3's style of generated rule ID: base64 of a random UUID's text. */
    public static String generateId() {
        return Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Parses and checks a configuration.
     *
     * @param storageClasses reads a storage class name in the request's dialect; throws for an unknown one
     * @param newId          the ID of a rule sent without one
     * @return the rules, in document order
     * @throws S3Exception MalformedXML, InvalidArgument or InvalidRequest, as S3 answers
     */
    public static List<LifecycleRule> parse(byte[] body, Function<String, StorageClass> storageClasses,
                                            Supplier<String> newId) {
        JsonNode root = XmlRequestParser.parse(body, "LifecycleConfiguration", JsonNode.class);
        JsonNode config = element(root);
        allowOnly(config, Set.of("Rule"));
        List<JsonNode> ruleNodes = many(config, "Rule");
        if (ruleNodes.isEmpty()) {
            throw malformed();
        }
        List<LifecycleRule> rules = new ArrayList<>(ruleNodes.size());
        for (JsonNode n : ruleNodes) {
            rules.add(parseRule(element(n), storageClasses, newId));
        }
        if (rules.size() > MAX_RULES) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Lifecycle configuration allows a maximum of " + MAX_RULES + " rules");
        }
        validate(rules);
        return rules;
    }

    // --- shape ---------------------------------------------------------------------------------------

    private static LifecycleRule parseRule(JsonNode rule, Function<String, StorageClass> storageClasses,
                                           Supplier<String> newId) {
        allowOnly(rule, RULE_ELEMENTS);
        String id = text(one(rule, "ID"));
        if (id == null || id.isEmpty()) {
            id = newId.get();
        }
        String status = text(one(rule, "Status"));
        if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
            throw malformed();
        }
        String prefix = text(one(rule, "Prefix"));
        JsonNode filterNode = one(rule, "Filter");
        if ((prefix == null) == (filterNode == null)) {
            throw malformed(); // both, or neither
        }
        LifecycleRule.Filter filter = filterNode == null ? null : parseFilter(element(filterNode));

        LifecycleRule.Expiration expiration = null;
        JsonNode exp = one(rule, "Expiration");
        if (exp != null) {
            JsonNode e = element(exp);
            allowOnly(e, EXPIRATION_ELEMENTS);
            Integer days = integer(text(one(e, "Days")));
            Instant date = date(text(one(e, "Date")));
            Boolean marker = bool(text(one(e, "ExpiredObjectDeleteMarker")));
            if (count(days, date, marker) != 1) {
                throw malformed();
            }
            expiration = new LifecycleRule.Expiration(days, date, marker);
        }

        List<LifecycleRule.Transition> transitions = new ArrayList<>();
        for (JsonNode n : many(rule, "Transition")) {
            JsonNode t = element(n);
            allowOnly(t, TRANSITION_ELEMENTS);
            Integer days = integer(text(one(t, "Days")));
            Instant date = date(text(one(t, "Date")));
            if (count(days, date) != 1) {
                throw malformed();
            }
            transitions.add(new LifecycleRule.Transition(days, date,
                    storageClass(text(one(t, "StorageClass")), storageClasses)));
        }

        LifecycleRule.NoncurrentVersionExpiration nve = null;
        JsonNode nveNode = one(rule, "NoncurrentVersionExpiration");
        if (nveNode != null) {
            JsonNode e = element(nveNode);
            allowOnly(e, NONCURRENT_EXPIRATION_ELEMENTS);
            Integer days = integer(text(one(e, "NoncurrentDays")));
            if (days == null) {
                throw malformed();
            }
            nve = new LifecycleRule.NoncurrentVersionExpiration(days,
                    integer(text(one(e, "NewerNoncurrentVersions"))));
        }

        List<LifecycleRule.NoncurrentVersionTransition> nvts = new ArrayList<>();
        for (JsonNode n : many(rule, "NoncurrentVersionTransition")) {
            JsonNode t = element(n);
            allowOnly(t, NONCURRENT_TRANSITION_ELEMENTS);
            Integer days = integer(text(one(t, "NoncurrentDays")));
            if (days == null) {
                throw malformed();
            }
            nvts.add(new LifecycleRule.NoncurrentVersionTransition(days,
                    integer(text(one(t, "NewerNoncurrentVersions"))),
                    storageClass(text(one(t, "StorageClass")), storageClasses)));
        }

        Integer abortDays = null;
        JsonNode abort = one(rule, "AbortIncompleteMultipartUpload");
        if (abort != null) {
            JsonNode a = element(abort);
            allowOnly(a, ABORT_ELEMENTS);
            abortDays = integer(text(one(a, "DaysAfterInitiation")));
            if (abortDays == null) {
                throw malformed();
            }
        }
        return new LifecycleRule(id, status.equals("Enabled"), prefix, filter, expiration, transitions, nve, nvts,
                abortDays);
    }

    private static LifecycleRule.Filter parseFilter(JsonNode f) {
        allowOnly(f, FILTER_ELEMENTS);
        String prefix = text(one(f, "Prefix"));
        JsonNode tagNode = one(f, "Tag");
        Tag tag = tagNode == null ? null : tag(tagNode);
        Long greater = longValue(text(one(f, "ObjectSizeGreaterThan")));
        Long less = longValue(text(one(f, "ObjectSizeLessThan")));
        JsonNode andNode = one(f, "And");
        LifecycleRule.And and = null;
        if (andNode != null) {
            JsonNode a = element(andNode);
            allowOnly(a, AND_ELEMENTS);
            List<Tag> tags = new ArrayList<>();
            for (JsonNode t : many(a, "Tag")) {
                tags.add(tag(t));
            }
            and = new LifecycleRule.And(text(one(a, "Prefix")), tags,
                    longValue(text(one(a, "ObjectSizeGreaterThan"))), longValue(text(one(a, "ObjectSizeLessThan"))));
            int predicates = tags.size() + count(and.prefix(), and.objectSizeGreaterThan(), and.objectSizeLessThan());
            if (predicates < 2) {
                throw malformed(); // And combines two or more predicates
            }
        }
        if (count(prefix, tag, greater, less, and) > 1) {
            throw malformed();
        }
        return new LifecycleRule.Filter(prefix, tag, greater, less, and);
    }

    private static Tag tag(JsonNode node) {
        JsonNode t = element(node);
        allowOnly(t, TAG_ELEMENTS);
        String key = text(one(t, "Key"));
        String value = text(one(t, "Value"));
        if (key == null || value == null) {
            throw malformed();
        }
        return new Tag(key, value);
    }

    // --- values --------------------------------------------------------------------------------------

    private static void validate(List<LifecycleRule> rules) {
        Set<String> ids = new HashSet<>();
        boolean legacy = false;
        boolean filtered = false;
        for (LifecycleRule r : rules) {
            if (r.id().length() > MAX_ID_LENGTH) {
                throw S3Exception.invalidArgument("ID length should not exceed allowed limit of " + MAX_ID_LENGTH,
                        "ID", r.id());
            }
            if (!ids.add(r.id())) {
                throw S3Exception.invalidArgument("Rule ID must be unique. Found same ID for more than one rule",
                        "ID", r.id());
            }
            legacy |= r.prefix() != null;
            filtered |= r.filter() != null;
            validateRule(r);
        }
        if (legacy && filtered) {
            throw invalidRequest("Base level prefix cannot be used in Lifecycle V2, prefixes are only supported"
                    + " in the Filter.");
        }
    }

    private static void validateRule(LifecycleRule r) {
        if (r.expiration() == null && r.transitions().isEmpty() && r.noncurrentVersionExpiration() == null
                && r.noncurrentVersionTransitions().isEmpty() && r.abortIncompleteMultipartUploadDays() == null) {
            throw invalidRequest("At least one action needs to be specified in a rule");
        }
        if (r.filter() != null) {
            validateFilter(r.filter());
        }
        String filterText = r.keyPrefix();
        LifecycleRule.Expiration e = r.expiration();
        if (e != null) {
            if (e.days() != null && e.days() <= 0) {
                throw invalidArgument("'Days' for Expiration action must be a positive integer");
            }
            requireMidnight(e.date());
            if (e.expiredObjectDeleteMarker() != null && r.hasTagFilter()) {
                throw invalidRequest("ExpiredObjectDeleteMarker cannot be specified with Tags.");
            }
        }
        Integer abortDays = r.abortIncompleteMultipartUploadDays();
        if (abortDays != null) {
            if (abortDays <= 0) {
                throw invalidArgument(
                        "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
            }
            if (r.hasTagFilter()) {
                throw invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Tags.");
            }
            if (r.hasSizeFilter()) {
                throw invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Object Size.");
            }
        }
        Set<StorageClass> seen = EnumSet.noneOf(StorageClass.class);
        Boolean byDays = e == null || e.expiredObjectDeleteMarker() != null ? null : e.days() != null;
        for (LifecycleRule.Transition t : r.transitions()) {
            if (t.days() != null && t.days() < 0) {
                throw invalidArgument("'Days' in Transition action must be a nonnegative integer");
            }
            requireMidnight(t.date());
            checkThirtyDays(t.days(), t.storageClass(), "Transition");
            if (!seen.add(t.storageClass())) {
                throw invalidRequest("'StorageClass' must be different for 'Transition' actions in same 'Rule'"
                        + " with filter '(prefix=" + filterText + ")'");
            }
            boolean days = t.days() != null;
            if (byDays != null && byDays != days) {
                throw invalidRequest("Found mixed 'Date' and 'Days' based Expiration and Transition actions in"
                        + " lifecycle rule for filter '(prefix=" + filterText + ")'");
            }
            byDays = days;
            if (e != null && e.days() != null && t.days() != null && t.days() >= e.days()) {
                throw invalidArgument("'Days' in the Expiration action for filter '(prefix=" + filterText
                        + ")' must be greater than 'Days' in the Transition action");
            }
            if (e != null && e.date() != null && t.date() != null && !t.date().isBefore(e.date())) {
                throw invalidArgument("'Date' in the Expiration action for filter '(prefix=" + filterText
                        + ")' must be later than 'Date' in the Transition action");
            }
        }
        LifecycleRule.NoncurrentVersionExpiration nve = r.noncurrentVersionExpiration();
        if (nve != null) {
            if (nve.noncurrentDays() <= 0) {
                throw invalidArgument(
                        "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
            }
            checkNewer(nve.newerNoncurrentVersions(), "NoncurrentVersionExpiration");
        }
        Set<StorageClass> seenNoncurrent = EnumSet.noneOf(StorageClass.class);
        for (LifecycleRule.NoncurrentVersionTransition t : r.noncurrentVersionTransitions()) {
            if (t.noncurrentDays() < 0) {
                throw invalidArgument(
                        "'NoncurrentDays' for NoncurrentVersionTransition action must be a nonnegative integer");
            }
            checkThirtyDays(t.noncurrentDays(), t.storageClass(), "NoncurrentVersionTransition");
            checkNewer(t.newerNoncurrentVersions(), "NoncurrentVersionTransition");
            if (!seenNoncurrent.add(t.storageClass())) {
                throw invalidRequest("'StorageClass' must be different for 'NoncurrentVersionTransition' actions"
                        + " in same 'Rule' with filter '(prefix=" + filterText + ")'");
            }
            if (nve != null && t.noncurrentDays() >= nve.noncurrentDays()) {
                throw invalidArgument("'NoncurrentDays' in the NoncurrentVersionExpiration action for filter"
                        + " '(prefix=" + filterText + ")' must be greater than 'NoncurrentDays' in the"
                        + " NoncurrentVersionTransition action");
            }
        }
    }

    private static void validateFilter(LifecycleRule.Filter f) {
        List<Tag> tags = new ArrayList<>();
        Long greater = f.objectSizeGreaterThan();
        Long less = f.objectSizeLessThan();
        if (f.tag() != null) {
            tags.add(f.tag());
        }
        if (f.and() != null) {
            tags.addAll(f.and().tags());
            greater = f.and().objectSizeGreaterThan();
            less = f.and().objectSizeLessThan();
        }
        Set<String> keys = new HashSet<>();
        for (Tag t : tags) {
            if (t.key().isEmpty() || t.key().codePointCount(0, t.key().length()) > 128) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "The TagKey you have provided is invalid");
            }
            if (t.value().codePointCount(0, t.value().length()) > 256) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "The TagValue you have provided is invalid");
            }
            if (!keys.add(t.key())) {
                throw invalidRequest("Duplicate Tag Keys are not allowed.");
            }
        }
        if (greater != null && greater < 0) {
            throw invalidRequest("'ObjectSizeGreaterThan' should be between 0 and 1099511627776000.");
        }
        if (less != null && less <= 0) {
            throw invalidRequest("'ObjectSizeLessThan' should be between 1 and 1099511627776000.");
        }
        if (greater != null && less != null && less <= greater) {
            throw invalidRequest("'ObjectSizeLessThan' has to be a value greater than 'ObjectSizeGreaterThan'.");
        }
    }

    private static void checkThirtyDays(Integer days, StorageClass storageClass, String action) {
        if (days != null && days < 30 && THIRTY_DAY_MINIMUM.contains(storageClass)) {
            throw invalidArgument("'Days' in " + action + " action must be greater than or equal to 30 for"
                    + " storageClass '" + storageClass.name() + "'");
        }
    }

    private static void checkNewer(Integer newer, String action) {
        if (newer != null && (newer <= 0 || newer > 100)) {
            throw invalidArgument("'NewerNoncurrentVersions' for " + action
                    + " action must be a positive integer up to 100");
        }
    }

    private static void requireMidnight(Instant date) {
        if (date != null && (date.getEpochSecond() % 86_400 != 0 || date.getNano() != 0)) {
            throw invalidArgument("'Date' must be at midnight GMT");
        }
    }

    // --- helpers over Jackson's tree of the document ---------------------------------------------------

    /** An element that holds elements: an object, or an empty element (read as blank text). */
    private static JsonNode element(JsonNode n) {
        if (n.isObject()) {
            JsonNode text = n.get("");
            if (text != null && !(text.isTextual() && text.asText().isBlank())) {
                throw malformed(); // text mixed with elements
            }
            return n;
        }
        if (n.isTextual() && n.asText().isBlank()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        throw malformed();
    }

    private static void allowOnly(JsonNode element, Set<String> names) {
        for (Map.Entry<String, JsonNode> field : element.properties()) {
            String name = field.getKey();
            if (!name.isEmpty() && !names.contains(name)) {
                throw malformed();
            }
        }
    }

    /** The one child of that name, or null; repeated is malformed. */
    private static JsonNode one(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n != null && n.isArray()) {
            throw malformed();
        }
        return n;
    }

    private static List<JsonNode> many(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null) {
            return List.of();
        }
        if (n.isArray()) {
            List<JsonNode> out = new ArrayList<>(n.size());
            n.forEach(out::add);
            return out;
        }
        return List.of(n);
    }

    /** A text-only element's text ("" for an empty element), or null when absent. */
    private static String text(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        throw malformed();
    }

    private static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private static Long longValue(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private static Boolean bool(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw malformed();
        };
    }

    /** An xs:dateTime (zone defaults to UTC) or a plain date. */
    static Instant date(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException ignored) {
            // try the forms without a zone
        }
        try {
            return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException ignored) {
            // try a plain date
        }
        try {
            return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw malformed();
        }
    }

    private static StorageClass storageClass(String name, Function<String, StorageClass> storageClasses) {
        if (name == null) {
            throw malformed();
        }
        StorageClass c;
        try {
            c = storageClasses.apply(name.strip());
        } catch (RuntimeException e) {
            throw malformed();
        }
        if (c == null || !TRANSITION_CLASSES.contains(c)) {
            throw malformed();
        }
        return c;
    }

    private static int count(Object... values) {
        int n = 0;
        for (Object v : values) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    private static S3Exception malformed() {
        return new S3Exception(S3ErrorCode.MALFORMED_XML);
    }

    private static S3Exception invalidArgument(String message) {
        return new S3Exception(S3ErrorCode.INVALID_ARGUMENT, message);
    }

    private static S3Exception invalidRequest(String message) {
        return new S3Exception(S3ErrorCode.INVALID_REQUEST, message);
    }
}
