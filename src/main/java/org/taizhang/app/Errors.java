package org.taizhang.app;

import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.common.UserException;

/**
 * The one place that tells a user error from a bug and words what the user reads. A {@link UserException}
 * (anywhere in the cause chain) is the user's to fix: its own message is shown. Anything else is a bug: it is
 * logged with its stack trace under a short reference, and the user sees only that reference and where the log
 * file is. Used by the command line's top-level handler and by the window's error dialogs, background-task
 * failures and uncaught-exception handler.
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    /** Letters and digits that cannot be mistaken for one another when read out over the phone. */
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Errors() {
    }

    /** The user error carried by {@code e} (itself or one of its causes), if any. */
    public static Optional<UserException> userError(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UserException u) {
                return Optional.of(u);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }

    /** What the user reads for {@code e}: the user error's message, or, for a bug, {@link #reportBug}. */
    public static String message(Throwable e) {
        return userError(e).map(Throwable::getMessage).orElseGet(() -> reportBug(e));
    }

    /** Logs {@code e} as a bug under a new reference and returns the Chinese message naming it and the log file. */
    public static String reportBug(Throwable e) {
        String ref = newReference();
        LOG.error("错误编号 {}：程序内部错误", ref, e);
        return bugMessage(ref);
    }

    /** 「程序内部错误（错误编号 XXXX）。请把日志文件 …/taizhang.log 发给维护人员。」 */
    public static String bugMessage(String reference) {
        return "程序内部错误（错误编号 " + reference + "）。请把日志文件 " + Logs.file() + " 发给维护人员。";
    }

    static String newReference() {
        char[] c = new char[6];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
