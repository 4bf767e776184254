package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.xml.XmlRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompleteMultipartUploadRequestTest {

    private static List<CompleteMultipartUploadRequest.Part> parts(String xml) {
        return XmlRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8), "CompleteMultipartUpload",
                CompleteMultipartUploadRequest.class).parts();
    }

    private static void assertMalformed(String xml) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> parts(xml));
        assertThat(e).as(xml).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
    }

    @Test
    void partsKeepDocumentOrderETagsAndChecksums() {
        List<CompleteMultipartUploadRequest.Part> p = parts("<CompleteMultipartUpload"
                + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Part><ETag>\"a\"</ETag><PartNumber>2</PartNumber><ChecksumCRC32>x==</ChecksumCRC32></Part>"
                + "<Part><PartNumber> 1 </PartNumber><ETag>b</ETag><ChecksumSHA256>s</ChecksumSHA256>"
                + "<ChecksumCRC64NVME>n</ChecksumCRC64NVME></Part>"
                + "<Part><PartNumber>3</PartNumber></Part>"
                + "</CompleteMultipartUpload>");
        assertThat(p).hasSize(3);
        assertThat(p.get(0)).isEqualTo(new CompleteMultipartUploadRequest.Part(2, "\"a\"",
                Map.of(ChecksumAlgorithm.CRC32, "x==")));
        assertThat(p.get(1).partNumber()).isEqualTo(1);
        assertThat(p.get(1).checksums()).containsOnlyKeys(ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.SHA256);
        assertThat(p.get(2).etag()).isNull();
    }

    @Test
    void partsSplitByAnotherElementAreAllKept() {
        assertThat(parts("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part><Other/>"
                + "<Part><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>"))
                .extracting(CompleteMultipartUploadRequest.Part::partNumber).containsExactly(1, 2);
    }

    @Test
    void malformedDocumentsAreRefused() {
        assertMalformed("");
        assertMalformed("not xml");
        assertMalformed("<CompleteMultipartUpload></CompleteMultipartUpload>");
        assertMalformed("<CompleteMultipartUpload><Part><ETag>a</ETag></Part></CompleteMultipartUpload>");
        assertMalformed("<CompleteMultipartUpload><Part><PartNumber>x</PartNumber></Part></CompleteMultipartUpload>");
        assertMalformed("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part>");
        assertMalformed("<Complete><Part><PartNumber>1</PartNumber></Part></Complete>");
    }
}
