package dev.rosetta.storage;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Walks the multipart uploads of one bucket (optionally under a key prefix) page by page, with the
 * ListMultipartUploads range scan ({@link MultipartSessionStore#list}): each page is one seek to just
 * after the previous page's last upload plus one step per upload, so a walk reads only the bucket's
 * (prefix's) uploads, never the rest of the database, and holds no iterator or snapshot between
 * pages. The visitor may abort the uploads it is shown: the next page starts after the last upload
 * listed whether or not it still exists. Uploads initiated during a walk may or may not be seen.
 */
public final class UploadScan {
    /** The listing's own page limit. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final MultipartSessionStore uploads;
    private final int pageSize;

    public UploadScan(MultipartSessionStore uploads) {
        this(uploads, DEFAULT_PAGE_SIZE);
    }

    public UploadScan(MultipartSessionStore uploads, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.pageSize = pageSize;
    }

    /**
     * Shows {@code visitor} every upload of {@code bucket} whose key starts with {@code prefix}, one page
     * at a time, in listing order (key in UTF-8 byte order, then upload id).
     *
     * @param prefix  "" or null for every upload of the bucket
     * @param visitor given each page; returns false to stop the walk
     * @return whether the walk reached the end (false: the visitor stopped it, or the bucket is gone)
     */
    public boolean forEachPage(String bucket, String prefix, Predicate<List<MultipartUpload>> visitor) {
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            UploadListing page;
            try {
                page = uploads.list(bucket, new UploadListRequest(prefix, null, keyMarker, uploadIdMarker, pageSize));
            } catch (S3Exception e) {
                if (e.errorCode() == S3ErrorCode.NO_SUCH_BUCKET) {
                    return false; // deleted while walked
                }
                throw e;
            }
            if (!page.uploads().isEmpty() && !visitor.test(page.uploads())) {
                return false;
            }
            if (!page.truncated()) {
                return true;
            }
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        }
    }
}
