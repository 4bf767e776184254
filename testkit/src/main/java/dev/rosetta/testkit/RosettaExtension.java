package dev.rosetta.testkit;

import dev.rosetta.server.config.ServerConfig;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts an in-process Rosetta per class or per test. Use it through
 * {@link RosettaTest}, or register it as a field to configure it and reach the server:
 *
 * <pre>{@code
 * @RegisterExtension
 * static RosettaExtension rosetta = RosettaExtension.perClass().configure(b -> b.region("eu-west-1"));
 *
 * @Test
 * void lists() {
 *     S3Client s3 = rosetta.server().s3Client();
 * }
 * }</pre>
 *
 * The extension keeps its server in its own field, never in static state, so classes running in
 * parallel each get their own.
 */
public final class RosettaExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final String S3_CLIENT = "software.amazon.awssdk.services.s3.S3Client";

    private final Boolean perClass;
    private UnaryOperator<ServerConfig.Builder> customiser = b -> b;
    private Rosetta classServer;
    private Rosetta methodServer;

    /** Used by {@link RosettaTest}: the lifecycle comes from the annotation. */
    public RosettaExtension() {
        this(null);
    }

    private RosettaExtension(Boolean perClass) {
        this.perClass = perClass;
    }

    /** One server for all tests of the class. */
    public static RosettaExtension perClass() {
        return new RosettaExtension(true);
    }

    /** A fresh server for every test. */
    public static RosettaExtension perMethod() {
        return new RosettaExtension(false);
    }

    /** Adjusts the configuration of the servers this extension starts. */
    public RosettaExtension configure(UnaryOperator<ServerConfig.Builder> c) {
        this.customiser = c;
        return this;
    }

    /** The server of the current test. */
    public Rosetta server() {
        Rosetta r = methodServer != null ? methodServer : classServer;
        if (r == null) {
            throw new IllegalStateException("no Rosetta server is running: use it from a test or lifecycle method");
        }
        return r;
    }

    private boolean isPerClass(ExtensionContext context) {
        if (perClass != null) {
            return perClass;
        }
        RosettaTest annotation = context.getRequiredTestClass().getAnnotation(RosettaTest.class);
        return annotation == null || annotation.lifecycle() == RosettaTest.Lifecycle.PER_CLASS;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isPerClass(context)) {
            classServer = Rosetta.start(customiser);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!isPerClass(context)) {
            methodServer = Rosetta.start(customiser);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (methodServer != null) {
            methodServer.close();
            methodServer = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (classServer != null) {
            classServer.close();
            classServer = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == Rosetta.class || type.getName().equals(S3_CLIENT);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Rosetta r = methodServer != null ? methodServer : classServer;
        if (r == null && !isPerClass(extension)) {
            // constructors and @BeforeAll run before the per-method server exists
            throw new ParameterResolutionException("with a server per method, ask for it in test or @BeforeEach methods");
        }
        if (r == null) {
            throw new ParameterResolutionException("no Rosetta server is running");
        }
        return parameter.getParameter().getType() == Rosetta.class ? r : r.s3Client();
    }
}
