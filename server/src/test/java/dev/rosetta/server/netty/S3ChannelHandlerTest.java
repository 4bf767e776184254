package dev.rosetta.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.Credential;
import dev.rosetta.auth.RequestAuthenticator;
import dev.rosetta.auth.StaticCredentialStore;
import dev.rosetta.protocol.dialect.DialectCatalog;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.routing.RoutingTable;
import dev.rosetta.server.handler.HandlerRegistry;
import dev.rosetta.server.http.DialectResolver;
import dev.rosetta.server.http.Endpoints;
import dev.rosetta.server.http.HostStyleResolver;
import dev.rosetta.server.http.RequestProcessor;
import dev.rosetta.server.testing.V2Signer;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (codec, idle timer, S3 handler) on an {@link EmbeddedChannel}: addressing,
 * routing, pipelining and the body rules, without sockets. Handlers run inline.
 */
class S3ChannelHandlerTest {
    private static final String AK = "AKIDEMBEDDED00000000";
    private static final String SK = "embedded-secret";
    private static final Owner OWNER = new Owner("owner-id", "owner");
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;
    private StorageEngine store;
    private EmbeddedChannel channel;
    private RequestProcessor processor;

    @BeforeEach
    void setUp() {
        store = StorageEngine.open(dir, Durability.NONE);
        store.buckets().create("photos", OWNER, null, "AWS", Instant.now());
        Clock clock = Clock.systemUTC();
        processor = new RequestProcessor(new HostStyleResolver(List.of("s3.example.test")),
                new Endpoints(List.of(), "us-east-1"),
                new DialectResolver(new DialectCatalog(DialectCatalog.Namespaces.defaults("us-east-1"))),
                new RequestAuthenticator(new StaticCredentialStore(List.of(new Credential(AK, SK, OWNER))),
                        "us-east-1", clock),
                RoutingTable.s3(), new HandlerRegistry(store, "us-east-1", clock), clock);
        channel = new EmbeddedChannel(new S3ChannelInitializer(processor, Runnable::run, new InFlightRequests(),
                () -> false, new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), 8192, 8192, clock,
                dev.rosetta.server.observe.RequestObserver.NONE, null));
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
        store.close();
    }

    private static String signedGet(String host, String target, String resource) {
        String date = RFC_1123.format(Instant.now());
        return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nDate: " + date + "\r\nAuthorization: "
                + V2Signer.authorization(AK, SK, "GET\n\n\n" + date + "\n" + resource) + "\r\n\r\n";
    }

    /** Writes bytes in, runs what the handlers scheduled, returns everything written out. */
    private String roundTrip(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
        return written();
    }

    /** Everything written out since the last call. */
    private String written() {
        StringBuilder out = new StringBuilder();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            out.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return out.toString();
    }

    /** The head of a V2-signed PUT of {@code resource} (path style) with {@code extraHeaders} (each ending CRLF). */
    private static String signedPutHead(String resource, String extraHeaders) {
        String date = RFC_1123.format(Instant.now());
        return "PUT " + resource + " HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: " + date + "\r\nAuthorization: "
                + V2Signer.authorization(AK, SK, "PUT\n\n\n" + date + "\n" + resource) + "\r\n" + extraHeaders
                + "\r\n";
    }

    @Test
    void virtualHostBucketComesFromTheHostHeader() {
        String response = roundTrip(signedGet("photos.s3.example.test:9000", "/?location", "/photos/?location"));
        assertThat(response).startsWith("HTTP/1.1 200 OK").contains("<LocationConstraint");
    }

    @Test
    void pathStyleBucketComesFromThePath() {
        String response = roundTrip(signedGet("127.0.0.1:9000", "/photos?location", "/photos?location"));
        assertThat(response).startsWith("HTTP/1.1 200 OK").contains("<LocationConstraint");
    }

    @Test
    void theBareDomainIsPathStyle() {
        String response = roundTrip(signedGet("s3.example.test", "/photos?location", "/photos?location"));
        assertThat(response).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void anUnknownHostIsPathStyleEvenWhenItLooksVirtual() {
        String response = roundTrip(signedGet("photos.elsewhere.test", "/photos?location", "/photos?location"));
        assertThat(response).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void aVirtualHostBucketThatDoesNotExistIsNoSuchBucket() {
        String response = roundTrip(signedGet("nothing.s3.example.test", "/?location", "/nothing/?location"));
        assertThat(response).startsWith("HTTP/1.1 404").contains("<Code>NoSuchBucket</Code>");
    }

    @Test
    void unknownSubResourceIsNotImplemented() {
        String response = roundTrip(signedGet("127.0.0.1", "/photos?nonsense", "/photos"));
        assertThat(response).startsWith("HTTP/1.1 501").contains("<Code>NotImplemented</Code>");
    }

    @Test
    void operationsWithoutAHandlerAreNotImplemented() {
        String response = roundTrip(signedGet("127.0.0.1", "/photos?policy", "/photos?policy"));
        assertThat(response).startsWith("HTTP/1.1 501").contains("GetBucketPolicy is not implemented");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        String one = signedGet("127.0.0.1", "/photos?location", "/photos?location");
        String two = signedGet("127.0.0.1", "/photos?nonsense", "/photos");
        String response = roundTrip(one + two + one);
        assertThat(response.split("HTTP/1.1 ", -1)).hasSize(4);
        int first = response.indexOf("HTTP/1.1 200");
        int second = response.indexOf("HTTP/1.1 501");
        int third = response.indexOf("HTTP/1.1 200", second);
        assertThat(first).isZero();
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void aLongRunOfQueuedRequestsIsAnsweredInOrder() {
        // a listing goes to the worker pool, so the 3,000 requests behind it queue; once it is answered, each
        // queued request is served after the previous answer was written (answers written at once complete
        // without a listener)
        ArrayDeque<Runnable> workerTasks = new ArrayDeque<>();
        channel.finishAndReleaseAll();
        channel = new EmbeddedChannel(new S3ChannelInitializer(processor, workerTasks::add, new InFlightRequests(),
                () -> false, new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), 8192, 8192,
                Clock.systemUTC(), dev.rosetta.server.observe.RequestObserver.NONE, null));
        StringBuilder in = new StringBuilder(signedGet("127.0.0.1", "/photos", "/photos"));
        int queued = 3000;
        for (int i = 0; i < queued; i++) {
            in.append(i % 3 == 2 ? signedGet("127.0.0.1", "/photos?nonsense", "/photos")
                    : signedGet("127.0.0.1", "/photos?location", "/photos?location"));
        }
        channel.writeInbound(Unpooled.copiedBuffer(in, StandardCharsets.ISO_8859_1));
        assertThat(workerTasks).as("the listing waits for a worker").isNotEmpty();
        while (!workerTasks.isEmpty()) {
            workerTasks.poll().run();
            channel.runPendingTasks();
        }
        String[] answers = written().split("HTTP/1.1 ", -1);
        assertThat(answers).hasSize(queued + 2);
        assertThat(answers[1]).startsWith("200").contains("<ListBucketResult");
        for (int i = 0; i < queued; i++) {
            assertThat(answers[i + 2]).as("answer %d", i).startsWith(i % 3 == 2 ? "501" : "200");
        }
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void continueIsSentOnlyAfterTheHeadIsAccepted() {
        String date = RFC_1123.format(Instant.now());
        String response = roundTrip(signedPutHead("/newbucket", "Expect: 100-continue\r\nContent-Length: 0\r\n"));
        assertThat(response).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK");
        assertThat(store.buckets().exists("newbucket")).isTrue();

        String badHead = "PUT /otherbucket HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: " + date
                + "\r\nAuthorization: AWS " + AK + ":AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\nExpect: 100-continue"
                + "\r\nContent-Length: 10\r\n\r\n";
        String refused = roundTrip(badHead);
        assertThat(refused).startsWith("HTTP/1.1 403").doesNotContain("100 Continue");
        assertThat(channel.isOpen()).isFalse();
        assertThat(store.buckets().exists("otherbucket")).isFalse();
    }

    @Test
    void aBodyLargerThanTheOperationTakesIsRefusedBeforeItIsRead() {
        String response = roundTrip(signedPutHead("/bigbody", "Content-Length: 10000000\r\n"));
        assertThat(response).startsWith("HTTP/1.1 400").contains("<Code>MaxMessageLengthExceeded</Code>")
                .contains("Connection: close");
        assertThat(store.buckets().exists("bigbody")).isFalse();
    }

    /** Lets {@code seconds} pass on the channel's clock, running the timers that fall due on the way. */
    private void idleFor(int seconds) {
        for (int i = 0; i < seconds; i++) {
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleLimit() {
        idleFor(S3ChannelInitializer.IDLE_SECONDS - 5);
        assertThat(channel.isOpen()).isTrue();
        idleFor(S3ChannelInitializer.IDLE_SECONDS / 4 + 5);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aRequestRestartsTheIdleCount() {
        idleFor(S3ChannelInitializer.IDLE_SECONDS - 10);
        assertThat(roundTrip(signedGet("127.0.0.1", "/photos?location", "/photos?location")))
                .startsWith("HTTP/1.1 200 OK");
        idleFor(S3ChannelInitializer.IDLE_SECONDS - 10);
        assertThat(channel.isOpen()).isTrue();
        idleFor(S3ChannelInitializer.IDLE_SECONDS / 4 + 15);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBodyThatStallsIsAnsweredRequestTimeout() {
        assertThat(roundTrip(signedPutHead("/photos/stalled", "Content-Length: 10\r\n") + "abc")).isEmpty();
        idleFor(S3ChannelInitializer.IDLE_SECONDS + S3ChannelInitializer.IDLE_SECONDS / 4 + 1);
        assertThat(written()).startsWith("HTTP/1.1 400").contains("<Code>RequestTimeout</Code>");
        assertThat(channel.isOpen()).isFalse();
        assertThat(store.objects().find("photos", "stalled")).isEmpty();
    }
}
