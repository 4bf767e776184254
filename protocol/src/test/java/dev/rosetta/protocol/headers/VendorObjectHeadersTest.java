package dev.rosetta.protocol.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.DialectCatalog;
import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.ObjectLockConfigurationRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The per-service rules of object-creation headers: user metadata names, values and limits (AWS, OBS, COS), RFC 2047
 * for non-ASCII values, OBS {@code x-obs-expires}, COS's default Content-Type, OBS's COMPLIANCE-only object lock, and
 * the ObjectLockConfiguration document.
 */
class VendorObjectHeadersTest {
    static final DialectCatalog CATALOG = new DialectCatalog(DialectCatalog.Namespaces.defaults("us-east-1"));
    static final Dialect AWS = Dialect.AWS;
    static final Dialect OBS = CATALOG.byName("OBS");
    static final Dialect OBS_S3 = CATALOG.byName("OBS-S3");
    static final Dialect COS = CATALOG.byName("COS");
    static final Dialect COS_S3 = CATALOG.byName("COS-S3");
    static final Dialect WOS = CATALOG.byName("WOS");

    static FakeRequestHead head() {
        return new FakeRequestHead();
    }

    static S3Exception failure(Executable call) {
        S3Exception e = catchThrowableOfType(S3Exception.class, call::execute);
        assertThat(e).as("expected a refusal").isNotNull();
        return e;
    }

    /** A header value as the server receives it: one char per byte of the UTF-8 text. */
    static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void servicesOfTheDialects() {
        assertThat(Service.of(AWS)).isEqualTo(Service.AWS);
        assertThat(Service.of(CATALOG.byName("JD"))).isEqualTo(Service.JD);
        assertThat(Service.of(OBS)).isEqualTo(Service.OBS);
        assertThat(Service.of(OBS_S3)).isEqualTo(Service.OBS);
        assertThat(Service.of(COS_S3)).isEqualTo(Service.COS);
        assertThat(Service.of(CATALOG.byName("WCS-S3"))).isEqualTo(Service.WOS);
    }

