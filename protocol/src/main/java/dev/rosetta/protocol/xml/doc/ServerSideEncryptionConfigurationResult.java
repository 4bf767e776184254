package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.SseHeaderNames;
import dev.rosetta.protocol.model.BucketEncryption;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;

/**
 * GetBucketEncryption's answer: {@code <ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>
 * <SSEAlgorithm/>[<KMSMasterKeyID/>]</ApplyServerSideEncryptionByDefault><BucketKeyEnabled/></Rule>
 * </ServerSideEncryptionConfiguration>}, the algorithm in the reader's family's words ({@code kms} for OBS,
 * {@code KMS} for COS, whose bucket-encryption documents use that word).
 */
public record ServerSideEncryptionConfigurationResult(BucketEncryption encryption, HeaderFamily family)
        implements XmlDocument {
    @Override
    public String rootElement() {
        return "ServerSideEncryptionConfiguration";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.start("Rule").start("ApplyServerSideEncryptionByDefault")
                .element("SSEAlgorithm", family == HeaderFamily.COS && SseHeaderNames.isKms(encryption.algorithm())
                        ? ServerSideEncryptionConfigurationRequest.COS_KMS
                        : SseHeaderNames.algorithmName(family, encryption.algorithm()))
                .optional("KMSMasterKeyID", encryption.kmsKeyId())
                .end()
                .element("BucketKeyEnabled", Boolean.TRUE.equals(encryption.bucketKeyEnabled()))
                .end();
    }
}
