package dev.rosetta.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogbackDefaultsTest {
    @Test
    void levelNamesAreReadInAnyCaseAndFallBackToInfo() {
        assertThat(LogbackDefaults.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(LogbackDefaults.level(" WARN ")).isEqualTo(Level.WARN);
        assertThat(LogbackDefaults.level(null)).isEqualTo(Level.INFO);
        assertThat(LogbackDefaults.level("")).isEqualTo(Level.INFO);
        assertThat(LogbackDefaults.level("loud")).isEqualTo(Level.INFO);
    }

    @Test
    void configuresOneStandardErrorAppenderAndQuietsNetty() {
        LoggerContext context = new LoggerContext();
        LogbackDefaults defaults = new LogbackDefaults();
        defaults.setContext(context);

        assertThat(defaults.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = root.getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(appender.isStarted()).isTrue();
        assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) ((ConsoleAppender<?>) appender).getEncoder()).getPattern())
                .isEqualTo(LogbackDefaults.PATTERN);
        assertThat(context.getLogger("io.netty").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.rosetta").getEffectiveLevel())
                .isEqualTo(LogbackDefaults.level(System.getenv("ROSETTA_LOG_LEVEL")));
        context.stop();
    }

    @Test
    void isWhatConfiguredThisTestRunsLogging() {
        // no logback.xml or logback-test.xml on the test class path: Logback found this configurator itself
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
        assertThat(context.getLogger("io.netty").getEffectiveLevel()).isEqualTo(Level.WARN);
    }
}
