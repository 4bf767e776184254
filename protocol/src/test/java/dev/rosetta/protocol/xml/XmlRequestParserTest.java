package dev.rosetta.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.xml.doc.CreateBucketConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlRequestParserTest {

    private static final String ROOT = "CreateBucketConfiguration";

    private static CreateBucketConfiguration parse(String xml) {
        return XmlRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8), ROOT, CreateBucketConfiguration.class);
    }

    private static S3Exception malformed(String xml) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> parse(xml));
        assertThat(e).as("must be refused: %s", xml).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    /** Every text an error could carry to a client or a log: message, details, causes and their messages. */
    private static String everythingSaid(Throwable t) {
        StringBuilder sb = new StringBuilder();
        List<Throwable> seen = new ArrayList<>();
        for (Throwable c = t; c != null && !seen.contains(c); c = c.getCause()) {
            seen.add(c);
            sb.append(c).append('\n').append(c.getMessage()).append('\n');
            if (c instanceof S3Exception s3) {
                sb.append(s3.details()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void parsesWithAwsNamespace() {
        CreateBucketConfiguration c = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\n"
                + "  <LocationConstraint>eu-west-1</LocationConstraint>\n"
                + "</CreateBucketConfiguration>");
        assertThat(c.locationConstraint).isEqualTo("eu-west-1");
    }

    @Test
    void parsesWithoutNamespaceOrDeclaration() {
        assertThat(parse("<CreateBucketConfiguration><LocationConstraint>ap-south-1</LocationConstraint>"
                + "</CreateBucketConfiguration>").locationConstraint).isEqualTo("ap-south-1");
    }

    @Test
    void parsesWithAVendorNamespaceAndPrefix() {
        assertThat(parse("<s3:CreateBucketConfiguration xmlns:s3=\"http://obs.example/doc/2015-06-30/\">"
                + "<s3:LocationConstraint>cn-north-4</s3:LocationConstraint></s3:CreateBucketConfiguration>")
                .locationConstraint).isEqualTo("cn-north-4");
    }

    @Test
    void emptyConfigurationAndUnknownElementsAreAccepted() {
        assertThat(parse("<CreateBucketConfiguration/>").locationConstraint).isNull();
        assertThat(parse("<CreateBucketConfiguration><Other>x</Other><LocationConstraint>us-west-2"
                + "</LocationConstraint></CreateBucketConfiguration>").locationConstraint).isEqualTo("us-west-2");
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreDecoded() {
        assertThat(parse("<CreateBucketConfiguration><LocationConstraint>a&amp;b&#65;&lt;</LocationConstraint>"
                + "</CreateBucketConfiguration>").locationConstraint).isEqualTo("a&bA<");
    }

    @Test
    void wrongRootIsMalformed() {
        malformed("<Tagging><TagSet/></Tagging>");
        malformed("<createbucketconfiguration><LocationConstraint>x</LocationConstraint></createbucketconfiguration>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not xml at all",
            "<CreateBucketConfiguration>",
            "<CreateBucketConfiguration><LocationConstraint>x</CreateBucketConfiguration>",
            "<CreateBucketConfiguration><LocationConstraint>x</LocationConstraint>",
            "<CreateBucketConfiguration attr=noquotes></CreateBucketConfiguration>",
            "<CreateBucketConfiguration>&undefined;</CreateBucketConfiguration>",
            "<CreateBucketConfiguration><LocationConstraint>&e;</LocationConstraint></CreateBucketConfiguration>",
            "<?xml version=\"1.0\"?>",
            "   ",
            "<CreateBucketConfiguration></CreateBucketConfiguration><Second/>",
            "<CreateBucketConfiguration></CreateBucketConfiguration>trailing text",
    })
    void notWellFormedIsMalformed(String xml) {
        malformed(xml);
    }

    @Test
    void emptyOrNullBodyIsMalformed() {
        S3Exception empty = catchThrowableOfType(S3Exception.class,
                () -> XmlRequestParser.parse(new byte[0], ROOT, CreateBucketConfiguration.class));
        assertThat(empty.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
        S3Exception nul = catchThrowableOfType(S3Exception.class,
                () -> XmlRequestParser.parse(null, ROOT, CreateBucketConfiguration.class));
        assertThat(nul.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
    }

    /** A bindable type with a number, to check values that do not convert. */
    public static final class Counted {
        public int count;
    }

    @Test
    void valueThatDoesNotBindIsMalformed() {
        byte[] ok = "<Counted><count>12</count></Counted>".getBytes(StandardCharsets.UTF_8);
        assertThat(XmlRequestParser.parse(ok, "Counted", Counted.class).count).isEqualTo(12);
        byte[] bad = "<Counted><count>twelve</count></Counted>".getBytes(StandardCharsets.UTF_8);
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> XmlRequestParser.parse(bad, "Counted",
                Counted.class));
        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
    }

    @Test
    void whitespaceCommentsAndProcessingInstructionsAroundTheRootAreFine() {
        assertThat(parse("\n<!-- leading -->\n<CreateBucketConfiguration><LocationConstraint>eu-central-1"
                + "</LocationConstraint></CreateBucketConfiguration>\n<!-- trailing -->\n<?pi x?>\n  ")
                .locationConstraint).isEqualTo("eu-central-1");
    }

    @Test
    void unknownEntityInsideTextIsNotSilentlyDropped() {
        // "a&e;b" must never become "ab": the key of a Delete document could then name another object
        malformed("<CreateBucketConfiguration><LocationConstraint>a&e;b</LocationConstraint>"
                + "</CreateBucketConfiguration>");
    }

    @Test
    void externalEntityIsRefusedAndNeverRead(@TempDir Path dir) throws IOException {
        String secret = "ROSETTA-XXE-SECRET-7f3a9c";
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, secret);
        String uri = file.toUri().toString();
        for (String xml : List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + uri + "\">]>"
                        + "<CreateBucketConfiguration><LocationConstraint>&e;</LocationConstraint>"
                        + "</CreateBucketConfiguration>",
                "<!DOCTYPE CreateBucketConfiguration [<!ENTITY e SYSTEM \"" + uri + "\">]>"
                        + "<CreateBucketConfiguration><LocationConstraint>&e;</LocationConstraint>"
                        + "</CreateBucketConfiguration>",
                "<!DOCTYPE CreateBucketConfiguration [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>"
                        + "<CreateBucketConfiguration/>",
                "<!DOCTYPE CreateBucketConfiguration SYSTEM \"" + uri + "\"><CreateBucketConfiguration/>")) {
            S3Exception e = malformed(xml);
            assertThat(everythingSaid(e)).doesNotContain(secret);
        }
    }

    @Test
    void externalEntityToEtcPasswdIsRefused() throws IOException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CreateBucketConfiguration><LocationConstraint>&e;</LocationConstraint></CreateBucketConfiguration>";
        S3Exception e = malformed(xml);
        Path passwd = Path.of("/etc/passwd");
        if (Files.isReadable(passwd)) {
            String said = everythingSaid(e);
            for (String line : Files.readAllLines(passwd)) {
                if (line.length() > 8) {
                    assertThat(said).doesNotContain(line);
                }
            }
        }
        assertThat(everythingSaid(e)).doesNotContain("root:x:0:0");
    }

    @Test
    void externalDtdAndEntitiesAreNeverFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil";
            List<String> bodies = List.of(
                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + url + "\">]>"
                            + "<CreateBucketConfiguration><LocationConstraint>&e;</LocationConstraint>"
                            + "</CreateBucketConfiguration>",
                    "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><CreateBucketConfiguration/>",
                    "<!DOCTYPE CreateBucketConfiguration SYSTEM \"" + url + "\"><CreateBucketConfiguration/>");
            for (String xml : bodies) {
                // a parser that fetched would block waiting for an HTTP answer: bound the time
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> malformed(xml));
            }
            server.setSoTimeout(200);
            // a connection waiting here would mean the parser reached out
            assertThatThrownBy(() -> server.accept().close())
                    .as("the parser must not connect to the entity's URL").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void billionLaughsIsRefusedQuicklyAndNeverExpanded() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                + "<!ENTITY lol \"lollollollollollollollollollol\">\n");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "lol" : "lol" + (i - 1);
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append('&').append(prev).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<CreateBucketConfiguration><LocationConstraint>&lol9;</LocationConstraint>"
                + "</CreateBucketConfiguration>");
        S3Exception e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> malformed(dtd.toString()));
        assertThat(everythingSaid(e)).doesNotContain("lol".repeat(11));
    }

    @Test
    void doctypeWithoutEntitiesIsRefusedToo() {
        malformed("<!DOCTYPE CreateBucketConfiguration><CreateBucketConfiguration><LocationConstraint>eu-west-1"
                + "</LocationConstraint></CreateBucketConfiguration>");
    }

    @Test
    void malformedErrorCarriesTheDefaultMessage() {
        S3Exception e = malformed("<oops");
        assertThat(e.getMessage()).isEqualTo(S3ErrorCode.MALFORMED_XML.defaultMessage());
    }
}
