package dev.rosetta.bench.load;

import dev.rosetta.bench.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** The operations of {@code --op}, and the drains that prepare and clean up. */
public final class Workloads {
    private Workloads() {
    }

    /** PutObject of {@code size} bytes, each to a new key {@code prefix<slot>-<n>}. */
    public static Workload put(S3Requests rq, String bucket, String prefix, long size) {
        return slot -> s -> s.single(rq.putObject(bucket, prefix + s.index() + "-" + s.nextSequence(), size));
    }

    /** GetObject of the prepared keys, round robin per slot (slots start spread over the list). */
    public static Workload get(S3Requests rq, String bucket, List<String> keys, long size) {
        return slot -> {
            String key = keys.get(position(slot, keys.size()));
            return s -> s.send(rq.getObject(bucket, key), r -> expectBody(s, r, size));
        };
    }

    /** HeadObject of the prepared keys, round robin per slot. */
    public static Workload stat(S3Requests rq, String bucket, List<String> keys) {
        return slot -> {
            String key = keys.get(position(slot, keys.size()));
            return s -> s.single(rq.headObject(bucket, key));
        };
    }

    private static int position(Slot slot, int n) {
        int[] next = (int[]) slot.attachment;
        if (next == null) {
            next = new int[] {(int) ((long) slot.index() * 7919 % n)};
            slot.attachment = next;
        }
        int p = next[0];
        next[0] = (p + 1) % n;
        return p;
    }

    private static void expectBody(Slot s, Response r, long size) {
        if (!r.isSuccess()) {
            s.fail(r.errorKey());
        } else if (r.bodyBytes() != size) {
            s.fail("short body: " + r.bodyBytes() + " of " + size + " bytes");
        } else {
            s.done();
        }
    }

    /** CreateMultipartUpload alone, each for a new key; the uploads are aborted by the clean-up. */
    static Workload initiate(S3Requests rq, String bucket, String prefix, UploadTracker uploads) {
        return slot -> s -> {
            String key = prefix + s.index() + "-" + s.nextSequence();
            s.send(rq.initiate(bucket, key, true), r -> {
                if (!r.isSuccess()) {
                    if (r.status() == 0) {
                        uploads.uncertain();
                    }
                    s.fail(r.errorKey());
                    return;
                }
                String uploadId = Xml.first(r.bodyText(), "UploadId");
                if (uploadId == null || uploadId.isEmpty()) {
                    uploads.uncertain();
                    s.fail("no UploadId in the initiate answer");
                } else {
                    uploads.opened(key, uploadId);
                    s.done();
                }
            });
        };
    }

    /** A whole multipart upload per operation: initiate, {@code parts} parts of {@code partSize}, complete. */
    static Workload multipart(S3Requests rq, String bucket, String prefix, int parts, long partSize,
                              UploadTracker uploads) {
        return slot -> new MultipartOp(rq, bucket, prefix + slot.index() + "-" + slot.nextSequence(), parts, partSize,
                uploads);
    }

    private static final class MultipartOp implements Workload.Op {
        private final S3Requests rq;
        private final String bucket;
        private final String key;
        private final int parts;
        private final long partSize;
        private final List<String> etags;
        private final UploadTracker uploads;
        private String uploadId;

        MultipartOp(S3Requests rq, String bucket, String key, int parts, long partSize, UploadTracker uploads) {
            this.rq = rq;
            this.uploads = uploads;
            this.bucket = bucket;
            this.key = key;
            this.parts = parts;
            this.partSize = partSize;
            this.etags = new ArrayList<>(parts);
        }

        @Override
        public void start(Slot s) {
            s.send(rq.initiate(bucket, key, true), r -> {
                if (!r.isSuccess()) {
                    if (r.status() == 0) {
                        uploads.uncertain();
                    }
                    s.fail(r.errorKey());
                    return;
                }
                uploadId = Xml.first(r.bodyText(), "UploadId");
                if (uploadId == null || uploadId.isEmpty()) {
                    uploads.uncertain();
                    s.fail("no UploadId in the initiate answer");
                    return;
                }
                nextPart(s);
            });
        }

        /** A failure after the initiate: the upload stays open until the clean-up aborts it. */
        private void failOpen(Slot s, String errorKey) {
            uploads.opened(key, uploadId);
            s.fail(errorKey);
        }

