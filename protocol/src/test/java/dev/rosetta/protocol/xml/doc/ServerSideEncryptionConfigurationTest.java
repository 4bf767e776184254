package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.BucketEncryption;
import dev.rosetta.protocol.xml.XmlRequestParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerSideEncryptionConfigurationTest {

    static BucketEncryption parse(String rule, HeaderFamily family) {
        String xml = "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + rule
                + "</ServerSideEncryptionConfiguration>";
        return XmlRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8), "ServerSideEncryptionConfiguration",
                ServerSideEncryptionConfigurationRequest.class).toEncryption(family);
    }

    @Test
    void eachFamilyNamesKmsInItsOwnWords() {
        assertThat(parse("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault></Rule>", HeaderFamily.AMZ))
                .isEqualTo(new BucketEncryption("AES256", null, null));
        assertThat(parse("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
                + "<KMSMasterKeyID> k1 </KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
                + "<BucketKeyEnabled>true</BucketKeyEnabled></Rule>", HeaderFamily.AMZ))
                .isEqualTo(new BucketEncryption("aws:kms", "k1", true));
        assertThat(parse("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>kms</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault></Rule>", HeaderFamily.OBS))
                .isEqualTo(new BucketEncryption("aws:kms", null, null));
        assertThat(parse("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>cos/kms</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault></Rule>", HeaderFamily.COS).algorithm()).isEqualTo("aws:kms");

        assertThat(parse("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault></Rule>", HeaderFamily.COS).algorithm()).isEqualTo("aws:kms");

        BucketEncryption kms = new BucketEncryption("aws:kms", "k1", null);
        assertThat(ListBucketResultTest.content(new ServerSideEncryptionConfigurationResult(kms, HeaderFamily.COS)))
                .startsWith("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>");
        assertThat(ListBucketResultTest.content(new ServerSideEncryptionConfigurationResult(kms, HeaderFamily.OBS)))
                .isEqualTo("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>kms</SSEAlgorithm>"
                        + "<KMSMasterKeyID>k1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
                        + "<BucketKeyEnabled>false</BucketKeyEnabled></Rule>");
        assertThat(ListBucketResultTest.content(new ServerSideEncryptionConfigurationResult(
                new BucketEncryption("AES256", null, true), HeaderFamily.AMZ)))
                .isEqualTo("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                        + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>");
    }

    @Test
    void malformedConfigurationsAreRefusedAsS3Does() {
        String aes = "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault>";
        for (String rule : new String[] {
            "",
            "<Rule></Rule>",
            "<Rule>" + aes + "</Rule><Rule>" + aes + "</Rule>",
            "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>kms</SSEAlgorithm>"
                    + "</ApplyServerSideEncryptionByDefault></Rule>", // OBS's word, not AWS's
            "<Rule>" + aes + "<BucketKeyEnabled>yes</BucketKeyEnabled></Rule>",
        }) {
            assertThatThrownBy(() -> parse(rule, HeaderFamily.AMZ)).as(rule)
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML));
        }
        assertThatThrownBy(() -> parse("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                + "<KMSMasterKeyID>k1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule>", HeaderFamily.AMZ))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT));
    }
}
