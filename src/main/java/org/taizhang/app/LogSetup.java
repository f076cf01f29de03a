package org.taizhang.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configures logging (SLF4J → logback) in code, found by logback through {@code META-INF/services}: one rolling
 * file {@link Logs#file()} of at most 2 MB, the three before it kept as {@code taizhang.1.log} … {@code taizhang.3.log}.
 * Our own classes log from INFO, the libraries (jOOQ, POI, …) only warnings. Nothing goes to the console: the clerk
 * reads the program's own messages, the maintainer reads the file. The file and its folder are only created when
 * the first message is written (see {@link OnFirstEvent}).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        context.getLogger("org.taizhang").setLevel(Level.INFO);
        Path dir = Logs.directory();
        String base = dir.resolve("taizhang").toString();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(base + ".log");
        file.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(base + ".%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("2MB"));
        trigger.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        OnFirstEvent lazy = new OnFirstEvent(dir, file);
        lazy.setContext(context);
        lazy.setName("file-on-first-event");
        lazy.start();
        root.addAppender(lazy);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Opens the log file (creating its folder) only when the first message arrives, so a run that logs nothing
     * leaves no trace in the data directory. When the folder cannot be created, messages are dropped quietly.
     */
    static final class OnFirstEvent extends AppenderBase<ILoggingEvent> {
        private final Path dir;
        private final RollingFileAppender<ILoggingEvent> file;
        private boolean tried;

        OnFirstEvent(Path dir, RollingFileAppender<ILoggingEvent> file) {
            this.dir = dir;
            this.file = file;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (!tried) {
                tried = true;
                try {
                    Files.createDirectories(dir);
                    file.start();
                } catch (Exception e) {
                    return;
                }
            }
            if (file.isStarted()) {
                file.doAppend(event);
            }
        }

        @Override
        public void stop() {
            file.stop();
            super.stop();
        }
    }
}