        private void nextPart(Slot s) {
            if (etags.size() == parts) {
                s.send(rq.complete(bucket, key, uploadId, etags), r -> {
                    String code = r.isSuccess() ? r.s3Code() : null; // S3 may answer 200 with an error document
                    if (!r.isSuccess()) {
                        failOpen(s, r.errorKey());
                    } else if (code != null) {
                        failOpen(s, r.status() + " " + code);
                    } else {
                        s.done();
                    }
                });
                return;
            }
            s.send(rq.uploadPart(bucket, key, uploadId, etags.size() + 1, partSize), r -> {
                String etag = r.header("ETag");
                if (!r.isSuccess()) {
                    failOpen(s, r.errorKey());
                } else if (etag == null) {
                    failOpen(s, "no ETag in the UploadPart answer");
                } else {
                    etags.add(etag);
                    nextPart(s);
                }
            });
        }
    }

    /**
     * ListObjectsV2 pages of {@code pageSize} keys under {@code prefix}: each slot walks the listing with
     * continuation tokens and starts over at its end.
     */
    public static Workload list(S3Requests rq, String bucket, String prefix, int pageSize) {
        return slot -> s -> {
            String[] token = (String[]) s.attachment;
            if (token == null) {
                token = new String[1];
                s.attachment = token;
            }
            String[] t = token;
            s.send(rq.listObjectsV2(bucket, prefix, pageSize, t[0]), r -> {
                if (!r.isSuccess()) {
                    s.fail(r.errorKey());
                    return;
                }
                String body = r.bodyText();
                boolean truncated = "true".equals(Xml.first(body, "IsTruncated"));
                t[0] = truncated ? Xml.first(body, "NextContinuationToken") : null;
                if (Xml.blocks(body, "Contents").isEmpty()) {
                    s.fail("empty listing page");
                } else {
                    s.done();
                }
            });
        };
    }

    /** warp-like mixed traffic over a pool of objects: GET, HEAD, PUT of new keys, DELETE of pool keys. */
    public static Workload mixed(S3Requests rq, String bucket, KeyPool pool, Mix mix, String newPrefix, long size) {
        return slot -> {
            int pick = ThreadLocalRandom.current().nextInt(mix.total());
            if (pick < mix.get() + mix.stat()) {
                boolean get = pick < mix.get();
                return s -> {
                    KeyPool.Entry e = pool.borrow();
                    if (e == null) {
                        s.fail("the object pool is empty");
                        return;
                    }
                    s.send(get ? rq.getObject(bucket, e.key) : rq.headObject(bucket, e.key), r -> {
                        pool.release(e);
                        if (get) {
                            expectBody(s, r, size);
                        } else if (r.isSuccess()) {
                            s.done();
                        } else {
                            s.fail(r.errorKey());
                        }
                    });
                };
            }
            String victim = pick >= mix.get() + mix.stat() + mix.put() ? pool.takeForDelete() : null;
            if (victim != null) {
                return s -> s.single(rq.deleteObject(bucket, victim));
            }
            return s -> {
                String key = newPrefix + s.index() + "-" + s.nextSequence();
                s.send(rq.putObject(bucket, key, size), r -> {
                    if (r.isSuccess()) {
                        pool.add(key);
                        s.done();
                    } else {
                        s.fail(r.errorKey());
                    }
                });
            };
        };
    }

    /** An unsigned GET of a fixed URL (a static file served by nginx, ...). */
    public static Workload staticGet(String hostHeader, String target) {
        return slot -> s -> s.send(S3Requests.staticGet(hostHeader, target), r -> {
            if (r.isSuccess()) {
                s.done();
            } else {
                s.fail(r.errorKey());
            }
        });
    }

    /** A drain: {@code action} once per item, items handed out in order to whichever slot is free. */
    public static <T> Workload forEach(List<T> items, BiConsumer<Slot, T> action) {
        AtomicInteger next = new AtomicInteger();
        return slot -> {
            int i = next.getAndIncrement();
            if (i >= items.size()) {
                return null;
            }
            T item = items.get(i);
            return s -> action.accept(s, item);
        };
    }

    /** A drain over items produced one at a time (never all in memory), handed to whichever slot is free. */
    public static <T> Workload forEach(java.util.Iterator<T> items, BiConsumer<Slot, T> action) {
        return slot -> {
            T item;
            synchronized (items) {
                if (!items.hasNext()) {
                    return null;
                }
                item = items.next();
            }
            return s -> action.accept(s, item);
        };
    }

    /** A drain of one operation. */
    public static Workload once(Workload.Op op) {
        AtomicInteger left = new AtomicInteger(1);
        return slot -> left.getAndDecrement() > 0 ? op : null;
    }
}