    @Nested
    class Metadata {
        @Test
        void cosNamesAreLettersDigitsAndHyphensFoldedToLowerCase() {
            ObjectHeaders h = ObjectHeadersReader.read(head().header("x-cos-meta-My-Key2", "v"), COS);
            assertThat(h.userMetadata()).containsExactly(Map.entry("my-key2", "v"));
            for (String bad : new String[] {"x-cos-meta-my_key", "x-cos-meta-a.b", "x-cos-meta-é"}) {
                S3Exception e = failure(() -> ObjectHeadersReader.read(head().header(bad, "v"), COS));
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
                assertThat(e.details()).containsEntry("ArgumentName", bad);
            }
            // the same rule for x-amz-meta- on a COS endpoint; not elsewhere
            assertThat(failure(() -> ObjectHeadersReader.read(head().header("x-amz-meta-my_key", "v"), COS_S3))
                    .errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(ObjectHeadersReader.read(head().header("x-amz-meta-my_key", "v"), AWS).userMetadata())
                    .containsKey("my_key");
        }

        @Test
        void cosTwoKilobytesPerHeaderAndFourInAll() {
            // name + value: 1 + 2047 = 2048 is the most one header may hold
            assertThat(ObjectHeadersReader.read(head().header("x-cos-meta-a", "v".repeat(2047)), COS).userMetadata())
                    .hasSize(1);
            S3Exception one = failure(() -> ObjectHeadersReader.read(head().header("x-cos-meta-a", "v".repeat(2048)),
                    COS));
            assertThat(one.errorCode()).isEqualTo(S3ErrorCode.METADATA_TOO_LARGE);
            assertThat(one.details()).containsEntry("MaxSizeAllowed", "2048");
            FakeRequestHead two = head().header("x-cos-meta-a", "v".repeat(2047)).header("x-cos-meta-b", "v".repeat(2047));
            assertThat(ObjectHeadersReader.read(two, COS).userMetadata()).hasSize(2); // 4096
            FakeRequestHead three = two.header("x-cos-meta-c", "v");
            S3Exception all = failure(() -> ObjectHeadersReader.read(three, COS));
            assertThat(all.errorCode()).isEqualTo(S3ErrorCode.METADATA_TOO_LARGE);
            assertThat(all.details()).containsEntry("MaxSizeAllowed", "4096");
        }

        @Test
        void obsAllowsEightKilobytesAwsAndWosTwo() {
            FakeRequestHead eight = head().header("x-obs-meta-a", "v".repeat(4000)).header("x-obs-meta-b",
                    "v".repeat(4190)); // 2 + 8190 = 8192
            assertThat(ObjectHeadersReader.read(eight, OBS).userMetadata()).hasSize(2);
            S3Exception over = failure(() -> ObjectHeadersReader.read(eight.header("x-obs-meta-c", ""), OBS));
            assertThat(over.errorCode()).isEqualTo(S3ErrorCode.METADATA_TOO_LARGE);
            assertThat(over.details()).containsEntry("MaxSizeAllowed", "8192");
            // OBS's S3 mode is OBS too
            assertThat(ObjectHeadersReader.read(head().header("x-amz-meta-a", "v".repeat(5000)), OBS_S3)
                    .userMetadata()).hasSize(1);
            assertThat(failure(() -> ObjectHeadersReader.read(head().header("x-amz-meta-a", "v".repeat(5000)), AWS))
                    .details()).containsEntry("MaxSizeAllowed", "2048");
            assertThat(failure(() -> ObjectHeadersReader.read(head().header("x-wos-meta-a", "v".repeat(2048)), WOS))
                    .details()).containsEntry("MaxSizeAllowed", "2048");
        }

        @Test
        void nonAsciiValuesAreStoredAsUnicodeAndAnsweredRfc2047() {
            String text = "日本語 é";
            ObjectHeaders h = ObjectHeadersReader.read(head().header("x-amz-meta-name", wire(text)), AWS);
            assertThat(h.userMetadata()).containsEntry("name", text);
            String answered = UserMetadataHeaders.responseValue(text);
            assertThat(answered).isEqualTo("=?UTF-8?B?" + java.util.Base64.getEncoder()
                    .encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=");
            // an RFC 2047 value is decoded (B and Q, any charset Java knows); answered in S3's B form
            assertThat(UserMetadataHeaders.storedValue(answered)).isEqualTo(text);
            assertThat(UserMetadataHeaders.storedValue("=?ISO-8859-1?Q?caf=E9_cr=E8me?=")).isEqualTo("café crème");
            assertThat(UserMetadataHeaders.storedValue("=?UTF-8?B?5pel?= =?UTF-8?B?5pys?=")).isEqualTo("日本");
            // ASCII stays exactly as given, encoded words of ASCII text included; broken words too
            assertThat(UserMetadataHeaders.storedValue("=?UTF-8?B?aGVsbG8=?=")).isEqualTo("=?UTF-8?B?aGVsbG8=?=");
            assertThat(UserMetadataHeaders.storedValue("=?UTF-8?B?!!?=")).isEqualTo("=?UTF-8?B?!!?=");
            assertThat(UserMetadataHeaders.responseValue("plain = ?")).isEqualTo("plain = ?");
            // bytes that are not UTF-8 are ISO-8859-1
            assertThat(UserMetadataHeaders.storedValue("caf\u00e9")).isEqualTo("café");
            // the limit counts UTF-8 bytes of what is stored: 3 bytes per character here
            String big = wire("語".repeat(682)); // 2046 bytes + name 1
            assertThat(ObjectHeadersReader.read(head().header("x-amz-meta-a", big), AWS).userMetadata()).hasSize(1);
            assertThat(failure(() -> ObjectHeadersReader.read(head().header("x-amz-meta-ab", wire("語".repeat(683))),
                    AWS)).errorCode()).isEqualTo(S3ErrorCode.METADATA_TOO_LARGE);
        }
    }

    @Test
    void obsExpiresIsWholeDaysOnObsEndpointsOnly() {
        assertThat(ObjectHeadersReader.read(head().header("x-obs-expires", "0"), OBS).expiresDays()).isZero();
        assertThat(ObjectHeadersReader.read(head().header("x-obs-expires", " 30 "), OBS_S3).expiresDays())
                .isEqualTo(30);
        assertThat(ObjectHeadersReader.read(head().header("x-obs-expires", "30"), AWS).expiresDays()).isNull();
        for (String bad : new String[] {"-1", "1.5", "", "ten", "9999999999"}) {
            S3Exception e = failure(() -> ObjectHeadersReader.read(head().header("x-obs-expires", bad), OBS));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-obs-expires");
        }
    }

    @Test
    void cosDefaultContentTypeIsApplicationOctetStream() {
        assertThat(ObjectHeadersReader.read(head(), COS).contentType()).isEqualTo("application/octet-stream");
        assertThat(ObjectHeadersReader.read(head(), COS_S3).contentType()).isEqualTo("application/octet-stream");
        assertThat(ObjectHeadersReader.read(head(), AWS).contentType()).isEqualTo("binary/octet-stream");
        assertThat(ObjectHeadersReader.read(head().header("Content-Type", "text/plain"), COS).contentType())
                .isEqualTo("text/plain");
    }

    @Test
    void obsObjectLockIsComplianceOnlyInItsOwnHeaderNames() {
        ObjectLock lock = ObjectHeadersReader.read(head().header("x-obs-object-lock-mode", "COMPLIANCE")
                .header("x-obs-object-lock-retain-until-date", "2030-01-02T03:04:05Z"), OBS).objectLock();
        assertThat(lock).isEqualTo(new ObjectLock("COMPLIANCE", Instant.parse("2030-01-02T03:04:05Z"), null));
        S3Exception governance = failure(() -> ObjectHeadersReader.read(head()
                .header("x-obs-object-lock-mode", "GOVERNANCE")
                .header("x-obs-object-lock-retain-until-date", "2030-01-02T03:04:05Z"), OBS));
        assertThat(governance.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(governance.details()).containsEntry("ArgumentName", "x-obs-object-lock-mode");
        S3Exception half = failure(() -> ObjectHeadersReader.read(head()
                .header("x-obs-object-lock-mode", "COMPLIANCE"), OBS));
        assertThat(half.getMessage()).contains("x-obs-object-lock-retain-until-date");
    }

    @Nested
    class LockConfigurationDocument {
        ObjectLockConfiguration parse(String xml, boolean complianceOnly) {
            return XmlRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8), "ObjectLockConfiguration",
                    ObjectLockConfigurationRequest.class).toConfiguration(complianceOnly);
        }

        S3ErrorCode refusal(String xml) {
            return failure(() -> parse(xml, false)).errorCode();
        }

        @Test
        void enabledWithOrWithoutADefaultRetention() {
            assertThat(parse("<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                    + "</ObjectLockConfiguration>", false)).isEqualTo(ObjectLockConfiguration.ENABLED);
            assertThat(parse("<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode>"
                    + "<Days>3</Days></DefaultRetention></Rule></ObjectLockConfiguration>", false).defaultRetention())
                    .isEqualTo(new ObjectLockConfiguration.DefaultRetention("GOVERNANCE", 3, null));
            assertThat(parse("<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>"
                    + "<DefaultRetention><Mode>COMPLIANCE</Mode><Years>2</Years></DefaultRetention></Rule>"
                    + "</ObjectLockConfiguration>", true).defaultRetention())
                    .isEqualTo(new ObjectLockConfiguration.DefaultRetention("COMPLIANCE", null, 2));
        }

        @Test
        void refusalsAsS3() {
            String head = "<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule>";
            String tail = "</Rule></ObjectLockConfiguration>";
            assertThat(refusal("<ObjectLockConfiguration/>")).isEqualTo(S3ErrorCode.MALFORMED_XML);
            assertThat(refusal("<ObjectLockConfiguration><ObjectLockEnabled>Disabled</ObjectLockEnabled>"
                    + "</ObjectLockConfiguration>")).isEqualTo(S3ErrorCode.MALFORMED_XML);
            assertThat(refusal(head + tail)).isEqualTo(S3ErrorCode.MALFORMED_XML);
            assertThat(refusal(head + "<DefaultRetention><Mode>GOVERNANCE</Mode></DefaultRetention>" + tail))
                    .isEqualTo(S3ErrorCode.MALFORMED_XML);
            assertThat(refusal(head + "<DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days><Years>1</Years>"
                    + "</DefaultRetention>" + tail)).isEqualTo(S3ErrorCode.MALFORMED_XML);
            assertThat(refusal(head + "<DefaultRetention><Mode>LEGAL</Mode><Days>1</Days></DefaultRetention>" + tail))
                    .isEqualTo(S3ErrorCode.MALFORMED_XML);
            assertThat(refusal(head + "<DefaultRetention><Mode>GOVERNANCE</Mode><Days>0</Days></DefaultRetention>"
                    + tail)).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(refusal(head + "<DefaultRetention><Mode>GOVERNANCE</Mode><Years>101</Years>"
                    + "</DefaultRetention>" + tail)).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            // OBS has no GOVERNANCE
            assertThat(failure(() -> parse(head + "<DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days>"
                    + "</DefaultRetention>" + tail, true)).errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
        }

        @Test
        void defaultRetentionCountsCalendarDaysAndYearsInUtc() {
            Instant created = Instant.parse("2024-02-29T10:00:00Z");
            assertThat(new ObjectLockConfiguration.DefaultRetention("COMPLIANCE", 1, null).retainUntil(created))
                    .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
            assertThat(new ObjectLockConfiguration.DefaultRetention("COMPLIANCE", null, 1).retainUntil(created))
                    .isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
        }
    }
}
