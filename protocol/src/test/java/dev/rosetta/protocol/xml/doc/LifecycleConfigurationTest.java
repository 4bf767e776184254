package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.protocol.xml.XmlTestSupport;
import dev.rosetta.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** PutBucketLifecycleConfiguration's body (parse and S3's checks) and GetBucketLifecycleConfiguration's answer. */
class LifecycleConfigurationTest {
    private static final String NS = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";

    private static List<LifecycleRule> parse(String xml) {
        AtomicInteger n = new AtomicInteger();
        return LifecycleConfigurationRequest.parse(xml.getBytes(StandardCharsets.UTF_8),
                Dialect.AWS::parseStorageClass, () -> "generated-" + n.incrementAndGet());
    }

    private static List<LifecycleRule> rules(String... rules) {
        return parse(NS + String.join("", rules) + "</LifecycleConfiguration>");
    }

    private static S3Exception error(String... rules) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> rules(rules));
        assertThat(e).as("an error").isNotNull();
        return e;
    }

    private static void assertError(S3ErrorCode code, String messagePart, String... rules) {
        S3Exception e = error(rules);
        assertThat(e.errorCode()).isEqualTo(code);
        if (messagePart != null) {
            assertThat(e.getMessage()).contains(messagePart);
        }
    }

    private static String rule(String inner) {
        return "<Rule>" + inner + "</Rule>";
    }

    private static final String ABORT_7 =
            "<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload>";

    @Test
    void parsesEveryElement() {
        List<LifecycleRule> r = rules(
                rule("<ID>full</ID><Filter><And><Prefix>logs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag>"
                        + "<Tag><Key>k2</Key><Value></Value></Tag><ObjectSizeGreaterThan>10</ObjectSizeGreaterThan>"
                        + "<ObjectSizeLessThan>1000</ObjectSizeLessThan></And></Filter><Status>Enabled</Status>"
                        + "<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>"
                        + "<Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition>"
                        + "<Expiration><Days>365</Days></Expiration>"
                        + "<NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays>"
                        + "<StorageClass>GLACIER_IR</StorageClass><NewerNoncurrentVersions>2</NewerNoncurrentVersions>"
                        + "</NoncurrentVersionTransition>"
                        + "<NoncurrentVersionExpiration><NoncurrentDays>60</NoncurrentDays>"
                        + "</NoncurrentVersionExpiration>"),
                rule("<Filter><Prefix>tmp/</Prefix></Filter><Status>Disabled</Status>" + ABORT_7),
                rule("<ID>date</ID><Filter/><Status>Enabled</Status>"
                        + "<Expiration><Date>2030-01-01T00:00:00Z</Date></Expiration>"),
                rule("<ID>marker</ID><Filter><Tag><Key>a</Key><Value>b</Value></Tag></Filter><Status>Enabled</Status>"
                        + "<Transition><Date>2029-01-01T00:00:00.000Z</Date><StorageClass>DEEP_ARCHIVE</StorageClass>"
                        + "</Transition>"));
        assertThat(r).hasSize(4);
        LifecycleRule full = r.get(0);
        assertThat(full.id()).isEqualTo("full");
        assertThat(full.enabled()).isTrue();
        assertThat(full.prefix()).isNull();
        assertThat(full.filter().and()).isEqualTo(new LifecycleRule.And("logs/",
                List.of(new Tag("k", "v"), new Tag("k2", "")), 10L, 1000L));
        assertThat(full.keyPrefix()).isEqualTo("logs/");
        assertThat(full.hasTagFilter()).isTrue();
        assertThat(full.hasSizeFilter()).isTrue();
        assertThat(full.transitions()).containsExactly(
                new LifecycleRule.Transition(30, null, StorageClass.STANDARD_IA),
                new LifecycleRule.Transition(90, null, StorageClass.GLACIER));
        assertThat(full.expiration()).isEqualTo(new LifecycleRule.Expiration(365, null, null));
        assertThat(full.noncurrentVersionTransitions()).containsExactly(
                new LifecycleRule.NoncurrentVersionTransition(30, 2, StorageClass.GLACIER_IR));
        assertThat(full.noncurrentVersionExpiration())
                .isEqualTo(new LifecycleRule.NoncurrentVersionExpiration(60, null));
        assertThat(full.abortIncompleteMultipartUploadDays()).isNull();

        LifecycleRule abort = r.get(1);
        assertThat(abort.id()).isEqualTo("generated-1");
        assertThat(abort.enabled()).isFalse();
        assertThat(abort.abortIncompleteMultipartUploadDays()).isEqualTo(7);
        assertThat(abort.abortsUploadsOf("tmp/x")).isFalse(); // disabled

        assertThat(r.get(2).filter()).isEqualTo(LifecycleRule.Filter.ALL);
        assertThat(r.get(2).keyPrefix()).isEmpty();
        assertThat(r.get(2).expiration().date()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(r.get(3).filter().tag()).isEqualTo(new Tag("a", "b"));
        assertThat(r.get(3).transitions().get(0).date()).isEqualTo(Instant.parse("2029-01-01T00:00:00Z"));
    }

    @Test
    void legacyPrefixRulesParseAndMatch() {
        List<LifecycleRule> r = rules(rule("<ID>a</ID><Prefix>docs/</Prefix><Status>Enabled</Status>" + ABORT_7),
                rule("<ID>b</ID><Prefix></Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>"));
        assertThat(r.get(0).prefix()).isEqualTo("docs/");
        assertThat(r.get(0).filter()).isNull();
        assertThat(r.get(0).abortsUploadsOf("docs/x")).isTrue();
        assertThat(r.get(0).abortsUploadsOf("doc")).isFalse();
        assertThat(r.get(1).prefix()).isEmpty();
    }

    @Test
    void rendersInS3sOrderAndParsesBack() {
        List<LifecycleRule> original = rules(
                rule("<Status>Enabled</Status><Expiration><Days>365</Days></Expiration><ID>x&amp;y</ID>"
                        + "<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition>"
                        + "<Filter><Prefix>a&lt;b</Prefix></Filter>" + ABORT_7),
                rule("<ID>and</ID><Filter><And><Prefix>p/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></And>"
                        + "</Filter><Status>Disabled</Status><Expiration><Date>2030-01-01T00:00:00Z</Date>"
                        + "</Expiration><NoncurrentVersionExpiration><NoncurrentDays>5</NoncurrentDays>"
                        + "<NewerNoncurrentVersions>3</NewerNoncurrentVersions></NoncurrentVersionExpiration>"),
                rule("<ID>empty</ID><Filter></Filter><Status>Enabled</Status>"
                        + "<Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>"));
        LifecycleConfiguration doc = new LifecycleConfiguration(original, Dialect.AWS);
        XmlWriter w = new XmlWriter();
        doc.writeContent(w);
        assertThat(w.toString()).startsWith("<Rule><ID>x&amp;y</ID><Filter><Prefix>a&lt;b</Prefix></Filter>"
                + "<Status>Enabled</Status><Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass>"
                + "</Transition><Expiration><Days>365</Days></Expiration><AbortIncompleteMultipartUpload>"
                + "<DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>");
        assertThat(w.toString()).contains("<Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration>"
                + "<NoncurrentVersionExpiration><NoncurrentDays>5</NoncurrentDays>"
                + "<NewerNoncurrentVersions>3</NewerNoncurrentVersions></NoncurrentVersionExpiration>");
        assertThat(w.toString()).contains("<Filter></Filter>");

        byte[] rendered = Dialect.AWS.render(doc);
        Element root = XmlTestSupport.parse(rendered).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("LifecycleConfiguration");
        assertThat(root.getNamespaceURI()).isEqualTo(Dialect.AWS_NAMESPACE);
        assertThat(XmlTestSupport.childNames(root)).containsExactly("Rule", "Rule", "Rule");
        List<LifecycleRule> back = LifecycleConfigurationRequest.parse(rendered, Dialect.AWS::parseStorageClass,
                () -> "unused");
        assertThat(back).isEqualTo(original);
    }

    @Test
    void shapeErrorsAreMalformedXml() {
        String ok = "<Status>Enabled</Status>" + ABORT_7;
        for (String bad : List.of(
                rule("<ID>a</ID><Filter/>" + ABORT_7),                                        // no Status
                rule("<ID>a</ID><Filter/><Status>enabled</Status>" + ABORT_7),                // Status case
                rule("<ID>a</ID>" + ok),                                                     // neither Filter nor Prefix
                rule("<ID>a</ID><Prefix>x</Prefix><Filter/>" + ok),                           // both
                rule("<ID>a</ID><Filter><Prefix>x</Prefix><Tag><Key>k</Key><Value>v</Value></Tag></Filter>"
                        + "<Status>Enabled</Status><Expiration><Days>1</Days></Expiration>"), // two predicates
                rule("<ID>a</ID><Filter><And><Prefix>x</Prefix></And></Filter>" + ok),        // And of one
                rule("<ID>a</ID><Filter><Tag><Key>k</Key></Tag></Filter><Status>Enabled</Status>"
                        + "<Expiration><Days>1</Days></Expiration>"),                       // Tag without Value
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days><Date>"
                        + "2030-01-01T00:00:00Z</Date></Expiration>"),                       // Days and Date
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expiration></Expiration>"), // empty Expiration
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>"
                        + "<Expiration><Days>2</Days></Expiration>"),                        // two Expirations
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expiration><Days>x</Days></Expiration>"),
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expiration><Date>soon</Date></Expiration>"),
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Transition><Days>1</Days>"
                        + "<StorageClass>STANDARD</StorageClass></Transition>"),              // not a target
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Transition><Days>1</Days></Transition>"),
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><AbortIncompleteMultipartUpload>"
                        + "</AbortIncompleteMultipartUpload>"),                                // no days
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expirations><Days>1</Days></Expirations>"),
                rule("<ID>a</ID><ID>b</ID><Filter/>" + ok))) {
            assertThat(error(bad).errorCode()).as(bad).isEqualTo(S3ErrorCode.MALFORMED_XML);
        }
        S3Exception none = catchThrowableOfType(S3Exception.class, () -> parse(NS + "</LifecycleConfiguration>"));
        assertThat(none.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
        S3Exception root = catchThrowableOfType(S3Exception.class,
                () -> parse("<BucketLifecycleConfiguration><Rule/></BucketLifecycleConfiguration>"));
        assertThat(root.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
    }

    @Test
    void idsAreCheckedForLengthAndUniqueness() {
        String longId = "i".repeat(256);
        rules(rule("<ID>" + "i".repeat(255) + "</ID><Filter/><Status>Enabled</Status>" + ABORT_7));
        S3Exception e = error(rule("<ID>" + longId + "</ID><Filter/><Status>Enabled</Status>" + ABORT_7));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("ID length should not exceed allowed limit of 255");
        assertThat(e.details()).containsEntry("ArgumentName", "ID");

        assertError(S3ErrorCode.INVALID_ARGUMENT, "Rule ID must be unique",
                rule("<ID>same</ID><Filter><Prefix>a</Prefix></Filter><Status>Enabled</Status>" + ABORT_7),
                rule("<ID>same</ID><Filter><Prefix>b</Prefix></Filter><Status>Enabled</Status>" + ABORT_7));
    }

    @Test
    void valuesAreCheckedAsS3Does() {
        assertError(S3ErrorCode.INVALID_REQUEST, "At least one action", rule("<ID>a</ID><Filter/><Status>Enabled</Status>"));
        assertError(S3ErrorCode.INVALID_ARGUMENT,
                "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><AbortIncompleteMultipartUpload>"
                        + "<DaysAfterInitiation>0</DaysAfterInitiation></AbortIncompleteMultipartUpload>"));
        assertError(S3ErrorCode.INVALID_REQUEST, "AbortIncompleteMultipartUpload cannot be specified with Tags.",
                rule("<ID>a</ID><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status>"
                        + ABORT_7));
        assertError(S3ErrorCode.INVALID_REQUEST, "AbortIncompleteMultipartUpload cannot be specified with Object Size.",
                rule("<ID>a</ID><Filter><ObjectSizeGreaterThan>5</ObjectSizeGreaterThan></Filter>"
                        + "<Status>Enabled</Status>" + ABORT_7));
        assertError(S3ErrorCode.INVALID_ARGUMENT, "'Days' for Expiration action must be a positive integer",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expiration><Days>0</Days></Expiration>"));
        assertError(S3ErrorCode.INVALID_ARGUMENT, "'Date' must be at midnight GMT",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Expiration><Date>2030-01-01T01:00:00Z</Date>"
                        + "</Expiration>"));
        assertError(S3ErrorCode.INVALID_REQUEST, "ExpiredObjectDeleteMarker cannot be specified with Tags.",
                rule("<ID>a</ID><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status>"
                        + "<Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>"));
        assertError(S3ErrorCode.INVALID_REQUEST, "Duplicate Tag Keys",
                rule("<ID>a</ID><Filter><And><Tag><Key>k</Key><Value>v</Value></Tag><Tag><Key>k</Key><Value>w</Value>"
                        + "</Tag></And></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>"));
        assertError(S3ErrorCode.INVALID_REQUEST, "'ObjectSizeLessThan' has to be a value greater",
                rule("<ID>a</ID><Filter><And><ObjectSizeGreaterThan>10</ObjectSizeGreaterThan>"
                        + "<ObjectSizeLessThan>10</ObjectSizeLessThan></And></Filter><Status>Enabled</Status>"
                        + "<Expiration><Days>1</Days></Expiration>"));
        assertError(S3ErrorCode.INVALID_ARGUMENT, "greater than or equal to 30 for storageClass 'STANDARD_IA'",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Transition><Days>29</Days>"
                        + "<StorageClass>STANDARD_IA</StorageClass></Transition>"));
        assertError(S3ErrorCode.INVALID_REQUEST, "'StorageClass' must be different",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Transition><Days>1</Days>"
                        + "<StorageClass>GLACIER</StorageClass></Transition><Transition><Days>2</Days>"
                        + "<StorageClass>GLACIER</StorageClass></Transition>"));
        assertError(S3ErrorCode.INVALID_ARGUMENT, "must be greater than 'Days' in the Transition action",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Transition><Days>10</Days>"
                        + "<StorageClass>GLACIER</StorageClass></Transition><Expiration><Days>10</Days></Expiration>"));
        assertError(S3ErrorCode.INVALID_REQUEST, "Found mixed 'Date' and 'Days'",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><Transition><Date>2030-01-01T00:00:00Z</Date>"
                        + "<StorageClass>GLACIER</StorageClass></Transition><Expiration><Days>10</Days></Expiration>"));
        assertError(S3ErrorCode.INVALID_ARGUMENT, "'NoncurrentDays' for NoncurrentVersionExpiration",
                rule("<ID>a</ID><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration>"
                        + "<NoncurrentDays>0</NoncurrentDays></NoncurrentVersionExpiration>"));
        assertError(S3ErrorCode.INVALID_REQUEST, "Base level prefix cannot be used in Lifecycle V2",
                rule("<ID>a</ID><Prefix>x</Prefix><Status>Enabled</Status>" + ABORT_7),
                rule("<ID>b</ID><Filter/><Status>Enabled</Status>" + ABORT_7));
    }

    @Test
    void atMostAThousandRules() {
        String one = "<Filter/><Status>Enabled</Status>" + ABORT_7;
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append(rule("<ID>r" + i + "</ID>" + one));
        }
        assertThat(rules(many.toString())).hasSize(1000);
        many.append(rule("<ID>r1000</ID>" + one));
        assertError(S3ErrorCode.INVALID_REQUEST, "maximum of 1000 rules", many.toString());
    }

    @Test
    void s3StyleGeneratedIdsAreBase64OfAUuid() {
        String id = LifecycleConfigurationRequest.generateId();
        assertThat(new String(java.util.Base64.getDecoder().decode(id), StandardCharsets.US_ASCII))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
