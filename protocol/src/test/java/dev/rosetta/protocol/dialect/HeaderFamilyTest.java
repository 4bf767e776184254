package dev.rosetta.protocol.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.StorageClass;
import org.junit.jupiter.api.Test;

class HeaderFamilyTest {

    @Test
    void eachFamilyReadsItsOwnStorageClassNames() {
        assertThat(HeaderFamily.AMZ.parseStorageClass("STANDARD_IA")).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(HeaderFamily.OBS.parseStorageClass("WARM")).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(HeaderFamily.OBS.parseStorageClass("COLD")).isEqualTo(StorageClass.GLACIER);
        assertThat(HeaderFamily.COS.parseStorageClass("ARCHIVE")).isEqualTo(StorageClass.GLACIER);
        assertThat(HeaderFamily.COS.parseStorageClass("MAZ_STANDARD_IA")).isEqualTo(StorageClass.MAZ_STANDARD_IA);
        // the COS Java SDK's spellings
        assertThat(HeaderFamily.COS.parseStorageClass("Archive")).isEqualTo(StorageClass.GLACIER);
        assertThat(HeaderFamily.COS.parseStorageClass("Standard_IA")).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(HeaderFamily.WOS.parseStorageClass("ia")).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(HeaderFamily.WOS.parseStorageClass("Archive")).isEqualTo(StorageClass.GLACIER);
    }

    @Test
    void eachFamilyAnswersInItsOwnNames() {
        assertThat(HeaderFamily.OBS.storageClassName(StorageClass.STANDARD_IA)).isEqualTo("WARM");
        assertThat(HeaderFamily.OBS.storageClassName(StorageClass.GLACIER)).isEqualTo("COLD");
        assertThat(HeaderFamily.COS.storageClassName(StorageClass.GLACIER)).isEqualTo("ARCHIVE");
        assertThat(HeaderFamily.WOS.storageClassName(StorageClass.STANDARD)).isEqualTo("Standard");
        assertThat(HeaderFamily.WOS.storageClassName(StorageClass.STANDARD_IA)).isEqualTo("IA");
        assertThat(HeaderFamily.AMZ.storageClassName(StorageClass.MAZ_STANDARD)).isEqualTo("STANDARD");
        for (HeaderFamily f : HeaderFamily.values()) {
            for (StorageClass sc : StorageClass.values()) {
                // every answer is a name the same family reads back
                String name = f.storageClassName(sc);
                assertThat(f.parseStorageClass(name)).as(f + " " + sc).isNotNull();
            }
        }
    }

    @Test
    void anotherFamilysNameIsInvalid() {
        assertThatThrownBy(() -> HeaderFamily.AMZ.parseStorageClass("WARM")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.errorCode().code()).isEqualTo("InvalidStorageClass"));
        assertThatThrownBy(() -> HeaderFamily.OBS.parseStorageClass("GLACIER")).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> HeaderFamily.COS.parseStorageClass("COLD")).isInstanceOf(S3Exception.class);
    }

    @Test
    void headerNamesUseTheFamilyPrefix() {
        assertThat(HeaderFamily.COS.header("acl")).isEqualTo("x-cos-acl");
        assertThat(HeaderFamily.WOS.prefix()).isEqualTo("x-wos-");
    }
}
