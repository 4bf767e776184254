package dev.rosetta.storage;

/**
 * The outcome of CompleteMultipartUpload.
 *
 * @param object           the object now at the key
 * @param alreadyCompleted true when the upload had been completed before (a retried request whose first
 *                         answer was lost); nothing was changed
 */
public record CompleteResult(ObjectRecord object, boolean alreadyCompleted) {
}
