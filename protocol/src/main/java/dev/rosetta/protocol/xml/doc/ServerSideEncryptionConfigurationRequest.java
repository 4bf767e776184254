package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.SseHeaderNames;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.BucketEncryption;
import java.util.List;

/**
 * The ServerSideEncryptionConfiguration document of PutBucketEncryption, as bound by
 * {@link dev.rosetta.protocol.xml.XmlRequestParser}: {@code <Rule><ApplyServerSideEncryptionByDefault>
 * <SSEAlgorithm/>[<KMSMasterKeyID/>]</ApplyServerSideEncryptionByDefault>[<BucketKeyEnabled/>]</Rule>}.
 */
public final class ServerSideEncryptionConfigurationRequest {
    /** COS's word for KMS in this document (its headers say {@code cos/kms}, which is taken here too). */
    static final String COS_KMS = "KMS";

    @JacksonXmlElementWrapper(useWrapping = false)
    @JacksonXmlProperty(localName = "Rule")
    public List<Rule> rules;

    /** The Rule element. */
    public static final class Rule {
        @JacksonXmlProperty(localName = "ApplyServerSideEncryptionByDefault")
        public ApplyByDefault applyByDefault;
        @JacksonXmlProperty(localName = "BucketKeyEnabled")
        public String bucketKeyEnabled;
    }

    /** The ApplyServerSideEncryptionByDefault element. */
    public static final class ApplyByDefault {
        @JacksonXmlProperty(localName = "SSEAlgorithm")
        public String algorithm;
        @JacksonXmlProperty(localName = "KMSMasterKeyID")
        public String kmsMasterKeyId;
    }

    /**
     * The configuration to store.
     *
     * @param family whose words the algorithm is in ({@code kms} for OBS, {@code KMS} or {@code cos/kms} for COS)
     * @throws S3Exception MalformedXML (not exactly one Rule, no ApplyServerSideEncryptionByDefault, an unknown
     *                     algorithm, a BucketKeyEnabled other than true or false), InvalidArgument (a KMS key id
     *                     with an algorithm that is not KMS)
     */
    public BucketEncryption toEncryption(HeaderFamily family) {
        if (rules == null || rules.size() != 1 || rules.get(0).applyByDefault == null) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        Rule rule = rules.get(0);
        String word = trim(rule.applyByDefault.algorithm);
        String algorithm = family == HeaderFamily.COS && COS_KMS.equals(word) ? SseHeaderNames.AWS_KMS
                : SseHeaderNames.parseAlgorithm(family, word);
        if (algorithm == null) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        String keyId = trim(rule.applyByDefault.kmsMasterKeyId);
        if (keyId != null && keyId.isEmpty()) {
            keyId = null;
        }
        if (keyId != null && !SseHeaderNames.isKms(algorithm)) {
            throw S3Exception.invalidArgument("a KMSMasterKeyID is only allowed with a KMS algorithm",
                    "KMSMasterKeyID", keyId);
        }
        String flag = trim(rule.bucketKeyEnabled);
        if (flag != null && !flag.equals("true") && !flag.equals("false")) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        return new BucketEncryption(algorithm, keyId, flag == null ? null : Boolean.valueOf(flag));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
